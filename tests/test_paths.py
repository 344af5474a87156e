"""Path finding: shortest, all shortest and k shortest paths, claims, parallel relations, filters, dates."""
from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings, strategies as st

from graph import build_graph, load_dataset
from graph.errors import AmbiguousActorError, NotFoundError, UnknownActorError, UsageError
from graph.filters import Filters, user_date
from graph.paths import find_paths

from .conftest import write_dataset

FACT = "Everything in this note is on the record."


def people(*ids: str) -> str:
    return "actors:\n" + "".join(f"  - {{id: {i}, name: {i.title()} Person, kind: person, description: {i}.}}\n"
                                 for i in ids)


def relations(*rows: str) -> str:
    """Relations from ``"from type to key=value ..."`` rows, each citing :data:`FACT`."""
    text = "relations:\n"
    for row in rows:
        source, rtype, target, *extra = row.split()
        text += f"  - {{from: {source}, type: {rtype}, to: {target}, "
        text += "".join(f"{key}: {value!r}, " for key, value in (item.split("=") for item in extra))
        text += f"sources: [{{document: note, quote: {FACT!r}}}]}}\n"
    return text


def graph_of(tmp_path, actors: str, *rows: str) -> nx.MultiDiGraph:
    data = write_dataset(tmp_path, {"actors.yaml": actors, "relations.yaml": relations(*rows)}, {"note": FACT})
    return build_graph(load_dataset(data))


def actors_of(result: dict) -> list[list[str]]:
    return [found["actors"] for found in result["paths"]]


@pytest.fixture
def diamond(tmp_path):
    """a to d in two hops either via b (first hop alleged) or via c (all reported); e claims; f is alone."""
    return graph_of(tmp_path, people("a", "b", "c", "d", "e", "f"),
                    "a associated_with b status=alleged claimed_by=e", "b associated_with d",
                    "a associated_with c", "d associated_with c", "e accused f status=alleged claimed_by=e")


def test_shortest_prefers_fewer_alleged_hops_and_counts_the_ties(diamond):
    result = find_paths(diamond, "a", "d")
    assert actors_of(result) == [["a", "c", "d"]]  # not a-b-d, though b sorts before c
    assert result["shortest_length"] == 2 and result["shortest_count"] == 2
    assert result["paths"][0]["claims"] == 0


def test_all_shortest_lists_every_shortest_path_reported_first(diamond):
    result = find_paths(diamond, "a", "d", all_shortest=True)
    assert actors_of(result) == [["a", "c", "d"], ["a", "b", "d"]]
    assert [found["claims"] for found in result["paths"]] == [0, 1]


def test_hop_walked_backwards_keeps_the_relation_direction(diamond):
    hops = find_paths(diamond, "a", "d")["paths"][0]["hops"]
    assert (hops[1]["from"], hops[1]["to"]) == ("d", "c")  # walked c -> d, written d associated_with c
    assert hops[0] == {"id": "a/associated_with/c", "from": "a", "to": "c", "category": "association",
                       "type": "associated_with", "label": "is associated with", "status": "reported",
                       "claimed_by": None, "role": None, "start": None, "end": None, "date": None,
                       "sources": [{"document": "note", "title": "The note document", "quote": FACT, "page": None}],
                       "also": [],
                       "may_hold": False}


def test_alleged_hop_names_its_claimant(diamond):
    hop = find_paths(diamond, "e", "f")["paths"][0]["hops"][0]
    assert (hop["status"], hop["claimed_by"]) == ("alleged", "e")


def test_reported_only_reroutes_or_finds_nothing(diamond):
    assert actors_of(find_paths(diamond, "a", "b", filters=Filters(reported_only=True))) == [["a", "c", "d", "b"]]
    with pytest.raises(NotFoundError, match="no connection between E Person and F Person "
                                            r"\(reported relations only\)"):
        find_paths(diamond, "e", "f", filters=Filters(reported_only=True))


def test_avoid_reroutes_and_an_avoided_end_is_a_usage_error(diamond):
    assert actors_of(find_paths(diamond, "a", "d", filters=Filters(avoid=frozenset({"c"})))) == [["a", "b", "d"]]
    with pytest.raises(NotFoundError, match="avoiding b, c"):
        find_paths(diamond, "a", "d", filters=Filters(avoid=frozenset({"b", "c"})))
    with pytest.raises(UsageError, match="cannot avoid an end"):
        find_paths(diamond, "a", "d", filters=Filters(avoid=frozenset({"d"})))


def test_unconnected_actor_is_not_found(diamond):
    with pytest.raises(NotFoundError, match=r"no connection between A Person and F Person \(excluding types accused\)$"):
        find_paths(diamond, "a", "f", filters=Filters(exclude_types=frozenset({"accused"})))


def test_a_claimant_is_linked_to_the_parties_of_its_claims(diamond):
    # e claims "a associated_with b": e made allegations about a, so a reaches f through e.
    result = find_paths(diamond, "a", "f")
    assert actors_of(result) == [["a", "e", "f"]] and result["paths"][0]["claims"] == 2
    first = result["paths"][0]["hops"][0]
    assert (first["claimant"], first["about"], first["id"]) == ("e", "a", "a/associated_with/b")
    with pytest.raises(NotFoundError):
        find_paths(diamond, "a", "f", filters=Filters(reported_only=True))


def test_max_hops_limits_the_search(diamond):
    assert find_paths(diamond, "a", "d", max_hops=2)["shortest_length"] == 2
    with pytest.raises(NotFoundError, match="within 1 hop\\)"):
        find_paths(diamond, "a", "d", max_hops=1)


def test_actors_by_name_or_alias_and_bad_names(diamond):
    assert find_paths(diamond, "A PERSON", "d person")["from"] == "a"
    with pytest.raises(UnknownActorError, match="did you mean"):
        find_paths(diamond, "a", "D Persn")
    with pytest.raises(UsageError, match="both ends"):
        find_paths(diamond, "a", "A Person")


def test_ambiguous_name(tmp_path):
    actors = people("x", "y") + "  - {id: x2, name: X Person, kind: person, description: another.}\n"
    graph = graph_of(tmp_path, actors, "x associated_with y")
    with pytest.raises(AmbiguousActorError, match="x, x2"):
        find_paths(graph, "X Person", "y")


def test_parallel_relations_use_the_reported_one_in_the_walked_direction_then_the_smallest_id(tmp_path):
    graph = graph_of(tmp_path, people("x", "y", "z"), "x accused y status=alleged claimed_by=z",
                     "y met_with x", "x criticized y", "x ally_of y")
    hop = find_paths(graph, "y", "x")["paths"][0]["hops"][0]
    assert hop["id"] == "y/met_with/x"
    assert hop["also"] == ["x/ally_of/y", "x/criticized/y", "x/accused/y"]
    assert find_paths(graph, "x", "y")["paths"][0]["hops"][0]["id"] == "x/ally_of/y"
    only_alleged = find_paths(graph, "x", "y", filters=Filters(types=frozenset({"accused"})))
    assert only_alleged["paths"][0]["hops"][0]["status"] == "alleged"


def test_category_and_type_filters(tmp_path):
    graph = graph_of(tmp_path, people("x", "y", "z"), "x sibling_of y", "y works_for z", "x met_with z")
    assert actors_of(find_paths(graph, "x", "z")) == [["x", "z"]]
    family_and_work = Filters(exclude_types=frozenset({"met_with"}))
    assert actors_of(find_paths(graph, "x", "z", filters=family_and_work)) == [["x", "y", "z"]]
    with pytest.raises(NotFoundError, match="categories family"):
        find_paths(graph, "x", "z", filters=Filters(categories=frozenset({"family"})))
    with pytest.raises(NotFoundError, match="excluding categories association, position"):
        find_paths(graph, "x", "z", filters=Filters(exclude_categories=frozenset({"association", "position"})))


def test_directed_follows_relation_direction_but_symmetric_ones_both_ways(tmp_path):
    graph = graph_of(tmp_path, people("boss", "firm", "kin"), "boss heads firm", "kin sibling_of boss")
    assert actors_of(find_paths(graph, "firm", "kin")) == [["firm", "boss", "kin"]]
    assert actors_of(find_paths(graph, "firm", "boss", directed=False)) == [["firm", "boss"]]
    with pytest.raises(NotFoundError, match="following relation direction"):
        find_paths(graph, "firm", "kin", directed=True)
    assert actors_of(find_paths(graph, "boss", "kin", directed=True)) == [["boss", "kin"]]  # sibling_of: symmetric
    assert actors_of(find_paths(graph, "kin", "firm", directed=True)) == [["kin", "boss", "firm"]]


def test_directed_path_met_from_the_target_side(tmp_path):
    # s has three successors, so the search grows from t backwards to meet it at c.
    graph = graph_of(tmp_path, people("s", "a", "b", "c", "m", "t"),
                     "s heads a", "s heads b", "s heads c", "c heads m", "m heads t", "t heads s")
    result = find_paths(graph, "s", "t", directed=True)
    assert actors_of(result) == [["s", "c", "m", "t"]]
    assert [(h["from"], h["to"]) for h in result["paths"][0]["hops"]] == [("s", "c"), ("c", "m"), ("m", "t")]


def test_k_shortest_orders_by_hops_then_claims(tmp_path):
    graph = graph_of(tmp_path, people("s", "p", "q", "r", "t", "w"),
                     "s associated_with t status=alleged claimed_by=w",  # 1 hop, alleged
                     "s associated_with p", "p associated_with t",       # 2 hops
                     "s associated_with q status=alleged claimed_by=w", "q associated_with t",  # 2 hops, 1 alleged
                     "s associated_with r", "r associated_with w", "w associated_with t")        # 3 hops
    result = find_paths(graph, "s", "t", k=5)
    # w claims "s associated_with t" and "s associated_with q": a claim link joins w and s.
    assert actors_of(result) == [["s", "t"], ["s", "p", "t"], ["s", "q", "t"], ["s", "w", "t"], ["s", "r", "w", "t"]]
    assert [found["claims"] for found in result["paths"]] == [1, 0, 1, 1, 0]
    assert result["shortest_count"] == 1
    assert actors_of(find_paths(graph, "s", "t", k=2, max_hops=1)) == [["s", "t"]]
    with pytest.raises(UsageError):
        find_paths(graph, "s", "t", k=2, all_shortest=True)


# The as-of rule (graph/validity.py) at its edges: "old" chairs the council until 2022-01-05, "new"
# from that day; a one-off meeting in 2022-02 holds from then on; a deputy serves until 2022-01.
COUNCIL_ROWS = ("old heads council end=2022-01-05", "new heads council start=2022-01-05",
                "old met_with new date=2022-02", "deputy deputy_head_of council end=2022-01")


@pytest.fixture
def council(tmp_path):
    actors = people("old", "new", "deputy") + "  - {id: council, name: The Council, kind: government_body, " \
                                              "description: A council.}\n"
    return graph_of(tmp_path, actors, *COUNCIL_ROWS)


@pytest.mark.parametrize("as_of, hops", [
    (None, 1),              # undated query: the 2022-02 meeting
    ("2022-01-04", None),   # new not yet in post
    ("2022-01-05", 2),      # same day: old's post ends, new's starts; both hold
    ("2022-01-06", None),   # old's post has ended; the meeting has not happened
    ("2022-01", 2),         # a month holds both posts
    ("2022", 1),            # a year holds the meeting too
    ("2022-02-01", 1),      # the meeting's month: it may have happened
    ("2030", 1),            # an event holds from its date on
    ("2021", None),         # only old's post (open start)
])
def test_as_of_edges(council, as_of, hops):
    filters = Filters(as_of=user_date(as_of)) if as_of else None
    if hops is None:
        with pytest.raises(NotFoundError, match=f"as of {as_of}"):
            find_paths(council, "old", "new", filters=filters)
    else:
        assert find_paths(council, "old", "new", filters=filters)["shortest_length"] == hops


@pytest.mark.parametrize("as_of, kept", [  # what --as-of keeps: holds or may hold
    ("2021", "old deputy"), ("2022-01-04", "old deputy"), ("2022-01-05", "old new deputy"),
    ("2022-01-06", "new deputy"), ("2022-01", "old new deputy"), ("2022-01-31", "new deputy"),
    ("2022-02-01", "new meeting"), ("2022-02", "new meeting"), ("2022", "old new meeting deputy"),
    ("2030", "new meeting"),
])
def test_as_of_keeps_what_the_docs_say(council, as_of, kept):
    names = {"old/heads/council": "old", "new/heads/council@2022-01-05": "new",
             "old/met_with/new@2022-02": "meeting", "deputy/deputy_head_of/council": "deputy"}
    filters = Filters(as_of=user_date(as_of))
    assert {names[key] for _, _, key, data in council.edges(keys=True, data=True) if filters.keeps(data, "reported")} == \
        set(kept.split())


@pytest.mark.parametrize("as_of, found", [("2022-01-31", True), ("2022-02-01", False), ("2022-02", False)])
def test_as_of_partial_end_covers_its_whole_month(council, as_of, found):
    filters = Filters(as_of=user_date(as_of))
    if found:
        assert find_paths(council, "deputy", "council", filters=filters)["shortest_length"] == 1
    else:
        with pytest.raises(NotFoundError):
            find_paths(council, "deputy", "council", filters=filters)


# Property test: on random small graphs, the answers agree with brute force over NetworkX.

def _random_graph(n: int, edges: list[tuple[int, int, bool, bool]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(statuses={"reported": {"label": "Reported", "default": True}, "alleged": {"label": "Alleged"}},
                            documents={})
    graph.add_nodes_from((f"n{i}", {"name": f"N{i}", "kind": "person", "aliases": [], "claims_made": []})
                         for i in range(n))
    for number, (u, v, symmetric, alleged) in enumerate(edges):
        if u != v:
            graph.add_edge(f"n{u}", f"n{v}", f"r{number:02d}", type="met_with" if symmetric else "heads",
                           category="association", label="l", symmetric=symmetric, link="connection", time="state",
                           status="alleged" if alleged else "reported", claimed_by=None, role=None,
                           start=None, end=None, date=None, sources=[])
    return graph


def _simple(graph: nx.MultiDiGraph, directed: bool) -> tuple[nx.Graph, dict]:
    """The walkable pairs, and whether each pair's only relations are claims."""
    simple = nx.DiGraph() if directed else nx.Graph()
    simple.add_nodes_from(graph)
    claim: dict[tuple[str, str], bool] = {}
    for u, v, data in graph.edges(data=True):
        for a, b in [(u, v)] + ([(v, u)] if data["symmetric"] or not directed else []):
            simple.add_edge(a, b)
            claim[a, b] = claim.get((a, b), True) and data["status"] == "alleged"
    return simple, claim


@settings(max_examples=300, deadline=None)
@given(n=st.integers(2, 8), directed=st.booleans(), k=st.integers(1, 6),
       edges=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.booleans(), st.booleans()), max_size=16))
def test_paths_agree_with_brute_force(n, directed, k, edges):
    edges = [(u % n, v % n, s, a) for u, v, s, a in edges]
    graph = _random_graph(n, edges)
    simple, claim = _simple(graph, directed)
    source, target = "n0", f"n{n - 1}"

    def cost(path):
        return len(path) - 1, sum(claim[a, b] for a, b in zip(path, path[1:])), tuple(path)

    every = sorted((cost(p) for p in nx.all_simple_paths(simple, source, target)))
    if not every:
        with pytest.raises(NotFoundError):
            find_paths(graph, source, target, directed=directed)
        return
    shortest = [c for c in every if c[0] == every[0][0]]
    result = find_paths(graph, source, target, directed=directed)
    assert result["shortest_length"] == every[0][0] and result["shortest_count"] == len(shortest)
    assert tuple(result["paths"][0]["actors"]) == shortest[0][2]
    assert [tuple(p) for p in actors_of(find_paths(graph, source, target, directed=directed, all_shortest=True))] \
        == [c[2] for c in shortest]
    assert [tuple(p) for p in actors_of(find_paths(graph, source, target, directed=directed, k=k))] \
        == [c[2] for c in every[:k]]
    for hop, (a, b) in zip(result["paths"][0]["hops"], zip(shortest[0][2], shortest[0][2][1:])):
        assert {hop["from"], hop["to"]} == {a, b} and (hop["status"] == "alleged") == claim[a, b]
        assert hop["from"] == a or not directed or hop["type"] == "met_with"  # against direction: symmetric only
