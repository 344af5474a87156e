"""CSV: ``nodes.csv`` and ``edges.csv``, for spreadsheets and for ``neo4j-admin database import``.

The headers use Neo4j's import syntax so the two files load as they are: ``id:ID`` and
``:LABEL`` (``Actor;`` plus the kind) for actors; ``:START_ID``, ``:END_ID``, ``:TYPE`` (the
relation type) and ``id`` (the relation id) for relations; true/false columns end in
``:boolean``. Every other column is named after the attribute. Lists and maps are JSON
text, absent values are empty cells. UTF-8 without a byte order mark, RFC 4180 quoting.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable

import networkx as nx

from .flat import scalar


def to_csv_files(graph: nx.MultiDiGraph) -> dict[str, str]:
    """``{"nodes.csv": text, "edges.csv": text}``."""
    nodes = [{"id:ID": node, ":LABEL": f"Actor;{data['kind']}", **data} for node, data in graph.nodes(data=True)]
    edges = [{":START_ID": u, ":END_ID": v, ":TYPE": data["type"], "id": key, **data}
             for u, v, key, data in graph.edges(keys=True, data=True)]
    return {"nodes.csv": _table(nodes), "edges.csv": _table(edges)}


def _table(rows: list[dict]) -> str:
    columns = list(dict.fromkeys(name for row in rows for name in row))
    booleans = {name for name in columns if any(isinstance(row.get(name), bool) for row in rows)}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(f"{name}:boolean" if name in booleans else name for name in columns)
    writer.writerows(_cells(row, columns) for row in rows)
    return out.getvalue()


def _cells(row: dict, columns: list[str]) -> Iterable[str]:
    for name in columns:
        value = row.get(name)
        if value is None:
            yield ""
        elif isinstance(value, bool):
            yield "true" if value else "false"
        else:
            yield str(scalar(value))
