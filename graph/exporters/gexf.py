"""GEXF 1.2 for Gephi, with each relation's period as a time interval for Gephi's timeline.

An edge's GEXF ``start``/``end`` are the days between which the relation may hold, as
``--as-of`` reads them (:mod:`graph.validity`): from the first day of ``start`` (or of
``date``, for a one-off event) to the last day of ``end``; a missing side, or ``end: unknown``,
is open. The dates as written (``2022-01``) are kept in
``start_as_written``/``end_as_written`` and ``date``. The relation type is ``relation_type``
(GEXF reserves ``type`` for the edge direction), nodes are labelled with the actor's name and
coloured by kind. Lists and maps are JSON text; characters XML cannot hold are replaced (see
:mod:`graph.exporters.xmltext`).
"""
from __future__ import annotations

import math
import re
from datetime import date

import networkx as nx

from ..validity import edge_span
from ..vocabulary import vocabulary
from .xmltext import xml_attributes, xml_text

_HEX_COLOR = re.compile(r"^#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$")


def to_gexf(graph: nx.MultiDiGraph) -> str:
    """The graph as GEXF text, in dynamic mode when any relation is dated."""
    out = nx.MultiDiGraph(mode="dynamic")
    kinds = vocabulary(graph).kinds
    for node, data in graph.nodes(data=True):
        attributes = {**xml_attributes(data), "label": xml_text(data["name"])}
        color = _HEX_COLOR.match(kinds[data["kind"]].color if data["kind"] in kinds else "")
        if color:
            r, g, b = (int(part, 16) for part in color.groups())
            attributes["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
        out.add_node(xml_text(node), **attributes)
    for u, v, key, data in graph.edges(keys=True, data=True):
        attributes = xml_attributes({**data, "id": key, "relation_type": data["type"],
                                     "start_as_written": data["start"], "end_as_written": data["end"],
                                     "type": None, "start": None, "end": None})
        span = edge_span(data)
        if math.isfinite(span.may_from):
            attributes["start"] = date.fromordinal(int(span.may_from)).isoformat()
        if math.isfinite(span.may_until):
            attributes["end"] = date.fromordinal(int(span.may_until)).isoformat()
        out.add_edge(xml_text(u), xml_text(v), xml_text(key), **attributes)
    return "\n".join(nx.generate_gexf(out)) + "\n"
