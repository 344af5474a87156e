"""Likely duplicate actors: pairs whose names match after transliteration and normalisation, or are
spelt alike, with what else speaks for or against them (a shared name, shared neighbours, different
kinds, a relation between the two), scored from 0 to 1.

Only actors that share a word of their names (as spelling keys) are compared, so the work grows with
the number of actors, not with its square.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from .. import model
from ..dataset import Dataset
from .decisions import DUPLICATES, DecisionFile
from .mentions import spelling_key

#: Pairs scoring at least this are listed by ``dedupe``.
LIST_SCORE = 0.6
#: Pairs scoring at least this are likely enough for ``validate`` to warn about them.
HIGH_SCORE = 0.9
_BLOCK_LIMIT = 50  # a word shared by more actors than this ("group", "party") says nothing


@dataclass(frozen=True)
class Pair:
    """Actors ``a`` and ``b`` (ids, in order), their ``score`` and the ``evidence`` for and against."""

    a: str
    b: str
    score: float
    evidence: tuple[str, ...]


def candidates(records: model.Dataset, decided: Collection[frozenset[str]] = (),
               minimum: float = LIST_SCORE) -> list[Pair]:
    """The pairs of actors of ``records`` scoring at least ``minimum``, best first, but those ``decided``."""
    keys = {a.id: {spelling_key(n): n for n in (a.name, *a.aliases) if spelling_key(n)} for a in records.actors.values()}
    blocks: dict[str, set[str]] = defaultdict(set)
    for actor_id, names in keys.items():
        for key in names:
            for word in key.split():
                if len(word) >= 3:
                    blocks[word].add(actor_id)
                    blocks["".join(sorted(word))].add(actor_id)  # letters swapped: Sampel / Sample
    neighbours: dict[str, set[str]] = defaultdict(set)
    linked: dict[frozenset[str], str] = {}
    for relation in records.relations:
        neighbours[relation.from_].add(relation.to)
        neighbours[relation.to].add(relation.from_)
        linked.setdefault(frozenset((relation.from_, relation.to)), relation.type)
    compared = {frozenset(p) for block in blocks.values() if len(block) <= _BLOCK_LIMIT
                for p in combinations(sorted(block), 2)}
    pairs = []
    for pair in compared - set(decided):
        a, b = sorted(pair)
        scored = _score(records.actors[a], records.actors[b], keys, neighbours, linked.get(pair))
        if scored.score >= minimum:
            pairs.append(scored)
    return sorted(pairs, key=lambda p: (-p.score, p.a, p.b))


def _score(a: model.Actor, b: model.Actor, keys: dict[str, dict[str, str]], neighbours: dict[str, set[str]],
           link: str | None) -> Pair:
    evidence = []
    shared = keys[a.id].keys() & keys[b.id].keys()
    if shared:
        key = min(shared)
        score = 1.0
        written = (keys[a.id][key], keys[b.id][key])
        evidence.append(f"same name after transliteration: {written[0]!r} / {written[1]!r}" if written[0] != written[1]
                        else f"both called {written[0]!r}")
    else:
        score = _alike(spelling_key(a.name), spelling_key(b.name))
        evidence.append(f"names spelt alike: {a.name!r} / {b.name!r} ({score:.0%})")
    common = neighbours[a.id] & neighbours[b.id]
    if common:
        overlap = len(common) / len(neighbours[a.id] | neighbours[b.id])
        score += 0.1 * overlap
        evidence.append(f"{len(common)} shared neighbour(s): {', '.join(sorted(common)[:3])}"
                        + (", ..." if len(common) > 3 else ""))
    if a.kind != b.kind:
        score -= 0.3
        evidence.append(f"kinds differ: {a.kind} / {b.kind}")
    if link:
        score -= 0.2
        evidence.append(f"related to each other ({link}): rarely the same actor")
    return Pair(a.id, b.id, round(min(1.0, max(0.0, score)), 2), tuple(evidence))


def _alike(a: str, b: str) -> float:
    """How alike two names are, 0 to 1; where they share words, the words they do not share count half
    ("Senate of Kazakhstan" and "Police of Kazakhstan" differ in what tells them apart)."""
    whole = max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) / 100
    words_a, words_b = a.split(), b.split()
    rest_a = " ".join(w for w in words_a if w not in words_b)
    rest_b = " ".join(w for w in words_b if w not in words_a)
    if rest_a == a or rest_b == b or not (rest_a and rest_b):
        return whole
    return (whole + fuzz.ratio(rest_a, rest_b) / 100) / 2


def decisions(dataset: Dataset) -> DecisionFile:
    """The file of pairs a person judged (``same: true`` or ``false``)."""
    return DecisionFile(dataset, DUPLICATES, "pairs")


def decided_pairs(dataset: Dataset) -> set[frozenset[str]]:
    """The pairs of actor ids judged already, either way."""
    return {frozenset(map(str, entry.get("actors", ()))) for entry in decisions(dataset).entries()}


def decide(dataset: Dataset, a: str, b: str, same: bool) -> None:
    """Record that ``a`` and ``b`` are (or are not) the same actor."""
    decisions(dataset).append([{"actors": sorted((a, b)), "same": same}])
