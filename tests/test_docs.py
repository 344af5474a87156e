"""The documentation keeps up with the code (after sqlite-utils' tests/test_docs.py).

- Every command and subcommand is in the README's command table and is documented in ``docs/``
  (as ```actorgraph CMD ...``` in the text or a ``$ actorgraph CMD ...`` example line).
- Every ```` ```console ```` block of the README is a real session on the shipped data: each
  ``$ actorgraph ...`` line is run from the repository root and its output must match the lines
  below it, up to the next ``$`` line. Illustrative sessions whose answers may change use
  ```` ```text ```` blocks instead.

When an answer changes on purpose, refresh the README's console blocks with
``.venv/bin/python -m tests.test_docs --update`` and read the diff before committing.
"""
from __future__ import annotations

import difflib
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graph.cli import cli

from .test_cli_help import COMMANDS as HELP_COMMANDS

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
DOCS = REPO / "docs"


COMMANDS = [path for path, _ in HELP_COMMANDS]  # every command and subcommand: ("add", "actor"), ...


def _command_path(words: list[str]) -> tuple[str, ...]:
    """The longest leading run of ``words`` that names a command ("add actor --name X" -> add actor)."""
    path: list[str] = []
    command: click.Command = cli
    for word in words:
        if not isinstance(command, click.Group) or word not in command.commands:
            break
        command = command.commands[word]
        path.append(word)
    return tuple(path)


def table_rows(text: str) -> list[tuple[str, list[tuple[str, ...]]]]:
    """Each row of the README's ``| command | ... |`` table with the commands its first cell names."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"\|\s*command\s*\|", line))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        paths = []
        for span in re.findall(r"`([^`]+)`", line.split("|")[1]):  # `actorgraph add actor` / `add relation`
            words = span.split()
            paths.append(_command_path(words[1:] if words[:1] == ["actorgraph"] else words))
        rows.append((line, [path for path in paths if path]))
    return rows


def readme_table_commands(text: str) -> set[tuple[str, ...]]:
    return {path for _, paths in table_rows(text) for path in paths}


def _mentions(text: str, path: tuple[str, ...]) -> bool:
    command = re.escape("actorgraph " + " ".join(path))
    return re.search(rf"(?:`|^\$ ){command}(?![\w-])", text, re.MULTILINE) is not None


@pytest.fixture(scope="module")
def table() -> set[tuple[str, ...]]:
    return readme_table_commands(README.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md")))


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_command_is_in_the_readme_table(table, path):
    in_table = path in table or any(listed[:len(path)] == path for listed in table)  # a group by its subcommands
    assert in_table, f"`actorgraph {' '.join(path)}` is missing from the README's command table"


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_command_is_documented_in_docs(docs_text, path):
    assert _mentions(docs_text, path), (
        f"`actorgraph {' '.join(path)}` is not documented in docs/*.md "
        f"(write it as `actorgraph {' '.join(path)} ...` in the text or as a `$ actorgraph ...` example)")


def test_every_table_row_names_a_real_command():
    for line, paths in table_rows(README.read_text(encoding="utf-8")):
        assert paths, f"this row of the README's command table names no actorgraph command: {line}"


# ---------------------------------------------------------------- README examples


@dataclass
class Example:
    line: int  # 1-based line of the `$ actorgraph` line in README.md
    command: str  # what follows "$ "
    expected: list[str]


def console_blocks(text: str) -> list[tuple[int, int]]:
    """(first, last) 0-based line indexes of the body of every ```console block."""
    lines, blocks, start = text.splitlines(), [], None
    for i, line in enumerate(lines):
        if start is None and line.strip() == "```console":
            start = i + 1
        elif start is not None and line.strip() == "```":
            blocks.append((start, i))
            start = None
    return blocks


def readme_examples(text: str) -> list[Example]:
    lines, examples = text.splitlines(), []
    for first, last in console_blocks(text):
        current = None
        for i in range(first, last):
            if lines[i].startswith("$ "):
                current = Example(i + 1, lines[i][2:], [])
                examples.append(current)
            elif current is not None:
                current.expected.append(lines[i])
    for example in examples:  # a blank line separates one command's output from the next command
        while example.expected and not example.expected[-1].strip():
            example.expected.pop()
    return examples


def run_example(command: str) -> tuple[int, list[str]]:
    args = shlex.split(command)
    assert args[0] == "actorgraph", f"README console examples run actorgraph only, not: {command}"
    result = CliRunner().invoke(cli, args[1:], catch_exceptions=False)
    lines = [line.rstrip() for line in result.output.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return result.exit_code, lines


EXAMPLES = readme_examples(README.read_text(encoding="utf-8"))


def test_the_readme_has_checked_examples():
    assert EXAMPLES, "README.md has no ```console block of `$ actorgraph ...` examples"


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.command for e in EXAMPLES])
def test_readme_example_output(example, monkeypatch):
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("ACTORGRAPH_CACHE", "off")
    code, actual = run_example(example.command)
    expected = [line.rstrip() for line in example.expected]
    if actual != expected:
        diff = "\n".join(difflib.unified_diff(expected, actual, "README.md (expected)", "actual output", lineterm=""))
        pytest.fail(f"README.md:{example.line}: `$ {example.command}` (exit {code}) prints something else:\n{diff}\n"
                    f"Refresh with: .venv/bin/python -m tests.test_docs --update", pytrace=False)


def update_readme() -> int:
    """Rewrite the output of every README console example with the real output; print what changed."""
    import os

    os.chdir(REPO)
    os.environ["ACTORGRAPH_CACHE"] = "off"
    text = README.read_text(encoding="utf-8")
    lines = text.splitlines()
    for first, last in reversed(console_blocks(text)):
        body, current = [], []
        for line in lines[first:last]:
            if line.startswith("$ "):
                current = [line, *run_example(line[2:])[1], ""]
                body.extend(current)
        while body and not body[-1]:
            body.pop()
        lines[first:last] = body
    new = "\n".join(lines) + ("\n" if text.endswith("\n") else "")
    sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), new.splitlines(True), "README.md", "README.md"))
    if new != text:
        README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m tests.test_docs --update   (rewrites README.md's console examples)")
    sys.exit(update_readme())
