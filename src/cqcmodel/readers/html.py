"""HTML: a saved web page's main content, one block per line, each with its place in the file.

Pages are parsed with selectolax's Lexbor engine: a C implementation of the HTML5 parsing
algorithm, so any page (malformed, truncated, tens of megabytes) gives the tree a browser
would build, fast, from a small wheel with no dependencies. The main content is ``<main>``
(or ``[role=main]``), else ``<article>``, else the body. Navigation, headers, footers, asides,
forms, buttons, hidden elements and cookie banners are not content wherever they stand (but
a ``<header>`` inside the main content that holds a heading is the content's own: the page
title often stands in one); their text is set aside and recorded, and so is any text outside
the main content. Scripts, styles and templates are code, not text, and are skipped.

Each block (heading, paragraph, list item, table cell, term and description, quotation, a run
of text in a ``div``, each part between ``<br>`` elements) becomes a line, its whitespace
collapsed; list items keep a bullet (two spaces and ``•``, two more spaces per nesting level)
and the other blocks inside an item are continuation lines, as the text format writes them.
"""

from __future__ import annotations

import operator
import re
import threading
from collections.abc import Iterator, Sequence
from typing import Final

from selectolax.lexbor import LexborCSSSelector, LexborHTMLParser, LexborNode

from ..errors import ParseError
from ..model import SetAside
from ._positions import Locator, SourceLines
from .furniture import clean, mark

__all__ = ["MAX_DEPTH", "read_html"]

#: The attributes that name an element's purpose.
_LABELS: Final = ("id", "class", "aria-label")


def _selector_of(markers: tuple[tuple[str, str, str], ...]) -> str:
    """A CSS selector of elements with any of ``markers`` (attribute, operator, value)."""
    return ", ".join(f"[{attribute}{operator}'{value}' i]" for attribute, operator, value in markers)


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
#: How consent managers mark their banners: an attribute, a CSS operator (``*=`` holds,
#: ``^=`` starts with, ``=`` is) and a value, in any case. The words "cookie" and "consent"
#: anywhere in an id, class or label; Civic Cookie Control's ``id="ccc"`` (and its parts,
#: ``ccc-notify``, …); OneTrust, Cookiebot, Quantcast, Didomi, Usercentrics, Osano's and
#: GDPR banners by their own names.
_CONSENT_MARKERS: Final = (
    *((attribute, "*=", word) for word in ("cookie", "consent") for attribute in _LABELS),
    ("id", "=", "ccc"),
    ("id", "^=", "ccc-"),
    ("id", "^=", "onetrust"),
    ("class", "*=", "onetrust"),
    ("id", "^=", "cybotcookiebot"),
    ("id", "^=", "qc-cmp"),
    ("class", "*=", "qc-cmp"),
    ("id", "^=", "didomi"),
    ("id", "^=", "usercentrics"),
    ("class", "*=", "cc-window"),
    ("id", "*=", "gdpr"),
    ("class", "*=", "gdpr"),
)
#: How pages mark text that only screen readers read (not on the page a reader sees).
_SCREEN_READER_MARKERS: Final = (
    ("class", "*=", "visually-hidden"),
    ("class", "*=", "visuallyhidden"),
    ("class", "~=", "sr-only"),
    ("class", "*=", "screen-reader-text"),
)
#: Breadcrumbs: the trail of links to the page (navigation wherever they stand).
_BREADCRUMBS: Final = (
    ("class", "*=", "breadcrumb"),
    ("id", "*=", "breadcrumb"),
    ("aria-label", "*=", "breadcrumb"),
)
#: Selectors of chrome that tags do not tell, with their reasons, tried in this order.
_CHROME_SELECTORS: Final = (
    ("[hidden], [aria-hidden='true' i]", "hidden element"),
    (_selector_of(_CONSENT_MARKERS), "cookie banner"),
    ("[style*='display:none' i], [style*='display: none' i]", "hidden element"),
    (_selector_of(_SCREEN_READER_MARKERS), "screen-reader text"),
    (_selector_of(_BREADCRUMBS), "breadcrumbs"),
    # The "Show"/"Hide" label of a button that opens a section (an accordion's heading).
    ("button [class*='toggle' i]", "toggle label"),
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
#: The longest line that can open a page (as :func:`~cqcmodel.readers.furniture.mark` reads).
_MAY_START: Final = 160
#: The order of set-aside entries: by position.
_WHERE: Final = operator.attrgetter("line", "column")
#: What the walk does with an element, by tag: skip it (not an element), count its elements
#: (code), end a line (``<br>``), or ``(block, reason)``: whether it starts and ends a line,
#: and the reason its text is set aside wherever it stands (``None``: content).
_SKIP: Final = "-skip"
_CODE_KIND: Final = (None, "-code")
_BR: Final = (None, "-br")
_INLINE: Final = (False, None)
_KINDS: Final[dict[str | None, tuple[bool | None, str | None]]] = {
    None: (False, _SKIP),
    "-comment": (False, _SKIP),
    **dict.fromkeys(_BLOCKS, (True, None)),
    **{tag: (tag in _BLOCKS, reason) for tag, reason in _CHROME_TAGS.items()},
    **{tag: _CODE_KIND for tag in _CODE if tag != "-comment"},
    "br": _BR,
}
#: Elements that are one line of the page by nature: a ``<br>`` inside them is a word break,
#: and a button inside them is their text (an accordion's heading is a button in a heading).
_ONE_LINE: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "summary", "legend", "caption"})
#: A ``<header>`` inside the main content holding one of these is the content's own header
#: (its title), not the site's.
_HEADINGS: Final = "h1, h2, h3, h4, h5, h6"
#: The deepest nesting of elements read (pages nest a few dozen deep).
MAX_DEPTH: Final = 1024
#: Files shorter than this (in characters) are not scanned for their depth.
_SCAN_ABOVE: Final = 1_000_000
_TAG: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
#: Elements without end tags, or whose end tags may be left out (the parser closes them).
_VOID_OR_OPTIONAL: Final = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "colgroup",
        "rb",
        "rt",
        "rp",
        "html",
        "head",
        "body",
    }
)
#: Where a line's text starts: in the element of a tag and ordinal (the *n*-th element of that
#: tag in the document, from 0), or (``True``) after that element's end.
Anchor = tuple[str, int, bool]

#: A frame of the walk: an open element's children left, its tag, the reason its text is set
#: aside, whether it ends a line, and its ordinal among its tag's elements.
_Frame = tuple[Iterator[LexborNode], str, str | None, bool, int]


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
        #: How many elements of each tag the walk has entered.
        self.counts: dict[str, int] = {}
        #: How many set-aside lines stand before the main content (the walk's count).
        self.main_at = 0

    def flush(self, reason: str | None) -> list[str]:
        """End the current line (set aside for ``reason``); the new line's pieces."""
        pieces: list[str] = []
        if self.pieces and self.anchor is not None:
            self.add("".join(self.pieces), self.anchor, reason, False)
        self.pieces = pieces
        return pieces

    def special(
        self, node: LexborNode, after: Anchor, reason: str | None, stack: list[_Frame]
    ) -> list[str]:
        """Code (its elements counted, no text) or a ``<br>``; the pieces.

        A ``<br>`` ends the line, but inside an element that is one line by nature (a
        heading, see :data:`_ONE_LINE`) it is a word break.
        """
        if after[0] != "br":
            _count_code(node, self.counts)
            return self.pieces
        if _in_one_line(stack):
            if self.pieces:
                self.pieces.append(" ")
            return self.pieces
        pieces = self.flush(reason) if self.pieces else self.pieces
        self.anchor = after
        return pieces

    def inline(self, first: LexborNode | None, anchor: Anchor) -> None:
        """An inline element with no children or one text node, ``first``."""
        pieces = self.pieces
        if not pieces:
            self.anchor = anchor
        text = None if first is None else first.text_content
        if text and (pieces or not text.isspace()):
            pieces.append(text)

    def open(self, node: LexborNode, anchor: Anchor, reason: str | None, breaks: bool) -> _Frame:
        """Enter ``node`` (an element with children): the frame of the walk in it.

        In an element that starts and ends a line (``breaks``), space between its children
        matters only after inline content (see :func:`_skipped_space`), so lexbor skips text
        of spaces only. (Space before a line's first text is nothing: it would be stripped.)
        """
        tag, ordinal, _ = anchor
        if breaks or not self.pieces:
            self.anchor = anchor
        if breaks and tag == "li" and not reason:
            self.items.append(False)
        return (node.iter(include_text=True, skip_empty=breaks), tag, reason, breaks, ordinal)

    def close(self, frame: _Frame) -> list[str]:
        """Leave ``frame``'s element: end its line if it is a block; the pieces after it."""
        _, tag, reason, breaks, ordinal = frame
        pieces = self.pieces
        if breaks:
            if pieces:
                pieces = self.flush(reason)
            self.anchor = (tag, ordinal, True)  # for the text after its end
            if tag == "li" and reason is None and self.items:
                self.items.pop()
        return pieces

    def add(self, text: str | None, anchor: Anchor, reason: str | None, item: bool) -> None:
        """Write a line of ``text`` (set aside for ``reason``); ``item`` opens a list item."""
        if not text:
            return
        text = " ".join(text.split())
        if not text:
            return
        if reason is not None:
            self.aside.append((text, anchor, reason))
            return
        items = self.items
        if item:  # a list item's first line: its bullet, one level deeper
            text = "  " * len(items) + "  • " + text
        elif items:
            if items[-1]:
                text = "  " * len(items) + "  " + text
            else:
                text = "  " * len(items) + "• " + text
                items[-1] = True
        self.texts.append(text)
        self.anchors.append(anchor)


def read_html(
    html: str, *, source: str | None = None
) -> tuple[str, list[tuple[int, int]], list[SetAside], Sequence[str]]:
    """Read a page's HTML into page text.

    Returns the text, each line's source position, what was set aside, and the source's own
    lines (for error snippets).
    """
    _check_depth(html, source)
    tree = LexborHTMLParser(html)
    root = tree.root
    main = _main(tree, root)
    lines = _Lines()
    if root is not None:
        _walk(root, main, _chrome(root), lines)
    source_lines: Sequence[str] = SourceLines(html)
    anchors = {anchor[0] for anchor in lines.anchors}
    anchors.update(anchor[0] for _, anchor, _ in lines.aside)
    locator = Locator(html, lines.counts, anchors)
    if not lines.texts:
        line = column = 1
        what = f"<{main.tag}>" if main is not None else "the page"
        if main is not None and main.tag is not None:
            found = re.search(rf"<{main.tag}\b", html, re.IGNORECASE)
            if found is not None:
                line, column = locator.line_column(found.start())
        raise ParseError(
            f"no text in the page's main content ({what}): is this a CQC report page?",
            line=line,
            column=column,
            source=source,
            line_text=source_lines[line - 1] if line <= len(source_lines) else None,
        )
    positions = locator.positions(lines.anchors, lines.texts)
    aside = lines.aside
    set_aside = [
        SetAside(line=line, column=column, text=text, reason=reason, source=source)
        for (text, _, reason), (line, column) in zip(
            aside,
            locator.positions([item[1] for item in aside], [item[0] for item in aside]),
            strict=True,
        )
    ]
    return _furniture(lines.texts, positions, set_aside, source_lines, source)


def _check_depth(html: str, source: str | None) -> None:
    """Refuse HTML nested deeper than any page (the parser's time grows with the depth).

    Small files cannot nest deep enough to matter and are not scanned.
    """
    if len(html) < _SCAN_ABOVE:
        return
    depth = 0
    for found in _TAG.finditer(html):
        name = found.group(2).lower()
        if name in _VOID_OR_OPTIONAL:
            continue
        if found.group(1):
            depth = max(depth - 1, 0)
            continue
        depth += 1
        if depth > MAX_DEPTH:
            before = html[: found.start()]
            line = before.count("\n") + 1
            column = found.start() - (before.rfind("\n") + 1) + 1
            raise ParseError(
                f"elements nested more than {MAX_DEPTH} deep: this is not a report page",
                line=line,
                column=column,
                source=source,
            )


def _furniture(
    texts: list[str],
    positions: list[tuple[int, int]],
    set_aside: list[SetAside],
    source_lines: Sequence[str],
    source: str | None,
) -> tuple[str, list[tuple[int, int]], list[SetAside], Sequence[str]]:
    """Set aside the furniture inside the main content ("Back to top", …)."""
    page = "\n".join(texts) + "\n"
    # Told cheaply for most pages: no furniture. (``clean`` takes the first line's opening a
    # page as given: it must be a line that can, and its search for furniture of any place
    # must see it, after a line break.)
    first = texts[0].strip()
    if len(first) <= _MAY_START and not first.endswith(".") and clean("\n" + page):
        set_aside.sort(key=_WHERE)
        return page, positions, set_aside, source_lines
    reasons = mark([text.strip() for text in texts])
    kept: list[str] = []
    kept_positions: list[tuple[int, int]] = []
    for text, position, reason in zip(texts, positions, reasons, strict=True):
        if reason is None:
            kept.append(text)
            kept_positions.append(position)
        else:
            set_aside.append(
                SetAside(
                    line=position[0],
                    column=position[1],
                    text=text.strip(),
                    reason=reason,
                    source=source,
                )
            )
    set_aside.sort(key=_WHERE)
    return "\n".join(kept) + "\n", kept_positions, set_aside, source_lines


def _main(tree: LexborHTMLParser, root: LexborNode | None) -> LexborNode | None:
    """``<main>``, else ``[role=main]``, else ``<article>``, else the body.

    Elements are found by tag where a tag tells, ``role`` by a selector.
    """
    nodes = tree.tags("main")
    if nodes:
        return nodes[0]
    if root is not None:
        found = _selector().find("[role='main' i]", root)
        if found:
            return found[0]
    nodes = tree.tags("article")
    if nodes:
        return nodes[0]
    return tree.body


def _chrome(root: LexborNode) -> dict[str, dict[int, str]]:
    """The chrome elements that tags alone do not tell, by tag and ``mem_id``, with reasons.

    Each query costs a few microseconds, less than searching the page's source for the words
    that would rule it out.
    """
    found: dict[str, dict[int, str]] = {}
    selector = _selector()
    for query, reason in _CHROME_SELECTORS:
        for node in selector.find(query, root):
            found.setdefault(node.tag or "", {}).setdefault(node.mem_id, reason)
    return found


def _holds_heading(node: LexborNode) -> bool:
    """Whether ``node`` holds a heading element."""
    return bool(_selector().any_matches(_HEADINGS, node))


#: Each thread's CSS selector engine, for every page it reads. (A page's own engine, which
#: ``tree.css`` sets up on first use, costs more to set up than to run a query.)
_ENGINES = threading.local()


def _selector() -> LexborCSSSelector:
    """This thread's CSS selector engine."""
    engine: LexborCSSSelector | None = getattr(_ENGINES, "engine", None)
    if engine is None:
        engine = _ENGINES.engine = LexborCSSSelector()  # type: ignore[no-untyped-call]
    return engine


def _in_one_line(stack: list[_Frame]) -> bool:
    """Whether the walk is inside an element of :data:`_ONE_LINE` (asked for rare elements)."""
    return any(frame[1] in _ONE_LINE for frame in stack)


def _own_reason(
    node: LexborNode, tag: str, own: str, reason: str | None, stack: list[_Frame]
) -> str | None:
    """The reason a chrome element's text is set aside, inside content (``reason``).

    A ``<header>`` inside the main content holding a heading is the content's own (its
    title stands in it), and a button inside a heading is the heading's text: ``reason``.
    """
    if tag == "header" and reason is None and _holds_heading(node):
        return reason
    if tag == "button" and _in_one_line(stack):
        return reason
    return own


def _first_frame(start: LexborNode, main: LexborNode | None, lines: _Lines) -> _Frame:
    """The frame of the walk's first element, counted and anchoring the first line."""
    start_tag = start.tag or ""
    outside = _OUTSIDE if main is not None and main.mem_id != start.mem_id else None
    lines.anchor = (start_tag, 0, False)
    lines.counts[start_tag] = 1
    return (start.iter(include_text=True, skip_empty=True), start_tag, outside, True, 0)


def _walk(
    start: LexborNode, main: LexborNode | None, chrome: dict[str, dict[int, str]], lines: _Lines
) -> None:
    """Walk ``start``'s subtree in document order, writing lines and counting elements.

    The hot loop: few calls per node, its own stack (nesting depth is the page's to choose), no
    frame for an element with at most one text node (see also :meth:`_Lines.open`).
    """
    main_id, main_tag = (main.mem_id, main.tag) if main is not None else (None, None)
    counts, pieces, flush = lines.counts, lines.pieces, lines.flush
    kinds = _KINDS_BY_ID
    stack = [_first_frame(start, main, lines)]
    while stack:
        children, _, reason, skipping, _ = frame = stack[-1]
        for child in children:
            tag_id = child.tag_id
            if tag_id == _TEXT_ID:
                text = child.text_content
                if text and (pieces or not text.isspace()):
                    if skipping and pieces:
                        _skipped_space(child, pieces)
                    pieces.append(text)
                continue
            block, own, tag = kinds.get(tag_id) or _kind_of(child, tag_id)
            if own is _SKIP:
                continue
            if skipping and pieces and not block:
                _skipped_space(child, pieces)
            ordinal = counts.get(tag, 0)
            counts[tag] = ordinal + 1
            if block is None:  # code, or a <br>
                pieces = lines.special(child, (tag, ordinal, True), reason, stack)
                continue
            if tag == main_tag and child.mem_id == main_id:
                child_reason = None
                lines.main_at = len(lines.aside)
            else:
                child_reason = reason
            if child_reason is None or child_reason == _OUTSIDE:
                if not own and tag in chrome:
                    own = chrome[tag].get(child.mem_id)
                if own:
                    child_reason = _own_reason(child, tag, own, reason, stack)
                    if child_reason is reason and tag == "button":
                        block = False  # a heading's own text (an accordion's heading)
                        if pieces and skipping:
                            _skipped_space(child, pieces)
            breaks = block or child_reason != reason
            if breaks and pieces:
                pieces = flush(reason)
            first = child.first_child
            if first is None or (first.is_text_node and first.next is None):
                if not breaks:
                    lines.inline(first, (tag, ordinal, False))
                    continue
                if first is not None:
                    item = tag == "li" and not child_reason
                    lines.add(first.text_content, (tag, ordinal, False), child_reason, item)
                lines.anchor = (tag, ordinal, True)  # for the text after its end
                continue
            stack.append(lines.open(child, (tag, ordinal, False), child_reason, breaks))
            break
        else:
            stack.pop()
            pieces = lines.close(frame)


#: What the walk does with an element (as :data:`_KINDS`) and its tag, by lexbor's tag id,
#: filled as tags are met. Only the ids of the tags lexbor knows are kept: an unknown tag's
#: id is its own to each document.
_KINDS_BY_ID: Final[dict[int, tuple[bool | None, str | None, str]]] = {}
#: The ids below which every id is one of lexbor's own tags (the others are addresses).
_KNOWN_IDS: Final = 4096


def _text_id() -> int:
    """Lexbor's tag id of text nodes."""
    body = LexborHTMLParser("<p>x</p>").body
    assert body is not None and body.child is not None and body.child.first_child is not None
    return body.child.first_child.tag_id


_TEXT_ID: Final = _text_id()


def _kind_of(node: LexborNode, tag_id: int) -> tuple[bool | None, str | None, str]:
    """What the walk does with ``node`` and its tag, remembered for lexbor's own tags."""
    tag = node.tag
    block, own = _KINDS.get(tag, _INLINE)
    kind = (block, _SKIP if tag is None else own, tag or "")
    if tag_id < _KNOWN_IDS:
        _KINDS_BY_ID[tag_id] = kind
    return kind


def _skipped_space(node: LexborNode, pieces: list[str]) -> None:
    """Add the space that lexbor skipped right before ``node``, in a block, after inline text.

    Text of spaces only between a block's children (skipped, see :func:`_walk`) would have
    been a piece of the line: a word break. It is added back where a line holds text and
    more follows: before ``node`` (text, an inline element or code), comments aside.
    """
    before = node.prev
    while before is not None and before.is_comment_node:
        before = before.prev
    if before is not None and before.is_empty_text_node and before.text_content:
        pieces.append(" ")


def _count_code(node: LexborNode, counts: dict[str, int]) -> None:
    """Count the elements inside code (a script, an ``<svg>``, …), which has no text."""
    inner = node.traverse()
    next(inner)  # the node itself, counted already
    for element in inner:
        tag = element.tag
        if tag is not None and tag[0] != "-":
            counts[tag] = counts.get(tag, 0) + 1
