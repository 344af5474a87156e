"""A saved web page as a document: the article's text and details, extracted by trafilatura."""
from __future__ import annotations

from ..errors import DocumentError
from . import Extracted

#: An article has at least one paragraph this long, in words; a page of links and labels has none.
MIN_PARAGRAPH_WORDS = 10


def extract_html(data: bytes, display: str) -> Extracted:
    """The article of a web page (boilerplate such as menus and footers left out), one paragraph a line, and
    what the page says about it: title, author, site name (the publisher), address and date of publication."""
    import trafilatura
    from trafilatura.settings import Document

    # Only a date the page states as metadata: a date guessed from the body may be any date the article names.
    found = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=True,
                                        favor_precision=True,
                                        date_extraction_params={"extensive_search": False, "original_date": True})
    if not isinstance(found, Document):  # None: nothing found
        found = Document()
    text = (found.text or "").strip()
    if not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in text.splitlines()):
        raise DocumentError(f"{display} holds no article text (no paragraph of {MIN_PARAGRAPH_WORDS} words: a page "
                            "of links, or one a script fills?); save the article's own page, or its text as .txt")
    details = {"title": found.title, "author": found.author, "publisher": found.sitename, "url": found.url,
               "published": found.date}
    return Extracted(text + "\n", "html", {name: value for name, value in details.items() if value})
