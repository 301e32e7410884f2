"""HTML: a saved web page's main content, one block per line, each with its place in the file.

Pages are parsed with selectolax's Lexbor engine: a C implementation of the HTML5 parsing
algorithm, so any page (malformed, truncated, tens of megabytes) gives the tree a browser
would build, fast, from a small wheel with no dependencies. The main content is the first
``<main>`` (or ``[role=main]``, else ``<article>``, else a reader view's content) that is not
hidden, else the body; a title ``<h1>`` in a banner right before it is the page's. Navigation,
headers, footers, asides, forms, buttons, hidden elements and cookie banners are not content
wherever they stand (nor, in the main content, text only screen readers read, breadcrumbs, a
heading's caption and links to the page's top; but a ``<header>`` inside
the main content that holds a heading is the content's own: the page title often stands in
one; and a button in a heading is the heading's text); their text is set aside and recorded,
and so is any text outside the main content, and the few short lines before the title line.
Scripts, styles and templates are code, not text, and are skipped.

Each block (heading, paragraph, list item, table cell, term and description, quotation, a run
of text in a ``div``, each part between ``<br>`` elements, but for a heading's: one line by
nature) becomes a line, its whitespace collapsed; list items keep a bullet (two spaces and
``•``, two more spaces per nesting level) and the other blocks inside an item are
continuation lines, as the text format writes them. Each line of a ``<pre>`` is a line, as
written, at its own place.
"""

from __future__ import annotations

import operator
import re
import threading
from collections.abc import Iterator, Sequence
from itertools import compress
from typing import Final

from selectolax.lexbor import LexborCSSSelector, LexborHTMLParser, LexborNode

from ..errors import ParseError
from ..model import SetAside
from ..text import Kind, match
from ._positions import Locator, SourceLines
from .furniture import clean, mark, page_start

__all__ = ["MAX_DEPTH", "read_html"]

#: The attributes that name an element's purpose.
_LABELS: Final = ("id", "class", "aria-label")


def _selector_of(markers: tuple[tuple[str, str, str], ...], within: str = "") -> str:
    """A CSS selector of elements with any of ``markers``, values in any case.

    A marker is an attribute, a CSS operator and a value; no operator: the attribute is there.
    ``within``, if given, selects the elements they must stand inside.
    """
    inside = f"{within} " if within else ""
    return ", ".join(
        f"{inside}[{attribute}{test}'{value}' i]" if test else f"{inside}[{attribute}]"
        for attribute, test, value in markers
    )


def _by_attribute(
    groups: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...],
) -> dict[str, tuple[tuple[int, str, str], ...]]:
    """For each attribute the markers of ``groups`` name: (group index, operator, value)."""
    found: dict[str, list[tuple[int, str, str]]] = {}
    for index, (_, markers) in enumerate(groups):
        for attribute, test, value in markers:
            found.setdefault(attribute, []).append((index, test, value))
    return {attribute: tuple(markers) for attribute, markers in found.items()}


def _first_marked(
    attributes: dict[str, str | None],
    by_attribute: dict[str, tuple[tuple[int, str, str], ...]],
    count: int,
) -> int:
    """The first of ``count`` groups with a marker ``attributes`` hold; ``count`` if none.

    A marker is held as the selector of :func:`_selector_of` finds it.
    """
    first = count
    for attribute, value_held in attributes.items():
        markers = by_attribute.get(attribute)
        if markers is None:
            continue
        held = (value_held or "").lower()
        for index, test, value in markers:
            if index < first and (
                not test
                or (test == "*=" and value in held)
                or (test == "^=" and held.startswith(value))
                or (test == "=" and held == value)
                or (test == "~=" and value in held.split())
            ):
                first = index
    return first


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
#: anywhere in an id, class or label (OneTrust's ``onetrust-consent-sdk``, Cookiebot's
#: ``CybotCookiebotDialog`` and Osano's ``cookieconsent`` label among them); Civic Cookie
#: Control's ``id="ccc"`` and GDPR banners by their own names. (Each marker costs every
#: page a little: one test of each of its elements.)
_CONSENT_MARKERS: Final = (
    *((attribute, "*=", word) for word in ("cookie", "consent") for attribute in _LABELS),
    ("id", "=", "ccc"),
    ("id", "*=", "gdpr"),
)
#: How pages hide text from view but for screen readers: the classes of GOV.UK, Bootstrap,
#: HTML5 Boilerplate, Tailwind and WordPress.
_HIDDEN_MARKERS: Final = (
    ("class", "*=", "visually-hidden"),
    ("class", "*=", "visuallyhidden"),
    ("class", "*=", "sr-only"),
    ("class", "*=", "screen-reader"),
)
#: Breadcrumbs: the trail of links to the page (navigation wherever they stand).
_BREADCRUMBS: Final = (("class", "*=", "breadcrumb"),)
#: Chrome that tags do not tell: the markers of each kind, with its reason, in this order
#: (an element with markers of several kinds is set aside for the first).
_CHROME_MARKERS: Final = (
    ("hidden element", (("hidden", "", ""), ("aria-hidden", "=", "true"))),
    ("hidden element", (("style", "*=", "display:none"), ("style", "*=", "display: none"))),
    ("cookie banner", _CONSENT_MARKERS),
    ("hidden element", _HIDDEN_MARKERS),
    ("breadcrumbs", _BREADCRUMBS),
    # GOV.UK's caption inside a heading: "<h1><span class=govuk-caption-xl>Report</span> …".
    ("heading caption", (("class", "*=", "caption"),)),
    # A link to the page's top ("Back to top"): the fragment "top" is the top of the document
    # (as "" is, but ``href="#"`` also stands for links that scripts handle, in sentences).
    ("link to the page's top", (("href", "=", "#top"),)),
)
#: The elements some kinds of :data:`_CHROME_MARKERS` are chrome inside only, by index.
_WITHIN: Final = {5: ":is(h1, h2, h3, h4, h5, h6)"}
#: A chrome element whose reason is told when the walk meets it.
_LOOK: Final = "-look"
#: What the walk asks :func:`_told` about: marked elements, headers and buttons.
_TOLD: Final = frozenset({_LOOK, _CHROME_TAGS["header"], _CHROME_TAGS["button"]})
#: The markers of :data:`_CHROME_MARKERS` by attribute, to tell found elements apart.
_CHROME_BY_ATTRIBUTE: Final = _by_attribute(_CHROME_MARKERS)
#: The queries of the tree for :data:`_CHROME_MARKERS`, in order: the kinds each finds, by
#: index, and whether it looks only in the main content (outside it, all is set aside
#: anyway: those kinds would only name another reason). (A query costs a pass over the
#: tree, each marker a test of every element; the few elements a query of kinds of several
#: reasons finds are told apart when the walk meets them.)
_CHROME_QUERIES: Final = tuple(
    (
        ", ".join(
            _selector_of(_CHROME_MARKERS[index][1], _WITHIN.get(index, "")) for index in kinds
        ),
        _LOOK
        if len({_CHROME_MARKERS[index][0] for index in kinds}) > 1
        else _CHROME_MARKERS[kinds[0]][0],
        content,
    )
    for kinds, content in (((0, 1), False), ((2,), False), ((3, 4, 5, 6), True))
)
#: The "Show"/"Hide" label of a button that opens a section (an accordion's heading): looked
#: for only in a button that is a heading's text.
_TOGGLE: Final = "[class*='toggle' i]"
_TOGGLE_REASON: Final = "toggle label"
#: The content of a page shown in a reader view: Readability's (Firefox's, and many tools')
#: ``readability-page-1``, Firefox's ``moz-reader-content`` (``mozReaderContent`` before).
_READER_CONTENT: Final = _selector_of(
    (
        ("id", "^=", "readability-page"),
        ("class", "*=", "reader-content"),
        ("class", "*=", "readercontent"),
    )
)
#: How many lines set aside right before the main content may stand between the page's
#: title (in a banner, outside) and the content; why those lines were set aside.
_TITLE_BEFORE: Final = 3
_TITLE_REASONS: Final = frozenset({"outside the main content", "site header"})
#: How many short lines (of at most how many characters) may open the content before the
#: page's title line, and the reason they are set aside.
_BEFORE_TITLE: Final = 6
_SHORT: Final = 80
_BEFORE_PAGE: Final = "before the page title"
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
#: Preformatted text (``<pre>``): each of its lines is a line of the page.
_PRE: Final = "-pre"
_INLINE: Final = (False, None)
_KINDS: Final[dict[str | None, tuple[bool | None, str | None]]] = {
    None: (False, _SKIP),
    "-comment": (False, _SKIP),
    **dict.fromkeys(_BLOCKS, (True, None)),
    **{tag: (tag in _BLOCKS, reason) for tag, reason in _CHROME_TAGS.items()},
    **{tag: _CODE_KIND for tag in _CODE if tag != "-comment"},
    "br": _BR,
    "pre": (None, _PRE),
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
#: What opens a source line before its text: spaces and tags.
_LINE_OPENING: Final = re.compile(r"(?:\s|<[^>]*>)*")
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
        #: The lines of ``<pre>`` elements after their first: the index of the line, and
        #: how many source lines below its element's first line it stands.
        self.pre_lines: list[tuple[int, int]] = []
        #: How many set-aside lines stand before the main content (``-1``: the walk started
        #: in it); counted when the walk enters the main content's element.
        self.main_at = -1

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
        tag = after[0]
        if tag != "br":
            if tag == "pre":
                return self.preformatted(node, (tag, after[1], False), reason)
            _count_code(node, self.counts)
            return self.pieces
        if _in_one_line(stack):
            if self.pieces:
                self.pieces.append(" ")
            return self.pieces
        pieces = self.flush(reason) if self.pieces else self.pieces
        self.anchor = after
        return pieces

    def preformatted(self, node: LexborNode, anchor: Anchor, reason: str | None) -> list[str]:
        """A ``<pre>``: each of its lines a line, as written; the pieces after it.

        Its elements are counted (for the positions of those after it), and each line after
        its first is recorded in :attr:`pre_lines` with how many source lines it stands
        below the first (see :func:`_pre_positions`). Outside the content (``reason``), its
        text is set aside as one line.
        """
        pieces = self.flush(reason) if self.pieces else self.pieces
        _count_code(node, self.counts)
        self.anchor = (anchor[0], anchor[1], True)
        if reason is not None:
            self.add(node.text(deep=True, separator=""), anchor, reason, False)
            return pieces
        first = None
        for index, line in enumerate(node.text(deep=True, separator="").split("\n")):
            content = line.rstrip()
            if not content.strip():
                continue
            if first is None:
                first = index
            else:
                self.pre_lines.append((len(self.texts), index - first))
            self.texts.append(content)
            self.anchors.append(anchor)
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
        if reason is None and self.main_at < 0:  # the main content's element
            self.main_at = len(self.aside)
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
    chrome = _chrome(root, {}, content=False) if root is not None else {}
    main = _main(tree, root, chrome)
    lines = _Lines()
    if root is not None:
        _chrome(main if main is not None else root, chrome, content=True)
        _walk(root, main, chrome, lines)
        if lines.main_at > 0 and lines.anchors and lines.anchors[0][0] != "h1":
            _title_before(lines)
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
    if lines.pre_lines:
        _pre_positions(positions, lines.pre_lines, source_lines)
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


def _pre_positions(
    positions: list[tuple[int, int]], pre_lines: list[tuple[int, int]], source: Sequence[str]
) -> None:
    """Place the lines of ``<pre>`` elements after their first.

    Each was placed at its element's first line; it stands so many source lines below it, at
    the line's first character (past any tags that open the source line).
    """
    for index, below in pre_lines:
        line = positions[index][0] + below
        if line > len(source):
            continue
        opening = _LINE_OPENING.match(source[line - 1])
        positions[index] = (line, 1 + (opening.end() if opening is not None else 0))


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
    contents = [text.strip() for text in texts]
    reasons = mark(contents)
    _before_title(contents, reasons)
    set_aside.extend(
        SetAside(
            line=positions[index][0],
            column=positions[index][1],
            text=contents[index],
            reason=reason,
            source=source,
        )
        for index, reason in enumerate(reasons)
        if reason is not None
    )
    set_aside.sort(key=_WHERE)
    keep = [reason is None for reason in reasons]
    kept = list(compress(texts, keep))
    return "\n".join(kept) + "\n", list(compress(positions, keep)), set_aside, source_lines


def _before_title(contents: list[str], reasons: list[str | None]) -> None:
    """Set aside the few short lines that open the content before the page's title line.

    A caption, a kicker or a trail of links above the ``<h1>`` is no line of any page kind:
    a page opens with its title. Such lines (at most :data:`_BEFORE_TITLE`, each at most
    :data:`_SHORT` characters long) are set aside when a title line follows them.
    """
    before: list[int] = []
    for index, content in enumerate(contents[: _BEFORE_TITLE + 1]):
        if not content or reasons[index] is not None:
            continue
        if match(Kind.TITLE, content):  # (nearly every page: its first line)
            if before and page_start(contents, index):
                for earlier in before:
                    reasons[earlier] = _BEFORE_PAGE
            return
        if len(content) > _SHORT or len(before) == _BEFORE_TITLE or page_start(contents, index):
            return
        before.append(index)


def _main(
    tree: LexborHTMLParser, root: LexborNode | None, chrome: dict[str, dict[int, str]]
) -> LexborNode | None:
    """The main content: the first of these that is not hidden, else the body.

    ``<main>``, ``[role=main]``, ``<article>``, the content of a reader view (see
    :data:`_READER_CONTENT`).

    Elements are found by tag where a tag tells, the others by a selector; hidden ones are
    among the ``chrome`` found (see :func:`_chrome`).
    """
    for node in tree.tags("main"):
        if not _hidden(node, chrome):
            return node
    if root is not None:
        for node in _selector().find("[role='main' i]", root):
            if not _hidden(node, chrome):
                return node
    for node in tree.tags("article"):
        if not _hidden(node, chrome):
            return node
    if root is not None:
        for node in _selector().find(_READER_CONTENT, root):
            if not _hidden(node, chrome):
                return node
    return tree.body


def _hidden(node: LexborNode, chrome: dict[str, dict[int, str]]) -> bool:
    """Whether ``node`` is hidden by its own attributes (``hidden``, ``display: none``, …).

    Only an element among the ``chrome`` found can be.
    """
    marked = chrome.get(node.tag or "")
    return (
        marked is not None
        and node.mem_id in marked
        and _chrome_reason(node) == _CHROME_MARKERS[0][0]
    )


def _title_before(lines: _Lines) -> None:
    """Take the page's title into the content when it stands right before it, outside.

    A banner above the main content often holds the page's ``<h1>``. It is the page's when
    it is one of the last few lines set aside before the main content (outside it, or in a
    site header), it reads as a title line that opens a page with the content's first
    lines, and the content does not open with a title of its own: nothing else is taken.
    """
    aside, texts = lines.aside, lines.texts
    for index in range(lines.main_at - 1, max(lines.main_at - _TITLE_BEFORE, 0) - 1, -1):
        text, anchor, reason = aside[index]
        if anchor[0] != "h1" or reason not in _TITLE_REASONS:
            continue
        if not texts or match(Kind.TITLE, texts[0].strip()):
            return
        if page_start([text, *(line.strip() for line in texts[:7])], 0):
            del aside[index]
            lines.main_at -= 1
            texts.insert(0, text)
            lines.anchors.insert(0, anchor)
        return


def _chrome(
    node: LexborNode, found: dict[str, dict[int, str]], *, content: bool
) -> dict[str, dict[int, str]]:
    """Add to ``found`` the chrome elements in ``node`` that tags alone do not tell.

    They are kept by tag and ``mem_id``, with reasons: those the page's queries find, or the
    main content's (``content``, see :data:`_CHROME_QUERIES`). Each query costs a few
    microseconds, less than searching the page's source for the words that would rule it
    out. An element found for several kinds (:data:`_LOOK`) is told apart when the walk
    meets it (see :func:`_chrome_reason`).
    """
    selector = _selector()
    for query, reason, in_content in _CHROME_QUERIES:
        if in_content is content:
            for element in selector.find(query, node):
                found.setdefault(element.tag or "", {}).setdefault(element.mem_id, reason)
    return found


def _chrome_reason(node: LexborNode) -> str:
    """Why the chrome element ``node`` (found by :data:`_CHROME_QUERIES`) is set aside."""
    groups = _CHROME_MARKERS
    index = _first_marked(node.attributes, _CHROME_BY_ATTRIBUTE, len(groups))
    return groups[index if index < len(groups) else 0][0]


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
    """Whether the block the walk is in (its nearest) is one line by nature (:data:`_ONE_LINE`).

    Asked only at rare elements (``<br>``, a button): a look up the walk's stack.
    """
    for frame in reversed(stack):
        if frame[3]:
            return frame[1] in _ONE_LINE
    return False


def _told(  # noqa: PLR0917 - the walk's own helper, called positionally
    node: LexborNode,
    tag: str,
    own: str,
    reason: str | None,
    stack: list[_Frame],
    lines: _Lines,
    chrome: dict[str, dict[int, str]],
) -> tuple[str | None, bool]:
    """Why an element of :data:`_TOLD` is set aside, and whether it is a block.

    ``reason`` is its parent's. A marked element's reason is told by its attributes. A
    ``<header>`` inside the main content holding a heading is the content's own (its title
    stands in it), and a button inside a heading is the heading's text (inline; its toggle
    label, added to ``chrome``, aside).
    """
    if own is _LOOK:
        return _chrome_reason(node), tag in _BLOCKS
    if tag == "header" and reason is None and _holds_heading(node):
        return reason, True
    if tag == "button" and _in_one_line(stack):
        for toggle in _selector().find(_TOGGLE, node):
            chrome.setdefault(toggle.tag or "", {}).setdefault(toggle.mem_id, _TOGGLE_REASON)
        if lines.pieces:
            _skipped_space(node, lines.pieces)  # as for any inline element
        return reason, False
    return own, tag in _BLOCKS


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

    The hot loop: few calls per node, its own stack, no frame for a lone text (``_Lines.open``).
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
            child_reason = None if tag == main_tag and child.mem_id == main_id else reason
            if child_reason is None or child_reason == _OUTSIDE:
                if not own and tag in chrome:
                    own = chrome[tag].get(child.mem_id)
                if own:
                    if own in _TOLD:
                        child_reason, block = _told(child, tag, own, reason, stack, lines, chrome)
                    else:
                        child_reason = own
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
