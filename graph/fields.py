"""Every field of an actor, a relation and a source, declared once.

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
    kind: str  # actor_id | text | texts | choice | actor | date | end | sources
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
