"""Commands about a map as a whole: init (start one) and diff (what a change did to it)."""
from __future__ import annotations

from pathlib import Path

import click

from . import cli
from .base import data_options, echo_json, json_option
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


@cli.command()
@click.argument("old", metavar="[REV]", required=False)
@click.argument("new", metavar="[REV2]", required=False)
@data_options
@json_option
@click.option("--markdown", is_flag=True, help="Print Markdown, for a pull request comment.")
def diff(old, new, source, as_json, markdown):
    """What a change did to the map: from git revision REV (default HEAD) to REV2 (default: the working tree).

    Lists actors, relations and documents added, removed and changed (status, dates, quotes,
    sources, role), then the pairs of actors that gained or lost a connection or whose shortest
    path changed length (walked as 'path' walks by default). Revisions are read with git; the
    working tree is not touched. Exits 0 when nothing changed, 1 when something did.
    """
    from ..diff import diff as compare

    result = compare(source, old, new)
    if as_json:
        echo_json(result)
    else:
        for line in (_markdown if markdown else _text)(result):
            echo(line)
    raise SystemExit(1 if result["changed"] else 0)


_SIGNS = {"added": "+", "removed": "-", "changed": "~"}


def _items(result: dict) -> list[tuple[str, str]]:
    """Each change as (sign, words)."""
    lines = []
    for part in ("actors", "relations", "documents"):
        what = part[:-1]
        for kind, sign in _SIGNS.items():
            for item in result[part][kind]:
                if part != "relations":
                    name = item["id"] if isinstance(item, dict) else item
                else:
                    name = f"{item['from']} {item['type']} {item['to']}"
                fields = "; ".join(_field_change(field, old, new)
                                   for field, (old, new) in item.get("fields", {}).items()) \
                    if isinstance(item, dict) else ""
                lines.append((sign, f"{what} {name}" + (f" ({fields})" if fields else "")))
    answers = result["answers"]
    lines += [("+", f"{a} and {b} now connected ({_hops(n)})") for a, b, n in answers["connected"]]
    lines += [("-", f"{a} and {b} no longer connected (were {_hops(n)} apart)") for a, b, n in answers["disconnected"]]
    lines += [("~", f"{a} to {b}: {_hops(was)} → {_hops(now)}") for a, b, was, now in
              answers["shorter"] + answers["longer"]]
    return lines


def _field_change(field: str, old, new) -> str:
    """A field's change in words; for sources, only the quotes added and removed."""
    if field == "sources":
        return "; ".join(f"{sign} {document}: “{quote}”" for sign, side, other in (("-", old, new), ("+", new, old))
                         for document, quote in side if [document, quote] not in other)
    return f"{field}: {_shown(old)} → {_shown(new)}"


def _shown(value) -> str:
    if value is None:
        return "none"
    return ", ".join(value) if isinstance(value, list) else str(value)


def _hops(count: int) -> str:
    from ..describe import hops

    return hops(count)


def _text(result: dict) -> list[str]:
    head = f"{result['from']} → {result['to']}: "
    items = _items(result)
    if not items:
        return [head + "no change"]
    return [head + f"{len(items)} change(s)"] + [f"{sign} {words}" for sign, words in items]


def _markdown(result: dict) -> list[str]:
    lines = [f"### actorgraph diff `{result['from']}` → `{result['to']}`", ""]
    items = _items(result)
    return lines + ([f"- `{sign}` {words}" for sign, words in items] or ["No change to the map."])
