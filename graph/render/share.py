"""The address of a view of the explorer page: the page's own file or URL, then a fragment.

The fragment is written exactly as the page's ``encodeView`` writes it (graph/templates/explorer-core.js;
``tests/test_browser.py`` checks that the page reads back what Python writes), so that
``actorgraph path A B --link PAGE`` and ``show A --link PAGE`` print an address that opens PAGE on that
answer.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote_plus, urlencode

import networkx as nx

from ..filters import Filters

#: The fragment's keys, in the page's order (``VIEW_FIELDS`` in explorer-core.js).
KEYS = (("actor", "a"), ("relation", "r"), ("from", "from"), ("to", "to"), ("context", "ctx"), ("date", "date"),
        ("strict", "strict"), ("hide_claims", "claims"), ("off", "off"), ("doc", "doc"), ("quote", "q"),
        ("story", "story"), ("step", "step"))
_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def view_fragment(graph: nx.MultiDiGraph | None = None, filters: Filters | None = None, **view) -> str:
    """The fragment (without ``#``) of a view: ``actor``, ``relation``, ``from``/``to`` (actor ids) and the
    filters the page has: the date (``as_of``, ``strict``), claims hidden (``reported_only``), context
    walked (``include_context``) and categories left out (from ``categories``/``exclude_categories``,
    against the categories of ``graph``). Types and avoided actors have no control in the page. A story open
    at a step is ``story`` (its name) and ``step`` (from 1).

    >>> view_fragment(**{"from": "a-b", "to": "c"})
    'from=a-b&to=c'
    """
    if filters is not None:
        if filters.as_of is not None:
            first, last = filters.as_of.first.isoformat(), filters.as_of.last.isoformat()
            view["date"] = first if first == last else f"{first}..{last}"
            view["strict"] = filters.strict
        view["hide_claims"] = filters.reported_only
        view["context"] = filters.include_context
        categories = list((graph.graph.get("categories") if graph is not None else None) or {})
        off = [c for c in categories if (filters.categories and c not in filters.categories)
               or c in (filters.exclude_categories or ())]
        view["off"] = ",".join(off)
    values = {"context": "1" if view.get("context") else None, "strict": "1" if view.get("strict") else None,
              "hide_claims": "hide" if view.get("hide_claims") else None}
    pairs = [(key, values.get(field, view.get(field))) for field, key in KEYS]
    return urlencode([(k, str(v)) for k, v in pairs if v not in (None, "", False)], quote_via=quote_plus, safe="*")


def page_link(page: str | Path, fragment: str) -> str:
    """``page`` (a web address, or a file, given as an absolute ``file:`` URI) with ``fragment``."""
    text = str(page)
    base = text.split("#", 1)[0] if _ADDRESS.match(text) else Path(text).resolve().as_uri()
    return f"{base}#{fragment}" if fragment else base
