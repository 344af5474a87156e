"""The data the page embeds: plain JSON-ready records of actors, relations and vocabulary.

Records hold text only, never markup; the page puts every string into the DOM as text.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx

from ..dates import PartialDate, parse_date
from ..describe import date_order, relation_record, when
from ..names import normalize
from ..paths import status_ranks
from ..validity import PAGE_INFINITY, UNKNOWN, edge_span, page_day, page_days
from ..vocabulary import vocabulary
from .sources import date_words

#: Curvature added per extra relation between the same two actors (vis-network ``roundness``).
CURVE_STEP = 0.22
#: vis-network shapes that draw the label inside the node (the others draw it below).
LABEL_INSIDE = frozenset({"ellipse", "box", "circle", "database", "text"})
#: Widest a label inside a node may be before it wraps (vis-network ``widthConstraint``), in pixels,
#: and its font size (the other labels have 14 px).
INSIDE_WIDTH, INSIDE_FONT = 150, 12
#: Rough size of a character of a 14 px label, and of a line of text, in pixels.
CHAR_WIDTH, LINE_HEIGHT = 8.0, 18


def node_size(degree: int) -> float:
    """The drawn radius of an actor with ``degree`` relations: grows with the square root, capped.

    >>> node_size(0), node_size(9), node_size(400)
    (10.0, 22.0, 42.0)
    """
    return round(min(42.0, 10 + 4 * degree ** 0.5), 1)


def footprint(name: str, shape: str, size: float) -> tuple[float, float, float]:
    """Width and height an actor takes on the page (its shape and label), and how far below the
    actor's position the middle of that box is (labels go below most shapes).

    >>> footprint("Alice", "dot", 10.0)
    (40.0, 42.0, 9.0)
    """
    text = len(name) * CHAR_WIDTH
    if shape in LABEL_INSIDE:  # a smaller font, wrapped, and a shape about 1.5 times the text around it
        text *= INSIDE_FONT / 14
        lines = -(-text // INSIDE_WIDTH)
        return 1.5 * min(text, INSIDE_WIDTH) + 10, 1.5 * lines * LINE_HEIGHT * INSIDE_FONT / 14 + 10, 0.0
    return max(2 * size, text), 2 * size + LINE_HEIGHT + 4, (LINE_HEIGHT + 4) / 2 - 2


def footprints(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float, float]]:
    """:func:`footprint` of every actor of ``graph``, drawn with its kind's shape."""
    kinds = graph.graph.get("kinds", {})
    return {node: footprint(data["name"], kinds.get(data["kind"], {}).get("shape", "dot"), node_size(graph.degree(node)))
            for node, data in graph.nodes(data=True)}


def node_records(graph: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> list[dict]:
    """One record per actor: id, name, kind, aliases, description, degree, size and position, and what the
    page's search compares (:func:`graph.queries.search`): ``keys`` (name, aliases and id), ``about``
    (the description) and ``sort_name``, normalised by :func:`graph.names.normalize`."""
    return [{"id": node, "name": data["name"], "kind": data["kind"], "aliases": list(data["aliases"]),
             "description": data.get("description") or "", "degree": graph.degree(node),
             "size": node_size(graph.degree(node)), "x": positions[node][0], "y": positions[node][1],
             "keys": [normalize(name) for name in (data["name"], *data["aliases"], node)],
             "about": normalize(data.get("description") or ""), "sort_name": normalize(data["name"])}
            for node, data in graph.nodes(data=True)]


def edge_records(graph: nx.MultiDiGraph, names: dict[str, str] | None = None) -> list[dict]:
    """One record per relation, in :func:`graph.describe.date_order`, as :func:`graph.describe.relation_record`
    plus ``inverse_label``, ``symmetric``, ``note``, ``when`` (dates in words), ``claimant`` (the
    name of ``claimed_by`` from ``names``, which may hold actors left out of ``graph``), the
    documents' authors, ``curve``: signed roundness that keeps parallel relations apart (0 =
    straight), and what the page's path finder ranks by (:mod:`graph.paths`): ``link``
    (connection or context), ``span`` (:func:`graph.validity.page_days`), ``rank`` (of the
    status, the default first) and ``weight`` (minus the quotes, minus the documents).
    """
    documents = graph.graph.get("documents", {})
    names = names or {}
    ranks = status_ranks(vocabulary(graph))
    records = []
    for source, target, key, data in graph.edges(keys=True, data=True):
        record = relation_record(graph, source, target, key)
        record.update(inverse_label=data["inverse_label"], symmetric=data["symmetric"], note=data.get("note"),
                      when=when(record, date_words), claimant=names.get(record["claimed_by"]), link=data["link"],
                      span=page_days(edge_span(data)), rank=ranks.get(data["status"], len(ranks)),
                      weight=[-len(data["sources"]), -len({cited["document"] for cited in data["sources"]})])
        for cited in record["sources"]:
            cited["author"] = documents.get(cited["document"], {}).get("author")
        records.append(record)
    records.sort(key=date_order)
    for record, curve in zip(records, curves(records)):
        record["curve"] = curve
    return records


def curves(records: list[dict]) -> list[float]:
    """Roundness for each relation so that relations joining the same two actors never overlap.

    A lone relation is straight; the others of a pair bend alternately to either side, further
    each time. The sign is relative to the relation's own direction (positive: clockwise), so
    A->B and B->A relations bend apart too.

    >>> curves([{"from": "a", "to": "b"}, {"from": "b", "to": "a"}, {"from": "a", "to": "c"}])
    [0.22, 0.22, 0.0]
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        groups[tuple(sorted((record["from"], record["to"])))].append(i)
    result = [0.0] * len(records)
    for (low, _), members in groups.items():
        offset = 0 if len(members) % 2 else 1  # an even number of relations has no straight one
        for rank, i in enumerate(members, start=offset):
            side = 1 if rank % 2 else -1
            bend = round(min(0.9, CURVE_STEP * ((rank + 1) // 2)), 2)
            result[i] = side * bend * (1 if records[i]["from"] == low else -1) + 0.0
    return result


def page_data(graph: nx.MultiDiGraph, positions: dict[str, tuple[float, float]], *, title: str, note: str = "",
              path: list[str] | None = None, as_of: PartialDate | None = None, strict: bool = False,
              big: bool = False, names: dict[str, str] | None = None, seeds_dir: Path | None = None,
              focus: str | None = None) -> dict:
    """Everything the page shows, as one JSON-ready dict.

    ``path`` is the actors of a path to show on opening, ``as_of`` the date the date filter starts
    at (``strict``: keeping only what is known to hold), ``big`` asks the page for its cheaper
    drawing settings, ``names`` names claimants, ``seeds_dir`` is where the documents are (their texts
    go in the page for the source reader, :mod:`graph.render.sources`), ``focus`` the actor a focused
    page is around. The dataset's own description (:mod:`graph.metadata`) goes in as ``dataset``.
    """
    from .sources import date_words, document_records

    nodes = node_records(graph, positions)
    edges = edge_records(graph, names)
    metadata = graph.graph.get("dataset")
    if metadata:
        metadata = {**metadata, "updated_words": date_words(metadata["updated"])}
    kinds_used = {n["kind"] for n in nodes}
    categories_used = {e["category"] for e in edges}
    return {
        "title": title, "note": note, "path": path, "focus": focus, "dataset": metadata,
        "documents": document_records(graph.graph.get("documents", {}), seeds_dir, edges),
        "big": big, "strict": strict, "far": PAGE_INFINITY, "event_days": event_days(edges), "bundles": bundles(edges),
        "as_of_days": [page_day(as_of.first.toordinal()), page_day(as_of.last.toordinal())] if as_of else None,
        "label_inside": sorted(LABEL_INSIDE), "inside_width": INSIDE_WIDTH, "inside_font": INSIDE_FONT,
        "kinds": {k: v for k, v in graph.graph.get("kinds", {}).items() if k in kinds_used},
        "categories": _with_markers({k: v for k, v in graph.graph.get("categories", {}).items() if k in categories_used}),
        "statuses": graph.graph.get("statuses", {}),
        "default_status": graph.graph.get("default_status", "reported"),
        "nodes": nodes, "edges": edges,
    }


def _with_markers(categories: dict[str, dict]) -> dict[str, dict]:
    """The categories, each with the ``marker`` its lines carry (:func:`graph.render.palette.markers`)."""
    from .palette import markers

    chosen = markers({name: category.get("color") or "#999999" for name, category in categories.items()})
    return {name: {**category, "marker": chosen[name]} for name, category in categories.items()}


#: From this many relations between the same two actors on, the page draws them as one summarised link.
BUNDLE_MIN = 4


def bundles(edges: list[dict]) -> list[dict]:
    """The pairs of actors joined by at least :data:`BUNDLE_MIN` relations, which the page draws as one
    link saying how many until it is opened: ``[{"from", "to", "members": [relation ids]}]``.

    >>> bundles([{"id": str(i), "from": "a", "to": "b"} for i in range(4)] + [{"id": "x", "from": "b", "to": "c"}])
    [{'from': 'a', 'to': 'b', 'members': ['0', '1', '2', '3']}]
    """
    pairs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for edge in edges:
        pairs[(min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))].append(edge)
    return [{"from": a, "to": b, "members": [e["id"] for e in members]}
            for (a, b), members in sorted(pairs.items()) if len(members) >= BUNDLE_MIN and a != b]


def event_days(edges: list[dict]) -> list[int]:
    """The days on which something happens in ``edges`` (the first day of each ``date``, ``start`` and
    ``end`` given), as the page counts days: the ticks of its timeline.

    >>> event_days([{"date": "1970-01-02", "start": None, "end": None}, {"date": None, "start": "1970", "end": "unknown"}])
    [0, 1]
    """
    days = set()
    for edge in edges:
        for text in (edge["date"], edge["start"], edge["end"]):
            date = parse_date(text) if text and text != UNKNOWN.text else None
            if date is not None:
                days.add(page_day(date.first.toordinal()))
    return sorted(days)
