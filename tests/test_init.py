"""`actorgraph init`: a new map from nothing, in real processes; never over an existing one."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from graph.load import load_vocabulary

REPO = Path(__file__).resolve().parent.parent
STARTER = REPO / "graph" / "starter"


def actorgraph(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_init_makes_a_valid_empty_map_of_four_files(tmp_path):
    result = actorgraph("init", "new-map", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    made = tmp_path / "new-map"
    assert set(files_under(made)) == {"data/schema.yaml", "data/dataset.yaml", "seeds/sources.yaml", "README.md"}
    assert "title: New map" in (made / "data" / "dataset.yaml").read_text(encoding="utf-8")
    validated = actorgraph("validate", cwd=made)
    assert (validated.returncode, validated.stdout) == (0, "valid: 0 actors, 0 relations, 0 documents\n")


def test_init_here_with_a_title(tmp_path):
    result = actorgraph("init", "--title", "Port contracts: who won them", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "title: 'Port contracts: who won them'" in (tmp_path / "data" / "dataset.yaml").read_text(encoding="utf-8")


def test_init_refuses_an_existing_map_in_one_line_and_changes_nothing(tmp_path):
    assert actorgraph("init", "m", cwd=tmp_path).returncode == 0
    (tmp_path / "m" / "data" / "people.yaml").write_text("actors: []\n", encoding="utf-8")
    before = files_under(tmp_path / "m")
    result = actorgraph("init", "m", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "Error: refusing to create a map in m: m/data already exists; choose an empty folder\n"
    assert files_under(tmp_path / "m") == before


def test_init_refuses_a_folder_with_a_readme_or_a_seeds_folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "README.md").write_text("mine\n", encoding="utf-8")
    (tmp_path / "b" / "seeds").mkdir(parents=True)
    for folder, clash in (("a", "a/README.md"), ("b", "b/seeds")):
        result = actorgraph("init", folder, cwd=tmp_path)
        assert result.returncode == 2 and clash in result.stderr and len(result.stderr.splitlines()) == 1
    assert files_under(tmp_path) == {"a/README.md": b"mine\n"}


def test_the_starter_vocabulary_is_valid_and_tells_no_other_story():
    vocabulary = load_vocabulary(STARTER)
    assert {"person", "organization"} <= set(vocabulary.kinds) and len(vocabulary.relation_types) > 40
    text = (STARTER / "schema.yaml").read_text(encoding="utf-8")
    assert not re.search(r"kazakh|nazarba|tokayev|masimov|massimov|csto|january|curat", text, re.I)



def test_the_starter_vocabulary_is_the_shipped_one_without_its_story():
    # The same kinds, types, statuses and cue phrases, so a new map suggests relations as well.
    assert load_vocabulary(STARTER) == load_vocabulary(REPO / "data")


def test_a_missing_vocabulary_points_to_init(tmp_path):
    (tmp_path / "data").mkdir()
    result = actorgraph("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "data/schema.yaml:1:1: vocabulary file missing" in result.stderr and "'actorgraph init'" in result.stderr
