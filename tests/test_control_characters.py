"""Terminal escapes in the data: the validator refuses them, and the CLI's text output shows them
as visible escapes even when the validator was not asked (a graph loaded with it switched off)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from graph import DataError, load_dataset

from .conftest import REPO, SMALL_ACTORS, write_dataset

HOSTILE = {
    "ESC clear screen": r"\e[2J",
    "OSC 52 clipboard write": r"\e]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\a",
    "C1 CSI": r"\x9b31m",
    "DEL": r"\x7f",
    "NUL": r"\0",
    "carriage return": r"\r",
    "right-to-left override": r"\u202e",
    "first strong isolate": r"\u2068",
}
UNSAFE_BYTES = [b"\x1b", b"\x07", "\x9b".encode(), b"\x7f", b"\x00", b"\r", "\u202e".encode(), "\u2068".encode()]


def _problems(tmp_path, files) -> list[str]:
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, **files})
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    return [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems]


@pytest.mark.parametrize("escape", HOSTILE.values(), ids=HOSTILE.keys())
def test_control_characters_are_refused_with_their_position(tmp_path, escape):
    actor = f'actors:\n  - {{id: eve, name: "Eve{escape} M", kind: person, description: "A spy{escape} too"}}\n'
    messages = _problems(tmp_path, {"eve.yaml": actor})
    line = actor.splitlines()[1]
    columns = [line.index('"Eve') + 1, line.index('"A spy') + 1]
    assert [m.split(": ", 1)[0] for m in messages] == [f"data/eve.yaml:2:{column}" for column in columns]
    assert all("contains the control character U+" in m and m.endswith("remove it") for m in messages)


@pytest.mark.parametrize("field, value", [
    ("role", r'"Chair\e[8m"'), ("id", r'"x\u202e"'), ("note", r'"n\x85n"'), ("start", r'"2022\e"'),
    ("sources", r'[{document: doc, quote: "the chair of the Example Council\e[0m"}]'),
])
def test_every_relation_text_field_is_checked(tmp_path, field, value):
    body = {"from": "alice", "to": "council", "type": "heads",
            "sources": '[{document: doc, quote: "the chair of the Example Council"}]', field: value}
    relations = "relations:\n  - " + "    ".join(f"{k}: {v}\n" for k, v in body.items())
    messages = _problems(tmp_path, {"rel.yaml": relations})
    assert len(messages) == 1 and messages[0].startswith("data/rel.yaml:") and "control character" in messages[0]


@pytest.mark.parametrize("file, old, new", [
    ("data/eve.yaml", "aliases: [E]", 'aliases: ["E\\e"]'),
    ("data/eve.yaml", "tags: [t]", 'tags: [ok, "t\\x9bt"]'),
    ("seeds/sources.yaml", "title: The doc document", 'title: "T\\e]0;x\\a"'),
    ("data/schema.yaml", "{label: Person,", '{label: "Pers\\u202eon",'),
])
def test_aliases_tags_titles_and_vocabulary_labels_are_checked(tmp_path, file, old, new):
    actor = "actors:\n  - {id: eve, name: Eve, kind: person, description: D, aliases: [E], tags: [t]}\n"
    write_dataset(tmp_path, {"eve.yaml": actor})
    path = tmp_path / file
    text = path.read_text(encoding="utf-8").replace(old, new)
    path.write_text(text, encoding="utf-8")
    line = next(number for number, written in enumerate(text.splitlines(), 1) if new in written)
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path / "data")
    (problem,) = [p for p in caught.value.problems if p.file.endswith(file)]
    assert problem.line == line and "control character" in problem.message


def test_one_line_fields_refuse_tabs_and_line_breaks_but_descriptions_notes_and_quotes_keep_them(tmp_path):
    actor = 'actors:\n  - {id: eve, name: "Eve\\tMallory", kind: person, description: "A spy.\\n\\tRetired."}\n'
    messages = _problems(tmp_path, {"eve.yaml": actor})
    assert messages == ["data/eve.yaml:2:21: name contains the control character U+0009 (it must be one line); "
                        "remove it"]

    relation = """\
        relations:
          - from: alice
            to: council
            type: heads
            note: "first line\\nsecond line"
            sources: [{document: doc, quote: "the chair of\\nthe Example Council"}]
        """
    data = write_dataset(tmp_path / "ok", {"actors.yaml": SMALL_ACTORS, "rel.yaml": relation})
    (kept,) = load_dataset(data).relations
    assert kept.note == "first line\nsecond line" and "\n" in kept.sources[0].quote


# --- the CLI, on a graph loaded with the validator's check switched off -----------------------

UNCHECKED = """\
import sys
import graph.yamlfile
graph.yamlfile.first_unsafe = lambda text, multiline=False: None
from graph.cli import cli
cli(sys.argv[1:], prog_name="actorgraph")
"""

ESCAPES = "".join(HOSTILE.values())
HOSTILE_FILES = {
    "actors.yaml": SMALL_ACTORS.replace("name: Alice Example", f'name: "Alice{ESCAPES} Example"')
                               .replace("description: A critic.", f'description: "A critic{ESCAPES}"')
                               .replace("aliases: [Carol]", f'aliases: ["Carol{ESCAPES}"]'),
    "relations.yaml": f"""\
        relations:
          - from: alice
            to: bob
            type: sibling_of
            role: "sister{ESCAPES}"
            date: "2020"
            sources: [{{document: doc, quote: "is the sister of Bob Example{ESCAPES}"}}]
          - from: carol
            to: bob
            type: met_with
            date: "2021"
            sources: [{{document: doc, quote: 'met Bob in 2021.'}}]
        """,
}


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    raw = yaml.safe_load(f'"{ESCAPES}"')
    document = f"Alice is the sister of Bob Example{raw}... Carol met Bob in 2021.\n"
    return write_dataset(tmp_path_factory.mktemp("hostile"), HOSTILE_FILES, {"doc": document})


def run_unchecked(data, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "ACTORGRAPH_CACHE": "off"}
    return subprocess.run([sys.executable, "-c", UNCHECKED, *args, "--data", str(data)],
                          capture_output=True, env=env, cwd=data.parent, timeout=60)


@pytest.mark.parametrize("args", [
    ["show", "alice"], ["show", "dan"], ["show", "carol"], ["path", "alice", "carol"], ["timeline"],
    ["neighbors", "bob", "--depth", "2"], ["common", "alice", "carol"], ["search", "carol"], ["brokers"],
    ["show", "alice", "--json"], ["path", "alice", "bob", "--json", "--full"],
])
def test_cli_output_shows_control_characters_as_escapes(hostile_data, args):
    result = run_unchecked(hostile_data, *args)
    assert result.returncode == 0, result.stderr.decode()
    for unsafe in UNSAFE_BYTES:
        assert unsafe not in result.stdout + result.stderr, (unsafe, result.stdout)
    if "--json" not in args and args[0] in ("show", "path", "timeline"):
        assert b"\\x1b" in result.stdout  # shown, not dropped


def test_json_output_keeps_the_data_exactly(hostile_data):
    result = run_unchecked(hostile_data, "show", "dan", "--json")
    assert json.loads(result.stdout)["description"] == "A critic\x1b[2J\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==" \
                                                       "\x07\x9b31m\x7f\x00\r\u202e\u2068"
