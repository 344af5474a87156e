"""`actorgraph diff` in a real git repository, each command in its own process: records added, removed and
changed, answers gained and lost, the three outputs and exit codes, and a working tree left as it was."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DOCUMENT = ("Mayor Ana Lind appointed her brother-in-law Tomas Berg to the board of the Westhaven Harbour "
            "Authority. Berg owns Berg Logistics, which won a warehousing contract from the authority. "
            "The authority's chair, Piet Mulder, has led the board since 2019.\n")
ACTORS = """\
actors:
  - {id: ana-lind, name: Ana Lind, kind: person, description: Mayor.}
  - {id: tomas-berg, name: Tomas Berg, kind: person, description: Board member.}
  - {id: authority, name: Westhaven Harbour Authority, kind: government_body, description: The port's board.}
  - {id: berg-logistics, name: Berg Logistics, kind: organization, description: Berg's company.}
"""
APPOINTED = """\
  - from: ana-lind
    to: tomas-berg
    type: appointed
    date: "2024"
    sources: [{document: article, quote: "Mayor Ana Lind appointed her brother-in-law Tomas Berg"}]
"""
MEMBER = """\
  - from: tomas-berg
    to: authority
    type: member_of
    sources: [{document: article, quote: "Tomas Berg to the board of the Westhaven Harbour Authority"}]
"""
OWNS = """\
  - from: tomas-berg
    to: berg-logistics
    type: owns
    sources: [{document: article, quote: "Berg owns Berg Logistics"}]
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "graph", *args] if args[0] != "git" else list(args)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def commit(repo: Path, message: str) -> None:
    assert run("git", "add", "-A", cwd=repo).returncode == 0
    assert run("git", "commit", "-qm", message, cwd=repo).returncode == 0


@pytest.fixture
def repo(tmp_path) -> Path:
    """A map in git: a first commit with the document only, then one with four actors and two relations."""
    assert run("git", "init", "-q", cwd=tmp_path).returncode == 0
    assert run("init", cwd=tmp_path).returncode == 0
    (tmp_path / "article.txt").write_text(DOCUMENT, encoding="utf-8")
    assert run("add", "document", "article.txt", "--id", "article", cwd=tmp_path).returncode == 0
    (tmp_path / "article.txt").unlink()
    commit(tmp_path, "the document")
    (tmp_path / "data" / "map.yaml").write_text(ACTORS + "relations:\n" + APPOINTED + MEMBER, encoding="utf-8")
    commit(tmp_path, "the map")
    return tmp_path


def test_no_change_is_exit_0(repo):
    result = run("diff", cwd=repo)
    assert (result.returncode, result.stdout) == (0, "HEAD → working tree: no change\n")


def test_a_new_relation_and_what_it_connects(repo):
    (repo / "data" / "map.yaml").write_text(ACTORS + "relations:\n" + APPOINTED + MEMBER + OWNS, encoding="utf-8")
    result = run("diff", "--json", cwd=repo)
    assert result.returncode == 1, result.stderr
    found = json.loads(result.stdout)
    assert found["relations"]["added"] == [{"id": "tomas-berg/owns/berg-logistics", "from": "tomas-berg",
                                            "type": "owns", "to": "berg-logistics"}]
    assert found["answers"]["connected"] == [["ana-lind", "berg-logistics", 2], ["authority", "berg-logistics", 2],
                                             ["berg-logistics", "tomas-berg", 1]]
    assert found["actors"] == {"added": [], "removed": [], "changed": []}


def test_changed_dates_status_and_quotes_are_changes_of_the_same_relation(repo):
    changed = APPOINTED.replace('date: "2024"', 'date: "2024-03"').replace(
        "Mayor Ana Lind appointed her brother-in-law Tomas Berg", "appointed her brother-in-law Tomas Berg")
    (repo / "data" / "map.yaml").write_text(ACTORS.replace("description: Mayor.", "description: Mayor of Westhaven.")
                                            + "relations:\n" + changed + MEMBER, encoding="utf-8")
    result = run("diff", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "HEAD → working tree: 2 change(s)",
        "~ actor ana-lind (description: Mayor. → Mayor of Westhaven.)",
        "~ relation ana-lind appointed tomas-berg (date: 2024 → 2024-03; - article: “Mayor Ana Lind appointed her "
        "brother-in-law Tomas Berg”; + article: “appointed her brother-in-law Tomas Berg”)",
    ]


def test_a_removed_relation_disconnects_and_markdown_says_so(repo):
    (repo / "data" / "map.yaml").write_text(ACTORS + "relations:\n" + APPOINTED, encoding="utf-8")
    result = run("diff", "--markdown", cwd=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "### actorgraph diff `HEAD` → `working tree`", "",
        "- `-` relation tomas-berg member_of authority",
        "- `-` ana-lind and authority no longer connected (were 2 hops apart)",
        "- `-` authority and tomas-berg no longer connected (were 1 hop apart)",
    ]


def test_two_revisions_documents_added_and_the_working_tree_untouched(repo):
    (repo / "data" / "map.yaml").write_text("# being edited\n", encoding="utf-8")
    before = run("git", "status", "--porcelain", cwd=repo).stdout
    stamps = {p: p.stat().st_mtime_ns for p in repo.rglob("*") if ".git" not in p.parts}
    result = run("diff", "HEAD~1", "HEAD", "--json", cwd=repo)
    assert result.returncode == 1, result.stderr
    found = json.loads(result.stdout)
    assert (found["from"], found["to"]) == ("HEAD~1", "HEAD")
    assert found["actors"]["added"] == ["ana-lind", "authority", "berg-logistics", "tomas-berg"]
    first = json.loads(run("diff", "HEAD~1", "--json", cwd=repo).stdout)  # against the map being edited
    assert first["documents"] == {"added": [], "removed": [], "changed": []}
    assert run("git", "status", "--porcelain", cwd=repo).stdout == before
    assert {p: p.stat().st_mtime_ns for p in repo.rglob("*") if ".git" not in p.parts} == stamps


def test_a_shortcut_makes_a_path_shorter(repo):
    shortcut = MEMBER.replace("tomas-berg", "ana-lind").replace(
        "Tomas Berg to the board of the Westhaven Harbour Authority", "the board of the Westhaven Harbour Authority")
    (repo / "data" / "map.yaml").write_text(ACTORS + "relations:\n" + APPOINTED + MEMBER + shortcut, encoding="utf-8")
    found = json.loads(run("diff", "--json", cwd=repo).stdout)
    assert found["answers"]["shorter"] == [["ana-lind", "authority", 2, 1]]


def test_bad_revision_and_invalid_data_at_a_revision(repo):
    bad = run("diff", "no-such-branch", cwd=repo)
    assert bad.returncode == 2 and len(bad.stderr.splitlines()) == 1 and "'no-such-branch' is not a commit" in bad.stderr
    (repo / "data" / "map.yaml").write_text(ACTORS + "relations:\n" + APPOINTED.replace("appointed\n", "apointed\n"),
                                            encoding="utf-8")
    commit(repo, "a typo")
    broken = run("diff", "HEAD", "HEAD~1", cwd=repo)
    assert broken.returncode == 1
    assert broken.stderr.startswith("HEAD:data/map.yaml:9:11: unknown relation type 'apointed'")


def test_outside_a_git_repository_is_a_usage_error(tmp_path):
    assert run("init", cwd=tmp_path).returncode == 0
    result = run("diff", cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and "git" in result.stderr
