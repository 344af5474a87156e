"""Benchmark: rendering the explorer page in Python, and the page becoming ready in headless Chromium.

Usage::

    python scripts/bench_render.py [--runs 3] [--sizes 2000:6000 5000:15000] [--screenshots docs]

For the shipped data and for synthetic datasets of the given ACTORS:RELATIONS sizes (made with
``scripts/synthetic.py``), prints, each the median of ``--runs`` runs:

* ``render``: :func:`graph.render.build_page` (selection, layout, records, HTML), in Python;
* ``ready``: from navigation start to the page's ``window.actorgraph.ready`` (drawn and
  interactive), as the page measures it (``performance.now()``), with every non-file request
  blocked (there are none);
* ``filter``: one change of the date filter on the whole graph, in the page;
* the file size.

Targets (docs/render.md): shipped page ready < 2 s; 2,000/6,000: render < 3 s, ready < 5 s.
``--screenshots DIR`` also saves DIR/screenshot.png (the shipped graph) and
DIR/screenshot-panel.png (with an actor's panel open). Needs /usr/bin/chromium (or
``ACTORGRAPH_CHROMIUM``) and the playwright package. Progress goes to stderr.
"""
from __future__ import annotations

import argparse
import os
import platform
import runpy
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from graph import build_graph, load_dataset
from graph.render import build_page

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("ACTORGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
VIEWPORT = {"width": 1440, "height": 900}
PANEL_ACTOR = "kassym-jomart-tokayev"

generate = runpy.run_path(str(Path(__file__).with_name("synthetic.py")))["generate"]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def open_page(browser, file: Path):
    """Open ``file`` with outside requests blocked; wait until ready; return (page, blocked requests)."""
    page = browser.new_page(viewport=VIEWPORT)
    blocked: list[str] = []
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (blocked.append(route.request.url), route.abort()))
    page.goto(file.as_uri())
    # a function, not an expression: see READY in tests/test_browser.py
    page.wait_for_function("() => window.actorgraph && window.actorgraph.ready", timeout=60_000)
    if blocked or errors:
        raise SystemExit(f"{file.name}: blocked requests {blocked}, console errors {errors}")
    return page


FILTER_CHANGE = """() => {
    const input = document.getElementById("date-input"), started = performance.now();
    input.value = "2020-06-30";
    input.dispatchEvent(new Event("change"));
    return performance.now() - started;
}"""


def measure(browser, name: str, graph, runs: int, folder: Path) -> dict:
    renders, ready, filters = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        page = build_page(graph)
        renders.append(time.perf_counter() - started)
    file = folder / f"{name}.html"
    file.write_text(page.html, encoding="utf-8")
    for _ in range(runs):
        opened = open_page(browser, file)
        ready.append(opened.evaluate("actorgraph.readyAt") / 1000)
        filters.append(opened.evaluate(FILTER_CHANGE) / 1000)
        opened.close()
    return {"name": name, "actors": page.actors, "relations": page.relations, "render": statistics.median(renders),
            "ready": statistics.median(ready), "filter": statistics.median(filters), "size": file.stat().st_size}


def screenshots(browser, shipped: Path, folder: Path) -> None:
    page = open_page(browser, shipped)
    page.screenshot(path=str(folder / "screenshot.png"))
    x, y = page.evaluate("""id => { const n = actorgraph.network, key = actorgraph.actor(id).key;
        const p = n.canvasToDOM(n.getPositions([key])[key]), box = document.getElementById("network").getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }""", PANEL_ACTOR)
    page.mouse.click(x, y)
    corner = page.locator("#network").bounding_box()
    page.mouse.move(corner["x"] + 20, corner["y"] + 20)  # off the actor, so no tooltip in the picture
    page.wait_for_timeout(500)
    page.screenshot(path=str(folder / "screenshot-panel.png"))
    page.close()
    say(f"saved {folder / 'screenshot.png'} and {folder / 'screenshot-panel.png'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", nargs="*", default=["2000:6000", "5000:15000"], metavar="ACTORS:RELATIONS")
    parser.add_argument("--screenshots", type=Path, metavar="DIR", help="save the screenshots into DIR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        say("shipped data")
        results = [measure(browser, "shipped", build_graph(load_dataset(REPO / "data", REPO / "seeds")), args.runs, folder)]
        if args.screenshots:
            screenshots(browser, folder / "shipped.html", args.screenshots)
        for size in args.sizes:
            actors, relations = (int(part) for part in size.split(":"))
            say(f"synthetic {actors:,} actors / {relations:,} relations")
            data = generate(folder / size.replace(":", "-"), actors, relations, seed=1)
            graph = build_graph(load_dataset(data, data.parent / "seeds"))
            results.append(measure(browser, f"synthetic-{actors}-{relations}", graph, args.runs, folder))
        browser.close()
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"median of {args.runs} runs")
    print(f"{'graph':<26} {'actors':>7} {'relations':>9} {'render s':>9} {'ready s':>8} {'filter s':>9} {'file KB':>8}")
    for r in results:
        print(f"{r['name']:<26} {r['actors']:>7,} {r['relations']:>9,} {r['render']:>9.2f} {r['ready']:>8.2f} "
              f"{r['filter']:>9.3f} {r['size'] / 1024:>8,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
