"""The stories a page carries: each step as the page shows it, every answer computed here.

A step's record holds its title, its text as a tree of text and tag names (:mod:`graph.storytext`) and as
plain words (for captions), the actors and relations it highlights (the relations in the order their
citations are listed), the camera's ``focus`` and ``view``: its filters as an address fragment
(:func:`graph.render.share.view_fragment`, read by the page's ``decodeView``).
"""
from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from ..errors import UsageError
from ..stories import Story, story_named
from .share import view_fragment


def story_records(stories: Sequence[Story], view: nx.MultiDiGraph, start: str | None = None) -> list[dict]:
    """The records of the ``stories`` whose every actor and relation the page (``view``) holds.

    Raises :class:`UsageError` when ``start``, the story the page opens on, is not one of them.
    """
    if start is not None and not _within(story_named(list(stories), start), view):
        raise UsageError(f"story {start!r} names actors or relations this page leaves out; drop {{focus}} "
                         "and the filters that narrow the page", "focus")
    keys = {key for _, _, key in view.edges(keys=True)}
    return [{"name": story.name, "title": story.title, "description": story.description,
             "steps": [{"title": step.title, "text": step.text, "plain": step.plain, "actors": list(step.actors),
                        "relations": list(step.relations), "focus": step.focus,
                        "view": view_fragment(view, step.filters)} for step in story.steps]}
            for story in stories if _within(story, view, keys)]


def _within(story: Story, view: nx.MultiDiGraph, keys: set[str] | None = None) -> bool:
    keys = keys if keys is not None else {key for _, _, key in view.edges(keys=True)}
    return all(all(actor in view for actor in step.actors) and keys.issuperset(step.relations)
               and (step.focus is None or step.focus in view) for step in story.steps)
