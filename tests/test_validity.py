"""As of a date: holds / may hold / does not, for events and states, partial and unknown dates,
and how --strict, context and claims change the answers."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graph.build import build_graph
from graph.cli import cli
from graph.dates import PartialDate
from graph.errors import DataError, NotFoundError, UsageError
from graph.filters import Filters
from graph.load import load_dataset
from graph.paths import find_paths
from graph.queries import brokers, profile
from graph.validity import UNKNOWN, Holding, span_of

from .conftest import write_dataset
from .test_paths import graph_of, people, relations

d = PartialDate.parse
HOLDS, MAY, NO = Holding.HOLDS, Holding.MAY, Holding.NO


@pytest.mark.parametrize("state, start, end, date, when, answer", [
    # events: happened from their date on; partial dates straddle
    (False, None, None, "2022-01-05", "2022-01-04", NO),
    (False, None, None, "2022-01-05", "2022-01-05", HOLDS),
    (False, None, None, "2022-01-05", "2030", HOLDS),
    (False, None, None, "2022-01", "2022-01-10", MAY),
    (False, None, None, "2022-01", "2022-02-01", HOLDS),
    (False, None, None, None, "1990", MAY),
    (False, "2022-01-05", None, None, "2022-01-06", HOLDS),
    # states: between start and end; the ends themselves count
    (True, "2022-01-05", None, None, "2022-01-04", NO),
    (True, "2022-01-05", None, None, "2022-01-05", HOLDS),
    (True, "2022-01-05", None, None, "2030", HOLDS),
    (True, "2022-01", None, None, "2022-01-20", MAY),
    (True, None, "2022-01-05", None, "2022-01-05", MAY),
    (True, None, "2022-01-05", None, "2022-01-06", NO),
    (True, "2019", "2022-01-05", None, "2020", HOLDS),
    (True, "2019", "2022-01-05", None, "2022-01", MAY),
    (True, None, None, None, "2022", MAY),
    # "former": ended, date unknown
    (True, None, UNKNOWN, None, "2030", MAY),
    (True, "2019", UNKNOWN, None, "2018", NO),
    (True, "2019", UNKNOWN, None, "2020", MAY),
])
def test_the_three_answers_at_their_edges(state, start, end, date, when, answer):
    parsed = [x if x is None or x is UNKNOWN else d(x) for x in (start, end, date)]
    assert span_of(state, *parsed).at(d(when)) == answer


@pytest.fixture
def government(tmp_path):
    """Two prime ministers: ``mamin`` from 2019 until 2022-01-05, ``tokayev`` formerly (end unknown);
    ``smirnov`` chairs from 2022-01 (month only); ``putin`` supported ``tokayev`` undated;
    ``critic`` comments on both; ``critic`` claims ``mamin`` supported ``smirnov``."""
    actors = people("mamin", "tokayev", "smirnov", "putin", "critic") + \
        "  - {id: cabinet, name: The Cabinet, kind: government_body, description: A cabinet.}\n"
    return graph_of(tmp_path, actors,
                    "mamin heads cabinet start=2019 end=2022-01-05", "tokayev heads cabinet end=unknown",
                    "smirnov heads cabinet start=2022-01", "putin supported tokayev",
                    "critic commented_on mamin", "critic commented_on putin",
                    "mamin supported smirnov status=alleged claimed_by=critic")


def _heads(graph, as_of: str, strict: bool = False) -> dict[str, bool]:
    """Who heads the cabinet at ``as_of``, each with whether it only may hold."""
    filters = Filters(as_of=d(as_of), strict=strict)
    records = [r for group in profile(graph, "cabinet", filters)["relations"] for r in group["relations"]]
    return {r["from"]: filters.may_only(graph.edges[r["from"], r["to"], r["id"]]) for r in records
            if r["type"] == "heads"}


def test_as_of_marks_what_only_may_hold_and_strict_drops_it(government):
    assert _heads(government, "2021") == {"mamin": False, "tokayev": True}
    assert _heads(government, "2021", strict=True) == {"mamin": False}
    assert _heads(government, "2022-01-10") == {"tokayev": True, "smirnov": True}
    assert _heads(government, "2022-01-10", strict=True) == {}
    assert _heads(government, "2022-02-01", strict=True) == {"smirnov": False}


def test_paths_mark_may_hold_hops_and_strict_needs_a_date(government):
    hop = find_paths(government, "putin", "tokayev", filters=Filters(as_of=d("2022-01-10")))["paths"][0]["hops"][0]
    assert hop["may_hold"] is True
    with pytest.raises(NotFoundError, match="known to hold"):
        find_paths(government, "putin", "tokayev", filters=Filters(as_of=d("2022-01-10"), strict=True))
    with pytest.raises(UsageError, match="strict needs as_of"):
        Filters.from_options(government, strict=True)


def test_commentary_is_context_not_a_connection(government):
    # critic commented on mamin and on putin: that does not connect mamin and putin...
    result = find_paths(government, "mamin", "putin")
    assert "critic" not in result["paths"][0]["actors"]
    ranked = {b["id"]: (b["betweenness"], b["degree"]) for b in brokers(government, 10)}
    assert ranked["critic"] == (0, 0) and ranked["cabinet"][0] > 0
    # ...but the commentary is in critic's profile, and one option walks it.
    shown = {r["type"] for group in profile(government, "critic")["relations"] for r in group["relations"]}
    assert shown == {"commented_on"}
    included = find_paths(government, "mamin", "putin", filters=Filters(include_context=True))
    assert included["paths"][0]["actors"] == ["mamin", "critic", "putin"]


def test_a_claimant_is_linked_to_what_it_claims_and_shows_its_claims(government):
    found = profile(government, "critic")
    assert [(c["from"], c["type"], c["to"]) for c in found["claims_made"]] == [("mamin", "supported", "smirnov")]
    result = find_paths(government, "critic", "smirnov")
    assert result["shortest_length"] == 1 and result["paths"][0]["hops"][0]["claimant"] == "critic"
    with pytest.raises(NotFoundError):
        find_paths(government, "critic", "smirnov", filters=Filters(reported_only=True))


def test_among_equally_short_paths_the_better_sourced_one_wins_and_says_why(tmp_path):
    quote = "{document: note, quote: 'Everything in this note is on the record.'}"
    rows = relations("a met_with b", "b met_with z", "a met_with c", "c met_with z")
    rows = rows.replace("to: c, sources: [" + quote, "to: c, sources: [" + quote + ", " + quote)
    data = write_dataset(tmp_path, {"actors.yaml": people("a", "b", "c", "z"), "relations.yaml": rows},
                         {"note": "Everything in this note is on the record."})
    result = find_paths(build_graph(load_dataset(data)), "a", "z")
    assert result["paths"][0]["actors"] == ["a", "c", "z"]  # though b sorts before c
    assert result["chosen_because"].startswith("more quotes (3 against 2)")


def test_cli_show_lists_claims_made_and_path_says_why(government, tmp_path, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_CACHE", "off")
    data = str(tmp_path / "data")
    shown = CliRunner().invoke(cli, ["show", "critic", "--data", data])
    assert shown.exit_code == 0 and "Claims made" in shown.output and "Mamin Person supported Smirnov Person" in shown.output
    strict = CliRunner().invoke(cli, ["path", "putin", "tokayev", "--strict", "--data", data])
    assert strict.exit_code == 2 and "--strict needs --as-of" in strict.output
    marked = CliRunner().invoke(cli, ["path", "putin", "tokayev", "--as-of", "2022-01-10", "--data", data])
    assert marked.exit_code == 0 and "may hold at that date" in marked.output
    as_json = json.loads(CliRunner().invoke(cli, ["show", "critic", "--json", "--data", data]).output)
    assert as_json["claims_made"][0]["sources"][0]["quote"]


@pytest.mark.parametrize("row, message", [
    ("mamin met_with smirnov end=unknown", "'end: unknown' is for states"),
    ("mamin heads cabinet end=someday", "or 'unknown' for an end not known"),
])
def test_unknown_end_is_for_states_only(tmp_path, row, message):
    actors = people("mamin", "smirnov") + "  - {id: cabinet, name: The Cabinet, kind: government_body, " \
                                          "description: A cabinet.}\n"
    data = write_dataset(tmp_path, {"actors.yaml": actors, "relations.yaml": relations(row)},
                         {"note": "Everything in this note is on the record."})
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    assert message in str(caught.value.problems[0])


def test_vocabulary_link_and_time_take_only_their_choices(tmp_path):
    data = write_dataset(tmp_path, {"actors.yaml": people("x")})
    schema = (data / "schema.yaml").read_text()
    (data / "schema.yaml").write_text(schema.replace("family: {label: Family,", "family: {link: contxt, label: Family,"))
    with pytest.raises(DataError) as caught:
        load_dataset(data)
    assert "link must be connection or context, not 'contxt'; did you mean 'context'?" in str(caught.value.problems[0])
