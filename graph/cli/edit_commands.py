"""Commands that help edit the data: add, schema, watch."""
from __future__ import annotations

import time
from pathlib import Path

import click
from click.core import ParameterSource

from ..errors import DataError, UsageError
from ..fields import ACTOR, RELATION, named
from . import cli
from .base import data_options, filter_options, focus_options, report_problems

file_option = click.option("--file", type=click.Path(path_type=Path), metavar="FILE",
                           help="Data file to append to: a path, or a name inside the data folder; created if "
                                "missing  [default: the file already holding the most such entries]")
dry_run_option = click.option("--dry-run", is_flag=True, help="Check and show the entry, but write nothing.")


def declared(fields, name: str, *decls: str, extra: str = "", **options):
    """An option for the field ``name`` of :mod:`graph.fields`, with its declared help."""
    return click.option(*decls, help=" ".join(filter(None, [named(fields, name).help, extra])), **options)


@cli.group(invoke_without_command=True)
@click.option("--from", "review_file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Add every entry kept in a review file written by 'actorgraph suggest' (no subcommand).")
@data_options
@dry_run_option
@click.pass_context
def add(ctx, review_file, source, dry_run):
    """Add an actor or a relation to a data file, checked with the whole dataset first.

    The entry is appended to the file's list as YAML; nothing else in the file changes. If
    the dataset with the new entry would be invalid, the problems are printed as
    FILE:LINE:COLUMN: message and nothing is written.

    With --from FILE (and no subcommand), every actor and relation kept in a review file is
    added the same way, all checked together and all written or none; the proposals
    deleted from the file are remembered as dismissed.
    """
    from .curation_commands import add_from

    if ctx.invoked_subcommand is not None:
        if review_file is not None or dry_run or ctx.get_parameter_source("data_dir") == ParameterSource.COMMANDLINE:
            raise click.UsageError(f"give --from, --data and --dry-run after 'add {ctx.invoked_subcommand}', "
                                   f"or --from without a subcommand")
        return
    if review_file is None:
        raise click.UsageError("give a subcommand (actor, relation) or --from FILE")
    add_from(source, review_file, dry_run)


def _report(added, what: str) -> None:
    from ..load import display_path

    where = f"{display_path(added.path)}:{added.line}"
    if added.written:
        click.secho(f"added {what} to {where}", fg="green")
    else:
        click.echo(added.text, nl=False)
        click.echo(f"would add {what} to {where} (dry run: nothing written)")


@add.command("actor")
@data_options
@declared(ACTOR, "name", "--name", required=True)
@declared(ACTOR, "kind", "--kind", required=True)
@declared(ACTOR, "description", "--description", required=True)
@declared(ACTOR, "id", "--id", "actor_id", extra="[default: made from --name]")
@declared(ACTOR, "aliases", "--alias", "aliases", multiple=True, metavar="NAME", extra="(repeatable)")
@declared(ACTOR, "tags", "--tag", "tags", multiple=True, metavar="TAG", extra="(repeatable)")
@file_option
@dry_run_option
def add_actor(source, name, kind, description, actor_id, aliases, tags, file, dry_run):
    """Add an actor.

    Example: actorgraph add actor --name "Karim Massimov" --kind person
    --description "Former chairman of the National Security Committee." --alias Masimov
    """
    from ..edit import add_actor as add_actor_entry

    added = add_actor_entry(source, name=name, kind=kind, description=description,
                            actor_id=actor_id, aliases=aliases, tags=tags, file=file, dry_run=dry_run)
    _report(added, f"actor {added.entry['id']}")


@add.command("relation")
@data_options
@declared(RELATION, "from", "--from", "from_", required=True, metavar="ACTOR")
@declared(RELATION, "to", "--to", required=True, metavar="ACTOR")
@declared(RELATION, "type", "--type", "relation_type", required=True)
@click.option("--source", "documents", multiple=True, metavar="DOC",
              help="Id of a document in sources.yaml (repeatable; paired in order with --quote).")
@click.option("--quote", "quotes", multiple=True, metavar="TEXT",
              help="Words copied verbatim from the matching --source document (repeatable).")
@declared(RELATION, "status", "--status")
@declared(RELATION, "claimed_by", "--claimed-by", metavar="ACTOR")
@declared(RELATION, "role", "--role")
@declared(RELATION, "start", "--start", metavar="DATE")
@declared(RELATION, "end", "--end", metavar="DATE")
@declared(RELATION, "date", "--date", metavar="DATE")
@declared(RELATION, "note", "--note")
@declared(RELATION, "id", "--id", "relation_id")
@file_option
@dry_run_option
def add_relation(source, from_, to, relation_type, documents, quotes, status, claimed_by, role, start, end, date,
                 note, relation_id, file, dry_run):
    """Add a relation, cited by one or more --source DOC --quote TEXT pairs.

    Example: actorgraph add relation --from kassym-jomart-tokayev --to karim-massimov
    --type dismissed --date 2022-01-06 --source DOC --quote "Massimov was dismissed"
    """
    from ..edit import add_relation as add_relation_entry

    if len(documents) != len(quotes):
        raise UsageError(f"give one --quote for each --source (got {len(documents)} --source, {len(quotes)} --quote)")
    added = add_relation_entry(source, from_=from_, to=to, relation_type=relation_type,
                               sources=list(zip(documents, quotes)), status=status, claimed_by=claimed_by,
                               role=role, start=start, end=end, date=date, note=note, relation_id=relation_id,
                               file=file, dry_run=dry_run)
    _report(added, f"relation {from_} {relation_type} {to}")


@cli.command()
@data_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (whole or not at all; missing folders are created; never a file the dataset "
                   "reads)  [default: standard output]")
@click.option("--story", "story", is_flag=True, help="The schema of story files (data/stories/NAME.yaml) instead.")
def schema(source, output, story):
    """Write a JSON Schema of data files (or, with --story, of story files), generated from the vocabulary, for editors.

    Save it beside the data and put this first line in each data file to get completion and
    checks while typing (VS Code YAML extension, and other editors using yaml-language-server):

        # yaml-language-server: $schema=actorgraph.schema.json
    """
    from ..atomic import write_atomic
    from ..editor_schema import json_schema_text
    from ..export import check_output_file
    from ..load import load_vocabulary

    if output:
        check_output_file(output)
        source.check_writable_output(output)
    text = json_schema_text(load_vocabulary(source.data_dir), story=story)
    if output:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@cli.command()
@data_options
@filter_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="HTML file to keep up to date (missing folders are created; never a file the dataset "
                   "reads)  [default: build/actorgraph.html]")
@focus_options
@click.option("--interval", type=click.FloatRange(min=0.05), default=0.5, show_default=True, metavar="SECONDS",
              help="How often to look for saved files.")
@click.option("--once", is_flag=True, help="Check and render once, then exit (1 if the data is invalid).")
def watch(source, filters, output, focus, depth, interval, once):
    """Re-check the data and re-render the explorer page whenever a data file is saved.

    Problems are printed as FILE:LINE:COLUMN: message, like validate; while the data is
    broken the page keeps its last good version. Stop with Ctrl-C.
    """
    from ..render import DEFAULT_OUTPUT
    from ..watch import Watcher, watch as watch_loop

    output = output or DEFAULT_OUTPUT
    watcher = Watcher(source, output, filters=filters, focus=focus, depth=depth)

    def report(outcome) -> None:
        stamp = time.strftime("%H:%M:%S")
        if isinstance(outcome.error, DataError):
            report_problems(outcome.error)
        elif outcome.error is not None:
            click.secho(f"actorgraph: {outcome.error}", err=True, fg="red")
        if outcome.error is not None:
            kept = f"kept the last good page {output}" if output.exists() else f"{output} not written yet"
            click.echo(f"{stamp} {kept}", err=True)
        else:
            click.secho(f"{stamp} wrote {output} ({outcome.page.actors} actors, {outcome.page.relations} relations)",
                        err=True, fg="green")

    first = watcher.check()
    if isinstance(first.error, UsageError):  # options that do not fit the data: say so and stop
        raise first.error
    report(first)
    if once:
        raise SystemExit(1 if first.error else 0)
    click.echo(f"watching {source.data_dir} for changes (Ctrl-C to stop)", err=True)
    try:
        watch_loop(watcher, report, interval=interval)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
