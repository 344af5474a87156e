"""Screenshots of the explorer for README.md and docs/render.md, taken in headless Chromium.

Usage::

    python scripts/screenshots.py [--out docs]

Renders the shipped data (with its documents, for the source reader) and saves, in ``--out``:

* ``screenshot.png``: the first view (1440x900);
* ``screenshot-panel.png``: Kassym-Jomart Tokayev's panel;
* ``screenshot-reader.png``: the source reader on one of the quotes about Karim Massimov;
* ``screenshot-share.png``: a shared address opened: the path from Kairat Satybaldy to Tokayev on
  4 January 2022, the address that "Copy link" gives shown;
* ``screenshot-export.png``: the picture ``Export → PNG`` makes of that view (at 1x, to keep it small);
* ``screenshot-phone.png``: an actor card on a 390x844 phone screen.

Needs /usr/bin/chromium (or ``ACTORGRAPH_CHROMIUM``) and the playwright package. Every request other
than the page's own file is blocked; a console error stops the script.
"""
from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from graph import build_graph, load_dataset
from graph.render import build_page
from graph.render.share import view_fragment

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("ACTORGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
READY = "() => window.actorgraph && window.actorgraph.ready"


def open_page(browser, address: str, width: int = 1440, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(address)
    page.wait_for_function(READY, timeout=30_000)
    page.errors = errors
    return page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="folder to save the screenshots in")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    graph = build_graph(load_dataset(REPO / "data", REPO / "seeds"))
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        file = Path(folder) / "actorgraph.html"
        file.write_text(build_page(graph, seeds_dir=REPO / "seeds").html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pages = []

        page = open_page(browser, file.as_uri())
        pages.append(page)
        page.screenshot(path=str(args.out / "screenshot.png"))
        page.evaluate("actorgraph.selectActor('kassym-jomart-tokayev', true)")
        page.wait_for_timeout(500)
        page.screenshot(path=str(args.out / "screenshot-panel.png"))

        page = open_page(browser, file.as_uri() + "#" + view_fragment(actor="karim-massimov"))
        pages.append(page)
        page.locator("#panel button.quote-text").nth(3).click()
        page.wait_for_timeout(200)
        page.screenshot(path=str(args.out / "screenshot-reader.png"))

        fragment = view_fragment(graph, None, **{"from": "kairat-satybaldy", "to": "kassym-jomart-tokayev"}) + \
            "&date=2022-01-04"
        page = open_page(browser, file.as_uri() + "#" + fragment)
        pages.append(page)
        page.click("#share")
        page.wait_for_timeout(200)
        page.screenshot(path=str(args.out / "screenshot-share.png"))
        png = page.evaluate("actorgraph.exportImage('png', {scale: 1})")
        (args.out / "screenshot-export.png").write_bytes(base64.b64decode(png.split(",", 1)[1]))

        page = open_page(browser, file.as_uri(), 390, 844)
        pages.append(page)
        page.fill("#search", "masimov")
        page.press("#search", "Enter")
        page.wait_for_timeout(300)
        page.screenshot(path=str(args.out / "screenshot-phone.png"))

        errors = [error for page in pages for error in page.errors]
        browser.close()
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    for name in ("screenshot", "screenshot-panel", "screenshot-reader", "screenshot-share", "screenshot-export",
                 "screenshot-phone"):
        print(f"saved {args.out / (name + '.png')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
