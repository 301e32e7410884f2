"""Text extracted from a PDF (pdftotext and the like): pages, wrapped lines and page furniture.

Such text has a form feed between pages, page numbers and running headers or footers on every
page, a blank line between blocks, and paragraphs (and long headings) hard-wrapped into many
lines. This reader drops the furniture (recording it), then joins the lines of each paragraph:
a line is joined to the next when it is about as long as the page's longest lines (the wrap
cut it), or when the next goes on in lower case after a line without closing punctuation.
The same joins apply across a page break, so a paragraph split by it is one line again.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence, Set
from typing import Final

from ..framework import STATEMENTS
from ..model import SetAside
from ..text import BULLET_MARKERS, Kind, classify, match
from .furniture import PAGE_NUMBER, folded, mark, page_start, reason_for

__all__ = [
    "EDGE_LINES",
    "FIT_SHARE",
    "PAGE_LINES",
    "RUNNING_SHARE",
    "Continues",
    "Piece",
    "goes_on",
    "join_lines",
    "joined",
    "known_heading",
    "page_numbers_within",
    "read_pdf_text",
    "running_furniture",
    "stands_alone",
]

#: A line of the source: its text (stripped), line, column and page (0-based).
Piece = tuple[str, int, int, int]
#: A line was cut by a wrap when the next line's first word would not have fitted on it: its
#: length and the word's pass this share of the longest lines' length (fonts are proportional).
FIT_SHARE: Final = 0.9
#: How many of the first and last lines of a page may be running headers or footers.
EDGE_LINES: Final = 2
#: The share of pages a running header or footer stands on (a cover page may lack it).
RUNNING_SHARE: Final = 0.7
#: Page numbers inside a page's text (a viewer's copy has no form feeds) are this many
#: lines apart at least: a page holds many lines.
PAGE_LINES: Final = 10
_DIGITS: Final = re.compile(r"\d+")
#: A list item's start: any of the format's bullet markers, then a space.
_BULLET: Final = re.compile("[" + re.escape("".join(BULLET_MARKERS)) + r"]\s")
_CLOSING: Final = frozenset(".!?")
#: Closing quotes and brackets, looked through for the punctuation before them.
_QUOTES: Final = "”’\"')"
#: Characters and words a line cannot end with unless a wrap cut it.
_JOINING: Final = frozenset("&,-–(/")
#: The format's headings and statement titles (folded), which never go on from a line.
_HEADINGS: Final = (
    *(
        folded(heading)
        for heading in (
            "What people expect",
            "The local authority commitment",
            "Key findings for this quality statement",
            "Overall summary",
            "Local authority rating and score",
            "Quality statement scores",
            "Summary of people's experiences",
            "How we assess local authorities",
            "Demographics",
            "Financial facts",
            "Downloads",
        )
    ),
    *(folded(title) for info in STATEMENTS for title in info.titles),
)
_HEADING_SET: Final = frozenset(_HEADINGS)
#: Kinds a line has on its own that still read as paragraph text when a wrap starts a line
#: with them ("About 40% of people …", a paragraph's last word "good").
_PARAGRAPH_LIKE: Final = frozenset({Kind.ABOUT_HEADING, Kind.I_STATEMENT})
_CAPITALISED: Final = frozenset({Kind.RATING, Kind.STATEMENT_TITLE})
#: A word broken at its hyphen by a wrap: a letter, then the hyphen, ending the line.
_HYPHENATED: Final = re.compile(r"[^\W\d_]-\Z")
#: A range broken at its hyphen by a wrap: a digit, then the hyphen, ending the line.
_RANGE: Final = re.compile(r"\d[-–]\Z")
_TITLE_END: Final = "local authority assessment"
#: A title line in its full form ("<Authority>: local authority assessment"), no pilot form.
_TITLE_LINE: Final = re.compile(rf"\S.*?:\s*{_TITLE_END}")
_LONGEST_HEADING: Final = max(map(len, _HEADINGS))
#: Fewer characters than this are too few to tell a heading's start.
_MIN_HEADING_START: Final = 8
#: How many pages a title line must open to be a running header.
_RUNNING_TITLES: Final = 3
#: Words after a line ending in a hyphen that show a suspended hyphen ("pre- and post-").
_SUSPENDED: Final = frozenset({"and", "or", "to", "nor", "but"})
_JOINING_WORDS: Final = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)


def read_pdf_text(
    text: str,
) -> tuple[str, list[tuple[int, int]], list[SetAside]]:
    """Read PDF text: the page text, each line's source position, and what was set aside."""
    pieces = _pieces(text)
    within = page_numbers_within(pieces)
    if within and "\f" not in text:
        pieces = _paged_by_numbers(pieces, within)
    furniture = running_furniture(pieces)
    furniture.update(dict.fromkeys(within, "page number"))
    kept: list[Piece | None] = []  # None stands for a blank line: a block boundary
    set_aside: list[SetAside] = []
    contents = [piece[0] for piece in pieces]
    reasons = mark(contents, numbers=False)
    after_furniture: set[Piece] = set()
    before: Piece | None = None  # the last piece set aside since the last line kept
    for index, piece in enumerate(pieces):
        reason = furniture.get(index) or reasons[index]
        if reason is not None:
            set_aside.append(SetAside(line=piece[1], column=piece[2], text=piece[0], reason=reason))
            before = piece
        elif piece[0]:
            if before is not None:
                after_furniture.add(piece)
            kept.append(piece)
            before = None
        else:
            kept.append(None)
    lines, positions = join_lines(kept, _by_length(kept, after_furniture))
    return "\n".join(lines) + "\n", positions, set_aside


def _pieces(text: str) -> list[Piece]:
    """The source's lines, a form feed splitting a line into two on different pages."""
    pieces: list[Piece] = []
    page = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        column = 1
        for part_index, part in enumerate(raw.split("\f")):
            if part_index:
                page += 1
            stripped = part.strip()
            indent = len(part) - len(part.lstrip())
            if stripped or part_index == 0:
                pieces.append((stripped, number, column + indent, page))
            column += len(part) + 1
    return pieces


def running_furniture(pieces: Sequence[Piece]) -> dict[int, str]:
    """Page numbers and running headers and footers: the indexes of their pieces, with reasons.

    A running line stands among the first or last :data:`EDGE_LINES` lines of at least
    :data:`RUNNING_SHARE` of the pages (two at least), its numbers aside. A page's title line
    (whole, or the start of one a wrap cut), the format's headings and every other line that
    :func:`stands_alone` (a ``Score: 3`` line ending each page of a summary, a list item) are
    never furniture.
    """
    by_page: dict[int, list[int]] = {piece[3]: [] for piece in pieces}
    for index, piece in enumerate(pieces):
        if piece[0]:
            by_page[piece[3]].append(index)
    edges = {
        page: sorted({*indexes[:EDGE_LINES], *indexes[-EDGE_LINES:]})
        for page, indexes in sorted(by_page.items())
    }
    found: dict[int, str] = {}
    counts: Counter[str] = Counter()
    for indexes in edges.values():
        counts.update({_DIGITS.sub("#", pieces[i][0]) for i in indexes})
    pages = len(edges)
    contents = [piece[0] for piece in pieces]
    titles = {i for start, end in _title_starts(pieces).items() for i in range(start, end + 1)}
    for indexes in edges.values():
        for index in indexes:
            content = contents[index]
            if reason_for(content, edge=False, numbers=True) == "page number":
                found[index] = "page number"
            elif (
                pages >= 2
                and counts[_DIGITS.sub("#", content)] >= max(2, int(pages * RUNNING_SHARE))
                and index not in titles
                and not _opens_page(contents, index)
                and not _opens_heading(content)
                and not stands_alone(content)
            ):
                found[index] = "running header or footer"
    found.update(_running_titles(pieces, edges))
    return found


def page_numbers_within(pieces: Sequence[Piece]) -> list[int]:
    """The bare page numbers ("3", "- 3 -", "3 / 12") inside the text: their pieces' indexes.

    Text copied from a PDF viewer has no form feeds: its page numbers stand between the
    lines, where a wrap may have cut a sentence around them. A bare number is a page number
    when it interrupts a sentence (the line before it ends without closing punctuation, the
    line after goes on in lower case, blank lines aside), or when it follows another bare
    number one lower, or precedes one one higher, at least :data:`PAGE_LINES` lines away (the
    pages' sequence; the last page, after a full one, may be shorter). A number that is
    neither (a value on its own line) is left to the text.
    """
    numbers: list[tuple[int, int]] = []  # (index, value)
    for index, piece in enumerate(pieces):
        content = piece[0]
        if content and content[0] not in "Pp" and PAGE_NUMBER.fullmatch(content):
            found = _DIGITS.search(content)
            if found is not None:
                numbers.append((index, int(found.group())))
    contents = [piece[0] for piece in pieces]
    last = max((i for i, content in enumerate(contents) if content), default=0)
    at_value: dict[int, list[int]] = {}  # the indexes of each value, in order
    for at, value in numbers:
        at_value.setdefault(value, []).append(at)
    found_at: set[int] = set()
    for at, value in numbers:
        laters = at_value.get(value + 1, [])
        # The first number one higher a page away, or the text's last line after a page.
        first = bisect.bisect_left(laters, at + PAGE_LINES)
        if first < len(laters):
            found_at.update((at, laters[first]))
        elif laters and laters[-1] == last and last > at >= PAGE_LINES:
            found_at.update((at, last))
        if _interrupts(contents, at):
            found_at.add(at)
    return sorted(found_at)


def _paged_by_numbers(pieces: Sequence[Piece], numbers: Sequence[int]) -> list[Piece]:
    """``pieces`` with a page break after each page number (text without form feeds).

    The lines around a page break are then read as such: a blank line there does not end a
    paragraph, and running headers and footers stand at the pages' edges.
    """
    paged: list[Piece] = []
    breaks = 0
    ends = iter((*numbers, len(pieces)))
    end = next(ends)
    for index, (content, line, column, page) in enumerate(pieces):
        paged.append((content, line, column, page + breaks))
        if index == end:
            breaks += 1
            end = next(ends)
    return paged


def _interrupts(contents: Sequence[str], index: int) -> bool:
    """Whether line ``index`` stands between two lines of one sentence (a blank line aside)."""
    before = next(
        (contents[i] for i in range(index - 1, max(index - 3, -1), -1) if contents[i]), ""
    )
    after = next(
        (contents[i] for i in range(index + 1, min(index + 3, len(contents))) if contents[i]), ""
    )
    return bool(
        before and after and after[0].islower() and before[-1] != ":" and not _ends_sentence(before)
    )


def _running_titles(pieces: Sequence[Piece], edges: dict[int, list[int]]) -> dict[int, str]:
    """A title line repeated as a running header: its copies at the top of later pages.

    It stands among the first :data:`EDGE_LINES` lines of :data:`RUNNING_SHARE` of the pages,
    three at least (another report's title opens a page once); its first copy is the title.
    """
    tops: dict[str, list[int]] = {}
    for indexes in edges.values():
        for index in indexes[:EDGE_LINES]:
            content = pieces[index][0]
            if _TITLE_LINE.fullmatch(content) is not None:
                tops.setdefault(content, []).append(index)
    found: dict[int, str] = {}
    least = max(_RUNNING_TITLES, int(len(edges) * RUNNING_SHARE))
    for indexes in tops.values():
        if len(indexes) >= least:
            found.update(dict.fromkeys(sorted(indexes)[1:], "running header or footer"))
    return found


def _opens_page(contents: Sequence[str], index: int) -> bool:
    """Whether line ``index`` opens a page by its own content, or is a pilot title opening one.

    Any heading-like line before a score line opens a page (a statement title), but so does a
    running header that a page break puts right above a ``Score:`` line: for furniture, only
    what the line itself says counts.
    """
    content = contents[index]
    if page_start([content], 0):
        return True
    return content.endswith(" assessment") and page_start(contents, index)


#: Whether the second line goes on from the first: ``(joined, previous, following, blank)``
#: with ``joined`` the line built so far and ``blank`` whether a blank line stood between.
Continues = Callable[[str, Piece, Piece, bool], bool]


def join_lines(
    kept: Sequence[Piece | None], continues: Continues, *, title_starts: bool = True
) -> tuple[list[str], list[tuple[int, int]]]:
    """Join wrapped lines (``None`` marks a blank line): the lines and their positions.

    With ``title_starts``, the first line of a title line a wrap cut (told from the text
    alone) is never joined to the line before it.
    """
    lines: list[str] = []
    positions: list[tuple[int, int]] = []
    previous: Piece | None = None
    blank = False
    titles = _title_starts(kept) if title_starts else {}
    for index, piece in enumerate(kept):
        if piece is None:
            blank = True
            continue
        if (
            previous is not None
            and lines
            and index not in titles
            and continues(lines[-1], previous, piece, blank)
        ):
            lines[-1] = joined(lines[-1], piece[0])
        else:
            lines.append(piece[0])
            positions.append((piece[1], piece[2]))
        previous = piece
        blank = False
    return lines, positions


def joined(line: str, following: str) -> str:
    """``following`` joined onto ``line``: with a space, or none after a word's hyphen.

    A line ending in a letter and ``-`` before a lower-case word was cut at a hyphenated word
    ("co-" and "production" read "co-production"), unless that word is "and", "or", …: the
    hyphen is then suspended ("pre-" and "and post-discharge" read "pre- and post-discharge").
    A line ending in a digit and ``-`` before a digit was cut in a range ("18-" and "64").
    """
    if _RANGE.search(line) is not None and following[:1].isdigit():
        return line + following
    if _HYPHENATED.search(line) is not None and following[:1].islower():
        word = following.split(None, 1)[0].rstrip(",;:")
        if word.casefold() not in _SUSPENDED:
            return line + following
    return f"{line} {following}"


def _title_starts(kept: Sequence[Piece | None]) -> dict[int, int]:
    """The lines that open a title line a wrap cut in two or three, with its last line.

    The title is looked for from its end (a line ending in "assessment"): the closest start
    that makes a title line, unless the line before that start cannot end there.
    """
    starts: dict[int, int] = {}
    texts = [piece[0] if piece is not None else "" for piece in kept]
    for end, text in enumerate(texts):
        if not text.endswith("assessment") or match(Kind.TITLE, text):
            continue
        for start in (end - 1, end - 2):
            if start < 0 or not all(texts[start:end]):
                break
            joined = " ".join(texts[start : end + 1])
            title = match(Kind.TITLE, joined)
            if title is None or ". " in title.group("name"):
                continue
            if start == 0 or not texts[start - 1] or not _cannot_end(texts[start - 1]):
                starts[start] = end
                break
    return starts


def _cannot_end(line: str) -> bool:
    """Whether ``line`` ends in a way only a wrap explains (``&``, ``of``, …)."""
    return line[-1] in _JOINING or line.rsplit(None, 1)[-1].casefold() in _JOINING_WORDS


def _by_length(kept: Sequence[Piece | None], after_furniture: Set[Piece]) -> Continues:
    """The rule for plain PDF text, where only a line's length in characters tells a wrap.

    A line ending a sentence before a page break, with a blank line or furniture before the
    next page's text (``after_furniture`` holds the lines that follow some), ends its
    paragraph unless the text shows wrapped paragraphs whose lines tell the page's width.
    """
    lengths = sorted((len(piece[0]) for piece in kept if piece is not None), reverse=True)
    longest = lengths[min(4, len(lengths) - 1)] if lengths else 0
    width = longest * FIT_SHARE
    wraps = _wraps_seen(kept)
    # The line after each line (None after the last, or before a blank line).
    after = dict(itertools.pairwise(kept))

    def continues(so_far: str, previous: Piece, following: Piece, blank: bool) -> bool:
        if blank and previous[3] == following[3]:
            return False
        if (
            _ends_sentence(previous[0])
            and _line_of_its_own(following, after.get(following), width)
            and not known_heading(joined(so_far, following[0]))
        ):
            return False
        needed = len(previous[0]) + 1 + len(following[0].split(None, 1)[0])
        # Across a page break after a full stop, nothing but the length tells a wrap from a
        # paragraph's end: the line must then pass the longest lines' length.
        cut = previous[3] != following[3] and _ends_sentence(previous[0])
        if cut and not wraps and (blank or following in after_furniture):
            return False
        return goes_on(
            previous[0], following[0], full=needed > (longest if cut else width), line=so_far
        )

    return continues


def _line_of_its_own(line: Piece, following: Piece | None, width: float) -> bool:
    """Whether ``line`` is a line of its own (a heading), not a paragraph's start or end.

    It ends no sentence, no wrap cut it (the next line's first word would have fitted on it),
    and the next line does not go on from it (it starts in upper case). Before a blank line
    or the end, nothing tells.
    """
    content = line[0]
    if following is None or _ends_sentence(content) or _cannot_end(content):
        return False
    needed = len(content) + 1 + len(following[0].split(None, 1)[0])
    return needed <= width and not following[0][0].islower()


def _wraps_seen(kept: Sequence[Piece | None]) -> bool:
    """Whether a paragraph goes on from one line to the next on a page (the text wraps)."""
    return any(
        a is not None
        and b is not None
        and a[3] == b[3]
        and not stands_alone(a[0])
        and not stands_alone(b[0])
        for a, b in itertools.pairwise(kept)
    )


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence punctuation (closing quotes looked through)."""
    return line.rstrip(_QUOTES)[-1:] in _CLOSING


def _opens_heading(line: str) -> bool:
    """Whether ``line`` starts a title line or one of the format's headings (or is all of one)."""
    if len(line) > _LONGEST_HEADING:
        return False
    start = folded(line)
    _, colon, after = start.rpartition(":")
    start = start.rstrip(":")
    if colon and after.strip() and _TITLE_END.startswith(after.strip()):
        return True  # "<Authority>: local authority assessment", cut by a wrap
    return len(start) >= _MIN_HEADING_START and any(
        heading.startswith(start) for heading in _HEADINGS
    )


def goes_on(last: str, following: str, *, full: bool, line: str | None = None) -> bool:
    """Whether ``following`` goes on from ``last`` (the same paragraph or heading).

    Never a bullet; always when it completes one of the format's headings begun by ``line``
    (the line built so far, ``last`` by default: "Key findings for this" and "quality
    statement"); never onto a whole title line; always after a line that cannot end there
    (``&``, ``of``, …); never a title line, a heading of the format or any line that
    :func:`stands_alone`; always after a line the wrap cut (``full``); else when it goes on
    in lower case after a line without closing punctuation.
    """
    if _BULLET.match(following):
        return False
    so_far = last if line is None else line
    if known_heading(joined(so_far, following)):
        return True
    if _TITLE_LINE.fullmatch(so_far) is not None:
        return False
    if _cannot_end(last):
        return True
    if page_start([following], 0) or _opens_heading(following) or stands_alone(following):
        return False
    if full:
        return True
    return following[0].islower() and not _ends_sentence(last)


def known_heading(line: str) -> bool:
    """Whether ``line`` is one of the format's headings or statement titles (case folded)."""
    return len(line) <= _LONGEST_HEADING and folded(line) in _HEADING_SET


def stands_alone(content: str) -> bool:
    """Whether the stripped line ``content`` is structure, never part of another line.

    Structure is a line of any kind ``cqcmodel.text`` tells on its own but paragraph
    text: a score line, a title line, a heading, a statement title, a list item, a rating
    word. A paragraph line a wrap starts with "About …" or that is one word such as "good"
    is no structure.
    """
    if not content:
        return False
    kinds = {kind for kind, _ in classify((content,))[0]} - _PARAGRAPH_LIKE
    if not content[0].isupper():
        kinds -= _CAPITALISED
    return bool(kinds)
