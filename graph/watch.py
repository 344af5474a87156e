"""Re-validating and re-rendering the explorer page whenever a data or source file is saved.

Polling is enough here: a dataset reads tens of files, so comparing their modification times
and sizes a few times a second costs nothing, needs no dependency and works the same on every
system and network drive. When the data is broken the page is not touched, so the browser keeps
showing the last good version while the errors are printed; no error ends the watching.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .dataset import Dataset
from .errors import ActorGraphError
from .filters import Filters
from .render import DEFAULT_OUTPUT, Page, write_explorer


def fingerprint(dataset: Dataset) -> dict[Path, tuple[int, int] | None]:
    """Modification time (ns) and size of every file ``dataset`` reads (``None`` for one that is missing)."""
    found: dict[Path, tuple[int, int] | None] = {}
    for path in dataset.read_paths():
        try:
            status = path.stat()
            found[path] = (status.st_mtime_ns, status.st_size)
        except OSError:
            found[path] = None
    return found


@dataclass(frozen=True)
class Outcome:
    """What a check did: wrote ``page``, or found ``error`` and left the last page as it was."""

    page: Page | None = None
    error: ActorGraphError | None = None


class Watcher:
    """Checks ``dataset`` and renders the page to ``output`` when a file it reads has changed.

    ``filters`` makes the :class:`~graph.filters.Filters` for each new graph (it may name
    actors, so it runs after every load); ``options`` go to :func:`graph.render.write_explorer`.
    Raises :class:`~graph.errors.UsageError` when ``output`` is a file the dataset reads.
    """

    def __init__(self, dataset: Dataset, output: Path | str = DEFAULT_OUTPUT,
                 filters: Callable[[nx.MultiDiGraph], Filters] | None = None, **options):
        dataset.check_writable_output(output)
        self.dataset = dataset
        self.output = Path(output)
        self.filters = filters
        self.options = options
        self._seen: dict[Path, tuple[int, int] | None] | None = None

    def check(self) -> Outcome | None:
        """Validate and render if anything changed since the last check (always, the first time);
        ``None`` when nothing changed. Every failure is returned as the outcome's error, never raised."""
        current = fingerprint(self.dataset)
        if current == self._seen:
            return None
        self._seen = current
        try:
            graph = self.dataset.graph(cached=False)
            filters = self.filters(graph) if self.filters else None
            return Outcome(page=write_explorer(graph, self.output, filters=filters, seeds_dir=self.dataset.seeds_dir,
                                               stories=self.dataset.stories(graph), **self.options))
        except ActorGraphError as exc:
            return Outcome(error=exc)
        except OSError as exc:  # a file being saved, moved or deleted right now: the next save is checked again
            return Outcome(error=ActorGraphError(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")))


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
