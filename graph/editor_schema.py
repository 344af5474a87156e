"""A JSON Schema for data files, generated from the vocabulary, so editors check fields while typing.

With the schema saved beside the data (``actorgraph schema -o data/actorgraph.schema.json``),
a first line ``# yaml-language-server: $schema=actorgraph.schema.json`` in a data file makes
VS Code (Red Hat YAML extension), Neovim, Helix, Zed and other editors using
yaml-language-server complete kinds, relation types and statuses, and flag unknown fields,
bad dates and missing sources as you type. The loader stays the authority: the schema
cannot see across files (unknown actors, duplicates) or into documents (quotes).

The schema is JSON Schema draft-07, the draft editors support best. Dates may be written
unquoted: a bare year is a YAML integer, so ``start: 2022`` is accepted as well as ``"2022"``.
"""
from __future__ import annotations

import json

from .dates import PATTERN as DATE_PATTERN
from .load import SLUG
from .model import Schema
from .quotes import MAX_QUOTE_CHARS

DRAFT = "http://json-schema.org/draft-07/schema#"


def _text(description: str) -> dict:
    return {"type": "string", "pattern": r"\S", "description": description}


def _choice(described: dict[str, str], description: str) -> dict:
    """An enum whose values editors show with their labels."""
    return {"type": "string", "enum": list(described), "description": description + " One of: " +
            "; ".join(f"{name} ({label})" for name, label in described.items()) + "."}


def _date(description: str) -> dict:
    return {"description": description + " YYYY, YYYY-MM or YYYY-MM-DD.",
            "anyOf": [{"type": "string", "pattern": DATE_PATTERN}, {"type": "integer", "minimum": 1, "maximum": 9999}]}


def json_schema(vocabulary: Schema) -> dict:
    """The JSON Schema of one data file for this vocabulary.

    >>> from graph.model import Kind, Schema
    >>> json_schema(Schema({"person": Kind("person", "Person")}, {}, {}, {}))["definitions"]["actor"]["properties"]["kind"]["enum"]
    ['person']
    """
    actor_id = {"type": "string", "pattern": SLUG.pattern,
                "description": "An actor id: lowercase words joined by hyphens, like kassym-jomart-tokayev."}
    actor = {
        "type": "object", "additionalProperties": False,
        "required": ["id", "name", "kind", "description"],
        "properties": {
            "id": actor_id,
            "name": _text("The actor's usual full name."),
            "kind": _choice({k.id: k.label for k in vocabulary.kinds.values()}, "What the actor is."),
            "aliases": {"type": "array", "items": _text("Another name."), "description": "Other names and spellings."},
            "description": _text("One or two sentences saying who this is."),
            "tags": {"type": "array", "items": _text("A tag."), "description": "Free tags."},
        },
    }
    types = {t.id: f"{t.label} / {t.inverse}" if not t.symmetric else t.label
             for t in vocabulary.relation_types.values()}
    relation = {
        "type": "object", "additionalProperties": False,
        "required": ["from", "to", "type", "sources"],
        "properties": {
            "id": _text("Optional explicit relation id, when the derived one would clash."),
            "from": {**actor_id, "description": "The actor id the relation reads from."},
            "to": {**actor_id, "description": "The actor id the relation reads to."},
            "type": _choice(types, "The relation type (reads FROM label TO)."),
            "status": _choice({s.id: s.label for s in vocabulary.statuses.values()},
                              f"How the source presents it; default {vocabulary.default_status}."),
            "claimed_by": {**actor_id, "description": "The actor id of who claims an alleged relation."},
            "role": _text("The role or title held, e.g. Chairman."),
            "start": _date("When the relation began."),
            "end": _date("When the relation ended."),
            "date": _date("The date of a one-off event (instead of start/end)."),
            "sources": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/source"},
                        "description": "At least one document and a verbatim quote from it."},
            "note": _text("A remark for readers."),
        },
        "allOf": [{"not": {"required": ["date", "start"]}}, {"not": {"required": ["date", "end"]}}] + [
            {"if": {"required": ["status"], "properties": {"status": {"const": s.id}}},
             "then": {"required": ["claimed_by"]}}
            for s in vocabulary.statuses.values() if s.requires_claimant] + [
            {"if": {"required": ["claimed_by"]},
             "then": {"required": ["status"], "properties": {"status": {"not": {"const": vocabulary.default_status}}}}}],
    }
    source = {
        "type": "object", "additionalProperties": False, "required": ["document", "quote"],
        "properties": {
            "document": _text("A document id from the seeds' sources.yaml."),
            "quote": {**_text("Words copied verbatim from the document."), "maxLength": MAX_QUOTE_CHARS},
        },
    }
    return {
        "$schema": DRAFT,
        "title": "actorgraph data file",
        "description": "Actors and relations of an actorgraph dataset. Generated by `actorgraph schema` "
                       "from the vocabulary (schema.yaml); regenerate it after changing the vocabulary.",
        "type": "object", "additionalProperties": False,
        "properties": {
            "actors": {"type": ["array", "null"], "items": {"$ref": "#/definitions/actor"}},
            "relations": {"type": ["array", "null"], "items": {"$ref": "#/definitions/relation"}},
        },
        "definitions": {"actor": actor, "relation": relation, "source": source},
    }


def json_schema_text(vocabulary: Schema) -> str:
    """:func:`json_schema` as indented JSON text."""
    return json.dumps(json_schema(vocabulary), ensure_ascii=False, indent=2) + "\n"
