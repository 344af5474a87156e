"""Checking that quotes appear verbatim in their documents.

Both sides are normalised the same way: runs of whitespace become one space, curly quotes
become straight ones and every dash becomes ``-``. Each document is normalised once, and each
quote is one substring search, so checking is linear in the size of the quotes and documents.
"""
from __future__ import annotations

import difflib
import re

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
