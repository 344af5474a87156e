"""Turning a file into a document's text and details: a text file as it is, the article of a saved web
page, the text layer of a PDF page by page (pages separated by :data:`graph.quotes.PAGE_BREAK`).
:mod:`.register` adds the result to a dataset's sources list."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DocumentError, UsageError
from ..load import display_path

#: The kinds of file a document can come from, by file name suffix.
SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}


@dataclass(frozen=True)
class Extracted:
    """A document's text, its ``kind`` ("text", "html" or "pdf"), how many pages it has (PDF only) and
    what the file says about itself (``title``, ``author``, ``publisher``, ``url``, ``published``)."""

    text: str
    kind: str
    details: dict[str, str] = field(default_factory=dict)
    pages: int | None = None


def extract(path: Path, data: bytes) -> Extracted:
    """The text and details of the file ``path`` whose bytes are ``data``.

    Raises :class:`UsageError` for a file of another kind and :class:`DocumentError` for one with no text to
    cite (a scanned or encrypted PDF, a page with no article, a text file that is not UTF-8).
    """
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise UsageError(f"{display_path(path)} is not a .txt, .html or .pdf file; save the document as one of "
                         "those first", "file")
    if kind == "pdf":
        from .pdf import extract_pdf

        return extract_pdf(data, display_path(path))
    if data.startswith(b"%PDF-"):
        raise DocumentError(f"{display_path(path)} is a PDF, not {kind}; name it .pdf")
    if kind == "html":
        from .html import extract_html

        return extract_html(data, display_path(path))
    from .text import extract_text

    return extract_text(data, display_path(path))
