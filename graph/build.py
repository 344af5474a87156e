"""Turning a valid :class:`~graph.model.Dataset` into a NetworkX ``MultiDiGraph``.

Nodes are actor ids carrying the actor's fields and ``claims_made``, the ``[from, to, relation
id]`` of every relation the actor is the claimant of; edge keys are relation ids carrying every
relation field plus its category, labels, whether it is symmetric, its ``link`` (connection or
context) and its ``time`` (state or event). The graph's own
attributes hold the vocabulary and the documents, so queries, renderers and exporters need
nothing else.
"""
from __future__ import annotations

import networkx as nx

from .metadata import metadata_record
from .model import Actor, Dataset, Relation, Schema


def actor_attributes(actor: Actor) -> dict:
    return {"name": actor.name, "kind": actor.kind, "aliases": list(actor.aliases),
            "description": actor.description, "tags": list(actor.tags)}


def relation_attributes(relation: Relation, schema: Schema) -> dict:
    rtype = schema.relation_types[relation.type]
    return {
        "type": relation.type, "category": rtype.category, "label": rtype.label,
        "inverse_label": rtype.inverse, "symmetric": rtype.symmetric, "link": rtype.link, "time": rtype.time,
        "status": relation.status, "claimed_by": relation.claimed_by, "role": relation.role,
        "start": _text(relation.start), "end": _text(relation.end), "date": _text(relation.date),
        "sources": [{"document": s.document, "quote": s.quote, "page": s.page} for s in relation.sources],
        "note": relation.note,
    }


def build_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """The dataset as a graph.

    >>> from graph.model import Dataset, Schema
    >>> build_graph(Dataset(Schema({}, {}, {}, {}), {}, {}, ())).number_of_nodes()
    0
    """
    schema = dataset.schema
    graph = nx.MultiDiGraph(
        **schema.attributes(),
        documents={d.id: {"title": d.title, "author": d.author, "file": d.file, "publisher": d.publisher, "url": d.url,
                          "published": d.published.text if d.published else None, "archive_url": d.archive_url}
                   for d in dataset.documents.values()},
        dataset=metadata_record(dataset.metadata),
    )
    claims: dict[str, list[list[str]]] = {}
    for r in dataset.relations:
        if r.claimed_by:
            claims.setdefault(r.claimed_by, []).append([r.from_, r.to, r.id])
    graph.add_nodes_from((a.id, {**actor_attributes(a), "claims_made": claims.get(a.id, [])})
                         for a in dataset.actors.values())
    graph.add_edges_from((r.from_, r.to, r.id, relation_attributes(r, schema)) for r in dataset.relations)
    return graph


def _text(value) -> str | None:
    return None if value is None else str(value)

