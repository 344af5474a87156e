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
from .fields import ACTOR, RELATION, SOURCE, STEP, STORY, Field, required
from .load import SLUG
from .model import Schema
from .quotes import MAX_QUOTE_CHARS
from .validity import UNKNOWN

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


def _property(field: Field, vocabulary: Schema) -> dict:
    """The schema of one declared field (see :mod:`graph.fields`)."""
    if field.kind in ("actor_id", "actor"):
        return {"type": "string", "pattern": SLUG.pattern, "description": field.help}
    if field.kind == "text":
        return _text(field.help)
    if field.kind == "texts":
        return {"type": "array", "items": _text("One of: " + field.help.lower()), "description": field.help}
    if field.kind == "date":
        return _date(field.help)
    if field.kind == "end":
        return {"description": field.help, "anyOf": [*_date("")["anyOf"], {"const": UNKNOWN.text}]}
    if field.kind in ("markdown", "steps"):
        return _text(field.help) if field.kind == "markdown" else \
            {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/step"}, "description": field.help}
    if field.kind in ("actors", "relations", "path"):
        names = {"type": "array", "items": _text("An actor or relation."), "description": field.help}
        return {**names, "minItems": 2, "maxItems": 2} if field.kind == "path" else names
    if field.kind == "flag":
        return {"type": "boolean", "description": field.help}
    if field.kind == "choices":
        return {"type": "array", "items": _choice({c.id: c.label for c in vocabulary.categories.values()}, ""),
                "description": field.help}
    if field.kind == "sources":
        return {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/source"}, "description": field.help}
    assert field.choices, f"field {field.name!r} of kind {field.kind!r} names no vocabulary section"
    entries = getattr(vocabulary, field.choices)
    labels = {e.id: f"{e.label} / {e.inverse}" if field.choices == "relation_types" and not e.symmetric else e.label
              for e in entries.values()}
    return _choice(labels, field.help)


def _object(fields: tuple[Field, ...], vocabulary: Schema) -> dict:
    return {"type": "object", "additionalProperties": False, "required": list(required(fields)),
            "properties": {f.name: _property(f, vocabulary) for f in fields}}


def json_schema(vocabulary: Schema) -> dict:
    """The JSON Schema of one data file for this vocabulary.

    >>> from graph.model import Kind, Schema
    >>> json_schema(Schema({"person": Kind("person", "Person")}, {}, {}, {}))["definitions"]["actor"]["properties"]["kind"]["enum"]
    ['person']
    """
    actor = _object(ACTOR, vocabulary)
    relation = {
        **_object(RELATION, vocabulary),
        "allOf": [{"not": {"required": ["date", "start"]}}, {"not": {"required": ["date", "end"]}}] + [
            {"if": {"required": ["status"], "properties": {"status": {"const": s.id}}},
             "then": {"required": ["claimed_by"]}}
            for s in vocabulary.statuses.values() if s.requires_claimant] + [
            {"if": {"required": ["claimed_by"]},
             "then": {"required": ["status"], "properties": {"status": {"not": {"const": vocabulary.default_status}}}}}],
    }
    source = _object(SOURCE, vocabulary)
    source["properties"]["quote"]["maxLength"] = MAX_QUOTE_CHARS
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


def story_json_schema(vocabulary: Schema) -> dict:
    """The JSON Schema of one story file (``stories/NAME.yaml``, :mod:`graph.stories`) for this vocabulary."""
    return {
        "$schema": DRAFT,
        "title": "actorgraph story",
        "description": "A guided, cited walk through an actorgraph map. Generated by `actorgraph schema --story`.",
        **_object(STORY, vocabulary),
        "definitions": {"step": {**_object(STEP, vocabulary), "anyOf": [
            {"required": ["actors"]}, {"required": ["relations"]}, {"required": ["path"]}]}},
    }


def json_schema_text(vocabulary: Schema, story: bool = False) -> str:
    """:func:`json_schema` (or with ``story``, :func:`story_json_schema`) as indented JSON text."""
    schema = story_json_schema(vocabulary) if story else json_schema(vocabulary)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
