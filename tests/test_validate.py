"""The validator: every kind of mistake is reported with its file, line, column and a useful message."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from graph import DataError, load_dataset, yamlfile
from graph.cli import cli

from .conftest import SMALL_ACTORS, write_dataset


def problems(tmp_path, files: dict[str, str], documents=None) -> list[str]:
    """The validator's messages for a dataset made of ``files`` (plus the small actors unless replaced)."""
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, **files}, documents)
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    return [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems]


def relation(**fields) -> dict[str, str]:
    """A relations file with one relation: alice heads council (overridable field by field)."""
    values = {"from": "alice", "to": "council", "type": "heads",
              "sources": '[{document: doc, quote: "the chair of the Example Council"}]', **fields}
    body = "".join(f"    {k}: {v}\n" for k, v in values.items() if v is not None)
    return {"rel.yaml": "relations:\n  - " + body.lstrip()}


def only(messages: list[str]) -> str:
    assert len(messages) == 1, messages
    return messages[0]


def test_valid_small_dataset_loads(small_data):
    dataset = load_dataset(small_data)
    assert len(dataset.actors) == 5 and len(dataset.relations) == 5


def test_malformed_yaml_points_at_the_syntax_error(tmp_path):
    message = only(problems(tmp_path, {"bad.yaml": "relations:\n  - from: alice\n   to: [bob\n"}))
    assert message.startswith("data/bad.yaml:3:")
    assert "invalid YAML" in message


def test_file_that_is_not_utf8_names_the_byte_and_position(tmp_path):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS})
    (data / "latin.yaml").write_bytes(b"actors:\n  - name: Caf\xe9\n")
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    assert [str(p).split("data/", 1)[1] for p in caught.value.problems] == [
        "latin.yaml:2:14: file is not UTF-8 (byte 0xe9); save it as UTF-8"]


def test_top_level_must_be_a_mapping(tmp_path):
    message = only(problems(tmp_path, {"list.yaml": "- id: x\n"}))
    assert message == "data/list.yaml:1:1: the top level of a data file must be a mapping (key: value), not a list"


def test_unknown_key_suggests_the_field_meant(tmp_path):
    files = {"a.yaml": "actors:\n  - id: x\n    name: X\n    kind: person\n    description: d\n    alias: [Y]\n"}
    assert only(problems(tmp_path, files)) == \
        "data/a.yaml:6:5: unknown field 'alias' in an actor; did you mean 'aliases'?"
    messages = problems(tmp_path / "b", relation(sorces="[]", sources=None))
    assert "data/rel.yaml:5:5: unknown field 'sorces' in a relation; did you mean 'sources'?" in messages


def test_unknown_top_level_key_suggests(tmp_path):
    message = only(problems(tmp_path, {"t.yaml": "relation: []\n"}))
    assert message == "data/t.yaml:1:1: unknown field 'relation' in the top level of a data file; did you mean 'relations'?"


def test_missing_required_field_points_at_the_entry(tmp_path):
    messages = problems(tmp_path, relation(type=None))
    assert messages == ["data/rel.yaml:2:5: missing required field 'type' in a relation"]


def test_wrong_type_says_what_was_expected(tmp_path):
    message = only(problems(tmp_path, relation(role="[Chair, Boss]")))
    assert message == "data/rel.yaml:6:11: role must be text, not a list"
    message = only(problems(tmp_path / "b", relation(sources='"just text"')))
    assert message == "data/rel.yaml:5:14: sources must be a list, not the value 'just text'"


def test_duplicate_actor_id_names_both_places(tmp_path):
    message = only(problems(tmp_path, {"more.yaml": "actors:\n  - id: alice\n    name: Other Alice\n"
                                                    "    kind: person\n    description: Another.\n"}))
    assert message == "data/more.yaml:2:9: duplicate actor id 'alice' (first defined at data/actors.yaml:2:5)"


@pytest.mark.parametrize("field, value, suggestion", [
    ("from", "alise", "'alice'"),          # close to an id
    ("to", "example-counsil", "'council'"),  # close to a name
    ("from", "Carol", None),               # an alias is not an id
])
def test_unknown_actor_suggests_ids_from_ids_names_and_aliases(tmp_path, field, value, suggestion):
    message = only(problems(tmp_path, relation(**{field: value})))
    line = {"from": 2, "to": 3}[field]
    assert message.startswith(f"data/rel.yaml:{line}:")
    assert f"unknown actor '{value}' in '{field}'; did you mean " in message
    assert (suggestion or "'carol'") in message


def test_unknown_claimant_is_reported(tmp_path):
    message = only(problems(tmp_path, relation(status="alleged", claimed_by="nobody-at-all")))
    assert message == "data/rel.yaml:7:17: unknown actor 'nobody-at-all' in 'claimed_by'"


@pytest.mark.parametrize("files, expected", [
    ({"a.yaml": "actors:\n  - {id: x, name: X, kind: persn, description: d}\n"},
     "data/a.yaml:2:28: unknown kind 'persn'; did you mean 'person'?"),
    (relation(type="head"), "data/rel.yaml:4:11: unknown relation type 'head'; did you mean 'heads'?"),
    (relation(status="aleged"), "data/rel.yaml:6:13: unknown status 'aleged'; did you mean 'alleged'?"),
])
def test_unknown_vocabulary_suggests(tmp_path, files, expected):
    assert only(problems(tmp_path, files)) == expected


@pytest.mark.parametrize("fields, expected", [
    ({"date": '"2022-13-01"'}, "data/rel.yaml:6:11: invalid date: '2022-13-01' is not a date of the form "
                               "YYYY, YYYY-MM or YYYY-MM-DD"),
    ({"date": "2022-02-30"}, "data/rel.yaml:6:11: invalid date: '2022-02-30' is not a real day"),
    ({"date": '"\u0662\u0660\u0662\u0662"'}, "data/rel.yaml:6:11: invalid date: '\u0662\u0660\u0662\u0662' is not a date "
                                              "of the form YYYY, YYYY-MM or YYYY-MM-DD"),  # Arabic-Indic digits
    ({"date": '"2022-\uff10\uff11"'}, "data/rel.yaml:6:11: invalid date: '2022-\uff10\uff11' is not a date of the "
                                        "form YYYY, YYYY-MM or YYYY-MM-DD"),  # fullwidth digits
    ({"start": '"2022-02"', "end": '"2022-01-31"'}, "data/rel.yaml:7:10: end 2022-01-31 is before start 2022-02"),
    ({"start": "2021", "date": "2022"}, "data/rel.yaml:7:11: use either 'date' (a one-off event) or "
                                         "'start'/'end' (a period), not both"),
])
def test_invalid_dates(tmp_path, fields, expected):
    assert only(problems(tmp_path, relation(**fields))) == expected


def test_every_bad_date_and_source_of_a_relation_is_reported(tmp_path):
    sources = '[{document: dok, quote: "x"}, {document: doc, quote: "Alice fired Carol"}]'
    messages = problems(tmp_path, relation(start='"2022-13"', end='"2022-02-30"', sources=sources))
    assert messages == [
        "data/rel.yaml:5:26: unknown document 'dok'; did you mean 'doc'?",
        "data/rel.yaml:5:67: quote not found in document 'doc'; closest passage: 'Alice dismissed Carol' has "
        "'dismissed' where the quote has 'fired'",
        "data/rel.yaml:6:12: invalid start: '2022-13' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
        "data/rel.yaml:7:10: invalid end: '2022-02-30' is not a real day"]


def test_partial_dates_in_the_same_period_are_not_reversed(tmp_path):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, **relation(start='"2022-01"', end='"2022-01-05"')})
    assert load_dataset(data).relations[0].end.text == "2022-01-05"


def test_self_relation(tmp_path):
    assert only(problems(tmp_path, relation(to="alice"))) == \
        "data/rel.yaml:3:9: a relation cannot link 'alice' to itself"


def test_duplicate_relation_names_the_first(tmp_path):
    body = relation()["rel.yaml"]
    message = only(problems(tmp_path, {"rel.yaml": body, "again.yaml": body}))
    assert message == ("data/rel.yaml:2:5: duplicate relation: same actors, type, role and dates as the one at "
                       "data/again.yaml:2:5; merge their sources")


def test_symmetric_relation_written_both_ways_is_a_duplicate(tmp_path):
    src = '[{document: doc, quote: "is the sister of Bob Example"}]'
    files = {"rel.yaml": f"relations:\n  - {{from: alice, to: bob, type: sibling_of, sources: {src}}}\n"
                         f"  - {{from: bob, to: alice, type: sibling_of, sources: {src}}}\n"}
    assert "duplicate relation" in only(problems(tmp_path, files))


def test_relation_without_sources(tmp_path):
    assert only(problems(tmp_path, relation(sources="[]"))) == \
        "data/rel.yaml:5:14: a relation needs at least one source: {document: ..., quote: ...}"
    assert only(problems(tmp_path / "b", relation(sources=None))) == \
        "data/rel.yaml:2:5: missing required field 'sources' in a relation"


def test_unknown_document(tmp_path):
    message = only(problems(tmp_path, relation(sources='[{document: dok, quote: "x"}]')))
    assert message == "data/rel.yaml:5:26: unknown document 'dok'; did you mean 'doc'?"


def test_quote_not_in_document_shows_the_closest_passage(tmp_path):
    message = only(problems(tmp_path, relation(sources='[{document: doc, quote: "Alice dismissed Carol Smith"}]')))
    assert message.startswith("data/rel.yaml:5:38: quote not found in document 'doc'; closest passage: ")
    assert "Alice dismissed Carol S" in message


def test_quote_matches_across_curly_quotes_dashes_and_whitespace(tmp_path):
    quote = "'Carol \"the   quiet one\" Sample -- a former deputy'".replace("--", "\u2014")
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS,
                                    **relation(to="carol", type="met_with", sources=f"[{{document: doc, quote: {quote}}}]")})
    assert len(load_dataset(data).relations) == 1


def test_missing_document_file_points_at_its_entry_in_sources_yaml(tmp_path):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS})
    (data.parent / "seeds" / "doc.txt").unlink()
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    (problem,) = caught.value.problems
    assert (problem.file.endswith("seeds/sources.yaml"), problem.line, problem.column) == (True, 3, 11)
    assert problem.message.startswith("document file ") and problem.message.endswith("seeds/doc.txt not found")


def test_overlong_quote_is_refused(tmp_path):
    long_text = "word " * 80
    message = only(problems(tmp_path, relation(sources=f'[{{document: doc, quote: "{long_text}"}}]'),
                            {"doc": long_text}))
    assert "quote is 399 characters; keep it under 280" in message


def test_alleged_without_claimant(tmp_path):
    assert only(problems(tmp_path, relation(status="alleged"))) == \
        "data/rel.yaml:2:5: a relation with status 'alleged' needs 'claimed_by': the actor who claims it"


def test_claimant_on_a_reported_relation(tmp_path):
    assert "'claimed_by' is for claims" in only(problems(tmp_path, relation(claimed_by="dan")))


def test_every_error_is_collected_in_one_run(tmp_path):
    files = {"rel.yaml": relation(type="head")["rel.yaml"], "bad.yaml": "relations: [\n",
             "a.yaml": "actors:\n  - {id: Bad Id, name: X, kind: person, description: d}\n"}
    messages = problems(tmp_path, files)
    assert [m.split(":")[0] for m in messages] == ["data/a.yaml", "data/bad.yaml", "data/rel.yaml"]
    assert "like 'bad-id'" in messages[0]


def test_python_tags_are_refused_and_never_constructed(tmp_path):
    payload = "actors: !!python/object/apply:os.system ['touch pwned']\n"
    message = only(problems(tmp_path, {"evil.yaml": payload}))
    assert message == "data/evil.yaml:1:9: tag '!!python/object/apply:os.system' is not allowed; remove it"
    assert not (tmp_path / "pwned").exists()


def test_anchors_and_aliases_are_refused(tmp_path):
    files = {"alias.yaml": "actors:\n  - &a {id: zed, name: Zed, kind: person, description: d}\n  - *a\n"}
    message = only(problems(tmp_path, files))
    assert "anchors and aliases" in message and message.startswith("data/alias.yaml:2:5:")


def test_alias_bomb_is_refused_without_expanding_it(tmp_path):
    # 9**10 strings if expanded; refused at the first repeated node, with a bounded report.
    anchors = ["&a0 [x, x, x, x, x, x, x, x, x]"]
    anchors += [f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    bomb = "actors:\n  - {id: zed, name: Zed, kind: person, description: d, tags: [" + ", ".join(anchors) + ", *a9]}\n"
    messages = problems(tmp_path, {"bomb.yaml": bomb})
    assert any("anchors and aliases" in m and m.startswith("data/bomb.yaml:2:") for m in messages)
    assert len(messages) <= 20


def test_nesting_deeper_than_our_limit_is_refused_at_the_first_level_too_deep(tmp_path):
    # 100 levels: within what libyaml itself accepts, so our own guard is what speaks.
    message = only(problems(tmp_path, {"deep.yaml": "actors: " + "[" * 100 + "]" * 100 + "\n"}))
    assert message == "data/deep.yaml:1:72: lists and mappings nest more than 64 levels deep"


def test_extreme_nesting_is_one_located_error_from_the_cli(tmp_path):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "deep.yaml": "actors: " + "[" * 100_000 + "]" * 100_000 + "\n"})
    result = CliRunner().invoke(cli, ["validate", "--data", str(data)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if "deep.yaml" in line]
    assert len(errors) == 1 and re.search(r"data/deep\.yaml:1:\d+: ", errors[0])


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", 50_000)
    message = only(problems(tmp_path, {"big.yaml": "relations: []\n" + "# padding\n" * 10_000}))
    assert message == "data/big.yaml:1:1: file is 100,014 bytes, over the 50,000-byte limit; split it into smaller files"


def test_cli_validate_prints_located_errors_and_exits_1(tmp_path):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, **relation(type="head")})
    result = CliRunner().invoke(cli, ["validate", "--data", str(data)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines() if hasattr(result, "stderr") else result.output.splitlines()
    assert lines[0].endswith("data/rel.yaml:4:11: unknown relation type 'head'; did you mean 'heads'?")
    assert lines[-1] == "1 error(s) in 1 file(s)"


def test_cli_validate_ok_and_json(small_data):
    result = CliRunner().invoke(cli, ["validate", "--data", str(small_data)])
    assert result.exit_code == 0 and "5 actors, 5 relations, 1 documents" in result.output
    result = CliRunner().invoke(cli, ["validate", "--data", str(small_data.parent / "nowhere"), "--json"])
    assert result.exit_code == 1 and '"valid": false' in result.output and "data folder not found" in result.output


def test_shipped_dataset_is_valid(shipped_dataset):
    """The curated dataset passes every check (the validator raises on any error)."""
    assert len(shipped_dataset.actors) > 60 and len(shipped_dataset.relations) > 120
