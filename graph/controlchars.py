"""Characters that can take over a terminal or disguise text, found once for the validator and the CLI.

C0 controls (ESC starts ANSI and OSC sequences, such as OSC 52 clipboard writes), DEL, C1
controls (U+009B is a one-character CSI) and the bidirectional overrides and isolates
(U+202A..U+202E, U+2066..U+2069, which reorder what a reader sees). Tab and line feed are
the only controls a multi-line text may hold.
"""
from __future__ import annotations

import re

LINE_BREAKS = "\t\n"
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_ANY = re.compile(f"[{_UNSAFE}{LINE_BREAKS}]")
_UNSAFE_ONLY = re.compile(f"[{_UNSAFE}]")


def first_unsafe(text: str, multiline: bool = False) -> str | None:
    """The first character of ``text`` no text field may hold (tab and line feed allowed when ``multiline``).

    >>> first_unsafe("a\\tb"), first_unsafe("a\\tb", multiline=True), first_unsafe("\\u202eevil")
    ('\\t', None, '\\u202e')
    """
    found = (_UNSAFE_ONLY if multiline else _ANY).search(text)
    return found.group() if found else None


def describe(char: str) -> str:
    """A character as a reader can name it: ``"U+001B"``."""
    return f"U+{ord(char):04X}"


def visible(text: str) -> str:
    """``text`` with every such character (tab and line feed too) shown as a Python escape, so
    printing it cannot move the cursor, recolour, retitle or write the clipboard.

    >>> visible("a\\x1b[2Jb\\u202ec\\nd")
    'a\\\\x1b[2Jb\\\\u202ec\\\\nd'
    """
    return _ANY.sub(lambda found: repr(found.group())[1:-1], text)


def json_visible(text: str) -> str:
    """JSON text with such characters (which ``json.dumps(ensure_ascii=False)`` leaves raw) as ``\\uXXXX``
    escapes: the same JSON, safe on a terminal. Tab and line feed stay, being only layout outside strings.

    >>> json_visible('["\\x9b2J"]')
    '["\\\\u009b2J"]'
    """
    return _UNSAFE_ONLY.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
