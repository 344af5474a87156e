"""Loading a dataset: the vocabulary, the source documents and every data file, validated.

Loading runs in two passes, like FollowTheMoney's schema loader: first every file is parsed
and each record checked on its own; then references (kinds, types, actors, documents,
quotes) are resolved across files. Every problem found is collected and raised once as a
:class:`~graph.errors.DataError`.
"""
from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Container, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from yaml.nodes import Node

from . import fields as declared, quotes
from .dates import PartialDate
from .errors import DataError, Problem
from .metadata import METADATA_FILE, read_metadata
from .model import (
    LINKS,
    TIMES,
    Actor,
    Category,
    Dataset,
    Document,
    Kind,
    Origin,
    Relation,
    RelationType,
    Schema,
    Source,
    Status,
)
from .names import ActorIndex, normalize, slug
from .validity import UNKNOWN, Unknown
from .yamlfile import NodeReader, compose, did_you_mean, read_text

SCHEMA_FILE = "schema.yaml"
SOURCES_FILE = "sources.yaml"
#: The folder of the data folder that holds stories (:mod:`graph.stories`), never data files.
STORIES_FOLDER = "stories"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Vocabulary names become Neo4j labels, CSS classes and page keys: nothing that needs quoting anywhere.
VOCABULARY_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
#: The vis-network shapes a kind may take: those drawn without an image or an icon font (the page has neither).
SHAPES = ("ellipse", "circle", "database", "box", "text", "diamond", "dot", "star", "triangle", "triangleDown",
          "hexagon", "square")
ACTOR_FIELDS = (declared.required(declared.ACTOR), declared.optional(declared.ACTOR))
RELATION_FIELDS = (declared.required(declared.RELATION), declared.optional(declared.RELATION))
SOURCE_FIELDS = (declared.required(declared.SOURCE), declared.optional(declared.SOURCE))


def display_path(path: Path) -> str:
    """``path`` as the user would type it: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def default_seeds_dir(data_dir: Path) -> Path:
    """Where the documents are when not said: ``seeds/`` beside the data folder."""
    return Path(data_dir).resolve().parent / "seeds"


DATA_SUFFIXES = (".yaml", ".yml")


def story_files(data_dir: Path | str) -> list[Path]:
    """The story files of a data folder: ``*.yaml`` and ``*.yml`` in its ``stories/`` folder."""
    folder = Path(data_dir) / STORIES_FOLDER
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.suffix in DATA_SUFFIXES and path.is_file())


def data_files(data_dir: Path, problems: list[Problem] | None = None) -> list[Path]:
    """The data files of a data folder: every ``*.yaml`` and ``*.yml`` below it but the vocabulary, the
    dataset's description (``dataset.yaml``, :mod:`graph.metadata`) and the stories (``stories/``).

    A folder that cannot be listed is recorded in ``problems`` (when given), never silently skipped.
    """
    root = Path(data_dir)
    found, seen, pending = [], set(), [root]
    while pending:
        folder = pending.pop()
        try:
            status = folder.stat()
            if (status.st_dev, status.st_ino) in seen:  # a symlink back up the tree
                continue
            seen.add((status.st_dev, status.st_ino))
            with os.scandir(folder) as listing:
                entries = [Path(entry.path) for entry in listing]
        except OSError as exc:
            if problems is not None:
                problems.append(Problem(display_path(folder), 1, 1, f"cannot read folder: {exc.strerror or exc}"))
            continue
        for path in entries:
            if path.is_dir():
                if path != root / STORIES_FOLDER:
                    pending.append(path)
            elif path.suffix in DATA_SUFFIXES and path not in (root / SCHEMA_FILE, root / METADATA_FILE) and path.is_file():
                found.append(path)
    return sorted(found)


@contextmanager
def _collector_paused():
    """Pause CPython's cycle collector: loading keeps millions of YAML nodes alive and makes no
    garbage cycles, so the collector would only rescan them again and again (over half the
    load time at 100,000 relations; see docs/benchmarks.md)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_collector_paused()
def load_dataset(data_dir: Path | str = "data", seeds_dir: Path | str | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 overrides: Mapping[Path, str] | None = None) -> Dataset:
    """Load and validate the dataset in ``data_dir`` citing the documents in ``seeds_dir``.

    ``progress(done, total)`` is called after each data file is read. ``overrides`` maps data
    files (paths inside ``data_dir``, existing or not), the list of sources or a document file
    to text read instead of the file: how an edit is checked before it is written.
    Raises :class:`~graph.errors.DataError` listing
    every problem when anything is invalid.
    """
    data_dir = Path(data_dir)
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir(data_dir)
    problems: list[Problem] = []
    require_folder(data_dir, "data folder", "data_dir")
    schema = _SchemaLoader(problems).load(data_dir / SCHEMA_FILE)
    if problems:  # every record is checked against the vocabulary: without it they would all be errors
        raise DataError(problems)
    require_folder(seeds_dir, "seeds folder", "seeds_dir")
    texts = {Path(path).resolve(): text for path, text in (overrides or {}).items()}
    records = _Records(schema, *_load_documents(seeds_dir, problems, texts), problems)  # takes the texts it reads
    paths = data_files(data_dir, problems)
    known = {path.resolve() for path in paths}
    paths = sorted(paths + [path for path in texts if path not in known])
    for done, path in enumerate(paths, 1):
        records.read_file(path, texts.get(path.resolve()))
        if progress:
            progress(done, len(paths))
    dataset = records.resolve()
    metadata_path = data_dir / METADATA_FILE
    dataset = replace(dataset, metadata=read_metadata(metadata_path, display_path(metadata_path), problems))
    if problems:
        raise DataError(problems)
    return dataset


def load_vocabulary(data_dir: Path | str = "data") -> Schema:
    """Only the vocabulary (``schema.yaml``) of a data folder; raises :class:`~graph.errors.DataError` when invalid."""
    problems: list[Problem] = []
    schema = _SchemaLoader(problems).load(Path(data_dir) / SCHEMA_FILE)
    if problems:
        raise DataError(problems)
    return schema


def require_folder(path: Path, what: str, parameter: str) -> None:
    """Raise :class:`~graph.errors.DataError`, blaming the argument ``parameter``, unless ``path`` is a folder."""
    if not path.is_dir():
        state = f"this is a file; the {what} must be a folder" if path.exists() else f"{what} not found"
        raise DataError([Problem(display_path(path), 1, 1, state)], parameter)


def _required_root(path: Path, what: str, needs: str, problems: list[Problem],
                   text: str | None = None) -> tuple[NodeReader, Node] | None:
    """Like :func:`_file_root` for a file the dataset cannot do without: missing or empty is a problem too."""
    if text is None and not path.exists():
        problems.append(Problem(display_path(path), 1, 1, f"{what} missing; {needs}"))
        return None
    known = len(problems)
    parsed = _file_root(path, problems, text)
    if parsed is None and len(problems) == known:
        problems.append(Problem(display_path(path), 1, 1, f"{what} is empty; {needs}"))
    return parsed


def _file_root(path: Path, problems: list[Problem], text: str | None = None) -> tuple[NodeReader, Node] | None:
    display = display_path(path)
    if text is None:
        text = read_text(path, display, problems)
    if text is None:
        return None
    root = compose(text, display, problems)
    return (NodeReader(display, problems, declared.MULTILINE), root) if root is not None else None


def _origin(reader: NodeReader, node: Node) -> Origin:
    return Origin(reader.display, node.start_mark.line + 1, node.start_mark.column + 1)


class _SchemaLoader:
    """Reads ``schema.yaml``: kinds, categories, statuses and relation types."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems

    def load(self, path: Path) -> Schema:
        schema = Schema({}, {}, {}, {})
        parsed = _required_root(path, "vocabulary file", "it must name the actor kinds, relation categories, "
                                "statuses and relation types of the data ('actorgraph init' starts a new map with "
                                "one to edit)", self.problems)
        if parsed is None:
            return schema
        reader, root = parsed
        top = reader.fields(root, "the vocabulary", ("kinds", "categories", "statuses", "relation_types"), ())
        if top is None:
            return schema
        sections = (
            ("kinds", schema.kinds, ("label",), ("color", "shape", "cues"), self._kind),
            ("categories", schema.categories, ("label",), ("color", "link", "time"), self._category),
            ("statuses", schema.statuses, ("label",), ("description", "default", "requires_claimant", "cues"),
             self._status),
            ("relation_types", schema.relation_types, ("category", "label"),
             ("inverse", "symmetric", "link", "time", "cues"), self._type),
        )
        for section, target, required, optional, make in sections:
            entries = reader.mapping(top[section], section) if section in top else None
            for name, (key, value) in (entries or {}).items():
                if not VOCABULARY_NAME.match(name):
                    suggestion = slug(name).replace("-", "_").lstrip("0123456789_") or "name"
                    reader.error(key, f"name {name!r} in {section} must be lowercase letters, digits and '_', "
                                      f"starting with a letter, like {suggestion!r}")
                    continue
                fields = reader.fields(value, f"{section} entry {name!r}", required, optional)
                if fields is not None and fields.keys() >= set(required):  # a missing one is reported
                    made = make(reader, name, key, fields, schema)
                    if made is not None:
                        target[name] = made
        if "statuses" in top and sum(s.default for s in schema.statuses.values()) != 1:
            reader.error(top["statuses"], "exactly one status must have 'default: true'")
        return schema

    @staticmethod
    def _texts(reader: NodeReader, fields: dict[str, Node], names: tuple[str, ...]) -> dict[str, str] | None:
        values = {n: reader.text(fields[n], n) for n in names if n in fields}
        return None if None in values.values() else values  # type: ignore[return-value]

    @staticmethod
    def _cues(reader: NodeReader, fields: dict[str, Node]) -> tuple[str, ...] | None:
        """The optional ``cues``: phrases that suggest the entry in a document's text (see graph.curation)."""
        if "cues" not in fields:
            return ()
        cues = reader.text_list(fields["cues"], "cues")
        if cues is None:
            return None
        for cue, node in zip(cues, fields["cues"].value):
            if not normalize(cue):
                reader.error(node, f"cue {cue!r} has no letters or digits to look for")
                return None
        return tuple(cues)

    def _kind(self, reader, name, key, fields, schema):
        values = self._texts(reader, fields, ("label", "color", "shape"))
        cues = self._cues(reader, fields)
        if values is None or cues is None:
            return None
        if values.get("shape", Kind.shape) not in SHAPES:  # reported, but the kind kept: its actors stay known
            reader.error(fields["shape"], f"shape {values['shape']!r} cannot be drawn (the page has no images or icons): "
                                          f"use one of {', '.join(SHAPES)}{did_you_mean(values['shape'], SHAPES)}")
        return Kind(name, **values, cues=cues)

    def _category(self, reader, name, key, fields, schema):
        values = self._texts(reader, fields, ("label", "color", "link", "time"))
        if values is None or not self._choices(reader, fields, values):
            return None
        return Category(name, **values)

    @staticmethod
    def _choices(reader: NodeReader, fields: dict[str, Node], values: dict[str, str]) -> bool:
        """Whether ``link`` and ``time``, where given, are among their choices (reported when not)."""
        ok = True
        for name, choices in (("link", LINKS), ("time", TIMES)):
            if name in values and values[name] not in choices:
                reader.error(fields[name], f"{name} must be {' or '.join(choices)}, not {values[name]!r}"
                                           f"{did_you_mean(values[name], choices)}")
                ok = False
        return ok

    def _status(self, reader, name, key, fields, schema):
        values = self._texts(reader, fields, ("label", "description"))
        flags = {n: reader.flag(fields[n], n) for n in ("default", "requires_claimant") if n in fields}
        cues = self._cues(reader, fields)
        if values is None or None in flags.values() or cues is None:
            return None
        return Status(name, **values, **flags, cues=cues)

    def _type(self, reader, name, key, fields, schema):
        values = self._texts(reader, fields, ("category", "label", "inverse", "link", "time"))
        symmetric = reader.flag(fields["symmetric"], "symmetric") if "symmetric" in fields else False
        cues = self._cues(reader, fields)
        if values is None or symmetric is None or cues is None or not self._choices(reader, fields, values):
            return None
        category = schema.categories.get(values["category"])
        if category is None:
            reader.error(fields["category"], f"unknown category {values['category']!r}"
                         f"{did_you_mean(values['category'], schema.categories)}")
            return None
        if not symmetric and "inverse" not in values:
            reader.error(key, f"relation type {name!r} needs an 'inverse' label, or 'symmetric: true'")
            return None
        values.setdefault("inverse", values["label"])
        values.setdefault("link", category.link)
        values.setdefault("time", category.time)
        return RelationType(name, symmetric=symmetric, cues=cues, **values)


class _Everything:
    """Contains every document id: none can be checked when the list of sources cannot be read."""

    def __contains__(self, item: object) -> bool:
        return True


def _load_documents(seeds_dir: Path, problems: list[Problem],
                    texts: dict[Path, str]) -> tuple[dict[str, Document], Container[str]]:
    """The documents listed in ``sources.yaml``, with their text, and the ids of those listed that could not be
    read. Citations of those are not checked: the problem is reported once, where it is. The texts of the list
    and of documents found in ``texts`` (resolved path to text) are taken from it instead of their files."""
    sources = seeds_dir / SOURCES_FILE
    parsed = _required_root(sources, "list of sources", "it must list the documents the data cites, as "
                            "'documents:' entries with an id, file and title", problems,
                            texts.pop(sources.resolve(), None))
    if parsed is None:
        return {}, _Everything()
    reader, root = parsed
    top = reader.fields(root, "the list of sources", ("documents",), ())
    items = reader.sequence(top["documents"], "documents") if top and "documents" in top else None
    if items is None:
        return {}, _Everything()
    documents: dict[str, Document] = {}
    unread: set[str] = set()
    for item in items:
        fields = reader.fields(item, "a document", ("id", "file", "title"), DOCUMENT_DETAILS + DOCUMENT_ORIGINAL)
        if fields is None:
            continue
        values = {n: reader.text(node, n) for n, node in fields.items()}
        if None in values.values() or not {"id", "file", "title"} <= values.keys():
            unread.add(values.get("id") or "")
            continue
        if values["id"] in documents:
            reader.error(fields["id"], f"duplicate document id {values['id']!r}")
            continue
        outside = [name for name in ("file", "original") if name in values  # absolute, '..' or a link out
                   and not (seeds_dir / values[name]).resolve().is_relative_to(seeds_dir.resolve())]
        for name in outside:
            reader.error(fields[name], f"document {name} {values[name]!r} is outside the seeds folder; "
                                       "keep documents inside it")
        if "sha256" in values and not _SHA256.match(values["sha256"]):
            reader.error(fields["sha256"], "sha256 must be 64 hexadecimal digits, as sha256sum prints them")
        path = seeds_dir / values["file"]
        if "file" in outside:
            unread.add(values["id"])
            continue
        if path.resolve() in texts:
            text = texts.pop(path.resolve())
        elif not path.is_file():
            reader.error(fields["file"], f"document file {display_path(path)} not found")
            unread.add(values["id"])
            continue
        else:
            text = read_text(path, display_path(path), problems)
        if text is None:
            unread.add(values["id"])
        else:
            documents[values["id"]] = Document(values["id"], values["file"], values["title"], text,
                                               **_document_details(reader, fields, values))
    return documents, unread


#: The optional fields of a document in ``sources.yaml``: what a reader needs to find it.
DOCUMENT_DETAILS = ("author", "publisher", "url", "published", "archive_url")
#: Where a document's text came from, when it was extracted from a web page or a PDF: the file kept, and its hash.
DOCUMENT_ORIGINAL = ("original", "sha256")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.I)


def _document_details(reader: NodeReader, fields: dict[str, Node], values: dict[str, str]) -> dict:
    """The optional details of a document; an invalid one is reported and left out (the document stays)."""
    details: dict = {name: values.get(name) for name in DOCUMENT_DETAILS}
    for name in ("url", "archive_url"):
        if details[name] is not None and not _WEB_ADDRESS.match(details[name]):
            reader.error(fields[name], f"{name} must be a web address starting with https:// or http://, "
                                       f"not {details[name]!r}")
            details[name] = None
    if details["published"] is not None:
        try:
            details["published"] = PartialDate.parse(details["published"])
        except ValueError as exc:
            reader.error(fields["published"], f"published: {exc}")
            details["published"] = None
    return details


@dataclass
class _RawRelation:
    reader: NodeReader
    node: Node
    fields: dict[str, Node]
    values: dict[str, str]


class _Records:
    """Collects actors and relations from every file (pass 1), then resolves them (pass 2)."""

    def __init__(self, schema: Schema, documents: dict[str, Document], unread: Container[str],
                 problems: list[Problem]):
        self.schema = schema
        self.documents = documents
        self.unread = unread
        self.searchable = {doc_id: quotes.SearchableText(doc.text) for doc_id, doc in documents.items()}
        self.default_status = schema.default_status  # a property that scans the statuses
        self.problems = problems
        self.actors: dict[str, Actor] = {}
        self.raw_relations: list[_RawRelation] = []

    def read_file(self, path: Path, text: str | None = None) -> None:
        parsed = _file_root(path, self.problems, text)
        if parsed is None:
            return
        reader, root = parsed
        top = reader.fields(root, "the top level of a data file", (), ("actors", "relations"))
        if top is None:
            return
        for node in (reader.sequence(top["actors"], "actors") if "actors" in top else None) or ():
            self._read_actor(reader, node)
        for node in (reader.sequence(top["relations"], "relations") if "relations" in top else None) or ():
            fields = reader.fields(node, "a relation", *RELATION_FIELDS)
            if fields is not None:
                values = {n: reader.text(fields[n], n) for n in RELATION_FIELDS[1] + ("from", "to", "type")
                          if n in fields}
                self.raw_relations.append(_RawRelation(reader, node, fields, values))

    def _read_actor(self, reader: NodeReader, node: Node) -> None:
        fields = reader.fields(node, "an actor", *ACTOR_FIELDS)
        if fields is None:
            return
        values = {n: reader.text(fields[n], n) for n in ACTOR_FIELDS[0] if n in fields}
        lists = {n: reader.text_list(fields[n], n) for n in ACTOR_FIELDS[1] if n in fields}
        if None in values.values() or None in lists.values() or len(values) < len(ACTOR_FIELDS[0]):
            return
        actor_id, kind = values["id"], values["kind"]
        ok = True
        if not SLUG.match(actor_id):
            reader.error(fields["id"], f"actor id {actor_id!r} must be lowercase words joined by hyphens, "
                                       f"like {slug(actor_id)!r}")
            ok = False
        if kind not in self.schema.kinds:
            reader.error(fields["kind"], f"unknown kind {kind!r}{did_you_mean(kind, self.schema.kinds)}")
            ok = False
        if actor_id in self.actors:
            reader.error(fields["id"], f"duplicate actor id {actor_id!r} (first defined at {self.actors[actor_id].origin})")
            ok = False
        if ok:
            self.actors[actor_id] = Actor(actor_id, values["name"], kind, tuple(lists.get("aliases", ())),
                                          values["description"], tuple(lists.get("tags", ())),
                                          _origin(reader, node))

    def resolve(self) -> Dataset:
        index = ActorIndex((a.id, (a.name, *a.aliases)) for a in self.actors.values())
        relations: dict[str, Relation] = {}
        identities: dict[tuple, Relation] = {}
        for raw in self.raw_relations:
            relation = self._resolve_relation(raw, index)
            if relation is None:
                continue
            identity = _identity(relation, self.schema)
            if identity in identities:
                raw.reader.error(raw.node, f"duplicate relation: same actors, type, role and dates as the one "
                                           f"at {identities[identity].origin}; merge their sources")
            elif relation.id in relations:
                raw.reader.error(raw.fields.get("id", raw.node), f"relation id {relation.id!r} is also used at "
                                 f"{relations[relation.id].origin}; give one of them a distinct 'id'")
            else:
                identities[identity] = relations[relation.id] = relation
        return Dataset(self.schema, self.documents, self.actors, tuple(relations.values()))

    def _resolve_relation(self, raw: _RawRelation, index: ActorIndex) -> Relation | None:
        reader, fields, values = raw.reader, raw.fields, raw.values
        if None in values.values() or not {"from", "to", "type"} <= values.keys() or "sources" not in fields:
            return None
        ok = True
        for name in ("from", "to", "claimed_by"):
            if name in values and values[name] not in self.actors:
                hint = index.suggest(values[name])
                reader.error(fields[name], f"unknown actor {values[name]!r} in {name!r}"
                             + (f"; did you mean {', '.join(map(repr, hint))}?" if hint else ""))
                ok = False
        if values["from"] == values["to"]:
            reader.error(fields["to"], f"a relation cannot link {values['from']!r} to itself")
            ok = False
        rtype = values["type"]
        if rtype not in self.schema.relation_types:
            reader.error(fields["type"], f"unknown relation type {rtype!r}"
                                         f"{did_you_mean(rtype, self.schema.relation_types)}")
            ok = False
        status = values.get("status", self.default_status)
        if status not in self.schema.statuses:
            reader.error(fields["status"], f"unknown status {status!r}{did_you_mean(status, self.schema.statuses)}")
            ok = False
        elif self.schema.statuses[status].requires_claimant and "claimed_by" not in values:
            reader.error(raw.node, f"a relation with status {status!r} needs 'claimed_by': the actor who claims it")
            ok = False
        elif status == self.default_status and "claimed_by" in values:
            reader.error(fields["claimed_by"], "'claimed_by' is for claims; set the status to 'alleged' or "
                                               "'disputed', or remove 'claimed_by'")
            ok = False
        dates = self._dates(reader, fields, values, self.schema.relation_types.get(rtype))
        sources = self._sources(reader, fields["sources"])
        if not ok or dates is None or sources is None:
            return None
        relation_id = values.get("id") or _derived_id(values, dates)
        return Relation(relation_id, values["from"], values["to"], rtype, sources, status,
                        values.get("claimed_by"), values.get("role"), note=values.get("note"),
                        origin=_origin(reader, raw.node), **dates)

    @staticmethod
    def _dates(reader: NodeReader, fields: dict[str, Node], values: dict[str, str],
               rtype: RelationType | None) -> dict | None:
        dates: dict[str, PartialDate | Unknown] = {}
        for name in ("start", "end", "date"):
            if name == "end" and values.get(name) == UNKNOWN.text:
                if rtype is not None and rtype.time != "state":
                    reader.error(fields[name], f"'end: {UNKNOWN}' is for states (a post that ended); "
                                               f"{values['type']!r} is an event type")
                dates[name] = UNKNOWN
            elif name in values:
                try:
                    dates[name] = PartialDate.parse(values[name])
                except ValueError as exc:
                    reader.error(fields[name], f"invalid {name}: {exc}"
                                 + (f", or '{UNKNOWN}' for an end not known"
                                    if name == "end" and not values[name][:1].isdigit() else ""))
        if len(dates) < len(values.keys() & {"start", "end", "date"}):
            return None
        if "date" in dates and dates.keys() & {"start", "end"}:
            reader.error(fields["date"], "use either 'date' (a one-off event) or 'start'/'end' (a period), not both")
            return None
        if "start" in dates and isinstance(dates.get("end"), PartialDate) and dates["end"].last < dates["start"].first:
            reader.error(fields["end"], f"end {dates['end']} is before start {dates['start']}")
            return None
        return dates

    def _sources(self, reader: NodeReader, node: Node) -> tuple[Source, ...] | None:
        items = reader.sequence(node, "sources")
        if items is None:
            return None
        if not items:
            reader.error(node, "a relation needs at least one source: {document: ..., quote: ...}")
            return None
        sources = [self._source(reader, item) for item in items]
        return None if None in sources else tuple(sources)  # type: ignore[arg-type]

    def _source(self, reader: NodeReader, node: Node) -> Source | None:
        fields = reader.fields(node, "a source", *SOURCE_FIELDS)
        if fields is None or len(fields) < 2:
            return None
        document, quote = reader.text(fields["document"], "document"), reader.text(fields["quote"], "quote")
        if document is None or quote is None:
            return None
        if document not in self.documents:
            if document not in self.unread:
                reader.error(fields["document"], f"unknown document {document!r}{did_you_mean(document, self.documents)}")
            return None
        problem = quotes.problem(quote, document, self.searchable[document])
        if problem:
            reader.error(fields["quote"], problem)
            return None
        return Source(document, quote, quotes.page(quote, self.searchable[document]))


def _derived_id(values: dict[str, str], dates: dict[str, PartialDate]) -> str:
    """A readable id that does not depend on file order: ``from/type/to[@date][#role]``."""
    relation_id = f"{values['from']}/{values['type']}/{values['to']}"
    when = dates.get("date") or dates.get("start")
    if when:
        relation_id += f"@{when}"
    if values.get("role"):
        relation_id += "#" + slug(values["role"])
    return relation_id


def _identity(relation: Relation, schema: Schema) -> tuple:
    ends = (relation.from_, relation.to)
    if schema.relation_types[relation.type].symmetric:
        ends = tuple(sorted(ends))
    return (*ends, relation.type, relation.role, relation.start, relation.end, relation.date)
