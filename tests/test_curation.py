"""The curation assistant: suggest, the review round trip (add --from), dedupe and merge."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
from click.testing import CliRunner

from graph import load_dataset
from graph.cli import cli
from graph.curation.dedupe import HIGH_SCORE, candidates
from graph.curation.mentions import ActorMatcher, spelling_key
from graph.curation.suggest import suggest
from graph.dataset import Dataset
from graph.model import Actor

from .conftest import SMALL_ACTORS, write_dataset

DOCUMENT = ("Harbour board shake-up\n\n"
            "On 3 March 2024 Mayor Alice Example dismissed Carol Sample, the chair of the Example Council.\n"
            "According to Dan Critic, Carol Sample had awarded contracts to Bob Example, the mayor's brother.\n"
            "Erik Novak will run the council. Erik Novak met Alice Example on Monday.\n")


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def actors_only(tmp_path):
    return write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS}, {"news": DOCUMENT})


def test_mentions_tolerate_transliteration_and_endings():
    matcher = ActorMatcher([Actor("n", "Nursultan Nazarbayev", "person", ("Nazarbayev",)),
                            Actor("d", "Dariga Nazarbayeva", "person", ("Nazarbayeva",)),
                            Actor("r", "Russia", "country"), Actor("u", "United States", "country", ("US",))])
    text = "Nazarbaev, Nazarbayeva and Nursultan Nazarbaiev met Russian envoys; us and the US."
    assert [(m.actor, text[m.start:m.end]) for m in matcher.find(text)] == [
        ("n", "Nazarbaev"), ("d", "Nazarbayeva"), ("n", "Nursultan Nazarbaiev"), ("r", "Russian"), ("u", "US")]
    assert spelling_key("Kasym-Zhomart Tokaev") == spelling_key("Kassym-Jomart Tokayev")


def test_suggest_proposes_pairs_with_type_direction_claimant_and_quote(actors_only):
    found = suggest(load_dataset(actors_only), "news")
    by_pair = {(c.from_, c.to): c for c in found.candidates}
    dismissal = by_pair["alice", "carol"]
    assert (dismissal.type, dismissal.status, dismissal.quote) == (
        "dismissed", "reported", "On 3 March 2024 Mayor Alice Example dismissed Carol Sample")
    claim = by_pair["carol", "bob"]
    assert (claim.type, claim.status, claim.claimed_by) == ("awarded", "alleged", "dan")
    assert claim.quote.startswith("According to Dan Critic")
    assert [a.name for a in found.actors] == ["Erik Novak"]
    assert found.coverage.proposed == len(found.candidates) and found.coverage.cited == 0


def test_cited_pairs_are_not_proposed(small_data):
    found = suggest(load_dataset(small_data), "doc")
    assert ("alice", "carol") not in {(c.from_, c.to) for c in found.candidates}
    assert found.coverage.cited >= 4


def test_review_round_trip_adds_kept_entries_and_remembers_the_rest(actors_only):
    review = actors_only.parent / "review.yaml"
    result = run("suggest", "news", "--data", str(actors_only), "-o", str(review))
    assert result.exit_code == 0, result.output
    text = review.read_text()
    assert "# According to Dan Critic" in text and "claimed_by: dan" in text
    head, relations = text.split("relations:\n")
    entries = re.split(r"(?m)^(?=  # [^-])", relations)
    kept = [e for e in entries if "from: alice\n    to: carol\n    type: dismissed" in e]
    review.write_text(head.split("actors:\n")[0] + "relations:\n" + "".join(kept))
    before = (actors_only / "actors.yaml").read_bytes()
    result = run("add", "--from", str(review), "--data", str(actors_only))
    assert result.exit_code == 0, result.output
    assert "added relation alice dismissed carol" in result.output and "remembered as dismissed" in result.output
    assert (actors_only / "actors.yaml").read_bytes() == before
    assert ("alice", "carol") not in {(c.from_, c.to) for c in suggest(load_dataset(actors_only), "news").candidates}
    result = run("suggest", "news", "--data", str(actors_only), "--json")
    assert '"proposed": 0' in result.output and '"cited": 1' in result.output


def test_add_from_checks_everything_before_writing(actors_only):
    review = actors_only.parent / "review.yaml"
    review.write_text("relations:\n  - from: alice\n    to: carol\n    type: dismissed\n"
                      "    sources: [{document: news, quote: Alice Example dismissed Carol Sample}]\n"
                      "  - from: alice\n    to: nobody\n    type: met_with\n"
                      "    sources: [{document: news, quote: Erik Novak met Alice Example}]\n")
    result = run("add", "--from", str(review), "--data", str(actors_only))
    assert result.exit_code == 1
    assert "unknown actor 'nobody'" in result.output and "relation kept at" in result.output
    assert not (actors_only / "relations.yaml").exists()


def test_add_needs_a_subcommand_or_from(actors_only):
    assert run("add", "--data", str(actors_only)).exit_code == 2


def test_cues_are_checked_by_the_loader(tmp_path):
    data = write_dataset(tmp_path, {"actors.yaml": SMALL_ACTORS})
    schema = data / "schema.yaml"
    schema.write_text(schema.read_text().replace("cues: [dismissed,", "cues: ['!!', dismissed,", 1))
    result = run("validate", "--data", str(data))
    assert result.exit_code == 1 and "cue '!!' has no letters or digits" in result.output


def test_dedupe_finds_transliterations_and_records_decisions(small_data):
    records = load_dataset(small_data)
    planted = replace(records, actors={**records.actors, "carol-2": Actor("carol-2", "Karol Sampel", "person")})
    pairs = candidates(planted)
    assert pairs and {pairs[0].a, pairs[0].b} == {"carol", "carol-2"}
    assert run("dedupe", "--data", str(small_data)).exit_code == 1  # nothing alike in the small map
    result = run("dedupe", "--data", str(small_data), "--different", "alice", "bob")
    assert result.exit_code == 0 and "different actors" in result.output
    assert "actors: [alice, bob]" in (small_data.parent / "curation" / "duplicates.yaml").read_text()


def test_dedupe_on_the_shipped_map_warns_about_nothing(shipped_dataset):
    assert not candidates(shipped_dataset, minimum=HIGH_SCORE)


def test_merge_rewrites_references_and_keeps_the_rest_byte_for_byte(small_data):
    actors = (small_data / "actors.yaml").read_text()
    (small_data / "actors.yaml").write_text(actors + "  - id: robert\n    name: Robert Example\n    kind: person\n"
                                            "    description: Bob.\n")
    relations = small_data / "relations.yaml"
    relations.write_text(relations.read_text().replace("to: bob\n    type: accused", "to: robert\n    type: accused"))
    before = relations.read_text()
    result = run("merge", "bob", "robert", "--data", str(small_data))
    assert result.exit_code == 0, result.output
    assert "1 reference(s) rewritten" in result.output
    assert relations.read_text() == before.replace("to: robert", "to: bob")
    assert (small_data / "actors.yaml").read_text() == actors.replace(
        "    name: Bob Example\n", "    name: Bob Example\n    aliases: [Robert Example, robert]\n")
    assert load_dataset(small_data).actors["bob"].aliases == ("Robert Example", "robert")


def test_merge_is_refused_when_the_result_is_invalid(small_data):
    before = {p.name: p.read_bytes() for p in small_data.iterdir()}
    result = run("merge", "alice", "bob", "--data", str(small_data))
    assert result.exit_code == 1 and "after merging bob into alice" in result.output
    assert {p.name: p.read_bytes() for p in small_data.iterdir()} == before


def test_suggest_finds_most_of_the_shipped_map_again(shipped_dataset):
    bare = replace(shipped_dataset, relations=())
    found = set()
    for document in shipped_dataset.documents:
        for candidate in suggest(bare, document).candidates:
            for relation in shipped_dataset.relations:
                if {relation.from_, relation.to} == {candidate.from_, candidate.to} and any(
                        s.document == document and s.quote[:40] in candidate.sentence for s in relation.sources):
                    found.add(relation.id)
    assert len(found) / len(shipped_dataset.relations) >= 0.7


def test_dataset_keeps_validating(shipped_dataset):
    assert Dataset is not None and shipped_dataset.schema.relation_types["dismissed"].cues


# --- attribution rules, each on a small hand-made document ------------------------------------------------------

RULE_ACTORS = """\
actors:
  - {id: ann, name: Ann Vale, kind: person, aliases: [Vale], description: A politician.}
  - {id: ben, name: Ben Ward, kind: person, aliases: [Ward], description: A politician.}
  - {id: cy, name: Cy Holt, kind: person, aliases: [Holt], description: A critic.}
  - {id: vale-family, name: Vale family, kind: informal_group, description: Ann Vale's family.}
  - {id: board, name: Port Board, kind: government_body, description: A board.}
  - {id: loyalists, name: Loyalist groups, kind: informal_group, aliases: [Loyalists], description: Armed groups.}
  - {id: fay, name: Fay Writer, kind: person, description: The author.}
"""


def proposals(tmp_path, text: str, author: str | None = None) -> list:
    """The candidates ``suggest`` proposes for ``text`` over :data:`RULE_ACTORS` (``author``: the document's)."""
    data = write_dataset(tmp_path, {"actors.yaml": RULE_ACTORS}, {"story": text})
    if author:
        sources = data.parent / "seeds" / "sources.yaml"
        sources.write_text(sources.read_text() + f"    author: {author}\n")
    return list(suggest(load_dataset(data), "story").candidates)


def claim(candidates, words: str, a: str, b: str) -> tuple[str, str | None]:
    """The status and claimant proposed for actors ``a`` and ``b`` in the sentence holding ``words``."""
    candidate, = (c for c in candidates if words in c.sentence and {c.from_, c.to} == {a, b})
    return candidate.status, candidate.claimed_by


@pytest.mark.parametrize("text", [
    # past an omission mark on a line of its own: still the post
    "Cy Holt, a former minister, wrote in a post:\n\nAnn Vale controlled the Port Board for years.\n\n[…]\n\n"
    "Ben Ward appointed Ann Vale in secret.\n\nBen Ward later met Ann Vale.\n",
    # a paragraph that leaves its quotation mark open: the quotation goes on in the next
    "Cy Holt wrote:\n\n\"Ann Vale controlled the Port Board.\n\n\"Ben Ward appointed Ann Vale.\"\n\n"
    "Ben Ward met Ann Vale.\n",
])
def test_a_quoted_block_after_a_colon_is_the_account_of_who_introduces_it(tmp_path, text):
    found = proposals(tmp_path, text)
    assert claim(found, "controlled", "ann", "board") == ("alleged", "cy")
    assert claim(found, "appointed", "ben", "ann") == ("alleged", "cy")
    assert claim(found, "met", "ben", "ann") == ("reported", None)  # the quotation has ended


def test_a_claimant_of_the_pair_claims_what_they_are_said_to_say_not_the_saying(tmp_path):
    found = proposals(tmp_path, ("Cy Holt alleged that Ann Vale was his mother.\n"
                                 "Cy Holt accused Ann Vale of fraud.\n"
                                 "Cy Holt told Ann Vale the news.\n"))
    assert claim(found, "mother", "cy", "ann") == ("alleged", "cy")  # the link is in what he alleges
    assert claim(found, "fraud", "cy", "ann") == ("reported", None)  # the accusation itself is the link
    assert claim(found, "news", "cy", "ann") == ("reported", None)


def test_an_account_carries_on_after_according_to_or_where_its_claim_is_taken_up_not_after_said(tmp_path):
    found = proposals(tmp_path, (
        "According to Cy Holt, Ann Vale ran the Port Board. Ben Ward appointed Ann Vale.\n"
        "Cy Holt said it rained. Ben Ward dismissed Ann Vale.\n"
        "Cy Holt made accusations on a blog. Among the accusations was that Ann Vale was his mother. "
        "He also alleged that Ben Ward controlled the Port Board.\n"))
    assert claim(found, "Ward appointed", "ben", "ann") == ("alleged", "cy")
    assert claim(found, "dismissed", "ben", "ann") == ("reported", None)
    assert claim(found, "his mother", "ann", "cy") == ("alleged", "cy")  # his own part, in his account
    assert claim(found, "also alleged", "ben", "board") == ("alleged", "cy")  # "he": the source speaking


def test_the_source_of_a_cue_is_the_name_an_apposition_describes(tmp_path):
    found = proposals(tmp_path, (
        "Cy Holt, a critic of Ann Vale, recently made claims that Ben Ward controlled the Port Board.\n"
        "Cy Holt, director at the Port Board wrote that Ben Ward met Ann Vale.\n"))
    assert claim(found, "critic", "ben", "board") == ("alleged", "cy")
    assert claim(found, "director", "ben", "ann") == ("alleged", "cy")


def test_a_hedge_with_no_source_is_the_authors(tmp_path):
    text = "Ann Vale appears to control the Port Board.\n"
    assert claim(proposals(tmp_path / "a", text, author="Fay Writer"), "appears", "ann", "board") == (
        "alleged", "fay")
    assert claim(proposals(tmp_path / "b", text), "appears", "ann", "board") == ("alleged", None)


def test_a_possessive_and_a_word_name_the_group_of_the_referent_and_plurals_are_names(tmp_path):
    found = proposals(tmp_path, "Ann Vale and her family controlled the Port Board. Ben Ward armed Loyalist fighters.\n")
    assert claim(found, "family", "vale-family", "board") == ("reported", None)
    assert claim(found, "armed", "ben", "loyalists") == ("reported", None)


def test_a_sentence_opening_with_a_quotation_quotes_the_source_speaking_in_the_paragraph(tmp_path):
    found = proposals(tmp_path, "Cy Holt said the port was quiet. \"Nobody trusts the Port Board.\"\n"
                                "\"Nobody trusts the Port Board.\"\n")
    assert claim(found, "Nobody", "cy", "board") == ("reported", None)  # his comment, as he said it
    assert len([c for c in found if c.sentence.startswith('"')]) == 1  # not in the next paragraph
