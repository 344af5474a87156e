"""Starting a new map: a data folder with the starter vocabulary and a title, an empty list of
sources, and a README saying what goes where. The starter files ship inside the package
(``graph/starter/``), so an installed actorgraph has them."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from .atomic import locked, write_all
from .errors import UsageError
from .load import SCHEMA_FILE, SOURCES_FILE, display_path
from .metadata import METADATA_FILE

_STARTER = resources.files(__package__) / "starter"


def map_files(title: str) -> dict[str, str]:
    """The files of a new map titled ``title``: path inside the map's folder to text."""
    metadata = ("# What this map is: shown in the explorer's header and under exported pictures. Optional:\n"
                "# description, author, updated (YYYY, YYYY-MM or YYYY-MM-DD), credit.\n"
                + yaml.safe_dump({"title": title}, allow_unicode=True, width=float("inf")))
    return {f"data/{SCHEMA_FILE}": (_STARTER / "schema.yaml").read_text(encoding="utf-8"),
            f"data/{METADATA_FILE}": metadata,
            f"seeds/{SOURCES_FILE}": (_STARTER / "sources.yaml").read_text(encoding="utf-8"),
            "README.md": (_STARTER / "README.md").read_text(encoding="utf-8")}


def create_map(folder: Path | str, title: str | None = None) -> list[Path]:
    """Create a new map in ``folder`` (made if missing) and return the files written; ``title`` defaults to the
    folder's name. Raises :class:`UsageError`, writing nothing, when any of its files or folders exists."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{display_path(folder)} is a file; give a folder for the new map", "folder")
    folder.mkdir(parents=True, exist_ok=True)
    name = folder.resolve().name.replace("-", " ").replace("_", " ").strip()
    files = {folder / path: text for path, text in map_files(title or name.capitalize() or "My map").items()}
    with locked(folder):
        for path in (folder / "data", folder / "seeds", *files):
            if path.exists() or path.is_symlink():
                raise UsageError(f"refusing to create a map in {display_path(folder)}: {display_path(path)} already "
                                 "exists; choose an empty folder", "folder")
        write_all({path: text for path, text in files.items()})  # a copy: Mapping keys are invariant
    return list(files)
