"""Errors say the right thing, once, at their cause: a broken vocabulary or sources list, a missing
folder, an option the library refuses (named as the user typed it), precise error types."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from graph import errors
from graph.cli import cli
from graph.dataset import Dataset
from graph.edit import add_actor
from graph.errors import DataError, EditRejected, UsageError, WriteError
from graph.render import write_explorer

# Every command, with arguments that would succeed on the small dataset.
COMMANDS = [
    ["validate"], ["show", "alice"], ["search", "alice"], ["path", "alice", "bob"], ["neighbors", "alice"],
    ["common", "alice", "bob"], ["brokers"], ["timeline"], ["export"], ["schema"],
    ["add", "actor", "--name", "Eve", "--kind", "person", "--description", "x", "--dry-run"],
]
OUTPUT_COMMANDS = [["render", "-o", "{tmp}/page.html"], ["watch", "--once", "-o", "{tmp}/page.html"]]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def located_lines(output: str, name: str) -> list[str]:
    return [line for line in output.splitlines() if name in line]


def without_statuses(text: str) -> str:
    start, end = text.index("\nstatuses:"), text.index("\nrelation_types:")
    return text[:start] + text[end:]


VOCABULARY_BREAKS = {
    "missing": lambda path: path.unlink(),
    "empty": lambda path: path.write_text("# nothing yet\n", encoding="utf-8"),
    "a folder": lambda path: (path.unlink(), path.mkdir()),
    "not UTF-8": lambda path: path.write_bytes(b"kinds: \xff\n"),
    "without statuses": lambda path: path.write_text(without_statuses(path.read_text(encoding="utf-8")),
                                                     encoding="utf-8"),
}


@pytest.mark.parametrize("command", COMMANDS + OUTPUT_COMMANDS, ids=lambda c: c[0] if c[0] != "add" else "add")
@pytest.mark.parametrize("broken", VOCABULARY_BREAKS)
def test_a_broken_vocabulary_is_one_error_naming_it_for_every_command(small_data, tmp_path, command, broken):
    VOCABULARY_BREAKS[broken](small_data / "schema.yaml")
    result = run(*[arg.format(tmp=tmp_path) for arg in command], "--data", str(small_data))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = located_lines(result.output, "schema.yaml")
    assert line.startswith(f"{small_data}/schema.yaml:")


def test_a_missing_vocabulary_says_what_it_is_not_where_to_copy_it_from(small_data):
    (small_data / "schema.yaml").unlink()
    result = run("validate", "--data", str(small_data))
    (line,) = located_lines(result.output, "schema.yaml")
    assert "vocabulary file missing" in line and "kinds" in line and "statuses" in line
    assert "copy" not in line


def test_a_vocabulary_without_statuses_names_the_missing_section(small_data):
    VOCABULARY_BREAKS["without statuses"](small_data / "schema.yaml")
    (line,) = located_lines(run("validate", "--data", str(small_data)).output, "schema.yaml")
    assert "missing required field 'statuses'" in line


def test_a_missing_seeds_folder_is_one_error_and_no_flood_of_unknown_documents(small_data):
    shutil.rmtree(small_data.parent / "seeds")
    result = run("validate", "--data", str(small_data))
    assert result.exit_code == 1
    assert result.output.splitlines()[:-1] == [f"{small_data.parent}/seeds:1:1: seeds folder not found "
                                               f"(set it with --seeds)"]


def test_a_seeds_folder_given_but_missing_does_not_ask_for_seeds_again(small_data, tmp_path):
    result = run("validate", "--data", str(small_data), "--seeds", str(tmp_path / "elsewhere"))
    assert result.output.splitlines()[:-1] == [f"{tmp_path}/elsewhere:1:1: seeds folder not found"]


def test_seeds_given_as_a_file_is_named_as_given(small_data):
    sources = small_data.parent / "seeds" / "sources.yaml"
    result = run("validate", "--data", str(small_data), "--seeds", str(sources))
    assert result.exit_code == 1
    assert result.output.splitlines()[:-1] == [f"{sources}:1:1: this is a file; the seeds folder must be a folder"]


@pytest.mark.parametrize("content, message", [
    ("", "list of sources is empty"),
    ("# nothing yet\n", "list of sources is empty"),
    ("documents: 5\n", "documents must be a list"),
    ("[a, b]\n", "must be a mapping"),
])
def test_a_sources_list_that_lists_nothing_says_so_about_itself_only(small_data, content, message):
    (small_data.parent / "seeds" / "sources.yaml").write_text(content, encoding="utf-8")
    result = run("validate", "--data", str(small_data))
    assert result.exit_code == 1
    (line,) = result.output.splitlines()[:-1]
    assert "sources.yaml:" in line and message in line


@pytest.mark.parametrize("breakage", ["file missing", "not UTF-8", "entry without a title"])
def test_a_document_that_cannot_be_read_is_one_error_not_one_per_quote(small_data, breakage):
    seeds = small_data.parent / "seeds"
    if breakage == "file missing":
        (seeds / "doc.txt").unlink()
    elif breakage == "not UTF-8":
        (seeds / "doc.txt").write_bytes(b"Caf\xe9 " * 20)
    else:
        sources = seeds / "sources.yaml"
        sources.write_text(sources.read_text(encoding="utf-8").replace("    title: The doc document\n", ""),
                           encoding="utf-8")
    result = run("validate", "--data", str(small_data))
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 2, result.output  # the problem, then the count
    assert "unknown document" not in result.output


def test_a_missing_data_folder_is_data_error_for_add_as_for_validate(tmp_path, monkeypatch):
    for command in (["validate"], COMMANDS[-1]):
        result = run(*command, "--data", str(tmp_path / "nowhere"))
        assert result.exit_code == 1 and f"{tmp_path}/nowhere:1:1: data folder not found" in result.output
        assert "--data" not in result.output  # given on the command line: no need to point at the option
    result = CliRunner().invoke(cli, ["validate"], env={"ACTORGRAPH_DATA": str(tmp_path / "nowhere")})
    assert "data folder not found" in result.output and "--data" not in result.output  # set, from the environment
    monkeypatch.chdir(tmp_path)  # no ./data here
    result = CliRunner().invoke(cli, ["validate"], env={"ACTORGRAPH_DATA": None})
    assert result.output.splitlines()[0] == "data:1:1: data folder not found (set it with --data)"


def test_library_errors_speak_of_arguments_and_the_cli_of_options(small_data):
    with pytest.raises(UsageError) as caught:
        add_actor(Dataset(small_data), name="!!!", kind="person", description="x")
    assert "pass actor_id (" in str(caught.value) and "--" not in str(caught.value)
    result = run("add", "actor", "--name", "!!!", "--kind", "person", "--description", "x", "--data", str(small_data))
    assert result.exit_code == 2 and "pass --id (" in result.output
    result = run("render", "--depth", "2", "--data", str(small_data))
    assert result.exit_code == 2 and "Error: --depth needs --focus" in result.output
    result = run("export", "--format", "csv", "--data", str(small_data))
    assert result.exit_code == 2 and "give an -o folder" in result.output


def test_a_template_names_only_the_arguments_it_lists():
    error = UsageError("{k} and {max_hops} must be at least 1; {other} stays", "k", "max_hops")
    assert str(error) == "k and max_hops must be at least 1; {other} stays"
    assert error.worded(lambda name: "--" + name.replace("_", "-")) == "--k and --max-hops must be at least 1; {other} stays"


def test_a_rejected_edit_is_a_data_error_from_the_errors_module(small_data):
    assert EditRejected.__module__ == errors.__name__ and issubclass(EditRejected, DataError)
    with pytest.raises(EditRejected) as caught:
        add_actor(Dataset(small_data), name="Eve", kind="persn", description="x")
    assert str(caught.value).endswith("nothing was written to " + str(small_data / "actors.yaml"))


def test_a_folder_that_cannot_be_created_is_a_write_error(small_graph_data, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(WriteError) as caught:
        write_explorer(small_graph_data, blocker / "sub" / "page.html")
    assert caught.value.filename == str(blocker / "sub")


@pytest.fixture
def small_graph_data(small_data):
    return Dataset(small_data).graph(cached=False)

