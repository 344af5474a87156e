"""The graph built from a dataset: nodes, edge keys, and every relation field on the edge."""
from graph import build_graph, load_dataset


def test_small_dataset_builds_multidigraph_with_relation_ids_as_keys(small_data):
    graph = build_graph(load_dataset(small_data))
    assert graph.is_multigraph() and graph.is_directed()
    assert set(graph) == {"alice", "bob", "carol", "dan", "council"}
    assert graph.nodes["alice"]["aliases"] == ["Alice"]
    edge = graph.edges["alice", "council", "alice/heads/council#chair"]
    assert edge["category"] == "position" and edge["label"] == "heads" and edge["inverse_label"] == "is headed by"
    assert edge["end"] == "2022-01-05" and edge["start"] is None and edge["role"] == "Chair"
    assert edge["sources"] == [{"document": "doc", "quote": "Alice Example, the chair of the Example Council"}]
    alleged = graph.edges["dan", "bob", "dan/accused/bob"]
    assert alleged["status"] == "alleged" and alleged["claimed_by"] == "dan"
    assert graph.edges["alice", "bob", "alice/sibling_of/bob"]["symmetric"] is True
    assert graph.graph["documents"]["doc"]["title"] == "The doc document"
