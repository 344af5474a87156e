"""actorgraph: a hand-curated, cited map of who is connected to whom.

YAML files -> :func:`load_dataset` (validated :class:`~graph.model.Dataset`) ->
:func:`build_graph` (NetworkX ``MultiDiGraph``) -> queries, HTML and exports.
"""
from importlib import import_module

from .errors import ActorGraphError, DataError, Problem

__version__ = "0.1.0"
__all__ = ["ActorGraphError", "DataError", "Problem", "build_graph", "load_dataset", "__version__"]
_LAZY = {"build_graph": ".build", "load_dataset": ".load"}


def __getattr__(name: str):
    # Imported on first use, so that `actorgraph --help` and `validate` do not pay for networkx.
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
