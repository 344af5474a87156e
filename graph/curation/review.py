"""The review file: a document's suggestions as YAML in the data format, each entry commented with its
sentence and why it was proposed, for a person to edit; and ``add --from``, which appends the entries
the person kept (all checked together, all written or none) and remembers the proposals deleted from
the file as dismissed, so they are not proposed again.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import model
from ..dataset import Dataset
from ..edit import Added, Entry, add_entries, derived_actor_id
from ..errors import DataError, Problem
from ..load import display_path
from ..yamlfile import compose, mapping_value, read_text
from .decisions import DISMISSED, DecisionFile
from .suggest import Suggestions, suggest

_NULLS = ("", "~", "null", "Null", "NULL")


def dismissals(dataset: Dataset) -> DecisionFile:
    """The file of candidate relations a person dismissed."""
    return DecisionFile(dataset, DISMISSED, "dismissed")


def dismissed_keys(dataset: Dataset) -> set[str]:
    return {str(entry.get("key")) for entry in dismissals(dataset).entries()}


def review_text(found: Suggestions, records: model.Dataset) -> str:
    """The review file of ``found`` (suggestions for a document of ``records``)."""
    document = records.documents[found.document]
    lines = [
        f"# Suggestions for {found.document!r}: {document.title}",
        "# Keep the entries you accept (edit them as you like: type, direction, status, claimed_by, dates,",
        "# quote) and delete the others, then run: actorgraph add --from THIS-FILE",
        "# Proposals deleted from the file are remembered as dismissed and not proposed again.",
        "# A new actor needs a description (from the documents only) before it can be added.",
        "review:",
        f"  document: {_scalar(found.document)}",
        f"  proposed: {_scalar([c.key for c in found.candidates])}",
    ]
    if found.actors:
        lines.append("actors:")
    for actor in found.actors:
        lines += [f"  # {actor.why}:"] + [f"  #   {_comment(s)}" for s in actor.sentences[:3]]
        lines += _entry({"id": derived_actor_id(actor.name), "name": actor.name, "kind": actor.kind or "", "description": ""})
    if found.candidates:
        lines.append("relations:")
    for candidate in found.candidates:
        lines += [f"  # {_comment(candidate.sentence)}"] + [f"  # - {_comment(why)}" for why in candidate.why]
        lines += _entry({"from": candidate.from_, "to": candidate.to, "type": candidate.type or "",
                         "status": None if candidate.status == records.schema.default_status else candidate.status,
                         "claimed_by": candidate.claimed_by,
                         "sources": [{"document": candidate.document, "quote": candidate.quote}]})
    return "\n".join(lines) + "\n"


def _comment(text: str) -> str:
    return " ".join(text.split())


def _scalar(value) -> str:
    return yaml.safe_dump(value, default_flow_style=True, width=float("inf"), allow_unicode=True).strip() \
        .removesuffix("\n...").removesuffix("...").strip()


def _entry(entry: dict) -> list[str]:
    entry = {name: value for name, value in entry.items() if value is not None}
    dumped = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, default_flow_style=False, width=float("inf"))
    return ["  " + line for line in dumped.splitlines()]


@dataclass(frozen=True)
class Kept:
    """What ``add --from`` did: the entries ``added`` and how many proposals it ``dismissed``."""

    added: list[Added]
    dismissed: int


def add_from(dataset: Dataset, path: Path | str, dry_run: bool = False) -> Kept:
    """Append every entry of the review file ``path`` (see :func:`graph.edit.add_entries`), then record as
    dismissed the proposals of the file that are neither kept nor cited now."""
    path = Path(path)
    document, proposed, entries = _read(path)
    added = add_entries(dataset, entries, dry_run) if entries else []
    dismissed: list[dict] = []
    if not dry_run and document is not None and proposed:
        records = dataset.load()
        if document in records.documents:
            for candidate in suggest(records, document, dismissed_keys(dataset)).candidates:
                if candidate.key in proposed:
                    dismissed.append({"key": candidate.key, "document": document,
                                      "actors": sorted((candidate.from_, candidate.to)), "sentence": candidate.sentence})
        dismissals(dataset).append(dismissed)
    return Kept(added, len(dismissed))


def _read(path: Path) -> tuple[str | None, set[str], list[Entry]]:
    """The review file's document, proposal keys and entries (each labelled with where it is in the file)."""
    where = display_path(path)
    problems: list[Problem] = []
    text = read_text(path, where, problems)
    root = compose(text, where, problems) if text is not None else None
    if problems:
        raise DataError(problems)
    if not isinstance(root, MappingNode):
        raise DataError([Problem(where, 1, 1, "a review file is a mapping of 'review:', 'actors:' and 'relations:'")])
    review = _plain(mapping_value(root, "review"))
    document = review.get("document") if isinstance(review, dict) else None
    proposed = review.get("proposed") if isinstance(review, dict) else None
    entries = []
    for section in ("actors", "relations"):
        node = mapping_value(root, section)
        if node is None or isinstance(node, ScalarNode) and not node.style and node.value in _NULLS:
            continue
        if not isinstance(node, SequenceNode) or not all(isinstance(item, MappingNode) for item in node.value):
            raise DataError([_at(where, node, f"'{section}:' must be a list of entries")])
        for item in node.value:
            entries.append(Entry(section, _plain(item), label=f"{section[:-1]} kept at "
                                                              f"{where}:{item.start_mark.line + 1}"))
    return (str(document) if document else None,
            {str(key) for key in proposed} if isinstance(proposed, list) else set(), entries)


def _at(where: str, node: Node, message: str) -> Problem:
    return Problem(where, node.start_mark.line + 1, node.start_mark.column + 1, message)


def _plain(node: Node | None):
    """A node as plain values, every scalar as the text written (dates stay text, as the loader reads them)."""
    if isinstance(node, MappingNode):
        return {str(_plain(key)): _plain(value) for key, value in node.value}
    if isinstance(node, SequenceNode):
        return [_plain(item) for item in node.value]
    if not isinstance(node, ScalarNode) or (not node.style and node.value in _NULLS):
        return None
    return node.value
