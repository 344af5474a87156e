"""Positions for the actors, computed once in Python so the page opens without running physics.

Each connected group of actors is laid out on its own by a force layout in the manner of
ForceAtlas2: actors push each other apart in proportion to their number of relations (so a
hub's neighbours spread out around it) and relations pull like springs (Fruchterman-Reingold's
d²/k). It is vectorised with NumPy in float32: NetworkX's ``spring_layout`` needs SciPy and
several seconds for 2,000 actors, this takes about one. Each group is then scaled so that a
typical relation is :data:`SPACING` pixels long, turned so that it is wider than tall, pushed
apart where labels would overlap (small graphs only) and the groups are packed in rows,
largest first. The same graph always gets the same positions.
"""
from __future__ import annotations

import math

import networkx as nx

#: Typical (median) length of a relation on the page, in pixels.
SPACING = 130.0
#: Above this many actors labels are not de-overlapped (the page hides them when zoomed out anyway).
LABELLED = 500
#: Empty space kept between packed groups and between overlapping labels, in pixels.
MARGIN = 40.0
#: Width / height aimed at when packing groups: a laptop screen less the page's side bar.
ASPECT = 1.4
#: Rows of the pairwise arrays computed at once (bounds memory to about ROWS * actors * 16 bytes).
ROWS = 1024


def iterations_for(n: int) -> int:
    """Fewer sweeps for bigger groups: each costs n² work (300 for small graphs, at least 40).

    >>> iterations_for(70), iterations_for(2000), iterations_for(5000)
    (300, 50, 40)
    """
    return max(40, min(300, int(2e8 / max(n, 1) ** 2)))


def layout(graph: nx.MultiDiGraph, boxes: dict[str, tuple[float, float, float]] | None = None,
           seed: int = 7) -> dict[str, tuple[float, float]]:
    """Page coordinates (pixels, centred on 0) for every actor of ``graph``.

    ``boxes`` gives the width and height each actor's drawing (shape and label) takes and how far
    below the actor the middle of that box is, used to keep labels from overlapping and groups
    apart; actors without one take ``MARGIN`` square.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("d", "e")])
    >>> pos = layout(g)
    >>> sorted(pos) == list("abcde") and pos == layout(g)
    True
    """
    import numpy as np

    boxes = boxes or {}
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    order = {node: i for i, node in enumerate(graph)}
    groups = sorted((sorted(group, key=order.__getitem__) for group in nx.connected_components(simple)),
                    key=lambda group: (-len(group), order[group[0]]))
    if not groups:
        return {}
    placed = []
    for group in groups:
        box = np.array([boxes.get(node, (MARGIN, MARGIN, 0.0)) for node in group], dtype=np.float32)
        size, offset = box[:, :2], box[:, 2:] * np.array([0, 1], dtype=np.float32)
        pos = _forces(simple, group, seed)
        if len(group) <= LABELLED:
            pos = _separate(pos + offset, size) - offset
        placed.append((group, pos, size, offset))
    return _pack(placed)


def _forces(simple: nx.Graph, group: list[str], seed: int):
    """Force-directed positions of one connected group, scaled to :data:`SPACING` and turned wide."""
    import numpy as np

    n = len(group)
    if n == 1:
        return np.zeros((1, 2), dtype=np.float32)
    index = {node: i for i, node in enumerate(group)}
    ends = np.array([(index[u], index[v]) for u, v in simple.subgraph(group).edges()], dtype=np.int64)
    mass = (np.bincount(ends.ravel(), minlength=n) + 1).astype(np.float32)
    side = 3 * math.sqrt(n)
    pos = ((np.random.default_rng(seed).random((n, 2)) - 0.5) * side).astype(np.float32)
    steps = iterations_for(n)
    for step in range(steps):
        shift = _repulsion(pos, mass)
        delta = pos[ends[:, 0]] - pos[ends[:, 1]]
        pull = delta * np.hypot(delta[:, 0], delta[:, 1])[:, None]
        for axis in (0, 1):
            shift[:, axis] -= np.bincount(ends[:, 0], pull[:, axis], n)
            shift[:, axis] += np.bincount(ends[:, 1], pull[:, axis], n)
        length = np.maximum(np.hypot(shift[:, 0], shift[:, 1]), 1e-6)
        limit = side / 5 * (1 - step / steps) + 0.01  # the temperature: moves shrink as it cools
        pos += shift * (np.minimum(length, limit) / length)[:, None]
    pos -= pos.mean(axis=0)
    _, axes = np.linalg.eigh(np.cov(pos.T))
    pos = pos @ axes[:, ::-1]  # the direction of greatest spread becomes horizontal
    lengths = np.hypot(*(pos[ends[:, 0]] - pos[ends[:, 1]]).T)
    return (pos * (SPACING / max(float(np.median(lengths)), 1e-6))).astype(np.float32)


def _separate(pos, size, sweeps: int = 200):
    """Push apart actors whose boxes overlap, along the axis where they overlap least."""
    import numpy as np

    half = ((size + MARGIN / 4) / 2).astype(np.float32)
    n = len(pos)
    tie = np.where(np.arange(n)[:, None] > np.arange(n)[None, :], 1, -1).astype(np.float32)  # for equal positions
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    for _ in range(sweeps):
        gap_x, gap_y = x[:, None] - x[None, :], y[:, None] - y[None, :]
        over_x = half[:, None, 0] + half[None, :, 0] - np.abs(gap_x)
        over_y = half[:, None, 1] + half[None, :, 1] - np.abs(gap_y)
        hit = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        along_x = hit & (over_x < over_y)
        along_y = hit ^ along_x
        for axis, gap, over, along in ((x, gap_x, over_x, along_x), (y, gap_y, over_y, along_y)):
            sign = np.sign(gap)
            np.copyto(sign, tie, where=sign == 0)
            axis += (over * sign * along).sum(axis=1) / 2
    return np.stack([x, y], axis=1)


def _pack(placed) -> dict[str, tuple[float, float]]:
    """Lay the groups' bounding boxes out in rows about :data:`ASPECT` times as wide as the whole is
    tall, largest first, and centre the whole on 0."""
    import numpy as np

    extents = [((pos + offset - size / 2).min(axis=0), (pos + offset + size / 2).max(axis=0))
               for _, pos, size, offset in placed]
    area = sum(float(np.prod(high - low + MARGIN)) for low, high in extents)
    width = max(max(float(high[0] - low[0]) for low, high in extents), math.sqrt(area * ASPECT))
    x = y = row = 0.0
    result = {}
    for (group, pos, _, _), (low, high) in zip(placed, extents):
        w, h = (high - low + MARGIN).tolist()
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for node, (px, py) in zip(group, (pos - low + (x, y)).tolist()):
            result[node] = (px, py)
        x, row = x + w, max(row, h)
    xs, ys = [p[0] for p in result.values()], [p[1] for p in result.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {node: (round(px - cx, 1), round(py - cy, 1)) for node, (px, py) in result.items()}


def _repulsion(pos, mass):
    """For each actor, the sum over the others of mass_i * mass_j / distance along the line joining
    them, a block of rows at a time."""
    import numpy as np

    x, y = pos[:, 0], pos[:, 1]
    out = np.empty_like(pos)
    for start in range(0, len(pos), ROWS):
        rows = slice(start, start + ROWS)
        dx = x[rows, None] - x[None, :]
        dy = y[rows, None] - y[None, :]
        scale = dx * dx
        scale += dy * dy
        scale += 1e-3
        np.divide(mass[None, :], scale, out=scale)
        out[rows, 0] = (dx * scale).sum(axis=1)
        out[rows, 1] = (dy * scale).sum(axis=1)
    return out * mass[:, None]
