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

import functools
import re
from collections.abc import Sequence
from typing import Final, overload

__all__ = ["Locator", "SourceLines"]

#: Elements whose content is raw text (or, for a comment, everything up to ``-->``): no
#: start tag inside them is an element's.
_RAW_NAMES: Final = (
    "script",
    "style",
    "template",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
)
_RAW_CLOSERS: Final = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in _RAW_NAMES if name != "plaintext"
}
_COMMENT_END: Final = "-->"
#: What may follow a tag's name in a start tag.
_AFTER_NAME: Final = re.compile(r"[\s/>]")
_WORD: Final = re.compile(r"[^\W_]{3,}")
#: From a start tag to the first text after it: the tag, then any further tags and spaces
#: (at most 16 tags: no page nests more inline elements before its text).
_TO_TEXT: Final = re.compile(r"<[^>]*>(?:\s*<[^>]*>){0,16}\s*")


@functools.lru_cache(maxsize=128)
def _scanner(tags: frozenset[str], *, cased: bool) -> re.Pattern[str]:
    """One pattern for comments, raw-text openers and the start tags of ``tags``.

    Group 1 is a comment's opener, group 2 a raw-text element's name, group 3 a tag's name.
    A ``cased`` pattern finds only lower-case names (as nearly every page writes them), and
    runs in about half the time.
    """
    names = "|".join(sorted((re.escape(tag) for tag in tags), key=len, reverse=True))
    raw = "|".join(_RAW_NAMES)
    letters, flags = ("a-z", 0) if cased else ("A-Za-z", re.IGNORECASE)
    # The lookahead lets end tags (half of all tags) fail on their second character.
    return re.compile(rf"<(?=[!{letters}])(?:(!--)|({raw})\b|({names})(?=[\s/>]))", flags)


class Locator:
    """Finds where the elements of one parsed page stand in its HTML.

    ``counts`` gives, per tag, how many elements of that tag the parsed document holds;
    ``tags`` names the tags :meth:`positions` will be asked about.
    """

    def __init__(self, html: str, counts: dict[str, int], tags: set[str]) -> None:
        self.html = html
        self.counts = counts
        #: The tags whose elements are looked for (the others are never asked about).
        self.tags = tags
        self._offsets: dict[str, list[int]] | None = None
        self._line = 1
        self._counted = 0

    def positions(
        self, anchors: list[tuple[str, int, bool]], texts: list[str]
    ) -> list[tuple[int, int]]:
        """The 1-based ``(line, column)`` where each text starts, in order, in one loop.

        An anchor is ``(tag, ordinal, after)``: the text is that of the ``ordinal``-th element
        of ``tag``, or (``after``) text that follows the element's end. Where the page's
        start tags of ``tag`` do not match its elements, the text's first word is looked for
        after the previous position.
        """
        if self._offsets is None:
            self._offsets = _start_tags(self.html, self.tags, self.counts)
        html, counts = self.html, self.counts
        usable = {tag: at for tag, at in self._offsets.items() if len(at) == counts.get(tag)}
        match, count, rfind, find = _TO_TEXT.match, html.count, html.rfind, html.find
        found: list[tuple[int, int]] = []
        append = found.append
        line, counted, offset = self._line, self._counted, self._counted
        for (tag, ordinal, after), text in zip(anchors, texts, strict=True):
            offsets = usable.get(tag)
            if offsets is None or ordinal >= len(offsets):
                offset = _search(html, text, offset)
            elif after:
                offset = _search(html, text, offsets[ordinal])
            else:
                start = offsets[ordinal]
                close = find(">", start + len(tag) + 1)
                following = html[close + 1 : close + 2]
                if close >= 0 and following and following != "<" and not following.isspace():
                    offset = close + 1  # the start tag right before its text: no need to match
                else:
                    to_text = match(html, start)
                    offset = start if to_text is None else to_text.end()
            if offset >= counted:
                line += count("\n", counted, offset)
            else:
                line = count("\n", 0, offset) + 1
            counted = offset
            append((line, offset - rfind("\n", 0, offset)))
        self._line, self._counted = line, counted
        return found

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based ``(line, column)`` of ``offset``."""
        html = self.html
        line = html.count("\n", 0, offset) + 1
        return line, offset - (html.rfind("\n", 0, offset) + 1) + 1


def _search(html: str, text: str, last: int) -> int:
    """The first word of ``text`` at or after ``last`` (or ``last``)."""
    word = _WORD.search(text)
    if word is None:
        return last
    found = html.find(word.group(), last)
    return last if found < 0 else found


def _start_tags(html: str, tags: set[str], counts: dict[str, int]) -> dict[str, list[int]]:
    """The offsets of the start tags of each of ``tags`` (lower case), outside raw text.

    Lower-case names are looked for first; when they account for every element of ``tags``
    and every raw-text element the parsed page holds (``counts``), no start tag was missed,
    and that is the answer. Otherwise names in any case are looked for.
    """
    found, raws = _scan(html, tags, cased=True)
    if all(len(found[tag]) == counts.get(tag, 0) for tag in tags) and all(
        raws.get(name, 0) == counts.get(name, 0) for name in _RAW_NAMES
    ):
        return found
    return _scan(html, tags, cased=False)[0]


def _scan(html: str, tags: set[str], *, cased: bool) -> tuple[dict[str, list[int]], dict[str, int]]:
    """The offsets of the start tags of ``tags`` outside raw text, and the raw-text openers.

    One scan finds comments, raw-text elements and start tags together; a start tag inside
    a comment or raw text (from its opener's name to its end) is skipped.
    """
    found: dict[str, list[int]] = {tag: [] for tag in tags}
    raws: dict[str, int] = {}
    if not tags:
        return found, raws
    end = 0
    for tag in _scanner(frozenset(tags), cased=cased).finditer(html):
        at = tag.start()
        if at < end:
            continue
        name = tag.group(3)
        if name is not None:
            try:
                found[name].append(at)
            except KeyError:  # a name not in lower case
                found[name.lower()].append(at)
            continue
        raw = tag.group(2)
        if raw is None:  # a comment
            close = html.find(_COMMENT_END, tag.end())
            end = len(html) if close < 0 else close + len(_COMMENT_END)
            continue
        raw = raw.lower()
        raws[raw] = raws.get(raw, 0) + 1
        if raw in found and _AFTER_NAME.match(html, tag.end()):
            found[raw].append(at)  # the opener is itself a start tag asked about
        closer = _RAW_CLOSERS[raw].search(html, tag.end()) if raw != "plaintext" else None
        end = len(html) if closer is None else closer.end()
    return found, raws


class SourceLines(Sequence[str]):
    """A source's lines, split on first use: only an error's snippet reads them.

    Splitting a saved page into lines costs more than most of what reading it does, and a
    page that parses never needs them.
    """

    __slots__ = ("_lines", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: tuple[str, ...] | None = None

    def _split(self) -> tuple[str, ...]:
        if self._lines is None:
            self._lines = tuple(self._text.replace("\r\n", "\n").split("\n"))
        return self._lines

    def __len__(self) -> int:
        return len(self._split())

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self._split()[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SourceLines):
            return self._text == other._text
        return isinstance(other, Sequence) and self._split() == tuple(other)

    def __hash__(self) -> int:
        return hash(self._split())

    def __repr__(self) -> str:
        return f"SourceLines({len(self)} lines)"
