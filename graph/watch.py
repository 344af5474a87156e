"""Re-validating and re-rendering the explorer page whenever a data or source file is saved.

Polling is enough here: a data folder holds tens of files, so comparing their modification
times and sizes a few times a second costs nothing, needs no dependency and works the same
on every system and network drive. When the data is broken the page is not touched, so the
browser keeps showing the last good version while the errors are printed.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .build import build_graph
from .errors import ActorGraphError
from .filters import Filters
from .load import default_seeds_dir, load_dataset
from .render import DEFAULT_OUTPUT, Page, write_explorer


def fingerprint(data_dir: Path, seeds_dir: Path) -> dict[Path, tuple[int, int]]:
    """Modification time (ns) and size of every YAML file in ``data_dir`` and every file in ``seeds_dir``."""
    files = [*Path(data_dir).rglob("*.yaml"), *Path(seeds_dir).rglob("*")]
    found = {}
    for path in files:
        try:
            stat = path.stat()
        except OSError:  # deleted between listing and stat: it is gone
            continue
        if path.is_file():
            found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


@dataclass(frozen=True)
class Outcome:
    """What a check did: wrote ``page``, or found ``error`` and left the last page as it was."""

    page: Page | None = None
    error: ActorGraphError | None = None


class Watcher:
    """Checks the data and renders the page to ``output`` when a watched file has changed.

    ``filters`` makes the :class:`~graph.filters.Filters` for each new graph (it may name
    actors, so it runs after every load); ``options`` go to :func:`graph.render.write_explorer`.
    """

    def __init__(self, data_dir: Path | str = "data", seeds_dir: Path | str | None = None,
                 output: Path | str = DEFAULT_OUTPUT, filters: Callable[[nx.MultiDiGraph], Filters] | None = None,
                 **options):
        self.data_dir = Path(data_dir)
        self.seeds_dir = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir(self.data_dir)
        self.output = Path(output)
        self.filters = filters
        self.options = options
        self._seen: dict[Path, tuple[int, int]] | None = None

    def check(self) -> Outcome | None:
        """Validate and render if anything changed since the last check (always, the first time);
        ``None`` when nothing changed."""
        current = fingerprint(self.data_dir, self.seeds_dir)
        if current == self._seen:
            return None
        self._seen = current
        try:
            graph = build_graph(load_dataset(self.data_dir, self.seeds_dir))
            filters = self.filters(graph) if self.filters else None
            return Outcome(page=write_explorer(graph, self.output, filters=filters, **self.options))
        except ActorGraphError as exc:
            return Outcome(error=exc)


def watch(watcher: Watcher, report: Callable[[Outcome], None], *, interval: float = 0.5,
          stop: threading.Event | None = None, max_checks: int | None = None) -> None:
    """Call ``watcher.check()`` every ``interval`` seconds and ``report`` what each change did, until
    ``stop`` is set or ``max_checks`` checks have run (forever when neither is given)."""
    stop = stop or threading.Event()
    checks = 0
    while not stop.is_set():
        outcome = watcher.check()
        if outcome is not None:
            report(outcome)
        checks += 1
        if max_checks is not None and checks >= max_checks:
            return
        stop.wait(interval)
