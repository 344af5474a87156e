"""What a person decided, kept so it is never asked again: dismissed candidate relations and judged pairs
of actors. Each is a YAML list in a file of the curation folder (``curation/`` beside the data folder, as
``seeds/`` is: a YAML file in the data folder would be read as data), appended to, never rewritten.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from ..atomic import locked, write_atomic
from ..dataset import Dataset
from ..errors import DataError, Problem
from ..load import display_path

DISMISSED = "dismissed.yaml"
DUPLICATES = "duplicates.yaml"
_HEADERS = {
    DISMISSED: "# Candidate relations dismissed in review (actorgraph add --from): never proposed again.\n"
               "# Delete an entry to have it proposed again.\n",
    DUPLICATES: "# Pairs of actors judged by a person (actorgraph dedupe --same / --different): never asked again.\n",
}


def curation_dir(dataset: Dataset) -> Path:
    """The folder of decision files: ``curation/`` beside the data folder."""
    return dataset.data_dir.resolve().parent / "curation"


class DecisionFile:
    """The list ``key`` in the decision file ``name`` of a dataset's curation folder."""

    def __init__(self, dataset: Dataset, name: str, key: str):
        self.path = curation_dir(dataset) / name
        self.key = key

    def entries(self) -> list[dict]:
        """The entries, each a mapping; a file that is not such a list is a :class:`DataError`."""
        if not self.path.exists():
            return []
        where = display_path(self.path)
        try:
            root = yaml.safe_load(self.path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise DataError([Problem(where, 1, 1, f"cannot read decisions: {exc}".splitlines()[0])]) from None
        entries = root.get(self.key) if isinstance(root, dict) else None
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise DataError([Problem(where, 1, 1, f"decisions must be a list '{self.key}:' of mappings")])
        return entries

    def append(self, entries: list[dict]) -> None:
        """Add ``entries`` at the end of the list, leaving every other byte of the file as it was."""
        if not entries:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with locked(self.path.parent):
            self.entries()  # refuse to append to a file that is not a list of decisions
            text = self.path.read_text(encoding="utf-8") if self.path.exists() else \
                _HEADERS.get(self.path.name, "") + f"{self.key}:\n"
            if text and not text.endswith("\n"):
                text += "\n"
            for entry in entries:
                text += "  - " + yaml.safe_dump(entry, default_flow_style=True, width=float("inf"),
                                                allow_unicode=True, sort_keys=False).strip() + "\n"
            write_atomic(self.path, text)
