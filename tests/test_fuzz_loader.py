"""Property: no input, however broken (data files, vocabulary, sources list, command-line arguments), makes
actorgraph fail with anything but a clean error."""
from __future__ import annotations

import shutil
import uuid
import webbrowser

import click
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from graph import DataError, load_dataset
from graph.cli import cli

from .conftest import SMALL_ACTORS, write_dataset

FIELDS = ["actors", "relations", "id", "name", "kind", "from", "to", "type", "sources", "document", "quote",
          "status", "claimed_by", "start", "end", "date", "aliases", "role"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
                    st.sampled_from(["alice", "bob", "person", "heads", "alleged", "doc", "2022-13-01", "2022"]))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)),
                                               children, max_size=5)),
    max_leaves=25,
)
yaml_text = documents.map(lambda value: yaml.safe_dump(value, allow_unicode=True))
tagged = st.tuples(yaml_text, st.sampled_from(["!!python/object:os.system", "!custom", "!!binary", "&a", "*a",
                                               "!!python/name:builtins.print"])).map(
    lambda pair: pair[0].replace(": ", f": {pair[1]} ", 1))


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """One dataset for every example (module-scoped: Hypothesis runs many examples per test)."""
    return write_dataset(tmp_path_factory.mktemp("fuzz"), {"actors.yaml": SMALL_ACTORS})


def _check(data, content: bytes) -> None:
    (data / "fuzz.yaml").write_bytes(content)
    try:
        dataset = load_dataset(data)
    except DataError as exc:
        assert exc.problems and all(p.line >= 1 and p.column >= 1 and p.message for p in exc.problems)
    else:
        assert "alice" in dataset.actors


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(yaml_text, tagged, st.text(max_size=300)))
def test_any_text_gives_a_result_or_a_clean_error(data, text):
    _check(data, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_result_or_a_clean_error(data, content):
    _check(data, content)


# The vocabulary and the sources list: anything in them gives a result or a clean error too.

def _check_file(data, relative: str, content: bytes) -> None:
    path = data.parent / relative
    original = path.read_bytes()
    path.write_bytes(content)
    try:
        load_dataset(data)
    except DataError as exc:
        assert exc.problems and all(p.line >= 1 and p.column >= 1 and p.message for p in exc.problems)
    finally:
        path.write_bytes(original)


VOCABULARY_FIELDS = ["kinds", "categories", "statuses", "relation_types", "label", "color", "shape", "category",
                     "inverse", "symmetric", "default", "requires_claimant", "description", "link", "time",
                     "person", "family", "reported", "heads"]
SOURCES_FIELDS = ["documents", "id", "file", "title", "author", "doc", "doc.txt", "../doc.txt", "/etc/hostname"]


def _yaml_of(fields: list[str]):
    keys = st.one_of(st.sampled_from(fields), st.text(max_size=8))
    values = st.recursive(st.one_of(scalars, st.sampled_from(fields)),
                          lambda children: st.one_of(st.lists(children, max_size=4),
                                                     st.dictionaries(keys, children, max_size=5)),
                          max_leaves=25)
    return values.map(lambda value: yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_yaml_of(VOCABULARY_FIELDS), st.binary(max_size=100)))
def test_any_vocabulary_gives_a_result_or_a_clean_error(data, content):
    _check_file(data, "data/schema.yaml", content)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_yaml_of(SOURCES_FIELDS), st.binary(max_size=100)))
def test_any_sources_list_gives_a_result_or_a_clean_error(data, content):
    _check_file(data, "seeds/sources.yaml", content)


# Every command, with any arguments: an answer or a one-line error, never a traceback.

def _commands(group=cli, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), [opt for param in command.params for opt in param.opts if opt.startswith("-")]


COMMANDS = dict(_commands())
WORDS = ["alice", "bob", "Alice Example", "council", "heads", "person", "doc", "2022", "2022-13", "0", "-1", "3",
         "json", "csv", "cypher", "x.yaml", "actors.yaml", "../x", "", " ", "\x1b[2J", "é", "{depth}"]
# No NUL: a real command line cannot carry one (execve takes C strings), only an in-process call could.
ARGUMENT_TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=12)


@pytest.fixture(scope="module")
def cli_dataset(tmp_path_factory):
    """A valid dataset the commands may read; each example works on a fresh copy (``add`` may write)."""
    root = tmp_path_factory.mktemp("cli-fuzz")
    write_dataset(root, {"actors.yaml": SMALL_ACTORS, "relations.yaml": "relations:\n  - {from: alice, to: bob, "
                         "type: sibling_of, sources: [{document: doc, quote: is the sister of Bob Example}]}\n"})
    return root


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_arguments_to_any_command_give_an_answer_or_a_clean_error(cli_dataset, tmp_path, monkeypatch, command,
                                                                       data):
    monkeypatch.setattr(webbrowser, "open", lambda *args, **kwargs: True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    words = st.one_of(st.sampled_from(COMMANDS[command] + WORDS), ARGUMENT_TEXT)
    arguments = data.draw(st.lists(words, max_size=8))
    work = tmp_path / f"work-{uuid.uuid4().hex}"
    shutil.copytree(cli_dataset, work)
    once = ["--once"] if command == ("watch",) else []  # first: no drawn option can take it as its value
    monkeypatch.chdir(work)  # outputs with relative paths land in the copy
    result = CliRunner().invoke(cli, [*command, *once, "--data", str(work / "data"), *arguments])
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
