"""Shared CLI machinery: error reporting, exit codes and the options every command takes."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import click
from click.core import ParameterSource

from ..controlchars import json_visible
from ..errors import ActorGraphError, DataError, UsageError
from .output import echo

_COMMAND = "actorgraph.command"  # key in click's shared ``ctx.meta``: the context of the command being run


class ActorGraphCommand(click.Command):
    """A command that leaves its context where error reports can find the options it was given."""

    def invoke(self, ctx: click.Context):
        ctx.meta[_COMMAND] = ctx
        return super().invoke(ctx)


class ActorGraphGroup(click.Group):
    """Turns library exceptions into one-line messages and exit codes (1 data/not found, 2 usage)."""

    command_class = ActorGraphCommand
    group_class = type  # subgroups such as ``add`` are ActorGraphGroups too

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DataError as exc:
            report_problems(exc)
            ctx.exit(1)
        except UsageError as exc:
            echo(f"Error: {exc.worded(option_name)}", err=True)
            ctx.exit(2)
        except ActorGraphError as exc:
            echo(f"actorgraph: {exc}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # a reader such as `head` stopped early: click exits quietly
            raise
        except OSError as exc:  # a file the library could not read or write, as one line
            echo(f"actorgraph: {exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)


def report_problems(exc: DataError) -> None:
    """Each problem on a line, then the count; when an argument left at its default is the cause, the option to set."""
    hint = ""
    if exc.parameter and _source(exc.parameter) in (None, ParameterSource.DEFAULT):
        hint = f" (set it with {option_name(exc.parameter)})"
    for problem in exc.problems:
        echo(f"{problem}{hint}", err=True)
    click.secho(str(exc), err=True, fg="red")


def _command() -> click.Context | None:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(_COMMAND, ctx) if ctx else None


def option_name(parameter: str) -> str:
    """The option or argument of the running command that sets the library argument ``parameter``."""
    ctx = _command()
    for param in ctx.command.params if ctx else ():
        if param.name == parameter:
            return param.opts[0] if isinstance(param, click.Option) else param.human_readable_name
    return parameter


def _source(parameter: str) -> ParameterSource | None:
    """Where the value of ``parameter`` came from (command line, environment, default)."""
    ctx = _command()
    return ctx.get_parameter_source(parameter) if ctx else None


def data_options(func):
    """Adds ``--data`` and ``--seeds`` and passes the command a :class:`~graph.cli.source.DataSource` as ``source``."""

    @click.option("--data", "data_dir", type=click.Path(path_type=Path), default="data", show_default=True,
                  envvar="ACTORGRAPH_DATA", help="Folder of data YAML files (env ACTORGRAPH_DATA).")
    @click.option("--seeds", "seeds_dir", type=click.Path(path_type=Path), default=None,
                  help="Folder with sources.yaml and the documents  [default: seeds/ beside the data folder]")
    @functools.wraps(func)
    def wrapper(*args, data_dir, seeds_dir, **kwargs):
        from .source import DataSource

        return func(*args, source=DataSource(data_dir, seeds_dir), **kwargs)

    return wrapper


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def echo_json(value) -> None:
    click.echo(json_visible(json.dumps(value, ensure_ascii=False, indent=2)))


def filter_options(func):
    """Adds the relation filters shared by queries and the picture; passes ``filters``, a function
    that takes the graph and returns a :class:`graph.filters.Filters`."""
    options = [
        click.option("--as-of", metavar="DATE", help="Only relations that hold or may hold at DATE (YYYY, YYYY-MM or "
                                                    "YYYY-MM-DD); hops that only may hold are marked."),
        click.option("--strict", is_flag=True, help="With --as-of: only relations known to hold at the date."),
        click.option("--include-context", is_flag=True,
                     help="Also walk context relations (commentary, citizenship), left out by default."),
        click.option("--reported-only", is_flag=True,
                     help="Leave out alleged and disputed relations, and the links from claimants to them."),
        click.option("--category", "categories", multiple=True, metavar="NAME", help="Only these categories (repeatable)."),
        click.option("--type", "types", multiple=True, metavar="NAME", help="Only these relation types (repeatable)."),
        click.option("--exclude-category", "exclude_categories", multiple=True, metavar="NAME",
                     help="Leave out this category (repeatable)."),
        click.option("--exclude-type", "exclude_types", multiple=True, metavar="NAME",
                     help="Leave out this relation type (repeatable)."),
        click.option("--avoid", multiple=True, metavar="ACTOR", help="Leave out this actor (repeatable)."),
    ]

    @functools.wraps(func)
    def wrapper(*args, as_of, strict, include_context, reported_only, categories, types, exclude_categories,
                exclude_types, avoid, **kwargs):
        from ..filters import Filters

        chosen = dict(as_of=as_of, strict=strict, include_context=include_context, reported_only=reported_only,
                      categories=categories, types=types, exclude_categories=exclude_categories,
                      exclude_types=exclude_types, avoid=avoid)
        return func(*args, filters=functools.partial(Filters.from_options, **chosen), **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def focus_options(func):
    """Adds ``--focus ACTOR`` and ``--depth N``: the part of the graph a page shows."""
    func = click.option("--depth", type=int, default=None, metavar="N",
                        help="How far from --focus to go  [default: 1]")(func)
    return click.option("--focus", metavar="ACTOR",
                        help="Only ACTOR and the actors within --depth relations of it.")(func)
