"""The dataset object: its folders, the files it reads (.yml too), what cannot be read, what may not be written."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import load_dataset
from graph.cli import cli
from graph.dataset import Dataset
from graph.errors import DataError, UsageError

from .conftest import DATA, SEEDS, SMALL_ACTORS, write_dataset

RELATION = """\
relations:
  - from: alice
    to: bob
    type: sibling_of
    sources: [{document: doc, quote: "is the sister of Bob Example"}]
"""


def test_seeds_default_to_beside_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert Dataset("data").seeds_dir == tmp_path / "seeds"
    assert Dataset("data", "elsewhere").seeds_dir == Path("elsewhere")
    assert Dataset(DATA).vocabulary_file == DATA / "schema.yaml" and Dataset(DATA).sources_file == SEEDS / "sources.yaml"


def test_read_paths_are_every_file_loading_reads(small_data):
    (small_data / "sub").mkdir()
    (small_data / "sub" / "more.yml").write_text("actors: []\n")
    (small_data / "notes.txt").write_text("not data\n")
    dataset = Dataset(small_data)
    assert [p.name for p in dataset.data_files()] == ["actors.yaml", "relations.yaml", "more.yml"]
    seeds = small_data.parent / "seeds"
    assert set(dataset.read_paths()) == {*dataset.data_files(), small_data / "schema.yaml", seeds / "sources.yaml",
                                         seeds / "doc.txt"}


def test_read_paths_survive_a_broken_sources_list(small_data):
    (small_data.parent / "seeds" / "sources.yaml").write_text("documents: [\n")
    assert small_data.parent / "seeds" / "sources.yaml" in Dataset(small_data).read_paths()


def test_yml_files_are_data_files(tmp_path):
    data = write_dataset(tmp_path, {"people.yml": SMALL_ACTORS, "relations.yaml": RELATION})
    result = CliRunner().invoke(cli, ["validate", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "alice" in load_dataset(data).actors


def deny_listing(monkeypatch, folder: Path) -> None:
    """Make ``folder`` unlistable, as chmod 000 does for anyone but root."""
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "private/relations.yaml": RELATION})
    deny_listing(monkeypatch, data / "private")
    with pytest.raises(DataError) as raised:
        load_dataset(data)
    [problem] = raised.value.problems
    assert Path(problem.file).resolve() == (data / "private").resolve() and "cannot read folder" in problem.message
    result = CliRunner().invoke(cli, ["validate", "--data", str(data)])
    assert result.exit_code == 1 and "private:1:1: cannot read folder" in result.output


def test_an_unreadable_data_folder_is_reported(tmp_path, monkeypatch):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS})
    deny_listing(monkeypatch, data)
    with pytest.raises(DataError) as raised:
        load_dataset(data)
    assert [p.message for p in raised.value.problems] == ["cannot read folder: Permission denied"]


@pytest.mark.parametrize("target", ["data", "seeds", "data/actors.yaml", "data/schema.yaml", "seeds/sources.yaml",
                                    "seeds/doc.txt", "data/new.yaml", "seeds/../data/actors.yaml"])
def test_writing_over_what_the_dataset_reads_is_refused(small_data, target):
    with pytest.raises(UsageError, match="refusing to write"):
        Dataset(small_data).check_writable_output(small_data.parent / target)


def test_a_hard_link_to_a_data_file_is_refused(small_data):
    os.link(small_data / "actors.yaml", small_data.parent / "copy.yaml")
    with pytest.raises(UsageError):
        Dataset(small_data).check_writable_output(small_data.parent / "copy.yaml")


@pytest.mark.parametrize("target", ["page.html", "data/page.html", "seeds/notes.txt", "out/nodes.csv"])
def test_other_outputs_are_allowed(small_data, target):
    Dataset(small_data).check_writable_output(small_data.parent / target)
