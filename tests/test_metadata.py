"""What a dataset says about itself (data/dataset.yaml) and what sources.yaml says about each document."""
from __future__ import annotations

import pytest

from graph import build_graph, load_dataset
from graph.errors import DataError
from graph.load import data_files
from graph.metadata import METADATA_FILE, load_metadata

from .conftest import DATA, SEEDS, SMALL_ACTORS, write_dataset

RELATIONS = """\
    relations:
      - {from: alice, to: bob, type: sibling_of, sources: [{document: doc, quote: is the sister of Bob Example}]}
    """


def _problems(error: DataError) -> list[str]:
    return [str(p) for p in error.problems]


def test_the_shipped_dataset_describes_itself_from_its_documents_only():
    metadata = load_metadata(DATA)
    assert metadata.title == "Kazakhstan's January 2022 unrest"
    assert "January 2022" in metadata.description and metadata.author is None and metadata.updated is None
    for title in ("Cold War-style seizures take place with fatal consequences on the streets of Kazakhstan",
                  "What Happened in Kazakhstan’s January Rebellion?"):
        assert " ".join(title.split()) in " ".join(metadata.credit.split())
    assert DATA / METADATA_FILE not in data_files(DATA) and DATA / "schema.yaml" not in data_files(DATA)


def test_metadata_reaches_the_graph(tmp_path):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "relations.yaml": RELATIONS,
                                    METADATA_FILE: "title: Example map\ndescription: |\n  Two lines\n  of text.\n"
                                                   "author: A. Curator\nupdated: '2026-11'\ncredit: 'Sources: the doc'\n"})
    graph = build_graph(load_dataset(data))
    assert graph.graph["dataset"] == {"title": "Example map", "description": "Two lines\nof text.", "author": "A. Curator",
                                      "updated": "2026-11", "credit": "Sources: the doc"}
    (data / METADATA_FILE).unlink()
    assert build_graph(load_dataset(data)).graph["dataset"] is None  # the file is optional


@pytest.mark.parametrize("text, located", [
    ("description: no title\n", "dataset.yaml:1:1: missing required field 'title' in the dataset description"),
    ("title: T\nupdated: 2026-13\n", "dataset.yaml:2:10: updated: '2026-13' is not a date of the form"),
    ("title: T\nauthr: me\n", "dataset.yaml:2:1: unknown field 'authr' in the dataset description; did you mean 'author'?"),
    ("title: [a, b]\n", "dataset.yaml:1:8: title must be text, not a list"),
    ("", "dataset.yaml:1:1: the dataset description is empty"),
])
def test_invalid_metadata_is_reported_where_it_is(tmp_path, text, located):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "relations.yaml": RELATIONS, METADATA_FILE: text})
    for load in (load_metadata, load_dataset):
        with pytest.raises(DataError) as caught:
            load(data)
        assert any(located in problem for problem in _problems(caught.value)), _problems(caught.value)


def test_documents_take_publisher_address_date_and_archive(tmp_path):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "relations.yaml": RELATIONS})
    sources = data.parent / "seeds" / "sources.yaml"
    sources.write_text(sources.read_text() + "    publisher: Example Press\n    url: https://example.org/story\n"
                       "    published: '2022-01-07'\n    archive_url: https://web.archive.org/web/2022/https://example.org/story\n")
    document = build_graph(load_dataset(data)).graph["documents"]["doc"]
    assert document["publisher"] == "Example Press" and document["url"] == "https://example.org/story"
    assert document["published"] == "2022-01-07" and document["archive_url"].startswith("https://web.archive.org/")


@pytest.mark.parametrize("field, value, message", [
    ("url", "javascript:alert(1)", "5:10: url must be a web address starting with https:// or http://"),
    ("archive_url", "example.org", "5:18: archive_url must be a web address"),
    ("published", "'2022-02-30'", "5:16: published: '2022-02-30' is not a real day"),
    ("publisher", "[a]", "5:16: publisher must be text"),
])
def test_invalid_document_details_are_located(tmp_path, field, value, message):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "relations.yaml": RELATIONS})
    sources = data.parent / "seeds" / "sources.yaml"
    sources.write_text(sources.read_text() + f"    {field}: {value}\n")
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    assert [p for p in _problems(caught.value) if p.endswith(message) or message in p], _problems(caught.value)


def test_the_shipped_documents_say_no_more_than_they_do():
    documents = build_graph(load_dataset(DATA, SEEDS)).graph["documents"]
    assert {d["author"] for d in documents.values()} == {None, "Fin DePencier"}
    assert all(d[k] is None for d in documents.values() for k in ("publisher", "url", "published", "archive_url"))


def test_validate_reports_the_dataset_description_where_it_is_wrong(tmp_path):
    from click.testing import CliRunner

    from graph.cli import cli

    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "relations.yaml": RELATIONS,
                                    METADATA_FILE: "title: Example\nupdated: last week\n"})
    result = CliRunner().invoke(cli, ["validate", "--data", str(data)])
    assert result.exit_code == 1
    assert "dataset.yaml:2:10: updated: 'last week' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD" in result.output
