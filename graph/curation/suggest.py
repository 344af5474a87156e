"""Candidate relations and new actors in a registered document, for a person to keep or dismiss.

Every sentence naming two or more known actors yields one candidate per pair that no relation
already cites and that was not dismissed: a quote trimmed to the clauses that link the pair, a type
guessed from the cue phrases the vocabulary gives each relation type, a direction, and a status,
a claim where a status's cues (attribution, hedging) are found, claimed by the actor named beside
the cue or, failing that, by the document's author when the author is an actor. A sentence with a
pronoun ("He appointed his son-in-law ...") also counts the actors named in the sentence before it.
The attribution rules (an account's reach, a claimant who is one of the pair, appositions, quoted
blocks) are stated in docs/curation-assistant.md.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Container
from dataclasses import dataclass, field
from itertools import combinations

from .. import model, quotes
from ..errors import NotFoundError
from ..names import ActorIndex, normalize
from ..yamlfile import did_you_mean
from .mentions import ActorMatcher, Mention, fold
from .text import Cue, CueFinder, Sentence, quoted_blocks, sentences

# English grammar, not vocabulary: a sentence opening with one of these refers to someone named before.
_PRONOUNS = frozenset("he him his she her they them their it its".split())
_SUBJECTS = frozenset("he she they".split())
_POSSESSIVE = frozenset("his her their its my".split())
_FIRST_PERSON = frozenset("i me my myself".split())  # outside quotation marks: the document's author
_CONNECTORS = frozenset("of for the and".split())
_CALENDAR = frozenset("january february march april may june july august september october november december "
                      "monday tuesday wednesday thursday friday saturday sunday".split())
_CLAUSE = re.compile(r"\s*(?:[,;:]|\s-\s)\s*")
_CLAIMANT_REACH = 6  # words between an attribution cue and the name of its source ("by the consulting firm X")
_TYPE_REACH = 3  # words before the first or after the second actor where a type cue still counts


@dataclass(frozen=True)
class Candidate:
    """A relation for a person to keep or dismiss; ``key`` names its sentence and pair."""

    key: str
    document: str
    sentence: str
    from_: str
    to: str
    type: str | None
    status: str
    claimed_by: str | None
    quote: str
    why: tuple[str, ...]


@dataclass(frozen=True)
class NewActor:
    """A name the document repeats that is not in the map, with the kind its cues suggest."""

    name: str
    kind: str | None
    sentences: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class Coverage:
    """Sentences naming a pair of actors (counted once per pair) and what became of them."""

    pairs: int = 0
    cited: int = 0
    proposed: int = 0
    dismissed: int = 0
    unquotable: int = 0


@dataclass(frozen=True)
class Suggestions:
    document: str
    candidates: tuple[Candidate, ...]
    actors: tuple[NewActor, ...]
    coverage: Coverage


def pair_key(document: str, sentence: str, a: str, b: str) -> str:
    """A short stable name for a pair of actors in a sentence of a document (direction does not count)."""
    first, second = sorted((a, b))
    return hashlib.sha1(f"{document}\n{sentence}\n{first}\n{second}".encode()).hexdigest()[:12]


@dataclass
class _Named:
    """The actors a sentence names: explicit mentions and, for an opening pronoun, the one meant."""

    sentence: Sentence
    mentions: list[tuple[str, int, int, bool]] = field(default_factory=list)  # actor, first word, last, possessive

    def first_of(self, actor: str) -> tuple[str, int, int, bool]:
        return next(m for m in self.mentions if m[0] == actor)


@dataclass(frozen=True)
class _Claim:
    """A sentence's status, its claimant, the words that say so (cue, claimant's name) and why."""

    status: str
    claimant: str | None = None
    words: tuple[int, ...] = ()
    why: str = ""
    said: int | None = None  # the first word of what the claimant named in the sentence is said to say


@dataclass(frozen=True)
class _Account:
    """A claim whose source a sentence names, with the cue that names it: its paragraph, and the paragraphs
    quoted after it when the paragraph ends with a colon ("X wrote:")."""

    paragraph: int
    block: frozenset[int]
    claim: _Claim
    cue: Cue

    def covers(self, sentence: Sentence) -> bool:
        return sentence.paragraph == self.paragraph or sentence.paragraph in self.block

    def carries_on(self, sentence: Sentence, found: list[Cue]) -> bool:
        """Whether a sentence with no source of its own is still the source's: after a cue that frames an account
        ("according to X, ..."), in the quoted paragraphs, or taking up the cue ("X made accusations. Among the
        accusations ..."); a reported sentence ("X said ...") is one sentence."""
        return (self.cue.source == "after" or sentence.paragraph in self.block
                or any(cue.phrase == self.cue.phrase for cue in found))


def suggest(records: model.Dataset, document_id: str, dismissed: Container[str] = ()) -> Suggestions:
    """The candidates and new actors of document ``document_id`` of the loaded dataset ``records``;
    pairs whose :func:`pair_key` is in ``dismissed`` are counted, not proposed."""
    if document_id not in records.documents:
        raise NotFoundError(f"no document {document_id!r} in the sources list"
                            f"{did_you_mean(document_id, records.documents)}")
    return _Suggester(records, document_id, dismissed).run()


class _Suggester:
    def __init__(self, records: model.Dataset, document_id: str, dismissed: Container[str]):
        self.records, self.document_id, self.dismissed = records, document_id, dismissed
        self.schema = records.schema
        self.document = records.documents[document_id]
        self.matcher = ActorMatcher(records.actors.values())
        self.types = CueFinder((t.id, t.cues) for t in self.schema.relation_types.values())
        self.claims = CueFinder((s.id, s.cues) for s in self.schema.statuses.values()
                                if self.schema.is_claim(s.id))
        self.kinds = CueFinder((k.id, k.cues) for k in self.schema.kinds.values())
        self.searchable = quotes.SearchableText(self.document.text)
        self.author = self._author()
        self.blocks = quoted_blocks(self.document.text)  # paragraphs quoted after "X wrote:"
        self._account: _Account | None = None  # the last source named, and where

    def _author(self) -> str | None:
        if not self.document.author:
            return None
        index = ActorIndex((a.id, (a.name, *a.aliases)) for a in self.records.actors.values())
        try:
            return index.resolve(self.document.author)
        except Exception:  # an author who is not an actor claims nothing
            return None

    def run(self) -> Suggestions:
        split = sentences(self.document.text)
        cited = self._cited(split)
        counts: Counter[str] = Counter()
        candidates: list[Candidate] = []
        previous: _Named | None = None
        named_sentences = []
        for sentence in split:
            named = self._named(sentence, previous)
            self._speaker(named)
            named_sentences.append(named)
            if named.mentions:
                previous = named
            claim = self._claim(named)
            actors = list(dict.fromkeys(m[0] for m in named.mentions))
            for a, b in combinations(actors, 2):
                counts["pairs"] += 1
                key = pair_key(self.document_id, sentence.text, a, b)
                if frozenset((a, b)) in cited[sentence.index]:
                    counts["cited"] += 1
                elif key in self.dismissed:
                    counts["dismissed"] += 1
                else:
                    candidate = self._candidate(named, claim, a, b, key)
                    counts["proposed" if candidate else "unquotable"] += 1
                    if candidate:
                        candidates.append(candidate)
        return Suggestions(self.document_id, tuple(candidates), tuple(self._new_actors(named_sentences)),
                           Coverage(**counts))

    def _cited(self, split: list[Sentence]) -> list[set[frozenset[str]]]:
        """For each sentence, the pairs of actors a relation links with a quote from it."""
        joined, offsets = "", []
        for sentence in split:
            offsets.append(len(joined))
            joined += sentence.text + " "
        pairs: list[set[frozenset[str]]] = [set() for _ in split]
        for relation in self.records.relations:
            for source in relation.sources:
                if source.document != self.document_id:
                    continue
                quote = quotes.normalize(source.quote)
                start = joined.find(quote)
                if start < 0:
                    continue
                for sentence, offset in zip(split, offsets):
                    if offset < start + len(quote) and start < offset + len(sentence.text):
                        pairs[sentence.index].add(frozenset((relation.from_, relation.to)))
        return pairs

    def _named(self, sentence: Sentence, previous: _Named | None) -> _Named:
        named = _Named(sentence)
        for mention in self.matcher.find(sentence.text):
            first, last = sentence.word_at(mention.start), sentence.word_at(mention.end - 1)
            named.mentions.append((mention.actor, first, last, self._possessive(sentence, mention, last)))
        first_person = next((i for i, w in enumerate(sentence.words) if w in _FIRST_PERSON
                             and not sentence.text.count('"', 0, sentence.spans[i][0]) % 2), None)
        if self.author and first_person is not None and all(m[0] != self.author for m in named.mentions):
            named.mentions.append((self.author, first_person, first_person, sentence.words[first_person] == "my"))
        self._groups(named, previous)
        pronoun = next((i for i, w in enumerate(sentence.words) if w in _PRONOUNS), None)
        if previous is not None and pronoun is not None and previous.sentence.paragraph >= sentence.paragraph - 1:
            named_here = {m[0] for m in named.mentions}
            for meant in dict.fromkeys(m[0] for m in previous.mentions):
                if meant not in named_here:
                    named.mentions.append((meant, pronoun, pronoun, sentence.words[pronoun] in _POSSESSIVE))
            named.mentions.sort(key=lambda m: m[1])
        return named

    def _speaker(self, named: _Named) -> None:
        """A sentence that opens with a quotation, in a paragraph where a source has spoken, quotes that source:
        the source counts as named in it, at the quotation mark ('X said ... . But "... Y ..."')."""
        sentence, account = named.sentence, self._account
        opening = sentence.text.find('"')
        if account is None or not account.covers(sentence) or opening < 0 or account.claim.claimant is None:
            return
        at = sentence.word_at(opening)
        if all(m[0] != account.claim.claimant and m[1] > at for m in named.mentions):
            named.mentions.insert(0, (account.claim.claimant, at, at, False))

    def _groups(self, named: _Named, previous: _Named | None) -> None:
        """"his family", "their allies": the actor named by a referent's surname and the word after a possessive
        pronoun ("Nazarbayev family"), the referent named before it in the sentence or in the sentence before."""
        sentence = named.sentence
        for index, word in enumerate(sentence.words[:-1]):
            if word not in _POSSESSIVE - _FIRST_PERSON:
                continue
            referents = [m[0] for m in named.mentions if m[2] < index]
            referents += [m[0] for m in previous.mentions] if previous is not None else []
            for referent in dict.fromkeys(referents):
                actor = self.records.actors[referent]
                for name in (actor.name, *actor.aliases):
                    group = self.matcher.named(f"{name.split()[-1]} {sentence.words[index + 1]}")
                    if group and group != referent and all(m[0] != group for m in named.mentions):
                        named.mentions.append((group, index, index + 1, False))
                        break
                else:
                    continue
                break

    @staticmethod
    def _possessive(sentence: Sentence, mention: Mention, last: int) -> bool:
        return sentence.text[mention.end:mention.end + 2] == "'s" or (
            last + 1 < len(sentence.words) and sentence.text[mention.end:mention.end + 1] == "'")

    def _candidate(self, named: _Named, claim: _Claim, a: str, b: str, key: str) -> Candidate | None:
        sentence = named.sentence
        first, second = named.first_of(a), named.first_of(b)
        why = [f"names {self._shown(sentence, first)} and {self._shown(sentence, second)}"]
        cue = self._type_cue(sentence, first, second)
        status, claimant, claim_words = claim.status, claim.claimant, claim.words
        if claimant in (a, b) and not self._told_by(claim, first, second, cue):
            status, claimant, claim_words = self.schema.default_status, None, ()
        elif claim.why:
            why.append(claim.why)
        relation_type = cue.entry if cue else None
        from_, to = a, b
        if cue is None:
            why.append("no cue phrase of any relation type: choose the type")
        else:
            why.append(f"cue {cue.phrase!r} suggests {relation_type}")
            if not self.schema.relation_types[cue.entry].symmetric and self._reversed(sentence, first, cue):
                from_, to = b, a
                why.append("direction reversed: a possessive or passive before the cue")
        needed = [first[1], first[2], second[1], second[2], *claim_words]
        if cue is not None and cue.first - second[2] <= _TYPE_REACH and first[1] - cue.last <= _TYPE_REACH:
            needed += [cue.first, cue.last]
        quote = self._quote(sentence, min(needed), max(needed))
        if quote is None:
            return None
        return Candidate(key, self.document_id, sentence.text, from_, to, relation_type, status, claimant, quote,
                         tuple(why))

    def _told_by(self, claim: _Claim, first, second, cue: Cue | None) -> bool:
        """Whether a claim whose claimant is one of the pair is still a claim: in an account carried on from an
        earlier sentence, or when the other actor and the link between them are in what the claimant is said
        to say ("A alleged that B was his father"), not the saying itself ("A told B", "A accused B")."""
        if claim.claimant == self.author and not claim.said:  # the author's hedge about the author: a statement
            return False
        if claim.said is None:
            return True
        other = second if first[0] == claim.claimant else first
        return other[1] >= claim.said and cue is not None and cue.first >= claim.said

    @staticmethod
    def _shown(sentence: Sentence, mention: tuple[str, int, int, bool]) -> str:
        actor, first, last, _ = mention
        written = sentence.text[sentence.spans[first][0]:sentence.spans[last][1]]
        return f"{actor} ({written!r})" if normalize(written).replace(" ", "-") != actor else actor

    def _claim(self, named: _Named) -> _Claim:
        """Who the sentence attributes its statement to: an actor named beside an attribution cue, else the
        source of an account given earlier in the paragraph, else the author for a hedge."""
        sentence = named.sentence
        found = self.claims.find(sentence)
        account = self._account if self._account and self._account.covers(sentence) else None
        speaking = account.claim.claimant if account else None
        best: tuple[tuple[int, bool], Cue, tuple[str, int, int, bool]] | None = None
        # "he said", "she says": a subject pronoun is the source already speaking in the paragraph
        subjects = [(speaking, i, i, False) for i, w in enumerate(sentence.words) if speaking and w in _SUBJECTS]
        for cue in (c for c in found if c.source):
            low, high = self._apposition(sentence, cue, named) if cue.source == "before" else (0, -1)
            for mention in [*named.mentions, *subjects]:
                if cue.source == "after":
                    distance = mention[1] - cue.last
                elif low <= mention[2] <= high:  # a name inside the apposition does not say it
                    continue
                else:
                    distance = cue.first - mention[2] - (high - low + 1 if mention[2] < low else 0)
                # a pronoun standing for several actors is the source already speaking, if it is one of them
                rank = (distance, mention[0] != speaking)
                if 0 < distance <= _CLAIMANT_REACH and (best is None or rank < best[0]):
                    best = (rank, cue, mention)
        if best is not None:
            _, cue, mention = best
            claim = _Claim(cue.entry, mention[0], (cue.first, cue.last, mention[1], mention[2]),
                           f"{cue.phrase!r} attributes it to {mention[0]}", max(cue.last, mention[2]) + 1)
            self._account = _Account(sentence.paragraph, frozenset(self.blocks.get(sentence.paragraph, ())), claim, cue)
            return claim
        if account and account.carries_on(sentence, found):
            told = account.claim
            return _Claim(told.status, told.claimant, (), f"continues the account of {told.claimant}")
        hedge = next((c for c in found if not c.source), None)
        if hedge is None:
            return _Claim(self.schema.default_status)
        source = f"the document's author, {self.author}" if self.author else "name the claimant"
        return _Claim(hedge.entry, self.author, (hedge.first, hedge.last),
                      f"{hedge.phrase!r} with no source named: {source}")

    @staticmethod
    def _apposition(sentence: Sentence, cue: Cue, named: _Named) -> tuple[int, int]:
        """The first and last word of an apposition between a cue and its source, ``(0, -1)`` if none: a phrase
        after a comma that follows a name and does not open with a name, up to a closing comma with no name between
        it and the cue ("X, analyst at Y, said", "X, a defector to Y, recently made claims") or, with no closing
        comma, up to the cue ("X, director at Y wrote")."""
        text, spans = sentence.text, sentence.spans
        starts = {m[1] for m in named.mentions}
        ends = {m[2] for m in named.mentions}
        closing = text.rfind(",", 0, spans[cue.first][0])
        if closing < 0:
            return 0, -1
        after = sentence.word_at(closing)
        opening = text.rfind(",", 0, closing)
        if opening >= 0:
            low = sentence.word_at(opening)
            if low - 1 in ends and low not in starts and low < after and not starts & set(range(after, cue.first)):
                return low, after - 1
        if after - 1 in ends and after not in starts and after < cue.first:
            return after, cue.first - 1
        return 0, -1

    def _type_cue(self, sentence: Sentence, first, second) -> Cue | None:
        """The type cue that best links the two mentions: between them, else just around them, else anywhere."""
        taken = {i for m in (first, second) for i in range(m[1], m[2] + 1)}

        def rank(cue: Cue) -> tuple[int, int]:
            if first[2] < cue.first and cue.last < second[1]:
                return 0, cue.first - first[2]
            near = min(abs(first[1] - cue.last), abs(cue.first - second[2]))
            return (1, near) if near <= _TYPE_REACH else (2, near)

        usable = [c for c in self.types.find(sentence) if not taken & set(range(c.first, c.last + 1))]
        return min(usable, key=rank, default=None)

    @staticmethod
    def _reversed(sentence: Sentence, first, cue: Cue) -> bool:
        """Whether the second actor is the relation's subject: "A's nephew B", "appointed by A"."""
        words = sentence.words
        if first[3] and 0 < cue.first - first[2] <= 3:
            return True
        return cue.first > first[2] and cue.last + 1 < len(words) and words[cue.last + 1] == "by"

    def _quote(self, sentence: Sentence, first_word: int, last_word: int) -> str | None:
        """The clauses of ``sentence`` holding words ``first_word`` to ``last_word``, grown until the quote rule
        is met; ``None`` when no such stretch is a valid quote."""
        text = sentence.text
        bounds = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text)]
        cuts = [0] + [m.start() for m in _CLAUSE.finditer(text)] + [len(text)]
        start, end = sentence.spans[first_word][0], sentence.spans[last_word][1]
        low = max(i for i, b in enumerate(bounds[:-1]) if b <= start)
        high = min(i for i, c in enumerate(cuts[1:], 1) if c >= end)
        while True:
            quote = text[bounds[low]:cuts[high]].strip(" ,;:")
            if quotes.problem(quote, self.document_id, self.searchable) is None:
                return quote
            if low == 0 and high == len(cuts) - 1 or len(quote) > quotes.MAX_QUOTE_CHARS:
                exact = text[start:end]
                return exact if quotes.problem(exact, self.document_id, self.searchable) is None else None
            low, high = max(0, low - 1), min(len(cuts) - 1, high + 1)

    def _new_actors(self, named_sentences: list[_Named]) -> list[NewActor]:
        """Capitalised names not in the map that the document uses more than once."""
        found: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
        known = {fold(w) for actor in self.records.actors.values() for n in (actor.name, *actor.aliases)
                 for w in normalize(n).split()}
        for named in named_sentences:
            sentence = named.sentence
            covered = {i for m in named.mentions for i in range(m[1], m[2] + 1)}
            titles = self._title_words(sentence)
            for first, last in self._capitalised_runs(sentence, covered):
                while first <= last and first in titles:
                    first += 1
                words = sentence.words[first:last + 1]
                if not words or all(i in titles for i in range(first, last + 1)) or words[0] in _CALENDAR:
                    continue
                if len(words) == 1 and (first == 0 or any(k.startswith(fold(words[0])) for k in known)):
                    continue
                name = sentence.text[sentence.spans[first][0]:sentence.spans[last][1]]
                kind = self._kind(sentence, first, last)
                found[" ".join(fold(w) for w in words)].append((name, kind, sentence.text))
        proposals = []
        for uses in found.values():
            if len(uses) > 1:
                kinds = Counter(kind for _, kind, _ in uses if kind)
                kind = kinds.most_common(1)[0][0] if kinds else None
                why = f"named {len(uses)} times" + (f"; cue words suggest {kind}" if kind else "; choose the kind")
                proposals.append(NewActor(uses[0][0], kind, tuple(dict.fromkeys(s for _, _, s in uses)), why))
        return sorted(proposals, key=lambda p: (-len(p.sentences), p.name))

    def _title_words(self, sentence: Sentence) -> set[int]:
        return {i for cue in self.kinds.find(sentence) for i in range(cue.first, cue.last + 1)}

    @staticmethod
    def _capitalised_runs(sentence: Sentence, covered: set[int]):
        """Runs of capitalised words (joined by "of", "for", "the", "and") outside known mentions."""
        words, text, spans = sentence.words, sentence.text, sentence.spans
        run: list[int] = []
        for index in range(len(words) + 1):
            capital = index < len(words) and index not in covered and text[spans[index][0]].isupper()
            joins = (index < len(words) and run and words[index] in _CONNECTORS and index + 1 < len(words)
                     and text[spans[index + 1][0]].isupper() and index + 1 not in covered)
            if capital or joins:
                run.append(index)
                continue
            if run:
                yield run[0], run[-1]
            run = []

    def _kind(self, sentence: Sentence, first: int, last: int) -> str | None:
        """The kind whose cue is in the name or just before it (a title)."""
        cues = [c for c in self.kinds.find(sentence) if first - 1 <= c.last and c.last <= last]
        return cues[-1].entry if cues else None
