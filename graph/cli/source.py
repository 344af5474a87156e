"""The dataset a command was given. Imported when a command runs, so that ``--help`` reads no loader."""
from __future__ import annotations

import sys

import click

from ..dataset import Dataset


class DataSource(Dataset):
    """The :class:`~graph.dataset.Dataset` a command was given, loaded with a progress bar on a terminal."""

    def load(self, progress=None, overrides=None):
        if progress is not None or not sys.stderr.isatty():
            return super().load(progress, overrides)
        with click.progressbar(length=1, label="Reading data", file=sys.stderr) as bar:
            def progress(done: int, total: int) -> None:
                bar.length = total
                bar.update(done - bar.pos)
            return super().load(progress, overrides)
