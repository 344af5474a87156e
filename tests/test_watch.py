"""`actorgraph watch`: re-render on save, report problems, keep the last good page."""
from __future__ import annotations

import queue
import threading

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.dataset import Dataset
from graph.errors import DataError, UsageError
from graph.watch import Watcher, watch

BROKEN_KIND = "  - id: eve\n    name: Eve Example\n    kind: persn\n    description: x\n"
GOOD_ACTOR = "  - id: eve\n    name: Eve Example\n    kind: person\n    description: x\n"


def append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def test_check_renders_once_per_change_and_keeps_the_last_good_page(small_data, tmp_path):
    page = tmp_path / "out" / "page.html"
    watcher = Watcher(Dataset(small_data), output=page)

    first = watcher.check()
    assert first.error is None and first.page.actors == 5 and page.exists()
    good = page.read_bytes()
    assert watcher.check() is None  # nothing saved since

    append(small_data / "actors.yaml", BROKEN_KIND)
    broken = watcher.check()
    assert isinstance(broken.error, DataError) and broken.page is None
    assert [str(p) for p in broken.error.problems][0].endswith(
        "actors.yaml:26:11: unknown kind 'persn'; did you mean 'person'?")
    assert page.read_bytes() == good
    assert watcher.check() is None

    text = (small_data / "actors.yaml").read_text(encoding="utf-8")
    (small_data / "actors.yaml").write_text(text.replace("kind: persn", "kind: person "), encoding="utf-8")
    fixed = watcher.check()
    assert fixed.error is None and fixed.page.actors == 6
    assert "Eve Example" in page.read_text(encoding="utf-8") and page.read_bytes() != good


def test_a_changed_document_triggers_a_check(small_data, tmp_path):
    watcher = Watcher(Dataset(small_data), output=tmp_path / "page.html")
    assert watcher.check().error is None
    append(small_data.parent / "seeds" / "doc.txt", "More text.\n")
    assert watcher.check() is not None


def test_render_options_and_usage_problems_are_reported_not_raised(small_data, tmp_path):
    watcher = Watcher(Dataset(small_data), output=tmp_path / "page.html", focus="nobody-at-all")
    outcome = watcher.check()
    assert outcome.page is None and "nobody-at-all" in str(outcome.error)
    assert not (tmp_path / "page.html").exists()


def test_loop_reports_each_save_until_stopped(small_data, tmp_path):
    reports: queue.Queue = queue.Queue()
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(Watcher(Dataset(small_data), output=tmp_path / "page.html"), reports.put),
                              kwargs={"interval": 0.01, "stop": stop})
    thread.start()
    try:
        assert reports.get(timeout=30).error is None
        append(small_data / "actors.yaml", BROKEN_KIND)
        assert isinstance(reports.get(timeout=30).error, DataError)
        append(small_data / "actors.yaml", "# a comment\n")
        assert isinstance(reports.get(timeout=30).error, DataError)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()


def test_loop_stops_after_max_checks(small_data, tmp_path):
    seen = []
    watch(Watcher(Dataset(small_data), output=tmp_path / "page.html"), seen.append, interval=0, max_checks=3)
    assert len(seen) == 1  # three checks, one change (the first look)


def test_watch_once_command(small_data, tmp_path):
    page = tmp_path / "page.html"
    args = ["watch", "--data", str(small_data), "-o", str(page), "--once"]
    ok = CliRunner().invoke(cli, args)
    assert ok.exit_code == 0, ok.output
    assert f"wrote {page} (5 actors, 5 relations)" in ok.output
    good = page.read_bytes()

    append(small_data / "actors.yaml", BROKEN_KIND)
    broken = CliRunner().invoke(cli, args)
    assert broken.exit_code == 1
    lines = broken.output.splitlines()
    assert lines[0].endswith("actors.yaml:26:11: unknown kind 'persn'; did you mean 'person'?")
    assert f"kept the last good page {page}" in broken.output and "Traceback" not in broken.output
    assert page.read_bytes() == good

    (small_data / "actors.yaml").write_text(
        (small_data / "actors.yaml").read_text(encoding="utf-8").replace("persn", "person"), encoding="utf-8")
    bad_option = CliRunner().invoke(cli, ["watch", "--data", str(small_data), "-o", str(page), "--as-of", "2022-13"])
    assert bad_option.exit_code == 2 and "2022-13" in bad_option.output  # exits at once instead of watching


BROKEN_VOCABULARIES = {
    "missing": None,
    "empty": "",
    "no statuses": "kinds: {person: {label: Person}}\ncategories: {}\nrelation_types: {}\n",
    "statuses without a default": "kinds: {}\ncategories: {}\nstatuses: {}\nrelation_types: {}\n",
}


@pytest.mark.parametrize("case", BROKEN_VOCABULARIES)
def test_a_broken_vocabulary_is_one_error_naming_it(small_data, tmp_path, case):
    vocabulary = small_data / "schema.yaml"
    if BROKEN_VOCABULARIES[case] is None:
        vocabulary.unlink()
    else:
        vocabulary.write_text(BROKEN_VOCABULARIES[case], encoding="utf-8")
    for args in (["validate"], ["watch", "--once", "-o", str(tmp_path / "page.html")]):
        result = CliRunner().invoke(cli, [*args, "--data", str(small_data)])
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        problems = [line for line in result.output.splitlines() if ": " in line and "error(s)" not in line]
        assert len(problems) == 1 and problems[0].startswith(f"{vocabulary}:"), result.output


def test_an_unreadable_vocabulary_is_one_error_naming_it(small_data, monkeypatch):
    from pathlib import Path

    real = Path.read_bytes

    def unreadable(path):
        if path.name == "schema.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    outcome = Watcher(Dataset(small_data), output=small_data.parent / "page.html").check()
    assert isinstance(outcome.error, DataError) and len(outcome.error.problems) == 1
    assert outcome.error.problems[0].file.endswith("schema.yaml")


def test_the_loop_survives_transient_errors(small_data, tmp_path, monkeypatch):
    page = tmp_path / "page.html"
    watcher = Watcher(Dataset(small_data), output=page)
    real_graph = Dataset.graph

    def vanishing(self, cached=True):
        raise FileNotFoundError(2, "No such file or directory", str(small_data / "actors.yaml"))

    monkeypatch.setattr(Dataset, "graph", vanishing)
    seen = []
    watch(watcher, seen.append, interval=0, max_checks=2)
    assert len(seen) == 1 and "actors.yaml" in str(seen[0].error) and not page.exists()
    monkeypatch.setattr(Dataset, "graph", real_graph)
    append(small_data / "actors.yaml", "# saved again\n")
    watch(watcher, seen.append, interval=0, max_checks=1)
    assert seen[-1].error is None and page.exists()


def test_a_yml_file_is_watched(small_data, tmp_path):
    watcher = Watcher(Dataset(small_data), output=tmp_path / "page.html")
    assert watcher.check().page.actors == 5
    (small_data / "more.yml").write_text("actors:\n" + GOOD_ACTOR, encoding="utf-8")
    assert watcher.check().page.actors == 6


def test_the_page_is_never_the_data(small_data):
    with pytest.raises(UsageError, match="refusing to write"):
        Watcher(Dataset(small_data), output=small_data / "actors.yaml")
