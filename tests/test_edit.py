"""`actorgraph add`: entries appended as text, checked with the whole dataset, written atomically."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from graph import load_dataset
from graph.cli import cli
from graph.dataset import Dataset
from graph.edit import add_actor, add_relation

from .conftest import SMALL_ACTORS, write_dataset

SISTER = [("doc", "is the sister of Bob Example")]
DISMISSED = [("doc", "On 5 January 2022 Alice dismissed Carol Sample.")]


def run(data_dir, *args):
    return CliRunner().invoke(cli, [*args[:2], "--data", str(data_dir), *args[2:]])


def snapshot(data_dir) -> dict:
    return {p.name: p.read_bytes() for p in sorted(data_dir.iterdir())}


def assert_only_inserted(before: bytes, after: bytes, inserted: str) -> None:
    """``after`` is ``before`` with ``inserted`` added at one place, every other byte unchanged."""
    added = inserted.encode("utf-8")
    assert len(after) == len(before) + len(added)
    at = after.index(added)
    assert after[:at] + after[at + len(added):] == before


def test_actor_is_appended_to_the_actor_list_and_nothing_else_changes(small_data):
    before = snapshot(small_data)
    result = run(small_data, "add", "actor", "--id", "erlan-karin", "--name", "Ерлан Қарин", "--kind", "person",
                 "--description", "State secretary.", "--alias", "Yerlan Karin", "--alias", "Карин")
    assert result.exit_code == 0, result.output
    assert "added actor erlan-karin to" in result.output and "actors.yaml:24" in result.output
    after = snapshot(small_data)
    assert after["relations.yaml"] == before["relations.yaml"]
    text = after["actors.yaml"].decode("utf-8")
    assert text.startswith(before["actors.yaml"].decode("utf-8"))
    assert text.splitlines()[23] == "  - id: erlan-karin"
    actor = load_dataset(small_data).actors["erlan-karin"]
    assert (actor.name, actor.aliases, actor.kind) == ("Ерлан Қарин", ("Yerlan Karin", "Карин"), "person")


MIXED = """\
# People and the council.
actors:
  - id: alice
    name: Alice Example
    kind: person
    description: Chair.   # keep this comment
  - id: bob
    name: Bob Example
    kind: person
    description: |
      Alice's
      brother.

  # more actors go here

relations:
  - {from: alice, to: bob, type: sibling_of, sources: [{document: doc, quote: "is the sister of Bob Example"}]}
# end
"""


def test_entry_goes_after_the_last_item_when_the_list_is_not_last(tmp_path):
    data = write_dataset(tmp_path, {"people.yaml": MIXED})
    before = (data / "people.yaml").read_bytes()
    added = add_actor(Dataset(data), name="Carol Sample", kind="person", description="A deputy.")
    after = (data / "people.yaml").read_bytes()
    assert_only_inserted(before, after, added.text)
    lines = after.decode().splitlines()
    assert lines[added.line - 1] == "  - id: carol-sample"
    assert lines[added.line - 2] == "" and lines[added.line - 3] == "      brother."  # after the block text
    assert lines[added.line + 3:added.line + 6] == ["  # more actors go here", "", "relations:"]
    assert load_dataset(data).actors["bob"].description == "Alice's\nbrother."

    relation = add_relation(Dataset(data), from_="alice", to="carol-sample", relation_type="dismissed", date="2022-01-05",
                            sources=DISMISSED, note="Two\nlines")
    final = (data / "people.yaml").read_bytes()
    assert_only_inserted(after, final, relation.text)
    assert final.decode().endswith(relation.text + "# end\n")
    assert load_dataset(data).relations[-1].note == "Two\nlines"


def test_text_with_trailing_line_breaks_is_written_as_a_kept_block(tmp_path):
    data = write_dataset(tmp_path, {"people.yaml": MIXED})
    before = (data / "people.yaml").read_bytes()
    added = add_actor(Dataset(data), name="Carol Sample", kind="person", description="Two\nlines\n\n")
    assert added.text.endswith("    description: |+\n      Two\n      lines\n\n")
    assert_only_inserted(before, (data / "people.yaml").read_bytes(), added.text)
    assert load_dataset(data).actors["carol-sample"].description == "Two\nlines"


def test_list_last_in_a_file_without_final_newline(tmp_path):
    data = write_dataset(tmp_path, {"a.yaml": "actors:\n- id: alice\n  name: Alice\n  kind: person\n  description: x"})
    added = add_actor(Dataset(data), name="Bob Example", kind="person", description="y")
    text = (data / "a.yaml").read_text()
    assert text == "actors:\n- id: alice\n  name: Alice\n  kind: person\n  description: x\n" + added.text
    assert added.text.startswith("- id: bob-example\n  name: Bob Example\n")  # dashes at column 0, as in the file
    assert set(load_dataset(data).actors) == {"alice", "bob-example"}


def test_entries_separated_by_blank_lines_get_one_too(tmp_path):
    spaced = "actors:\n  - id: alice\n    name: Alice\n    kind: person\n    description: x\n\n" \
             "  - id: bob\n    name: Bob\n    kind: person\n    description: >-\n      y\n\n"
    data = write_dataset(tmp_path, {"a.yaml": spaced})
    added = add_actor(Dataset(data), name="Carol", kind="person", description="z")
    text = (data / "a.yaml").read_text()
    assert text == spaced + added.text  # the folded text already ends with a blank line: no second one
    added = add_actor(Dataset(data), name="Dan", kind="person", description="w")
    assert (data / "a.yaml").read_text() == text + "\n" + added.text
    assert text.count("\n") + 2 == added.line


def test_empty_list_key_and_missing_section_and_missing_file(tmp_path):
    data = write_dataset(tmp_path, {"a.yaml": "# actors\nactors:   # none yet\nrelations: []\n"})
    add_actor(Dataset(data), name="Alice Example", kind="person", description="x")
    assert (data / "a.yaml").read_text().startswith("# actors\nactors:   # none yet\n  - id: alice-example\n")

    only_actors = write_dataset(tmp_path / "two", {"a.yaml": SMALL_ACTORS})
    added = add_relation(Dataset(only_actors), from_="alice", to="bob", relation_type="sibling_of", sources=SISTER)
    assert added.path == only_actors / "relations.yaml" and added.line == 2
    assert (only_actors / "relations.yaml").read_text().startswith("relations:\n  - from: alice\n")

    into = add_relation(Dataset(only_actors), from_="alice", to="carol", relation_type="dismissed", date="2022-01-05",
                        sources=DISMISSED, file=only_actors / "a.yaml")
    text = (only_actors / "a.yaml").read_text()
    assert text == SMALL_ACTORS + "relations:\n" + into.text
    assert len(load_dataset(only_actors).relations) == 2


def test_flow_style_list_is_refused_with_file_and_skipped_by_default(tmp_path):
    data = write_dataset(tmp_path, {"a.yaml": "actors: [{id: alice, name: Alice, kind: person, description: x}]\n",
                                    "b.yaml": "actors: !!null\n",
                                    "c.yaml": "actors:\n  [{id: carol, name: Carol, kind: person, description: z}]\n"})
    before = snapshot(data)
    result = run(data, "add", "actor", "--name", "Bob", "--kind", "person", "--description", "y", "--file", "a.yaml")
    assert result.exit_code == 2 and "is not a block list" in result.output and "pass another --file" in result.output
    assert snapshot(data) == before
    tagged = run(data, "add", "actor", "--name", "Bob", "--kind", "person", "--description", "y", "--file", "b.yaml")
    assert tagged.exit_code == 2 and "is not a block list" in tagged.output
    added = add_actor(Dataset(data), name="Bob", kind="person", description="y")
    assert added.path == data / "actors.yaml"


def test_an_insertion_that_would_change_existing_entries_is_refused(small_data, monkeypatch):
    import graph.edit

    before = snapshot(small_data)
    # Simulate a layout the insertion rules get wrong: the entry would land inside the last actor.
    monkeypatch.setattr(graph.edit, "_content_end", lambda node: node.start_mark.index)
    result = run(small_data, "add", "actor", "--name", "Eve", "--kind", "person", "--description", "x")
    assert result.exit_code == 2 and "without changing what is already there" in result.output
    assert snapshot(small_data) == before


def test_default_relation_file_is_the_one_about_these_actors(tmp_path):
    data = write_dataset(tmp_path, {
        "actors.yaml": SMALL_ACTORS,
        "family.yaml": "relations:\n  - {from: alice, to: bob, type: sibling_of, "
                       "sources: [{document: doc, quote: is the sister of Bob Example}]}\n",
        "other.yaml": "relations:\n"
                      "  - {from: dan, to: bob, type: accused, status: alleged, claimed_by: dan, sources: [{document: doc, "
                      "quote: 'According to Dan Critic, Bob Example took bribes.'}]}\n"
                      "  - {from: carol, to: bob, type: met_with, sources: [{document: doc, quote: met Bob in 2021}]}\n",
    })
    added = add_relation(Dataset(data), from_="alice", to="council", relation_type="heads", role="Chair",
                         sources=[("doc", "Alice Example, the chair of the Example Council")])
    assert added.path.name == "family.yaml"


def test_best_file_that_cannot_take_the_entry_gives_way_to_the_next(tmp_path):
    data = write_dataset(tmp_path, {
        "actors.yaml": SMALL_ACTORS,
        "flow.yaml": "relations:\n  [{from: alice, to: bob, type: sibling_of, "
                     "sources: [{document: doc, quote: is the sister of Bob Example}]}]\n",
        "other.yaml": "relations:\n  - {from: carol, to: bob, type: met_with, "
                      "sources: [{document: doc, quote: met Bob in 2021}]}\n",
    })
    added = add_relation(Dataset(data), from_="alice", to="council", relation_type="heads",
                         sources=[("doc", "Alice Example, the chair of the Example Council")])
    assert added.path.name == "other.yaml"


@pytest.mark.parametrize("args, message", [
    (["actor", "--name", "Eve", "--kind", "persn", "--description", "x"],
     "unknown kind 'persn'; did you mean 'person'? (in the new actor)"),
    (["actor", "--id", "alice", "--name", "Another Alice", "--kind", "person", "--description", "x"],
     "duplicate actor id 'alice' (first defined at"),
    (["actor", "--id", "Bad Id", "--name", "Eve", "--kind", "person", "--description", "x"],
     "must be lowercase words joined by hyphens"),
    (["relation", "--from", "alice", "--to", "carl", "--type", "dismissed", "--source", "doc", "--quote",
      "Alice dismissed Carol Sample."], "unknown actor 'carl' in 'to'; did you mean 'carol'?"),
    (["relation", "--from", "alice", "--to", "carol", "--type", "dismissed", "--source", "doc", "--quote",
      "Alice fired Carol Sample."], "quote not found in document 'doc'"),
    (["relation", "--from", "alice", "--to", "bob", "--type", "sibling_of", "--source", "doc", "--quote",
      "is the sister of Bob Example"], "duplicate relation: same actors"),
    (["relation", "--from", "alice", "--to", "carol", "--type", "dismissed", "--date", "2022-13",
      "--source", "doc", "--quote", "Alice dismissed Carol Sample."], "invalid date"),
])
def test_invalid_entry_is_reported_and_nothing_is_written(small_data, args, message):
    before = snapshot(small_data)
    result = CliRunner().invoke(cli, ["add", args[0], "--data", str(small_data), *args[1:]])
    assert result.exit_code == 1, result.output
    assert message in result.output and "nothing was written to" in result.output
    assert "Traceback" not in result.output
    problem = next(line for line in result.output.splitlines() if message in line)
    file, line, column, _ = problem.split(":", 3)
    assert file.endswith(".yaml") and line.isdigit() and column.isdigit()
    assert snapshot(small_data) == before


def test_problems_after_the_insertion_keep_their_lines_on_disk(tmp_path):
    data = write_dataset(tmp_path, {"a.yaml": """\
        actors:
          - {id: alice, name: Alice, kind: person, description: x}
        relations:
          - {from: alice, to: nobody, type: sibling_of, sources: [{document: doc, quote: is the sister}]}
        """})
    result = run(data, "add", "actor", "--name", "Bob", "--kind", "person", "--description", "y")
    assert result.exit_code == 1
    assert "a.yaml:4:23: unknown actor 'nobody' in 'to'" in result.output


def test_source_and_quote_options_pair_up(small_data):
    before = snapshot(small_data)
    base = ["add", "relation", "--data", str(small_data), "--from", "dan", "--to", "bob", "--type", "criticized"]
    unpaired = CliRunner().invoke(cli, [*base, "--source", "doc", "--source", "doc", "--quote", "x"])
    assert unpaired.exit_code == 2 and "one --quote for each --source" in unpaired.output
    none = CliRunner().invoke(cli, base)
    assert none.exit_code == 2 and "at least one source" in none.output
    two = CliRunner().invoke(cli, [*base, "--source", "doc", "--quote", "Bob Example took bribes.",
                                   "--source", "doc", "--quote", "According to Dan Critic"])
    assert two.exit_code == 0, two.output
    assert snapshot(small_data) != before
    relation = load_dataset(small_data).relations[-1]
    assert [(s.document, s.quote) for s in relation.sources] == [("doc", "Bob Example took bribes."),
                                                                ("doc", "According to Dan Critic")]


def test_dry_run_shows_the_entry_and_writes_nothing(small_data):
    before = snapshot(small_data)
    result = run(small_data, "add", "relation", "--from", "alice", "--to", "carol", "--type", "dismissed",
                 "--date", "2022-01", "--source", "doc", "--quote", "Alice dismissed Carol Sample.", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "  - from: alice\n    to: carol\n    type: dismissed\n    date: 2022-01\n" in result.output
    assert "dry run: nothing written" in result.output
    assert snapshot(small_data) == before


def test_file_option_inside_the_data_folder_only(small_data, tmp_path):
    args = ["add", "actor", "--data", str(small_data), "--name", "Eve", "--kind", "person", "--description", "x"]
    outside = CliRunner().invoke(cli, [*args, "--file", str(tmp_path / "elsewhere.yaml")])
    assert outside.exit_code == 2 and "not inside the data folder" in outside.output
    not_yaml = CliRunner().invoke(cli, [*args, "--file", "notes.txt"])
    assert not_yaml.exit_code == 2 and "must be a .yaml or .yml data file" in not_yaml.output
    new = CliRunner().invoke(cli, [*args, "--file", "people/new.yaml"])
    assert new.exit_code == 2 and "does not exist" in new.output
    created = CliRunner().invoke(cli, [*args, "--file", "new.yaml"])
    assert created.exit_code == 0, created.output
    assert (small_data / "new.yaml").read_text() == "actors:\n  - id: eve\n    name: Eve\n    kind: person\n" \
                                                     "    description: x\n"


def test_name_without_latin_letters_needs_an_id(small_data):
    result = run(small_data, "add", "actor", "--name", "Ерлан", "--kind", "person", "--description", "x")
    assert result.exit_code == 2 and "pass --id" in result.output


def test_crlf_and_byte_order_mark_are_kept(tmp_path):
    data = write_dataset(tmp_path, {})
    original = "\ufeffactors:\r\n  - id: alice\r\n    name: Alice\r\n    kind: person\r\n    description: x\r\n"
    (data / "a.yaml").write_bytes(original.encode("utf-8"))
    add_actor(Dataset(data), name="Bob", kind="person", description="y")
    raw = (data / "a.yaml").read_bytes()
    assert raw.startswith(original.encode("utf-8"))
    assert raw[len(original.encode("utf-8")):] == b"  - id: bob\r\n    name: Bob\r\n    kind: person\r\n" \
                                                   b"    description: y\r\n"


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_interrupted_write_leaves_the_old_file_and_no_temporary_file(small_data, monkeypatch, failure):
    before = snapshot(small_data)

    def interrupted(src, dst):
        assert os.path.getsize(src) > len(before["actors.yaml"])  # the new content was fully written aside
        raise failure

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(type(failure)):
        add_actor(Dataset(small_data), name="Eve Example", kind="person", description="x")
    assert snapshot(small_data) == before  # same files, same bytes: no temporary file left behind


def test_failed_write_is_a_one_line_error_on_the_command_line(small_data, monkeypatch):
    before = snapshot(small_data)

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = run(small_data, "add", "actor", "--name", "Eve Example", "--kind", "person", "--description", "x")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip().endswith("actors.yaml: No space left on device")
    assert "actorgraph: cannot write " in result.output
    assert snapshot(small_data) == before


@pytest.mark.parametrize("content, message", [
    ("actors: " + "[" * 100 + "]" * 100 + "\n", "a.yaml:1:72: lists and mappings nest more than 64 levels deep"),
    ("actors: " + "[" * 100_000 + "]" * 100_000 + "\n", "a.yaml:1:"),
    ("actors:\n  - {id: x, name: !custom X, kind: person, description: d}\n", "a.yaml:2:19: tag '!custom' is not allowed"),
    ("actors:\n  - {id: x, name: X, kind: person, description: d, start: 2022-13-01}\n",
     "a.yaml:2:52: unknown field 'start'"),
    ("actors: [\n", "a.yaml:2:1: invalid YAML"),
    (b"actors:\n  - {id: x, name: Caf\xe9}\n", "a.yaml:2:"),
])
def test_a_file_that_cannot_be_read_as_data_is_refused_without_a_crash(tmp_path, content, message):
    """Refused as validate refuses it: the same located messages, exit 1 (invalid data), not 2 (usage)."""
    data = write_dataset(tmp_path, {})
    (data / "a.yaml").write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = run(data, "add", "actor", "--name", "Eve", "--kind", "person", "--description", "x", "--file", "a.yaml")
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output
    assert (data / "a.yaml").read_bytes() == (content if isinstance(content, bytes) else content.encode("utf-8"))


def test_file_changed_during_the_check_is_not_overwritten(small_data, monkeypatch):
    from graph.errors import ActorGraphError

    real_load = Dataset.load

    def load_then_someone_saves(self, *args, **kwargs):
        dataset = real_load(self, *args, **kwargs)
        with open(small_data / "actors.yaml", "a", encoding="utf-8") as handle:
            handle.write("# saved in an editor meanwhile\n")
        return dataset

    monkeypatch.setattr(Dataset, "load", load_then_someone_saves)
    with pytest.raises(ActorGraphError, match="changed while the entry was being checked"):
        add_actor(Dataset(small_data), name="Eve Example", kind="person", description="x")
    assert (small_data / "actors.yaml").read_text().endswith("# saved in an editor meanwhile\n")


def test_concurrent_adds_all_land(tmp_path):
    """Eight real processes add an actor each to a copy of the shipped data at once: every one reports it
    added, and every entry is in the file, which stays valid."""
    import shutil
    import subprocess
    import sys

    from .conftest import DATA, REPO, SEEDS

    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    env = {**os.environ, "ACTORGRAPH_CACHE": "off"}
    names = [f"Concurrent Person {n}" for n in "ABCDEFGH"]
    processes = [subprocess.Popen([sys.executable, "-m", "graph", "add", "actor", "--data", str(tmp_path / "data"),
                                   "--name", name, "--kind", "person", "--description", "Added at the same time."],
                                  cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                 for name in names]
    outputs = [process.communicate(timeout=300)[0] for process in processes]
    assert [process.returncode for process in processes] == [0] * len(names), outputs
    assert all(output.startswith("added actor concurrent-person-") for output in outputs), outputs
    actors = load_dataset(tmp_path / "data", tmp_path / "seeds").actors
    assert {derived_id for derived_id in actors if derived_id.startswith("concurrent-")} == \
        {f"concurrent-person-{n.lower()}" for n in "ABCDEFGH"}
    assert not [p for p in (tmp_path / "data").iterdir() if p.name.startswith(".")]  # no temporary files left


def test_add_writes_through_a_symlinked_data_file(small_data, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (small_data / "actors.yaml").rename(shared / "people.yaml")
    (small_data / "actors.yaml").symlink_to(shared / "people.yaml")
    for args in ([], ["--file", "actors.yaml"]):
        result = run(small_data, "add", "actor", "--name", f"Eve {len(args)}", "--kind", "person",
                     "--description", "x", *args)
        assert result.exit_code == 0, result.output
    assert (small_data / "actors.yaml").is_symlink()
    assert "id: eve-0" in (shared / "people.yaml").read_text() and "id: eve-2" in (shared / "people.yaml").read_text()
    assert {"eve-0", "eve-2"} <= set(load_dataset(small_data).actors)


def test_add_refuses_a_read_only_data_file(small_data):
    (small_data / "actors.yaml").chmod(0o444)  # root could write it anyway: actorgraph must not
    before = snapshot(small_data)
    result = run(small_data, "add", "actor", "--name", "Eve Example", "--kind", "person", "--description", "x")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "actors.yaml" in result.output and "read-only" in result.output
    assert snapshot(small_data) == before


def test_add_to_a_yml_file(tmp_path):
    data = write_dataset(tmp_path, {"people.yml": SMALL_ACTORS})
    result = run(data, "add", "actor", "--name", "Eve Example", "--kind", "person", "--description", "x")
    assert result.exit_code == 0 and "people.yml" in result.output
    assert "eve-example" in load_dataset(data).actors
