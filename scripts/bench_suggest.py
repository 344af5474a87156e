"""Benchmark: how much of the shipped map ``actorgraph suggest`` finds again, and how many planted
duplicate actors ``actorgraph dedupe`` finds.

Usage::

    python scripts/bench_suggest.py [--details]

(a) Suggest: the shipped map with every relation dropped (only the actors kept) is given to
    :func:`graph.curation.suggest.suggest` for each document. A shipped relation is *found* when
    a candidate links the same two actors in a sentence that one of its quotes overlaps.
    Recall is the share of shipped relations found; precision the share of candidates that find
    a shipped relation; alleged agreement the share of shipped claims (non-default status)
    proposed with the same status and claimant, and its counterpart, the share of found relations the
    map states as fact (default status) proposed as fact (no claim read where there is none). Also: of
    those found, the share with the right type and, for directed types, the right direction. Time per
    10,000 words (median of 3).
(b) Dedupe: for each of the shipped people and groups named below, an actor with a transliterated
    name is planted; reported is how many of the planted pairs ``dedupe`` lists, how many score
    high enough for ``validate`` to warn, and how many other pairs it lists.

Prints a Markdown report to stdout (pasted into docs/curation-assistant.md).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph import model, quotes  # noqa: E402
from graph.curation.dedupe import HIGH_SCORE, candidates as duplicate_candidates  # noqa: E402
from graph.curation.suggest import suggest  # noqa: E402
from graph.curation.text import sentences  # noqa: E402
from graph.dataset import Dataset  # noqa: E402

#: Transliterations a second source could use, one per shipped actor (id: the planted name).
PLANTED = {
    "nursultan-nazarbayev": "Nursultan Nazarbaiev",
    "kassym-jomart-tokayev": "Kasym-Zhomart Tokaev",
    "karim-massimov": "Kerim Masimov",
    "dariga-nazarbayeva": "Dariga Nazarbaeva",
    "timur-kulibayev": "Timur Kulibaev",
    "rakhat-aliyev": "Rakhat Aliev",
    "samat-abish": "Samat Abysh",
    "kairat-satybaldy": "Qairat Satybaldy",
    "askar-mamin": "Asqar Mamin",
    "yermukhamet-yertysbayev": "Ermukhamet Ertysbaev",
    "zharmakhan-tuyakbay": "Zharmakhan Tuyakbai",
    "aiman-umarova": "Ayman Umarova",
    "fyodor-lukyanov": "Fedor Lukianov",
    "felix-kulov": "Feliks Kulov",
    "daulet-yergozhin": "Daulet Ergozhin",
    "alnur-mussayev": "Alnur Musaev",
    "anuar-sadykulov": "Anuar Sadyqulov",
    "vikram-ruzakhunov": "Vikram Ruzahunov",
    "kyrgyzstan": "Kirgizstan",
    "nazarbayev-family": "Nazarbaev clan",
}


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def overlaps(sentence: str, quote: str) -> bool:
    """Whether a quote and a sentence share text: one holds the other, or they overlap at an edge."""
    quote = quotes.normalize(quote)
    if quote in sentence or sentence in quote:
        return True
    return any(sentence.startswith(quote[i:]) or sentence.endswith(quote[:-i])
               for i in range(1, len(quote) - 15) if len(quote) - i >= 15)


def bench_suggest(shipped: model.Dataset, details: bool) -> list[str]:
    bare = replace(shipped, relations=())
    found, right_type, right_direction, directed, claims_agree, facts_agree = set(), 0, 0, 0, 0, 0
    candidates, hits, words, seconds = 0, 0, 0, 0.0
    claims = [r for r in shipped.relations if shipped.schema.is_claim(r.status)]
    for document in shipped.documents:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            result = suggest(bare, document)
            times.append(time.perf_counter() - started)
        seconds += statistics.median(times)
        words += sum(len(s.words) for s in sentences(shipped.documents[document].text))
        candidates += len(result.candidates)
        for candidate in result.candidates:
            matched = [r for r in shipped.relations if {r.from_, r.to} == {candidate.from_, candidate.to}
                       and any(s.document == document and overlaps(candidate.sentence, s.quote) for s in r.sources)]
            hits += bool(matched)
            for relation in matched:
                if relation.id in found:
                    continue
                found.add(relation.id)
                right_type += candidate.type == relation.type
                if not shipped.schema.relation_types[relation.type].symmetric:
                    directed += 1
                    right_direction += (candidate.from_, candidate.to) == (relation.from_, relation.to)
                if relation in claims and candidate.status == relation.status \
                        and candidate.claimed_by == relation.claimed_by:
                    claims_agree += 1
                facts_agree += relation not in claims and candidate.status == relation.status
        if details:
            say(f"{document}: {result.coverage}")
    if details:
        for relation in shipped.relations:
            if relation.id not in found:
                say(f"missed {relation.id}: {relation.sources[0].quote[:100]}")
    total = len(shipped.relations)
    facts = len([r for r in shipped.relations if r.id in found and r not in claims])
    return [
        "| measure | value |", "| --- | ---: |",
        f"| shipped relations found (recall) | {len(found)} of {total} ({len(found) / total:.0%}) |",
        f"| candidates that are shipped relations (precision) | {hits} of {candidates} ({hits / candidates:.0%}) |",
        f"| shipped claims proposed with the same status and claimant | {claims_agree} of {len(claims)} "
        f"({claims_agree / len(claims):.0%}) |",
        f"| found relations the map states as fact, proposed as fact | {facts_agree} of {facts} "
        f"({facts_agree / facts:.0%}) |",
        f"| found relations with the shipped type | {right_type} of {len(found)} ({right_type / len(found):.0%}) |",
        f"| found directed relations with the shipped direction | {right_direction} of {directed} "
        f"({right_direction / directed:.0%}) |",
        f"| time per 10,000 words | {seconds / words * 10_000:.2f} s ({words} words in {seconds:.2f} s) |",
    ]


def bench_dedupe(shipped: model.Dataset) -> list[str]:
    planted = dict(shipped.actors)
    for actor_id, name in PLANTED.items():
        original = shipped.actors[actor_id]
        planted[f"planted-{actor_id}"] = model.Actor(f"planted-{actor_id}", name, original.kind, (), "Planted.")
    pairs = duplicate_candidates(replace(shipped, actors=planted))
    listed = {frozenset((p.a, p.b)): p for p in pairs}
    wanted = [frozenset((actor_id, f"planted-{actor_id}")) for actor_id in PLANTED]
    found = [listed[pair] for pair in wanted if pair in listed]
    high = [p for p in found if p.score >= HIGH_SCORE]
    others = [p for pair, p in listed.items() if pair not in wanted]
    return [
        "| measure | value |", "| --- | ---: |",
        f"| planted duplicates listed | {len(found)} of {len(wanted)} |",
        f"| planted duplicates scoring {HIGH_SCORE} or more (validate warns) | {len(high)} of {len(wanted)} |",
        f"| other pairs listed | {len(others)} |",
        f"| other pairs scoring {HIGH_SCORE} or more | {sum(p.score >= HIGH_SCORE for p in others)} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="List what was missed on stderr.")
    options = parser.parse_args()
    shipped = Dataset(REPO / "data", REPO / "seeds").load()
    print("### Suggest: the shipped map found again from its actors\n")
    print("\n".join(bench_suggest(shipped, options.details)))
    print("\n### Dedupe: planted transliterations of shipped names\n")
    print("\n".join(bench_dedupe(shipped)))


if __name__ == "__main__":
    main()
