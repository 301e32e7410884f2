"""Source positions of HTML elements: the line and column where an element's text starts.

The parser gives a tree without offsets, so positions come from the raw HTML: the *k*-th
``<p>`` element of the tree is the *k*-th ``<p`` start tag of the source, outside comments
and raw-text elements (scripts, styles, templates, …), whenever the two counts agree (the
parser implied or dropped no ``<p>``). Where they differ, the element's first word is looked
for after the previous position. Each tag's start tags are found once, by one regular
expression scan, only for the tags that anchor lines; line numbers are counted forward from
the previous position, so the whole costs one pass over the file.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

__all__ = ["Locator"]

_RAW_OPENER: Final = re.compile(
    r"<!--|<(script|style|template|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b",
    re.IGNORECASE,
)
_RAW_CLOSERS: Final = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in (
        "script",
        "style",
        "template",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
    )
}
_COMMENT_END: Final = "-->"
_WORD: Final = re.compile(r"[^\W_]{3,}")
#: From a start tag to the first text after it: the tag, then any further tags and spaces
#: (at most 16 tags: no page nests more inline elements before its text).
_TO_TEXT: Final = re.compile(r"<[^>]*>(?:\s*<[^>]*>){0,16}\s*")


def _raw_ranges(html: str) -> tuple[list[int], list[int]]:
    """The starts and ends of comments and raw-text elements (sorted, not overlapping)."""
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    while True:
        opener = _RAW_OPENER.search(html, position)
        if opener is None:
            break
        name = opener.group(1)
        if name is None:
            close = html.find(_COMMENT_END, opener.end())
            end = len(html) if close < 0 else close + len(_COMMENT_END)
        elif name.lower() == "plaintext":
            end = len(html)
        else:
            closer = _RAW_CLOSERS[name.lower()].search(html, opener.end())
            end = len(html) if closer is None else closer.end()
        starts.append(opener.start() + (0 if name is None else len(name) + 1))
        ends.append(end)
        position = end
    return starts, ends


class Locator:
    """Finds where the elements of one parsed page stand in its HTML.

    ``counts`` gives, per tag, how many elements of that tag the parsed document holds;
    ``tags`` names the tags :meth:`position` will be asked about.
    """

    def __init__(self, html: str, counts: dict[str, int], tags: set[str]) -> None:
        self.html = html
        self.counts = counts
        #: The tags whose elements are looked for (the others are never asked about).
        self.tags = tags
        self._offsets: dict[str, list[int]] | None = None
        self._last = 0
        self._line = 1
        self._counted = 0

    def position(self, anchor: tuple[str, int, bool], text: str) -> tuple[int, int]:
        """The 1-based ``(line, column)`` where ``text`` starts.

        ``anchor`` is ``(tag, ordinal, after)``: the text is that of the ``ordinal``-th
        element of ``tag``, or (``after``) text that follows the element's end.
        """
        offset = self._offset(anchor, text)
        self._last = offset
        return self.line_column(offset)

    def positions(
        self, anchors: list[tuple[str, int, bool]], texts: list[str]
    ) -> list[tuple[int, int]]:
        """:meth:`position` of each anchor and text, in order, in one loop (the hot path)."""
        if self._offsets is None:
            self._offsets = _start_tags(self.html, self.tags)
        offsets_of, counts, html = self._offsets, self.counts, self.html
        match, count, rfind = _TO_TEXT.match, html.count, html.rfind
        found: list[tuple[int, int]] = []
        append = found.append
        line, counted = self._line, self._counted
        for (tag, ordinal, after), text in zip(anchors, texts, strict=True):
            offsets = offsets_of.get(tag)
            if offsets is None or ordinal >= len(offsets) or len(offsets) != counts.get(tag):
                offset = self._search(text)
            elif after:
                self._last = offsets[ordinal]
                offset = self._search(text)
            else:
                to_text = match(html, offsets[ordinal])
                offset = offsets[ordinal] if to_text is None else to_text.end()
            self._last = offset
            if offset >= counted:
                line += count("\n", counted, offset)
            else:
                line = count("\n", 0, offset) + 1
            counted = offset
            append((line, offset - rfind("\n", 0, offset)))
        self._line, self._counted = line, counted
        return found

    def _offset(self, anchor: tuple[str, int, bool], text: str) -> int:
        tag, ordinal, after = anchor
        if self._offsets is None:
            self._offsets = _start_tags(self.html, self.tags)
        offsets = self._offsets.get(tag)
        if offsets is not None and len(offsets) == self.counts.get(tag) and ordinal < len(offsets):
            if after:
                self._last = offsets[ordinal]
                return self._search(text)
            return self._text_start(offsets[ordinal])
        return self._search(text)

    def _text_start(self, offset: int) -> int:
        """The offset of the first text after the start tag at ``offset``."""
        found = _TO_TEXT.match(self.html, offset)
        return offset if found is None else found.end()

    def _search(self, text: str) -> int:
        """The first word of ``text`` after the previous position (or that position)."""
        word = _WORD.search(text)
        if word is None:
            return self._last
        found = self.html.find(word.group(), self._last)
        return self._last if found < 0 else found

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based ``(line, column)`` of ``offset`` (fastest when offsets grow)."""
        html = self.html
        if offset >= self._counted:
            self._line += html.count("\n", self._counted, offset)
        else:
            self._line = html.count("\n", 0, offset) + 1
        self._counted = offset
        line_start = html.rfind("\n", 0, offset) + 1
        return self._line, offset - line_start + 1


def _start_tags(html: str, tags: set[str]) -> dict[str, list[int]]:
    """The offsets of the start tags of each of ``tags`` (lower case), outside raw text."""
    starts, ends = _raw_ranges(html)
    found: dict[str, list[int]] = {tag: [] for tag in tags}
    names = "|".join(sorted((re.escape(tag) for tag in tags), key=len, reverse=True))
    if not names:
        return found
    pattern = re.compile(rf"<({names})(?=[\s/>])", re.IGNORECASE)
    for tag in pattern.finditer(html):
        at = tag.start()
        inside = bisect.bisect_right(starts, at) - 1
        if inside >= 0 and at < ends[inside]:
            continue
        found[tag.group(1).lower()].append(at)
    return found
