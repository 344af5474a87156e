"""Benchmark: what a change costs in the explorer page, in full redraws of the same graph.

Usage::

    python scripts/bench_page.py [--sizes 2000:6000 5000:15000] [--runs 5]

For synthetic datasets of the given ACTORS:RELATIONS sizes (``scripts/synthetic.py``, seed 1), opens
the rendered page in headless Chromium 1440x900 and measures, in one run of the page:

* ``redraw``: one full redraw of the graph (vis-network's ``renderer._redraw``, timed
  synchronously), the median of ``--runs``;
* for each change (a category switched off and on, the date set, an actor selected, the selection
  closed): the time of the page's own handler plus every redraw it causes in the next 600 ms (the
  labels are chosen again 120 ms after the camera rests), divided by ``redraw``: the change's cost
  in full redraws (target: at most 2);
* ``camera fps``: frames drawn per second during a 1-second animated camera move (``network.focus``),
  (target: at least 30, or camera moves not animated).

Needs /usr/bin/chromium (or ``ACTORGRAPH_CHROMIUM``) and the playwright package. Progress goes to stderr.
"""
from __future__ import annotations

import argparse
import os
import platform
import runpy
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from graph import build_graph, load_dataset
from graph.render import build_page

CHROMIUM = os.environ.get("ACTORGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
generate = runpy.run_path(str(Path(__file__).with_name("synthetic.py")))["generate"]

MEASURE = """async (runs) => {
    const ag = window.actorgraph, network = ag.network, renderer = network.renderer;
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    let drawing = 0, draws = 0;
    const original = renderer._redraw.bind(renderer);
    renderer._redraw = function (...args) {
        const started = performance.now();
        const result = original(...args);
        drawing += performance.now() - started;
        draws += 1;
        return result;
    };
    await wait(300);
    const single = [];
    for (let i = 0; i < runs; i += 1) {
        const started = performance.now();
        original();
        single.push(performance.now() - started);
    }
    single.sort((a, b) => a - b);
    const redraw = single[Math.floor(single.length / 2)];
    const hub = ag.data.nodes.reduce((a, b) => (b.degree > a.degree ? b : a)).id;
    const category = Object.keys(ag.data.categories)[0];
    const box = document.querySelector("#legend-categories input[data-category='" + category + "']");
    const date = document.getElementById("date-input");
    // Each change and the change that undoes it, measured in turn.
    const pairs = [
        ["category off", () => box.click(), "category on", () => box.click()],
        ["date set", () => { date.value = date.min; date.dispatchEvent(new Event("change")); },
         "date filter off", () => document.getElementById("date-on").click()],
        ["actor selected", () => ag.selectActor(hub, false), "selection closed",
         () => document.getElementById("panel-close").click()],
    ];
    const costs = {};
    const measure = async (change) => {
        await wait(250);
        drawing = 0; draws = 0;
        const started = performance.now();
        change();
        const handler = performance.now() - started;
        await wait(600);
        return [(handler + drawing) / redraw, draws];
    };
    for (const [name, change, undoName, undo] of pairs) {
        const done = [], undone = [];
        for (let i = 0; i < runs; i += 1) {
            done.push(await measure(change));
            undone.push(await measure(undo));
        }
        for (const [label, results] of [[name, done], [undoName, undone]]) {
            results.sort((a, b) => a[0] - b[0]);
            costs[label] = results[Math.floor(results.length / 2)];
        }
    }
    await wait(300);
    draws = 0;
    const key = ag.actor(hub).key, started = performance.now();
    network.focus(key, {scale: network.getScale() * 1.8, animation: {duration: 1000, easingFunction: "linear"}});
    await wait(1100);
    const fps = draws / ((performance.now() - started) / 1000);
    renderer._redraw = original;
    return {redraw: redraw, costs: costs, fps: fps};
}"""


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", default=["2000:6000", "5000:15000"], metavar="ACTORS:RELATIONS")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in args.sizes:
            actors, relations = (int(part) for part in size.split(":"))
            say(f"synthetic {actors:,} actors / {relations:,} relations")
            data = generate(Path(tmp) / size.replace(":", "-"), actors, relations, seed=1)
            graph = build_graph(load_dataset(data, data.parent / "seeds"))
            file = Path(tmp) / f"{size.replace(':', '-')}.html"
            file.write_text(build_page(graph).html, encoding="utf-8")
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
            page.goto(file.as_uri())
            page.wait_for_function("() => window.actorgraph && window.actorgraph.ready", timeout=120_000)
            results.append((size, page.evaluate(MEASURE, args.runs)))
            page.close()
        browser.close()
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, headless Chromium, median of {args.runs}")
    for size, found in results:
        print(f"\n{size}: one full redraw {found['redraw']:.1f} ms; camera move {found['fps']:.0f} frames/s")
        for name, (ratio, draws) in found["costs"].items():
            print(f"  {name:<18} {ratio:5.2f} full redraws ({draws} drawn)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
