"""Adding a document to a dataset: its text (and, for a web page or a PDF, the original file) kept in the
seeds folder and an entry appended to the sources list, nothing else in it changed. The dataset is
checked with the new entry first, under the lock ``add`` takes, and the files are written all or none."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import SequenceNode

from ..atomic import locked, write_all
from ..dataset import Dataset
from ..edit import appended
from ..errors import ActorGraphError, DataError, DocumentError, EditRejected, Problem, UsageError
from ..load import display_path
from ..names import slug
from ..yamlfile import SAFE_LOADER, compose, decode_text, mapping_value
from . import Extracted, extract

_BOM = "\ufeff"
_ID_WORDS = 6


@dataclass(frozen=True)
class Registered:
    """A document added: its sources list entry, the line of the list it starts on, the files written (the
    text first, then the original when there is one) and what was extracted."""

    entry: dict
    line: int
    files: list[Path]
    extracted: Extracted


def add_document(dataset: Dataset, path: Path | str, *, doc_id: str | None = None, title: str | None = None,
                 author: str | None = None, publisher: str | None = None, url: str | None = None,
                 published: str | None = None) -> Registered:
    """Add the file ``path`` (.txt, .html or .pdf) to ``dataset`` as a document; details not given are taken
    from the file. Raises :class:`DocumentError` for a file with no text to cite or one already registered,
    :class:`UsageError` for an id or file name taken, :class:`EditRejected` when the dataset would be invalid."""
    path = Path(path)
    data = path.read_bytes()
    extracted = extract(path, data)
    given = {"title": title, "author": author, "publisher": publisher, "url": url, "published": published}
    found = {name: value for name, value in extracted.details.items()
             if name != "url" or value.startswith(("https://", "http://"))}  # a page may name itself relatively
    details = {**found, **{name: value for name, value in given.items() if value}}
    details.setdefault("title", path.stem)
    with locked(dataset.data_dir):
        return _register(dataset, path, data, extracted, doc_id, details)


def _register(dataset: Dataset, path: Path, data: bytes, extracted: Extracted, doc_id: str | None,
              details: dict[str, str]) -> Registered:
    sources = dataset.sources_file
    before = _read_bytes(sources)
    problems: list[Problem] = []
    text = decode_text(before, display_path(sources), problems) if before else "documents:\n"
    if text is None:
        raise DataError(problems)
    bom = _BOM if before.startswith(_BOM.encode("utf-8")) else ""
    text = _without_empty_flow_list(text, sources)
    listed = _listed(text, sources)
    digest = hashlib.sha256(data).hexdigest()
    for entry in listed:
        if (entry.get("sha256") or _file_hash(dataset.seeds_dir, entry.get("file"))) == digest:
            raise DocumentError(f"{display_path(path)} is already registered as document {entry.get('id')!r} "
                                "(same SHA-256)")
    taken = {str(entry.get("id")) for entry in listed}
    doc_id = doc_id or _free_id(slug(details["title"]), taken)
    if doc_id in taken:
        raise UsageError(f"document id {doc_id!r} is already used in {display_path(sources)}; pass another "
                         "{doc_id}", "doc_id")
    contents: dict[Path | str, str | bytes] = {}
    if extracted.kind == "text":
        names = {"file": f"{doc_id}.txt"}
        contents[dataset.seeds_dir / names["file"]] = data
    else:
        names = {"file": f"{doc_id}.txt", "original": f"{doc_id}{path.suffix.lower()}"}
        contents[dataset.seeds_dir / names["file"]] = extracted.text
        contents[dataset.seeds_dir / names["original"]] = data
    for target in contents:
        if Path(target).exists() or Path(target).is_symlink():
            raise UsageError(f"{display_path(Path(target))} already exists; pass another {{doc_id}}", "doc_id")
    entry = {"id": doc_id, "file": names["file"], "title": details["title"],
             **{name: details[name] for name in ("author", "publisher", "url", "published") if name in details},
             **({"original": names["original"]} if "original" in names else {}), "sha256": digest}
    candidate, line = appended(text, "documents", entry, sources)
    if (yaml.load(candidate, Loader=SAFE_LOADER) or {}).get("documents") != listed + [entry]:
        raise UsageError(f"cannot append to {display_path(sources)} without changing what is already there "
                         "(unusual layout); add the document by hand")
    try:
        dataset.load(overrides={sources: candidate, dataset.seeds_dir / names["file"]: extracted.text})
    except DataError as exc:
        raise EditRejected(exc.problems, display_path(sources)) from None
    if _read_bytes(sources) != before:
        raise ActorGraphError(f"{display_path(sources)} changed while the document was being checked; "
                              "run the command again")
    contents[sources] = bom + candidate
    write_all(contents)
    return Registered(entry, line, [Path(target) for target in contents if target != sources], extracted)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def _without_empty_flow_list(text: str, sources: Path) -> str:
    """``text`` with ``documents: []`` (a new map's empty list) left empty, so that entries can go under it."""
    value = mapping_value(compose(text, display_path(sources), []), "documents")
    if isinstance(value, SequenceNode) and value.flow_style and not value.value:
        return text[:value.start_mark.index].rstrip(" \t") + text[value.end_mark.index:]
    return text


def _listed(text: str, sources: Path) -> list[dict]:
    """The entries of the sources list (to compare with, and to find duplicates in); the loader reports
    whatever is wrong with them."""
    try:
        documents = (yaml.load(text, Loader=SAFE_LOADER) or {}).get("documents") or []
    except (yaml.YAMLError, AttributeError, ValueError):
        documents = None
    if not isinstance(documents, list) or not all(isinstance(entry, dict) for entry in documents):
        raise UsageError(f"{display_path(sources)} is not a list of 'documents:'; run actorgraph validate")
    return documents


def _file_hash(seeds_dir: Path, name: object) -> str | None:
    """The SHA-256 of a registered document's file (documents listed before hashes were kept have none)."""
    try:
        return hashlib.sha256((seeds_dir / str(name)).read_bytes()).hexdigest() if name else None
    except OSError:
        return None


def _free_id(base: str, taken: set[str]) -> str:
    """``base`` cut to its first words, with ``-2``, ``-3``... when taken."""
    base = "-".join(base.split("-")[:_ID_WORDS]) or "document"
    return next(candidate for number in range(1, len(taken) + 2)
                if (candidate := base if number == 1 else f"{base}-{number}") not in taken)
