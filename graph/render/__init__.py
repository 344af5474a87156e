"""The interactive explorer: a graph rendered to one self-contained, offline HTML file.

graph -> :func:`select` (filters, focus) -> :func:`~graph.render.layout.layout` (positions) ->
:func:`~graph.render.records.page_data` (plain records) -> :func:`~graph.render.page.page_html`
-> written atomically as UTF-8 by :func:`write_explorer`.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from ..errors import NotFoundError, UsageError
from ..filters import Filters
from ..names import resolve_actor

if TYPE_CHECKING:
    from ..stories import Story

#: Where ``actorgraph render`` writes when not told (``build/`` is git-ignored).
DEFAULT_OUTPUT = Path("build") / "actorgraph.html"
#: The most actors a page may hold: beyond it the browser is too slow to be useful.
MAX_ACTORS = 5000
#: Above these sizes the page draws more cheaply (no hover, edges hidden while dragging or zooming).
BIG_ACTORS, BIG_RELATIONS = 500, 1500


@dataclass(frozen=True)
class Page:
    """A rendered explorer page and how many actors and relations it shows."""

    html: str
    actors: int
    relations: int


def select(graph: nx.MultiDiGraph, filters: Filters | None = None, focus: str | None = None,
           depth: int | None = None) -> nx.MultiDiGraph:
    """The part of ``graph`` to show: relations the filters keep (context always) and, with ``focus`` (an id, name or
    alias), only the actors within ``depth`` relations of it (default 1), in either direction.

    Raises :class:`UsageError` when ``depth`` comes without ``focus`` or the result holds more
    than :data:`MAX_ACTORS` actors.
    """
    # Context is drawn and shown in panels; whether the path finder walks it is the page's choice.
    view = replace(filters, include_context=True).apply(graph) if filters else graph
    if focus is None:
        if depth is not None:
            raise UsageError("{depth} needs {focus}: the actor to go from", "depth", "focus")
    else:
        depth = 1 if depth is None else depth
        if depth < 0:
            raise UsageError("{depth} must be 0 or more", "depth")
        center = resolve_actor(graph, focus)
        if center not in view:
            raise UsageError(f"cannot focus on {graph.nodes[center]['name']}: it is avoided")
        near = nx.single_source_shortest_path_length(view.to_undirected(as_view=True), center, cutoff=depth)
        view = view.subgraph(near)
    if view.number_of_nodes() > MAX_ACTORS:
        hint = ("use a smaller {depth}" if focus else  # the best-connected actor as the example
                f"narrow it with {{focus}} and {{depth}} (for example {{focus}} {max(view, key=view.degree)} {{depth}} 1)")
        raise UsageError(f"{view.number_of_nodes():,} actors are too many for one page (at most {MAX_ACTORS:,}); {hint}",
                         "focus", "depth")
    return view


def build_page(graph: nx.MultiDiGraph, *, filters: Filters | None = None, focus: str | None = None,
               depth: int | None = None, path: tuple[str, str] | None = None, seeds_dir: Path | str | None = None,
               stories: Sequence[Story] = (), story: str | None = None, embed: bool = False) -> Page:
    """The explorer page for ``graph`` narrowed by :func:`select`; ``path`` (two ids, names or
    aliases) opens it with the shortest path between them shown; ``seeds_dir``, the folder of the
    documents, puts their texts in the page for its source reader (without it the reader shows
    quotes and details only). ``stories`` (:mod:`graph.stories`) go in the page when it holds all they
    name; ``story`` names the one it opens on; ``embed`` leaves out the side controls (for an iframe).

    The caller's graph is never modified. Raises :class:`NotFoundError` when the two ends of
    ``path`` are not connected within the page.
    """
    from .layout import layout
    from .page import page_html
    from .records import footprints, page_data
    from .stories import story_records

    view = select(graph, filters, focus, depth)
    chain = _path(graph, view, path) if path else None
    size = (view.number_of_nodes(), view.number_of_edges())
    heading = (graph.graph.get("dataset") or {}).get("title") or "actorgraph"
    center = resolve_actor(graph, focus) if focus else None
    title = f"{heading}: around {graph.nodes[center]['name']}" if center else heading
    notes = [filters.describe() if filters else "",
             f"within {1 if depth is None else depth} relation(s) of the focus" if focus else ""]
    data = page_data(view, layout(view, footprints(view)), title=title, note="; ".join(n for n in notes if n), path=chain,
                     as_of=filters.as_of if filters else None, strict=bool(filters and filters.strict),
                     big=size[0] > BIG_ACTORS or size[1] > BIG_RELATIONS,
                     names={node: attrs["name"] for node, attrs in graph.nodes(data=True)},
                     seeds_dir=Path(seeds_dir) if seeds_dir is not None else None, focus=center)
    data.update(stories=story_records(stories, view, story), story=story, embed=embed)
    return Page(page_html(data), *size)


def write_explorer(graph: nx.MultiDiGraph, output: Path | str = DEFAULT_OUTPUT, **options) -> Page:
    """Render :func:`build_page` (same ``options``) and write it to ``output`` as UTF-8, whole or
    not at all, creating missing folders. Raises :class:`~graph.errors.WriteError` when it cannot be written."""
    from ..atomic import write_atomic

    page = build_page(graph, **options)
    write_atomic(output, page.html)  # creates missing folders; raises WriteError when it fails
    return page


def _path(graph: nx.MultiDiGraph, view: nx.MultiDiGraph, ends: tuple[str, str]) -> list[str]:
    """The actors of the shortest path between ``ends`` within ``view`` (see :mod:`graph.paths`)."""
    from ..paths import find_paths

    ids = [resolve_actor(graph, end) for end in ends]
    for actor in ids:
        if actor not in view:
            raise NotFoundError(f"{graph.nodes[actor]['name']} is not in the page (outside the focus, or avoided)")
    return find_paths(view, *ids)["paths"][0]["actors"]
