"""Printing data as text: every piece of data is made visible (:func:`graph.controlchars.visible`)
before it is styled or printed, so no field can send the terminal its own escape sequences.

Pieces from :func:`style` and :func:`join` are already safe (they carry click's own colour
codes); every other piece given to :func:`echo` is escaped.
"""
from __future__ import annotations

import click

from ..controlchars import visible


class Safe(str):
    """Text already escaped, perhaps styled: printed as it is."""


def _safe(piece: str) -> str:
    return piece if isinstance(piece, Safe) else visible(piece)


def style(text: str, **styles) -> Safe:
    """``text`` escaped, then styled as by :func:`click.style`."""
    return Safe(click.style(visible(text), **styles))


def join(separator: str, pieces) -> Safe:
    """The ``pieces``, each escaped unless already safe, joined by ``separator``."""
    return Safe(separator.join(_safe(piece) for piece in pieces))


def echo(*pieces: str, err: bool = False) -> None:
    """One line made of ``pieces``, each escaped unless already safe."""
    click.echo(join("", pieces), err=err)
