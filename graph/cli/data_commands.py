"""Commands about the data itself: validate, export."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import DataError
from ..export import FORMATS
from . import cli
from .base import data_options, echo_json, json_option
from .output import echo


@cli.command()
@data_options
@json_option
def validate(source, as_json):
    """Check every data file, quote and story; print each problem as FILE:LINE:COLUMN: message.

    Exits 0 when the data is valid, 1 when it is not.
    """
    from ..load import story_files

    try:
        dataset = source.load()
        stories = source.stories(source.graph()) if story_files(source.data_dir) else []
    except DataError as exc:
        if not as_json:
            raise
        echo_json({"valid": False, "errors": [vars(p) for p in exc.problems]})
        raise SystemExit(1) from None
    counts = {"actors": len(dataset.actors), "relations": len(dataset.relations),
              "documents": len(dataset.documents), **({"stories": len(stories)} if stories else {})}
    from ..curation.dedupe import HIGH_SCORE, candidates, decided_pairs

    likely = candidates(dataset, decided_pairs(source), HIGH_SCORE)
    if as_json:
        echo_json({"valid": True, **counts, "warnings": [
            {"duplicates": [p.a, p.b], "score": p.score, "evidence": list(p.evidence)} for p in likely]})
    else:
        click.secho("valid: " + ", ".join(f"{n} {k}" for k, n in counts.items()), fg="green")
    for pair in likely if not as_json else ():
        echo(f"warning: {pair.a} and {pair.b} may be the same actor (score {pair.score:.2f}: {pair.evidence[0]}); "
             f"see actorgraph dedupe", err=True)


@cli.command(epilog="\b\nFormats:\n" + "\n".join(f"  {f.name:<10} {f.tool}" for f in FORMATS.values()))
@data_options
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="json", show_default=True,
              help="Output format (listed below).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File to write, or for csv the folder to write nodes.csv and edges.csv into (all files "
                   "written or none; missing folders are created; never a file the dataset reads)  "
                   "[default: standard output]")
@click.option("--raw", is_flag=True,
              help="csv only: write every cell as it is. Without it a cell starting with =, +, -, @, tab or "
                   "carriage return gets a leading ' so that a spreadsheet shows it instead of running it as a "
                   "formula (CSV injection).")
def export(source, fmt, output, raw):
    """Export the graph for Gephi, Neo4j, Aleph, spreadsheets and graph libraries.

    Every actor and relation is exported with all its attributes; lists become JSON text in
    formats that have no lists (graphml, gexf, csv).
    """
    from ..export import check_destination, export_text, write_export

    check_destination(fmt, output)
    if raw and fmt != "csv":
        raise click.UsageError("--raw applies to --format csv only")
    if output is not None:
        source.check_writable_output(output)
    graph = source.graph()
    if output is None:
        click.echo(export_text(graph, fmt), nl=False)
        return
    options = {"raw": True} if raw else {}
    for path in write_export(graph, fmt, output, check=source.check_writable_output, **options):
        click.echo(f"wrote {path}", err=True)
