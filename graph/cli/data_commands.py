"""Commands about the data itself: validate, export."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import DataError
from . import cli
from .base import data_options, echo_json, json_option


@cli.command()
@data_options
@json_option
def validate(source, as_json):
    """Check every data file and quote; print each problem as FILE:LINE:COLUMN: message.

    Exits 0 when the data is valid, 1 when it is not.
    """
    try:
        dataset = source.dataset()
    except DataError as exc:
        if not as_json:
            raise
        echo_json({"valid": False, "errors": [vars(p) for p in exc.problems]})
        raise SystemExit(1) from None
    counts = {"actors": len(dataset.actors), "relations": len(dataset.relations),
              "documents": len(dataset.documents)}
    if as_json:
        echo_json({"valid": True, **counts})
    else:
        click.secho("valid: " + ", ".join(f"{n} {k}" for k, n in counts.items()), fg="green")


@cli.command()
@data_options
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (written whole or not at all)  [default: standard output]")
def export(source, fmt, output):
    """Export the graph (node-link JSON: the documented interchange format)."""
    from ..atomic import write_atomic
    from ..export import to_json

    text = to_json(source.graph())
    if output:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
