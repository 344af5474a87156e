"""A screenshot of a story step for README.md, taken in headless Chromium.

Usage::

    python scripts/screenshot_story.py [--story security-state] [--step 3] [--out docs/screenshot-story.png]

Renders the shipped data with its stories and documents, opens the page on ``#story=NAME&step=N`` at
1440x900 and saves the picture. Needs /usr/bin/chromium (or ``ACTORGRAPH_CHROMIUM``) and the playwright
package; every request other than the page's own file is blocked, and a console error stops the script.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from screenshots import ARGS, CHROMIUM, REPO, open_page

from graph import build_graph, load_dataset
from graph.dataset import Dataset
from graph.render import build_page
from graph.render.share import view_fragment


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--story", default="security-state", help="the story's name (its file in data/stories/)")
    parser.add_argument("--step", type=int, default=3, help="the step to show, from 1")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot-story.png", help="the file to save")
    args = parser.parse_args()
    graph = build_graph(load_dataset(REPO / "data", REPO / "seeds"))
    stories = Dataset(REPO / "data").stories(graph)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        file = Path(folder) / "actorgraph.html"
        file.write_text(build_page(graph, seeds_dir=REPO / "seeds", stories=stories).html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = open_page(browser, file.as_uri() + "#" + view_fragment(story=args.story, step=args.step))
        page.wait_for_timeout(600)  # the camera glides to the step, then the labels are chosen again
        args.out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.out))
        browser.close()
    if page.errors:
        print("\n".join(page.errors), file=sys.stderr)
        return 1
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
