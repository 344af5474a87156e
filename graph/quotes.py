"""Checking that quotes appear verbatim in their documents.

Both sides are normalised the same way: runs of whitespace become one space, curly quotes
become straight ones and every dash becomes ``-``. Each document is normalised once; a long
document that many quotes cite is also indexed (see :class:`SearchableText`), so checking stays
linear in the size of the quotes and documents instead of growing with quotes times document size.
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict

MAX_QUOTE_CHARS = 280

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2026": "...",
})
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The form in which quotes are compared.

    >>> normalize("“came as a shock.\\n In  Kazakhstan” – yes")
    '"came as a shock. In Kazakhstan" - yes'
    """
    return _SPACE.sub(" ", text.translate(_TRANSLATE)).strip()


class SearchableText:
    """A document's normalised text, for many ``quote in text`` tests of normalised quotes.

    The first searches scan the text. Once a long text has been scanned ``SCANS`` times (about the
    cost of indexing it), the substrings of ``GRAM`` characters starting at every ``STEP``-th
    character are indexed; any occurrence of a quote of at least ``GRAM + STEP - 1`` characters
    contains one of them at a known offset, so each later search costs a few look-ups however
    long the text. The answer is always exactly ``quote in text``.

    >>> '"In Kazakhstan" - yes' in SearchableText("“In  Kazakhstan” – yes")
    True
    """

    GRAM, STEP, SCANS, MIN_INDEXED = 20, 8, 64, 1 << 16

    def __init__(self, text: str):
        self.text = normalize(text)
        self._scans = 0
        self._grams: dict[str, list[int]] | None = None

    def __contains__(self, quote: str) -> bool:
        if len(quote) < self.GRAM + self.STEP - 1 or not self._indexed():
            return quote in self.text
        for offset in range(self.STEP):
            for start in self._grams.get(quote[offset:offset + self.GRAM], ()):
                # A negative start - offset leaves a tail shorter than the quote: no match.
                if self.text.startswith(quote, start - offset):
                    return True
        return False

    def _indexed(self) -> bool:
        if self._grams is None:
            self._scans += 1
            if self._scans <= self.SCANS or len(self.text) < self.MIN_INDEXED:
                return False
            text, grams = self.text, defaultdict(list)
            for start in range(0, len(text) - self.GRAM + 1, self.STEP):
                grams[text[start:start + self.GRAM]].append(start)
            self._grams = grams
        return True


def closest_passage(quote: str, text: str) -> str:
    """The passage of ``text`` (normalised) that best matches ``quote``, for an error message."""
    quote, text = normalize(quote), normalize(text)
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(quote))
    if block.size == 0:
        return ""
    start = max(0, block.a - block.b)
    end = min(len(text), start + len(quote))
    return text[start:end]
