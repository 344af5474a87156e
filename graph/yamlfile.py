"""Reading one YAML file safely into PyYAML nodes, and typed access to them that records problems.

Only composing is done (libyaml's C parser where available): nothing is constructed, so no
tag can run code. Explicit tags other than YAML's core ones, aliases, non-UTF-8 bytes and
oversized files are reported as problems with their position.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .controlchars import LINE_BREAKS, describe as describe_char, first_unsafe
from .errors import Problem

try:  # libyaml's C parser: same marks, ten times faster
    from yaml import CSafeLoader as SAFE_LOADER
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as SAFE_LOADER  # type: ignore[assignment]

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_NULL = _CORE + "null"


def read_text(path: Path, display: str, problems: list[Problem]) -> str | None:
    """The file's text as UTF-8 (a leading BOM dropped), or ``None`` after recording why not."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(display, 1, 1, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte "
                                    "limit; split it into smaller files"))
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(display, 1, 1, f"cannot read file: {exc.strerror or exc}"))
        return None
    return decode_text(data, display, problems)


def decode_text(data: bytes, display: str, problems: list[Problem]) -> str | None:
    """``data`` as UTF-8 text (a leading BOM dropped), or ``None`` after recording where it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        problems.append(Problem(display, line, column,
                                f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8"))
        return None


def compose(text: str, display: str, problems: list[Problem]) -> Node | None:
    """The single YAML document in ``text`` as a node tree, or ``None`` (empty file or syntax error)."""
    try:
        if _too_deep(text, display, problems):
            return None
        return yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(filter(None, [exc.context, exc.problem]))
        problems.append(Problem(display, line, column, f"invalid YAML: {what}"))
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        problems.append(Problem(display, 1, 1, f"invalid YAML: {exc}"))
    return None


def mapping_value(node: Node | None, key: str) -> Node | None:
    """The value node under ``key`` when ``node`` is a mapping that has it, else ``None``."""
    if isinstance(node, MappingNode):
        for name, value in node.value:
            if isinstance(name, ScalarNode) and name.value == key:
                return value
    return None


def _too_deep(text: str, display: str, problems: list[Problem]) -> bool:
    """Whether collections nest deeper than MAX_DEPTH: libyaml's composer recurses in C and would crash."""
    depth = 0
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                problems.append(Problem(display, mark.line + 1, mark.column + 1,
                                        f"lists and mappings nest more than {MAX_DEPTH} levels deep"))
                return True
        elif isinstance(event, _CLOSE):
            depth -= 1
    return False


_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def did_you_mean(word: str, choices) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class NodeReader:
    """Typed reads from the nodes of one file; every read that fails records a problem and returns ``None``.

    Text read under a name in ``multiline`` may hold tabs and line breaks; no text may hold
    other control or bidirectional-override characters (see :mod:`graph.controlchars`).
    """

    def __init__(self, display: str, problems: list[Problem], multiline: tuple[str, ...] = ()):
        self.display = display
        self.problems = problems
        self.multiline = multiline
        self._seen: set[int] = set()

    def error(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.display, mark.line + 1, mark.column + 1, message))

    def _visit(self, node: Node) -> bool:
        if id(node) in self._seen:
            self.error(node, "YAML anchors and aliases (&name, *name) are not supported; write the value out")
            return False
        self._seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            self.error(node, f"tag {node.tag.replace(_CORE, '!!')!r} is not allowed; remove it")
            return False
        return True

    @staticmethod
    def is_null(node: Node) -> bool:
        return isinstance(node, ScalarNode) and node.tag == _NULL

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]] | None:
        """A mapping's entries by key text, each with its key node (for positions) and value node."""
        if not self._visit(node):
            return None
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping (key: value), not {_describe(node)}")
            return None
        entries: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not self._visit(key):
                continue
            if not isinstance(key, ScalarNode):
                self.error(key, f"keys in {what} must be plain text")
                continue
            if key.value in entries:
                first = entries[key.value][0].start_mark
                self.error(key, f"duplicate key {key.value!r} (first at line {first.line + 1})")
                continue
            entries[key.value] = (key, value)
        return entries

    def fields(self, node: Node, what: str, required: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, Node] | None:
        """A mapping's values by field name, after reporting unknown and missing fields."""
        entries = self.mapping(node, what)
        if entries is None:
            return None
        known = required + optional
        values = {}
        for name, (key, value) in entries.items():
            if name not in known:
                self.error(key, f"unknown field {name!r} in {what}{did_you_mean(name, known)}")
            elif not self.is_null(value):
                values[name] = value
        for name in required:
            if name not in values:
                self.error(node, f"missing required field {name!r} in {what}")
        return values

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        if not self._visit(node):
            return None
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list, not {_describe(node)}")
            return None
        return list(node.value)

    def text(self, node: Node, what: str) -> str | None:
        """A scalar's text as written (so ``2022-01-05`` stays a string and ``no`` stays "no")."""
        if not self._visit(node):
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f"{what} must be text, not {_describe(node)}")
            return None
        value = node.value.strip()
        if not value:
            self.error(node, f"{what} is empty")
            return None
        unsafe = first_unsafe(value, multiline=what in self.multiline)
        if unsafe is not None:
            where = " (it must be one line)" if unsafe in LINE_BREAKS else ""
            self.error(node, f"{what} contains the control character {describe_char(unsafe)}{where}; remove it")
            return None
        return value

    def text_list(self, node: Node, what: str) -> list[str] | None:
        items = self.sequence(node, what)
        if items is None:
            return None
        texts = [self.text(item, f"each entry of {what}") for item in items]
        return None if None in texts else texts  # type: ignore[return-value]

    def flag(self, node: Node, what: str) -> bool | None:
        if not self._visit(node):
            return None
        if isinstance(node, ScalarNode) and node.value in ("true", "false"):
            return node.value == "true"
        self.error(node, f"{what} must be true or false")
        return None


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"the value {node.value!r}" if node.value else "an empty value"
