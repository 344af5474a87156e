"""The editor JSON Schema: shipped data passes it, and planted mistakes fail both it and the loader."""
from __future__ import annotations

import json
import re
import textwrap

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from yaml.nodes import MappingNode, ScalarNode

from graph import DataError, load_dataset
from graph.cli import cli
from graph.dates import PATTERN
from graph.editor_schema import json_schema
from graph.load import SLUG, data_files, load_vocabulary

from .conftest import DATA, SMALL_ACTORS, write_dataset

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


def as_editor_sees_it(text: str):
    """The YAML as JSON data under YAML 1.2's core schema, as yaml-language-server reads it
    (so ``2022-01-05`` stays text, while a bare ``2022`` is a number)."""
    def value(node):
        if isinstance(node, MappingNode):
            return {key.value: value(item) for key, item in node.value}
        if not isinstance(node, ScalarNode):
            return [value(item) for item in node.value]
        if node.style is not None:
            return node.value
        if node.value in ("", "~", "null", "Null", "NULL"):
            return None
        if node.value in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return node.value.lower() == "true"
        if _INT.match(node.value):
            return int(node.value)
        return float(node.value) if _FLOAT.match(node.value) else node.value

    return value(yaml.compose(text, Loader=yaml.SafeLoader))


@pytest.fixture(scope="module")
def validator():
    schema = json_schema(load_vocabulary(DATA))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_schema_follows_the_vocabulary_and_the_loader_patterns(validator):
    vocabulary = load_vocabulary(DATA)
    definitions = validator.schema["definitions"]
    assert definitions["actor"]["properties"]["kind"]["enum"] == list(vocabulary.kinds)
    assert definitions["relation"]["properties"]["type"]["enum"] == list(vocabulary.relation_types)
    assert definitions["relation"]["properties"]["status"]["enum"] == list(vocabulary.statuses)
    assert definitions["actor"]["properties"]["id"]["pattern"] == SLUG.pattern
    assert definitions["relation"]["properties"]["start"]["anyOf"][0]["pattern"] == PATTERN


@pytest.mark.parametrize("path", data_files(DATA), ids=lambda p: p.name)
def test_shipped_data_files_pass_the_schema(validator, path):
    errors = list(validator.iter_errors(as_editor_sees_it(path.read_text(encoding="utf-8"))))
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]]


def test_small_dataset_passes_the_schema(validator, small_data):
    for path in data_files(small_data):
        assert validator.is_valid(as_editor_sees_it(path.read_text(encoding="utf-8"))), path


GOOD_RELATION = {"from": "alice", "to": "bob", "type": "sibling_of",
                 "sources": [{"document": "doc", "quote": "is the sister of Bob Example"}]}
GOOD_ACTOR = {"id": "eve", "name": "Eve", "kind": "person", "description": "x"}


@pytest.mark.parametrize("mistake, section, entry", [
    ("unknown kind", "actors", {**GOOD_ACTOR, "kind": "persn"}),
    ("id not a slug", "actors", {**GOOD_ACTOR, "id": "Eve Example"}),
    ("unknown actor field", "actors", {**GOOD_ACTOR, "nickname": "E"}),
    ("missing description", "actors", {k: v for k, v in GOOD_ACTOR.items() if k != "description"}),
    ("unknown relation type", "relations", {**GOOD_RELATION, "type": "sister_of"}),
    ("bad date", "relations", {**GOOD_RELATION, "start": "2022-13"}),
    ("date in words", "relations", {**GOOD_RELATION, "date": "5 January 2022"}),
    ("date and start", "relations", {**GOOD_RELATION, "date": "2022", "start": "2021"}),
    ("unknown relation field", "relations", {**GOOD_RELATION, "source": "doc"}),
    ("missing sources", "relations", {k: v for k, v in GOOD_RELATION.items() if k != "sources"}),
    ("empty sources", "relations", {**GOOD_RELATION, "sources": []}),
    ("source without quote", "relations", {**GOOD_RELATION, "sources": [{"document": "doc"}]}),
    ("quote too long", "relations", {**GOOD_RELATION, "sources": [{"document": "doc", "quote": "x" * 281}]}),
    ("unknown status", "relations", {**GOOD_RELATION, "status": "rumoured"}),
    ("alleged without claimant", "relations", {**GOOD_RELATION, "status": "alleged"}),
    ("claimant on a reported relation", "relations", {**GOOD_RELATION, "claimed_by": "alice"}),
])
def test_planted_mistakes_fail_the_schema_and_the_loader(validator, tmp_path, mistake, section, entry):
    text = yaml.safe_dump({section: [entry]}, sort_keys=False)
    assert not validator.is_valid(as_editor_sees_it(text)), mistake
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "new.yaml": text})
    with pytest.raises(DataError):
        load_dataset(data)


def test_what_the_loader_accepts_the_schema_accepts(validator, tmp_path):
    text = textwrap.dedent("""\
        relations:
          - from: alice
            to: bob
            type: sibling_of
            start: 2019
            end: 2022-01-05
            status: alleged
            claimed_by: dan
            sources: [{document: doc, quote: is the sister of Bob Example}]
        actors:
        """)
    assert validator.is_valid(as_editor_sees_it(text))
    load_dataset(write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "new.yaml": text}))


def test_schema_command_writes_json_to_a_file_or_stdout(tmp_path):
    out = tmp_path / "actorgraph.schema.json"
    written = CliRunner().invoke(cli, ["schema", "--data", str(DATA), "-o", str(out)])
    assert written.exit_code == 0, written.output
    printed = CliRunner().invoke(cli, ["schema", "--data", str(DATA)])
    assert json.loads(printed.output) == json.loads(out.read_text(encoding="utf-8"))
    nested = CliRunner().invoke(cli, ["schema", "--data", str(DATA), "-o", str(tmp_path / "new" / "s.json")])
    assert nested.exit_code == 0 and (tmp_path / "new" / "s.json").read_text(encoding="utf-8") == printed.output
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "schema.yaml").write_text("kinds: [\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["schema", "--data", str(broken)])
    assert result.exit_code == 1 and "schema.yaml:" in result.output and "Traceback" not in result.output
