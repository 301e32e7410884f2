"""Site and page furniture: the lines around and inside a page that are not report content.

Text copied from a browser carries the website around the page ("Skip to main content", the
cookie banner, menus and breadcrumbs before the title; "Is this page useful?", "Yes", "No" and
the footer links after it), and a few widgets inside it ("Back to top", "Print this page").
Text from a PDF carries page numbers. :func:`mark` finds them; readers set them aside and
record them, so they never become findings or sub-headings.

The vocabulary is data: :data:`FURNITURE` holds phrases, :data:`SHAPES` the classes of lines
told by their shape (a copyright line with its year, the Open Government Licence line, a run of
social network names, a feedback question and its answers), each with the reason reported and
whether it is furniture anywhere or only at a page's edges (before its first line, after its
last, between two pages), where words like "Yes" and "No" cannot be report content.

After the page's end (its last line of content), short lines that are no sentences and stand
between known furniture (the links of a footer, a report's contents list, related links) are
furniture too, as are such lines after the ``©`` footer or the feedback widget.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from ..framework import is_heading_like, statement_by_title
from ..text import Kind, match

__all__ = [
    "FIRST_START_WITHIN",
    "FURNITURE",
    "PAGE_NUMBER",
    "SHAPES",
    "SOCIAL_NETWORKS",
    "Shape",
    "Where",
    "clean",
    "folded",
    "mark",
    "page_start",
    "reason_for",
]


class Where(enum.Enum):
    """Where a phrase of :data:`FURNITURE` is furniture."""

    #: On any line of the text.
    ANYWHERE = "anywhere"
    #: Only before a page's first line, after its last, or between pages.
    EDGE = "edge"


_A = Where.ANYWHERE
_E = Where.EDGE
_SITE = "site furniture"
_COOKIES = "cookie banner"
_FEEDBACK = "page feedback widget"
_FOOTER = "site footer"
_MENU = "site menu"
_SHARE = "share and follow links"
_RELATED = "related links"
_PAGE_DATE = "the page's date, apart from its 'Published:' line"
_COPYRIGHT = "copyright line"

#: Known furniture lines (compared after :func:`folded`): phrase, reason, where.
FURNITURE: Final[tuple[tuple[str, str, Where], ...]] = (
    ("skip to main content", _SITE, _A),
    ("skip to content", _SITE, _A),
    ("back to top", _SITE, _A),
    ("print this page", _SITE, _A),
    ("print page", _SITE, _A),
    ("share this page", _SHARE, _A),
    ("share", _SHARE, _E),
    ("print", _SITE, _E),
    ("contents", _SITE, _E),
    ("on this page", _SITE, _A),
    ("is this page useful?", _FEEDBACK, _A),
    ("was this page useful?", _FEEDBACK, _A),
    ("yes", _FEEDBACK, _E),
    ("no", _FEEDBACK, _E),
    ("report a problem with this page", _FEEDBACK, _A),
    ("thank you for your feedback", _FEEDBACK, _E),
    ("get updates", _SITE, _E),
    ("get email updates", _SITE, _E),
    ("sign up for updates", _SITE, _E),
    ("sign up for our newsletter", _SITE, _E),
    ("sign up to our newsletter", _SITE, _E),
    ("subscribe to our newsletter", _SITE, _E),
    ("newsletter", _SITE, _E),
    ("cookies on the cqc website", _COOKIES, _E),
    ("cookies on cqc.org.uk", _COOKIES, _E),
    ("accept analytics cookies", _COOKIES, _E),
    ("reject analytics cookies", _COOKIES, _E),
    ("accept all cookies", _COOKIES, _E),
    ("reject all cookies", _COOKIES, _E),
    ("accept cookies", _COOKIES, _E),
    ("reject cookies", _COOKIES, _E),
    ("view cookies", _COOKIES, _E),
    ("cookie settings", _COOKIES, _E),
    ("hide this message", _COOKIES, _E),
    ("menu", _MENU, _E),
    ("search", _MENU, _E),
    ("home", _MENU, _E),
    ("close", _MENU, _E),
    ("about us", _MENU, _E),
    ("care services", _MENU, _E),
    ("local authority assessment reports", _MENU, _E),
    ("give feedback on care", _MENU, _E),
    ("find and compare services", _MENU, _E),
    ("guidance for providers", _MENU, _E),
    ("news", _MENU, _E),
    ("publications", _MENU, _E),
    ("contact us", _FOOTER, _E),
    ("privacy", _FOOTER, _E),
    ("privacy notice", _FOOTER, _E),
    ("privacy statement", _FOOTER, _E),
    ("cookies", _FOOTER, _E),
    ("accessibility", _FOOTER, _E),
    ("accessibility statement", _FOOTER, _E),
    ("terms and conditions", _FOOTER, _E),
    ("sitemap", _FOOTER, _E),
    ("site map", _FOOTER, _E),
    ("freedom of information", _FOOTER, _E),
    ("modern slavery statement", _FOOTER, _E),
    ("complaints", _FOOTER, _E),
    ("careers", _FOOTER, _E),
    ("jobs", _FOOTER, _E),
    ("work for us", _FOOTER, _E),
    ("media enquiries", _FOOTER, _E),
    ("report contents", _SITE, _E),
    ("page contents", _SITE, _E),
    ("table of contents", _SITE, _E),
    ("in this report", _SITE, _E),
    ("jump to", _SITE, _E),
    ("see also", _RELATED, _E),
    ("more information", _RELATED, _E),
)
#: Social networks as share and follow links name them (after :func:`folded`).
SOCIAL_NETWORKS: Final = (
    "facebook",
    "x (twitter)",
    "twitter (x)",
    "twitter",
    "x",
    "linkedin",
    "youtube",
    "instagram",
    "threads",
    "bluesky",
    "mastodon",
    "tiktok",
    "pinterest",
    "reddit",
    "flickr",
    "whatsapp",
    "email",
    "e-mail",
    "print",
    "copy link",
)


class Shape(NamedTuple):
    """A class of furniture lines told by their shape: a regular expression for the whole line.

    The pattern is written for :func:`folded` lines (lower case, one space between words);
    ``starts`` holds every character a matching line can start with (in lower case), which
    lets most lines of a page fail on their first character; only a shape of any place needs
    it (one search of a text looks for those).
    """

    pattern: str
    starts: str
    reason: str
    where: Where


_NETWORK: Final = "(?:" + "|".join(re.escape(name) for name in SOCIAL_NETWORKS) + ")"
#: The separators of a run of links on one line ("Facebook Twitter", "Facebook | X").
_LINK_SEPARATOR: Final = r"(?: ?[|,·•/] ?| )"
#: The rest of a line: anything but a line break (of any kind the parser breaks lines at).
_REST: Final = "[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*"
#: Classes of furniture lines (compared after :func:`folded`, whole lines).
SHAPES: Final[tuple[Shape, ...]] = (
    # "© Care Quality Commission 2025", "©2024 CQC", "© Crown copyright", "Copyright © Care
    # Quality Commission", "Copyright 2025 Care Quality Commission", "Crown Copyright 2024".
    # (The footer alone, "© Care Quality Commission", is the format's own: the parser's.)
    # Written with the first letters factored out: one test per letter for most lines.
    Shape(
        rf"©{_REST}|c(?:opyright(?: ?©{_REST}|\b{_REST}\b(?:19|20)\d\d\b{_REST})"
        rf"|rown copyright\b{_REST})",
        "©c",
        _COPYRIGHT,
        _A,
    ),
    # "All content is available under the Open Government Licence v3.0, except where
    # otherwise stated", "Open Government Licence", "OGL: Open Government Licence v3".
    Shape(rf"(?:{_REST} )?open government licen[cs]e\b{_REST}", "", _FOOTER, _E),
    # "Is this page useful?", "Was this page helpful?", "Did you find this page useful?".
    Shape(
        r"(?:(?:is|was) (?:this|the) (?:page|information|content)|did you find (?:this|the) "
        r"(?:page|information|content)) (?:useful|helpful)\??"
        r"|did you find what you (?:were|are) looking for\??",
        "iwd",
        _FEEDBACK,
        _A,
    ),
    # "Yes", "No", "Yes this page is useful", "No, this page is not useful".
    Shape(
        r"(?:yes|no|maybe)(?:[,.:]? this (?:page|information|content) (?:is|was) (?:not )?"
        r"(?:useful|helpful))?",
        "",
        _FEEDBACK,
        _E,
    ),
    # "Give feedback about this page", "Give us feedback on this page".
    Shape(r"give (?:us )?(?:your )?feedback (?:about|on) (?:this|the) page", "g", _FEEDBACK, _A),
    # "Follow us", "Follow us on:", "Share on", "Share this page on".
    Shape(r"(?:follow us|share(?: this page)?)(?: on| via)?:?", "fs", _SHARE, _E),
    # "Facebook", "Facebook Twitter LinkedIn Email" (a share bar read as one line), and the
    # same after "Share on" or "Follow us on".
    Shape(
        rf"(?:(?:follow us|share(?: this page)?)(?: on| via)?:? )?{_NETWORK}"
        rf"(?:{_LINK_SEPARATOR}{_NETWORK})*",
        "",
        _SHARE,
        _E,
    ),
    # "Related content", "Related links:", "Related pages".
    Shape(
        r"related(?: (?:content|links|pages|information|topics|reports|guidance|"
        r"publications|articles))?:?",
        "",
        _RELATED,
        _E,
    ),
    # "Page last updated: 17 January 2025" alone at an edge (the site's date of the page,
    # copied apart from its "Published:" line; inside a page it may be that line's wrap).
    Shape(r"page last updated:? \d{1,2} [a-z]+ \d{4}", "", _PAGE_DATE, _E),
    # "Back to top of page", "Back to the top".
    Shape(r"back to (?:the )?top(?: of (?:the |this )?page)?", "b", _SITE, _A),
    # "Return to top", "Go to top of page", "Top of page" (at an edge only: lines starting
    # with "T" are too many to look at each).
    Shape(
        r"(?:return|go) to (?:the )?top(?: of (?:the |this )?page)?|top of (?:the )?page",
        "",
        _SITE,
        _E,
    ),
)
#: How many lines of site furniture may stand before a page's first line.
FIRST_START_WITHIN: Final = 1000
_BY_PHRASE: Final = {phrase: (reason, where) for phrase, reason, where in FURNITURE}
#: The shapes in one expression, a group for each (``s0``, ``s1``, …): one match per line.
_BY_SHAPE: Final = re.compile(
    "|".join(f"(?P<s{index}>{shape.pattern})" for index, shape in enumerate(SHAPES))
)
#: The longest furniture line, so that long lines (paragraphs) are ruled out without folding.
_LONGEST: Final = 120
#: Lines after a page's end that are no sentence (a link's text) are at most this long.
_LINK_LONGEST: Final = 80
#: How many such lines in a row may stand between known furniture (a contents list).
_LINKS_IN_A_ROW: Final = 25
#: How many lines of furniture and links may follow a page's end (the footer, the feedback
#: question) before the links looked at.
_END_WITHIN: Final = 200
#: Kinds of lines that are the format's own content (a score, a heading of a page, a date):
#: never a link after the page.
_CONTENT_KINDS: Final = tuple(
    kind
    for kind in Kind
    if kind.source is not None
    and kind
    not in {Kind.BULLET, Kind.DOWNLOADS, Kind.FOOTER, Kind.HOW_WE_ASSESS, Kind.ABOUT_HEADING}
)
#: A page number as PDFs and print styles write it: "Page 3 of 12", "3 / 12", "- 3 -", "3".
PAGE_NUMBER: Final = re.compile(
    r"(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–]\s*\d{1,4}\s*[-–]", re.I
)
#: Lines that open a page wherever they stand.
_SCORE_LINES: Final = (Kind.SCORE, Kind.INDICATIVE, Kind.SCORE_LABEL)
_OPENERS: Final = (Kind.PUBLISHED, Kind.OVERALL_SUMMARY, Kind.HOW_WE_ASSESS)
#: Lines after which a pilot-style ``<Authority> assessment`` line is a title line.
_PILOT_FOLLOWERS: Final = (Kind.PUBLISHED, Kind.DOWNLOADS, Kind.OVERALL_SUMMARY, Kind.HOW_WE_ASSESS)


def _by_first_letter(phrases: Iterable[str]) -> list[str]:
    """Regular expressions for ``phrases``, one for each first letter: ``b(?:ack to top|…)``.

    A line then fails on one test for each letter, not one for each phrase.
    """
    by_letter: dict[str, list[str]] = {}
    for phrase in phrases:
        rest = re.escape(phrase[1:]).replace("\\ ", "\\s+").replace("'", "['’]")
        by_letter.setdefault(phrase[0], []).append(rest)
    return [f"{re.escape(letter)}(?:{'|'.join(rests)})" for letter, rests in by_letter.items()]


#: The phrases of any place that the search looks for: those no shape of any place finds.
_SEARCHED: Final = tuple(
    phrase
    for phrase, _, where in FURNITURE
    if where is Where.ANYWHERE
    and not any(
        shape.where is Where.ANYWHERE and re.fullmatch(shape.pattern, phrase) for shape in SHAPES
    )
)
#: A line (after a line break) that is known furniture of any place: one search of a text.
#: (The lookahead, the first letters of the phrases, lets most lines fail on one character.)
_ANYWHERE_LINE: Final = re.compile(
    "\n[ \t]*(?=["
    + "".join(
        sorted(
            {re.escape(phrase[0]) for phrase in _SEARCHED}
            | {re.escape(start) for shape in SHAPES if shape.where is _A for start in shape.starts}
            | {"p"}
        )
    )
    + "])(?:"
    + "|".join(
        [
            *_by_first_letter(_SEARCHED),
            *(
                shape.pattern.replace(" ?", "\\s*").replace(" ", "\\s+")
                for shape in SHAPES
                if shape.where is _A
            ),
        ]
    )
    + r"|page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)[ \t]*\r?(?=\n|$)",
    re.IGNORECASE,
)
#: A line that starts with "©" (the footer), after a line break.
_FOOTER_LINE: Final = re.compile("\n©")
#: A line ending like a title line ("… assessment"), after the first line.
_LATER_TITLE: Final = re.compile(r"assessment[ \t]*\r?(?:\n|$)")
_PAGE_NUMBER_REASON: Final = "page number"
_BEFORE: Final = "site furniture before the page"
_AFTER: Final = "site furniture after the page"


def folded(content: str) -> str:
    """``content`` as the vocabulary is written: casefolded, one space, plain apostrophes."""
    return " ".join(content.split()).casefold().replace("’", "'")


def reason_for(content: str, *, edge: bool, numbers: bool = False) -> str | None:
    """Why the stripped line ``content`` is furniture, or ``None`` when it is not.

    ``edge`` says the line stands at a page's edge; ``numbers`` that bare page numbers are
    furniture (text from a PDF), not only ``Page N of M``.
    """
    if not content or len(content) > _LONGEST:
        return None
    if content[0].isdigit() or content[0] in "Pp-–":
        found = PAGE_NUMBER.fullmatch(content)
        if found is not None and (numbers or content[0] in "Pp"):
            return _PAGE_NUMBER_REASON
    key = content.casefold()
    if "’" in key or "  " in key or "\t" in key:
        key = folded(content)
    entry = _BY_PHRASE.get(key)
    if entry is None:
        entry = _shape_of(key, content)
    if entry is None or (entry[1] is Where.EDGE and not edge):
        return None
    return entry[0]


def _shape_of(key: str, content: str) -> tuple[str, Where] | None:
    """The reason and place of the :data:`SHAPES` entry the line ``content`` has, if any.

    ``key`` is the line casefolded (and folded when it needed it). The format's own footer
    ("© Care Quality Commission") is no furniture: the parser reads it.
    """
    found = _BY_SHAPE.fullmatch(key)
    if found is None or found.lastgroup is None:
        return None
    if key[0] == "©" and match(Kind.FOOTER, content):
        return None
    shape = SHAPES[int(found.lastgroup[1:])]
    return shape.reason, shape.where


def page_start(contents: Sequence[str], index: int) -> bool:
    """Whether stripped line ``index`` opens a page: a title line, or the first line of one."""
    content = contents[index]
    if not content:
        return False
    if content.endswith("local authority assessment") and match(Kind.TITLE, content):
        return True
    if any(match(kind, content) for kind in _OPENERS):
        return True
    at = _next_content(contents, index)
    if at is None:
        # A statement title may end the text (a page cut after its title).
        return statement_by_title(content) is not None and _only_furniture_after(contents, index)
    following = contents[at]
    # The lines from the next content on (furniture between is passed over, not repeated).
    window = contents[at : at + 7]
    if match(Kind.DOWNLOADS, content):
        return any(match(kind, following) for kind in _OPENERS) or page_start(window, 0)
    if content.endswith(" assessment") and match(Kind.TITLE, content):
        # A pilot title reads "<Authority> assessment": it is one only before a page header.
        return any(match(kind, following) for kind in _PILOT_FOLLOWERS) or page_start(window, 0)
    # A statement title is a heading-like line followed by a score line (the parser's rule);
    # one of the framework's titles may also end the text.
    scored = any(match(kind, following) for kind in _SCORE_LINES)
    if statement_by_title(content) is not None:
        return scored or _only_furniture_after(contents, index)
    return scored and is_heading_like(content)


def _only_furniture_after(contents: Sequence[str], index: int) -> bool:
    """Whether every line after ``index`` is blank or furniture of a page's edge."""
    return not any(
        later and reason_for(later, edge=True) is None for later in contents[index + 1 :]
    )


def _next_content(contents: Sequence[str], index: int) -> int | None:
    """The index of the next line after ``index`` that is neither blank nor known furniture.

    Furniture of a page's edge counts too ("Menu" after a pilot title in a browser copy).
    """
    for later in range(index + 1, min(index + 8, len(contents))):
        content = contents[later]
        if content and reason_for(content, edge=True) is None:
            return later
    return None


def mark(contents: Sequence[str], *, numbers: bool = False) -> list[str | None]:
    """For each stripped line, why it is furniture (``None`` for content and blank lines).

    Known furniture is set aside anywhere; edge furniture at the end of the text and right
    before each later title line (walking back from there). The lines before the first page
    start, and those after a ``©`` footer up to the next title line, are all set aside when
    known furniture stands among them (the sign of a browser copy); without such a sign they
    are left to the parser, which places them or says what is wrong.
    """
    count = len(contents)
    reasons: list[str | None] = [None] * count
    first = next(
        (
            i
            for i in range(min(count, FIRST_START_WITHIN))
            if _may_start(contents[i]) and page_start(contents, i)
        ),
        0,
    )
    _mark_region(contents, reasons, range(first), _BEFORE)
    # One search of the joined lines finds each kind of line that can matter below.
    text = "\n" + "\n".join(contents)
    # Later pages of one text open with their title lines.
    titles = [
        index
        for index in _line_indices(text, _LATER_TITLE)
        if index > first and page_start(contents, index)
    ]
    for floor, start in zip((first, *titles), (*titles, count), strict=True):
        _mark_back(contents, reasons, start, floor)
    ends = iter((*titles, count))
    end = next(ends)
    skip_to = first
    for index in _maybe_furniture(contents, text, first, numbers=numbers):
        if index < skip_to or reasons[index] is not None:
            continue
        while end <= index:
            end = next(ends)
        content = contents[index]
        footer = content[0] == "©" and match(Kind.FOOTER, content) is not None
        reasons[index] = None if footer else reason_for(content, edge=False, numbers=numbers)
        if footer or reasons[index] == _COPYRIGHT:
            _mark_region(contents, reasons, range(index + 1, end), _AFTER, links=True)
            skip_to = end
    _mark_groups(contents, reasons)
    return reasons


def _line_indices(text: str, pattern: re.Pattern[str]) -> list[int]:
    r"""The 0-based line of each match of ``pattern`` in ``text`` ("\n" + the joined lines).

    A match starts at the line break before its line (or within the line).
    """
    indices: list[int] = []
    breaks = position = 0
    for found in pattern.finditer(text):
        breaks += text.count("\n", position, found.start() + 1)
        position = found.start() + 1
        indices.append(breaks - 1)
    return indices


def _maybe_furniture(contents: Sequence[str], text: str, first: int, *, numbers: bool) -> list[int]:
    """The lines from ``first`` on that may be a ``©`` footer or furniture of any place.

    Only those can be: a known phrase, ``Page N of M`` or, in a PDF's text (``numbers``),
    a bare page number; most lines are long paragraphs that none of them is.
    """
    if numbers:  # bare page numbers too: every short line is looked at
        return [i for i in range(first, len(contents)) if 0 < len(contents[i]) <= _LONGEST]
    found = {*_line_indices(text, _ANYWHERE_LINE), *_line_indices(text, _FOOTER_LINE)}
    return sorted(i for i in found if i >= first and 0 < len(contents[i]) <= _LONGEST)


#: Reasons of lines that lead a group: the lines right after them with the same reason at
#: a page's edge go with them wherever they stand (a question's "Yes" and "No", the social
#: networks after "Share this page").
_GROUPS: Final = (_FEEDBACK, _SHARE)


def _mark_groups(contents: Sequence[str], reasons: list[str | None]) -> None:
    """The lines right after a group's lead (a feedback question, "Share this page") go with it.

    They are furniture only at a page's edge, but the lead can stand anywhere (inside a page
    copied with unknown text around it): its answers or links go with it wherever it stands.
    """
    if _FEEDBACK not in reasons and _SHARE not in reasons:  # nearly every page: two scans in C
        return
    leads = [index for index, reason in enumerate(reasons) if reason in _GROUPS]
    for index in leads:
        for later in range(index + 1, min(index + 6, len(contents))):
            if not contents[later] or reasons[later] == reasons[index]:
                continue
            if reason_for(contents[later], edge=True) != reasons[index]:
                break
            reasons[later] = reasons[index]


def _mark_region(
    contents: Sequence[str],
    reasons: list[str | None],
    region: range,
    default: str,
    *,
    links: bool = False,
) -> None:
    """Mark every line of ``region`` when known furniture stands among them.

    With ``links`` (a region after the page's end), also when every line of it reads like a
    link (:func:`_link_like`): a contents list after the footer.
    """
    found = [reason_for(contents[index], edge=True) for index in region]
    if not any(found) and not (
        links
        and any(contents[index] for index in region)
        and all(_link_like(contents[index]) for index in region if contents[index])
    ):
        return
    for index, reason in zip(region, found, strict=True):
        if contents[index]:
            reasons[index] = reason or default


def _link_like(content: str) -> bool:
    r"""Whether the stripped line ``content`` reads like a link: short, no sentence, no content.

    A finding is a sentence; a score line, a page's heading or a date is the format's own;
    a line holding a line break of another kind (``\r``, U+2028) is several lines.
    """
    return (
        len(content) <= _LINK_LONGEST
        and content.isprintable()
        and is_heading_like(content)
        and not any(match(kind, content) for kind in _CONTENT_KINDS)
    )


def _after_the_page(content: str) -> bool:
    """Whether the stripped line ``content`` stands only after a page's end.

    It is furniture of a page's edge only (a footer's link, "Related content", "Yes"), or it
    ends a page (:func:`_ends_page`). Furniture of any place ("Back to top", "Print this page")
    stands inside pages too, between their lines.
    """
    if reason_for(content, edge=True) is not None and reason_for(content, edge=False) is None:
        return True
    return _ends_page(content)


def _ends_page(content: str) -> bool:
    """Whether the line ``content`` ends a page: the footer, or a copyright line."""
    if content[0] == "©" and match(Kind.FOOTER, content):
        return True
    return reason_for(content, edge=False) == _COPYRIGHT


def _ended_at(contents: Sequence[str], index: int, floor: int) -> bool:
    """Whether the edge furniture that ends at line ``index`` holds a page's end.

    A page's end is the footer or a copyright line (:func:`_ends_page`), or the feedback
    widget: its question with an answer after it (a question alone may stand inside a page
    copied with text around it). The furniture walked back over may follow it (the answers,
    the footer's links, known or reading like links).
    """
    answered = False
    for at in range(index, max(floor, index - _END_WITHIN) - 1, -1):
        content = contents[at]
        if not content:
            continue
        if _ends_page(content):
            return True
        reason = reason_for(content, edge=True)
        if reason == _FEEDBACK:
            if reason_for(content, edge=False) is None:
                answered = True  # an answer: "Yes", "No", "Yes this page is useful"
            elif answered:
                return True
        elif reason is None and not _link_like(content):
            return False
    return False


def _links_before(contents: Sequence[str], index: int, floor: int) -> int | None:
    """The known furniture line right before the links that end at line ``index``, if any.

    Walking back from ``index`` (not below ``floor``) over lines that read like links, at most
    :data:`_LINKS_IN_A_ROW` of them: the first line that is not one must stand only after a
    page's end (:func:`_after_the_page`).
    """
    links = 0
    while index >= floor:
        content = contents[index]
        if content:
            if _after_the_page(content):
                return index
            if links == _LINKS_IN_A_ROW or not _link_like(content):
                return None
            links += 1
        index -= 1
    return None


def clean(text: str) -> bool:
    """Whether :func:`mark` would find no furniture in ``text``, told cheaply for most pages.

    ``True`` only when the first line opens a page, no later line is a title line, there is
    no ``©`` footer, no line is known furniture of any place, and the last line is not edge
    furniture; ``False`` means "look line by line".
    """
    if "©" in text or _ANYWHERE_LINE.search(text) is not None:
        return False
    head = text.lstrip()
    first, _, rest = head.partition("\n")
    if _LATER_TITLE.search(rest) is not None:
        return False
    contents = [first.strip(), *(line.strip() for line in rest.split("\n", 8)[:8])]
    if not page_start(contents, 0):
        return False
    last = text.rstrip().rpartition("\n")[2].strip()
    return reason_for(last, edge=True) is None


def _may_start(content: str) -> bool:
    """A cheap necessary condition for :func:`page_start` (most lines are long paragraphs)."""
    return 0 < len(content) <= 160 and not content.endswith(".")


def _mark_back(contents: Sequence[str], reasons: list[str | None], end: int, floor: int) -> None:
    """Mark the edge furniture right before line ``end`` (a page start, or the text's end).

    Walking back to ``floor`` (the page's start), known furniture is marked. Lines that read
    like links are marked too when known furniture stands right before them and furniture
    follows them, or what stands before them ends a page (the footer, the feedback widget):
    a footer's other links, a report's contents list, related links after the page.
    """
    index = end - 1
    after = False  # whether furniture stands after the line
    while index >= floor:
        content = contents[index]
        if content and not (content[0] == "©" and match(Kind.FOOTER, content)):
            reason = reason_for(content, edge=True, numbers=False)
            if reason is None:
                before = _links_before(contents, index, floor)
                if before is None or not (after or _ended_at(contents, before, floor)):
                    return
                for link in range(before + 1, index + 1):
                    if contents[link]:
                        reasons[link] = _AFTER
                index = before
                continue
            reasons[index] = reason
        after = after or bool(content)
        index -= 1
