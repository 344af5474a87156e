"""Positions for the actors, computed once in Python so the page opens on a finished picture.

Each connected group of actors is laid out on its own by igraph's Fruchterman-Reingold force
layout (C code: under a second for thousands of actors), which also turns it so that relations
run along the axes and it is wider than tall. Its starting positions and the random numbers it
draws come from a generator seeded here, so the same graph always gets the same picture. Each
group is scaled so that a typical relation is :data:`SPACING` pixels long and the groups are
packed in rows, largest first. Labels are not considered here: on small pages the browser's own
physics pushes overlapping actors apart before showing them (``explorer.js``).
"""
from __future__ import annotations

import math
import random
import statistics
from contextlib import contextmanager

import networkx as nx

#: Typical (median) length of a relation on the page, in pixels.
SPACING = 130.0
#: Empty space kept between packed groups, in pixels.
MARGIN = 40.0
#: Width / height aimed at when packing groups: a laptop screen less the page's side bar.
ASPECT = 1.4


def layout(graph: nx.MultiDiGraph, boxes: dict[str, tuple[float, float, float]] | None = None,
           seed: int = 7) -> dict[str, tuple[float, float]]:
    """Page coordinates (pixels, centred on 0) for every actor of ``graph``.

    ``boxes`` gives the width and height each actor's drawing (shape and label) takes and how far
    below the actor the middle of that box is, used to keep groups apart; actors without one take
    ``MARGIN`` square.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("d", "e")])
    >>> pos = layout(g)
    >>> sorted(pos) == list("abcde") and pos == layout(g)
    True
    """
    import igraph

    nodes = list(graph)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    whole = igraph.Graph(len(nodes), sorted({tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v}))
    # igraph numbers a component's vertices in increasing order, so they keep the graph's order
    groups = sorted(whole.connected_components(), key=lambda group: (-len(group), group[0]))
    boxes = boxes or {}
    rng = random.Random(seed)
    placed = []
    with _igraph_random(rng):
        for group in groups:
            names = [nodes[i] for i in group]
            placed.append((names, _forces(whole.subgraph(group), rng), [boxes.get(n, (MARGIN, MARGIN, 0.0)) for n in names]))
    return _pack(placed)


@contextmanager
def _igraph_random(rng: random.Random):
    """Have igraph draw its random numbers (its force layout jiggles every actor at every step) from
    ``rng`` instead of the shared :mod:`random` module, its default, which it gets back."""
    import igraph

    igraph.set_random_number_generator(rng)
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def _forces(group, rng: random.Random) -> list[list[float]]:
    """Fruchterman-Reingold positions of one connected igraph graph from seeded random starting
    points (igraph turns the result so that relations run along the axes, wider than tall),
    scaled to :data:`SPACING`."""
    n = group.vcount()
    side = math.sqrt(n)  # igraph's own starting square
    shape = group.layout_fruchterman_reingold(seed=[[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in range(n)])
    lengths = [math.dist(shape[u], shape[v]) for u, v in group.get_edgelist()]
    if lengths:
        shape.scale(SPACING / max(statistics.median(lengths), 1e-6))
    return shape.coords


def _pack(placed) -> dict[str, tuple[float, float]]:
    """Lay the groups' bounding boxes out in rows about :data:`ASPECT` times as wide as the whole is
    tall, largest first, and centre the whole on 0."""
    extents = []
    for _, points, boxes in placed:
        sides = [(x - w / 2, y + dy - h / 2, x + w / 2, y + dy + h / 2) for (x, y), (w, h, dy) in zip(points, boxes)]
        extents.append((min(s[0] for s in sides), min(s[1] for s in sides),
                        max(s[2] for s in sides), max(s[3] for s in sides)))
    area = sum((right - left + MARGIN) * (bottom - top + MARGIN) for left, top, right, bottom in extents)
    width = max(max(right - left for left, _, right, _ in extents), math.sqrt(area * ASPECT))
    x = y = row = 0.0
    result = {}
    for (names, points, _), (left, top, right, bottom) in zip(placed, extents):
        w, h = right - left + MARGIN, bottom - top + MARGIN
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for name, (px, py) in zip(names, points):
            result[name] = (px - left + x, py - top + y)
        x, row = x + w, max(row, h)
    xs, ys = [p[0] for p in result.values()], [p[1] for p in result.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {name: (round(px - cx, 1), round(py - cy, 1)) for name, (px, py) in result.items()}
