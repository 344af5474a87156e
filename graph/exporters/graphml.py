"""GraphML for yEd, igraph, Cytoscape desktop and most graph libraries.

Nodes keep their actor id and edges their relation id as GraphML ``id``; edges also carry
it as the attribute ``relation_id``, because some readers (python-igraph 1.0) mangle edge
ids. Lists and maps are JSON text (see :mod:`graph.exporters.flat`); absent values are left out;
characters XML cannot hold are replaced (see :mod:`graph.exporters.xmltext`).
"""
from __future__ import annotations

import networkx as nx

from .xmltext import xml_attributes, xml_text


def to_graphml(graph: nx.MultiDiGraph) -> str:
    """The graph as GraphML text."""
    out = nx.MultiDiGraph(**xml_attributes(graph.graph))
    out.add_nodes_from((xml_text(node), xml_attributes(data)) for node, data in graph.nodes(data=True))
    out.add_edges_from((xml_text(u), xml_text(v), xml_text(key), {"relation_id": xml_text(key), **xml_attributes(data)})
                       for u, v, key, data in graph.edges(keys=True, data=True))
    return "\n".join(nx.generate_graphml(out)) + "\n"
