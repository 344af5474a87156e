"""Telling relation categories apart without colour alone.

Each category's lines carry a small marker at their middle (vis-network's middle arrow types that
point nowhere: none, circle, box, diamond, bar). Python chooses them so that any two categories
whose colours could be confused, by anyone or under a simulation of deuteranopia or protanopia
(Machado, Oliveira and Fernandes 2009, severity 1), get different markers. Colours are compared as
CIELAB distances (CIE76) between the colours as seen.
"""
from __future__ import annotations

import itertools

#: The markers, in the order they are handed out (the first is none: a plain line).
MARKERS = ("none", "circle", "box", "diamond", "bar")
#: Colours closer than this (CIE76 Delta E) could be taken for one another on a thin line.
CONFUSABLE = 20.0
#: Machado et al. (2009) simulation matrices, severity 1.0, on linear RGB.
SIMULATIONS = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
}


def _linear(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)  # type: ignore[return-value]


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, c)) for c in rgb)
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
         for t in (xyz[0] / 0.95047, xyz[1] / 1.0, xyz[2] / 1.08883)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def seen(hex_colour: str, vision: str | None = None) -> tuple[float, float, float]:
    """The CIELAB colour of ``hex_colour`` as seen with normal ``vision`` (``None``) or a simulated one."""
    rgb = _linear(hex_colour)
    if vision is not None:
        matrix = SIMULATIONS[vision]
        rgb = tuple(sum(m * c for m, c in zip(row, rgb)) for row in matrix)  # type: ignore[assignment]
    return _lab(rgb)


def distance(a: str, b: str, vision: str | None = None) -> float:
    """CIE76 Delta E between two colours as seen with ``vision``.

    >>> round(distance("#000000", "#ffffff"))
    100
    """
    return sum((x - y) ** 2 for x, y in zip(seen(a, vision), seen(b, vision))) ** 0.5


def confusable(a: str, b: str) -> bool:
    """Whether the two colours could be taken for one another, with normal vision or a simulated one."""
    return any(distance(a, b, vision) < CONFUSABLE for vision in (None, *SIMULATIONS))


def markers(colours: dict[str, str]) -> dict[str, str]:
    """A marker for each category (``{name: "#rrggbb"}``) so that confusable colours never share one:
    categories in order, each taking the first marker none of its confusable predecessors has (the
    list cycles when more are needed than exist, which the test of the shipped vocabulary rules out).

    >>> markers({"a": "#1f77b4", "b": "#1f77b5", "c": "#ff7f0e"})
    {'a': 'none', 'b': 'circle', 'c': 'none'}
    """
    chosen: dict[str, str] = {}
    for name, colour in colours.items():
        taken = {chosen[other] for other in chosen if confusable(colours[other], colour)}
        free = [m for m in MARKERS if m not in taken]
        chosen[name] = free[0] if free else MARKERS[len(chosen) % len(MARKERS)]
    return chosen


def clashes(colours: dict[str, str], chosen: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs of categories told apart neither by colour (as anyone sees it) nor by marker."""
    return [(a, b) for a, b in itertools.combinations(colours, 2)
            if chosen[a] == chosen[b] and confusable(colours[a], colours[b])]
