"""A story step's text: a small, safe subset of Markdown parsed into a tree the page builds as DOM nodes.

Allowed: paragraphs, bullet and numbered lists, *emphasis*, **strong emphasis**, line breaks and links to
``http:`` or ``https:`` addresses. Anything else (headings, quotes, code, images, HTML, other link schemes)
is refused with the line it is on. The tree holds text and tag names only, never markup::

    ["plain text", {"tag": "em", "children": [...]}, {"tag": "a", "href": "https://...", "children": [...]}]
"""
from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt

#: markdown-it block and inline token types kept, and the tag each opens.
_BLOCKS = {"paragraph_open": "p", "bullet_list_open": "ul", "ordered_list_open": "ol", "list_item_open": "li"}
_INLINES = {"em_open": "em", "strong_open": "strong", "link_open": "a"}
_CLOSES = {kind.replace("_open", "_close") for kind in (*_BLOCKS, *_INLINES)}
_WHAT = {"heading_open": "a heading", "blockquote_open": "a block quote", "code_block": "code", "fence": "code",
         "code_inline": "code", "hr": "a horizontal rule", "html_block": "HTML", "html_inline": "HTML",
         "image": "an image", "table_open": "a table", "s_open": "strikethrough"}
ALLOWED = "paragraphs, lists, *emphasis*, **strong** and [links](https://...)"
SCHEMES = ("http://", "https://")
# HTML on: tags become html tokens, refused by name, rather than passing silently as visible text.
_PARSER = MarkdownIt("commonmark", {"html": True})
_PARSER.validateLink = lambda url: True  # type: ignore[method-assign]  # every link becomes a token, so that a refused scheme is named, not shown


@dataclass(frozen=True)
class Problem:
    """Something in the text outside the allowed Markdown: ``line`` counts from 0, the text's first line."""

    line: int
    message: str


def parse(text: str) -> tuple[list, str, list[Problem]]:
    """The tree of ``text`` (a list of nodes), its words as plain text, and what is not allowed in it."""
    problems: list[Problem] = []
    root: list = []
    stack: list[list] = [root]
    line = 0
    for token in _PARSER.parse(text):
        line = token.map[0] if token.map else line
        if token.type in _BLOCKS:
            if not token.hidden:  # a tight list's paragraphs are hidden: their text goes in the item
                children: list = []
                stack[-1].append({"tag": _BLOCKS[token.type], "children": children})
                stack.append(children)
        elif token.type in _CLOSES:
            if not token.hidden:
                stack.pop()
        elif token.type.endswith("_close"):  # of something already refused at its opening
            continue
        elif token.type == "inline":
            _inline(token.children or [], stack[-1], line, problems)
        else:
            problems.append(Problem(line, _refused(token.type)))
    return root, " ".join(_words(root).split()), problems


def _inline(tokens, into: list, line: int, problems: list[Problem]) -> None:
    stack = [into]
    for token in tokens:
        if token.type == "text":
            stack[-1].append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            stack[-1].append(" ")
        elif token.type in _INLINES:
            children: list = []
            node: dict = {"tag": _INLINES[token.type], "children": children}
            if token.type == "link_open":
                href = str(token.attrGet("href") or "")
                if not href.lower().startswith(SCHEMES):
                    problems.append(Problem(line, f"link to {href!r}: only http:// and https:// addresses may be linked"))
                node["href"] = href
            stack[-1].append(node)
            stack.append(children)
        elif token.type in _CLOSES:
            stack.pop()
        elif not token.type.endswith("_close"):
            problems.append(Problem(line, _refused(token.type)))


def _refused(kind: str) -> str:
    what = _WHAT.get(kind) or _WHAT.get(kind.replace("_close", "_open")) or kind.replace("_", " ")
    return f"{what} is not allowed in a step's text; use {ALLOWED}"


def _words(nodes: list) -> str:
    return " ".join(node if isinstance(node, str) else _words(node["children"]) for node in nodes)
