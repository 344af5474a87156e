"""The explorer page as Python builds it: self-contained, data embedded safely, the right part of the
graph, and the ``render`` command. What the page does in a browser is in test_browser.py."""
from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
import math
import random
import re
import statistics
from html import unescape

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from graph import build_graph, load_dataset
from graph.cli import cli
from graph.errors import NotFoundError, UnknownActorError, UsageError
from graph.filters import Filters
from graph.quotes import normalize as normalize_quote
from graph.render import MAX_ACTORS, build_page, layout as layout_module
from graph.render.layout import layout
from graph.render.page import SCRIPTS, script_json
from graph.render.records import curves, footprints

from .conftest import SMALL_ACTORS, write_dataset

DATA_BLOCK = re.compile(r'<script type="application/json" id="actorgraph-data">(.*?)</script>', re.S)
CANARY_NAME = '<img src=x onerror="window.__xss=1">'
CANARY_QUOTE = "</script><script>window.__xss=2</script>"


def embedded(html: str) -> dict:
    """The data the page embeds, read back as the page's JSON.parse would."""
    blocks = DATA_BLOCK.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def small_graph(small_data):
    return build_graph(load_dataset(small_data))


def canary_dataset(root):
    """A dataset whose every text field tries to run script: markup in names, quotes, descriptions."""
    document = f"Harmless text. {CANARY_QUOTE} And the victim met the attacker.\n"
    return write_dataset(root, {"actors.yaml": f"""\
        actors:
          - id: attacker
            name: '{CANARY_NAME}'
            kind: person
            aliases: ['<svg onload=window.__xss=5>']
            description: 'See [this](javascript:window.__xss=3) or <a href="javascript:window.__xss=4">here</a> & more'
          - id: victim
            name: Victim "Quoted" Person
            kind: organization
            description: Plain.
        """, "relations.yaml": f"""\
        relations:
          - from: attacker
            to: victim
            type: met_with
            role: '<b onmouseover=window.__xss=6>role</b>'
            note: '<script>window.__xss=7</script>'
            sources: [{{document: doc, quote: '{CANARY_QUOTE}'}}]
        """}, {"doc": document})


# ---------------------------------------------------------------- the page is self-contained and safe

def test_page_inlines_vis_network_and_loads_nothing_from_anywhere(small_graph):
    html = build_page(small_graph).html
    assert "@version 9.1.2" in html  # vis-network from the pyvis package, inlined
    references = re.findall(r"<[a-z]+\b[^>]*\b(?:src|href|srcset|action)\s*=\s*[\"']?([^\"' >]*)", html, re.I)
    assert references == ["data:,"]  # the empty favicon, so that the browser asks for none
    assert "@import" not in html
    policy = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1))
    script_sources = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "default-src 'none'" in policy and "unsafe" not in script_sources
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 1 + len(SCRIPTS)  # vis-network and the explorer's files; each allowed by its hash alone
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


@given(st.text())
def test_script_json_leaves_nothing_that_can_end_a_script_and_reads_back(text):
    encoded = script_json({"text": text, "list": [text]})
    assert not set(encoded) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(encoded) == {"text": text, "list": [text]}


def test_hostile_text_is_only_ever_data(tmp_path):
    graph = build_graph(load_dataset(canary_dataset(tmp_path)))
    html = build_page(graph, focus="attacker").html
    assert "<img src=x" not in html and "<svg onload" not in html and "window.__xss=2</script>" not in html
    assert "javascript:" not in html.split('id="actorgraph-data"')[0]  # only inside the JSON data
    assert "<h1>actorgraph: around &lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;</h1>" in html
    data = embedded(html)
    assert {n["name"] for n in data["nodes"]} == {CANARY_NAME, 'Victim "Quoted" Person'}
    assert data["edges"][0]["sources"][0]["quote"] == CANARY_QUOTE


def test_page_is_utf8_and_the_callers_graph_is_left_alone(tmp_path):
    data_dir = write_dataset(tmp_path, {"actors.yaml": """\
        actors:
          - id: nazarbayev
            name: Нурсултан Назарбаев
            kind: person
            description: Первый президент.
          - id: council
            name: Example Council
            kind: government_body
            description: A council.
        """, "relations.yaml": """\
        relations:
          - {from: nazarbayev, to: council, type: heads, sources: [{document: doc, quote: He is the chair.}]}
          - {from: nazarbayev, to: council, type: member_of, sources: [{document: doc, quote: He is the chair.}]}
        """}, {"doc": "He is the chair.\n"})
    graph = build_graph(load_dataset(data_dir))
    before = (copy.deepcopy(graph.graph), list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)))
    out = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["render", "--data", str(data_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Нурсултан Назарбаев" in out.read_bytes().decode("utf-8")
    build_page(graph, focus="nazarbayev", path=("nazarbayev", "council"))
    assert (graph.graph, list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))) == before


# ---------------------------------------------------------------- what the page holds

def test_embedded_records_match_the_graph(small_graph):
    data = embedded(build_page(small_graph).html)
    assert {n["id"] for n in data["nodes"]} == set(small_graph)
    assert {e["id"] for e in data["edges"]} == {k for _, _, k in small_graph.edges(keys=True)}
    alice = next(n for n in data["nodes"] if n["id"] == "alice")
    assert (alice["name"], alice["aliases"], alice["degree"]) == ("Alice Example", ["Alice"], 3)
    heads = next(e for e in data["edges"] if e["type"] == "heads")
    assert (heads["from"], heads["to"], heads["when"], heads["role"]) == ("alice", "council", "until 5 January 2022", "Chair")
    assert heads["sources"] == [{"document": "doc", "title": "The doc document", "author": None, "at": None,  # at: no seeds
                                 "quote": "Alice Example, the chair of the Example Council", "page": None}]  # folder given
    accused = next(e for e in data["edges"] if e["status"] == "alleged")
    assert (accused["claimed_by"], accused["claimant"], accused["inverse_label"]) == ("dan", "Dan Critic", "was accused by")
    assert [e["type"] for e in data["edges"]] == ["met_with", "heads", "dismissed", "sibling_of", "accused"]
    assert data["kinds"].keys() == {"person", "government_body"} and data["default_status"] == "reported"


def test_relations_between_the_same_actors_bend_apart(tmp_path):
    data_dir = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "relations.yaml": """\
        relations:
          - {from: alice, to: bob, type: sibling_of, sources: [{document: doc, quote: is the sister of Bob Example}]}
          - {from: bob, to: alice, type: met_with, sources: [{document: doc, quote: is the sister of Bob Example}]}
          - {from: alice, to: bob, type: appointed, sources: [{document: doc, quote: is the sister of Bob Example}]}
          - {from: alice, to: carol, type: dismissed, sources: [{document: doc, quote: Alice dismissed Carol Sample}]}
        """})
    edges = embedded(build_page(build_graph(load_dataset(data_dir))).html)["edges"]
    between = [e for e in edges if {e["from"], e["to"]} == {"alice", "bob"}]
    # as drawn from alice towards bob: a relation from bob bends the other way round
    sides = sorted(e["curve"] if e["from"] == "alice" else -e["curve"] for e in between)
    assert len(set(sides)) == 3 and sides[1] == 0
    assert next(e for e in edges if e["to"] == "carol")["curve"] == 0


def test_curves_for_many_parallel_relations_are_all_different():
    records = [{"from": "a", "to": "b"}] * 3 + [{"from": "b", "to": "a"}] * 3
    seen = [c if r["from"] == "a" else -c for r, c in zip(records, curves(records))]
    assert len(set(seen)) == 6 and all(abs(c) <= 0.9 for c in seen)


def test_filters_narrow_the_page_and_as_of_starts_the_date_filter(small_graph):
    filters = Filters.from_options(small_graph, as_of="2022-01-06", exclude_categories=["conflict"])
    data = embedded(build_page(small_graph, filters=filters).html)
    assert {e["type"] for e in data["edges"]} == {"sibling_of", "dismissed", "met_with"}
    assert data["as_of_days"] == [(dt.date(2022, 1, 6) - dt.date(1970, 1, 1)).days] * 2 and "as of 2022-01-06" in data["note"]
    assert len(data["nodes"]) == 5  # actors stay; the page hides those left without relations


def test_focus_keeps_the_actors_within_depth(small_graph):
    def actors(**options):
        return {n["id"] for n in embedded(build_page(small_graph, **options).html)["nodes"]}

    assert actors(focus="Carol") == {"carol", "alice", "bob"}
    assert actors(focus="carol", depth=0) == {"carol"}
    assert actors(focus="carol", depth=2) == {"carol", "alice", "bob", "dan", "council"}
    with pytest.raises(UsageError, match="depth needs focus"):
        build_page(small_graph, depth=2)
    with pytest.raises(UnknownActorError, match="did you mean"):
        build_page(small_graph, focus="Carrol")


def test_path_option_embeds_the_shortest_path(small_graph):
    data = embedded(build_page(small_graph, path=("Carol", "dan")).html)
    assert data["path"] == ["carol", "bob", "dan"]
    with pytest.raises(NotFoundError, match="no connection"):
        build_page(small_graph, filters=Filters.from_options(small_graph, categories=["family"]), path=("carol", "dan"))
    with pytest.raises(NotFoundError, match="Dan Critic is not in the page"):
        build_page(small_graph, focus="carol", path=("carol", "dan"))


def test_graphs_too_big_for_a_page_are_refused_with_a_way_to_narrow_them():
    graph = nx.MultiDiGraph(kinds={}, categories={})
    graph.add_nodes_from((f"a{i}", {"name": f"A {i}", "kind": "person", "aliases": []}) for i in range(MAX_ACTORS + 1))
    graph.add_edges_from((f"a{i}", "a0", f"r{i}", {}) for i in range(1, 4))
    with pytest.raises(UsageError, match=r"5,001 actors are too many.*with focus and depth \(for example focus a0 depth 1"):
        build_page(graph)
    graph.add_edges_from((f"a{i}", "a0", f"r{i}", {}) for i in range(4, MAX_ACTORS + 1))
    with pytest.raises(UsageError, match="use a smaller depth"):
        build_page(graph, focus="a0")


# ---------------------------------------------------------------- layout

def _extent(points, boxes):
    """Left, top, right and bottom of the drawings (shape and label) of actors at ``points``."""
    sides = [(x - w / 2, y + dy - h / 2, x + w / 2, y + dy + h / 2) for (x, y), (w, h, dy) in zip(points, boxes)]
    return tuple(f(side[i] for side in sides) for f, i in ((min, 0), (min, 1), (max, 2), (max, 3)))


def test_layout_is_the_same_for_the_same_graph_whatever_the_random_state(small_graph):
    random.seed(1)
    first = layout(small_graph, footprints(small_graph))
    random.seed(2)
    assert layout(small_graph, footprints(small_graph)) == first and set(first) == set(small_graph)
    assert all(math.isfinite(c) for p in first.values() for c in p)
    assert random.random() == random.Random(2).random()  # the shared generator is left alone


def test_layout_spaces_relations_lays_groups_wide_and_keeps_them_apart(small_graph):
    graph = nx.MultiDiGraph(small_graph)
    for i in range(8):  # a second group: a chain of long names
        graph.add_node(f"link{i}", name=f"A rather long organisation name {i}", kind="organization", aliases=[])
        if i:
            graph.add_edge(f"link{i - 1}", f"link{i}")
    graph.add_node("loner", name="Loner", kind="person", aliases=[])
    boxes = footprints(graph)
    pos = layout(graph, boxes)
    groups = [sorted(group) for group in nx.weakly_connected_components(graph)]
    assert len(groups) == 3
    for group in groups:
        lengths = [math.dist(pos[u], pos[v]) for u, v in graph.subgraph(group).edges() if u != v]
        if lengths:
            assert statistics.median(lengths) == pytest.approx(layout_module.SPACING, abs=0.5)
    for seed in range(4):  # turned wide whichever way the forces left it
        chain = [layout(graph, boxes, seed=seed)[f"link{i}"] for i in range(8)]
        assert max(x for x, _ in chain) - min(x for x, _ in chain) > 2 * (max(y for _, y in chain) - min(y for _, y in chain))
    extents = [_extent([pos[n] for n in group], [boxes[n] for n in group]) for group in groups]
    for i, a in enumerate(extents):
        for b in extents[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_layout_of_edgeless_and_empty_graphs():
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(range(5))
    graph.add_edge(0, 0)  # a relation with itself does not pull
    pos = layout(graph)
    assert len(set(pos.values())) == 5 and layout(nx.MultiDiGraph()) == {}


# ---------------------------------------------------------------- the command

def test_render_command_writes_the_page_to_build_by_default(small_data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    launched = []
    monkeypatch.setattr("click.launch", lambda url, **_: launched.append(url))
    result = CliRunner().invoke(cli, ["render", "--data", str(small_data), "--open"])
    assert result.exit_code == 0, result.output
    page = tmp_path / "build" / "actorgraph.html"
    assert "(5 actors, 5 relations)" in result.output and launched == [str(page.relative_to(tmp_path))]
    data = embedded(page.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 5 and "Bob Example took bribes" in data["documents"]["doc"]["text"]  # for the reader


@pytest.mark.parametrize("arguments, code, message", [
    (["--focus", "nobody"], 1, "no actor matches 'nobody'"),
    (["--as-of", "2022-13"], 2, "not a date"),
    (["--depth", "2"], 2, "--depth needs --focus"),
    (["--path", "carol", "carol"], 2, "both ends"),
    (["--category", "nonsense"], 2, "unknown category"),
])
def test_render_command_refuses_bad_requests_and_keeps_the_old_page(small_data, tmp_path, arguments, code, message):
    out = tmp_path / "page.html"
    out.write_text("the good old page", encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", "--data", str(small_data), "-o", str(out), *arguments])
    assert result.exit_code == code and message in result.output
    assert "Traceback" not in result.output and out.read_text(encoding="utf-8") == "the good old page"


def test_render_command_reports_an_unwritable_output(small_data, tmp_path):
    result = CliRunner().invoke(cli, ["render", "--data", str(small_data), "-o", str(tmp_path)])
    assert result.exit_code == 2  # click refuses a folder for a file
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["render", "--data", str(small_data), "-o", str(blocker / "page.html")])
    assert result.exit_code == 1 and "cannot write" in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------- the source reader's data

def test_the_page_carries_each_cited_document_with_its_quotes_located(shipped_graph):
    from .conftest import SEEDS

    data = embedded(build_page(shipped_graph, seeds_dir=SEEDS).html)
    assert set(data["documents"]) == set(shipped_graph.graph["documents"])
    for doc in data["documents"].values():
        text = doc["text"]
        assert "".join(text[a:b] for a, b, _ in doc["segments"]) == text  # the segments cut the whole text
        assert [q[:2] for q in doc["quotes"]] == sorted(q[:2] for q in doc["quotes"])
        for a, b, covering in doc["segments"]:
            assert covering == [i for i, q in enumerate(doc["quotes"]) if q[0] <= a and b <= q[1]]
    for edge in data["edges"]:
        for source in edge["sources"]:
            doc = data["documents"][source["document"]]
            start, end, cited_by = doc["quotes"][source["at"]]  # every shipped quote is found
            assert normalize_quote(doc["text"][start:end]) == normalize_quote(source["quote"]) and edge["id"] in cited_by
    without = embedded(build_page(shipped_graph).html)["documents"]
    assert all("text" not in doc for doc in without.values())  # without the seeds folder: details only


def test_quote_offsets_count_utf16_units_as_javascript_does(tmp_path):
    document = "Emoji \U0001F600 first. Then Alice Example, the chair of the Example Council, is the sister of Bob Example.\n"
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "relations.yaml": """\
        relations:
          - {from: alice, to: bob, type: sibling_of, sources: [{document: doc, quote: is the sister of Bob Example}]}
        """}, {"doc": document})
    page = embedded(build_page(build_graph(load_dataset(data)), seeds_dir=data.parent / "seeds").html)
    start, end, _ = page["documents"]["doc"]["quotes"][0]
    units = document.encode("utf-16-le")
    assert units[2 * start:2 * end].decode("utf-16-le") == "is the sister of Bob Example"


def test_document_details_and_dates_in_words_reach_the_page(tmp_path):
    from graph.render.sources import date_words

    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS, "relations.yaml": """\
        relations:
          - {from: alice, to: bob, type: sibling_of, sources: [{document: doc, quote: is the sister of Bob Example}]}
        """, "dataset.yaml": "title: Example map\nupdated: '2026-11'\nauthor: A. Curator\n"})
    sources = data.parent / "seeds" / "sources.yaml"
    sources.write_text(sources.read_text() + "    publisher: Example Press\n    published: '2022-01-07'\n"
                       "    url: https://example.org/a\n")
    page = embedded(build_page(build_graph(load_dataset(data))).html)
    assert page["documents"]["doc"]["published_words"] == "7 January 2022"
    assert page["documents"]["doc"]["publisher"] == "Example Press" and page["documents"]["doc"]["url"] == "https://example.org/a"
    assert page["dataset"]["updated_words"] == "November 2026" and page["title"] == "Example map"
    assert [date_words(d) for d in ("2020-05", "2022-01-05", "1990")] == ["May 2020", "5 January 2022", "1990"]


# ---------------------------------------------------------------- colour is never the only difference

def test_categories_differ_by_marker_wherever_colour_blind_readers_could_confuse_them(shipped_graph):
    import itertools

    from graph.render.palette import CONFUSABLE, SIMULATIONS, clashes, distance

    categories = embedded(build_page(shipped_graph).html)["categories"]
    colours = {name: c["color"] for name, c in categories.items()}
    chosen = {name: c["marker"] for name, c in categories.items()}
    assert clashes(colours, chosen) == []
    for a, b in itertools.combinations(colours, 2):  # the same, spelt out: told apart by colour or by marker
        seen_apart = all(distance(colours[a], colours[b], vision) >= CONFUSABLE for vision in (None, *SIMULATIONS))
        assert seen_apart or chosen[a] != chosen[b], (a, b)
    # the simulations do see the confusions they exist for: green and orange under deuteranopia
    assert distance("#2ca02c", "#ff7f0e") > 90 and distance("#2ca02c", "#ff7f0e", "deuteranopia") < 35
    kinds = shipped_graph.graph["kinds"]
    assert len({k["shape"] for k in kinds.values()}) == len(kinds)  # actors: every kind its own shape


def test_watch_renders_the_documents_for_the_reader_too(small_data, tmp_path):
    from graph.dataset import Dataset
    from graph.watch import Watcher

    output = tmp_path / "out" / "page.html"
    outcome = Watcher(Dataset(small_data), output).check()
    assert outcome.error is None
    assert "Bob Example took bribes" in embedded(output.read_text(encoding="utf-8"))["documents"]["doc"]["text"]


def test_the_page_draws_context_and_leaves_walking_it_to_the_path_finder(shipped_graph):
    # The command line's filters leave context out of answers; the page shows it (dotted, in panels).
    data = embedded(build_page(shipped_graph, filters=Filters()).html)
    context = {key for _, _, key, d in shipped_graph.edges(keys=True, data=True) if d["link"] == "context"}
    assert context and context <= {e["id"] for e in data["edges"]}
    assert len(data["edges"]) == shipped_graph.number_of_edges()
