"""CSV: ``nodes.csv`` and ``edges.csv``, for spreadsheets and for ``neo4j-admin database import``.

The headers use Neo4j's import syntax so the two files load as they are: ``id:ID`` and
``:LABEL`` (``Actor;`` plus the kind) for actors; ``:START_ID``, ``:END_ID``, ``:TYPE`` (the
relation type) and ``id`` (the relation id) for relations; true/false columns end in
``:boolean``. Every other column is named after the attribute. Lists and maps are JSON
text, absent values are empty cells. UTF-8 without a byte order mark, RFC 4180 quoting.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) as a formula, so such cells get a leading ``'``, as OWASP recommends
against CSV injection; ``raw=True`` writes every cell as it is, for tools that do not evaluate
cells (such as Neo4j's import).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable

import networkx as nx

from .flat import scalar

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv_files(graph: nx.MultiDiGraph, raw: bool = False) -> dict[str, str]:
    """``{"nodes.csv": text, "edges.csv": text}``, formula-like cells neutralised unless ``raw``."""
    nodes = [{"id:ID": node, ":LABEL": f"Actor;{data['kind']}", **data} for node, data in graph.nodes(data=True)]
    edges = [{":START_ID": u, ":END_ID": v, ":TYPE": data["type"], "id": key, **data}
             for u, v, key, data in graph.edges(keys=True, data=True)]
    return {"nodes.csv": _table(nodes, raw), "edges.csv": _table(edges, raw)}


def _table(rows: list[dict], raw: bool) -> str:
    columns = list(dict.fromkeys(name for row in rows for name in row))
    booleans = {name for name in columns if any(isinstance(row.get(name), bool) for row in rows)}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(f"{name}:boolean" if name in booleans else name for name in columns)
    writer.writerows(_cells(row, columns, raw) for row in rows)
    return out.getvalue()


def neutralised(cell: str) -> str:
    """``cell`` with a leading ``'`` when a spreadsheet would take it for a formula.

    >>> neutralised("=1+2"), neutralised("@SUM(A1)"), neutralised("a=b")
    ("'=1+2", "'@SUM(A1)", 'a=b')
    """
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _cells(row: dict, columns: list[str], raw: bool) -> Iterable[str]:
    for name in columns:
        value = row.get(name)
        if value is None:
            yield ""
        elif isinstance(value, bool):
            yield "true" if value else "false"
        else:
            text = str(scalar(value))
            yield text if raw else neutralised(text)
