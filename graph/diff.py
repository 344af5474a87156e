"""What a change did to a map: the dataset at two git revisions (or one and the working tree) compared as
records (actors, relations, documents added, removed, changed) and as answers (pairs of actors that gained
or lost a connection, or whose shortest path changed length, walking as ``path`` does by default).

A revision is read with git itself (``git ls-tree``, ``git cat-file``) into a temporary folder; the
working tree is never touched.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
from collections import deque
from pathlib import Path

import networkx as nx

from .build import build_graph
from .dataset import Dataset
from .errors import DataError, Problem, UsageError
from .model import Dataset as Records
from .paths import Network

WORKING_TREE = "working tree"
#: The relation fields whose change is reported (besides its actors and type, which make it another relation).
RELATION_FIELDS = ("status", "claimed_by", "role", "start", "end", "date", "sources", "note")
ACTOR_FIELDS = ("name", "kind", "aliases", "description", "tags")
DOCUMENT_FIELDS = ("title", "file", "author", "publisher", "url", "published", "archive_url")


def diff(dataset: Dataset, old: str | None = None, new: str | None = None) -> dict:
    """The change from revision ``old`` (default ``HEAD``) to revision ``new`` (default: the working tree) of
    ``dataset``'s data and seeds folders, as a JSON-ready dict; ``changed`` says whether there is any."""
    old = old or "HEAD"
    git = _Git(dataset)
    before = git.records(old)
    after = git.records(new) if new else dataset.load()
    if after is None:
        raise UsageError(f"there is no data folder at {new}", "new")
    result = {"from": old, "to": new or WORKING_TREE, **compare(before, after)}
    result["changed"] = any(part[kind] for part in result.values() if isinstance(part, dict) for kind in part)
    return result


def compare(before: Records | None, after: Records) -> dict:
    """Records and answers of ``before`` (``None``: no map yet) against ``after``."""
    return {
        "actors": _compared({} if before is None else before.actors, after.actors, ACTOR_FIELDS),
        "relations": _relations({} if before is None else _by_id(before.relations), _by_id(after.relations)),
        "documents": _compared({} if before is None else before.documents, after.documents, DOCUMENT_FIELDS),
        "answers": answers(None if before is None else build_graph(before), build_graph(after)),
    }


def _by_id(relations) -> dict:
    return {relation.id: relation for relation in relations}


def _value(record, name: str):
    value = getattr(record, name)
    if name == "sources":
        return sorted([source.document, source.quote] for source in value)
    if isinstance(value, tuple):
        return list(value)
    return value if value is None or isinstance(value, str) else str(value)  # a date


def _compared(before: dict, after: dict, fields: tuple[str, ...]) -> dict:
    """Ids added and removed, and for each id in both the fields whose value changed (``[old, new]``)."""
    changed = []
    for key in sorted(before.keys() & after.keys()):
        fields_changed = {name: [_value(before[key], name), _value(after[key], name)] for name in fields
                          if _value(before[key], name) != _value(after[key], name)}
        if fields_changed:
            changed.append({"id": key, "fields": fields_changed})
    return {"added": sorted(after.keys() - before.keys()), "removed": sorted(before.keys() - after.keys()),
            "changed": changed}


def _relations(before: dict, after: dict) -> dict:
    """Like :func:`_compared`, relations added and removed as records; a relation whose id changed with its
    dates or role (ids are derived from them) is matched by its actors and type when that is unambiguous."""
    gone, new = {k: before[k] for k in before.keys() - after.keys()}, {k: after[k] for k in after.keys() - before.keys()}
    pairs = [(key, key) for key in before.keys() & after.keys()]
    ends = lambda relation: (relation.from_, relation.type, relation.to)  # noqa: E731
    for end in {ends(r) for r in gone.values()} & {ends(r) for r in new.values()}:
        old_keys = [k for k, r in gone.items() if ends(r) == end]
        new_keys = [k for k, r in new.items() if ends(r) == end]
        if len(old_keys) == len(new_keys) == 1:
            pairs.append((old_keys[0], new_keys[0]))
            del gone[old_keys[0]], new[new_keys[0]]
    changed = []
    for old_key, new_key in sorted(pairs, key=lambda pair: pair[1]):
        fields = {name: [_value(before[old_key], name), _value(after[new_key], name)] for name in RELATION_FIELDS
                  if _value(before[old_key], name) != _value(after[new_key], name)}
        if fields:
            changed.append({**_record(after[new_key]), "was": old_key, "fields": fields})
    return {"added": [_record(new[k]) for k in sorted(new)], "removed": [_record(gone[k]) for k in sorted(gone)],
            "changed": changed}


def _record(relation) -> dict:
    return {"id": relation.id, "from": relation.from_, "type": relation.type, "to": relation.to}


def answers(before: nx.MultiDiGraph | None, after: nx.MultiDiGraph) -> dict:
    """Pairs of actors (``[a, b, ...]``, ``a < b``) connected only after (with the new length), only before (with
    the old), or both with another shortest path length (``[a, b, old, new]``), walking as ``path`` does by
    default. Only actors in a part of the network that the change touched are compared."""
    old_net, new_net = (Network(before) if before is not None else None), Network(after)
    old_nodes = set(before.nodes) if before is not None else set()
    touched = _touched(before, after)
    reach = set()
    for network, nodes in ((old_net, old_nodes), (new_net, set(after.nodes))):
        for actor in touched & nodes:
            if actor not in reach and network is not None:
                reach |= set(_distances(network, actor))
    result: dict[str, list] = {"connected": [], "disconnected": [], "shorter": [], "longer": []}
    for actor in sorted(reach):
        old = _distances(old_net, actor) if old_net is not None and actor in old_nodes else {}
        new = _distances(new_net, actor) if actor in after else {}
        for other in sorted((old.keys() | new.keys()) - {actor}):
            if other < actor:
                continue
            a, b = old.get(other), new.get(other)
            if a is None:
                result["connected"].append([actor, other, b])
            elif b is None:
                result["disconnected"].append([actor, other, a])
            elif a != b:
                result["shorter" if b < a else "longer"].append([actor, other, a, b])
    return result


def _touched(before: nx.MultiDiGraph | None, after: nx.MultiDiGraph) -> set[str]:
    """Actors whose relations or presence differ between the graphs."""
    def edges(graph):
        return {} if graph is None else {key: (u, v, data) for u, v, key, data in graph.edges(keys=True, data=True)}
    old, new = edges(before), edges(after)
    touched = set()
    for key in old.keys() | new.keys():
        if old.get(key) != new.get(key):
            for side in (old.get(key), new.get(key)):
                if side:
                    touched |= {side[0], side[1], side[2].get("claimed_by")} - {None}
    return touched | (set(after.nodes) ^ (set(before.nodes) if before is not None else set()))


def _distances(network: Network, source: str) -> dict[str, int]:
    """Hops from ``source`` to every actor it reaches."""
    seen, queue = {source: 0}, deque([source])
    while queue:
        actor = queue.popleft()
        for other in network.links(actor):
            if other not in seen:
                seen[other] = seen[actor] + 1
                queue.append(other)
    return seen


class _Git:
    """The git repository holding a dataset, read without touching its working tree."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self.top = Path(self._run("rev-parse", "--show-toplevel", cwd=dataset.data_dir.resolve().parent).strip())
        self.parts = {}
        for name, folder in (("data", dataset.data_dir), ("seeds", dataset.seeds_dir)):
            try:
                self.parts[name] = folder.resolve().relative_to(self.top.resolve()).as_posix()
            except ValueError:
                raise UsageError(f"the {name} folder {folder} is not in the git repository {self.top}") from None

    def _run(self, *args: str, cwd: Path | None = None, stdin: bytes | None = None) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=cwd or self.top, input=stdin, capture_output=True, check=False)
        except FileNotFoundError:
            raise UsageError("diff needs git, which is not installed") from None
        if done.returncode:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UsageError(f"git {args[0]}: {message[-1] if message else 'failed'}")
        return done.stdout.decode("utf-8", "surrogateescape")

    def records(self, revision: str) -> Records | None:
        """The dataset at ``revision``, loaded and checked; ``None`` when it had no data folder yet."""
        try:
            commit = self._run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}").strip()
        except UsageError:
            raise UsageError(f"{revision!r} is not a commit of {self.top}", "old", "new") from None
        listed = self._run("ls-tree", "-r", "-z", "--name-only", commit, "--", self.parts["data"], self.parts["seeds"])
        names = [name for name in listed.split("\0") if name]
        if not any(Path(name).is_relative_to(self.parts["data"]) for name in names):
            return None
        with tempfile.TemporaryDirectory(prefix="actorgraph-diff-") as folder:
            root = Path(folder)
            blobs = self._blobs(commit, names)
            for name, data in zip(names, blobs):
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                (root / name).write_bytes(data)
            try:
                return Dataset(root / self.parts["data"], root / self.parts["seeds"]).load()
            except DataError as exc:
                prefix = os.path.realpath(folder) + os.sep
                raise DataError([Problem(f"{revision}:{p.file.removeprefix(prefix).removeprefix(folder + os.sep)}",
                                         p.line, p.column, p.message) for p in exc.problems]) from None

    def _blobs(self, commit: str, names: list[str]) -> list[bytes]:
        """The contents of ``names`` at ``commit``, read by one ``git cat-file --batch``."""
        request = "".join(f"{commit}:{name}\n" for name in names).encode("utf-8", "surrogateescape")
        try:
            out = subprocess.run(["git", "cat-file", "--batch"], cwd=self.top, input=request, capture_output=True,
                                 check=True).stdout
        except subprocess.CalledProcessError as exc:
            raise UsageError(f"git cat-file: {exc.stderr.decode('utf-8', 'replace').strip()}") from None
        blobs, at = [], 0
        for _ in names:
            header_end = out.index(b"\n", at)
            size = int(out[at:header_end].split()[2])
            blobs.append(out[header_end + 1:header_end + 1 + size])
            at = header_end + 1 + size + 1
        return blobs


def summary(result: dict) -> dict[str, int]:
    """How many of each kind of change ``result`` holds, for a one-line account."""
    return {f"{part} {kind}": len(items) for part, kinds in result.items() if isinstance(kinds, dict)
            for kind, items in kinds.items() if items}

