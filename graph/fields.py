"""Every field of an actor, a relation, a source and a story, declared once.

The loader's required and optional fields, the JSON Schema for editors, the ``add`` command's
help texts and the relation records of queries are all derived from these declarations.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """One field: its ``name`` in the YAML, its ``kind`` (how it is written and checked), whether it
    is ``required``, a ``help`` line for people, and whether its text may span several lines."""

    name: str
    kind: str  # actor_id | text | texts | choice | choices | actor | actors | date | end | sources | flag | markdown ...
    help: str
    required: bool = False
    multiline: bool = False
    choices: str | None = None  # the vocabulary section a choice comes from


ACTOR = (
    Field("id", "actor_id", "Actor id: lowercase words joined by hyphens, like kassym-jomart-tokayev.", True),
    Field("name", "text", "The actor's usual full name.", True),
    Field("kind", "choice", "What the actor is: a kind from the vocabulary.", True, choices="kinds"),
    Field("aliases", "texts", "Other names and spellings."),
    Field("description", "text", "One or two sentences saying who this is, from the documents only.", True,
          multiline=True),
    Field("tags", "texts", "Free tags."),
)

RELATION = (
    Field("id", "text", "Explicit relation id, when the derived one would clash."),
    Field("from", "actor", "The actor id the relation reads from.", True),
    Field("to", "actor", "The actor id the relation reads to.", True),
    Field("type", "choice", "A relation type from the vocabulary (reads FROM label TO).", True,
          choices="relation_types"),
    Field("status", "choice", "How the document presents it: the default status unless attributed or hedged.",
          choices="statuses"),
    Field("claimed_by", "actor", "The actor id of who makes the claim (for alleged or disputed relations)."),
    Field("role", "text", "The role or title held, e.g. Chairman."),
    Field("start", "date", "When a state began: YYYY, YYYY-MM or YYYY-MM-DD."),
    Field("end", "end", "When a state ended: YYYY, YYYY-MM or YYYY-MM-DD, or 'unknown' for a former post."),
    Field("date", "date", "The date of an event (instead of start/end): YYYY, YYYY-MM or YYYY-MM-DD."),
    Field("sources", "sources", "At least one document and a verbatim quote from it.", True),
    Field("note", "text", "A remark for readers, from the documents only.", multiline=True),
)

SOURCE = (
    Field("document", "text", "A document id from the seeds' sources.yaml.", True),
    Field("quote", "text", "Words copied verbatim from the document, enough to be evidence.", True, multiline=True),
)


STORY = (
    Field("title", "text", "The story's title.", True),
    Field("description", "text", "What the story tells, in a sentence or two.", multiline=True),
    Field("steps", "steps", "The steps, in reading order.", True),
)

STEP = (
    Field("title", "text", "The step's title.", True),
    Field("text", "markdown", "What the step says, supported by the citations it shows: Markdown paragraphs "
          "with *emphasis*, **strong**, [links](https://...) and lists only.", True, multiline=True),
    Field("actors", "actors", "Actors to highlight: ids, names or aliases."),
    Field("relations", "relations", "Relation ids to highlight (as `actorgraph show` and the exports give them)."),
    Field("path", "path", "Two actors [A, B]: highlight the path `actorgraph path A B` finds with the step's filters."),
    Field("as_of", "date", "Show the map as of this date: YYYY, YYYY-MM or YYYY-MM-DD."),
    Field("strict", "flag", "With as_of: only relations known to hold at the date."),
    Field("reported_only", "flag", "Hide alleged and disputed relations."),
    Field("include_context", "flag", "Let the path walk context relations (commentary, citizenship)."),
    Field("categories", "choices", "Show only these relation categories.", choices="categories"),
    Field("exclude_categories", "choices", "Hide these relation categories.", choices="categories"),
    Field("focus", "actor", "Centre the camera on this actor (id, name or alias) instead of fitting what is highlighted."),
)


def required(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields if f.required)


def optional(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields if not f.required)


def named(fields: tuple[Field, ...], name: str) -> Field:
    """The field called ``name``.

    >>> named(RELATION, "role").help
    'The role or title held, e.g. Chairman.'
    """
    return next(f for f in fields if f.name == name)


MULTILINE = tuple(sorted({f.name for f in (*ACTOR, *RELATION, *SOURCE) if f.multiline}))
STORY_MULTILINE = tuple(sorted({f.name for f in (*STORY, *STEP) if f.multiline}))
