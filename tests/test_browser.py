"""The explorer page in a real browser (headless Chromium driven by Playwright).

Every page is opened with all requests recorded and every non-``file:`` one blocked; after each
test the page must have made no such request and logged no console error. One browser serves
the whole session and each dataset is rendered once. Without chromium these tests skip, unless
CI=true, where they fail.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from pathlib import Path

import networkx as nx
import pytest

from graph import build_graph, load_dataset
from graph.dates import PartialDate
from graph.errors import NotFoundError
from graph.filters import Filters, holding
from graph.load import SHAPES
from graph.paths import find_paths
from graph.render import build_page

from .conftest import DATA, SEEDS, SMALL_ACTORS, write_dataset
from .test_render import CANARY_NAME, CANARY_QUOTE, canary_dataset
from .test_shapes import shapes_dataset

CHROMIUM = os.environ.get("ACTORGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
# A function, not an expression: Playwright evals a function once and then calls it, but evals an
# expression on every poll, which the page's CSP blocks (small pages get ready after settling).
READY = "() => window.actorgraph && window.actorgraph.ready"


def _unavailable(message: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; CI=true, so the browser tests must run")
    pytest.skip(f"{message}; browser tests skipped")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        _unavailable("chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory, shipped_graph):
    """Render each dataset once; returns a function giving the file of a named page."""
    folder = tmp_path_factory.mktemp("pages")
    small = build_graph(load_dataset(_small_dataset(folder / "small")))
    canary_data = canary_dataset(folder / "canary")
    canary = build_graph(load_dataset(canary_data))
    for document in canary.graph["documents"].values():  # past the loader, which refuses such addresses
        document.update(url="javascript:window.__xss=8", archive_url="https://example.org/archived?<b>")
    shapes = build_graph(load_dataset(shapes_dataset(folder / "shapes")))
    meta_data = _small_dataset(folder / "meta")
    (meta_data / "dataset.yaml").write_text(META)
    sources = meta_data.parent / "seeds" / "sources.yaml"
    sources.write_text(sources.read_text() + "    publisher: Example Press\n    published: '2022-01-07'\n"
                       "    url: https://example.org/story\n")
    meta = build_graph(load_dataset(meta_data))
    makers = {
        "shipped": lambda: build_page(shipped_graph, seeds_dir=SEEDS),
        "meta": lambda: build_page(meta, seeds_dir=meta_data.parent / "seeds"),
        "small": lambda: build_page(small),
        "small-path": lambda: build_page(small, path=("Carol", "dan")),
        "canary": lambda: build_page(canary, focus="attacker", seeds_dir=canary_data.parent / "seeds"),
        "prototype": lambda: build_page(_prototype_graph(folder / "prototype")),
        "shapes": lambda: build_page(shapes),
    }
    made: dict[str, Path] = {}

    def page_file(name: str) -> Path:
        if name not in made:
            made[name] = folder / f"{name}.html"
            made[name].write_text(makers[name]().html, encoding="utf-8")
        return made[name]

    return page_file


META = """\
title: The Example affair
description: Who knew whom in the Example affair, from one document.
author: A. Curator
updated: '2026-11'
credit: 'Source: The doc document, Example Press, 7 January 2022'
"""


def _small_dataset(root: Path) -> Path:
    return write_dataset(root, {"actors.yaml": SMALL_ACTORS, "relations.yaml": """\
        relations:
          - {from: alice, to: bob, type: sibling_of, sources: [{document: doc, quote: is the sister of Bob Example}]}
          - {from: alice, to: council, type: heads, role: Chair, end: "2022-01-05",
             sources: [{document: doc, quote: "Alice Example, the chair of the Example Council"}]}
          - {from: alice, to: carol, type: dismissed, date: "2022-01-05",
             sources: [{document: doc, quote: On 5 January 2022 Alice dismissed Carol Sample.}]}
          - {from: dan, to: bob, type: accused, status: alleged, claimed_by: dan,
             sources: [{document: doc, quote: "According to Dan Critic, Bob Example took bribes."}]}
          - {from: carol, to: bob, type: met_with, date: "2021",
             sources: [{document: doc, quote: "Carol \\"the quiet one\\" Sample - a former deputy - met Bob in 2021."}]}
          - {from: bob, to: carol, type: associated_with,
             sources: [{document: doc, quote: "Carol \\"the quiet one\\" Sample - a former deputy - met Bob in 2021."}]}
        """})


#: Actors whose ids are names of JavaScript object properties, with their names: a chain, each related
#: to the next, the first two twice; and the ids of those relations, in that order.
PROTOTYPE_ACTORS = {"constructor": "Carla Builder", "__proto__": "Paolo Proto", "toString": "Tess String",
                    "hasOwnProperty": "Hans Owner", "valueOf": "Val Oft", "prototype": "Pia Type"}
PROTOTYPE_RELATIONS = ["__proto__", "constructor", "toString", "valueOf", "prototype", "hasOwnProperty"]


def _prototype_graph(root: Path) -> nx.MultiDiGraph:
    """The graph of :data:`PROTOTYPE_ACTORS` and :data:`PROTOTYPE_RELATIONS`. The loader takes only
    slugs as ids, so the dataset uses stand-ins that get those ids afterwards: the page must not
    rely on the loader's rule."""
    ids = list(PROTOTYPE_ACTORS)
    stand_in = {actor: f"actor-{i}" for i, actor in enumerate(ids)}
    relations = [(stand_in[a], stand_in[b], "met_with", f"{PROTOTYPE_ACTORS[a]} met {PROTOTYPE_ACTORS[b]} in the city.")
                 for a, b in zip(ids, ids[1:])]
    relations.append((*relations[0][:2], "associated_with", relations[0][3]))
    data = write_dataset(root, {
        "actors.yaml": "actors:\n" + "".join(f"  - {{id: {stand_in[a]}, name: {name}, kind: person, description: Someone.}}\n"
                                             for a, name in PROTOTYPE_ACTORS.items()),
        "relations.yaml": "relations:\n" + "".join(
            f"  - {{from: {a}, to: {b}, type: {t}, sources: [{{document: doc, quote: '{q}'}}]}}\n" for a, b, t, q in relations),
    }, {"doc": " ".join(q for *_, q in relations[:-1]) + "\n"})
    loaded = build_graph(load_dataset(data))
    actor = {v: k for k, v in stand_in.items()}
    relation = {r[:3]: name for r, name in zip(relations, PROTOTYPE_RELATIONS)}
    graph = nx.MultiDiGraph(**loaded.graph)
    graph.add_nodes_from((actor[n], attributes) for n, attributes in loaded.nodes(data=True))
    graph.add_edges_from((actor[a], actor[b], relation[a, b, attributes["type"]], attributes)
                         for a, b, attributes in loaded.edges(data=True))
    return graph


class Opened:
    """A page opened on a file, with what it asked for from outside and what it logged as an error."""

    def __init__(self, browser, file: Path, fragment: str = "", viewport=(1440, 900)):
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.route("**/*", self._route)
        self.page.goto(file.as_uri() + fragment)
        self.page.wait_for_function(READY, timeout=20_000)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def js(self, expression: str, argument=None):
        return self.page.evaluate(expression, argument)

    def click_actor(self, actor: str) -> None:
        """A real mouse click on the actor's shape in the canvas."""
        x, y = self.js("""id => { const n = actorgraph.network, key = actorgraph.actor(id).key;
            const p = n.canvasToDOM(n.getPositions([key])[key]), box = document.getElementById("network").getBoundingClientRect();
            return [box.left + p.x, box.top + p.y]; }""", actor)
        self.page.mouse.click(x, y)

    def between(self, a: str, b: str) -> tuple[float, float]:
        """The point of the window halfway between two actors (on a straight relation joining them)."""
        return self.js("""([a, b]) => { const n = actorgraph.network, p = n.getPositions([actorgraph.actor(a).key,
            actorgraph.actor(b).key]), [u, v] = Object.values(p), d = n.canvasToDOM({x: (u.x + v.x) / 2, y: (u.y + v.y) / 2});
            const box = document.getElementById("network").getBoundingClientRect();
            return [box.left + d.x, box.top + d.y]; }""", [a, b])

    def shown_edges(self) -> set[str]:
        """The relations vis-network is showing (it knows them by index: ``key``)."""
        return set(self.js("""actorgraph.data.edges.filter((r) => !actorgraph.network.body.edges[r.key].options.hidden)
            .map((r) => r.id)"""))

    def selected_actors(self) -> list[str]:
        return self.js("actorgraph.network.getSelectedNodes().map(key => actorgraph.data.nodes[key].id)")

    def panel_text(self) -> str:
        return self.page.locator("#panel").inner_text()


@pytest.fixture
def open_page(browser, pages):
    """Open a named page; after the test, assert it made no outside request and logged no error."""
    opened: list[Opened] = []

    def open_named(name: str, fragment: str = "", viewport=(1440, 900)) -> Opened:
        opened.append(Opened(browser, pages(name), fragment, viewport))
        return opened[-1]

    yield open_named
    for page in opened:
        page.page.close()
        assert page.blocked == [] and page.errors == []


def test_shipped_graph_shows_every_actor_and_relation(open_page, shipped_graph):
    page = open_page("shipped")
    counts = page.js("[actorgraph.visible, actorgraph.nodes.length, actorgraph.edges.length - actorgraph.data.bundles.length]")
    n, m = shipped_graph.number_of_nodes(), shipped_graph.number_of_edges()
    assert counts == [{"nodes": n, "edges": m}, n, m]
    assert page.page.locator("#counts").inner_text() == f"Showing {n} of {n} actors, {m} of {m} relations"


OVERLAPS = """() => { const n = actorgraph.network, boxes = actorgraph.data.nodes.map((a) => n.getBoundingBox(a.key));
    return boxes.filter((p, i) => boxes.slice(i + 1).some((q) =>
        p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom)).length; }"""


def test_a_small_page_pushes_overlapping_actors_apart_then_holds_still(open_page):
    page = open_page("shipped")
    settled = page.js("actorgraph.network.getPositions()")
    page.page.wait_for_timeout(300)
    assert page.js("actorgraph.network.getPositions()") == settled  # the physics is off once ready
    # Measured with every label at the size it had while settling (afterwards the page resizes and thins them).
    page.js("""actorgraph.nodes.update(actorgraph.data.nodes.filter((a) => !actorgraph.data.label_inside.includes(
        actorgraph.network.body.nodes[a.key].options.shape)).map((a) => ({id: a.key, font: {size: 14}})))""")
    page.js("actorgraph.network.redraw()")  # the boxes are measured as the shapes and labels are drawn
    overlapping = page.js(OVERLAPS)
    page.js("actorgraph.nodes.update(actorgraph.data.nodes.map((a) => ({id: a.key, x: a.x, y: a.y})))")
    page.js("actorgraph.network.redraw()")
    assert overlapping < page.js(OVERLAPS) / 2  # fewer than half as many as where Python put them


def test_date_filter_shows_who_chairs_the_security_council(open_page, shipped_graph):
    chairs = {key: source for source, target, key, data in shipped_graph.edges(keys=True, data=True)
              if target == "security-council" and data["type"] == "heads"}
    assert set(chairs.values()) == {"nursultan-nazarbayev", "kassym-jomart-tokayev"}
    page = open_page("shipped")

    def chair_shown() -> set[str]:
        return {chairs[key] for key in page.shown_edges() & chairs.keys()}

    page.page.fill("#date-input", "2021-12-31")
    assert page.page.locator("#date-on").is_checked()
    assert chair_shown() == {"nursultan-nazarbayev"}
    page.page.fill("#date-input", "2022-01-31")
    page.page.locator("#date-slider").press("ArrowRight")  # the slider, one day on: 2022-02-01
    assert page.page.locator("#date-input").input_value() == "2022-02-01"
    assert chair_shown() == {"kassym-jomart-tokayev"}
    page.page.locator("#date-on").uncheck()
    assert chair_shown() == {"nursultan-nazarbayev", "kassym-jomart-tokayev"}


@pytest.mark.parametrize("as_of", ["1999", "2021-12-31", "2022-01", "2022-01-04", "2022-01-05", "2022-01-06",
                                   "2022-02", "2030"])
def test_page_gives_the_same_three_answers_as_python(open_page, shipped_graph, as_of):
    """Holds / may hold / does not, for every relation of the shipped page at each date."""
    when = PartialDate.parse(as_of)
    days = [(day - dt.date(1970, 1, 1)).days for day in (when.first, when.last)]
    page = open_page("shipped")
    in_page = page.js("when => actorgraph.data.edges.map(r => [r.id, actorgraph.holding(r.id, when)])", days)
    expected = {key: int(holding(data, when)) for _, _, key, data in shipped_graph.edges(keys=True, data=True)}
    assert dict(in_page) == expected
    assert {0, 1, 2} <= set(expected.values()) or as_of in ("1999", "2030")


def test_clicking_an_actor_opens_its_panel_with_quotes(open_page, shipped_graph):
    page = open_page("shipped")
    page.click_actor("kassym-jomart-tokayev")
    assert page.js("actorgraph.selected") == {"actor": "kassym-jomart-tokayev"}
    assert page.selected_actors() == ["kassym-jomart-tokayev"]
    text = page.panel_text()
    assert "Kassym-Jomart Tokayev" in text and "Person" in text
    chair = next(iter(shipped_graph.get_edge_data("kassym-jomart-tokayev", "security-council").values()))
    cited = chair["sources"][0]
    assert cited["quote"] in text and shipped_graph.graph["documents"][cited["document"]]["title"] in text


def test_actor_panel_lists_relations_by_category_in_date_order_and_a_relation_shows_its_citation(open_page):
    page = open_page("small")
    page.click_actor("bob")
    sentences = page.page.locator("#panel li.relation .sentence").all_inner_texts()
    assert sentences == ["is a sibling of Alice Example", "met with Carol Sample", "is associated with Carol Sample",
                         "was accused by Dan Critic"]
    assert page.page.locator("#panel h4").all_inner_texts() == ["Family (1)", "Association (2)", "Purge / ban / accusation (1)"]
    assert "Alleged by Dan Critic" in page.page.locator("#panel li.relation").nth(3).text_content()
    page.page.locator("#panel li.relation .verb").nth(3).click()
    assert page.js("actorgraph.selected") == {"relation": "dan/accused/bob"}
    text = page.panel_text()
    assert "Dan Critic accused Bob Example" in text and "Status: Alleged, claimed by Dan Critic" in text
    assert "According to Dan Critic, Bob Example took bribes." in text and "The doc document" in text
    page.page.get_by_role("button", name="‹ Back to Bob Example").click()  # the panel's Back
    assert page.js("actorgraph.selected") == {"actor": "bob"}


def test_the_panel_filters_an_actor_s_relations(open_page):
    page = open_page("shipped")
    page.js("actorgraph.selectActor('kassym-jomart-tokayev', false)")
    page.page.fill("#panel .panel-filter", "massimov")
    shown = page.page.locator("#panel li.relation:visible")
    assert 0 < shown.count() < page.page.locator("#panel li.relation").count()
    assert all("massimov" in _flat(text).lower() for text in shown.all_inner_texts()), shown.all_inner_texts()
    assert page.page.locator("#panel section.group:visible h4").count() < page.page.locator("#panel h4").count()


def test_clicking_a_relation_in_the_graph_shows_its_citation(open_page):
    page = open_page("small")
    x, y = page.between("alice", "council")
    page.page.mouse.click(x, y)
    assert page.js("actorgraph.selected") == {"relation": "alice/heads/council#chair"}
    assert "Alice Example, the chair of the Example Council" in page.panel_text()


def test_category_and_claim_filters_hide_relations(open_page):
    page = open_page("small")
    page.page.get_by_label("Family").uncheck()
    assert "alice/sibling_of/bob" not in page.shown_edges() and page.js("actorgraph.visible.edges") == 5
    page.page.get_by_label("Hide alleged and disputed").check()
    assert "dan/accused/bob" not in page.shown_edges()
    # dan has no relation left on show
    assert page.js("actorgraph.network.body.nodes[actorgraph.actor('dan').key].options.hidden") is True
    page.page.get_by_role("button", name="All", exact=True).click()
    page.page.get_by_label("Hide alleged and disputed").uncheck()
    assert len(page.shown_edges()) == 6


def test_path_finder_highlights_and_lists_the_hops(open_page):
    page = open_page("small")
    page.page.fill("#path-from", "Carol")
    page.page.fill("#path-to", "Dan Critic")
    page.page.click("#path-find")
    assert page.js("actorgraph.path.nodes") == ["carol", "bob", "dan"]
    hops = page.page.locator("#path-hops li").all_inner_texts()
    assert hops == ["Carol Sample met with Bob Example", "Bob Example was accused by Dan Critic"]
    widths = page.js("Object.fromEntries(actorgraph.edges.get().map(e => [actorgraph.data.edges[e.id].id, e.width]))")
    on_path = {"carol/met_with/bob@2021", "dan/accused/bob"}
    assert {edge for edge, width in widths.items() if width > 3} == on_path
    page.page.get_by_label("Association").uncheck()  # the path loses its first hop: found again
    assert page.js("actorgraph.path.nodes") == ["carol", "alice", "bob", "dan"]
    page.page.click("#path-clear")
    assert page.js("actorgraph.path") is None and max(page.js("actorgraph.edges.get().map(e => e.width)")) < 3


@pytest.mark.parametrize("as_of", [None, "2022-01-04"])
def test_path_finder_gives_the_path_command_s_answer_actor_for_actor(open_page, shipped_graph, as_of):
    """On every pair of actors: same path (claims, may-hold hops, sources and ids ranked alike), or none."""
    filters = Filters(as_of=PartialDate.parse(as_of)) if as_of else Filters()
    pairs = list(itertools.combinations(sorted(shipped_graph), 2))
    expected, ranked = [], []
    for a, b in pairs:
        try:
            found = find_paths(shipped_graph, a, b, filters=filters)
        except NotFoundError:
            expected.append(None)
            continue
        expected.append(found["paths"][0]["actors"])
        ranked.append(found["paths"][0])
    page = open_page("shipped")
    if as_of:
        page.page.fill("#date-input", as_of)
    assert page.js("pairs => pairs.map(([a, b]) => actorgraph.shortestPath(a, b))", pairs) == expected
    assert any(p["claims"] for p in ranked) and (as_of is None or any(p["may_hold"] for p in ranked))


def test_path_option_opens_the_page_with_the_path_shown(open_page):
    page = open_page("small-path")
    assert page.js("actorgraph.path.nodes") == ["carol", "bob", "dan"]
    assert page.page.locator("#path-from").input_value() == "Carol Sample"
    assert page.page.locator("#path-hops li").count() == 2


def test_search_finds_an_actor_by_alias(open_page):
    page = open_page("shipped")
    page.page.fill("#search", "knb")
    assert page.page.locator("#search-results li").first.inner_text().startswith("National Security Committee")
    page.page.press("#search", "Enter")
    assert page.selected_actors() == ["national-security-committee"]
    assert "National Security Committee of Kazakhstan" in page.panel_text()


def test_hostile_data_shows_as_text_and_never_runs(open_page):
    page = open_page("canary")
    assert page.page.locator("h1").inner_text() == f"actorgraph: around {CANARY_NAME}"
    page.page.fill("#search", "svg onload")
    assert CANARY_NAME in page.page.locator("#search-results").inner_text()
    page.page.press("#search", "Enter")
    text = page.panel_text()
    assert CANARY_NAME in text and "javascript:window.__xss=3" in text and CANARY_QUOTE in text
    assert page.page.locator("#panel img, #panel script, #panel svg[onload]").count() == 0
    assert set(page.js("[...document.querySelectorAll('#panel a')].map(a => a.getAttribute('href'))")) == {
        "https://example.org/archived?<b>"}  # a web address of a document; its javascript: address is no link
    page.page.locator("#panel li.relation .verb").first.click()
    assert "<script>window.__xss=7</script>" in page.panel_text()
    page.click_actor("attacker")  # and hover, for the tooltip
    page.page.wait_for_timeout(400)
    assert page.js("window.__xss") is None


def test_content_security_policy_blocks_injected_markup(open_page):
    """Defence in depth: even markup that did reach the DOM could neither run nor load anything."""
    page = open_page("small")
    page.js("""() => document.body.insertAdjacentHTML("beforeend",
        '<img src="https://example.invalid/x.png" onerror="window.__xss = 1">')""")
    page.page.wait_for_timeout(300)
    assert page.js("window.__xss") is None and page.blocked == []
    page.errors.clear()  # the browser reports the violations it blocked


def test_actors_named_like_object_properties_work_everywhere(open_page):
    """Ids such as ``constructor`` or ``__proto__`` once made vis-network recurse until the stack overflowed."""
    page = open_page("prototype")
    ids = list(PROTOTYPE_ACTORS)
    assert page.js("[actorgraph.visible, actorgraph.nodes.length, actorgraph.edges.length]") == [
        {"nodes": 6, "edges": 6}, 6, 6]
    assert page.shown_edges() == set(PROTOTYPE_RELATIONS)
    for actor, name in PROTOTYPE_ACTORS.items():
        page.click_actor(actor)
        assert page.js("actorgraph.selected") == {"actor": actor} and page.selected_actors() == [actor]
        assert page.page.locator("#panel h2").inner_text() == name
        page.page.click("#panel-close")  # the panel covers the right of the graph
    page.click_actor("prototype")
    page.page.locator("#panel li.relation .verb").first.click()  # Pia Type's one relation
    assert page.js("actorgraph.selected") == {"relation": PROTOTYPE_RELATIONS[4]}
    assert "Val Oft met Pia Type in the city." in page.panel_text()
    page.page.fill("#search", "proto")
    assert page.page.locator("#search-results li").first.inner_text() == "Paolo Proto (__proto__)"  # by its id
    page.page.press("#search", "Enter")
    assert page.selected_actors() == ["__proto__"] and page.page.locator("#panel h2").inner_text() == "Paolo Proto"
    page.page.fill("#path-from", "constructor")
    page.page.fill("#path-to", "Pia Type")
    page.page.click("#path-find")
    assert page.js("actorgraph.path.nodes") == ids
    assert page.page.locator("#path-hops li").first.inner_text() == "Carla Builder met with Paolo Proto"
    assert page.page.locator("#path-hops li").count() == 5
    page.page.get_by_label("Association").uncheck()  # every relation is hidden, and so is every actor
    assert page.js("[actorgraph.visible, actorgraph.path.nodes]") == [{"nodes": 0, "edges": 0}, None]


def test_every_shape_a_kind_may_take_is_drawn(open_page):
    page = open_page("shapes")
    drawn = page.js("() => actorgraph.data.nodes.map((n) => [n.name, actorgraph.network.body.nodes[n.key].options.shape])")
    assert drawn == [[shape, shape] for shape in SHAPES]
    assert page.page.locator("#legend-kinds svg.glyph").count() == len(SHAPES)


# ---------------------------------------------------------------- verify: the source reader

def _flat(text: str) -> str:
    from graph.quotes import normalize

    return normalize(text)


def test_a_quote_opens_its_document_scrolled_to_it_and_marked(open_page, shipped_graph):
    page = open_page("shipped")
    page.js("actorgraph.selectActor('kassym-jomart-tokayev', false)")
    quote = page.page.locator("#panel button.quote-text").nth(2)
    wanted = quote.inner_text().strip("“”")
    quote.click()
    reader = page.page.locator("#reader")
    assert reader.is_visible()
    assert _flat(page.js("actorgraph.reader.current()")) == _flat(wanted)
    assert page.page.locator("#reader-text mark.current").count() >= 1
    mark = page.page.locator("#reader-text mark.current").first.bounding_box()
    text = page.page.locator("#reader-text").bounding_box()
    assert text["y"] <= mark["y"] and mark["y"] + mark["height"] <= text["y"] + text["height"]  # scrolled to it
    shown = page.js("actorgraph.reader.shown()")
    documents = shipped_graph.graph["documents"]
    assert page.page.locator("#reader-title").inner_text() == documents[shown["doc"]]["title"]
    total = page.js("id => actorgraph.data.documents[id].quotes.length", shown["doc"])
    assert page.page.locator("#reader-position").inner_text() == f"Quote {shown['at'] + 1} of {total} the map takes from it"
    page.page.click("#reader-next")  # step through the document's quotes
    assert page.js("actorgraph.reader.shown().at") == shown["at"] + 1
    page.page.click("#reader-prev")
    assert page.js("actorgraph.reader.shown().at") == shown["at"]
    page.page.locator("#reader-cites button").first.click()  # what it is cited for
    assert page.js("actorgraph.selected.relation") and reader.is_hidden()
    page.page.locator("#panel button.quote-text").first.click()
    page.page.keyboard.press("Escape")  # Escape closes the reader, then the panel
    assert reader.is_hidden() and page.page.locator("#panel").is_visible()
    page.page.keyboard.press("Escape")
    assert page.page.locator("#panel").is_hidden() and page.js("actorgraph.selected") is None


def test_document_details_show_with_every_quote_and_link_out(open_page):
    page = open_page("meta")
    page.js("actorgraph.selectActor('bob', false)")
    cite = page.page.locator("#panel blockquote cite").first
    assert cite.inner_text().startswith("— The doc document, Example Press · 7 January 2022")
    link = cite.locator("a.out")
    assert link.get_attribute("href") == "https://example.org/story" and link.get_attribute("rel") == "noopener noreferrer"
    cite.locator("button.in-context").click()
    assert page.page.locator("#reader-details").inner_text() == "Example Press · 7 January 2022 · source ↗"


def test_header_says_what_the_map_is(open_page):
    page = open_page("meta")
    assert page.page.locator("h1").inner_text() == "The Example affair"
    assert page.page.locator("#description").inner_text() == "Who knew whom in the Example affair, from one document."
    assert page.page.locator(".byline").inner_text().startswith("By A. Curator · Updated November 2026 · Showing 5 of 5")


def test_hostile_document_details_never_become_markup_or_script_links(open_page):
    page = open_page("canary")
    page.page.fill("#search", "svg onload")
    page.page.press("#search", "Enter")
    page.page.locator("#panel button.quote-text").first.click()
    assert page.js("actorgraph.reader.current()") == "</script><script>window.__xss=2</script>"
    hrefs = page.js("[...document.querySelectorAll('#reader a, #panel a')].map(a => a.getAttribute('href'))")
    assert set(hrefs) == {"https://example.org/archived?<b>"}  # the javascript: address is no link
    assert page.page.locator("#reader script, #reader img, #reader b").count() == 0
    assert page.js("window.__xss") is None


# ---------------------------------------------------------------- share: the view in the address

def test_a_view_comes_back_whole_from_its_address(browser, open_page):
    page = open_page("shipped")
    page.page.get_by_label("Family").uncheck()
    page.page.fill("#date-input", "2022-01-04")
    page.page.get_by_label("Only those known to hold (strict)").check()
    page.page.fill("#path-from", "Satybaldy")
    page.page.fill("#path-to", "Tokayev")
    page.page.click("#path-find")
    page.js("actorgraph.selectActor('karim-massimov', false)")
    page.page.locator("#panel button.quote-text").first.click()
    page.page.mouse.move(700, 500)
    page.page.mouse.wheel(0, -300)  # a real zoom: the camera is written once it rests
    page.page.wait_for_timeout(600)
    view = page.js("actorgraph.view()")
    address = page.page.url
    assert "a=karim-massimov" in address and "date=2022-01-04" in address and "&doc=" in address
    camera = [float(n) for n in address.split("cam=")[1].replace("%2C", ",").split(",")]
    assert camera == pytest.approx(view["camera"], abs=0.5, rel=1e-3)
    again = open_page("shipped", "#" + address.split("#", 1)[1])
    restored = again.js("actorgraph.view()")
    assert restored["camera"] == pytest.approx(camera, abs=1e-6)
    assert {**restored, "camera": None} == {**view, "camera": None}
    for probe in ("actorgraph.path.nodes", "actorgraph.visible", "actorgraph.reader.current()",
                  "document.getElementById('panel-body').innerText", "actorgraph.drawnLabels().length"):
        assert again.js(probe) == page.js(probe), probe
    assert again.shown_edges() == page.shown_edges()


def test_back_and_forward_walk_through_views(open_page):
    page = open_page("small")
    page.click_actor("bob")
    page.page.locator("#panel li.relation .verb").nth(3).click()
    page.page.get_by_label("Family").uncheck()
    assert page.js("actorgraph.view().off") == ["family"]
    page.page.go_back()
    assert page.js("[actorgraph.selected, actorgraph.view().off]") == [{"relation": "dan/accused/bob"}, []]
    assert page.page.get_by_label("Family").is_checked()
    page.page.go_back()
    assert page.js("actorgraph.selected") == {"actor": "bob"} and "Bob Example" in page.panel_text()
    page.page.go_forward()
    assert page.js("actorgraph.selected") == {"relation": "dan/accused/bob"}


def test_copy_link_gives_the_address_of_the_view(open_page, browser, pages):
    page = open_page("small")
    page.click_actor("carol")
    page.page.click("#share")
    link = page.page.locator("#share-link")
    assert link.input_value() == page.page.url and "#a=carol" in link.input_value()
    assert page.page.locator("#share-status").inner_text().strip().endswith(("Copied.", "to copy it."))
    context = browser.new_context()  # where the clipboard may be used, it holds the address
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        allowed = context.new_page()
        allowed.goto(pages("small").as_uri() + "#a=carol")
        allowed.wait_for_function(READY, timeout=20_000)
        allowed.click("#share")
        allowed.locator("#share-status", has_text="Copied.").wait_for(timeout=5000)
        assert allowed.evaluate("navigator.clipboard.readText()") == allowed.url
    finally:
        context.close()


@pytest.mark.parametrize("as_of", [None, "2022-01-04"])
def test_the_command_line_s_link_opens_the_page_on_its_answer(open_page, shipped_graph, as_of):
    from graph.render.share import view_fragment

    filters = Filters(as_of=PartialDate.parse(as_of), reported_only=True) if as_of else Filters()
    found = find_paths(shipped_graph, "kairat-satybaldy", "kassym-jomart-tokayev", filters=filters)["paths"][0]["actors"]
    fragment = view_fragment(shipped_graph, filters, **{"from": "kairat-satybaldy", "to": "kassym-jomart-tokayev"})
    page = open_page("shipped", "#" + fragment)
    assert page.js("actorgraph.path.nodes") == found
    assert page.page.get_by_label("Hide alleged and disputed").is_checked() is bool(as_of)
    show = open_page("shipped", "#" + view_fragment(actor="karim-massimov"))
    assert show.js("actorgraph.selected") == {"actor": "karim-massimov"} and show.page.locator("#panel").is_visible()


HOSTILE_FRAGMENT = ("#a=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D11%3E&from=__proto__&to=constructor"
                    "&r=%3Cscript%3Ewindow.__xss%3D12%3C%2Fscript%3E&date=javascript:window.__xss=13"
                    "&off=%3Csvg%20onload%3Dwindow.__xss%3D14%3E&doc=toString&q=0&cam=1e999,NaN,-1"
                    "&%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D15%3E=1")


def test_a_hostile_address_runs_nothing(open_page):
    page = open_page("canary", HOSTILE_FRAGMENT)
    page.page.wait_for_timeout(300)
    assert page.js("window.__xss") is None
    status = page.page.locator("#share-status").inner_text()
    assert "<img src=x onerror=window.__xss=11>" in status and "<script>window.__xss=12</script>" in status
    assert page.page.locator("#share-status *").count() == 0 and page.page.locator("img, script[src]").count() == 0
    assert page.js("[actorgraph.selected, actorgraph.path, actorgraph.reader.shown()]") == [None, None, None]
    assert page.js("actorgraph.visible") == {"nodes": 2, "edges": 1}  # the page still works
    page.page.go_back()  # and so does the history
    assert page.js("window.__xss") is None


# ---------------------------------------------------------------- publish: pictures and print

def test_exported_pictures_carry_title_date_legend_key_and_credit(open_page):
    import base64
    import struct
    import xml.etree.ElementTree as ET

    page = open_page("meta")
    page.page.fill("#date-input", "2022-01-05")
    svg = page.js("actorgraph.exportImage('svg')")
    tree = ET.fromstring(svg)
    texts = [t.text for t in tree.iter("{http://www.w3.org/2000/svg}text")]
    assert texts[0] == "The Example affair"
    assert texts[1].startswith("As of 5 January 2022 · By A. Curator, updated November 2026")
    assert {"Person (4)", "Government body (1)", "Family (1)", "alleged or disputed (a claim)", "reported"} <= set(texts)
    assert "Source: The doc document, Example Press, 7 January 2022" in texts
    assert any(t.startswith("Made with actorgraph on ") for t in texts)
    assert "Alice Example" in texts and "Association (1)" not in texts  # 2021's meeting is not in force
    for scale in (2, 4):
        png = page.js("s => actorgraph.exportImage('png', {scale: s})", scale)
        raw = base64.b64decode(png.split(",", 1)[1])
        assert raw[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", raw[16:24]) == (scale * int(tree.get("width")), scale * int(tree.get("height")))


def test_pictures_of_hostile_data_are_text(open_page):
    import xml.etree.ElementTree as ET

    page = open_page("canary")
    svg = page.js("actorgraph.exportImage('svg')")
    tree = ET.fromstring(svg)  # well-formed: the markup in the names is text
    assert CANARY_NAME in [t.text for t in tree.iter("{http://www.w3.org/2000/svg}text")]
    assert not [e for e in tree.iter() if any(a.startswith("on") for a in e.attrib)]
    assert "script" not in {e.tag.split("}")[-1] for e in tree.iter()}


def test_export_downloads_under_the_content_security_policy(open_page):
    page = open_page("meta")
    page.page.click("#export")
    with page.page.expect_download() as download:
        page.page.get_by_role("button", name="SVG drawing").click()
    assert download.value.suggested_filename == "the-example-affair.svg"
    assert "The Example affair" in Path(download.value.path()).read_text(encoding="utf-8")
    page.page.click("#export")
    with page.page.expect_download() as download:
        page.page.get_by_role("button", name="PNG picture (2×)").click()
    assert Path(download.value.path()).read_bytes()[:4] == b"\x89PNG"


def test_print_is_the_picture_alone_on_one_page(open_page):
    page = open_page("shipped")
    page.js("window.dispatchEvent(new Event('beforeprint'))")  # as the browser does, before the print layout
    page.page.emulate_media(media="print")
    assert page.page.locator("#print-figure svg").is_visible()
    for hidden in ("nav#controls", "#network", "#fit", "header#top"):
        assert page.page.locator(hidden).is_hidden(), hidden
    pdf = page.page.pdf(landscape=True)
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page/") + pdf.count(b"/Type /Page ") == 1


# ---------------------------------------------------------------- readable, on every screen

def _overlaps(labels):
    return [(a["id"], b["id"]) for i, a in enumerate(labels) for b in labels[i + 1:]
            if a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]]


def test_labels_at_first_view_are_readable_apart_and_thin_out(open_page):
    page = open_page("shipped", viewport=(1400, 900))
    labels = page.js("actorgraph.drawnLabels()")
    assert len(labels) >= 20
    assert min(label["fontPx"] for label in labels) >= 11
    assert _overlaps(labels) == []
    degrees = {n["id"]: n["degree"] for n in page.js("actorgraph.data.nodes")}
    shown = {label["id"] for label in labels}
    assert "kassym-jomart-tokayev" in shown and "nursultan-nazarbayev" in shown  # the best connected first
    assert max(degrees[i] for i in set(degrees) - shown) <= max(degrees.values())
    page.js("actorgraph.network.moveTo({scale: actorgraph.network.getScale() * 2.5})")
    page.page.wait_for_timeout(400)
    closer = page.js("actorgraph.drawnLabels()")
    assert _overlaps(closer) == [] and min(label["fontPx"] for label in closer) >= 11
    assert {label["id"] for label in closer} - shown  # labels thinned out at first view appear closer in


def test_on_a_phone_search_leads_to_the_actor_card_then_the_graph(open_page):
    page = open_page("shipped", viewport=(390, 844))
    assert page.js("document.documentElement.scrollWidth") <= 390
    assert page.page.locator("header#top").bounding_box()["height"] < 0.15 * 844
    page.page.fill("#search", "masimov")
    page.page.press("#search", "Enter")
    panel = page.page.locator("#panel")
    assert panel.is_visible() and panel.bounding_box()["width"] == 390
    assert "Karim Massimov" in page.panel_text() and page.page.locator("#panel blockquote").count() >= 3
    assert page.page.locator("#search").input_value() == ""  # the box does not keep the last name
    small = page.js("""() => [...document.querySelectorAll('button, input, a, [role=option]')].filter((e) => {
        const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && (r.width < 24 || r.height < 24); })
        .map((e) => e.id || e.className || e.textContent)""")
    assert small == []
    page.page.locator("#panel button.quote-text").first.click()  # the source reader, the whole width too
    assert page.page.locator("#reader").bounding_box()["width"] == 390 and page.page.locator("#reader mark.current").count()
    assert page.js("document.documentElement.scrollWidth") <= 390
    page.page.click("#reader-close")
    page.page.get_by_role("button", name="Show in the graph").click()
    assert panel.is_hidden() and page.selected_actors() == ["karim-massimov"]
    page.page.click("#menu")
    assert page.page.locator("nav#controls").is_visible()
    assert page.js("document.documentElement.scrollWidth") <= 390


# ---------------------------------------------------------------- the same answers as the command line

SEARCHES = ["Tokaev", "Massimof", "masimov", "nazarbaev", "knb", "Security", "intelligence chief", "nephew",
            "csto", "Kazakh", "almaty", "ak orda", "zzzz", "nazarbayev family", "Abish"]


def test_search_finds_what_the_search_command_finds(open_page, shipped_graph):
    from graph.queries import search

    def expected(text):
        try:
            return [hit["id"] for hit in search(shipped_graph, text)]
        except NotFoundError:
            return []

    page = open_page("shipped")
    found = page.js("queries => queries.map(q => actorgraphCore.searchActors(actorgraph.data.nodes.map(n => ("
                    "{id: n.id, keys: n.keys, about: n.about, sortName: n.sort_name})), q).map(f => f.id))", SEARCHES)
    assert found == [expected(q) for q in SEARCHES]
    assert "kassym-jomart-tokayev" in found[0][:3] and found[1][0] == "karim-massimov"  # typos
    assert found[SEARCHES.index("zzzz")] == []


def test_search_results_take_arrow_keys_and_say_when_nothing_matches(open_page):
    page = open_page("shipped")
    page.page.fill("#search", "nazarbayev")
    options = page.page.locator("#search-results li[role=option]")
    assert options.count() > 2 and options.first.get_attribute("aria-selected") == "true"
    second = options.nth(1).locator(".label").inner_text()
    page.page.press("#search", "ArrowDown")
    assert options.nth(1).get_attribute("aria-selected") == "true"
    page.page.press("#search", "Enter")
    assert page.page.locator("#panel h2").inner_text() == second
    page.page.fill("#search", "Massimof")
    assert "(spelt like" in page.page.locator("#search-results").inner_text()
    page.page.fill("#search", "qqqqxx")
    assert page.page.locator("#search-results").inner_text() == "No actor matches “qqqqxx”."


# ---------------------------------------------------------------- the details a careful reader notices

def test_hovering_a_relation_shows_its_first_quote_and_the_tooltip_leaves_with_the_pointer(open_page):
    page = open_page("small")
    x, y = page.between("alice", "council")
    page.page.mouse.move(x - 3, y)
    page.page.mouse.move(x, y)
    tooltip = page.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    text = tooltip.inner_text()
    assert text.startswith("Alice Example heads Example Council\nuntil 5 January 2022")  # dates as people write them
    assert "“Alice Example, the chair of the Example Council”\n— The doc document" in text
    page.page.mouse.move(x, 5)  # straight out of the graph, onto the header
    page.page.wait_for_timeout(200)
    assert tooltip.is_hidden()


def test_categories_carry_their_markers_in_the_graph_and_the_legend(open_page):
    page = open_page("shipped")
    drawn = page.js("""() => actorgraph.data.edges.map((r) => {
        const m = actorgraph.network.body.edges[r.key].options.arrows.middle;
        return [actorgraph.data.categories[r.category].marker, m.enabled ? m.type : "none"]; })""")
    assert all(wanted == got for wanted, got in drawn) and {got for _, got in drawn} >= {"none", "circle", "box"}
    assert page.page.locator("#legend-categories svg.line-glyph").count() == page.js(
        "Object.keys(actorgraph.data.categories).length")


def test_selecting_an_actor_brings_out_its_neighbours(open_page):
    page = open_page("small")
    page.click_actor("dan")
    faded = page.js("""() => Object.fromEntries(actorgraph.data.nodes.map((n) =>
        [n.id, actorgraph.nodes.get(n.key).color.background !== actorgraph.data.kinds[n.kind].color]))""")
    assert faded == {"alice": True, "bob": False, "carol": True, "dan": False, "council": True}
    page.page.keyboard.press("Escape")
    assert not any(page.js("""() => actorgraph.data.nodes.map((n) =>
        actorgraph.nodes.get(n.key).color.background !== actorgraph.data.kinds[n.kind].color)"""))


def test_legend_counts_follow_the_filters(open_page):
    page = open_page("small")
    page.page.get_by_label("Hide alleged and disputed").check()
    counts = page.page.locator("#legend-kinds li").all_inner_texts()
    assert "Person\n3 of 4" in counts and "Government body\n1" in counts
    assert page.page.locator("#legend-categories li", has_text="Purge").inner_text().endswith("0 of 1")


def test_a_focus_page_marks_its_focus_actor(open_page):
    page = open_page("canary")
    focus = page.js("actorgraph.nodes.get(actorgraph.actor('attacker').key)")
    other = page.js("actorgraph.nodes.get(actorgraph.actor('victim').key)")
    assert focus["borderWidth"] == 4 and focus["color"]["border"] == "#1f2328"
    assert other.get("borderWidth") is None and other["color"]["border"] != "#1f2328"


def test_fit_and_jumps_leave_room_for_the_open_panel_and_a_path_is_brought_into_view(open_page):
    page = open_page("shipped")
    page.js("actorgraph.selectActor('kassym-jomart-tokayev', true)")
    page.page.wait_for_timeout(500)
    box = page.page.locator("#network").bounding_box()
    panel = page.page.locator("#panel").bounding_box()
    where = """ids => { const n = actorgraph.network, keys = ids.map((id) => actorgraph.actor(id).key), p = n.getPositions(keys);
        return keys.map((k) => n.canvasToDOM(p[k])); }"""
    [tokayev] = page.js(where, ["kassym-jomart-tokayev"])
    assert abs(tokayev["x"] - (box["width"] - panel["width"]) / 2) < 5  # centred in what the panel leaves
    page.page.click("#fit")
    page.page.wait_for_timeout(500)
    everyone = page.js("actorgraph.data.nodes.map((n) => n.id)")
    assert max(p["x"] for p in page.js(where, everyone)) < box["width"] - panel["width"]
    page.page.click("#panel-close")
    page.js("actorgraph.network.moveTo({position: {x: 5000, y: 5000}, scale: 3})")  # looking elsewhere
    page.page.fill("#path-from", "Anuar Sadykulov")
    page.page.fill("#path-to", "Kazakhstan state broadcasting corporation")
    page.page.click("#path-find")
    page.page.wait_for_timeout(500)
    ends = page.js(where, page.js("actorgraph.path.nodes"))
    assert all(0 <= p["x"] <= box["width"] and 0 <= p["y"] <= box["height"] for p in ends)


def test_the_path_finder_lists_the_other_equally_short_paths_as_the_command_does(open_page, shipped_graph):
    found = find_paths(shipped_graph, "kairat-satybaldy", "kassym-jomart-tokayev", all_shortest=True)
    listed = [" → ".join(shipped_graph.nodes[a]["name"] for a in p["actors"]) for p in found["paths"]]
    page = open_page("shipped")
    page.page.fill("#path-from", "Kairat Satybaldy")
    page.page.fill("#path-to", "Kassym-Jomart Tokayev")
    page.page.click("#path-find")
    assert f"the best of {found['shortest_count']} equally short paths" in page.page.locator("#path-status").inner_text()
    page.page.get_by_role("button", name="Show the others").click()
    others = page.page.locator("#path-status ol.other-paths li button")
    assert others.all_inner_texts() == listed[1:]
    others.first.click()
    assert page.js("actorgraph.path.nodes") == found["paths"][1]["actors"]
    assert page.page.locator("#path-status").inner_text().startswith("Another of the equally short paths: 2 hops")


def test_the_timeline_marks_events_steps_plays_and_fades_what_only_may_hold(open_page, shipped_graph):
    from graph.render.records import edge_records, event_days

    page = open_page("shipped")
    days = page.js("[...document.querySelectorAll('#date-ticks option')].map((o) => Number(o.value))")
    assert days == event_days(edge_records(shipped_graph)) and len(days) > 10  # the ticks on the slider
    page.page.fill("#date-input", "2022-01-04")
    page.page.click("#date-next")
    assert page.page.locator("#date-input").input_value() == "2022-01-05"
    assert page.page.locator("#date-words").inner_text().startswith("5 January 2022 · ")
    page.page.click("#date-prev")
    assert page.page.locator("#date-input").input_value() < "2022-01-05"
    chair = next(key for source, target, key, data in shipped_graph.edges(keys=True, data=True)
                 if (source, target, data["type"]) == ("nursultan-nazarbayev", "security-council", "heads"))
    page.page.fill("#date-input", "2022-01-04")  # may hold: nothing dates the start of his chairmanship
    assert page.js("id => actorgraph.edges.get(actorgraph.relation(id).key).color.opacity", chair) == 0.4
    history = page.js("history.length")
    iso = [(dt.date(1970, 1, 1) + dt.timedelta(days=day)).isoformat() for day in (days[-3], days[-1])]
    page.page.fill("#date-input", iso[0])
    page.page.click("#date-play")
    page.page.wait_for_function("() => document.getElementById('date-play').getAttribute('aria-pressed') === 'false'",
                                timeout=10_000)
    assert page.page.locator("#date-input").input_value() == iso[1]  # played to the last event, then stopped
    assert page.js("history.length") <= history + 2  # playing writes the address in place


@pytest.mark.parametrize("viewport", [(1024, 768), (768, 1024)])
def test_on_a_tablet_labels_show_and_nothing_scrolls_sideways(open_page, viewport):
    page = open_page("shipped", viewport=viewport)
    labels = page.js("actorgraph.drawnLabels()")
    assert len(labels) >= 12 and min(label["fontPx"] for label in labels) >= 11 and _overlaps(labels) == []
    assert page.js("document.documentElement.scrollWidth") <= viewport[0]



def test_many_relations_between_two_actors_are_one_link_that_opens(open_page, shipped_graph):
    from collections import Counter

    pairs = Counter(tuple(sorted(ends)) for ends in shipped_graph.edges())
    many = {pair for pair, count in pairs.items() if count >= 4}
    page = open_page("shipped")
    bundles = page.js("actorgraph.data.bundles")
    assert {(b["from"], b["to"]) for b in bundles} == many
    tokayev_nazarbayev = next(b for b in bundles if {b["from"], b["to"]} == {"kassym-jomart-tokayev", "nursultan-nazarbayev"})
    members = set(tokayev_nazarbayev["members"])
    assert not members & page.shown_edges()  # folded: one link instead
    key = page.js("b => actorgraph.data.edges.length + actorgraph.data.bundles.findIndex((x) => x.from === b.from && "
                  "x.to === b.to)", tokayev_nazarbayev)
    assert page.js("k => actorgraph.edges.get(k).label", key) == f"{len(members)} relations"
    assert page.js("k => actorgraph.network.body.edges[k].options.hidden", key) is False
    page.js("actorgraph.network.moveTo({position: actorgraph.network.getPositions([actorgraph.actor('kassym-jomart-tokayev').key])["
            "actorgraph.actor('kassym-jomart-tokayev').key], scale: 2.5})")
    page.page.wait_for_timeout(200)
    x, y = page.between("kassym-jomart-tokayev", "nursultan-nazarbayev")
    page.page.mouse.click(x, y)
    assert page.page.locator("#panel h2").inner_text() == (
        f"{len(members)} relations between Kassym-Jomart Tokayev and Nursultan Nazarbayev")
    assert members <= page.shown_edges() and page.page.locator("#panel li.relation").count() == len(members)
    page.page.get_by_role("button", name="Fold them into one link again").click()
    assert not members & page.shown_edges()
    page.js("id => actorgraph.selectRelation(id)", sorted(members)[0])  # a relation chosen among them opens the link
    assert members <= page.shown_edges()


def test_the_selected_actor_and_a_path_s_ends_are_always_labelled(open_page):
    page = open_page("shipped")
    unlabelled = page.js("""() => { const shown = new Set(actorgraph.drawnLabels().map((l) => l.id));
        const inside = (n) => actorgraph.data.label_inside.includes(actorgraph.data.kinds[n.kind].shape);
        return actorgraph.data.nodes.filter((n) => !shown.has(n.id) && !inside(n))  // labels below their shape
            .sort((a, b) => a.degree - b.degree).map((n) => n.id); }""")
    quiet = unlabelled[0]
    page.js("id => actorgraph.selectActor(id, false)", quiet)
    page.page.wait_for_timeout(300)
    assert quiet in {label["id"] for label in page.js("actorgraph.drawnLabels()")}


# ---------------------------------------------------------------- stories: the shipped story walked step by step

STORY = "security-state"


@pytest.fixture(scope="module")
def story():
    from graph.dataset import Dataset

    graph = build_graph(load_dataset(DATA, SEEDS))
    [shipped] = Dataset(DATA).stories(graph)
    return graph, shipped


@pytest.fixture(scope="module")
def story_files(tmp_path_factory, story):
    graph, shipped = story
    folder = tmp_path_factory.mktemp("story")
    files = {}
    for name, options in (("story", {"story": STORY}), ("embed", {"story": STORY, "embed": True}), ("plain", {})):
        files[name] = folder / f"{name}.html"
        files[name].write_text(build_page(graph, seeds_dir=SEEDS, stories=[shipped], **options).html, encoding="utf-8")
    return files


@pytest.fixture
def opened(browser, story_files):
    pages: list[Opened] = []

    def open_named(name: str = "story", fragment: str = "", viewport=(1440, 900)) -> Opened:
        pages.append(Opened(browser, story_files[name], fragment, viewport))
        return pages[-1]

    yield open_named
    for page in pages:
        page.page.close()
        assert page.blocked == [] and page.errors == []


def _fragment(page: Opened) -> str:
    return page.page.url.split("#", 1)[1]


def standing_out(page: Opened) -> set[str]:
    return set(page.js("actorgraph.data.nodes.filter((n) => n.visible && !n.dim).map((n) => n.id)"))


def test_a_story_page_opens_on_step_one_and_walks_every_step(opened, story):
    graph, shipped = story
    page = opened()
    assert page.js("actorgraph.stories()") == [STORY]
    assert _fragment(page) == f"story={STORY}&step=1"
    for number, step in enumerate(shipped.steps, 1):
        if number > 1:
            page.page.keyboard.press("ArrowRight") if number % 2 else page.page.click("#story .story-next")
        assert _fragment(page) == f"story={STORY}&step={number}"
        card = page.page.locator("#story .story-step.current")
        assert card.locator("h3").inner_text() == step.title
        assert page.page.locator("#date-input").input_value() == step.filters.as_of.first.isoformat()
        assert page.page.locator("#date-on").is_checked()
        assert standing_out(page) == set(step.actors)  # what the step names stands out, the rest is dimmed
        shown = page.shown_edges()
        assert set(step.relations) <= shown
        quotes = card.locator(".story-citations blockquote").all_inner_texts()
        for key in step.relations:  # every quote of every highlighted relation is listed
            source, target = next((u, v) for u, v, k in graph.edges(keys=True) if k == key)
            for cited in graph.edges[source, target, key]["sources"]:
                assert any(cited["quote"] in text for text in quotes), (step.title, cited["quote"])
    assert page.page.locator("#story .story-next").is_disabled()
    page.page.keyboard.press("ArrowLeft")
    assert _fragment(page) == f"story={STORY}&step={len(shipped.steps) - 1}"


def test_a_step_s_address_comes_back_after_a_reload_and_back_walks_the_steps(opened, story):
    _, shipped = story
    page = opened("plain", "#story=" + STORY + "&step=3")
    assert page.page.locator("#story .story-step.current h3").inner_text() == shipped.steps[2].title
    assert standing_out(page) == set(shipped.steps[2].actors)
    page.page.click("#story .story-next")
    page.page.reload()
    page.page.wait_for_function("() => window.actorgraph && window.actorgraph.ready")
    assert _fragment(page) == f"story={STORY}&step=4"
    assert page.page.locator("#story .story-step.current h3").inner_text() == shipped.steps[3].title
    page.page.go_back()
    assert page.page.locator("#story .story-step.current h3").inner_text() == shipped.steps[2].title


def test_closing_a_story_gives_the_map_back(opened):
    page = opened("plain")
    page.page.get_by_role("button", name="How Tokayev took the security state").click()
    assert _fragment(page) == f"story={STORY}&step=1" and page.page.locator("nav#controls").is_hidden()
    page.page.click("#story .story-close")
    assert page.page.locator("#story").is_hidden() and page.page.locator("nav#controls").is_visible()
    assert "story=" not in page.page.url and page.js("actorgraph.data.nodes.filter((n) => n.dim).length") == 0


def test_the_step_text_is_dom_built_with_safe_links_only(opened):
    page = opened()
    page.page.click("#story .story-next")
    card = page.page.locator("#story .story-step.current .story-text")
    assert card.locator("ul li").count() == 3 and card.locator("strong").count() >= 3 and card.locator("em").count() == 1
    links = page.js("[...document.querySelectorAll('#story .story-text a')].map((a) => [a.href, a.rel])")
    assert all(href.startswith(("http://", "https://")) and "noopener" in rel for href, rel in links)


def test_an_exported_step_carries_its_caption(opened, story):
    _, shipped = story
    page = opened("story", "#story=" + STORY + "&step=5")
    svg = page.js("actorgraph.exportImage('svg')")
    assert f"step 5 of {len(shipped.steps)}: {shipped.steps[4].title}" in svg
    assert "about 3600 troops" in svg


def test_on_a_phone_the_story_reads_as_cards_each_with_its_picture(opened, story):
    _, shipped = story
    page = opened("story", "#story=" + STORY + "&step=2", viewport=(390, 844))
    page.page.wait_for_function("() => document.getElementById('story').dataset.pictures === 'done'", timeout=30_000)
    assert page.js("document.documentElement.scrollWidth") <= 390
    cards = page.page.locator("#story .story-step")
    assert cards.count() == len(shipped.steps) and all(cards.nth(i).is_visible() for i in range(cards.count()))
    pictures = page.js("[...document.querySelectorAll('#story .story-step img')].map((i) => [i.src.slice(0, 15), i.naturalWidth])")
    assert len(pictures) == len(shipped.steps) and all(src == "data:image/png;" and width > 0 for src, width in pictures)
    assert page.page.locator("#story").bounding_box()["width"] == 390
    assert standing_out(page) == set(shipped.steps[1].actors)  # the current step again once the pictures are made
    assert _fragment(page) == f"story={STORY}&step=2"


def test_an_embedded_page_has_no_side_controls(opened):
    page = opened("embed")
    assert page.page.locator("nav#controls").is_hidden() and page.page.locator("#search").is_hidden()
    assert page.page.locator("#story").is_visible()
