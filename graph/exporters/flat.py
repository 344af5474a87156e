"""Attribute values for formats without lists or maps: lists and maps become JSON text.

GraphML, GEXF and CSV cells hold only scalars, so ``aliases``, ``tags`` and ``sources``
(and the vocabulary on the graph) are written as compact JSON, which any reader turns
back into the original value with one ``json.loads``.
"""
from __future__ import annotations

import json


def json_text(value) -> str:
    """Compact JSON with unicode kept as is.

    >>> json_text([{"document": "doc", "quote": "«да»"}])
    '[{"document":"doc","quote":"«да»"}]'
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def scalar(value):
    """``value`` itself when it is a scalar, its JSON text when it is a list or a map."""
    return json_text(value) if isinstance(value, (list, tuple, dict)) else value


def flat(data: dict) -> dict:
    """Attributes with lists and maps as JSON text and ``None`` (absent) values left out.

    >>> flat({"aliases": ["A"], "role": None, "symmetric": True})
    {'aliases': '["A"]', 'symmetric': True}
    """
    return {name: scalar(value) for name, value in data.items() if value is not None}
