"""Merging actor B into actor A: every reference to B (``from``, ``to``, ``claimed_by``) in every data file
becomes A, B's entry goes, and B's name, aliases and id become aliases of A, so that old names and links
still resolve. Only those places change, byte for byte; the whole dataset is checked with the change
before any file is written, and all files are written or none.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..atomic import locked, write_all
from ..dataset import Dataset
from ..edit import _after_line, _content_end  # how add finds where an entry's text ends
from ..errors import ActorGraphError, DataError, EditRejected, Problem, UsageError
from ..load import display_path
from ..names import ActorIndex, normalize
from ..yamlfile import compose, mapping_value

_REFERENCES = ("from", "to", "claimed_by")


@dataclass(frozen=True)
class Merged:
    """What a merge changed: actor ``kept`` took ``dropped``'s ``references`` and ``aliases``, in ``files``."""

    kept: str
    dropped: str
    references: int
    aliases: tuple[str, ...]
    files: tuple[Path, ...]
    written: bool


def merge(dataset: Dataset, keep: str, drop: str, dry_run: bool = False) -> Merged:
    """Merge the actor called ``drop`` (id, name or alias) into the one called ``keep``."""
    with locked(dataset.data_dir):
        records = dataset.load()
        index = ActorIndex((a.id, (a.name, *a.aliases)) for a in records.actors.values())
        kept, dropped = index.resolve(keep), index.resolve(drop)
        if kept == dropped:
            raise UsageError(f"{{keep}} and {{drop}} are the same actor, {kept}", "keep", "drop")
        names = [records.actors[kept].name, *records.actors[kept].aliases]
        new: list[str] = []
        for name in (records.actors[dropped].name, *records.actors[dropped].aliases, dropped):
            if normalize(name) not in {normalize(n) for n in names + new}:
                new.append(name)
        originals: dict[Path, bytes] = {}
        texts: dict[Path, str] = {}
        references = 0
        for path in dataset.data_files():
            original = path.read_bytes()
            text = original.decode("utf-8-sig")
            edits, count = _edits(text, path, kept, dropped, new)
            if edits:
                originals[path], references = original, references + count
                bom = "\ufeff" if original.startswith(b"\xef\xbb\xbf") else ""
                texts[path] = bom + _applied(text, edits)
        try:
            dataset.load(overrides={path: text.removeprefix("\ufeff") for path, text in texts.items()})
        except DataError as exc:
            problems = [Problem(p.file, p.line, p.column, f"{p.message} (after merging {dropped} into {kept})")
                        for p in exc.problems]
            raise EditRejected(problems, ", ".join(display_path(p) for p in texts)) from None
        if not dry_run:
            for path, original in originals.items():
                if path.read_bytes() != original:
                    raise ActorGraphError(f"{display_path(path)} changed during the merge; run the command again")
            write_all({path: text.encode("utf-8") for path, text in texts.items()})
    return Merged(kept, dropped, references, tuple(new), tuple(texts), not dry_run)


def _edits(text: str, path: Path, kept: str, dropped: str, aliases: list[str]) -> tuple[list[tuple[int, int, str]], int]:
    """The changes to ``text`` (start, end, replacement) and how many references to ``dropped`` they rewrite."""
    problems: list[Problem] = []
    root = compose(text, display_path(path), problems)
    if problems:
        raise DataError(problems)
    edits: list[tuple[int, int, str]] = []
    references = 0
    for item in _items(mapping_value(root, "relations")):
        for key, value in item.value:
            if key.value in _REFERENCES and isinstance(value, ScalarNode) and value.value == dropped:
                quote = text[value.start_mark.index] if value.style in ("'", '"') else ""
                edits.append((value.start_mark.index, value.end_mark.index, f"{quote}{kept}{quote}"))
                references += 1
    actors = mapping_value(root, "actors")
    for item in _items(actors):
        actor_id = mapping_value(item, "id")
        if isinstance(actor_id, ScalarNode) and actor_id.value == dropped:
            if isinstance(actors, SequenceNode) and actors.flow_style:
                raise UsageError(f"'actors:' in {display_path(path)} is written in flow style; rewrite it as one "
                                 f"'- ' entry per line to merge")
            start = text.rfind("\n", 0, item.start_mark.index) + 1
            edits.append((start, _after_line(text, _content_end(item)), ""))
        elif isinstance(actor_id, ScalarNode) and actor_id.value == kept and aliases:
            edits.append(_alias_edit(text, item, aliases))
    return sorted(edits), references


def _items(node: Node | None) -> list[MappingNode]:
    return [item for item in node.value if isinstance(item, MappingNode)] if isinstance(node, SequenceNode) else []


def _alias_edit(text: str, actor: MappingNode, aliases: list[str]) -> tuple[int, int, str]:
    """The change that adds ``aliases`` to the actor's ``aliases:`` list, or gives it one."""
    node = mapping_value(actor, "aliases")
    listed = _flow(aliases)
    if isinstance(node, SequenceNode) and node.value and not node.flow_style:
        end = _after_line(text, _content_end(node))
        indent = " " * node.value[0].start_mark.column
        return end, end, "".join(f"{indent[:-2]}- {_flow([alias])[1:-1]}\n" for alias in aliases)
    if isinstance(node, SequenceNode) and node.value:
        old = text[node.start_mark.index:node.end_mark.index]
        return node.start_mark.index, node.end_mark.index, old[:-1].rstrip() + ", " + listed[1:]
    if node is not None:  # an empty list or no value
        return node.start_mark.index, node.end_mark.index, (" " if not node.end_mark.index - node.start_mark.index
                                                             and text[node.start_mark.index - 1] == ":" else "") + listed
    name = mapping_value(actor, "name") or actor.value[0][1]
    key = next(k for k, v in actor.value if v is name)
    end = _after_line(text, _content_end(name))
    return end, end, f"{' ' * key.start_mark.column}aliases: {listed}\n"


def _flow(values: list[str]) -> str:
    return yaml.safe_dump(values, default_flow_style=True, width=float("inf"), allow_unicode=True).strip()


def _applied(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in reversed(edits):
        text = text[:start] + replacement + text[end:]
    return text
