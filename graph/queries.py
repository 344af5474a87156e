"""The questions analysts ask besides "how are A and B connected" (see :mod:`graph.paths`).

Each function takes the built graph, actors by id, name or alias, and optional
:class:`~graph.filters.Filters`, and returns JSON-ready data whose relations are
:func:`graph.describe.relation_record` dicts. Finding nothing raises
:class:`~graph.errors.NotFoundError`.
"""
from __future__ import annotations

import difflib
from dataclasses import replace
from itertools import chain

import networkx as nx

from .dates import parse_date
from .describe import category_label, date_order, parenthesized, relation_record
from .errors import NotFoundError, UsageError
from .filters import Filters
from .names import normalize, resolve_actor
from .paths import Network
from .validity import UNKNOWN
from .vocabulary import vocabulary

#: Search scores: how a text matched an actor, best first.
SCORES = {"exact": 100, "prefix": 80, "word": 60, "part": 50, "similar": 40, "description": 20}
EVENT_ORDER = {"start": 0, "on": 1, "end": 2}


def _actor(graph: nx.MultiDiGraph, actor: str) -> dict:
    data = graph.nodes[actor]
    return {"id": actor, "name": data["name"], "kind": data["kind"]}


def _relations(graph: nx.MultiDiGraph, filters: Filters, actor: str | None = None):
    """The records of the relations the filters keep, all of them or those of ``actor``."""
    default = vocabulary(graph).default_status
    edges = graph.edges(keys=True, data=True) if actor is None else chain(
        graph.out_edges(actor, keys=True, data=True), graph.in_edges(actor, keys=True, data=True))
    return [relation_record(graph, u, v, key) for u, v, key, data in edges
            if filters.keeps_relation(u, v, data, default)]


def profile(graph: nx.MultiDiGraph, actor: str, filters: Filters | None = None) -> dict:
    """Everything about one actor: kind, aliases, description, its relations grouped by category
    (in vocabulary order, context included), each group in date order (undated last), and the
    claims it made: the relations it is the claimant of, with their quotes.

    Returns ``{"id", "name", "kind", "kind_label", "aliases", "description", "tags",
    "relations": [{"category", "label", "relations": [record, ...]}], "claims_made": [record, ...]}``.
    """
    actor = resolve_actor(graph, actor)
    data = graph.nodes[actor]
    filters = replace(filters or Filters(), include_context=True)
    vocab = vocabulary(graph)
    groups: dict[str, list[dict]] = {category: [] for category in vocab.categories}
    for record in sorted(_relations(graph, filters, actor), key=date_order):
        groups.setdefault(record["category"], []).append(record)
    claims = sorted((relation_record(graph, u, v, key) for u, v, key in data["claims_made"]
                     if filters.keeps_relation(u, v, graph.edges[u, v, key], vocab.default_status)), key=date_order)
    return {**_actor(graph, actor), "kind_label": vocab.label("kinds", data["kind"]),
            "aliases": list(data["aliases"]), "description": data["description"], "tags": list(data["tags"]),
            "relations": [{"category": category, "label": category_label(graph, category),
                           "relations": records} for category, records in groups.items() if records],
            "claims_made": claims}


def search(graph: nx.MultiDiGraph, text: str) -> list[dict]:
    """Actors whose id, name, alias or description matches ``text`` (ignoring case and
    diacritics), best first: exact name, name start, whole word, part of a name, a name word
    spelt nearly alike ("nazarbaev" for "Nazarbayev"), then the description.

    Returns ``[{"id", "name", "kind", "match", "matched", "score"}]`` where ``match`` says how it
    matched (a key of :data:`SCORES`) and ``matched`` is the text that matched.
    """
    query = normalize(text)
    if not query:
        raise UsageError("give some letters or digits to search for")
    found = []
    for actor, data in graph.nodes(data=True):
        names = [data["name"], *data["aliases"], actor]
        best = max(((SCORES[match], -i, match, name) for i, name in enumerate(names)
                    if (match := _name_match(query, normalize(name)))), default=None)
        if best is None and query in normalize(data["description"]):
            best = (SCORES["description"], 0, "description", data["description"])
        if best:
            found.append({**_actor(graph, actor), "match": best[2], "matched": best[3], "score": best[0]})
    if not found:
        raise NotFoundError(f"nothing matches {text!r}")
    return sorted(found, key=lambda hit: (-hit["score"], normalize(hit["name"]), hit["id"]))


def _name_match(query: str, name: str) -> str | None:
    """How the normalised ``query`` matches the normalised ``name``, if it does.

    >>> _name_match("tokayev", "kassym jomart tokayev"), _name_match("nazarbaev", "nursultan nazarbayev")
    ('word', 'similar')
    """
    if query == name:
        return "exact"
    if name.startswith(query):
        return "prefix"
    if f" {query} " in f" {name} ":
        return "word"
    if query in name:
        return "part"
    words = name.split()
    if all(difflib.get_close_matches(word, words, n=1, cutoff=0.8) for word in query.split()):
        return "similar"
    return None


def neighbors(graph: nx.MultiDiGraph, actor: str, depth: int = 1, filters: Filters | None = None) -> dict:
    """The actors within ``depth`` hops of ``actor``, each with the relation that brings it in
    (from the nearer actor ``via``; reported relations and smaller ids preferred).

    Returns ``{"actor", "depth", "neighbors": [{"id", "name", "kind", "distance", "via",
    "relation"}]}`` ordered by distance, then name.
    """
    if depth < 1:
        raise UsageError("{depth} must be at least 1", "depth")
    actor = resolve_actor(graph, actor)
    network = Network(graph, filters)
    seen, frontier, found = {actor}, [actor], []
    for distance in range(1, depth + 1):
        reached: dict[str, tuple[bool, str]] = {}
        for near in frontier:
            for other, link in network.links(near).items():
                if other not in seen and (other not in reached or (link.claim, near) < reached[other]):
                    reached[other] = (link.claim, near)
        for other, (_, near) in reached.items():
            found.append({**_actor(graph, other), "distance": distance, "via": near,
                          "relation": network.record(near, other)})
        seen.update(reached)
        frontier = list(reached)
    if not found:
        raise NotFoundError(f"{graph.nodes[actor]['name']} has no relations" + _within(filters))
    found.sort(key=lambda hit: (hit["distance"], normalize(hit["name"]), hit["id"]))
    return {"actor": actor, "depth": depth, "neighbors": found}


def common(graph: nx.MultiDiGraph, first: str, second: str, filters: Filters | None = None) -> dict:
    """Actors linked to both ``first`` and ``second`` (interlocks), those joined by reported
    relations first, then by name.

    Returns ``{"a", "b", "common": [{"id", "name", "kind", "with_a", "with_b"}]}`` where
    ``with_a``/``with_b`` are the relations joining the actor to each.
    """
    first, second = resolve_actor(graph, first), resolve_actor(graph, second)
    if first == second:
        raise UsageError(f"{first!r} was named twice; name two different actors")
    network = Network(graph, filters)
    links_a, links_b = network.links(first), network.links(second)
    shared = sorted((links_a[x].claim + links_b[x].claim, normalize(graph.nodes[x]["name"]), x)
                    for x in links_a.keys() & links_b.keys() - {first, second})
    if not shared:
        names = graph.nodes[first]["name"], graph.nodes[second]["name"]
        raise NotFoundError(f"no actor is linked to both {names[0]} and {names[1]}" + _within(filters))
    return {"a": first, "b": second,
            "common": [{**_actor(graph, x), "with_a": network.record(first, x), "with_b": network.record(second, x)}
                       for _, _, x in shared]}


def brokers(graph: nx.MultiDiGraph, top: int = 10, filters: Filters | None = None) -> list[dict]:
    """The ``top`` actors that hold the network together: highest betweenness centrality (the
    share of shortest paths between other actors that pass through them, relations taken in
    either direction), with their degree (how many actors they are linked to). Only relations
    count: context (unless the filters include it) and claim links do not.

    Returns ``[{"id", "name", "kind", "betweenness", "degree"}]``, highest first.
    """
    if top < 1:
        raise UsageError("{top} must be at least 1", "top")
    network = Network(graph, filters, claims=False)
    simple = nx.Graph()
    for actor in sorted(graph):
        if actor not in network.filters.avoid:
            simple.add_node(actor)
            simple.add_edges_from((actor, other) for other in network.links(actor))
    if simple.number_of_edges() == 0:
        raise NotFoundError("no relations" + _within(filters))
    centrality = nx.betweenness_centrality(simple)
    ranked = sorted(simple, key=lambda a: (-centrality[a], -simple.degree(a), a))[:top]
    return [{**_actor(graph, a), "betweenness": round(centrality[a], 4), "degree": simple.degree(a)} for a in ranked]


def timeline(graph: nx.MultiDiGraph, actor: str | None = None, filters: Filters | None = None) -> list[dict]:
    """Dated relations in date order, of the whole graph or of one ``actor``, context included. A
    relation with a ``date`` is one event (``on``); one with ``start``/``end`` gives a ``start`` and
    an ``end`` event (none for an end not known). Events on the same partial date go start, on, end.

    Returns ``[{"date", "event", "relation": record}]``.
    """
    if actor is not None:
        actor = resolve_actor(graph, actor)
    events = [{"date": record[field], "event": event, "relation": record}
              for record in _relations(graph, replace(filters or Filters(), include_context=True), actor)
              for field, event in (("start", "start"), ("date", "on"), ("end", "end"))
              if record[field] and record[field] != UNKNOWN.text]
    if not events:
        whose = f" of {graph.nodes[actor]['name']}" if actor else ""
        raise NotFoundError(f"no dated relations{whose}" + _within(filters))
    return sorted(events, key=lambda e: (parse_date(e["date"]).first, parse_date(e["date"]).last,
                                         EVENT_ORDER[e["event"]], e["relation"]["id"]))


def _within(filters: Filters | None) -> str:
    return parenthesized(filters.describe() if filters else "")
