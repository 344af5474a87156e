"""``add document``: a text file, saved web page or PDF made a document of the dataset."""
from __future__ import annotations

from pathlib import Path

import click

from .base import data_options
from .edit_commands import add
from .output import echo, style


@add.command("document")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@data_options
@click.option("--id", "doc_id", help="The document's id, used by relations' sources  [default: made from the title]")
@click.option("--title", help="Title  [default: what the file says, else its name]")
@click.option("--author", help="Author  [default: what the file says]")
@click.option("--publisher", help="Publisher  [default: the web page's site name]")
@click.option("--url", help="Web address (https://...)  [default: the web page's own address]")
@click.option("--published", metavar="DATE", help="Date of publication (YYYY, YYYY-MM or YYYY-MM-DD)  "
                                                 "[default: the web page's]")
def add_document(file, source, doc_id, title, author, publisher, url, published):
    """Add FILE (.txt, .html or .pdf) to the documents that relations cite.

    The text is extracted (a web page's article, a PDF's text page by page) and kept in the
    seeds folder with the original beside it, which sources.yaml lists with its SHA-256.
    Quotes are then checked against the extracted text, and a quote's page is shown with it.

    Example: actorgraph add document article.pdf --id harbour-board --published 2024-03-07
    """
    from ..documents.register import add_document as register
    from ..load import display_path

    added = register(source, file, doc_id=doc_id, title=title, author=author, publisher=publisher, url=url,
                     published=published)
    extracted, entry = added.extracted, added.entry
    size = f"{extracted.pages} page(s), " if extracted.pages else ""
    echo(style(f"added document {entry['id']} to {display_path(source.sources_file)}:{added.line}", fg="green"),
         f" ({extracted.kind}, {size}{len(extracted.text):,} characters)")
    for name in ("title", "author", "publisher", "url", "published"):
        if name in entry:
            echo(f"  {name}: {entry[name]}")
    echo("  text: ", ", ".join(display_path(path) for path in added.files[:1]),
         *([f" (original: {display_path(added.files[1])})"] if len(added.files) > 1 else []))
