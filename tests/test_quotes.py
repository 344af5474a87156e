"""Quote search in documents: the index for long, often-cited documents answers exactly like a plain search."""
from __future__ import annotations

import random

from hypothesis import given, strategies as st

from graph.quotes import SearchableText, normalize


class TinyIndex(SearchableText):
    """Indexes at once with tiny grams, so short generated texts exercise the index."""

    GRAM, STEP, SCANS, MIN_INDEXED = 3, 2, 0, 0


@given(st.text("ab -\n", max_size=60), st.data())
def test_indexed_search_matches_plain_search(text, data):
    searchable, plain = TinyIndex(text), normalize(text)
    quotes = []
    for _ in range(10):
        start = data.draw(st.integers(0, len(plain)))
        quotes.append(plain[start:data.draw(st.integers(start, len(plain)))])
        quotes.append(data.draw(st.text("ab -", max_size=12)))
    assert [quote in searchable for quote in quotes] == [quote in plain for quote in quotes]


def test_long_often_cited_document_gets_indexed_and_still_finds_exactly_the_quotes_in_it():
    rng = random.Random(3)
    words = ["Tokayev", "Nazarbayev", "said", "the", "council", "on", "5", "January", "–", "“protest”", "\n"]
    text = " ".join(rng.choice(words) for _ in range(40_000))
    plain = normalize(text)
    present = [plain[start:start + rng.randrange(27, 120)] for start in rng.sample(range(len(plain) - 200), 300)]
    absent = [quote.replace("the", "teh", 1) for quote in present if "the" in quote]
    searchable = SearchableText(text)
    assert all(quote in searchable for quote in present)
    assert [quote in searchable for quote in absent] == [quote in plain for quote in absent]
    assert not all(quote in plain for quote in absent)
    assert searchable._grams is not None  # the index, not only scanning, answered most of the above
