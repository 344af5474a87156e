"""The source reader's data: each cited document's text, where each quote is in it, and dates in words.

The page shows a document as its own text with every quote the map takes from it marked. Python finds
the quotes (as the validator does, after :func:`graph.quotes.normalize`, here in the original text),
cuts the text into segments at every quote's start and end, and gives offsets in UTF-16 code units,
the unit of JavaScript strings, so the page only slices.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..dates import PartialDate, parse_date
from ..errors import Problem
from ..quotes import normalize
from ..yamlfile import read_text

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# What each character of a normalised quote may be in the original text (graph.quotes._TRANSLATE, reversed).
_VARIANTS = {"'": "'\u2018\u2019\u201a\u201b\u2032", '"': '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb',
             "-": "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}


def date_words(text: str | None) -> str:
    """A partial ISO date as people write it.

    >>> date_words("2022-01-05"), date_words("2020-05"), date_words("2019"), date_words(None)
    ('5 January 2022', 'May 2020', '2019', '')
    """
    date = parse_date(text) if text else None
    if date is None:
        return ""
    parts = date.text.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def partial_words(date: PartialDate | None) -> str:
    return date_words(date.text) if date else ""


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` (character offsets), allowing what :func:`graph.quotes.normalize`
    evens out in spaces, quotation marks and dashes; ``None`` when it cannot be found so.

    >>> locate("He said “it came as a  shock” – twice.", 'said "it came as a shock" - twice')
    (3, 37)
    """
    words = normalize(quote)
    if not words:
        return None
    pattern = "".join(r"\s+" if c == " " else f"[{re.escape(_VARIANTS[c])}]" if c in _VARIANTS else re.escape(c)
                      for c in words)
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def utf16(text: str) -> list[int] | None:
    """The UTF-16 offset of each character offset of ``text`` (one more, for the end); ``None`` when they
    are the same (no character beyond U+FFFF)."""
    if all(ord(c) < 0x10000 for c in text):
        return None
    offsets, at = [], 0
    for c in text:
        offsets.append(at)
        at += 2 if ord(c) >= 0x10000 else 1
    offsets.append(at)
    return offsets


def segments(length: int, spans: list[tuple[int, int]]) -> list[list]:
    """The text ``[0, length)`` cut at every span's start and end: ``[start, end, [indexes of the spans
    covering it]]``, in order.

    >>> segments(10, [(2, 5), (4, 8)])
    [[0, 2, []], [2, 4, [0]], [4, 5, [0, 1]], [5, 8, [1]], [8, 10, []]]
    """
    cuts = sorted({0, length, *(s for span in spans for s in span)})
    starting, ending = defaultdict(list), defaultdict(list)
    for i, (start, end) in enumerate(spans):
        starting[start].append(i)
        ending[end].append(i)
    result: list[list] = []
    active: set[int] = set()
    for a, b in zip(cuts, cuts[1:]):
        active.difference_update(ending.get(a, ()))
        active.update(starting.get(a, ()))
        result.append([a, b, sorted(active)])
    return result


def document_records(documents: dict[str, dict], seeds_dir: Path | None, edges: Iterable[dict]) -> dict[str, dict]:
    """The documents ``edges`` cite, by id: details (``published`` also in words), and, when ``seeds_dir``
    holds their files, ``text``, ``quotes`` (``[start, end, [relation ids]]`` in document order) and
    ``segments`` (:func:`segments`). Each cited source of ``edges`` gets ``at``, the index of its quote
    in its document's ``quotes`` (``None`` when not located), in place."""
    cited: dict[str, list[dict]] = {}
    for edge in edges:
        for source in edge["sources"]:
            source["at"] = None
            cited.setdefault(source["document"], []).append({"source": source, "relation": edge["id"]})
    records = {}
    for doc_id, uses in cited.items():
        details = documents.get(doc_id, {})
        record = {"id": doc_id, **{k: details.get(k) for k in ("title", "author", "publisher", "url", "published",
                                                              "archive_url")}}
        record["published_words"] = date_words(record["published"])
        text = _text(seeds_dir, details.get("file"))
        if text is not None:
            spans: dict[tuple[int, int], list[str]] = {}
            located = []
            for use in uses:
                span = locate(text, use["source"]["quote"])
                located.append(span)
                if span is not None and use["relation"] not in spans.setdefault(span, []):
                    spans[span].append(use["relation"])
            order = sorted(spans)
            index = {span: i for i, span in enumerate(order)}
            for use, span in zip(uses, located):
                use["source"]["at"] = index.get(span) if span else None
            units = utf16(text) or range(len(text) + 1)  # JavaScript counts UTF-16 units
            record["quotes"] = [[units[a], units[b], spans[(a, b)]] for a, b in order]
            record["segments"] = [[units[a], units[b], covering] for a, b, covering in segments(len(text), order)]
            record["text"] = text
        records[doc_id] = record
    return records


def _text(seeds_dir: Path | None, file: str | None) -> str | None:
    if seeds_dir is None or not file:
        return None
    path = Path(seeds_dir) / file
    if not path.is_file():
        return None
    problems: list[Problem] = []
    return read_text(path, str(path), problems)
