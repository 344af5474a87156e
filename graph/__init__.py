"""actorgraph: a hand-curated, cited map of who is connected to whom.

YAML files -> :func:`load_dataset` (validated :class:`~graph.model.Dataset`) ->
:func:`build_graph` (NetworkX ``MultiDiGraph``) -> queries, HTML and exports.
"""
from .build import build_graph
from .errors import ActorGraphError, DataError, Problem
from .load import load_dataset

__version__ = "0.1.0"
__all__ = ["ActorGraphError", "DataError", "Problem", "build_graph", "load_dataset", "__version__"]
