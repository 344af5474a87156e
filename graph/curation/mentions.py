"""Finding known actors in text by any name or alias, tolerant of transliteration (Nazarbaev, Nazarbayev)
and of endings added to a name (Russian, Nazarbayevs).

Every word is normalised (:func:`graph.names.normalize`) and reduced to a spelling key (:func:`fold`);
names are found as whole runs of keys with one Aho-Corasick automaton, and a capitalised word that no
name covers is compared with the one-word names by edit similarity (rapidfuzz).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick
from rapidfuzz import fuzz, process

from ..model import Actor
from ..names import normalize

_WORD = re.compile(r"[^\W_]+")
# Spellings that transliterations of the same name take: dzh/zh/j, kh/h, q/k, w/v, ph/f, ts/c.
_LETTERS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"), ("ts", "c"), ("q", "k"), ("w", "v"), ("y", "i"))
_GLIDE = re.compile(r"(?:(?<=[aeiou])|^)i(?=[aeiou])")  # the y of -ayev, ye-, -iya: written or not
_DOUBLE = re.compile(r"(.)\1+")
#: How alike (0-100) a capitalised word and a one-word name must be to count as a mention.
FUZZY_CUTOFF = 88
_FUZZY_MIN_LENGTH = 5


def fold(word: str) -> str:
    """The spelling key of a normalised word: transliterations of one name share it.

    >>> [fold(w) for w in ("nazarbayev", "nazarbaev", "massimov", "kasym", "kassym", "zhomart", "dzhomart")]
    ['nazarbaev', 'nazarbaev', 'masimov', 'kasim', 'kasim', 'jomart', 'jomart']
    """
    for spelled, key in _LETTERS:
        word = word.replace(spelled, key)
    return _GLIDE.sub("", _DOUBLE.sub(r"\1", word))


def spelling_key(name: str) -> str:
    """A whole name as spelling keys: ``"Kasym-Zhomart Tokaev"`` and ``"Kassym-Jomart Tokayev"`` share one."""
    return " ".join(fold(word) for word in normalize(name).split())


@dataclass(frozen=True)
class Mention:
    """Actor ``actor`` named by ``text[start:end]`` (``how``: "exact" or "close to NAME")."""

    actor: str
    start: int
    end: int
    how: str = "exact"


@dataclass(frozen=True)
class _Name:
    actor: str
    written: str
    words: int
    capital: bool  # written with a capital: an occurrence all in lowercase is ordinary words
    acronym: bool  # all capitals (US, KNB): only that spelling counts


class ActorMatcher:
    """Finds mentions of ``actors`` in text. A name two actors share is ambiguous and left out."""

    def __init__(self, actors: Iterable[Actor]):
        names: dict[str, list[_Name]] = {}
        for actor in actors:
            for written in dict.fromkeys((actor.name, *actor.aliases)):
                key = spelling_key(written)
                if key and not any(n.actor == actor.id for n in names.get(key, ())):
                    letters = [c for c in written if c.isalpha()]
                    names.setdefault(key, []).append(_Name(
                        actor.id, written, len(key.split()), bool(letters) and letters[0].isupper(),
                        len(letters) > 1 and all(c.isupper() for c in letters)))
        self._names = {key: found[0] for key, found in names.items() if len(found) == 1}
        self._automaton = ahocorasick.Automaton()
        for key in self._names:
            self._automaton.add_word(f" {key} ", key)
        if self._names:
            self._automaton.make_automaton()
        self._single = {key: name for key, name in self._names.items() if name.words == 1
                        and len(key) >= _FUZZY_MIN_LENGTH and not name.acronym}

    def named(self, name: str) -> str | None:
        """The actor called ``name`` (any spelling), if one is."""
        found = self._names.get(spelling_key(name))
        return found.actor if found else None

    def find(self, text: str) -> list[Mention]:
        """The mentions in ``text``, in order; where names overlap, the longest wins."""
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        keys = [fold(normalize(word)) for _, _, word in words]
        joined, starts = " ", {}
        for index, key in enumerate(keys):
            starts[len(joined)] = index
            joined += key + " "
        found: list[tuple[int, int, _Name, str]] = []
        if self._names:
            for end, key in self._automaton.iter(joined):
                first = starts[end - len(key)]
                last = first + self._names[key].words - 1
                if self._written_as_name(self._names[key], [w for _, _, w in words[first:last + 1]]):
                    found.append((first, last, self._names[key], "exact"))
        taken = self._outermost(found)
        covered = {i for first, last, _, _ in taken for i in range(first, last + 1)}
        for index, (_, _, word) in enumerate(words):
            if index not in covered and word[:1].isupper() and len(keys[index]) >= _FUZZY_MIN_LENGTH:
                close = self._close(keys[index], normalize(word))
                if close is not None:
                    taken.append((index, index, close, f"close to {close.written}"))
        mentions = (Mention(name.actor, words[first][0], words[last][1], how) for first, last, name, how in taken)
        return sorted(mentions, key=lambda mention: mention.start)

    @staticmethod
    def _written_as_name(name: _Name, written: list[str]) -> bool:
        if name.acronym:
            return all(w.isupper() for w in written)
        return not name.capital or any(w[:1].isupper() for w in written)  # "the government of Kyrgyzstan"

    @staticmethod
    def _outermost(found: list[tuple[int, int, _Name, str]]) -> list[tuple[int, int, _Name, str]]:
        """Longest names first; a name inside a longer one counts when it is another actor's ("Government
        of Kyrgyzstan" names Kyrgyzstan too), one that straddles a longer one's edge does not."""
        taken: list[tuple[int, int, _Name, str]] = []
        for match in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
            if all(match[1] < other[0] or match[0] > other[1] or (other[0] <= match[0] and match[1] <= other[1]
                   and match[2].actor != other[2].actor) for other in taken):
                taken.append(match)
        return taken

    def _close(self, key: str, word: str) -> _Name | None:
        """The one-word name ``key`` (of the normalised ``word``) is a variant of (an added ending, a letter more or
        less), if one stands out."""
        plural = fold(word + "s")  # spelling keys may end a plural otherwise (Salafist, Salafists: salafisc)
        if plural in self._single:
            return self._single[plural]
        stems = [n for n in self._single if key.startswith(n) or n.startswith(key)]  # Russian(s), Kyrgyz
        if len(stems) == 1:
            return self._single[stems[0]]
        best = process.extract(key, list(self._single), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=2)
        if not best or (len(best) > 1 and best[1][1] == best[0][1]):
            return None
        name = self._single[best[0][0]]
        return name if key[:3] == best[0][0][:3] else None
