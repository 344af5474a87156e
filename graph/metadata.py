"""What a dataset says about itself: ``dataset.yaml`` in the data folder.

A small YAML mapping, every field one line of text but ``description`` (which may hold line
breaks)::

    title: Kazakhstan, January 2022          # required
    description: Who was connected to whom.   # optional
    author: A. Curator                        # optional
    updated: "2026-11"                        # optional, a partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD)
    credit: "Sources: ..."                    # optional, printed under exported pictures

The file is optional; it is never read as a data file (like ``schema.yaml``). The explorer shows it
in its header and in the pictures it exports.
"""
from __future__ import annotations

from pathlib import Path

from .dates import PartialDate
from .errors import DataError, Problem
from .model import Metadata
from .yamlfile import NodeReader, compose, read_text

METADATA_FILE = "dataset.yaml"
REQUIRED = ("title",)
OPTIONAL = ("description", "author", "updated", "credit")


def read_metadata(path: Path, display: str, problems: list[Problem]) -> Metadata | None:
    """The metadata in ``path`` (shown as ``display`` in messages); ``None`` when the file does not exist
    or is invalid, each problem recorded in ``problems`` with its line and column."""
    if not path.exists():
        return None
    text = read_text(path, display, problems)
    if text is None:
        return None
    root = compose(text, display, problems)
    if root is None:
        problems.append(Problem(display, 1, 1, "the dataset description is empty; it needs at least a 'title'"))
        return None
    reader = NodeReader(display, problems, ("description",))
    fields = reader.fields(root, "the dataset description", REQUIRED, OPTIONAL)
    if fields is None:
        return None
    read = {name: reader.text(node, name) for name, node in fields.items()}
    values = {name: text for name, text in read.items() if text is not None}
    if len(values) < len(read) or "title" not in values:
        return None
    updated = None
    if "updated" in values:
        try:
            updated = PartialDate.parse(values["updated"])
        except ValueError as exc:
            reader.error(fields["updated"], f"updated: {exc}")
            return None
    return Metadata(values["title"], values.get("description"), values.get("author"), updated, values.get("credit"))


def load_metadata(data_dir: Path | str = "data") -> Metadata | None:
    """The metadata of the data folder ``data_dir``; ``None`` when it has none.

    Raises :class:`~graph.errors.DataError` (``FILE:LINE:COLUMN: message`` per problem) when it is invalid.
    """
    from .load import display_path

    path = Path(data_dir) / METADATA_FILE
    problems: list[Problem] = []
    metadata = read_metadata(path, display_path(path), problems)
    if problems:
        raise DataError(problems)
    return metadata


def metadata_record(metadata: Metadata | None) -> dict | None:
    """``metadata`` as a JSON-ready dict (``updated`` as its text), as the graph and the page keep it."""
    if metadata is None:
        return None
    return {"title": metadata.title, "description": metadata.description, "author": metadata.author,
            "updated": metadata.updated.text if metadata.updated else None, "credit": metadata.credit}
