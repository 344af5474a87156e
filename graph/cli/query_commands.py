"""Query commands: path, show, search, neighbors, common, brokers, timeline.

Each loads the graph, calls one function of :mod:`graph.paths` or :mod:`graph.queries` and
prints the result as text (coloured on a terminal only, data escaped by :mod:`.output`) or, with
``--json``, as JSON.
"""
from __future__ import annotations

import gc

import click

from .. import describe
from . import cli
from .base import data_options, echo_json, filter_options, json_option
from .output import echo, join, style

QUOTE_WIDTH = 110


def query_options(func):
    """The options of a query over relations: ``--full``, the data and filter options and ``--json``."""
    full_option = click.option("--full", is_flag=True, help="Print quotes whole instead of shortened.")
    for option in (json_option, filter_options, data_options, full_option):
        func = option(func)
    return func


def _graph(source):
    """The graph, cached while its files are unchanged (see :mod:`graph.cache`)."""
    graph = source.graph()
    # The graph lives until the command ends: keep the garbage collector from re-scanning it
    # (on a large graph each full collection would pause the query for a fraction of a second).
    gc.freeze()
    return graph


def _load(source, filters):
    graph = _graph(source)
    return graph, filters(graph)


def _echo_relation(graph, record: dict, full: bool, indent: str = "  ", lead: str = "",
                   category: bool = True) -> None:
    """A relation as a sentence, then its category, status, role and dates, then each citation
    and the other relations joining the same actors (ids with ``full``)."""
    status = describe.status_text(graph, record)
    details = [style(status, fg="yellow", bold=True) if describe.is_claim(graph, record) else status]
    if category:
        details.insert(0, describe.category_label(graph, record["category"]))
    if record["role"]:
        details.append(f"role: {record['role']}")
    if describe.when(record):
        details.append(describe.when(record))
    if record.get("may_hold"):
        details.append(style("may hold at that date", fg="yellow"))
    pad = indent + " " * len(lead)
    if record.get("claimant"):
        echo(indent, lead, style(describe.claim_sentence(graph, record), bold=True))
        echo(pad, describe.sentence(graph, record))
    else:
        echo(indent, lead, style(describe.sentence(graph, record), bold=True))
    echo(pad, join(" · ", details))
    for cited in record["sources"]:
        quote = cited["quote"] if full else describe.shorten(cited["quote"], QUOTE_WIDTH)
        page = f", p. {cited['page']}" if cited.get("page") else ""
        echo(pad, style(f"“{quote}”", fg="cyan"), f" — {cited['title'] or cited['document']}{page}")
    if record.get("also"):
        others = ", ".join(record["also"]) if full else f"{len(record['also'])} other relation(s) between them"
        echo(pad, style(f"also: {others}", dim=True))


@cli.command()
@click.argument("actor_a", metavar="A")
@click.argument("actor_b", metavar="B")
@click.option("-k", "k", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="The N shortest simple paths, by hops then by alleged hops.")
@click.option("--all-shortest", is_flag=True, help="Every shortest path, not just the best one.")
@click.option("--max-hops", type=click.IntRange(min=1), metavar="N", help="Only paths of at most N hops.")
@click.option("--directed", is_flag=True, help="Follow relations in their own direction only.")
@query_options
@click.option("--link", "link_page", metavar="PAGE",
              help="Also print the address of this answer in the explorer page PAGE (a file or URL).")
def path(actor_a, actor_b, k, all_shortest, max_hops, directed, full, source, filters, as_json, link_page):
    """How A is connected to B: the shortest chain of relations, every hop cited.

    A and B are ids, names or aliases. Relations are walked either way (see --directed); among
    equally short paths the one with fewest alleged/disputed hops is shown. Exits 1 when there
    is no connection.
    """
    from ..paths import find_paths

    graph, chosen = _load(source, filters)
    result = find_paths(graph, actor_a, actor_b, filters=chosen, directed=directed, k=k,
                        all_shortest=all_shortest, max_hops=max_hops)
    if link_page:
        result["link"] = _link(link_page, graph, chosen, **{"from": result["from"], "to": result["to"]})
    if as_json:
        echo_json(result)
        return
    length, count = result["shortest_length"], result["shortest_count"]
    summary = f"{describe.name(graph, result['from'])} to {describe.name(graph, result['to'])}: " + describe.hops(length)
    if count > 1:
        summary += f"; {count} equally short paths"
        if len(result["paths"]) == 1:
            summary += f"; the one shown has {result['chosen_because']} (--all-shortest for all)"
    echo(summary)
    for number, found in enumerate(result["paths"], 1):
        click.echo()
        if len(result["paths"]) > 1:
            echo(style(f"Path {number} of {len(result['paths'])}: {describe.hops(found['length'])}, "
                       f"{found['claims']} claim(s), {found['may_hold']} may-hold hop(s)", underline=True))
        echo(style(" → ".join(describe.name(graph, a) for a in found["actors"]), bold=True))
        for step, record in enumerate(found["hops"], 1):
            _echo_relation(graph, record, full, lead=f"{step}. ")
    if link_page:
        click.echo()
        echo("in the explorer: ", result["link"])


def _link(page, graph, chosen, **view) -> str:
    """The address of a view in the explorer page ``page`` (see :mod:`graph.render.share`)."""
    from ..render.share import page_link, view_fragment

    return page_link(page, view_fragment(graph, chosen, **view))


@cli.command()
@click.argument("actor")
@query_options
@click.option("--link", "link_page", metavar="PAGE",
              help="Also print the address of this actor in the explorer page PAGE (a file or URL).")
def show(actor, full, source, filters, as_json, link_page):
    """An actor's profile: kind, aliases, description and every relation, cited, by category and date."""
    from ..queries import profile

    graph, chosen = _load(source, filters)
    found = profile(graph, actor, chosen)
    if link_page:
        found["link"] = _link(link_page, graph, chosen, actor=found["id"])
    if as_json:
        echo_json(found)
        return
    echo(style(found["name"], bold=True), f" ({found['kind_label'] or found['kind']}, id {found['id']})")
    if found["aliases"]:
        echo("also known as: ", ", ".join(found["aliases"]))
    echo(found["description"])
    if not found["relations"]:
        click.echo()
        echo("no relations", describe.parenthesized(chosen.describe()))
    for group in found["relations"]:
        click.echo()
        echo(style(group["label"], underline=True))
        for record in group["relations"]:
            _echo_relation(graph, record, full, lead="• ", category=False)
    if found["claims_made"]:
        click.echo()
        echo(style("Claims made", underline=True))
        for record in found["claims_made"]:
            _echo_relation(graph, record, full, lead="• ")
    if link_page:
        click.echo()
        echo("in the explorer: ", found["link"])


@cli.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Show at most this many.")
@data_options
@json_option
def search(text, limit, source, as_json):
    """Actors whose name, alias or description matches TEXT, best first (exit 1 when none)."""
    from ..queries import search as find

    hits = find(_graph(source), text)[:limit]
    if as_json:
        echo_json(hits)
        return
    for hit in hits:
        how = hit["match"]
        if hit["matched"] != hit["name"]:
            how += f": {describe.shorten(hit['matched'], 60)}"
        echo(style(hit["name"], bold=True), f"  {hit['id']} ({hit['kind']})  ", style(how, dim=True))


@cli.command()
@click.argument("actor")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="How many hops away to look.")
@query_options
def neighbors(actor, depth, full, source, filters, as_json):
    """Who is within N hops of ACTOR, with the relation that brings each in."""
    from ..queries import neighbors as within

    graph, chosen = _load(source, filters)
    found = within(graph, actor, depth, chosen)
    if as_json:
        echo_json(found)
        return
    distance, centre = 0, describe.name(graph, found["actor"])
    for hit in found["neighbors"]:
        if hit["distance"] != distance:
            distance = hit["distance"]
            if distance > 1:
                click.echo()
            echo(style(f"{describe.hops(distance)} from {centre}", underline=True))
        echo(style(hit["name"], bold=True), f"  {hit['id']}",
             f"  via {describe.name(graph, hit['via'])}" if distance > 1 else "")
        _echo_relation(graph, hit["relation"], full, indent="    ")


@cli.command()
@click.argument("actor_a", metavar="A")
@click.argument("actor_b", metavar="B")
@query_options
def common(actor_a, actor_b, full, source, filters, as_json):
    """Actors linked to both A and B (interlocks), with both relations."""
    from ..queries import common as shared

    graph, chosen = _load(source, filters)
    found = shared(graph, actor_a, actor_b, chosen)
    if as_json:
        echo_json(found)
        return
    echo(f"{len(found['common'])} actor(s) linked to both {describe.name(graph, found['a'])} "
         f"and {describe.name(graph, found['b'])}")
    for hit in found["common"]:
        click.echo()
        echo(style(hit["name"], bold=True), f"  {hit['id']}")
        _echo_relation(graph, hit["with_a"], full, indent="    ")
        _echo_relation(graph, hit["with_b"], full, indent="    ")


@cli.command()
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, metavar="N",
              help="How many actors to list.")
@data_options
@filter_options
@json_option
def brokers(top, source, filters, as_json):
    """Who holds the network together: betweenness centrality, with degree beside it."""
    from ..queries import brokers as rank

    graph, chosen = _load(source, filters)
    ranked = rank(graph, top, chosen)
    if as_json:
        echo_json(ranked)
        return
    width = max(len(hit["name"]) for hit in ranked)
    echo(style(f"{'':>3}  {'actor':<{width}}  betweenness  degree", dim=True))
    for number, hit in enumerate(ranked, 1):
        echo(f"{number:>3}  ", style(f"{hit['name']:<{width}}", bold=True),
             f"  {hit['betweenness']:>11.4f}  {hit['degree']:>6}")


@cli.command()
@click.argument("actor", required=False)
@query_options
def timeline(actor, full, source, filters, as_json):
    """Dated relations in date order, for the whole graph or one ACTOR."""
    from ..queries import timeline as in_order

    graph, chosen = _load(source, filters)
    events = in_order(graph, actor, chosen)
    if as_json:
        echo_json(events)
        return
    width = max(len(event["date"]) for event in events)
    for event in events:
        lead = f"{event['date']:<{width}}  {event['event']:<5}  "
        _echo_relation(graph, event["relation"], full, indent="", lead=lead)
