"""Checking that a quote is evidence: long enough to mean something, and found verbatim, in whole
words, in its document.

Both sides are normalised the same way (:func:`normalize`), so that what PDF and web extraction
leave in a text (ligatures, decomposed accents, invisible characters, words hyphenated across
lines, curly quotes, odd dashes and spaces) does not refuse a correct quote. Each document is
normalised once; a long document that many quotes cite is also indexed (see
:class:`SearchableText`), so checking stays linear in the size of the quotes and documents
instead of growing with quotes times document size.
"""
from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator

MAX_QUOTE_CHARS = 280
# A quote must locate a claim: a word or two ("e", "Tokayev said") occurs anywhere and proves nothing.
MIN_QUOTE_WORDS, MIN_QUOTE_CHARS = 3, 15

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
# Characters that change how text is laid out, not what it says: a soft hyphen (with the line break
# it may have caused), zero-width spaces and joiners, the word joiner, direction marks and the BOM.
_INVISIBLE = re.compile("\u00ad(?:[ \t]*\n\\s*)?|[\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# A word hyphenated across a line break ("tradi-\ntional"); the hyphen stays before a capital or a
# digit ("Kassym-\nJomart", "2021-\n2022"), where it is most likely part of the word.
_BROKEN_WORD = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=(\w))")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
#: What separates the pages of a document's text (a form feed, as PDF text extraction writes it).
PAGE_BREAK = "\f"


def normalize(text: str) -> str:
    """The form in which quotes are compared.

    >>> normalize("“came as a shock.\\n In  Kazakhstan” – yes")
    '"came as a shock. In Kazakhstan" - yes'
    >>> normalize("a tradi-\\ntional of\\u00adﬁce, cafe\\u0301")
    'a traditional office, café'
    """
    if not text.isascii():
        text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).translate(_TRANSLATE)
    text = _BROKEN_WORD.sub(lambda match: "" if match[1].islower() else "-", text)
    return _SPACE.sub(" ", text).strip()


class SearchableText:
    """A document's normalised text, for many searches of normalised quotes.

    The first searches scan the text. Once a long text has been scanned ``SCANS`` times (about the
    cost of indexing it), the substrings of ``GRAM`` characters starting at every ``STEP``-th
    character are indexed; any occurrence of a quote of at least ``GRAM + STEP - 1`` characters
    contains one of them at a known offset, so each later search costs a few look-ups however
    long the text. The answer is always exactly that of a plain search.

    >>> '"In Kazakhstan" - yes' in SearchableText("“In  Kazakhstan” – yes")
    True
    """

    GRAM, STEP, SCANS, MIN_INDEXED = 20, 8, 64, 1 << 16

    def __init__(self, text: str):
        self.text = normalize(text)
        self._scans = 0
        self._grams: dict[str, list[int]] | None = None
        self._raw = text if PAGE_BREAK in text else None
        self._breaks = [at for at, char in enumerate(text) if char == PAGE_BREAK] if self._raw else []
        self._page_starts: dict[int, int] = {}

    def page(self, start: int) -> int | None:
        """The 1-based page on which the normalised text's offset ``start`` lies; ``None`` for a text of one page.

        >>> SearchableText("One  page.\\fTwo\\fThree").page(14)
        3
        """
        if self._raw is None:
            return None
        return bisect.bisect_right(range(len(self._breaks)), start, key=self._page_start) + 1

    def _page_start(self, number: int) -> int:
        """Where the page after the ``number``-th page break starts in the normalised text (found on demand:
        normalising the text up to a break costs as much as the break is far)."""
        if number not in self._page_starts:
            self._page_starts[number] = len(normalize(self._raw[:self._breaks[number]])) + 1  # type: ignore[index]
        return self._page_starts[number]

    def __contains__(self, quote: str) -> bool:
        return next(self.find(quote), None) is not None

    def find(self, quote: str) -> Iterator[int]:
        """Where ``quote`` starts in the text (an occurrence may be given more than once)."""
        if len(quote) < self.GRAM + self.STEP - 1 or not self._indexed():
            start = self.text.find(quote)
            while start >= 0:
                yield start
                start = self.text.find(quote, start + 1)
            return
        for offset in range(self.STEP):
            for start in self._grams.get(quote[offset:offset + self.GRAM], ()):
                if start >= offset and self.text.startswith(quote, start - offset):
                    yield start - offset

    def whole_words(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` neither begins nor ends inside a word."""
        return not _inside_word(self.text, start) and not _inside_word(self.text, end)

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


def problem(quote: str, document_id: str, document: SearchableText) -> str | None:
    """Why ``quote`` is not evidence from ``document``, as a message; ``None`` when it is.

    >>> doc = SearchableText("Alice dismissed Carol Sample in 2022.")
    >>> problem("dismissed Carol Sample", "d", doc) is None
    True
    >>> problem("lice dismissed Carol", "d", doc)
    "quote starts in the middle of a word: document 'd' has 'Alice dismissed Carol'; quote whole words"
    """
    if len(quote) > MAX_QUOTE_CHARS:
        return f"quote is {len(quote)} characters; keep it under {MAX_QUOTE_CHARS} so it fits a tooltip"
    wanted = normalize(quote)
    words = len(_WORD.findall(wanted))
    if words < MIN_QUOTE_WORDS or len(wanted) < MIN_QUOTE_CHARS:
        return (f"quote is too short to be evidence ({words} word(s), {len(wanted)} characters): copy at least "
                f"{MIN_QUOTE_WORDS} words and {MIN_QUOTE_CHARS} characters of the passage")
    first = None
    for start in document.find(wanted):
        if document.whole_words(start, start + len(wanted)):
            return None
        first = start if first is None else min(first, start)
    if first is None:
        return f"quote not found in document {document_id!r}" + _closest(wanted, document.text)
    start, end = first, first + len(wanted)
    cut = " and ".join(side for side, at in (("starts", start), ("ends", end)) if _inside_word(document.text, at))
    return (f"quote {cut} in the middle of a word: document {document_id!r} has "
            f"{_widened(document.text, start, end)!r}; quote whole words")


def page(quote: str, document: SearchableText) -> int | None:
    """The page of ``document`` on which ``quote`` first starts in whole words; ``None`` for a document of one page
    or a quote not in it.

    >>> page("the second page", SearchableText("The first page.\\fAnd the second page."))
    2
    """
    wanted = normalize(quote)
    start = next((s for s in document.find(wanted) if document.whole_words(s, s + len(wanted))), None)
    return None if start is None else document.page(start)


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _widened(text: str, start: int, end: int) -> str:
    """``text[start:end]`` grown to whole words."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def _closest(wanted: str, text: str) -> str:
    """The passage of ``text`` that best matches ``wanted``, and the words where they first differ."""
    block = difflib.SequenceMatcher(None, text, wanted, autojunk=False).find_longest_match(0, len(text), 0, len(wanted))
    if block.size == 0:
        return ""
    # The quote's place around its longest match, with room for words the two do not share; then only
    # what runs from the first to the last stretch they share.
    slack = len(wanted) // 4 + 8
    start = max(0, block.a - block.b - slack)
    region = text[start:block.a - block.b + len(wanted) + slack]
    shared = [m for m in difflib.SequenceMatcher(None, region, wanted, autojunk=False).get_matching_blocks()
              if m.size >= 3] or [difflib.Match(block.a - start, block.b, block.size)]
    passage = _widened(text, start + shared[0].a, start + shared[-1].a + shared[-1].size)
    found = f"; closest passage: {passage!r}"
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, passage, wanted, autojunk=False).get_opcodes():
        if tag != "equal":
            ours, theirs = _widened(passage, i1, i2), _widened(wanted, j1, j2)
            if not theirs:
                return f"{found} has {_shown(ours)}, which the quote lacks"
            if not ours:
                return f"{found} lacks {_shown(theirs)} of the quote"
            return f"{found} has {_shown(ours)} where the quote has {_shown(theirs)}"
    return found


def _shown(words: str) -> str:
    """``words`` quoted, naming the characters in them that are not plain ASCII (look-alikes, invisible ones).

    >>> _shown("S\u0430mple")
    "'Sаmple' (U+0430 CYRILLIC SMALL LETTER A)"
    """
    unusual = [c for c in dict.fromkeys(words) if not (c.isascii() and c.isprintable())]
    if not unusual:
        return repr(words)
    names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED')}" for c in unusual)
    return f"{words!r} ({names})"
