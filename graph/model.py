"""Plain dataclasses for a loaded, valid dataset. No I/O here."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from .dates import PartialDate
from .validity import Unknown


@dataclass(frozen=True)
class Origin:
    """Where a record was written: file as shown to the user, 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    color: str = "#999999"
    shape: str = "dot"
    cues: tuple[str, ...] = ()  # words that mark a name as this kind (titles, "Ministry"), for suggestions


#: What a relation is, as far as "how is A connected to B" goes: a connection between its actors,
#: or context about them (commentary, citizenship), shown in profiles but not walked by paths.
LINKS = ("connection", "context")
#: How a relation lasts: a state holds over a period, an event happens once and has happened after.
TIMES = ("state", "event")


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    color: str = "#999999"
    link: str = "connection"
    time: str = "state"


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    description: str = ""
    default: bool = False
    requires_claimant: bool = False
    cues: tuple[str, ...] = ()  # words that attribute or hedge a statement ("according to", "alleged")


@dataclass(frozen=True)
class RelationType:
    """A relation type; reads "FROM label TO" and, backwards, "TO inverse FROM"."""

    id: str
    category: str
    label: str
    inverse: str
    symmetric: bool = False
    link: str = "connection"
    time: str = "state"
    cues: tuple[str, ...] = ()  # words that suggest this type in a sentence ("son-in-law", "fired")


@dataclass(frozen=True)
class Schema:
    """The vocabulary, and the questions code asks of it."""

    kinds: dict[str, Kind]
    categories: dict[str, Category]
    statuses: dict[str, Status]
    relation_types: dict[str, RelationType]

    @property
    def default_status(self) -> str:
        return next((s.id for s in self.statuses.values() if s.default), next(iter(self.statuses), "reported"))

    def is_claim(self, status: str) -> bool:
        """Whether a relation of ``status`` is attributed to someone rather than stated as fact."""
        return status != self.default_status

    def label(self, section: str, name: str) -> str:
        """The label of kind, category or status ``name`` (``section``: "kinds", "categories", "statuses")."""
        entry = getattr(self, section).get(name)
        return entry.label if entry is not None else name

    def attributes(self) -> dict[str, dict[str, dict]]:
        """The vocabulary as plain, JSON-ready graph attributes; :meth:`from_attributes` reads them back."""
        return {section: {name: {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(entry).items() if k != "id"}
                          for name, entry in getattr(self, section).items()} for section in _SECTIONS}

    @classmethod
    def from_attributes(cls, attributes: Mapping) -> Schema:
        """The vocabulary kept in a graph's attributes (``graph.graph``) by :meth:`attributes`.

        >>> Schema.from_attributes(Schema({}, {}, {"said": Status("said", "Said", default=True)}, {}).attributes()).default_status
        'said'
        """
        return cls(**{section: {name: make(name, **{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})
                                for name, values in attributes.get(section, {}).items()}
                      for section, make in _SECTIONS.items()})


_SECTIONS = {"kinds": Kind, "categories": Category, "statuses": Status, "relation_types": RelationType}


@dataclass(frozen=True)
class Document:
    id: str
    file: str
    title: str
    text: str
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    archive_url: str | None = None


@dataclass(frozen=True)
class Metadata:
    """What a dataset says about itself (``dataset.yaml`` in the data folder, see :mod:`graph.metadata`)."""

    title: str
    description: str | None = None
    author: str | None = None
    updated: PartialDate | None = None
    credit: str | None = None


@dataclass(frozen=True)
class Source:
    document: str
    quote: str
    page: int | None = field(default=None, compare=False)  # where the quote is, in a document of pages


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    tags: tuple[str, ...] = ()
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Relation:
    id: str
    from_: str
    to: str
    type: str
    sources: tuple[Source, ...]
    status: str = "reported"
    claimed_by: str | None = None
    role: str | None = None
    start: PartialDate | None = None
    end: PartialDate | Unknown | None = None
    date: PartialDate | None = None
    note: str | None = None
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Dataset:
    schema: Schema
    documents: dict[str, Document]
    actors: dict[str, Actor]
    relations: tuple[Relation, ...]
    metadata: Metadata | None = None  # data/dataset.yaml (graph.metadata), when there is one
