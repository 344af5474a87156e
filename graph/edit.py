"""Adding an actor or a relation to a data file without touching anything else in it.

The new entry is rendered with ``yaml.safe_dump`` and inserted as text right after the last
entry of the file's ``actors:`` or ``relations:`` block list (or under an empty ``actors:``
key, or as a new section at the end of the file), indented like the entries already there.
Every other byte of the file stays as it was: comments, order, quoting, blank lines.

Before anything is written, the candidate text is checked twice: parsed back, its list must
be the old list plus exactly the new entry; and the whole dataset is loaded with the
candidate in place of the file (:func:`graph.load.load_dataset` ``overrides``), so unknown
actors, quotes missing from their document and duplicates are refused with the loader's own
``FILE:LINE:COLUMN`` messages. The file is then replaced atomically (through a symbolic link,
never over a read-only file).

All of this happens under a lock on the data folder, so commands adding at the same time take
turns: each reads the files as the one before left them, and none loses another's entry.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .atomic import locked, write_all
from .dataset import Dataset
from .errors import ActorGraphError, DataError, EditRejected, Problem, UsageError
from .load import DATA_SUFFIXES, display_path, require_folder
from .names import slug
from .yamlfile import SAFE_LOADER, compose, decode_text, mapping_value

_BOM = "\ufeff"
_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a line break


@dataclass(frozen=True)
class Added:
    """Where an entry went: the file, the 1-based line it starts on, the YAML text inserted, the
    entry itself, and whether the file was written (``False`` for a dry run)."""

    path: Path
    line: int
    text: str
    entry: dict
    written: bool


def derived_actor_id(name: str) -> str:
    """The id an actor called ``name`` gets when none is given.

    >>> derived_actor_id("Kassym-Jomart Tokáyev")
    'kassym-jomart-tokayev'
    """
    return slug(name)


def add_actor(dataset: Dataset, *, name: str, kind: str,
              description: str, actor_id: str | None = None, aliases: Sequence[str] = (),
              tags: Sequence[str] = (), file: Path | str | None = None, dry_run: bool = False) -> Added:
    """Append an actor to ``file`` (default: the data file holding the most actors) after checking the
    whole dataset with it; ``actor_id`` defaults to :func:`derived_actor_id` of ``name``."""
    if actor_id is None:
        actor_id = derived_actor_id(name)
        if not actor_id:
            raise UsageError(f"cannot make an id from {name!r}; pass {{actor_id}} (lowercase words joined by hyphens)",
                             "actor_id")
    entry = {"id": actor_id, "name": name, "kind": kind, "aliases": list(aliases), "description": description,
             "tags": list(tags)}
    return _add(dataset, "actors", entry, file, dry_run, mentions=())


def add_relation(dataset: Dataset, *, from_: str, to: str, relation_type: str,
                 sources: Sequence[tuple[str, str]], status: str | None = None, claimed_by: str | None = None,
                 role: str | None = None, start: str | None = None, end: str | None = None,
                 date: str | None = None, note: str | None = None, relation_id: str | None = None,
                 file: Path | str | None = None, dry_run: bool = False) -> Added:
    """Append a relation citing ``sources`` (``(document id, quote)`` pairs) to ``file`` (default: the
    data file holding most relations of these actors, else most relations) after checking the
    whole dataset with it."""
    if not sources:
        raise UsageError("a relation needs at least one source: a document and a quote from it")
    entry = {"id": relation_id, "from": from_, "to": to, "type": relation_type, "status": status, "claimed_by": claimed_by,
             "role": role, "start": start, "end": end, "date": date,
             "sources": [{"document": document, "quote": quote} for document, quote in sources], "note": note}
    return _add(dataset, "relations", entry, file, dry_run, mentions=(from_, to))


@dataclass(frozen=True)
class Entry:
    """An entry to append: ``section`` ("actors" or "relations"), the ``entry`` itself, the data ``file`` to put
    it in (default: chosen as :func:`add_actor` and :func:`add_relation` say), and what to call it in messages
    about it (default: "actor" or "relation")."""

    section: str
    entry: dict
    file: Path | str | None = None
    label: str | None = None


def _add(dataset: Dataset, section: str, entry: dict, file, dry_run: bool, mentions: Iterable[str]) -> Added:
    return add_entries(dataset, [Entry(section, entry, file)], dry_run)[0]


def add_entries(dataset: Dataset, entries: Sequence[Entry], dry_run: bool = False) -> list[Added]:
    """Append ``entries`` in order, each where ``add`` would put it, after checking the whole dataset once with all
    of them in place; every file changed is then written, all or none. Raises :class:`EditRejected` with the
    loader's problems (those in a new entry marked as such) when the dataset would be invalid."""
    require_folder(dataset.data_dir, "data folder", "data_dir")
    with locked(dataset.data_dir):
        return _add_locked(dataset, entries, dry_run)


def _add_locked(dataset: Dataset, entries: Sequence[Entry], dry_run: bool) -> list[Added]:
    pending: dict[Path, tuple[bytes, str, str]] = {}  # file: bytes on disk, byte order mark, text with entries
    moves: list[_Moved] = []
    added: list[Added] = []
    for item in entries:
        entry = {name: value for name, value in item.entry.items() if value not in (None, [], "")}
        mentions = {entry[end] for end in ("from", "to") if item.section == "relations" and end in entry}
        paths = [_chosen_file(dataset, item.file)] if item.file is not None else \
            _candidates(dataset, item.section, mentions)
        path, original, bom, text, spot = _placed(paths, item.section, pending)
        inserted = spot.render(entry)
        candidate = text[:spot.offset] + inserted + text[spot.offset:]
        _check_only_appended(dataset, text, candidate, item.section, entry, path)
        new_lines_start = spot.offset + len(spot.line_break)
        first_line = _line_of(candidate, new_lines_start + len(spot.lead))
        moves.append(_Moved(path, _line_of(candidate, new_lines_start), first_line, len(_BREAKS.findall(inserted)),
                            item.label or item.section[:-1]))
        pending[path] = (original, bom, candidate)
        added.append(Added(path, first_line, inserted[len(spot.line_break) + len(spot.lead):], entry, not dry_run))
    try:
        dataset.load(overrides={path: text for path, (_, _, text) in pending.items()})
    except DataError as exc:
        raise EditRejected([_relocated(p, moves) for p in exc.problems],
                           ", ".join(display_path(path) for path in pending)) from None
    added = [_shifted(one, moves[number + 1:]) for number, one in enumerate(added)]
    if not dry_run:
        for path, (original, _, _) in pending.items():
            if _read_bytes(path) != original:
                being = "entry was" if len(entries) == 1 else "entries were"
                raise ActorGraphError(f"{display_path(path)} changed while the {being} being checked; "
                                      f"run the command again")
        write_all({path: (bom + text).encode("utf-8") for path, (_, bom, text) in pending.items()})
    return added


def _shifted(added: Added, later: Sequence[_Moved]) -> Added:
    """``added`` with its line moved down by the entries inserted above it afterwards."""
    line = added.line
    for move in later:
        if move.path == added.path and move.at <= line:
            line += move.added
    return replace(added, line=line)


def appended(text: str, section: str, entry: dict, path: Path) -> tuple[str, int]:
    """``text`` (of the YAML file ``path``) with ``entry`` appended to its ``section:`` block list as ``add`` appends
    it, every other character kept, and the line where the entry starts."""
    spot = _spot(text, section, path)
    inserted = spot.render(entry)
    candidate = text[:spot.offset] + inserted + text[spot.offset:]
    return candidate, _line_of(candidate, spot.offset + len(spot.line_break) + len(spot.lead))


def _placed(paths: list[Path], section: str,
            pending: dict[Path, tuple[bytes, str, str]]) -> tuple[Path, bytes, str, str, _Spot]:
    """The first of ``paths`` that can take an entry: its path, bytes, byte order mark, text (from ``pending``
    when entries were put in it already) and spot. Raises the last file's :class:`UsageError` or
    :class:`DataError` when none can."""
    for path in paths[:-1]:
        try:
            return _read_and_place(path, section, pending)
        except (UsageError, DataError):
            continue
    return _read_and_place(paths[-1], section, pending)


def _read_and_place(path: Path, section: str,
                    pending: dict[Path, tuple[bytes, str, str]]) -> tuple[Path, bytes, str, str, _Spot]:
    if path in pending:
        original, bom, text = pending[path]
        return path, original, bom, text, _spot(text, section, path)
    original = _read_bytes(path)
    problems: list[Problem] = []
    text = decode_text(original, display_path(path), problems)
    if text is None:
        raise DataError(problems)
    bom = _BOM if original.startswith(_BOM.encode("utf-8")) else ""
    return path, original, bom, text, _spot(text, section, path)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; none when it does not exist yet."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise ActorGraphError(f"cannot read {display_path(path)}: {exc.strerror or exc}") from None


def _line_of(text: str, offset: int) -> int:
    """The 1-based line, as YAML counts lines, of character ``offset``."""
    return len(_BREAKS.findall(text, 0, offset)) + 1


def _chosen_file(dataset: Dataset, file: Path | str) -> Path:
    """``file`` as typed, or inside the data folder; it must be a ``.yaml`` or ``.yml`` data file in the data folder
    (a symbolic link there counts as there: it is read, and written through)."""
    file, data_dir = Path(file), dataset.data_dir
    path = file if _inside(file, data_dir) else data_dir / file
    if not _inside(path, data_dir) or path.resolve() == data_dir.resolve():
        raise UsageError(f"{{file}} {file} is not inside the data folder {display_path(data_dir)}", "file")
    if path.suffix not in DATA_SUFFIXES or path.resolve() == dataset.vocabulary_file.resolve():
        raise UsageError(f"{{file}} {file} must be a .yaml or .yml data file (not {dataset.vocabulary_file.name})",
                         "file")
    if not path.parent.is_dir():
        raise UsageError(f"folder {display_path(path.parent)} does not exist")
    return path


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is below ``folder``, as spelled (links kept) or as resolved."""
    spelled = Path(os.path.abspath(path)).is_relative_to(os.path.abspath(folder))
    return spelled or path.resolve().is_relative_to(folder.resolve())


def _candidates(dataset: Dataset, section: str, mentions: set[str]) -> list[Path]:
    """Data files to try, best first: those with a top-level ``section:`` block list, by how many of their
    entries mention ``mentions`` and then by how many entries they hold; ``data/<section>.yaml`` last.

    Files are scanned as text (a full parse of every file would cost as much as loading the dataset);
    the chosen file is then parsed properly before anything is inserted.
    """
    key = re.compile(rf"^{section}:[ \t]*(?:#.*)?$", re.M)
    mention = re.compile(rf"\b(?:from|to):[ \t]*['\"]?(?:{'|'.join(map(re.escape, mentions))})['\"]?(?=[\s,}}]|$)") \
        if mentions else None
    scored = []
    for path in dataset.data_files():
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        found = key.search(text)
        if not found:
            continue
        rest = text[found.end():]
        next_key = re.search(r"^[^\s#-]", rest, re.M)
        region = rest[:next_key.start()] if next_key else rest
        dashes = [len(indent) for indent in re.findall(r"^([ \t]*)-(?:[ \t]|$)", region, re.M)]
        entries = dashes.count(min(dashes)) if dashes else 0
        mentioned = len(mention.findall(region)) if mention else 0
        scored.append(((mentioned, entries), path))
    ranked = [path for _, path in sorted(scored, key=lambda item: item[0], reverse=True)]
    fallback = dataset.data_dir / f"{section}.yaml"
    return [path for path in ranked if path != fallback] + [fallback]


def _is_empty(node: Node | None) -> bool:
    """Whether ``node`` is a value left out (``actors:`` and nothing else on the line)."""
    return isinstance(node, ScalarNode) and not node.style and node.start_mark.index == node.end_mark.index


@dataclass(frozen=True)
class _Spot:
    """Where to insert: character ``offset`` and the column of the list's dashes; ``line_break`` ends a
    last line that had none, ``lead`` goes before the entry (a new section's key, or a blank line when
    the entries are separated by blank lines); ``newline`` is the file's line ending."""

    offset: int
    indent: int
    newline: str
    line_break: str = ""
    lead: str = ""

    def render(self, entry: dict) -> str:
        dumped = yaml.dump([entry], Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                           width=float("inf"))
        lines = dumped.split("\n")[:-1]
        if lines[-1] == "...":  # the document end marker PyYAML adds after text that keeps its final line breaks
            lines.pop()
        lines = [" " * self.indent + line if line else line for line in lines]
        return self.line_break + self.lead + "".join(line + self.newline for line in lines)


class _Dumper(yaml.SafeDumper):
    """``yaml.SafeDumper`` writing text of several lines as a literal block (``|``), as a person would."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def _spot(text: str, section: str, path: Path) -> _Spot:
    newline = "\r\n" if "\r\n" in text else "\n"
    where = display_path(path)
    problems: list[Problem] = []
    root = compose(text, where, problems)
    if problems:
        raise DataError(problems)
    if root is not None and not isinstance(root, MappingNode):
        raise DataError([Problem(where, root.start_mark.line + 1, root.start_mark.column + 1,
                                 "the top level of a data file must be a mapping of 'actors:' and 'relations:'")])
    value = mapping_value(root, section)
    if value is None:
        return _Spot(len(text), 2, newline, _missing_break(text, len(text), newline), section + ":" + newline)
    if isinstance(value, SequenceNode) and value.flow_style is not True and value.value:
        offset = _after_line(text, _content_end(value.value[-1]))
        spaced = _blank_before(text, _line_start(text, value.value[-1].start_mark.index)) and \
            not _blank_before(text, offset)
        return _Spot(offset, value.start_mark.column, newline, _missing_break(text, offset, newline),
                     newline if spaced else "")
    if _is_empty(value):
        key = next(k for k, v in root.value if v is value)
        offset = _after_line(text, value.end_mark.index)
        return _Spot(offset, key.start_mark.column + 2, newline, _missing_break(text, offset, newline))
    raise UsageError(f"'{section}:' in {where} is not a block list ('- ' entries, one per line); "
                     f"rewrite it as one or pass another {{file}}", "file")


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _blank_before(text: str, line_start: int) -> bool:
    """Whether the line before the one starting at ``line_start`` is blank."""
    return line_start > 0 and not text[_line_start(text, line_start - 1):line_start].strip()


def _missing_break(text: str, offset: int, newline: str) -> str:
    """A line break when ``offset`` is the end of a last line that has none."""
    return newline if offset == len(text) and text and not text.endswith(("\n", "\r")) else ""


def _content_end(node: Node) -> int:
    """The character offset where ``node``'s own text ends (block collections end where the next token starts)."""
    if isinstance(node, MappingNode) and node.flow_style is not True and node.value:
        return _content_end(node.value[-1][1])
    if isinstance(node, SequenceNode) and node.flow_style is not True and node.value:
        return _content_end(node.value[-1])
    return node.end_mark.index


def _after_line(text: str, offset: int) -> int:
    """The start of the line after the one holding ``offset`` (``offset`` itself when it starts a line)."""
    if offset > 0 and text[offset - 1] == "\n":
        return offset
    end = text.find("\n", offset)
    return len(text) if end < 0 else end + 1


def _check_only_appended(dataset: Dataset, old: str, new: str, section: str, entry: dict, path: Path) -> None:
    """Refuse unless parsing ``new`` gives ``old`` with exactly ``entry`` added at the end of ``section``."""
    try:
        before = yaml.load(old, Loader=SAFE_LOADER) or {}
        after = yaml.load(new, Loader=SAFE_LOADER)
    except (yaml.YAMLError, ValueError):  # a value no YAML type holds: a tag such as !custom, a date 2022-13-01
        dataset.load()  # the file's problems, reported as validate reports them
        before = after = None  # none (such a date is valid text in a note), yet the file cannot be compared
    if before is None or after != {**before, section: list(before.get(section) or []) + [entry]}:
        raise UsageError(f"cannot append to {display_path(path)} without changing what is already there "
                         f"(unusual layout); pass another {{file}}", "file")


@dataclass(frozen=True)
class _Moved:
    """Text of ``added`` line breaks inserted at line ``at`` of ``path``, the new entry starting at line ``entry``."""

    path: Path
    at: int
    entry: int
    added: int
    what: str

    def inside(self, problem: Problem) -> bool:
        """Whether ``problem`` (found in the text with this entry) is in the inserted text."""
        return problem.file == display_path(self.path) and self.at <= problem.line < self.at + self.added

    def relocate(self, problem: Problem) -> Problem:
        """``problem`` (found in the text with this entry) placed in the text without it, or marked as in the entry."""
        if self.inside(problem):
            return Problem(problem.file, max(problem.line, self.entry), problem.column,
                           f"{problem.message} (in the new {self.what})")
        if problem.file == display_path(self.path) and problem.line >= self.at + self.added:
            return Problem(problem.file, problem.line - self.added, problem.column, problem.message)
        return problem


def _relocated(problem: Problem, moves: Sequence[_Moved]) -> Problem:
    """``problem``, found with every entry of ``moves`` inserted (in order), placed in the files as they are on
    disk, or marked as in the new entry it is in."""
    for move in reversed(moves):
        if move.inside(problem):
            return move.relocate(problem)
        problem = move.relocate(problem)
    return problem
