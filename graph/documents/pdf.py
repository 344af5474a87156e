"""A PDF as a document: the text layer of each page, extracted by PDFium (pypdfium2), pages separated by
:data:`graph.quotes.PAGE_BREAK`. PDFium reads a word hyphenated where a line may break as the word
(browsers mark such hyphens as soft in the PDF) and keeps a hyphen drawn at the end of a line."""
from __future__ import annotations

from ..errors import DocumentError
from ..quotes import PAGE_BREAK
from . import Extracted

_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD


def extract_pdf(data: bytes, display: str) -> Extracted:
    """The text of every page of a PDF and its title and author; refuses a PDF that needs a password or has no
    text layer (a scan)."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD_ERROR:
            raise DocumentError(f"{display} is an encrypted PDF that needs a password; open it with the "
                                "password, save a copy without one and add that") from None
        raise DocumentError(f"{display} is not a PDF that can be read ({exc})") from None
    try:
        pages = [_page_text(page) for page in pdf]
        info = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    if not any(page.strip() for page in pages):
        raise DocumentError(f"{display} has no text layer (a scan or photographs of pages); run it through OCR "
                            "(e.g. ocrmypdf) and add the result")
    details = {"title": info.get("Title", "").strip(), "author": info.get("Author", "").strip()}
    return Extracted(PAGE_BREAK.join(pages), "pdf", {k: v for k, v in details.items() if v}, len(pages))


def _page_text(page) -> str:
    textpage = page.get_textpage()
    try:
        # PDFium ends lines with CR LF; a form feed in a page would be read as a page break.
        return textpage.get_text_range().replace("\r\n", "\n").replace(PAGE_BREAK, "\n").rstrip() + "\n"
    finally:
        textpage.close()
