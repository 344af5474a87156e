"""The synthetic dataset generator used by the benchmarks: valid, varied and reproducible."""
from __future__ import annotations

import runpy
from collections import Counter

import pytest

from graph import load_dataset

from .conftest import REPO

generate = runpy.run_path(str(REPO / "scripts" / "synthetic.py"))["generate"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    return root, generate(root, actors=200, relations=800, seed=7)


def _files(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generated_dataset_is_valid_with_the_requested_counts(synthetic):
    root, data = synthetic
    assert data == root / "data" and (data / "schema.yaml").read_bytes() == (REPO / "data" / "schema.yaml").read_bytes()
    dataset = load_dataset(data, root / "seeds")
    assert len(dataset.actors) == 200 and len(dataset.relations) == 800
    assert len(dataset.documents) == 3  # one per 250 relations by default


def test_generated_dataset_has_the_shapes_of_real_data(synthetic):
    root, data = synthetic
    dataset = load_dataset(data, root / "seeds")
    relations = dataset.relations
    assert set(Counter(a.kind for a in dataset.actors.values())) == set(dataset.schema.kinds)
    assert any(a.aliases for a in dataset.actors.values()) and any(a.tags for a in dataset.actors.values())
    assert set(Counter(r.status for r in relations)) == set(dataset.schema.statuses)
    assert all(r.claimed_by for r in relations if dataset.schema.statuses[r.status].requires_claimant)
    assert len(Counter(r.type for r in relations)) > 20
    assert any(r.symmetric for r in map(dataset.schema.relation_types.get, (r.type for r in relations)))
    assert any(r.role for r in relations) and any(r.note for r in relations)
    assert any(r.date for r in relations) and any(r.start and r.end for r in relations)
    assert {len(str(r.date)) for r in relations if r.date} == {4, 7, 10}  # year, month and day precision
    assert any(len(r.sources) == 2 for r in relations)
    assert any("/" not in r.id for r in relations)  # some relations carry an explicit id


def test_same_seed_gives_identical_files_and_another_seed_does_not(synthetic, tmp_path):
    root, _ = synthetic
    generate(tmp_path / "same", actors=200, relations=800, seed=7)
    generate(tmp_path / "other", actors=200, relations=800, seed=8)
    assert _files(tmp_path / "same") == _files(root)
    assert _files(tmp_path / "other") != _files(root)


def test_relations_are_split_into_files_of_ten_thousand(tmp_path):
    data = generate(tmp_path, actors=400, relations=10_001, documents=2)
    assert [p.name for p in sorted((data / "relations").iterdir())] == ["relations-001.yaml", "relations-002.yaml"]
    assert (data / "relations" / "relations-002.yaml").read_text(encoding="utf-8").count("\n  - from:") == 1


def test_too_few_actors_is_refused(tmp_path):
    with pytest.raises(ValueError, match="at least 16 actors"):
        generate(tmp_path, actors=5, relations=10)
