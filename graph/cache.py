"""A cache of built graphs, so that a query does not re-read and re-validate unchanged data.

Each data folder gets one cache file in ``$ACTORGRAPH_CACHE`` (default
``$XDG_CACHE_HOME/actorgraph``, else ``~/.cache/actorgraph``). The cached graph is used only
when every file the loader read (the data files, ``schema.yaml``, ``sources.yaml`` and each
document) has the same SHA-256 content as when it was cached, no data file was added or
removed, and actorgraph's own code is unchanged. Invalid data is never cached, so its errors
are reported on every run, and neither is a graph whose files changed while they were read
(or in the two seconds before). ``ACTORGRAPH_CACHE=off`` turns the cache off; an unreadable
or unwritable cache is ignored.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from . import __version__
from .atomic import write_atomic
from .load import SCHEMA_FILE, SOURCES_FILE, data_files, default_seeds_dir

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


def cached_graph(data_dir: Path | str, seeds_dir: Path | str | None, build: Callable[[], nx.MultiDiGraph]
                 ) -> nx.MultiDiGraph:
    """The graph of ``data_dir`` from the cache when still valid, else ``build()`` (then cached)."""
    folder = cache_folder()
    if folder is None:
        return build()
    data_dir = Path(data_dir)
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir(data_dir)
    key = hashlib.sha256(f"{data_dir.resolve()}\0{seeds_dir.resolve()}".encode()).hexdigest()[:24]
    path = folder / f"{key}.pickle"
    inputs = _inputs(data_dir, seeds_dir)
    graph = _read(path, inputs)
    if graph is None:
        started = time.time_ns() - MTIME_SLACK_NS
        graph = build()
        documents = [seeds_dir / d["file"] for d in graph.graph.get("documents", {}).values()]
        _write(path, graph, inputs, documents, started)
    return graph


def _inputs(data_dir: Path, seeds_dir: Path) -> list[Path]:
    """The files the loader reads besides the documents (which ``sources.yaml`` lists)."""
    return [data_dir / SCHEMA_FILE, seeds_dir / SOURCES_FILE, *data_files(data_dir)]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _code() -> tuple:
    """What the cached graph depends on besides the data: versions and actorgraph's source files."""
    package = Path(__file__).resolve().parent
    sources = sorted((str(p.relative_to(package)), p.stat().st_mtime_ns, p.stat().st_size)
                     for p in package.rglob("*.py"))
    return __version__, sys.version_info[:2], nx.__version__, tuple(sources)


def _read(path: Path, inputs: list[Path]) -> nx.MultiDiGraph | None:
    try:
        with open(path, "rb") as handle:
            header = pickle.load(handle)
            if header["code"] != _code() or list(header["inputs"]) != [str(p) for p in inputs]:
                return None
            if any(_digest(Path(name)) != digest for name, digest in (*header["inputs"].items(),
                                                                      *header["documents"].items())):
                return None
            return pickle.load(handle)
    except Exception:  # a missing, partial or foreign cache file is simply rebuilt
        return None


def _write(path: Path, graph: nx.MultiDiGraph, inputs: list[Path], documents: list[Path], started: int) -> None:
    try:
        if any(p.stat().st_mtime_ns >= started for p in (*inputs, *documents)):
            return  # changed while being read: what was read may not be what is there now
        header = {"code": _code(), "inputs": {str(p): _digest(p) for p in inputs},
                  "documents": {str(p): _digest(p) for p in documents}}
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps(header, pickle.HIGHEST_PROTOCOL) + pickle.dumps(graph, pickle.HIGHEST_PROTOCOL))
    except OSError:  # a read-only or full disk costs speed, not correctness
        pass
