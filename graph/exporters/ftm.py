"""FollowTheMoney entities as JSON lines, for Aleph, OpenAleph and the ``ftm`` tools.

* Actors become Person, PublicBody or Organization by kind (:data:`ACTOR_SCHEMATA`;
  other kinds LegalEntity): ``name``, ``alias``, ``description``, the kind's label as
  ``classification``, tags as ``keywords``. The entity id is the actor id.
* Each source document becomes a Document (``title``, ``author``, ``fileName``).
* Each relation becomes one interval entity chosen by category (:data:`LINK_SCHEMATA`)
  when both ends fit that schema -- Family, Associate, Employment, Membership -- and
  UnknownLink otherwise, with ``startDate``/``endDate``/``date`` as written, the quotes as
  ``description``, the documents as ``proof``, the relation id as ``recordId``, the type
  label and role as ``relationship`` or ``role``, and ``summary`` a sentence that also says
  who claims an alleged relation, or that it ended at a date not known (``end: unknown``,
  which ``endDate`` cannot hold), plus the note, if any. Interests carry the status too.

Relation and document entity ids are ``rel-``/``doc-`` plus the SHA-1 of the actorgraph
id, because FtM ids allow only letters, digits, dots and hyphens.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

import networkx as nx

from ..validity import UNKNOWN
from ..vocabulary import vocabulary

ACTOR_SCHEMATA = {"person": "Person", "government_body": "PublicBody", "country": "PublicBody",
                  "organization": "Organization", "political_party": "Organization", "alliance": "Organization",
                  "informal_group": "Organization", "media": "Organization"}
_PARENT = {"Person": "LegalEntity", "PublicBody": "Organization", "Organization": "LegalEntity",
           "LegalEntity": "Thing"}
_ENTITY_ID = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?$")


@dataclass(frozen=True)
class Link:
    """An FtM interval schema: its source and target properties, the schemata they accept,
    the property for the relation's wording, and whether it has ``status`` (an Interest)."""

    schema: str
    source: str
    target: str
    source_range: str
    target_range: str
    wording: str
    has_status: bool


LINK_SCHEMATA = {
    "family": Link("Family", "person", "relative", "Person", "Person", "relationship", False),
    "association": Link("Associate", "person", "associate", "Person", "Person", "relationship", False),
    "position": Link("Employment", "employee", "employer", "Person", "Organization", "role", True),
    "membership": Link("Membership", "member", "organization", "LegalEntity", "Organization", "role", True),
}
UNKNOWN_LINK = Link("UnknownLink", "subject", "object", "Thing", "Thing", "role", True)


def to_ftm_lines(graph: nx.MultiDiGraph) -> str:
    """One JSON entity per line: actors, then documents, then relations."""
    entities = [_actor(node, data, graph) for node, data in graph.nodes(data=True)]
    entities += [_document(doc_id, doc) for doc_id, doc in graph.graph.get("documents", {}).items()]
    entities += [_relation(u, v, key, data, graph) for u, v, key, data in graph.edges(keys=True, data=True)]
    return "".join(json.dumps(entity, ensure_ascii=False) + "\n" for entity in entities)


def actor_schema(kind: str) -> str:
    return ACTOR_SCHEMATA.get(kind, "LegalEntity")


def actor_entity_id(actor_id: str) -> str:
    """The actor id itself when FtM accepts it (every valid actor id does, up to 200 characters)."""
    return actor_id if _ENTITY_ID.match(actor_id) and len(actor_id) <= 200 else _hashed("actor", actor_id)


def _hashed(prefix: str, text: str) -> str:
    return f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()}"


def _is_a(schema: str, wanted: str) -> bool:
    while schema != wanted and schema in _PARENT:
        schema = _PARENT[schema]
    return schema == wanted


def _entity(entity_id: str, schema: str, properties: dict) -> dict:
    values = {name: [v for v in (value if isinstance(value, list) else [value]) if v]
              for name, value in properties.items()}
    return {"id": entity_id, "schema": schema, "properties": {name: v for name, v in values.items() if v}}


def _actor(node: str, data: dict, graph: nx.MultiDiGraph) -> dict:
    return _entity(actor_entity_id(node), actor_schema(data["kind"]), {
        "name": data["name"], "alias": data["aliases"], "description": data["description"],
        "classification": vocabulary(graph).label("kinds", data["kind"]), "keywords": data["tags"]})


def _document(doc_id: str, doc: dict) -> dict:
    return _entity(_hashed("doc", doc_id), "Document",
                   {"title": doc.get("title"), "author": doc.get("author"), "fileName": doc.get("file")})


def link_for(category: str, source_kind: str, target_kind: str) -> Link:
    """The interval schema for a relation of ``category`` between actors of these kinds."""
    link = LINK_SCHEMATA.get(category, UNKNOWN_LINK)
    fits = _is_a(actor_schema(source_kind), link.source_range) and _is_a(actor_schema(target_kind), link.target_range)
    return link if fits else UNKNOWN_LINK


def _relation(u: str, v: str, key: str, data: dict, graph: nx.MultiDiGraph) -> dict:
    nodes = graph.nodes
    link = link_for(data["category"], nodes[u]["kind"], nodes[v]["kind"])
    sentence = f"{nodes[u]['name']} {data['label']} {nodes[v]['name']}"
    statuses = vocabulary(graph)
    if statuses.is_claim(data["status"]):
        status = statuses.label("statuses", data["status"])
        claimant = f" by {nodes[data['claimed_by']]['name']}" if data.get("claimed_by") else ""
        sentence += f" ({status.lower()}{claimant})"
    end = data.get("end")
    if end == UNKNOWN.text:  # FtM dates must be dates: the summary says it instead
        end, sentence = None, sentence + " (ended; when is not known)"
    sources = data["sources"]
    properties = {
        link.source: actor_entity_id(u), link.target: actor_entity_id(v),
        link.wording: [data["label"], data.get("role")],
        "startDate": data.get("start"), "endDate": end, "date": data.get("date"),
        "description": [s["quote"] for s in sources],
        "proof": list(dict.fromkeys(_hashed("doc", s["document"]) for s in sources)),
        "summary": [sentence, data.get("note")], "recordId": key,
    }
    if link.has_status:
        properties["status"] = data["status"]
    return _entity(_hashed("rel", key), link.schema, properties)
