"""Commands that help curate: suggest, dedupe, merge (and ``add --from``, run by the ``add`` group)."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import NotFoundError
from . import cli
from .base import data_options, echo_json, json_option
from .output import echo, style


@cli.command()
@click.argument("document")
@data_options
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Review file to write (whole or not at all; missing folders are created; never a file the "
                   "dataset reads, nor a YAML file in the data folder)  [default: standard output]")
@json_option
def suggest(document, source, output, as_json):
    """Propose relations and new actors found in DOCUMENT (an id from sources.yaml) for review.

    Every sentence naming two or more known actors (by name or alias, spelt as any
    transliteration) gives one candidate per pair that no relation cites yet and that was
    not dismissed: a quote from the sentence, a type from the vocabulary's cue phrases, a
    direction, and a status (alleged, with the claimant, where the sentence attributes or
    hedges). Names the document repeats that are not in the map are proposed as actors.

    The review file is YAML in the data format, each entry commented with its sentence and
    why it was proposed. Keep and edit the entries you accept, delete the others, then run
    'actorgraph add --from FILE'. Coverage (actor-pair sentences cited, proposed, dismissed)
    goes to standard error. Exits 1 when there is nothing to propose.
    """
    from ..atomic import write_atomic
    from ..curation.review import dismissed_keys, review_text
    from ..curation.suggest import suggest as find

    if output is not None:
        source.check_writable_output(output)
    records = source.load()
    found = find(records, document, dismissed_keys(source))
    coverage = found.coverage
    if as_json:
        echo_json({"document": found.document, "coverage": vars(coverage),
                   "relations": [_candidate_record(c) for c in found.candidates],
                   "actors": [vars(a) | {"sentences": list(a.sentences)} for a in found.actors]})
    echo(f"{found.document}: {coverage.pairs} actor-pair sentence(s): {coverage.cited} cited, "
         f"{coverage.proposed} proposed, {coverage.dismissed} dismissed"
         + (f", {coverage.unquotable} without a valid quote" if coverage.unquotable else "")
         + f"; {len(found.actors)} new actor(s) proposed", err=True)
    if not found.candidates and not found.actors:
        raise NotFoundError(f"nothing to propose in {found.document!r}")
    if as_json:
        return
    text = review_text(found, records)
    if output is None:
        click.echo(text, nl=False)
        return
    write_atomic(output, text)
    click.echo(f"wrote {output}; keep what you accept, then: actorgraph add --from {output}", err=True)


def _candidate_record(candidate) -> dict:
    record = vars(candidate).copy()
    record["from"] = record.pop("from_")
    record["why"] = list(candidate.why)
    return record


def add_from(source, path: Path, dry_run: bool) -> None:
    """``add --from FILE``: the entries kept in a review file, appended together."""
    from ..curation.review import add_from as keep
    from ..load import display_path

    kept = keep(source, path, dry_run)
    for added in kept.added:
        what = f"actor {added.entry.get('id')}" if "id" in added.entry and "from" not in added.entry else \
            f"relation {added.entry.get('from')} {added.entry.get('type')} {added.entry.get('to')}"
        where = f"{display_path(added.path)}:{added.line}"
        if dry_run:
            click.echo(added.text, nl=False)
        echo(f"{'would add' if dry_run else 'added'} {what} to {where}")
    summary = f"{len(kept.added)} entr{'y' if len(kept.added) == 1 else 'ies'} " + \
              ("checked (dry run: nothing written)" if dry_run else "added")
    if kept.dismissed:
        summary += f"; {kept.dismissed} proposal(s) deleted from the file remembered as dismissed"
    click.secho(summary, fg=None if dry_run else "green")


@cli.command()
@data_options
@click.option("--min-score", type=click.FloatRange(0, 1), default=None, metavar="SCORE",
              help="List pairs scoring at least SCORE (0 to 1)  [default: 0.6]")
@click.option("--same", nargs=2, metavar="A B", help="Record that A and B are the same actor (then: merge A B).")
@click.option("--different", nargs=2, metavar="A B", help="Record that A and B are different actors.")
@json_option
def dedupe(source, min_score, same, different, as_json):
    """List likely duplicate actors, best first, with the evidence and a score from 0 to 1.

    Evidence: names equal after transliteration and normalisation (Nazarbaev / Nazarbayev),
    close spellings, a shared name or alias, shared neighbours; against: different kinds, a
    relation between the two. A pair judged with --same or --different is kept in
    curation/duplicates.yaml (beside the data folder) and never listed again. Exits 1 when
    no pair is listed.
    """
    from ..curation.dedupe import LIST_SCORE, candidates, decide, decided_pairs
    from ..names import ActorIndex

    records = source.load()
    if same or different:
        if same and different:
            raise click.UsageError("give --same or --different, not both")
        index = ActorIndex((a.id, (a.name, *a.aliases)) for a in records.actors.values())
        a, b = (index.resolve(name) for name in (same or different))
        decide(source, a, b, same=bool(same))
        echo(f"recorded: {a} and {b} are {'the same actor' if same else 'different actors'}"
             + (f"; merge them with: actorgraph merge {a} {b}" if same else ""))
        return
    pairs = candidates(records, decided_pairs(source), LIST_SCORE if min_score is None else min_score)
    if as_json:
        echo_json([vars(p) | {"evidence": list(p.evidence)} for p in pairs])
    if not pairs:
        raise NotFoundError("no likely duplicate actors")
    if as_json:
        return
    for pair in pairs:
        echo(style(f"{pair.score:.2f}", bold=True), f"  {pair.a}  {pair.b}")
        for evidence in pair.evidence:
            echo(style(f"      {evidence}", dim=True))


@cli.command()
@click.argument("keep", metavar="A")
@click.argument("drop", metavar="B")
@data_options
@click.option("--dry-run", is_flag=True, help="Check the merge and say what it would change, but write nothing.")
def merge(keep, drop, source, dry_run):
    """Merge actor B into actor A: every reference to B in every data file becomes A.

    B's entry is removed and its name, aliases and id become aliases of A, so that its old
    names and links still resolve. Nothing else in the files changes; the whole dataset is
    checked with the merge before anything is written, and every file is written or none.
    """
    from ..curation.merge import merge as combine
    from ..load import display_path

    merged = combine(source, keep, drop, dry_run)
    files = ", ".join(display_path(p) for p in merged.files)
    aliases = ", ".join(merged.aliases) or "none new"
    echo(f"{'would merge' if dry_run else 'merged'} {merged.dropped} into {merged.kept}: "
         f"{merged.references} reference(s) rewritten, aliases added: {aliases} ({files})")
