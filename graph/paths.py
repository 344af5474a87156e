"""How two actors are connected: shortest, all shortest or k shortest paths, every hop a cited relation.

A path is a sequence of actors; a hop joins two neighbours by one relation. Relations are walked
in either direction (only in their own direction with ``directed``, though symmetric relations
such as ``sibling_of`` have none). When several relations join the same two actors, a hop uses
the best one: the default status (reported) before claims (alleged, disputed), then one written
in the direction the hop walks, then the smallest relation id; the others are listed with it.

Paths are ordered by number of hops, then by number of claims (hops that are not reported),
then by the actors' ids, so the answer is the same on every run. The shortest connection is found
by a breadth-first search from both ends that reads only the relations it reaches, so a query
on a large graph touches a small part of it; the k shortest come from Yen's algorithm, each of
its detours found by the same search.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from typing import NamedTuple

import networkx as nx

from .describe import hops, name, parenthesized, relation_record
from .errors import NotFoundError, UsageError
from .filters import Filters
from .names import resolve_actor


class Link(NamedTuple):
    """The relation chosen to join two neighbouring actors, in its own direction."""

    key: str
    source: str
    target: str
    claim: bool
    others: tuple[str, ...]


class Network:
    """The relations a query may walk: those the filters keep, the best one per pair of actors.

    ``links(actor)`` is computed on first use and remembered, so only the part of the graph a
    query reaches is ever read.
    """

    def __init__(self, graph: nx.MultiDiGraph, filters: Filters | None = None, directed: bool = False):
        self.graph = graph
        self.filters = filters or Filters()
        self.directed = directed
        self.default_status = graph.graph.get("default_status", "reported")
        order = [self.default_status, *(s for s in graph.graph.get("statuses", {}) if s != self.default_status)]
        self._rank = {status: rank for rank, status in enumerate(order)}
        self._links: tuple[dict, dict] = ({}, {})

    def links(self, actor: str, backward: bool = False) -> dict[str, Link]:
        """The actors one hop from ``actor`` with the relation that joins them.

        ``backward`` gives the actors from which ``actor`` can be reached instead (the same
        unless ``directed``).
        """
        backward = backward and self.directed
        cache = self._links[backward]
        if actor not in cache:
            cache[actor] = self._read(actor, backward)
        return cache[actor]

    def _read(self, actor: str, backward: bool) -> dict[str, Link]:
        if actor in self.filters.avoid:
            return {}
        graph, choices = self.graph, defaultdict(list)
        ahead, behind = (graph.pred, graph.succ) if backward else (graph.succ, graph.pred)
        for adjacency, along in ((ahead, True), (behind, False)):
            for other, relations in adjacency[actor].items():
                source, target = (actor, other) if along != backward else (other, actor)
                for key, data in relations.items():
                    if (along or not self.directed or data["symmetric"]) and \
                            self.filters.keeps_relation(source, target, data, self.default_status):
                        rank = self._rank.get(data["status"], len(self._rank))
                        choices[other].append((rank, not along, key, source, target))
        links = {}
        for other, found in choices.items():
            found.sort()
            rank, _, key, source, target = found[0]
            links[other] = Link(key, source, target, rank > 0, tuple(choice[2] for choice in found[1:]))
        return links

    def link(self, walk_from: str, walk_to: str) -> Link:
        """The relation a hop from ``walk_from`` to ``walk_to`` uses."""
        return self.links(walk_from)[walk_to]

    def claims(self, actors: list[str] | tuple[str, ...]) -> int:
        """How many hops of the path through ``actors`` are claims rather than reported."""
        return sum(self.link(a, b).claim for a, b in zip(actors, actors[1:]))

    def record(self, walk_from: str, walk_to: str) -> dict:
        """The hop's relation as a record (see :func:`graph.describe.relation_record`), with ``also``:
        the ids of the other relations joining the two actors."""
        link = self.link(walk_from, walk_to)
        return {**relation_record(self.graph, link.source, link.target, link.key), "also": list(link.others)}


class _Search:
    """One half of a breadth-first search from both ends: depth of each actor reached, and its
    parents (the actors one step nearer the root on shortest walks). It never enters a
    ``blocked`` actor nor walks a hop in ``blocked_walks`` (pairs in walking order)."""

    def __init__(self, network: Network, root: str, backward: bool, blocked: frozenset[str] = frozenset(),
                 blocked_walks: frozenset[tuple[str, str]] = frozenset()):
        self.network, self.root, self.backward = network, root, backward
        self.blocked, self.blocked_walks = blocked, blocked_walks
        self.depth = {root: 0}
        self.parents: dict[str, list[str]] = {root: []}
        self.frontier = [root]
        self.radius = 0

    def grow(self) -> list[str]:
        """Reach the next level; return the actors newly reached."""
        level, reached = self.radius + 1, []
        for actor in self.frontier:
            for other in self.network.links(actor, self.backward):
                if other in self.blocked or self.walk(actor, other) in self.blocked_walks:
                    continue
                depth = self.depth.get(other)
                if depth is None:
                    self.depth[other], self.parents[other] = level, [actor]
                    reached.append(other)
                elif depth == level:
                    self.parents[other].append(actor)
        self.frontier, self.radius = reached, level
        return reached

    def walk(self, parent: str, child: str) -> tuple[str, str]:
        """The hop between a parent and its child in the direction the path walks it."""
        return (child, parent) if self.backward else (parent, child)

    def count(self, actor: str, memo: dict) -> int:
        """How many shortest walks join the root and ``actor``."""
        if actor not in memo:
            memo[actor] = 1 if actor == self.root else sum(self.count(p, memo) for p in self.parents[actor])
        return memo[actor]

    def best(self, actor: str, memo: dict) -> tuple[int, tuple[str, ...]]:
        """The walk between the root and ``actor`` with fewest claims, then smallest ids, as
        (claims, actors in path order)."""
        if actor not in memo:
            memo[actor] = (0, (actor,)) if actor == self.root else min(
                self._extend(actor, parent, *self.best(parent, memo)) for parent in self.parents[actor])
        return memo[actor]

    def every(self, actor: str):
        """Every shortest walk between the root and ``actor``, as (claims, actors in path order)."""
        if actor == self.root:
            yield 0, (actor,)
            return
        for parent in self.parents[actor]:
            for claims, actors in self.every(parent):
                yield self._extend(actor, parent, claims, actors)

    def _extend(self, actor: str, parent: str, claims: int, actors: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
        claims += self.network.link(*self.walk(parent, actor)).claim
        return (claims, (actor, *actors)) if self.backward else (claims, (*actors, actor))


class _Shortest:
    """The shortest paths between two actors, found where the two searches meet."""

    def __init__(self, ahead: _Search, behind: _Search, meeting: list[str]):
        self.ahead, self.behind, self.meeting = ahead, behind, meeting
        self.length = ahead.radius + behind.radius
        counts: tuple[dict, dict] = ({}, {})
        self.count = sum(ahead.count(m, counts[0]) * behind.count(m, counts[1]) for m in meeting)

    def best(self) -> tuple[int, tuple[str, ...]]:
        """The shortest path with fewest claims, then smallest ids, as (claims, actors)."""
        memos: tuple[dict, dict] = ({}, {})
        return min(_join(self.ahead.best(m, memos[0]), self.behind.best(m, memos[1])) for m in self.meeting)

    def every(self) -> list[tuple[int, tuple[str, ...]]]:
        """Every shortest path, fewest claims first, then by ids."""
        return sorted(_join(head, tail) for m in self.meeting
                      for head in self.ahead.every(m) for tail in self.behind.every(m))


def _shortest(network: Network, source: str, target: str, max_hops: int | None,
              blocked: frozenset[str] = frozenset(), blocked_walks: frozenset[tuple[str, str]] = frozenset()
              ) -> _Shortest | None:
    """The shortest paths from ``source`` to ``target`` (None when there is none within ``max_hops``)."""
    ahead = _Search(network, source, False, blocked, blocked_walks)
    behind = _Search(network, target, True, blocked, blocked_walks)
    while ahead.frontier and behind.frontier and (max_hops is None or ahead.radius + behind.radius < max_hops):
        grown, other = (ahead, behind) if len(ahead.frontier) <= len(behind.frontier) else (behind, ahead)
        meeting = sorted(actor for actor in grown.grow() if actor in other.depth)
        if meeting:
            return _Shortest(ahead, behind, meeting)
    return None


def _join(head: tuple[int, tuple[str, ...]], tail: tuple[int, tuple[str, ...]]) -> tuple[int, tuple[str, ...]]:
    return head[0] + tail[0], head[1] + tail[1][1:]


def _k_shortest(network: Network, shortest: _Shortest, target: str, k: int,
                max_hops: int | None) -> list[tuple[int, tuple[str, ...]]]:
    """The ``k`` shortest simple paths by (hops, claims, ids): Yen's algorithm, each deviation
    found by :func:`_shortest` from the spur actor with the path so far blocked."""
    found = [shortest.best()]
    candidates: list[tuple[int, int, tuple[str, ...]]] = []
    seen = {found[0][1]}
    while len(found) < k:
        previous = found[-1][1]
        for at in range(len(previous) - 1):
            root, spur = previous[:at + 1], previous[at]
            walks = frozenset((spur, actors[at + 1]) for _, actors in found if actors[:at + 1] == root)
            limit = None if max_hops is None else max_hops - at
            detour = _shortest(network, spur, target, limit, frozenset(root[:-1]), walks)
            if detour is None:
                continue
            claims, tail = detour.best()
            actors = root[:-1] + tail
            if actors not in seen:
                seen.add(actors)
                heapq.heappush(candidates, (len(actors) - 1, network.claims(root) + claims, actors))
        if not candidates:
            break
        _, claims, actors = heapq.heappop(candidates)
        found.append((claims, actors))
    return found


def find_paths(graph: nx.MultiDiGraph, source: str, target: str, *, filters: Filters | None = None,
               directed: bool = False, k: int = 1, all_shortest: bool = False, max_hops: int | None = None) -> dict:
    """How ``source`` is connected to ``target`` (ids, names or aliases), as a JSON-ready dict.

    By default the one shortest path with fewest claims; ``all_shortest`` gives every shortest
    path, ``k`` the ``k`` shortest simple paths. Raises :class:`~graph.errors.NotFoundError` when
    there is no connection within the filters (and ``max_hops``).

    Returns ``{"from", "to", "shortest_length", "shortest_count", "paths": [{"actors", "length",
    "claims", "hops": [record, ...]}]}`` where each record is a
    :func:`graph.describe.relation_record` plus ``also``.
    """
    if k < 1 or (max_hops is not None and max_hops < 1):
        raise UsageError("-k and --max-hops must be at least 1")
    if all_shortest and k > 1:
        raise UsageError("choose either --all-shortest or -k, not both")
    source, target = resolve_actor(graph, source), resolve_actor(graph, target)
    filters = filters or Filters()
    if source == target:
        raise UsageError(f"{source!r} is both ends of the path; name two different actors")
    if {source, target} & filters.avoid:
        raise UsageError(f"cannot avoid an end of the path ({', '.join(sorted({source, target} & filters.avoid))})")
    network = Network(graph, filters, directed)
    shortest = _shortest(network, source, target, max_hops)
    if shortest is None:
        raise NotFoundError(_nothing_found(graph, source, target, filters, directed, max_hops))
    paths = shortest.every() if all_shortest else _k_shortest(network, shortest, target, k, max_hops)
    return {"from": source, "to": target, "shortest_length": shortest.length, "shortest_count": shortest.count,
            "paths": [{"actors": list(actors), "length": len(actors) - 1, "claims": claims,
                       "hops": [network.record(a, b) for a, b in zip(actors, actors[1:])]}
                      for claims, actors in paths]}


def _nothing_found(graph, source: str, target: str, filters: Filters, directed: bool, max_hops: int | None) -> str:
    return f"no connection between {name(graph, source)} and {name(graph, target)}" + parenthesized(
        filters.describe(), "following relation direction" if directed else "",
        f"within {hops(max_hops)}" if max_hops else "")
