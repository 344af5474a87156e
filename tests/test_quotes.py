"""Quote search in documents: the index for long, often-cited documents answers exactly like a plain search."""
from __future__ import annotations

import json
import random
import time

import pytest
from hypothesis import given, settings, strategies as st

from graph import DataError, load_dataset
from graph.quotes import SearchableText, normalize

from .conftest import DOCUMENT, SMALL_ACTORS, write_dataset
from .test_validate import only, relation


class TinyIndex(SearchableText):
    """Indexes at once with tiny grams, so short generated texts exercise the index."""

    GRAM, STEP, SCANS, MIN_INDEXED = 3, 2, 0, 0


@settings(deadline=None)  # a busy machine must not fail a property that has no timing in it
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


# A quote is evidence: long enough, in whole words, found however the document's text was extracted.

def quote_problems(tmp_path, quote: str, document: str = DOCUMENT) -> list[str]:
    """The validator's messages for one relation citing ``quote`` from ``document``; none when valid."""
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS,
                                    **relation(sources=f"[{{document: doc, quote: {json.dumps(quote)}}}]")},
                         {"doc": document})
    try:
        load_dataset(data)
    except DataError as exc:
        return [str(p).replace(str(tmp_path) + "/", "") for p in exc.problems]
    return []


@pytest.mark.parametrize("quote", ["e", "Alice", "Alice dismissed", "Bob in 2021.", "- a former -"])
def test_a_quote_too_short_to_be_evidence_is_refused_and_says_why(tmp_path, quote):
    message = only(quote_problems(tmp_path, quote))
    assert message.startswith("data/rel.yaml:5:")
    assert "quote is too short to be evidence" in message and "at least 3 words and 15 characters" in message


@pytest.mark.parametrize("quote, cut, passage", [
    ("lice Example, the chair", "starts", "Alice Example, the chair"),
    ("the chair of the Example Coun", "ends", "the chair of the Example Council"),
    ("ice dismissed Carol Sam", "starts and ends", "Alice dismissed Carol Sample"),
])
def test_a_quote_cut_inside_a_word_is_refused_and_shows_the_whole_words(tmp_path, quote, cut, passage):
    message = only(quote_problems(tmp_path, quote))
    assert f"quote {cut} in the middle of a word: document 'doc' has {passage!r}; quote whole words" in message


def test_a_quote_found_once_inside_words_and_once_whole_is_accepted(tmp_path):
    document = "The Bobcouncil met Carol on Monday. The council met Carol on Tuesday."
    assert quote_problems(tmp_path, "council met Carol on", document) == []


QUOTE = "the official, traditional Caf\u00e9 Council"
ARTEFACTS = {  # the quote's words as PDF and web extraction leave them
    "soft hyphens": "the of\u00adfi\u00adcial, tra\u00ad\nditional Caf\u00e9 Council",
    "zero-width space, joiners, word joiner": "the\u200b official,\u200c traditional Ca\u200df\u00e9\u2060 Council",
    "byte order mark": "Seen: \ufeffthe official, traditional Caf\u00e9 Council",
    "ligature": "the o\ufb03cial, traditional Caf\u00e9 Council",
    "decomposed accent": "the official, traditional Cafe\u0301 Council",
    "hyphenated line breaks": "the offi-\ncial, tradi-\r\n  tional Caf\u00e9 Council",
    "no-break and thin spaces": "the\u00a0official,\u2009traditional Caf\u00e9 Council",
}


@pytest.mark.parametrize("artefact", ARTEFACTS)
def test_text_extracted_from_pdfs_and_web_pages_still_matches_a_clean_quote(tmp_path, artefact):
    assert quote_problems(tmp_path, QUOTE, ARTEFACTS[artefact] + ".\n") == []


@pytest.mark.parametrize("artefact", ARTEFACTS)
def test_a_quote_copied_with_artefacts_matches_a_clean_document(tmp_path, artefact):
    copied = ARTEFACTS[artefact].removeprefix("Seen: ").replace("\r", "")  # control characters are refused
    assert quote_problems(tmp_path, copied, f"Then {QUOTE} met.\n") == []


def test_a_hyphen_before_a_capital_at_a_line_break_is_kept():
    assert normalize("Kassym-\nJomart Tokayev, 2021-\n2022") == "Kassym-Jomart Tokayev, 2021-2022"


def test_a_quote_still_not_found_names_the_characters_that_differ(tmp_path):
    lookalike = "On 5 January 2022 Alice dismissed Carol S\u0430mple."  # a Cyrillic а
    message = only(quote_problems(tmp_path, lookalike))
    assert "quote not found in document 'doc'; closest passage: 'On 5 January 2022 Alice dismissed Carol Sample.'" \
        in message
    assert "has 'Sample' where the quote has 'S\u0430mple' (U+0430 CYRILLIC SMALL LETTER A)" in message


def test_normalising_a_long_document_stays_fast():
    text = ("Tokayev\u00a0said the coun\u00adcil met on 5 January \u2013 \u201cprotests\u201d.\n") * 20_000
    started = time.perf_counter()
    searchable = SearchableText(text)
    assert "the council met on 5 January - \"protests\"" in searchable
    assert time.perf_counter() - started < 1.0


def test_the_closest_passage_is_the_quotes_own_place_in_whole_words(tmp_path):
    message = only(quote_problems(tmp_path, "the chair of the Example Councillors, is the sister"))
    assert message.endswith("closest passage: 'the chair of the Example Council, is the sister' has 'Council' "
                            "where the quote has 'Councillors'")
