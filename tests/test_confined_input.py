"""Names and paths that could reach somewhere else: vocabulary names are plain identifiers, and every
document is read from inside the seeds folder."""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from graph import DataError, load_dataset
from graph.cli import cli

from .conftest import SMALL_ACTORS, write_dataset


def problems_of(data) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    return [str(p).replace(str(data.parent) + "/", "") for p in caught.value.problems]


# --- vocabulary names ---------------------------------------------------------------------------

@pytest.mark.parametrize("section, old, name, suggestion", [
    ("kinds", "person", "Person` DETACH DELETE n //", "person_detach_delete_n"),
    ("categories", "family", "Family Ties", "family_ties"),
    ("statuses", "disputed", "dis-puted", "dis_puted"),
    ("relation_types", "heads", "2heads]->(x)", "heads_x"),
])
def test_vocabulary_names_are_plain_identifiers(tmp_path, section, old, name, suggestion):
    data = write_dataset(tmp_path, {})
    schema = data / "schema.yaml"
    lines = schema.read_text(encoding="utf-8").splitlines(keepends=True)
    (line,) = [number for number, text in enumerate(lines) if text.startswith(f"  {old}: {{")]
    lines[line] = lines[line].replace(old, json.dumps(name), 1)  # a JSON string is a YAML double-quoted one
    schema.write_text("".join(lines), encoding="utf-8")
    assert (f"data/schema.yaml:{line + 1}:3: name {name!r} in {section} must be lowercase letters, digits and "
            f"'_', starting with a letter, like {suggestion!r}") in problems_of(data)


def test_shipped_vocabulary_names_are_all_plain(shipped_dataset):
    schema = shipped_dataset.schema
    names = [*schema.kinds, *schema.categories, *schema.statuses, *schema.relation_types]
    assert names and all(name.isidentifier() and name == name.lower() for name in names)


# --- documents stay inside the seeds folder -----------------------------------------------------

SECRET = "The secret passage: root password is hunter2, never to be printed.\n"
CITING = """\
    relations:
      - from: alice
        to: bob
        type: sibling_of
        sources: [{document: doc, quote: "root password is hunter, never printed"}]
    """


@pytest.fixture
def outside(tmp_path):
    """A dataset whose document ``doc`` is a file outside the seeds folder, reached as the test says."""
    data = write_dataset(tmp_path / "set", {"actors.yaml": SMALL_ACTORS, "rel.yaml": CITING})
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    seeds = data.parent / "seeds"

    def point(file: str) -> None:
        sources = seeds / "sources.yaml"
        sources.write_text(sources.read_text(encoding="utf-8").replace("file: doc.txt", f"file: {file}"),
                           encoding="utf-8")

    return data, seeds, secret, point


def test_an_absolute_document_path_is_refused(outside):
    data, seeds, secret, point = outside
    point(str(secret))
    assert_refused(data, str(secret))


def test_a_document_path_through_dotdot_is_refused(outside):
    data, seeds, secret, point = outside
    point("../../secret.txt")
    assert_refused(data, "../../secret.txt")


def test_a_symlink_out_of_the_seeds_folder_is_refused(outside):
    data, seeds, secret, point = outside
    (seeds / "doc.txt").unlink()
    os.symlink(secret, seeds / "doc.txt")
    assert_refused(data, "doc.txt")


def assert_refused(data, written: str) -> None:
    result = CliRunner().invoke(cli, ["validate", "--data", str(data)])
    assert result.exit_code == 1
    assert "hunter" not in result.output and "secret passage" not in result.output  # no closest passage
    (message,) = [line for line in result.output.splitlines() if "sources.yaml" in line]
    assert message.split(": ", 1)[1] == (f"document file {written!r} is outside the seeds folder; "
                                         "keep documents inside it")
    assert message.split(": ", 1)[0].endswith("seeds/sources.yaml:3:11")


def test_links_and_subfolders_inside_the_seeds_folder_still_work(tmp_path):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS})
    seeds = data.parent / "seeds"
    (seeds / "texts").mkdir()
    (seeds / "doc.txt").rename(seeds / "texts" / "doc.txt")
    os.symlink("texts/doc.txt", seeds / "doc.txt")
    assert load_dataset(data).documents["doc"].text.startswith("Alice Example")
    sources = seeds / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("file: doc.txt", "file: texts/../texts/doc.txt"),
                       encoding="utf-8")
    assert load_dataset(data).documents["doc"].text.startswith("Alice Example")
