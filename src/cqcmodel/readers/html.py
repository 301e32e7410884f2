"""HTML: a saved web page's main content, one block per line, each with its place in the file.

Pages are parsed with selectolax's Lexbor engine: a C implementation of the HTML5 parsing
algorithm, so any page (malformed, truncated, tens of megabytes) gives the tree a browser
would build, fast, from a small wheel with no dependencies. The main content is ``<main>``
(or ``[role=main]``), else ``<article>``, else the body. Navigation, headers, footers, asides,
forms, buttons, hidden elements and cookie banners are not content wherever they stand; their
text is set aside and recorded, and so is any text outside the main content. Scripts, styles
and templates are code, not text, and are skipped.

Each block (heading, paragraph, list item, table cell, term and description, quotation, a run
of text in a ``div``, each part between ``<br>`` elements) becomes a line, its whitespace
collapsed; list items keep a bullet (``  • ``, two more spaces per nesting level) and the
other blocks inside an item are continuation lines, as the text format writes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import ParseError
from ..model import SetAside
from ._positions import Locator
from .furniture import mark

__all__ = ["read_html"]

#: Elements whose content is code or invisible data: never text, never recorded.
_CODE: Final = frozenset(
    {
        "script",
        "style",
        "template",
        "head",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "select",
        "textarea",
        "input",
        "img",
        "video",
        "audio",
        "picture",
        "map",
        "-comment",
    }
)
#: Elements that are site chrome wherever they stand, with the reason their text is set aside.
_CHROME_TAGS: Final = {
    "nav": "navigation",
    "header": "site header",
    "footer": "site footer",
    "aside": "aside",
    "form": "form",
    "button": "button",
    "dialog": "dialog",
    "noscript": "noscript message",
}
#: Selectors of chrome that tags do not tell, with their reasons, tried in this order.
_CHROME_SELECTORS: Final = (
    ("[hidden], [aria-hidden='true' i]", "hidden element"),
    (
        "[id*='cookie' i], [class*='cookie' i], [aria-label*='cookie' i], "
        "[id*='consent' i], [class*='consent' i], [aria-label*='consent' i]",
        "cookie banner",
    ),
    ("[style*='display:none' i], [style*='display: none' i]", "hidden element"),
)
#: Elements that start and end a line.
_BLOCKS: Final = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "center",
        "button",
        "menu",
    }
)
_OUTSIDE: Final = "outside the main content"
#: Where a line's text starts: in an element (``False``) or after its end (``True``).
Anchor = tuple[LexborNode, bool]


class _Lines:
    """The lines of a walk: content lines with their anchors, and set-aside lines."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.anchors: list[Anchor] = []
        self.aside: list[tuple[str, Anchor, str]] = []
        self.pieces: list[str] = []
        #: Where the current line's text starts: in an element, or after one's end.
        self.anchor: Anchor | None = None
        #: Per open list item: whether its first line (the bulleted one) is written.
        self.items: list[bool] = []

    def flush(self, reason: str | None) -> None:
        if not self.pieces:
            return
        text = " ".join("".join(self.pieces).split())
        self.pieces = []
        anchor = self.anchor
        if not text or anchor is None:
            return
        if reason is not None:
            self.aside.append((text, anchor, reason))
            return
        if self.items:
            depth = len(self.items)
            if self.items[-1]:
                text = "  " * depth + "  " + text
            else:
                text = "  " * depth + "• " + text
                self.items[-1] = True
        self.texts.append(text)
        self.anchors.append(anchor)


def read_html(
    html: str, *, source: str | None = None
) -> tuple[str, list[tuple[int, int]], list[SetAside], tuple[str, ...]]:
    """Read a page's HTML into page text.

    Returns the text, each line's source position, what was set aside, and the source's own
    lines (for error snippets).
    """
    tree = LexborHTMLParser(html)
    root = _main(tree)
    body = tree.body
    chrome = _chrome(tree)
    lines = _Lines()
    start = body if body is not None else root
    if start is not None:
        _walk(start, root, chrome, lines)
    source_lines = tuple(line.rstrip("\r") for line in html.split("\n"))
    locator = Locator(html, tree)
    if not lines.texts:
        where = locator.position(root, "", after=False) if root is not None else (1, 1)
        what = f"<{root.tag}>" if root is not None else "the page"
        raise ParseError(
            f"no text in the page's main content ({what}): is this a CQC report page?",
            line=where[0],
            column=where[1],
            source=source,
            line_text=source_lines[where[0] - 1] if where[0] <= len(source_lines) else None,
        )
    positions = [
        locator.position(node, text, after=after)
        for text, (node, after) in zip(lines.texts, lines.anchors, strict=True)
    ]
    set_aside = [
        SetAside(line=line, column=column, text=text, reason=reason)
        for text, (node, after), reason in lines.aside
        for line, column in (locator.position(node, text, after=after),)
    ]
    return _furniture(lines.texts, positions, set_aside, source_lines)


def _furniture(
    texts: list[str],
    positions: list[tuple[int, int]],
    set_aside: list[SetAside],
    source_lines: tuple[str, ...],
) -> tuple[str, list[tuple[int, int]], list[SetAside], tuple[str, ...]]:
    """Set aside the furniture inside the main content ("Back to top", …)."""
    reasons = mark([text.strip() for text in texts])
    kept: list[str] = []
    kept_positions: list[tuple[int, int]] = []
    for text, position, reason in zip(texts, positions, reasons, strict=True):
        if reason is None:
            kept.append(text)
            kept_positions.append(position)
        else:
            set_aside.append(
                SetAside(line=position[0], column=position[1], text=text.strip(), reason=reason)
            )
    set_aside.sort(key=lambda item: (item.line, item.column))
    return "\n".join(kept) + "\n", kept_positions, set_aside, source_lines


def _main(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in ("main", "[role='main' i]", "article"):
        found = tree.css_first(selector)
        if found is not None:
            return found
    return tree.body


def _chrome(tree: LexborHTMLParser) -> dict[int, str]:
    """The chrome elements that tags alone do not tell, by ``mem_id``, with their reasons."""
    found: dict[int, str] = {}
    for selector, reason in _CHROME_SELECTORS:
        for node in tree.css(selector):
            found.setdefault(node.mem_id, reason)
    return found


def _children(node: LexborNode) -> Iterator[LexborNode]:
    return node.iter(include_text=True)


def _walk(
    start: LexborNode, main: LexborNode | None, chrome: dict[int, str], lines: _Lines
) -> None:
    """Walk ``start``'s subtree in document order, writing lines.

    The walk keeps its own stack rather than recursing: nesting depth is the page's to choose.
    """
    main_id = main.mem_id if main is not None else None
    # Each frame: the children left to visit, the node, and the reason its text is set aside.
    outside: str | None = _OUTSIDE if main is not None and main.mem_id != start.mem_id else None
    stack: list[tuple[Iterator[LexborNode], LexborNode, str | None]] = [
        (_children(start), start, outside)
    ]
    lines.anchor = (start, False)
    while stack:
        children, parent, reason = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            _leave(parent, lines, reason, stack[-1][2] if stack else reason)
            continue
        tag = child.tag
        if tag == "-text":
            text = child.text_content
            if text:
                lines.pieces.append(text)
            continue
        if tag in _CODE or tag is None:
            continue
        if tag == "br":
            lines.flush(reason)
            lines.anchor = (child, True)
            continue
        child_reason = reason
        if child.mem_id == main_id:
            child_reason = None
        own = _CHROME_TAGS.get(tag) or chrome.get(child.mem_id)
        if own is not None and (reason is None or reason == _OUTSIDE):
            child_reason = own
        if tag in _BLOCKS or child_reason != reason:
            lines.flush(reason)
            lines.anchor = (child, False)
            if tag == "li" and child_reason is None:
                lines.items.append(False)
        elif not lines.pieces:
            lines.anchor = (child, False)
        stack.append((_children(child), child, child_reason))


def _leave(node: LexborNode, lines: _Lines, reason: str | None, outer: str | None) -> None:
    """End ``node`` (set aside for ``reason``, inside an element set aside for ``outer``)."""
    tag = node.tag
    if tag in _BLOCKS or reason != outer:
        lines.flush(reason)
        lines.anchor = (node, True)
        if tag == "li" and reason is None and lines.items:
            lines.items.pop()
