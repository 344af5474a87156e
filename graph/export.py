"""Exporting the graph for other tools. Node-link JSON is actorgraph's stable interchange format.

:data:`FORMATS` lists every format with the tool it is for; :func:`export_text` gives a
single-file format's text and :func:`write_export` writes any format to disk, all its files
or none.
"""
from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # networkx is imported by whatever builds the graph; --help and validate need none
    import networkx as nx

from .atomic import write_all
from .errors import UsageError
from .fields import ACTOR, RELATION

#: The fields every node and edge of the JSON export has: the declared ones (:mod:`graph.fields`), with
#: node-link's names for the ends and the id, and what the vocabulary adds to a relation.
NODE_FIELDS = tuple(f.name for f in ACTOR)
EDGE_FIELDS = ("source", "target", "key", "category", "label", "link", "time",
               *(f.name for f in RELATION if f.name not in ("id", "from", "to")))


def to_node_link(graph: nx.MultiDiGraph) -> dict:
    """The graph as NetworkX node-link data (``edges`` key), readable by ``nx.node_link_graph(..., edges="edges")``."""
    import networkx as nx

    return nx.node_link_data(graph, edges="edges")


def to_json(graph: nx.MultiDiGraph) -> str:
    """Node-link JSON text, UTF-8 kept as is."""
    return json.dumps(to_node_link(graph), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Format:
    """An export format. ``renderer`` names (``module:function``, imported only when used, so the
    command line starts fast) the function giving the text of one file, or ``{file name: text}``
    when ``folder``."""

    name: str
    tool: str
    renderer: str
    folder: bool = False

    def render(self, graph: nx.MultiDiGraph, **options) -> str | dict[str, str]:
        module, function = self.renderer.split(":")
        return getattr(importlib.import_module(module, __package__), function)(graph, **options)


FORMATS = {f.name: f for f in (
    Format("json", "NetworkX node-link JSON: actorgraph's interchange format, Python and D3", ".export:to_json"),
    Format("graphml", "GraphML: yEd, igraph, Cytoscape desktop, most graph libraries",
           ".exporters.graphml:to_graphml"),
    Format("gexf", "GEXF 1.2 with time intervals: Gephi (timeline)", ".exporters.gexf:to_gexf"),
    Format("cytoscape", "Cytoscape.js elements JSON (.cyjs): Cytoscape.js, Cytoscape desktop",
           ".exporters.cytoscape:to_cytoscape_json"),
    Format("csv", "nodes.csv + edges.csv: spreadsheets, neo4j-admin database import",
           ".exporters.tables:to_csv_files", folder=True),
    Format("cypher", "Cypher script: Neo4j (cypher-shell -f, Neo4j Browser)", ".exporters.cypher:to_cypher"),
    Format("ftm", "FollowTheMoney entities, JSON lines: Aleph, ftm tools", ".exporters.ftm:to_ftm_lines"),
)}


def check_destination(fmt: str, output: Path | str | None) -> Format:
    """The format called ``fmt``, after checking it can be written to ``output`` (``None``: standard
    output); raises :class:`UsageError` otherwise, so a command can fail before doing any work."""
    chosen = _format(fmt)
    if output is None:
        if chosen.folder:
            raise UsageError(f"{{fmt}} {fmt} writes several files; give an {{output}} folder", "fmt", "output")
        return chosen
    output = Path(output)
    if chosen.folder and output.exists() and not output.is_dir():
        raise UsageError(f"{output} is a file; {{fmt}} {fmt} writes nodes.csv and edges.csv into a folder", "fmt")
    if not chosen.folder:
        check_output_file(output)
    return chosen


def check_output_file(output: Path | str) -> None:
    """Raise :class:`UsageError` unless ``output`` can be written as a file (missing folders are created)."""
    output = Path(output)
    if output.is_dir():
        raise UsageError(f"{output} is a folder; {{output}} names the file to write", "output")


def export_text(graph: nx.MultiDiGraph, fmt: str) -> str:
    """The text of single-file format ``fmt``; raises :class:`UsageError` for a format written to a folder."""
    return check_destination(fmt, None).render(graph)  # type: ignore[return-value]


def write_export(graph: nx.MultiDiGraph, fmt: str, output: Path | str,
                 check: Callable[[Path], None] | None = None, **options) -> list[Path]:
    """Write format ``fmt`` to the file ``output`` (or into the folder ``output`` for a folder format),
    creating missing folders; return the paths written. ``check(path)`` runs for each path first and
    may refuse it by raising. All the files are written or none (see :func:`graph.atomic.write_all`).
    ``options`` go to the format's renderer (``raw=True`` for csv)."""
    chosen, output = check_destination(fmt, output), Path(output)
    rendered = chosen.render(graph, **options)
    files = {output / name: text for name, text in rendered.items()} if chosen.folder else {output: rendered}
    if check:
        for path in files:
            check(path)
    write_all(files)
    return list(files)


def _format(fmt: str) -> Format:
    try:
        return FORMATS[fmt]
    except KeyError:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
