"""A plain text file as a document: UTF-8, kept as it is."""
from __future__ import annotations

from ..errors import DocumentError, Problem
from ..yamlfile import decode_text
from . import Extracted

_TITLE_CHARS = 200


def extract_text(data: bytes, display: str) -> Extracted:
    """The text of a UTF-8 file; its first line is the title when it is short enough to be one."""
    problems: list[Problem] = []
    text = decode_text(data, display, problems)
    if text is None:
        raise DocumentError(str(problems[0]))
    if "\0" in text:
        raise DocumentError(f"{display} holds NUL characters: it is not a text file")
    if not text.strip():
        raise DocumentError(f"{display} is empty")
    first = text.strip().splitlines()[0].strip()
    return Extracted(text, "text", {"title": first} if len(first) <= _TITLE_CHARS else {})
