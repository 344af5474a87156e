"""`-o`: never over a file the dataset reads, however spelled; missing folders created; sets written all or none."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.errors import ActorGraphError

COMMANDS = {
    "render": ["render"],
    "watch": ["watch", "--once"],
    "schema": ["schema"],
    "export": ["export", "--format", "json"],
}


def snapshot(root) -> dict:
    """Every file under ``root`` (data and seeds), by path, with its bytes; links as links."""
    return {str(p.relative_to(root)): (os.readlink(p) if p.is_symlink() else p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file() or p.is_symlink()}


@pytest.fixture
def dataset_root(small_data, monkeypatch):
    """The small dataset's root folder (holding data/ and seeds/), made the working directory."""
    root = small_data.parent
    (root / "link.yaml").symlink_to(small_data / "actors.yaml")
    (root / "alias").symlink_to(small_data, target_is_directory=True)
    monkeypatch.chdir(root)
    return root


def run(command: str, output: str, *extra: str):
    return CliRunner().invoke(cli, [*COMMANDS[command], "--data", "data", "-o", output, *extra])


def assert_refused(result, before, root) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert "refusing to write" in result.output
    assert snapshot(root) == before


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("spelling", ["data/actors.yaml", "{root}/data/actors.yaml", "seeds/../data/./actors.yaml",
                                      "link.yaml", "alias/actors.yaml", "{root}/alias/../data/actors.yaml"])
def test_no_command_writes_over_a_data_file_however_spelled(dataset_root, command, spelling):
    before = snapshot(dataset_root)
    assert_refused(run(command, spelling.format(root=dataset_root)), before, dataset_root)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("target", ["data/schema.yaml", "seeds/sources.yaml", "seeds/doc.txt", "data/new.yml",
                                    "data/sub/new.yaml"])
def test_no_command_writes_over_the_vocabulary_sources_documents_or_a_new_data_file(dataset_root, command, target):
    before = snapshot(dataset_root)
    assert_refused(run(command, target), before, dataset_root)
    assert not (dataset_root / "data" / "sub").exists()


@pytest.mark.parametrize("output", ["data", "seeds", "alias", "data/..//data"])
def test_csv_export_never_writes_into_the_data_or_seeds_folder(dataset_root, output):
    before = snapshot(dataset_root)
    assert_refused(CliRunner().invoke(cli, ["export", "--data", "data", "--format", "csv", "-o", output]),
                   before, dataset_root)


def test_csv_export_refuses_a_folder_where_a_document_is_named_like_its_files(dataset_root):
    (dataset_root / "seeds" / "tables").mkdir()
    (dataset_root / "seeds" / "tables" / "nodes.csv").write_text("Alice Example, the chair of the Example Council\n")
    with open(dataset_root / "seeds" / "sources.yaml", "a", encoding="utf-8") as handle:
        handle.write("  - {id: table, file: tables/nodes.csv, title: A table}\n")
    before = snapshot(dataset_root)
    result = CliRunner().invoke(cli, ["export", "--data", "data", "--format", "csv", "-o", "seeds/tables"])
    assert_refused(result, before, dataset_root)
    assert "source document" in result.output


@pytest.mark.parametrize("command", [*COMMANDS, "csv"])
def test_every_command_creates_missing_folders(dataset_root, command):
    if command == "csv":
        result = CliRunner().invoke(cli, ["export", "--data", "data", "--format", "csv", "-o", "out/a/b"])
        written = ["out/a/b/nodes.csv", "out/a/b/edges.csv"]
    else:
        result = run(command, "out/a/b/file.txt")
        written = ["out/a/b/file.txt"]
    assert result.exit_code == 0, result.output
    assert all((dataset_root / path).stat().st_size > 0 for path in written)


@pytest.mark.parametrize("command", ["render", "watch", "schema", "export"])
def test_help_says_missing_folders_are_created(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert "missing folders are created" in " ".join(result.output.split())


def test_csv_export_is_all_or_nothing(small_data, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "nodes.csv").write_text("old nodes\n", encoding="utf-8")
    (out / "edges.csv").write_text("old edges\n", encoding="utf-8")
    real_replace = os.replace

    def edges_fail(src, dst):
        if str(dst).endswith("edges.csv"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", edges_fail)
    result = CliRunner().invoke(cli, ["export", "--data", str(small_data), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output and "edges.csv" in result.output
    assert (out / "nodes.csv").read_text(encoding="utf-8") == "old nodes\n"
    assert (out / "edges.csv").read_text(encoding="utf-8") == "old edges\n"
    assert sorted(p.name for p in out.iterdir()) == ["edges.csv", "nodes.csv"]


def test_a_set_of_new_files_that_fails_leaves_none(tmp_path, monkeypatch):
    from graph.atomic import write_all

    real_replace = os.replace

    def second_fails(src, dst):
        if str(dst).endswith("b.txt"):
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", second_fails)
    with pytest.raises(KeyboardInterrupt):
        write_all({tmp_path / "a.txt": "a", tmp_path / "b.txt": "b"})
    assert list(tmp_path.iterdir()) == []


def test_output_through_a_link_replaces_the_target_and_keeps_the_link(tmp_path):
    from graph.atomic import write_atomic

    (tmp_path / "real.html").write_text("old")
    (tmp_path / "page.html").symlink_to(tmp_path / "real.html")
    write_atomic(tmp_path / "page.html", "new")
    assert (tmp_path / "page.html").is_symlink() and (tmp_path / "real.html").read_text() == "new"


def test_read_only_output_is_refused_even_for_root(tmp_path):
    from graph.atomic import write_atomic

    (tmp_path / "page.html").write_text("old")
    (tmp_path / "page.html").chmod(0o444)
    with pytest.raises(ActorGraphError, match="read-only"):
        write_atomic(tmp_path / "page.html", "new")
    assert (tmp_path / "page.html").read_text() == "old" and len(list(tmp_path.iterdir())) == 1
