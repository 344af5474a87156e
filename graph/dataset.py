"""A dataset on disk: its data folder and seeds folder, the files it reads, and the paths no output may take."""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from yaml.nodes import ScalarNode, SequenceNode

from .errors import Problem, UsageError
from .load import (
    DATA_SUFFIXES,
    SCHEMA_FILE,
    SOURCES_FILE,
    data_files,
    default_seeds_dir,
    display_path,
    load_dataset,
    story_files,
)
from .yamlfile import compose, mapping_value, read_text

if TYPE_CHECKING:  # networkx only when a graph is asked for: --help and validate need none
    import networkx as nx

    from . import model
    from .stories import Story


class Dataset:
    """The data folder ``data_dir`` and the seeds folder (default: ``seeds/`` beside the data folder)."""

    def __init__(self, data_dir: Path | str = "data", seeds_dir: Path | str | None = None):
        self.data_dir = Path(data_dir)
        self.seeds_dir = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir(self.data_dir)

    def __repr__(self) -> str:
        return f"Dataset({str(self.data_dir)!r}, {str(self.seeds_dir)!r})"

    @property
    def vocabulary_file(self) -> Path:
        return self.data_dir / SCHEMA_FILE

    @property
    def sources_file(self) -> Path:
        return self.seeds_dir / SOURCES_FILE

    def data_files(self) -> list[Path]:
        """Every ``*.yaml`` and ``*.yml`` file below the data folder but the vocabulary."""
        return data_files(self.data_dir)

    def read_paths(self) -> list[Path]:
        """Every file the dataset is read from: data files, stories, vocabulary, sources list and each document
        it lists."""
        return list(self._roles())

    def _roles(self) -> dict[Path, str]:

        roles = {path: "a data file" for path in self.data_files()}
        roles.update((path, "a story") for path in story_files(self.data_dir))
        roles[self.vocabulary_file] = "the vocabulary"
        roles[self.sources_file] = "the list of sources"
        for name in self._document_files():
            roles.setdefault(self.seeds_dir / name, "a source document")
        return roles

    def _document_files(self) -> list[str]:
        """The ``file:`` (and ``original:``) of each document in the sources list, read without checking anything else."""
        problems: list[Problem] = []
        text = read_text(self.sources_file, str(self.sources_file), problems) if self.sources_file.is_file() else None
        root = compose(text, str(self.sources_file), problems) if text else None
        documents = mapping_value(root, "documents")
        items = documents.value if isinstance(documents, SequenceNode) else []
        files = [mapping_value(item, name) for item in items for name in ("file", "original")]
        return [node.value for node in files if isinstance(node, ScalarNode)]

    def check_writable_output(self, path: Path | str) -> None:
        """Raise :class:`UsageError` when writing ``path`` would replace a file this dataset reads, a data or
        seeds folder, or add a data file, however the path is spelled (relative, ``..``, symlinks)."""
        reason = self._clash(Path(path))
        if reason:
            raise UsageError(f"refusing to write {display_path(Path(path))}: it is {reason}")

    def _clash(self, path: Path) -> str | None:
        target = os.path.realpath(path)
        for folder, what in ((self.data_dir, "the data folder"), (self.seeds_dir, "the seeds folder")):
            if _same(target, folder):
                return what
        for read, what in self._roles().items():
            if _same(target, read):
                return f"{what} of the dataset ({display_path(read)})"
        inside_data = Path(target).is_relative_to(os.path.realpath(self.data_dir))
        if inside_data and Path(target).suffix in DATA_SUFFIXES:
            return "inside the data folder, where it would be read as a data file"
        return None

    def load(self, progress: Callable[[int, int], None] | None = None,
             overrides: Mapping[Path, str] | None = None) -> model.Dataset:
        """The validated records (see :func:`graph.load.load_dataset`)."""
        return load_dataset(self.data_dir, self.seeds_dir, progress=progress, overrides=overrides)

    def stories(self, graph: nx.MultiDiGraph) -> list[Story]:
        """The stories of ``data_dir/stories/`` checked against ``graph`` (see :func:`graph.stories.load_stories`)."""
        from .stories import load_stories

        return load_stories(graph, self.data_dir)

    def graph(self, cached: bool = True) -> nx.MultiDiGraph:
        """The graph of :meth:`load`, from the cache while no file read has changed (see :mod:`graph.cache`)."""
        from .build import build_graph

        if not cached:
            return build_graph(self.load())
        from .cache import cached_graph

        return cached_graph(self, lambda: build_graph(self.load()))


def _same(target: str, other: Path) -> bool:
    """Whether the resolved path ``target`` names ``other``, by path or, for existing files, by identity."""
    if target == os.path.realpath(other):
        return True
    try:
        return os.path.samefile(target, other)
    except OSError:  # one of them does not exist
        return False
