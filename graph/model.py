"""Plain dataclasses for a loaded, valid dataset. No I/O here."""
from __future__ import annotations

from dataclasses import dataclass, field

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

    def is_context(self, relation_type: str) -> bool:
        """Whether relations of this type are context about actors, not a connection between them."""
        return self.relation_types[relation_type].link == "context"

    def is_state(self, relation_type: str) -> bool:
        """Whether relations of this type hold over a period (else they are events)."""
        return self.relation_types[relation_type].time == "state"

    def label(self, section: str, name: str) -> str:
        """The label of kind, category or status ``name`` (``section``: "kinds", "categories", "statuses")."""
        entry = getattr(self, section).get(name)
        return entry.label if entry is not None else name


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
