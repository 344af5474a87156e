"""Exporting the graph for other tools. Node-link JSON is actorgraph's stable interchange format."""
from __future__ import annotations

import json

import networkx as nx

NODE_FIELDS = ("id", "name", "kind", "aliases", "description")
EDGE_FIELDS = ("source", "target", "key", "type", "category", "label", "status", "claimed_by",
               "role", "start", "end", "date", "sources")


def to_node_link(graph: nx.MultiDiGraph) -> dict:
    """The graph as NetworkX node-link data (``edges`` key), readable by ``nx.node_link_graph(..., edges="edges")``."""
    return nx.node_link_data(graph, edges="edges")


def to_json(graph: nx.MultiDiGraph) -> str:
    """Node-link JSON text, UTF-8 kept as is."""
    return json.dumps(to_node_link(graph), ensure_ascii=False, indent=2) + "\n"
