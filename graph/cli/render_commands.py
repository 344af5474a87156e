"""The picture: ``render`` writes the interactive explorer page."""
from __future__ import annotations

from pathlib import Path

import click

from . import cli
from .base import data_options, filter_options, focus_options


@cli.command()
@data_options
@filter_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="HTML file to write (whole or not at all; missing folders are created; never a file the "
                   "dataset reads)  [default: build/actorgraph.html]")
@focus_options
@click.option("--path", nargs=2, metavar="A B", help="Open the page with the shortest path from A to B shown.")
@click.option("--story", metavar="NAME", help="Open the page on the story data/stories/NAME.yaml, at its first step.")
@click.option("--embed", is_flag=True, help="Leave out the side controls: a page to put in an article's iframe.")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default browser.")
def render(source, filters, output, focus, depth, path, story, embed, open_page):
    """Write the interactive explorer: one HTML file that works offline, with no network.

    In the page: search by name or alias, click an actor or relation for its details and
    quotes, filter by category, status and date, and find the shortest path between two
    actors. The filter options narrow what the file holds; with --as-of the page's date
    filter starts at that date. Graphs of more than 5,000 actors need --focus. The stories in
    data/stories/ go in the page (checked first, as validate checks them).
    """
    from ..render import DEFAULT_OUTPUT, write_explorer

    output = output or DEFAULT_OUTPUT
    source.check_writable_output(output)
    graph = source.graph()
    page = write_explorer(graph, output, filters=filters(graph), focus=focus, depth=depth, path=path,
                          seeds_dir=source.seeds_dir, stories=source.stories(graph), story=story, embed=embed)
    click.echo(f"wrote {output} ({page.actors} actors, {page.relations} relations)", err=True)
    if open_page:
        click.launch(str(output))
