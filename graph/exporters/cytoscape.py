"""Cytoscape.js elements JSON (also what Cytoscape desktop imports as ``.cyjs``).

``{"data": {graph attributes}, "directed": true, "multigraph": true, "elements": {"nodes":
[{"data": {"id": actor id, ...}}], "edges": [{"data": {"id": relation id, "source", "target",
"key", ...}}]}}`` -- NetworkX's ``cytoscape_data`` layout (so ``nx.cytoscape_graph`` reads it
back) with edge ids added, as Cytoscape.js wants. Cytoscape.js needs node and edge ids to
be distinct; a relation whose ``id`` equals an actor id gets the edge id ``relation:ID``.
"""
from __future__ import annotations

import json

import networkx as nx


def to_cytoscape(graph: nx.MultiDiGraph) -> dict:
    """The graph as a Cytoscape.js-compatible dict."""
    data = nx.cytoscape_data(graph)
    data["data"] = dict(data["data"])
    for edge in data["elements"]["edges"]:
        key = edge["data"]["key"]
        edge["data"]["id"] = f"relation:{key}" if key in graph else key
    return data


def to_cytoscape_json(graph: nx.MultiDiGraph) -> str:
    """:func:`to_cytoscape` as JSON text, unicode kept as is."""
    return json.dumps(to_cytoscape(graph), ensure_ascii=False, indent=2) + "\n"
