"""Turning a relation of the graph into a record (the JSON form of a hop) and into words.

A record keeps the relation's own direction: ``from`` ``label`` ``to``, whichever way a query
walked it.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # networkx is imported by whatever builds the graph; --help and validate need none
    import networkx as nx

from .dates import parse_date
from .fields import RELATION
from .validity import UNKNOWN
from .vocabulary import vocabulary

#: The relation fields a record carries besides its id, category, label and sources.
RECORD_FIELDS = tuple(f.name for f in RELATION if f.name not in ("id", "sources", "note"))


def relation_record(graph: nx.MultiDiGraph, source: str, target: str, key: str) -> dict:
    """The relation ``key`` from ``source`` to ``target`` as a JSON-ready dict.

    Keys: ``id``, ``category`` and :data:`RECORD_FIELDS`, plus ``sources``, a list of
    ``{document, title, quote, page}`` (``page`` is ``None`` for a document without pages).
    """
    data = graph.edges[source, target, key]
    documents = graph.graph.get("documents", {})
    record = {"id": key, "from": source, "to": target, "category": data["category"]}
    record.update((name, data[name]) for name in RECORD_FIELDS[2:])
    record["label"] = data["label"]
    record["sources"] = [{"document": s["document"], "title": documents.get(s["document"], {}).get("title"),
                          "quote": s["quote"], "page": s.get("page")} for s in data["sources"]]
    return record


def name(graph: nx.MultiDiGraph, actor: str | None) -> str | None:
    """The display name of ``actor`` (its id when it has none)."""
    return None if actor is None else graph.nodes[actor].get("name") or actor


def category_label(graph: nx.MultiDiGraph, category: str) -> str:
    """The vocabulary's label of a relation category (the id when it has none)."""
    return vocabulary(graph).label("categories", category)


def sentence(graph: nx.MultiDiGraph, record: dict) -> str:
    """The relation in words, in its own direction: FROM-name label TO-name."""
    return f"{name(graph, record['from'])} {record['label']} {name(graph, record['to'])}"


def claim_sentence(graph: nx.MultiDiGraph, record: dict) -> str:
    """A claim link in words: CLAIMANT made allegations about ABOUT (the claimed relation follows it)."""
    return f"{name(graph, record['claimant'])} made allegations about {name(graph, record['about'])}"


def when(record: dict, spell: Callable[[str], str] = str) -> str:
    """The dates of a relation in words (empty when undated), each date written by ``spell`` (as
    given, by default; the explorer passes :func:`graph.render.sources.date_words`: "5 January 2022").

    >>> when({"date": "2019", "start": None, "end": None}), when({"date": None, "start": None, "end": "2022-01-05"})
    ('in 2019', 'until 2022-01-05')
    >>> when({"date": None, "start": "1990", "end": "2019"}), when({"date": None, "start": None, "end": "unknown"})
    ('from 1990 to 2019', 'formerly')
    """
    start, end = spell(record["start"]) if record["start"] else None, record["end"]
    if record["date"]:
        return f"{'on' if len(record['date']) == 10 else 'in'} {spell(record['date'])}"
    if end == UNKNOWN.text:
        return f"from {start}, ended on a date not known" if start else "formerly"
    end = spell(end) if end else None
    if start and end:
        return f"from {start} to {end}"
    if start:
        return f"since {start}"
    return f"until {end}" if end else ""


def date_order(record: dict) -> tuple:
    """Sort key putting relations in date order: by the first day of the date they begin (``date`` or
    ``start``; when only their ``end`` is known, that, before those that begin that day), then by
    its last day and id; undated relations last.

    >>> records = [{"id": i, "date": d, "start": None, "end": e} for i, d, e in
    ...            (("x", None, None), ("y", "2022", None), ("z", None, "2022-01-05"), ("w", "2022-01-05", None))]
    >>> [r["id"] for r in sorted(records, key=date_order)]
    ['y', 'z', 'w', 'x']
    """
    began = parse_date(record["date"] or record["start"])
    ended = None if record["end"] == UNKNOWN.text else parse_date(record["end"])
    anchor = began or ended
    if anchor is None:
        return (1, record["id"])
    return (0, anchor.first, began is not None, anchor.last, record["id"])


def hops(count: int) -> str:
    """``"1 hop"``, ``"2 hops"``."""
    return f"{count} hop" + ("" if count == 1 else "s")


def parenthesized(*parts: str) -> str:
    """The non-empty ``parts`` as a remark to append to a message (nothing when all are empty).

    >>> "no connection" + parenthesized("as of 2022", "", "within 2 hops"), parenthesized("")
    ('no connection (as of 2022; within 2 hops)', '')
    """
    kept = [part for part in parts if part]
    return f" ({'; '.join(kept)})" if kept else ""


def is_claim(graph: nx.MultiDiGraph, record: dict) -> bool:
    """Whether the relation is not of the default status (alleged, disputed...)."""
    return vocabulary(graph).is_claim(record["status"])


def status_text(graph: nx.MultiDiGraph, record: dict) -> str:
    """The status in words; a claim stands out in capitals and names its claimant:
    ``"reported"``, ``"ALLEGED by Dan Critic"``, ``"DISPUTED"``."""
    statuses = vocabulary(graph)
    label = statuses.label("statuses", record["status"])
    if not statuses.is_claim(record["status"]):
        return label.lower()
    return label.upper() + (f" by {name(graph, record['claimed_by'])}" if record["claimed_by"] else "")


def shorten(text: str, width: int = 120) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with an ellipsis when cut.

    >>> shorten("one two three", 9)
    'one two…'
    """
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"
