"""A document as sentences of words, and cue phrases found among the words.

Sentences come from pysbd's rule-based splitter, one paragraph (line) at a time, in the normalised
form quotes are compared in (:func:`graph.quotes.normalize`), so any stretch of whole words of a
sentence is a quote the validator accepts.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from ..names import normalize
from ..quotes import normalize as normalize_quote

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Sentence:
    """Sentence ``index`` of a document (``paragraph``: which line it is on), with its words as
    ``(start, end)`` spans of ``text`` and their normalised forms."""

    index: int
    paragraph: int
    text: str
    spans: tuple[tuple[int, int], ...] = field(repr=False)
    words: tuple[str, ...] = field(repr=False)

    def word_at(self, offset: int) -> int:
        """The index of the word that starts at or contains character ``offset``."""
        return next((i for i, (start, end) in enumerate(self.spans) if offset < end), len(self.spans) - 1)


@cache
def _segmenter():
    import pysbd  # its rules take a while to compile: only when a document is split

    return pysbd.Segmenter(language="en", clean=False)


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, in order."""
    found: list[Sentence] = []
    for number, paragraph in enumerate(text.splitlines()):
        paragraph = normalize_quote(paragraph)
        if not paragraph:
            continue
        cursor = 0
        for piece in _segmenter().segment(paragraph):
            piece = piece.strip()
            start = paragraph.find(piece, cursor)
            if not piece or start < 0:
                continue
            cursor = start + len(piece)
            spans = tuple((m.start(), m.end()) for m in _WORD.finditer(piece))
            if spans:
                words = tuple(normalize(piece[s:e]) for s, e in spans)
                found.append(Sentence(len(found), number, piece, spans, words))
    return found


# An omission mark on a line of its own ("[…]", "...", "(…)"): a quotation left off and taken up again.
_OMISSION = re.compile(r"[\[(]?\s*(?:…|\.\s?\.\s?\.)\s*[\])]?")


def quoted_blocks(text: str) -> dict[int, tuple[int, ...]]:
    """The paragraphs (line numbers) quoted after each paragraph that ends with a colon ("X wrote:").

    The quotation is the next paragraph with text, and carries on to the one after it where a line
    of its own marks an omission ("[…]") or where the paragraph leaves a quotation mark open (the
    English way of quoting several paragraphs: each opens with a quotation mark, only the last closes).
    """
    lines = [normalize_quote(line) for line in text.splitlines()]
    filled = [number for number, line in enumerate(lines) if line]
    following = dict(zip(filled, filled[1:]))
    blocks: dict[int, tuple[int, ...]] = {}
    for number in filled:
        if not lines[number].endswith(":") or number not in following:
            continue
        block = [following[number]]
        while block[-1] in following:
            after = following[block[-1]]
            if _OMISSION.fullmatch(lines[after]) and after in following:
                block.append(following[after])
            elif lines[block[-1]].count('"') % 2 and lines[block[-1]].startswith('"'):
                block.append(after)
            else:
                break
        blocks[number] = tuple(b for b in block if not _OMISSION.fullmatch(lines[b]))
    return blocks


#: Where a cue phrase has the name of who says something: "according to {source}", "{source} said".
SOURCE = "{source}"


@dataclass(frozen=True)
class Cue:
    """Phrase ``phrase`` (of the entry ``entry``) found at words ``first`` to ``last`` of a sentence;
    ``source`` is "before" or "after" when the phrase names who says it on that side."""

    entry: str
    phrase: str
    first: int
    last: int
    source: str | None = None


class CueFinder:
    """Finds the cue phrases of vocabulary entries (``(entry, phrases)`` pairs) in sentences, as whole words,
    ignoring case and accents."""

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]]):
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str, str | None]]] = {}
        for entry, phrases in entries:
            for phrase in phrases:
                source = "before" if phrase.startswith(SOURCE) else "after" if phrase.endswith(SOURCE) else None
                words = tuple(normalize(phrase.replace(SOURCE, " ")).split())
                if words:
                    self._by_first.setdefault(words[0], []).append((words, entry, phrase, source))

    def find(self, sentence: Sentence) -> list[Cue]:
        found = []
        for index, word in enumerate(sentence.words):
            for words, entry, phrase, source in self._by_first.get(word, ()):
                if sentence.words[index:index + len(words)] == words:
                    found.append(Cue(entry, phrase, index, index + len(words) - 1, source))
        return found
