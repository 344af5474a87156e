"""How two actors are connected: shortest, all shortest or k shortest paths, every hop cited.

A path is a sequence of actors; a hop joins two neighbours by a relation, walked in either
direction (only in its own direction with ``directed``, though symmetric relations such as
``sibling_of`` have none), or by a *claim link*: the claimant of an alleged or disputed relation
"made allegations about" each of its parties. Context relations (commentary, citizenship) are
not walked unless the filters include them.

Each hop has a cost: whether it is a claim (a claim link, or a relation that is not reported),
whether it only *may* hold at the filters' date, and how well it is sourced (quotes, documents).
When several links join the same two actors, a hop uses the cheapest: relations before claim
links, the default status before others, known before may-hold, more quotes and documents, one
written in the direction walked, then the smallest relation id; the others are listed with it.

Among equally short paths the one shown has fewest claims, then fewest may-hold hops, then the
most quotes, then the most documents, then the smallest actor ids, so the answer is the same on
every run and the page gives the same one. The shortest connection is found by a breadth-first
search from both ends that reads only the links it reaches, so a query on a large graph touches a
small part of it; the k shortest come from Yen's algorithm, each detour found by the same search.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from typing import NamedTuple

import networkx as nx

from .describe import hops, name, parenthesized, relation_record
from .errors import NotFoundError, UsageError
from .filters import Filters
from .model import Schema
from .names import resolve_actor
from .vocabulary import vocabulary as graph_vocabulary

Cost = tuple[int, int, int, int]
#: What a path costs, criterion by criterion (sources and documents are counted negatively).
COST_NAMES = ("claims", "may_hold", "sources", "documents")
NO_COST: Cost = (0, 0, 0, 0)


def add(a: Cost, b: Cost) -> Cost:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


class Link(NamedTuple):
    """How a hop joins two neighbouring actors: relation ``key`` from ``source`` to ``target`` (its own
    direction), or, when ``claimant`` is set, the claimant's allegation in that relation."""

    key: str
    source: str
    target: str
    cost: Cost
    others: tuple[str, ...]
    claimant: str | None = None

    @property
    def claim(self) -> bool:
        return self.cost[0] > 0


def status_ranks(vocabulary: Schema) -> dict[str, int]:
    """The statuses in the order a hop prefers them: the default first, then the vocabulary's order."""
    default = vocabulary.default_status
    order = [default, *(s for s in vocabulary.statuses if s != default)]
    return {status: rank for rank, status in enumerate(order)}


class Network:
    """The links a query may walk: relations the filters keep and claim links, the best one per pair
    of actors. ``claims=False`` leaves claim links out (as do ``reported_only`` filters).

    ``links(actor)`` is computed on first use and remembered, so only the part of the graph a
    query reaches is ever read.
    """

    def __init__(self, graph: nx.MultiDiGraph, filters: Filters | None = None, directed: bool = False,
                 claims: bool = True):
        self.graph = graph
        self.filters = filters or Filters()
        self.directed = directed
        self.claims = claims and not self.filters.reported_only
        vocabulary = graph_vocabulary(graph)
        self.default_status = vocabulary.default_status
        self._rank = status_ranks(vocabulary)
        self._links: tuple[dict, dict] = ({}, {})

    def links(self, actor: str, backward: bool = False) -> dict[str, Link]:
        """The actors one hop from ``actor`` with the link that joins them.

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
                    if not self.filters.keeps_relation(source, target, data, self.default_status):
                        continue
                    if along or not self.directed or data["symmetric"]:
                        choices[other].append(self._choice(key, source, target, data, not along))
                    claimant = data["claimed_by"]
                    if self.claims and claimant and claimant != actor and claimant not in self.filters.avoid \
                            and (backward or not self.directed):
                        choices[claimant].append(self._choice(key, source, target, data, False, claimant))
        if self.claims and (not backward or not self.directed):
            for source, target, key in graph.nodes[actor]["claims_made"]:
                data = graph.edges[source, target, key]
                if self.filters.keeps_relation(source, target, data, self.default_status):
                    for party in {source, target} - {actor}:
                        choices[party].append(self._choice(key, source, target, data, False, actor))
        links = {}
        for other, found in choices.items():
            found.sort()
            best = found[0][-1]
            others = dict.fromkeys(link.key for *_, link in found[1:] if link.key != best.key)
            links[other] = best._replace(others=tuple(others))
        return links

    def _choice(self, key: str, source: str, target: str, data: dict, against: bool,
                claimant: str | None = None) -> tuple:
        """A candidate link with the key it is chosen by (see the module's docstring)."""
        rank = self._rank.get(data["status"], len(self._rank))
        documents = len({cited["document"] for cited in data["sources"]})
        cost = (int(rank > 0 or claimant is not None), int(self.filters.may_only(data)),
                -len(data["sources"]), -documents)
        return (claimant is not None, rank, cost, against, key, Link(key, source, target, cost, (), claimant))

    def link(self, walk_from: str, walk_to: str) -> Link:
        """The link a hop from ``walk_from`` to ``walk_to`` uses."""
        return self.links(walk_from)[walk_to]

    def cost(self, actors: list[str] | tuple[str, ...]) -> Cost:
        """What the path through ``actors`` costs, hop by hop added up."""
        total = NO_COST
        for a, b in zip(actors, actors[1:]):
            total = add(total, self.link(a, b).cost)
        return total

    def record(self, walk_from: str, walk_to: str) -> dict:
        """The hop as a record (see :func:`graph.describe.relation_record`), with ``also``: the ids of the
        other relations joining the two actors, ``may_hold`` and, for a claim link, ``claimant`` and
        ``about`` (the party the claimant made allegations about)."""
        link = self.link(walk_from, walk_to)
        record = {**relation_record(self.graph, link.source, link.target, link.key), "also": list(link.others),
                  "may_hold": bool(link.cost[1])}
        if link.claimant is not None:
            record.update(claimant=link.claimant, about=walk_to if walk_from == link.claimant else walk_from)
        return record


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

    def best(self, actor: str, memo: dict) -> tuple[Cost, tuple[str, ...]]:
        """The cheapest walk between the root and ``actor``, then the one with smallest ids, as
        (cost, actors in path order)."""
        if actor not in memo:
            memo[actor] = (NO_COST, (actor,)) if actor == self.root else min(
                self._extend(actor, parent, *self.best(parent, memo)) for parent in self.parents[actor])
        return memo[actor]

    def every(self, actor: str):
        """Every shortest walk between the root and ``actor``, as (cost, actors in path order)."""
        if actor == self.root:
            yield NO_COST, (actor,)
            return
        for parent in self.parents[actor]:
            for cost, actors in self.every(parent):
                yield self._extend(actor, parent, cost, actors)

    def _extend(self, actor: str, parent: str, cost: Cost, actors: tuple[str, ...]) -> tuple[Cost, tuple[str, ...]]:
        cost = add(cost, self.network.link(*self.walk(parent, actor)).cost)
        return (cost, (actor, *actors)) if self.backward else (cost, (*actors, actor))


class _Shortest:
    """The shortest paths between two actors, found where the two searches meet."""

    def __init__(self, ahead: _Search, behind: _Search, meeting: list[str]):
        self.ahead, self.behind, self.meeting = ahead, behind, meeting
        self.length = ahead.radius + behind.radius
        counts: tuple[dict, dict] = ({}, {})
        self.count = sum(ahead.count(m, counts[0]) * behind.count(m, counts[1]) for m in meeting)

    def best(self) -> tuple[Cost, tuple[str, ...]]:
        """The cheapest shortest path, then the one with smallest ids, as (cost, actors)."""
        memos: tuple[dict, dict] = ({}, {})
        return min(_join(self.ahead.best(m, memos[0]), self.behind.best(m, memos[1])) for m in self.meeting)

    def every(self) -> list[tuple[Cost, tuple[str, ...]]]:
        """Every shortest path, cheapest first, then by ids."""
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


def _join(head: tuple[Cost, tuple[str, ...]], tail: tuple[Cost, tuple[str, ...]]) -> tuple[Cost, tuple[str, ...]]:
    return add(head[0], tail[0]), head[1] + tail[1][1:]


def _k_shortest(network: Network, shortest: _Shortest, target: str, k: int,
                max_hops: int | None) -> list[tuple[Cost, tuple[str, ...]]]:
    """The ``k`` shortest simple paths by (hops, cost, ids): Yen's algorithm, each deviation
    found by :func:`_shortest` from the spur actor with the path so far blocked."""
    found = [shortest.best()]
    candidates: list[tuple[int, Cost, tuple[str, ...]]] = []
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
            cost, tail = detour.best()
            actors = root[:-1] + tail
            if actors not in seen:
                seen.add(actors)
                heapq.heappush(candidates, (len(actors) - 1, add(network.cost(root), cost), actors))
        if not candidates:
            break
        _, cost, actors = heapq.heappop(candidates)
        found.append((cost, actors))
    return found


def find_paths(graph: nx.MultiDiGraph, source: str, target: str, *, filters: Filters | None = None,
               directed: bool = False, k: int = 1, all_shortest: bool = False, max_hops: int | None = None) -> dict:
    """How ``source`` is connected to ``target`` (ids, names or aliases), as a JSON-ready dict.

    By default the best shortest path (see the module's docstring); ``all_shortest`` gives every
    shortest path, ``k`` the ``k`` shortest simple paths. Raises :class:`~graph.errors.NotFoundError`
    when there is no connection within the filters (and ``max_hops``).

    Returns ``{"from", "to", "shortest_length", "shortest_count", "chosen_because", "paths":
    [{"actors", "length", "claims", "may_hold", "sources", "documents", "hops": [record, ...]}]}``
    where each record is a :meth:`Network.record` and ``chosen_because`` says, in words, why the
    first path was preferred to the next equally short one (``None`` when it is the only one).
    """
    for parameter, value in (("k", k), ("max_hops", max_hops)):
        if value is not None and value < 1:
            raise UsageError(f"{{{parameter}}} must be at least 1", parameter)
    if all_shortest and k > 1:
        raise UsageError("choose either {all_shortest} or {k}, not both", "all_shortest", "k")
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
            "chosen_because": _why(shortest, paths),
            "paths": [{"actors": list(actors), "length": len(actors) - 1,
                       **{name: abs(value) for name, value in zip(COST_NAMES, cost)},
                       "hops": [network.record(a, b) for a, b in zip(actors, actors[1:])]}
                      for cost, actors in paths]}


#: Above this many equally short paths, the reason for the choice is not worked out by comparison.
_MAX_COMPARED = 1000


def _why(shortest: _Shortest, paths: list[tuple[Cost, tuple[str, ...]]]) -> str | None:
    """Why the first path beats the runner-up among equally short paths, in words."""
    if shortest.count < 2:
        return None
    if shortest.count > _MAX_COMPARED:
        return "the fewest claims, then may-hold hops, the most quotes and documents, then the first ids"
    (cost, actors), (other, _) = shortest.every()[:2]
    reasons = ("fewer claims", "fewer hops that only may hold at the date", "more quotes",
               "more documents across its hops")
    for reason, mine, theirs in zip(reasons, cost, other):
        if mine != theirs:
            return f"{reason} ({abs(mine)} against {abs(theirs)}) than the next best"
    return "the same claims, may-hold hops, quotes and documents as the next best, and the first actor ids"


def _nothing_found(graph, source: str, target: str, filters: Filters, directed: bool, max_hops: int | None) -> str:
    return f"no connection between {name(graph, source)} and {name(graph, target)}" + parenthesized(
        filters.describe(), "following relation direction" if directed else "",
        f"within {hops(max_hops)}" if max_hops else "")
