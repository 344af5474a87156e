"""The query commands from the command line: output, --json, exit codes, colour, and the real executable."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graph.cli import cli

from .conftest import DATA, REPO, SEEDS, write_dataset

LONG = ("Carol Sample, who served for many years as the deputy head of the regional office before resigning "
        "amid the scandal, met Bob Example in 2021.")


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Graphs cached by these tests go to a temporary folder (subprocesses inherit it)."""
    monkeypatch.setenv("ACTORGRAPH_CACHE", str(tmp_path / "cache"))


def run(data, *args: str, color: bool = False):
    return CliRunner().invoke(cli, [*args, "--data", str(data)], color=color)


def shipped(*args: str):
    return CliRunner().invoke(cli, [*args, "--data", str(DATA), "--seeds", str(SEEDS)])


def test_path_prints_each_hop_as_a_cited_sentence(small_data):
    result = run(small_data, "path", "Carol", "dan critic")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Carol Sample to Dan Critic: 2 hops"
    assert "Carol Sample → Bob Example → Dan Critic" in lines
    assert "  1. Carol Sample met with Bob Example" in lines
    assert "     Association · reported · in 2021" in lines
    assert "  2. Dan Critic accused Bob Example" in lines  # walked backwards, printed in its own direction
    assert "     Purge / ban / accusation · ALLEGED by Dan Critic" in lines
    assert '     “According to Dan Critic, Bob Example took bribes.” — The doc document' in lines
    assert "\x1b[" not in result.output  # no colour when not on a terminal


def test_path_uses_colour_on_a_terminal(small_data):
    assert "\x1b[" in run(small_data, "path", "carol", "dan", color=True).output


def test_path_shortens_quotes_unless_full(tmp_path):
    data = write_dataset(tmp_path, {"d.yaml": """\
        actors:
          - {id: carol, name: Carol Sample, kind: person, description: A deputy.}
          - {id: bob, name: Bob Example, kind: person, description: A man.}
        relations:
          - {from: carol, to: bob, type: met_with, sources: [{document: doc, quote: "%s"}]}
        """ % LONG}, {"doc": LONG})
    short = run(data, "path", "carol", "bob").output
    assert LONG not in short and "before resigning amid the…”" in short
    assert f"“{LONG}”" in run(data, "path", "carol", "bob", "--full").output


def test_path_json(small_data):
    result = run(small_data, "path", "carol", "dan", "--json")
    found = json.loads(result.output)
    assert (found["from"], found["to"], found["shortest_length"], found["shortest_count"]) == ("carol", "dan", 2, 1)
    hop = found["paths"][0]["hops"][1]
    assert set(hop) >= {"from", "to", "type", "label", "status", "claimed_by", "role", "start", "end", "date",
                        "sources"}
    assert (hop["from"], hop["to"], hop["type"], hop["status"], hop["claimed_by"]) == \
        ("dan", "bob", "accused", "alleged", "dan")
    assert hop["sources"][0]["document"] == "doc" and hop["sources"][0]["quote"].startswith("According to")


@pytest.mark.parametrize("args, code, message", [
    (("path", "alice", "zed"), 1, "no actor matches 'zed'"),
    (("path", "alise", "bob"), 1, "did you mean alice"),
    (("path", "alice", "dan", "--reported-only"), 1,
     "no connection between Alice Example and Dan Critic (reported relations only)"),
    (("path", "alice", "dan", "--max-hops", "1"), 1, "(within 1 hop)"),
    (("path", "alice", "council", "--directed", "--avoid", "bob", "--as-of", "2023"), 1,
     "(as of 2023; avoiding bob; following relation direction)"),
    (("path", "alice", "bob", "--as-of", "2022-13"), 2, "not a date"),
    (("path", "alice", "bob", "-k", "2", "--all-shortest"), 2, "either --all-shortest or -k"),
    (("path", "alice", "bob", "--category", "nonsense"), 2, "unknown category 'nonsense'"),
    (("path", "alice", "bob", "-k", "0"), 2, "0 is not in the range"),
])
def test_path_errors_are_one_line_with_exit_codes(small_data, args, code, message):
    result = run(small_data, *args)
    assert result.exit_code == code
    assert message in result.output and "Traceback" not in result.output


def test_ambiguous_name_lists_candidates(tmp_path):
    data = write_dataset(tmp_path, {"a.yaml": """\
        actors:
          - {id: alice, name: Alice Example, kind: person, description: One.}
          - {id: alice-2, name: Alice Example, kind: person, description: Two.}
        """})
    result = run(data, "show", "alice example")
    assert result.exit_code == 1 and "could be: alice, alice-2" in result.output


def test_path_options_k_all_shortest_and_filters(tmp_path):
    from .test_paths import people, relations
    rows = ("a associated_with b status=alleged claimed_by=e", "b associated_with d", "a associated_with c",
            "d associated_with c", "a sibling_of e", "e sibling_of d")
    data = write_dataset(tmp_path, {"a.yaml": people("a", "b", "c", "d", "e"), "r.yaml": relations(*rows)},
                         {"note": "Everything in this note is on the record."})
    summary = run(data, "path", "a", "d").output.splitlines()[0]
    assert summary == ("A Person to D Person: 2 hops; 3 equally short paths; the one shown has the same claims, "
                       "may-hold hops, quotes and documents as the next best, and the first actor ids "
                       "(--all-shortest for all)")
    every = run(data, "path", "a", "d", "--all-shortest").output
    assert every.count("Path ") == 3 and "Path 3 of 3: 2 hops, 1 claim(s), 0 may-hold hop(s)" in every
    assert "A Person → B Person → D Person" in every.split("Path 3 of 3")[1]
    assert json.loads(run(data, "path", "a", "d", "-k", "2", "--json").output)["paths"][1]["actors"] == ["a", "e", "d"]
    family = json.loads(run(data, "path", "a", "d", "--category", "family", "--json").output)
    assert family["paths"][0]["actors"] == ["a", "e", "d"]
    no_family = json.loads(run(data, "path", "a", "d", "--exclude-category", "family", "--avoid", "c",
                               "--json").output)
    assert no_family["paths"][0]["actors"] == ["a", "b", "d"]
    only_type = json.loads(run(data, "path", "a", "d", "--type", "sibling_of", "--json").output)
    assert only_type["shortest_count"] == 1
    assert run(data, "path", "a", "d", "--exclude-type", "sibling_of", "--avoid", "c", "--reported-only").exit_code == 1


def test_show(small_data):
    result = run(small_data, "show", "ALICE")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[:3] == ["Alice Example (Person, id alice)", "also known as: Alice", "Chair of the Example Council."]
    assert lines.index("Family") < lines.index("Position / occupancy") < lines.index("Appointed / dismissed")
    assert "  • Alice Example heads Example Council" in lines
    assert "    reported · role: Chair · until 2022-01-05" in lines
    assert json.loads(run(small_data, "show", "alice", "--json").output)["relations"][0]["category"] == "family"
    assert "no relations (reported relations only)" in run(small_data, "show", "dan", "--reported-only").output


def test_search(small_data):
    result = run(small_data, "search", "example")
    assert result.exit_code == 0
    assert [line.split("  ")[0] for line in result.output.splitlines()] == \
        ["Example Council", "Alice Example", "Bob Example"]
    assert [hit["id"] for hit in json.loads(run(small_data, "search", "example", "--json", "--limit", "1").output)] \
        == ["council"]
    missing = run(small_data, "search", "zebra")
    assert missing.exit_code == 1 and "nothing matches 'zebra'" in missing.output


def test_neighbors(small_data):
    result = run(small_data, "neighbors", "carol", "--depth", "2")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "1 hop from Carol Sample" and "2 hops from Carol Sample" in lines
    assert "Dan Critic  dan  via Bob Example" in lines
    found = json.loads(run(small_data, "neighbors", "carol", "--json").output)
    assert [n["id"] for n in found["neighbors"]] == ["alice", "bob"]
    assert run(small_data, "neighbors", "dan", "--reported-only").exit_code == 1


def test_common(small_data):
    result = run(small_data, "common", "alice", "bob")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "1 actor(s) linked to both Alice Example and Bob Example"
    assert "    Alice Example dismissed Carol Sample" in result.output.splitlines()
    assert json.loads(run(small_data, "common", "alice", "bob", "--json").output)["common"][0]["id"] == "carol"
    assert run(small_data, "common", "council", "dan").exit_code == 1


def test_brokers(small_data):
    result = run(small_data, "brokers", "--top", "2")
    assert result.exit_code == 0
    rows = result.output.splitlines()
    assert rows[0].split() == ["actor", "betweenness", "degree"]
    # Alice stands between the council and 3 others, Bob between Dan and 3 others: 3 of 6 pairs each;
    # the tie is broken by degree (3 each), then id.
    assert [row.split()[:3] for row in rows[1:]] == [["1", "Alice", "Example"], ["2", "Bob", "Example"]]
    ranked = json.loads(run(small_data, "brokers", "--json").output)
    assert ranked[0] == {"id": "alice", "name": "Alice Example", "kind": "person", "betweenness": 0.5, "degree": 3}
    assert ranked[1]["betweenness"] == 0.5 and ranked[-1]["betweenness"] == 0
    assert run(small_data, "brokers", "--type", "spouse_of").exit_code == 2  # no such relation in the data


def test_timeline(small_data):
    result = run(small_data, "timeline")
    assert result.exit_code == 0
    assert [line[:17] for line in result.output.splitlines() if line[:1].isdigit()] == \
        ["2021        on   ", "2022-01-05  on   ", "2022-01-05  end  "]
    events = json.loads(run(small_data, "timeline", "carol", "--json").output)
    assert [(e["date"], e["event"]) for e in events] == [("2021", "on"), ("2022-01-05", "on")]
    assert run(small_data, "timeline", "dan").exit_code == 1


def test_every_query_command_has_help():
    for command in ("path", "show", "search", "neighbors", "common", "brokers", "timeline"):
        result = CliRunner().invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "--json" in result.output and "--data" in result.output


# The shipped data (checkable against seeds/): see the documents quoted in each hop.

def test_shipped_satybaldy_to_tokayev_in_two_hops():
    result = shipped("path", "Kairat Satybaldy", "tokayev", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["shortest_length"] == 2 and found["paths"][0]["claims"] == 0


@pytest.mark.parametrize("name", ["nazarbaev", "Nazarbayev", "NAZARBAYEV", "nursultan-nazarbayev"])
def test_shipped_names_ignore_case_and_spelling(name):
    assert json.loads(shipped("show", name, "--json").output)["id"] == "nursultan-nazarbayev"


def test_shipped_security_council_before_and_after_5_january_2022():
    # "Within a few hours, Nazarbaev lost his tenure as head of the Security Council, a title Tokayev took himself."
    def hops(actor, as_of):
        result = shipped("path", actor, "security-council", "--as-of", as_of, "--type", "heads", "--json")
        return json.loads(result.output)["shortest_length"] if result.exit_code == 0 else None
    assert hops("nazarbayev", "2022-01-04") == 1 and hops("tokayev", "2022-01-04") is None
    assert hops("nazarbayev", "2022-01-06") is None and hops("tokayev", "2022-01-06") == 1
    assert hops("nazarbayev", "2022-01-05") == hops("tokayev", "2022-01-05") == 1  # the day itself holds both


def test_real_path_command_imports_neither_pyvis_nor_jinja2():
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "graph", "path", "satybaldy", "tokayev"],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Kairat Satybaldy to Kassym-Jomart Tokayev: 2 hops")
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "networkx" in imported and not {"pyvis", "jinja2"} & imported


def test_no_query_command_imports_pyvis_or_jinja2():
    script = (
        "import sys\nfrom graph.cli import cli\n"
        "for args in (['show', 'tokayev'], ['search', 'nazarbaev'], ['neighbors', 'abish'], "
        "['common', 'abish', 'satybaldy'], ['brokers'], ['timeline'], ['path', 'putin', 'abish', '-k', '2']):\n"
        "    try:\n        cli(args, standalone_mode=False)\n    except SystemExit:\n        pass\n"
        "print(sorted({'pyvis', 'jinja2'} & set(sys.modules)))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_queries_read_the_cache_and_see_every_edit(small_data, tmp_path):
    from .test_cache import age

    age(small_data.parent)
    assert "A critic." in run(small_data, "show", "dan").output
    assert list((tmp_path / "cache").iterdir())  # cached on the first run
    path = small_data / "actors.yaml"
    path.write_text(path.read_text().replace("A critic.", "A harsh critic."))
    age(small_data.parent)
    assert "A harsh critic." in run(small_data, "show", "dan").output
