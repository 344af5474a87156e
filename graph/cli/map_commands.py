"""Commands about a map as a whole: init (start one) and diff (what a change did to it)."""
from __future__ import annotations

from pathlib import Path

import click

from . import cli
from .output import echo


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".", required=False)
@click.option("--title", help="The map's title (data/dataset.yaml)  [default: made from the folder's name]")
def init(folder, title):
    """Start a new map in FOLDER (default: here): data/ with a starter vocabulary and dataset.yaml,
    seeds/sources.yaml, and a README. Refuses to write over an existing map (exit 2).
    """
    from ..load import display_path
    from ..new_map import create_map

    for path in create_map(folder, title):
        echo(f"created {display_path(path)}")
    echo("next: actorgraph add document FILE (a .txt, .html or .pdf), then add actors and relations "
         "(see the README in the map)")
