"""Only characters XML 1.0 allows, so that GraphML and GEXF are always well-formed.

XML 1.0 allows tab, line feed, carriage return, U+0020..U+D7FF, U+E000..U+FFFD and
U+10000..U+10FFFF; a single other character (a C0 control such as U+0001, a lone surrogate,
U+FFFE or U+FFFF) makes every XML parser refuse the whole file. Each one is written as U+FFFD
REPLACEMENT CHARACTER, in ids, attribute names and values alike. The validator refuses
control characters in the data, so only a graph built some other way can have them.
"""
from __future__ import annotations

import re

from .flat import flat

_NOT_XML = re.compile(r"[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def xml_text(value):
    """``value`` with each character XML cannot hold replaced by U+FFFD (non-text values as they are).

    >>> xml_text("a\\x01b\\ud800c\\ufffe"), xml_text(3)
    ('a�b�c�', 3)
    """
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def xml_attributes(data: dict) -> dict:
    """:func:`graph.exporters.flat.flat` attributes, names and values made XML text."""
    return {xml_text(name): xml_text(value) for name, value in flat(data).items()}
