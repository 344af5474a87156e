"""Which relations and actors a query or picture considers: the filters shared by every command."""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from .dates import PartialDate
from .errors import UsageError
from .validity import Holding, edge_span
from .vocabulary import vocabulary


def user_date(text: str) -> PartialDate:
    """A date typed by the user; raises :class:`UsageError` when it is not a partial ISO date."""
    try:
        return PartialDate.parse(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def holding(data: dict, when: PartialDate) -> Holding:
    """Whether the relation with edge attributes ``data`` holds at ``when`` (see :mod:`graph.validity`)."""
    return edge_span(data).at(when)


@dataclass(frozen=True)
class Filters:
    """Relations kept: those that may hold at ``as_of`` (only those known to hold if ``strict``),
    of the default status only if ``reported_only``, connections only unless ``include_context``,
    in the included categories/types (all when empty) and not in the excluded ones; actors in
    ``avoid`` are left out with their relations."""

    as_of: PartialDate | None = None
    reported_only: bool = False
    categories: frozenset[str] = field(default_factory=frozenset)
    types: frozenset[str] = field(default_factory=frozenset)
    exclude_categories: frozenset[str] = field(default_factory=frozenset)
    exclude_types: frozenset[str] = field(default_factory=frozenset)
    avoid: frozenset[str] = field(default_factory=frozenset)
    strict: bool = False
    include_context: bool = False

    @classmethod
    def from_options(cls, graph: nx.MultiDiGraph, *, as_of: str | None = None, reported_only: bool = False,
                     categories=(), types=(), exclude_categories=(), exclude_types=(), avoid=(), strict: bool = False,
                     include_context: bool = False) -> "Filters":
        """Filters from what a user typed: ``as_of`` as text, actors in ``avoid`` by id, name or alias."""
        from .names import graph_index

        if strict and not as_of:
            raise UsageError("{strict} needs {as_of}: a relation is known to hold only at a date", "strict", "as_of")
        index = graph_index(graph) if avoid else None
        filters = cls(user_date(as_of) if as_of else None, reported_only, frozenset(categories), frozenset(types),
                      frozenset(exclude_categories), frozenset(exclude_types),
                      frozenset(index.resolve(name) for name in avoid) if index else frozenset(),
                      strict, include_context)
        filters.check(graph)
        return filters

    def check(self, graph: nx.MultiDiGraph) -> None:
        """Raise :class:`UsageError` for a category, type or actor the graph does not know."""
        categories = set(vocabulary(graph).categories)
        types = {d["type"] for _, _, d in graph.edges(data=True)}
        for name in self.categories | self.exclude_categories:
            if name not in categories:
                raise UsageError(f"unknown category {name!r}; known: {', '.join(sorted(categories))}")
        for name in self.types | self.exclude_types:
            if name not in types:
                raise UsageError(f"no relation of type {name!r} in the data")
        for actor in self.avoid:
            if actor not in graph:
                raise UsageError(f"unknown actor {actor!r}")

    def keeps(self, data: dict, default_status: str) -> bool:
        """Whether a relation with edge attributes ``data`` passes the filters."""
        if self.reported_only and data["status"] != default_status:
            return False
        if self.categories and data["category"] not in self.categories:
            return False
        if self.types and data["type"] not in self.types:
            return False
        if data["category"] in self.exclude_categories or data["type"] in self.exclude_types:
            return False
        if data["link"] == "context" and not self.include_context:
            return False
        return self.as_of is None or holding(data, self.as_of) >= (Holding.HOLDS if self.strict else Holding.MAY)

    def may_only(self, data: dict) -> bool:
        """Whether a kept relation only may hold at ``as_of`` (undated, or dated vaguely around it)."""
        return self.as_of is not None and holding(data, self.as_of) == Holding.MAY

    def keeps_relation(self, source: str, target: str, data: dict, default_status: str) -> bool:
        """Whether the relation ``source -> target`` passes the filters, its actors included."""
        return source not in self.avoid and target not in self.avoid and self.keeps(data, default_status)

    def apply(self, graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
        """A read-only view of ``graph`` with only the actors and relations kept (all actors but avoided ones)."""
        default = vocabulary(graph).default_status
        nodes = [n for n in graph if n not in self.avoid]
        edges = [(u, v, k) for u, v, k, d in graph.edges(keys=True, data=True) if self.keeps_relation(u, v, d, default)]
        return _view(graph, nodes, edges)

    def describe(self) -> str:
        """The filters in force, in words (empty when none)."""
        parts = []
        if self.as_of:
            parts.append(f"as of {self.as_of}" + (", known to hold" if self.strict else ""))
        if self.include_context:
            parts.append("context included")
        if self.reported_only:
            parts.append("reported relations only")
        for label, values in (("categories", self.categories), ("types", self.types),
                              ("excluding categories", self.exclude_categories),
                              ("excluding types", self.exclude_types), ("avoiding", self.avoid)):
            if values:
                parts.append(f"{label} {', '.join(sorted(values))}")
        return "; ".join(parts)


def _view(graph: nx.MultiDiGraph, nodes: list, edges: list) -> nx.MultiDiGraph:
    keep = set(edges)
    return nx.subgraph_view(graph, filter_node=set(nodes).__contains__,
                            filter_edge=lambda u, v, k: (u, v, k) in keep)
