"""show, search, neighbors, common, brokers and timeline, on small hand-built datasets and the shipped data."""
from __future__ import annotations

import pytest

from graph import build_graph, load_dataset
from graph.errors import NotFoundError, UsageError
from graph.filters import Filters, user_date
from graph.queries import brokers, common, neighbors, profile, search, timeline

from .test_paths import graph_of, people


@pytest.fixture
def small_graph(small_data):
    """alice-bob siblings; alice heads the council until 2022-01-05 and dismissed carol on that day;
    dan accuses bob (alleged); carol met bob in 2021."""
    return build_graph(load_dataset(small_data))


def ids(rows: list[dict]) -> list[str]:
    return [row["id"] for row in rows]


def test_profile_groups_relations_by_category_in_date_order(small_graph):
    found = profile(small_graph, "ALICE")
    assert (found["id"], found["name"], found["kind_label"], found["aliases"]) == \
        ("alice", "Alice Example", "Person", ["Alice"])
    assert found["description"] == "Chair of the Example Council."
    assert [(g["category"], ids(g["relations"])) for g in found["relations"]] == [
        ("family", ["alice/sibling_of/bob"]),
        ("position", ["alice/heads/council#chair"]),
        ("appointment", ["alice/dismissed/carol@2022-01-05"])]
    assert found["relations"][1]["label"] == "Position / occupancy"
    assert found["relations"][0]["relations"][0]["sources"][0]["quote"] == "is the sister of Bob Example"


def test_profile_date_order_puts_undated_last(tmp_path):
    graph = graph_of(tmp_path, people("p", "q", "r", "s"), "p met_with q", "p met_with r date=2020-05",
                     "p met_with s date=2020")
    relations = profile(graph, "p")["relations"][0]["relations"]
    assert ids(relations) == ["p/met_with/s@2020", "p/met_with/r@2020-05", "p/met_with/q"]


def test_profile_with_filters(small_graph):
    found = profile(small_graph, "alice", Filters(as_of=user_date("2022-01-06")))
    assert [r["id"] for g in found["relations"] for r in g["relations"]] == \
        ["alice/sibling_of/bob", "alice/dismissed/carol@2022-01-05"]


@pytest.mark.parametrize("text, first, match", [
    ("Carol Sample", "carol", "exact"),
    ("carol", "carol", "exact"),        # alias
    ("ÁLICE EX", "alice", "prefix"),    # case and diacritics ignored
    ("sample", "carol", "word"),
    ("xampl", "alice", "part"),
    ("Alise", "alice", "similar"),
    ("deputy", "carol", "description"),
])
def test_search_finds_by_name_alias_or_description(small_graph, text, first, match):
    hits = search(small_graph, text)
    assert (hits[0]["id"], hits[0]["match"]) == (first, match)


def test_search_ranks_names_before_descriptions(small_graph):
    hits = search(small_graph, "example")
    assert [(h["id"], h["match"]) for h in hits] == [("council", "prefix"), ("alice", "word"), ("bob", "word")]
    hits = search(small_graph, "alice")  # Bob's description: "Alice's brother."
    assert [(h["id"], h["match"]) for h in hits] == [("alice", "exact"), ("bob", "description")]


def test_search_nothing_and_empty(small_graph):
    with pytest.raises(NotFoundError, match="nothing matches 'zebra'"):
        search(small_graph, "zebra")
    with pytest.raises(UsageError):
        search(small_graph, " - ")


def test_neighbors_within_depth_with_the_relation_that_brings_each_in(small_graph):
    first = neighbors(small_graph, "carol")
    assert [(n["id"], n["distance"], n["via"]) for n in first["neighbors"]] == [("alice", 1, "carol"),
                                                                               ("bob", 1, "carol")]
    assert first["neighbors"][0]["relation"]["id"] == "alice/dismissed/carol@2022-01-05"
    second = neighbors(small_graph, "carol", depth=2)["neighbors"]
    assert [(n["id"], n["distance"], n["via"]) for n in second] == [
        ("alice", 1, "carol"), ("bob", 1, "carol"), ("dan", 2, "bob"), ("council", 2, "alice")]


def test_neighbors_prefers_reported_relations_to_bring_an_actor_in(tmp_path):
    # z is reached from x (alleged) and from y (reported): the reported one brings it in.
    graph = graph_of(tmp_path, people("w", "x", "y", "z"), "w met_with x", "w met_with y",
                     "x accused z status=alleged claimed_by=w", "y met_with z")
    z = neighbors(graph, "w", depth=2, filters=Filters(exclude_types=frozenset({"accused"})))["neighbors"][-1]
    assert (z["id"], z["via"], z["relation"]["id"]) == ("z", "y", "y/met_with/z")


def test_neighbors_none_within_filters(small_graph):
    with pytest.raises(NotFoundError, match=r"Dan Critic has no relations \(reported relations only\)"):
        neighbors(small_graph, "dan", filters=Filters(reported_only=True))


def test_common_lists_actors_linked_to_both(small_graph):
    found = common(small_graph, "alice", "bob")
    assert ids(found["common"]) == ["carol"]
    assert found["common"][0]["with_a"]["id"] == "alice/dismissed/carol@2022-01-05"
    assert found["common"][0]["with_b"]["id"] == "carol/met_with/bob@2021"
    with pytest.raises(NotFoundError, match="linked to both Alice Example and Bob Example \\(as of 2020\\)"):
        common(small_graph, "alice", "bob", Filters(as_of=user_date("2020")))
    with pytest.raises(UsageError):
        common(small_graph, "alice", "Alice")


def test_common_lists_reported_links_first(tmp_path):
    graph = graph_of(tmp_path, people("a", "b", "m", "n"), "a met_with m status=alleged claimed_by=n",
                     "b met_with m", "a met_with n", "b met_with n")
    assert ids(common(graph, "a", "b")["common"]) == ["n", "m"]


def test_brokers_ranks_the_bridge_first(tmp_path):
    # Two triangles joined only through "bridge".
    graph = graph_of(tmp_path, people("a1", "a2", "a3", "bridge", "b1", "b2", "b3"),
                     "a1 met_with a2", "a2 met_with a3", "a3 met_with a1", "b1 met_with b2", "b2 met_with b3",
                     "b3 met_with b1", "a1 met_with bridge", "bridge met_with b1")
    ranked = brokers(graph, top=3)
    assert [(r["id"], r["degree"]) for r in ranked] == [("bridge", 2), ("a1", 3), ("b1", 3)]
    assert ranked[0]["betweenness"] > ranked[1]["betweenness"] > 0
    without = brokers(graph, top=1, filters=Filters(avoid=frozenset({"bridge"})))
    assert without[0]["betweenness"] == 0


def test_timeline(tmp_path):
    graph = graph_of(tmp_path, people("old", "new", "x"), "old heads x end=2022-01-05",
                     "new heads x start=2022-01-05", "old met_with new date=2022-01", "new met_with x date=2019",
                     "old sibling_of x")
    events = timeline(graph)
    assert [(e["date"], e["event"], e["relation"]["id"]) for e in events] == [
        ("2019", "on", "new/met_with/x@2019"),
        ("2022-01", "on", "old/met_with/new@2022-01"),
        ("2022-01-05", "start", "new/heads/x@2022-01-05"),
        ("2022-01-05", "end", "old/heads/x")]
    assert [e["event"] for e in timeline(graph, "old")] == ["on", "end"]
    assert [e["date"] for e in timeline(graph, filters=Filters(as_of=user_date("2020")))] == ["2019", "2022-01-05"]
    with pytest.raises(NotFoundError, match="no dated relations of X Person \\(types sibling_of\\)"):
        timeline(graph, "x", Filters(types=frozenset({"sibling_of"})))


# The shipped data: answers a reader can check against the documents in seeds/.

def test_shipped_search_by_alias_spellings(shipped_graph):
    for spelling in ("nazarbaev", "Nazarbayev", "NAZARBAYEV", "Nursultan Nazarbáev"):
        assert search(shipped_graph, spelling)[0]["id"] == "nursultan-nazarbayev"


def test_shipped_profile_of_samat_abish(shipped_graph):
    found = profile(shipped_graph, "Samat Abish")
    family = next(g for g in found["relations"] if g["category"] == "family")
    # "His nephew, Samat Abish, sat as Deputy Chairman of the National Security Committee."
    assert "samat-abish/nephew_of/nursultan-nazarbayev" in ids(family["relations"])


def test_shipped_common_ground_of_the_two_nephews(shipped_graph):
    shared = ids(common(shipped_graph, "samat-abish", "kairat-satybaldy")["common"])
    assert {"nursultan-nazarbayev", "national-security-committee"} <= set(shared)


def test_shipped_neighbors_of_the_security_council_change_on_5_january_2022(shipped_graph):
    def heads(as_of):
        found = neighbors(shipped_graph, "security-council", filters=Filters(as_of=user_date(as_of)))
        return {n["id"] for n in found["neighbors"] if n["relation"]["type"] == "heads"}
    assert heads("2022-01-04") == {"nursultan-nazarbayev"}
    assert heads("2022-01-06") == {"kassym-jomart-tokayev"}


def test_shipped_timeline_of_tokayev_is_in_date_order(shipped_graph):
    events = timeline(shipped_graph, "tokayev")
    firsts = [user_date(e["date"]).first for e in events]
    assert firsts == sorted(firsts)
    assert ("2022-01-05", "start", "security-council") in {(e["date"], e["event"], e["relation"]["to"]) for e in events}


def test_shipped_brokers_include_tokayev(shipped_graph):
    assert "kassym-jomart-tokayev" in ids(brokers(shipped_graph, top=5))
