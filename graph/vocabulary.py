"""The typed vocabulary a graph was built with, read from the graph's attributes once per graph.

The graph keeps the vocabulary as plain data (:meth:`graph.model.Schema.attributes`), so that it
caches and exports as JSON; this turns it back into a :class:`~graph.model.Schema` the first time
a graph is asked, not once per relation described.
"""
from __future__ import annotations

from weakref import WeakKeyDictionary

from .model import Schema

_READ: WeakKeyDictionary = WeakKeyDictionary()


def vocabulary(graph) -> Schema:
    """The vocabulary of ``graph`` (a built ``MultiDiGraph`` or a view of one).

    >>> import networkx as nx
    >>> vocabulary(nx.MultiDiGraph(statuses={"said": {"label": "Said", "default": True}})).default_status
    'said'
    """
    found = _READ.get(graph)
    if found is None:
        found = _READ[graph] = Schema.from_attributes(graph.graph)
    return found
