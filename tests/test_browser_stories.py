"""The shipped story walked in a real browser (headless Chromium, as in tests/test_browser.py): each step
highlights what it names, sets its date, lists its citations, lives in the address and comes back after a
reload; on a phone it reads as cards with pictures; an exported picture carries the step's caption."""
from __future__ import annotations

import pytest

from graph import build_graph, load_dataset
from graph.dataset import Dataset
from graph.render import build_page
from graph.render.share import view_fragment

from .conftest import DATA, SEEDS
from .test_browser import Opened, browser  # noqa: F401  (the session's browser fixture)

STORY = "security-state"


@pytest.fixture(scope="module")
def story():
    graph = build_graph(load_dataset(DATA, SEEDS))
    [shipped] = Dataset(DATA).stories(graph)
    return graph, shipped


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, story):
    graph, shipped = story
    folder = tmp_path_factory.mktemp("story")
    files = {}
    for name, options in (("story", {"story": STORY}), ("embed", {"story": STORY, "embed": True}), ("plain", {})):
        files[name] = folder / f"{name}.html"
        files[name].write_text(build_page(graph, seeds_dir=SEEDS, stories=[shipped], **options).html, encoding="utf-8")
    return files


@pytest.fixture
def opened(browser, page_file):  # noqa: F811
    pages: list[Opened] = []

    def open_named(name: str = "story", fragment: str = "", viewport=(1440, 900)) -> Opened:
        pages.append(Opened(browser, page_file[name], fragment, viewport))
        return pages[-1]

    yield open_named
    for page in pages:
        page.page.close()
        assert page.blocked == [] and page.errors == []


def fragment(page: Opened) -> str:
    return page.page.url.split("#", 1)[1]


def standing_out(page: Opened) -> set[str]:
    return set(page.js("actorgraph.data.nodes.filter((n) => n.visible && !n.dim).map((n) => n.id)"))


def test_a_story_page_opens_on_step_one_and_walks_every_step(opened, story):
    graph, shipped = story
    page = opened()
    assert page.js("actorgraph.stories()") == [STORY]
    assert fragment(page) == f"story={STORY}&step=1"
    for number, step in enumerate(shipped.steps, 1):
        if number > 1:
            page.page.keyboard.press("ArrowRight") if number % 2 else page.page.click("#story .story-next")
        assert fragment(page) == f"story={STORY}&step={number}"
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
    assert fragment(page) == f"story={STORY}&step={len(shipped.steps) - 1}"


def test_a_step_s_address_comes_back_after_a_reload_and_back_walks_the_steps(opened, story):
    _, shipped = story
    page = opened("plain", "#" + view_fragment(story=STORY, step=3))
    assert page.page.locator("#story .story-step.current h3").inner_text() == shipped.steps[2].title
    assert standing_out(page) == set(shipped.steps[2].actors)
    page.page.click("#story .story-next")
    page.page.reload()
    page.page.wait_for_function("() => window.actorgraph && window.actorgraph.ready")
    assert fragment(page) == f"story={STORY}&step=4"
    assert page.page.locator("#story .story-step.current h3").inner_text() == shipped.steps[3].title
    page.page.go_back()
    assert page.page.locator("#story .story-step.current h3").inner_text() == shipped.steps[2].title


def test_closing_a_story_gives_the_map_back(opened):
    page = opened("plain")
    page.page.get_by_role("button", name="How Tokayev took the security state").click()
    assert fragment(page) == f"story={STORY}&step=1" and page.page.locator("nav#controls").is_hidden()
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
    page = opened("story", "#" + view_fragment(story=STORY, step=5))
    svg = page.js("actorgraph.exportImage('svg')")
    assert f"step 5 of {len(shipped.steps)}: {shipped.steps[4].title}" in svg
    assert "about 3600 troops" in svg


def test_on_a_phone_the_story_reads_as_cards_each_with_its_picture(opened, story):
    _, shipped = story
    page = opened("story", "#" + view_fragment(story=STORY, step=2), viewport=(390, 844))
    page.page.wait_for_function("() => document.getElementById('story').dataset.pictures === 'done'", timeout=30_000)
    assert page.js("document.documentElement.scrollWidth") <= 390
    cards = page.page.locator("#story .story-step")
    assert cards.count() == len(shipped.steps) and all(cards.nth(i).is_visible() for i in range(cards.count()))
    pictures = page.js("[...document.querySelectorAll('#story .story-step img')].map((i) => [i.src.slice(0, 15), i.naturalWidth])")
    assert len(pictures) == len(shipped.steps) and all(src == "data:image/png;" and width > 0 for src, width in pictures)
    assert page.page.locator("#story").bounding_box()["width"] == 390
    assert standing_out(page) == set(shipped.steps[1].actors)  # the current step again once the pictures are made
    assert fragment(page) == f"story={STORY}&step=2"


def test_an_embedded_page_has_no_side_controls(opened):
    page = opened("embed")
    assert page.page.locator("nav#controls").is_hidden() and page.page.locator("#search").is_hidden()
    assert page.page.locator("#story").is_visible()
