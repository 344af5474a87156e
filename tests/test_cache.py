"""The graph cache: used only while every file read is unchanged, never for invalid or changing data."""
from __future__ import annotations

import os
import time

import networkx as nx
import pytest

from graph import build_graph, load_dataset
from graph.cache import cached_graph
from graph.dataset import Dataset
from graph.errors import DataError


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ACTORGRAPH_CACHE", str(folder))
    return folder


def age(root) -> None:
    """Date every file under ``root`` a minute back, as files not being edited right now."""
    past = time.time() - 60
    for path in root.rglob("*"):
        os.utime(path, (past, past))


class Loads:
    """A build function that counts how often the data was really loaded."""

    def __init__(self, data):
        self.data, self.count = data, 0

    def __call__(self) -> nx.MultiDiGraph:
        self.count += 1
        return build_graph(load_dataset(self.data))


def test_unchanged_data_is_loaded_once(small_data, cache):
    age(small_data.parent)
    loads = Loads(small_data)
    first, second = cached_graph(Dataset(small_data), loads), cached_graph(Dataset(small_data), loads)
    assert loads.count == 1 and len(list(cache.iterdir())) == 1
    assert nx.utils.graphs_equal(first, second) and second.graph == first.graph


@pytest.mark.parametrize("change", ["edit data", "add data", "remove data", "edit document", "edit sources"])
def test_any_change_to_a_file_read_reloads(small_data, cache, change):
    seeds = small_data.parent / "seeds"
    age(small_data.parent)
    loads = Loads(small_data)
    cached_graph(Dataset(small_data), loads)
    if change == "edit data":
        path = small_data / "actors.yaml"
        path.write_text(path.read_text().replace("A critic.", "A harsh critic."))
    elif change == "add data":
        (small_data / "more.yaml").write_text("actors: []\n")
    elif change == "remove data":
        (small_data / "relations.yaml").unlink()
    elif change == "edit document":
        (seeds / "doc.txt").write_text((seeds / "doc.txt").read_text() + "More.\n")
    else:
        (seeds / "sources.yaml").write_text((seeds / "sources.yaml").read_text().replace("The doc", "A doc"))
    age(small_data.parent)  # same old dates: only the content tells
    graph = cached_graph(Dataset(small_data), loads)
    assert loads.count == 2
    if change == "edit data":
        assert graph.nodes["dan"]["description"] == "A harsh critic."


def test_files_changed_while_loading_are_not_cached(small_data, cache):
    loads = Loads(small_data)  # write_dataset has just written every file
    cached_graph(Dataset(small_data), loads)
    cached_graph(Dataset(small_data), loads)
    assert loads.count == 2 and not cache.exists()


def test_invalid_data_is_never_cached(small_data, cache):
    (small_data / "bad.yaml").write_text("relations:\n  - {from: alice, to: nobody, type: met_with, sources: []}\n")
    age(small_data.parent)
    for _ in range(2):
        with pytest.raises(DataError):
            cached_graph(Dataset(small_data), Loads(small_data))
    assert not cache.exists()


def test_cache_off_and_broken_cache_files(small_data, cache, monkeypatch):
    age(small_data.parent)
    loads = Loads(small_data)
    cached_graph(Dataset(small_data), loads)
    for path in cache.iterdir():
        path.write_bytes(b"not a pickle")
    assert cached_graph(Dataset(small_data), loads).number_of_nodes() == 5 and loads.count == 2
    monkeypatch.setenv("ACTORGRAPH_CACHE", "off")
    cached_graph(Dataset(small_data), loads)
    assert loads.count == 3


def test_unwritable_cache_is_ignored(small_data, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("ACTORGRAPH_CACHE", str(blocker / "cache"))  # cannot be created
    age(small_data.parent)
    assert cached_graph(Dataset(small_data), Loads(small_data)).number_of_nodes() == 5


class Planted:
    """Unpickling this creates ``marker``: what a hostile file in a shared cache folder could do."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return open, (str(self.marker), "w")


def test_a_planted_pickle_is_never_executed(small_data, cache, tmp_path):
    import hashlib
    import pickle

    age(small_data.parent)
    marker = tmp_path / "executed"
    key = hashlib.sha256(f"{small_data.resolve()}\0{(small_data.parent / 'seeds').resolve()}".encode()).hexdigest()[:24]
    cache.mkdir(mode=0o700)
    for name in (f"{key}.pickle", f"{key}.json"):  # where the cache file is, then and now
        (cache / name).write_bytes(pickle.dumps(Planted(marker)) * 2)
        (cache / name).chmod(0o600)
    loads = Loads(small_data)
    assert cached_graph(Dataset(small_data), loads).number_of_nodes() == 5
    assert not marker.exists() and loads.count == 1


def test_cache_file_is_json_readable_only_by_its_owner(small_data, cache):
    import json

    age(small_data.parent)
    cached_graph(Dataset(small_data), Loads(small_data))
    [path] = cache.iterdir()
    header, graph = path.read_text(encoding="utf-8").split("\n", 1)
    assert json.loads(header)["inputs"] and json.loads(graph)["nodes"]
    assert path.stat().st_mode & 0o777 == 0o600 and cache.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("loosened", ["folder", "file"])
def test_a_cache_others_could_have_written_is_not_trusted(small_data, cache, loosened):
    age(small_data.parent)
    loads = Loads(small_data)
    cached_graph(Dataset(small_data), loads)
    [path] = cache.iterdir()
    (cache if loosened == "folder" else path).chmod(0o777 if loosened == "folder" else 0o666)
    cached_graph(Dataset(small_data), loads)
    assert loads.count == 2


def test_a_yml_data_file_is_part_of_the_cache_key(small_data, cache):
    age(small_data.parent)
    loads = Loads(small_data)
    cached_graph(Dataset(small_data), loads)
    (small_data / "more.yml").write_text("actors: []\n")
    age(small_data.parent)
    cached_graph(Dataset(small_data), loads)
    assert loads.count == 2
