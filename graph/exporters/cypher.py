"""A Cypher script that recreates the graph in Neo4j (``cypher-shell -f graph.cypher``).

Every value is a literal in the script, so no parameters are needed. Strings are written
as JSON strings, whose escapes (``\\"``, ``\\\\``, ``\\n``, ``\\uXXXX``) are a subset of
Cypher's, and labels, relationship types and keys are backtick-quoted with backticks
doubled, a ``\\u0060`` escape (which Neo4j's parser reads as a backtick, even between
backticks) counting as one; data can therefore never end a literal and become code. (The
vocabulary allows only ``[a-z][a-z0-9_]*`` names anyway.) Rows go in batches of
``UNWIND [...] AS row``; nodes and relationships are ``MERGE``d on ``id``, so running the
script again updates rather than duplicates.

Actors are ``(:Actor:`kind` {id, name, ...})``; relations are ``[:`type` {id, ...}]``.
Lists of text (``aliases``, ``tags``) stay lists; ``sources`` (a list of maps, which Neo4j
properties cannot hold) is JSON text -- ``apoc.convert.fromJsonList(r.sources)`` opens it.
"""
from __future__ import annotations

import json
import re
from itertools import groupby, islice

import networkx as nx

from .flat import json_text

BATCH = 500
_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_BACKTICK_ESCAPE = re.compile(r"\\u+0060")  # Java's unicode escape of a backtick, which Neo4j decodes first


def to_cypher(graph: nx.MultiDiGraph) -> str:
    """The script: a uniqueness constraint, then the actors by kind, then the relations by type."""
    statements = ["CREATE CONSTRAINT actorgraph_actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE"]
    nodes = sorted(graph.nodes(data=True), key=lambda item: item[1]["kind"])
    for kind, group in groupby(nodes, key=lambda item: item[1]["kind"]):
        for batch in _batches({"id": node, **_properties(data)} for node, data in group):
            statements.append(f"UNWIND {literal(batch)} AS row\nMERGE (n:Actor {{id: row.id}})\n"
                              f"SET n += row, n:{name(kind)}")
    edges = sorted(graph.edges(keys=True, data=True), key=lambda item: item[3]["type"])
    for rtype, group in groupby(edges, key=lambda item: item[3]["type"]):
        rows = ({"from": u, "to": v, "id": key, "properties": _properties(data)} for u, v, key, data in group)
        for batch in _batches(rows):
            statements.append(f"UNWIND {literal(batch)} AS row\n"
                              "MATCH (a:Actor {id: row.from}), (b:Actor {id: row.to})\n"
                              f"MERGE (a)-[r:{name(rtype)} {{id: row.id}}]->(b)\nSET r += row.properties")
    header = "// Recreates the actorgraph graph in Neo4j: cypher-shell -f FILE (or paste into Neo4j Browser).\n"
    return header + "".join(statement + ";\n" for statement in statements)


def literal(value) -> str:
    """``value`` as a Cypher literal.

    >>> print(literal({"name": 'say "hi"', "aliases": ["a`b"], "n": None}))
    {name: "say \\"hi\\"", aliases: ["a`b"], n: null}
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key_name(key)}: {literal(item)}" for key, item in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def name(text: str) -> str:
    """A label or relationship type, always backtick-quoted, backticks doubled.

    >>> print(name("a`b"), name("c\\\\u0060d"))
    `a``b` `c``d`
    """
    return "`" + _BACKTICK_ESCAPE.sub("`", text).replace("`", "``") + "`"


def key_name(text: str) -> str:
    """A map key: bare when it is a plain identifier, else backtick-quoted."""
    return text if _PLAIN_NAME.match(text) else name(text)


def _properties(data: dict) -> dict:
    """Properties Neo4j can store: scalars and lists of scalars; lists of maps as JSON text."""
    return {key: json_text(value) if _nested(value) else value for key, value in data.items()}


def _nested(value) -> bool:
    return isinstance(value, dict) or (isinstance(value, (list, tuple)) and
                                       any(isinstance(item, (list, tuple, dict)) for item in value))


def _batches(rows):
    rows = iter(rows)
    while batch := list(islice(rows, BATCH)):
        yield batch
