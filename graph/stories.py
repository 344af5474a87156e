"""Stories: guided, cited walks through the map, one YAML file each in the data folder's ``stories/``.

A story has a ``title``, an optional ``description`` and ``steps``; each step a ``title``, a ``text`` (the
Markdown subset of :mod:`graph.storytext`) and what it shows: ``actors``, ``relations`` (ids) and/or a
``path: [A, B]`` found as ``actorgraph path`` finds it, with the step's filters (``as_of``, ``strict``,
``reported_only``, ``include_context``, ``categories``, ``exclude_categories``) and an optional camera
``focus``. Stories are checked against the built graph; every problem is located (``FILE:LINE:COLUMN``).

What a step highlights: the actors it names, the relations it names and the path's hops; a step that names
actors only highlights the relations among them that its filters show. The step cites those relations.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx
from yaml.nodes import Node, ScalarNode

from . import fields as declared, storytext
from .dates import PartialDate
from .errors import ActorGraphError, AmbiguousActorError, DataError, Problem, UnknownActorError, UsageError
from .filters import Filters
from .load import SLUG, display_path, story_files
from .model import Origin
from .names import resolve_actor, slug
from .paths import find_paths
from .vocabulary import vocabulary
from .yamlfile import NodeReader, compose, did_you_mean, read_text

STORY_FIELDS = (declared.required(declared.STORY), declared.optional(declared.STORY))
STEP_FIELDS = (declared.required(declared.STEP), declared.optional(declared.STEP))


@dataclass(frozen=True)
class Step:
    """One step: its title, its text as a tree and as plain words, what it highlights (actor and relation
    ids; ``path``, the actors of the path it shows, if any), its filters and the actor the camera centres."""

    title: str
    text: list
    plain: str
    actors: tuple[str, ...]
    relations: tuple[str, ...]
    path: tuple[str, ...] | None
    filters: Filters
    focus: str | None
    origin: Origin


@dataclass(frozen=True)
class Story:
    """A story: ``name`` is its file's name without the extension."""

    name: str
    title: str
    description: str | None
    steps: tuple[Step, ...]
    origin: Origin


def load_stories(graph: nx.MultiDiGraph, data_dir: Path | str) -> list[Story]:
    """The stories of ``data_dir`` checked against ``graph``; raises :class:`DataError` listing every problem."""
    problems: list[Problem] = []
    stories = [read_story(path, graph, problems) for path in story_files(data_dir)]
    if problems:
        raise DataError(problems)
    return [story for story in stories if story is not None]


def read_story(path: Path, graph: nx.MultiDiGraph, problems: list[Problem]) -> Story | None:
    """The story in ``path``, or ``None`` after recording its problems in ``problems``."""
    display = display_path(path)
    text = read_text(path, display, problems)
    root = compose(text, display, problems) if text is not None else None
    if text is None or root is None:
        if text is not None and not problems:
            problems.append(Problem(display, 1, 1, "the story is empty; it needs a 'title' and 'steps'"))
        return None
    reader = _StoryReader(display, problems, graph, text.splitlines())
    if not SLUG.match(path.stem):
        problems.append(Problem(display, 1, 1, f"a story's file name must be lowercase words joined by hyphens, "
                                               f"like {slug(path.stem) or 'my-story'}{path.suffix}"))
    fields = reader.fields(root, "a story", *STORY_FIELDS)
    if fields is None:
        return None
    title = reader.text(fields["title"], "title") if "title" in fields else None
    description = reader.text(fields["description"], "description") if "description" in fields else None
    items = reader.sequence(fields["steps"], "steps") if "steps" in fields else None
    if items == []:
        reader.error(fields["steps"], "a story needs at least one step")
    steps = [reader.step(item, number) for number, item in enumerate(items or [], 1)]
    if title is None or not items or None in steps:
        return None
    return Story(path.stem, title, description, tuple(steps), Origin(display, 1, 1))  # type: ignore[arg-type]


class _StoryReader(NodeReader):
    """Reads a story file's steps, resolving what they name in ``graph``."""

    def __init__(self, display: str, problems: list[Problem], graph: nx.MultiDiGraph, lines: list[str]):
        super().__init__(display, problems, declared.STORY_MULTILINE)
        self.graph = graph
        self.lines = lines
        self.edges = {key: (u, v) for u, v, key in graph.edges(keys=True)}
        self.default_status = vocabulary(graph).default_status
        self.categories = vocabulary(graph).categories

    def step(self, node: Node, number: int) -> Step | None:
        what = f"step {number}"
        fields = self.fields(node, what, *STEP_FIELDS)
        if fields is None:
            return None
        known = len(self.problems)
        title = self.text(fields["title"], "title") if "title" in fields else None
        text = self.markdown(fields["text"]) if "text" in fields else None
        filters = self.filters(fields)
        actors = [self.actor(item) for item in self.items(fields, "actors")]
        relations = [self.relation(item, filters) for item in self.items(fields, "relations")]
        path = self.path(fields["path"], filters) if "path" in fields and filters is not None else None
        focus = self.actor(fields["focus"]) if "focus" in fields else None
        if not fields.keys() & {"actors", "relations", "path"}:
            self.error(node, f"{what} shows nothing: give it 'actors', 'relations' or a 'path'")
        if len(self.problems) > known or title is None or text is None or filters is None:
            return None
        chosen = list(dict.fromkeys([*relations, *(path["relations"] if path else [])]))
        named = [a for a in actors if a is not None]
        if not chosen:
            chosen = self.shown_between(named, filters)
        ends = [end for key in chosen for end in self.edges[key]]
        highlighted = dict.fromkeys([*named, *(path["actors"] if path else []), *ends])
        return Step(title, text[0], text[1], tuple(highlighted), tuple(chosen),
                    tuple(path["actors"]) if path else None, filters, focus, self.origin(node))

    def origin(self, node: Node) -> Origin:
        return Origin(self.display, node.start_mark.line + 1, node.start_mark.column + 1)

    def items(self, fields: dict[str, Node], name: str) -> list[Node]:
        return (self.sequence(fields[name], name) or []) if name in fields else []

    def markdown(self, node: Node) -> tuple[list, str] | None:
        """The text's tree and plain words; its problems located on the file's lines."""
        text = self.text(node, "text")
        if text is None:
            return None
        tree, plain, problems = storytext.parse(text)
        block = isinstance(node, ScalarNode) and node.style in ("|", ">")  # the text starts on the next line
        for problem in dict.fromkeys(problems):
            line = node.start_mark.line + problem.line + (1 if block else 0)
            content = self.lines[line] if block and line < len(self.lines) else ""
            column = len(content) - len(content.lstrip()) if block else node.start_mark.column
            self.problems.append(Problem(self.display, line + 1, column + 1, problem.message))
        return (tree, plain) if not problems else None

    def actor(self, node: Node) -> str | None:
        name = self.text(node, "an actor")
        if name is None:
            return None
        try:
            return resolve_actor(self.graph, name)
        except (UnknownActorError, AmbiguousActorError) as exc:
            self.error(node, str(exc))
            return None

    def relation(self, node: Node, filters: Filters | None) -> str | None:
        key = self.text(node, "a relation id")
        if key is None:
            return None
        if key not in self.edges:
            self.error(node, f"unknown relation {key!r}{did_you_mean(key, self.edges)}")
            return None
        data = self.graph.edges[(*self.edges[key], key)]
        if filters is not None and not _shown(filters).keeps(data, self.default_status):
            self.error(node, f"relation {key!r} is not shown with this step's filters ({filters.describe()})")
            return None
        return key

    def path(self, node: Node, filters: Filters) -> dict | None:
        items = self.sequence(node, "path")
        if items is not None and len(items) != 2:
            self.error(node, "path must name two actors: [A, B]")
        ends = [self.text(item, "an end of the path") for item in items or []]
        if len(ends) != 2 or None in ends:
            return None
        try:
            found = find_paths(self.graph, *ends, filters=filters)["paths"][0]  # type: ignore[arg-type]
        except ActorGraphError as exc:
            self.error(node, f"path: {exc}")
            return None
        return {"actors": found["actors"], "relations": [hop["id"] for hop in found["hops"]]}

    def filters(self, fields: dict[str, Node]) -> Filters | None:
        """The step's filters; ``None`` after recording a problem with them."""
        known = len(self.problems)
        flags = {name: self.flag(fields[name], name) for name in ("strict", "reported_only", "include_context")
                 if name in fields}
        as_of = None
        if "as_of" in fields:
            text = self.text(fields["as_of"], "as_of")
            try:
                as_of = PartialDate.parse(text) if text is not None else None
            except ValueError as exc:
                self.error(fields["as_of"], f"invalid as_of: {exc}")
        if flags.get("strict") and "as_of" not in fields:
            self.error(fields["strict"], "strict needs as_of: a relation is known to hold only at a date")
        chosen = {name: frozenset(self.category(item) for item in self.items(fields, name))
                  for name in ("categories", "exclude_categories")}
        if len(self.problems) > known:
            return None
        return Filters(as_of, bool(flags.get("reported_only")), chosen["categories"],
                       exclude_categories=chosen["exclude_categories"], strict=bool(flags.get("strict")),
                       include_context=bool(flags.get("include_context")))

    def category(self, node: Node) -> str:
        name = self.text(node, "a category") or ""
        if name and name not in self.categories:
            self.error(node, f"unknown category {name!r}{did_you_mean(name, self.categories)}")
        return name

    def shown_between(self, actors: list[str], filters: Filters) -> list[str]:
        """The relations among ``actors`` that ``filters`` show, in the graph's order."""
        among, shown = set(actors), _shown(filters)
        return [key for u, v, key, data in self.graph.edges(keys=True, data=True)
                if u in among and v in among and shown.keeps(data, self.default_status)]


def _shown(filters: Filters) -> Filters:
    """What the page shows with ``filters``: context relations too (they are drawn, only not walked)."""
    return replace(filters, include_context=True)


def story_named(stories: list[Story], name: str) -> Story:
    """The story called ``name``; raises :class:`UsageError` (blaming the argument ``story``) when there is none."""
    for story in stories:
        if story.name == name:
            return story
    known = ", ".join(story.name for story in stories) or "none"
    raise UsageError(f"no story {name!r} for {{story}}{did_you_mean(name, [s.name for s in stories])} "
                     f"(stories: {known})", "story")
