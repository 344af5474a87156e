"""A cache of built graphs, so that a query does not re-read and re-validate unchanged data.

Each dataset gets one cache file in ``$ACTORGRAPH_CACHE`` (default ``$XDG_CACHE_HOME/actorgraph``,
else ``~/.cache/actorgraph``). The cached graph is used only when every file the dataset reads
(:meth:`graph.dataset.Dataset.read_paths`) has the same SHA-256 content as when it was cached,
and actorgraph's own code is unchanged. Invalid data is never cached, so its errors are reported
on every run, and neither is a graph whose files changed while they were read (or in the two
seconds before). ``ACTORGRAPH_CACHE=off`` turns the cache off; an unreadable or unwritable cache
is ignored.

The cache is JSON (a header line, then the graph as node-link data), so a planted file cannot
run code; and a file or folder that anyone but the current user could have written is not
trusted, so nobody else can feed a query a forged graph.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from . import __version__
from .atomic import write_atomic

if TYPE_CHECKING:
    from .dataset import Dataset

OFF = {"off", "0", "no", "false"}
#: A file modified this soon before loading began is not cached (file-system clocks can be coarse).
MTIME_SLACK_NS = 2 * 10**9


def cache_folder() -> Path | None:
    """Where cached graphs go, or None when the cache is off."""
    chosen = os.environ.get("ACTORGRAPH_CACHE", "")
    if chosen.strip().lower() in OFF:
        return None
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "actorgraph"


def cached_graph(dataset: Dataset, build: Callable[[], nx.MultiDiGraph]) -> nx.MultiDiGraph:
    """The graph of ``dataset`` from the cache when still valid, else ``build()`` (then cached)."""
    folder = cache_folder()
    if folder is None:
        return build()
    where = f"{dataset.data_dir.resolve()}\0{dataset.seeds_dir.resolve()}"
    path = folder / f"{hashlib.sha256(where.encode()).hexdigest()[:24]}.json"
    inputs = dataset.read_paths()
    graph = _read(path, inputs)
    if graph is None:
        started = time.time_ns() - MTIME_SLACK_NS
        graph = build()
        _write(path, graph, inputs, started)
    return graph


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _code() -> str:
    """What the cached graph depends on besides the data: versions and actorgraph's source files."""
    package = Path(__file__).resolve().parent
    sources = sorted((str(p.relative_to(package)), p.stat().st_mtime_ns, p.stat().st_size)
                     for p in package.rglob("*.py"))
    return hashlib.sha256(repr((__version__, sys.version_info[:2], nx.__version__, sources)).encode()).hexdigest()


def _header(inputs: list[Path]) -> dict:
    return {"code": _code(), "inputs": [[str(p), _digest(p)] for p in inputs]}


def _trusted(status: os.stat_result) -> bool:
    """Whether only the current user could have written what ``status`` describes."""
    return status.st_uid == os.geteuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(path: Path, inputs: list[Path]) -> nx.MultiDiGraph | None:
    try:
        if not _trusted(path.parent.stat()):
            return None
        with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as handle:
            if not _trusted(os.fstat(handle.fileno())) or json.loads(handle.readline()) != _header(inputs):
                return None
            return nx.node_link_graph(json.loads(handle.read()), edges="edges")
    except (OSError, ValueError, KeyError, TypeError, nx.NetworkXError):  # missing, partial or foreign: rebuilt
        return None


def _write(path: Path, graph: nx.MultiDiGraph, inputs: list[Path], started: int) -> None:
    try:
        if any(p.stat().st_mtime_ns >= started for p in inputs):
            return  # changed while being read: what was read may not be what is there now
        body = json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, separators=(",", ":"))
        if not nx.utils.graphs_equal(nx.node_link_graph(json.loads(body), edges="edges"), graph):
            return  # a value JSON cannot hold as it is (a tuple, a date): caching it would change the graph
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _trusted(path.parent.stat()):  # else a planted link could make this write land anywhere
            write_atomic(path, json.dumps(_header(inputs)) + "\n" + body, mode=0o600)
    except (OSError, TypeError, ValueError):  # a read-only or full disk costs speed, not correctness
        pass

