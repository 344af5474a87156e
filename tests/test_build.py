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
    assert edge["sources"] == [{"document": "doc", "quote": "Alice Example, the chair of the Example Council",
                                "page": None}]
    alleged = graph.edges["dan", "bob", "dan/accused/bob"]
    assert alleged["status"] == "alleged" and alleged["claimed_by"] == "dan"
    assert graph.edges["alice", "bob", "alice/sibling_of/bob"]["symmetric"] is True
    assert graph.graph["documents"]["doc"]["title"] == "The doc document"


def test_export_json_has_the_documented_fields_and_reads_back(small_data, tmp_path):
    import json

    import networkx as nx
    from click.testing import CliRunner

    from graph.cli import cli
    from graph.export import EDGE_FIELDS, NODE_FIELDS

    out = tmp_path / "graph.json"
    result = CliRunner().invoke(cli, ["export", "--data", str(small_data), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert all(set(NODE_FIELDS) <= node.keys() for node in data["nodes"])
    assert all(set(EDGE_FIELDS) <= edge.keys() for edge in data["edges"])
    alleged = next(e for e in data["edges"] if e["status"] == "alleged")
    assert (alleged["source"], alleged["target"], alleged["claimed_by"]) == ("dan", "bob", "dan")
    assert alleged["sources"] == [{"document": "doc", "quote": "According to Dan Critic, Bob Example took bribes.",
                                   "page": None}]
    back = nx.node_link_graph(data, edges="edges")
    assert back.number_of_edges() == 5 and back.is_multigraph()
    stdout = CliRunner().invoke(cli, ["export", "--data", str(small_data)])
    assert json.loads(stdout.output) == data
