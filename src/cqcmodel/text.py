"""Text at the boundary: normalisation into lines, and what kind of line each one may be.

The report format is line-oriented, so the grammar never sees characters: this module turns
a text into normalised lines (keeping a way back to the original columns for messages) and
lists, for each line, the structural kinds it could be. The parser's lexer picks among them
with the grammar's context.
"""

from __future__ import annotations

import re
from typing import Final, NoReturn

from .errors import ParseError
from .framework import Rating, statement_by_title
from .model import is_heading_like

__all__ = ["Kind", "SourceText", "candidates", "normalise"]

#: Characters removed outright: byte order mark and zero-width characters.
_REMOVED: Final = frozenset("\ufeff\u200b\u200c\u200d\u2060")
#: Line breaks other than LF/CR (form feed between PDF pages, vertical tab, Unicode separators).
_OTHER_BREAKS: Final = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
_ZERO_WIDTH: Final = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")
#: Characters that become a plain space.
_SPACE_CHARS: Final = ("\u00a0", "\u202f", "\u2007")
#: The characters of the classes above, one by one (surrogates apart: encoding finds those).
#: An ``in`` test per character is several times faster than one regular expression scan
#: for a class, so clean text (nearly all of it) skips each step at little cost.
_BREAK_CHARS: Final = tuple("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_CONTROL_CHARS: Final = tuple(chr(code) for code in [*range(0x09), *range(0x0E, 0x20), 0x7F])
_SPECIAL_CHARS: Final = ("\r", *_BREAK_CHARS, *_CONTROL_CHARS, *_REMOVED, *_SPACE_CHARS)


def _has_any(text: str, chars: tuple[str, ...] | frozenset[str]) -> bool:
    return any(map(text.__contains__, chars))


def _has_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class SourceText:
    """A text split into normalised lines, remembering the original lines for messages.

    Normalisation: CRLF, CR and other line separators (form feed, U+2028, …) become line
    breaks; the byte order mark and zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are
    removed; non-breaking spaces become spaces; trailing whitespace is stripped. Line numbers
    are preserved one to one, so line *n* here is line *n* of the input.
    """

    __slots__ = ("lines", "original", "source")

    def __init__(self, text: str, source: str | None = None) -> None:
        self.source = source
        if not _has_any(text, _SPECIAL_CHARS) and not _has_surrogate(text):
            # The common case: nothing to replace, remove or reject.
            parts = text.split("\n")
            self.original: tuple[str, ...] = tuple(parts)
            self.lines: tuple[str, ...] = tuple(map(str.rstrip, parts))
            return
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if _has_any(text, _BREAK_CHARS):
            text = _OTHER_BREAKS.sub("\n", text)
        self.original = tuple(text.split("\n"))
        if _has_any(text, _CONTROL_CHARS) or _has_surrogate(text):
            bad = _CONTROL.search(text)
            if bad is not None:
                self._reject_control(bad.start())
        if _has_any(text, _REMOVED):
            text = _ZERO_WIDTH.sub("", text)
        for space in _SPACE_CHARS:
            if space in text:
                text = text.replace(space, " ")
        self.lines = tuple(map(str.rstrip, text.split("\n")))

    def _reject_control(self, offset: int) -> None:
        before = 0
        for number, line in enumerate(self.original, start=1):
            if offset <= before + len(line):
                column = offset - before + 1
                char = line[column - 1]
                code = f"U+{ord(char):04X}"
                self.error(
                    f"control character {code} is not text: is this a binary file?",
                    number,
                    column,
                    normalised=False,
                )
            before += len(line) + 1
        raise AssertionError("unreachable: the offset lies inside the text")  # pragma: no cover

    def original_column(self, line: int, column: int) -> int:
        """Map a 1-based column of normalised line ``line`` back to the original line."""
        if not 1 <= line <= len(self.original):
            return column
        original = self.original[line - 1]
        if not any(ch in _REMOVED for ch in original):
            return column
        seen = 0
        for index, ch in enumerate(original):
            if ch in _REMOVED:
                continue
            seen += 1
            if seen == column:
                return index + 1
        return len(original) + 1

    def error(self, message: str, line: int, column: int, *, normalised: bool = True) -> NoReturn:
        """Raise a :class:`ParseError` at ``line``/``column`` (1-based) with a snippet."""
        if normalised:
            column = self.original_column(line, column)
        line_text = self.original[line - 1] if 1 <= line <= len(self.original) else None
        raise ParseError(message, line=line, column=column, source=self.source, line_text=line_text)


def normalise(text: str) -> str:
    """The normalised form of ``text`` (see :class:`SourceText`), lines joined by newlines."""
    return "\n".join(SourceText(text).lines)


# --- line kinds ------------------------------------------------------------------------------


class Kind:
    """Names of the line kinds: the grammar's terminals (one token per line or run of text)."""

    TITLE: Final = "TITLE"
    PUBLISHED: Final = "PUBLISHED"
    DOWNLOADS: Final = "DOWNLOADS"
    FOOTER: Final = "FOOTER"
    STATEMENT_TITLE: Final = "STATEMENT_TITLE"
    SCORE: Final = "SCORE"
    INDICATIVE: Final = "INDICATIVE"
    SCORE_LABEL: Final = "SCORE_LABEL"
    EXPECT_HEADING: Final = "EXPECT_HEADING"
    EXPECT_TEXT: Final = "EXPECT_TEXT"
    COMMITMENT_HEADING: Final = "COMMITMENT_HEADING"
    COMMITMENT_TEXT: Final = "COMMITMENT_TEXT"
    FINDINGS_HEADING: Final = "FINDINGS_HEADING"
    SUBHEADING: Final = "SUBHEADING"
    TEXT: Final = "TEXT"
    OVERALL_SUMMARY: Final = "OVERALL_SUMMARY"
    RATING_HEADING: Final = "RATING_HEADING"
    BULLET: Final = "BULLET"
    RATING: Final = "RATING"
    OVERALL_SCORE: Final = "OVERALL_SCORE"
    SCORES_HEADING: Final = "SCORES_HEADING"
    EXPERIENCE_HEADING: Final = "EXPERIENCE_HEADING"
    HOW_WE_ASSESS: Final = "HOW_WE_ASSESS"
    START_DATE: Final = "START_DATE"
    ASSESSMENT_PUBLISHED: Final = "ASSESSMENT_PUBLISHED"
    ABOUT_HEADING: Final = "ABOUT_HEADING"
    DEMOGRAPHICS: Final = "DEMOGRAPHICS"
    FINANCIAL_FACTS: Final = "FINANCIAL_FACTS"
    FINANCIAL_INTRO: Final = "FINANCIAL_INTRO"


_I = re.IGNORECASE
#: Kinds recognised from a line's own content, tried in this order. Every pattern is anchored
#: and runs in time linear in the line's length, so no input can make it backtrack badly
#: (tests/test_robustness.py runs the worst cases).
PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    (Kind.TITLE, re.compile(r"(?P<name>\S.*?):\s*local authority assessment")),
    (
        Kind.PUBLISHED,
        # "Published:?\s*(?P<published>[^:]*?)(?:\s+Page last updated:?\s*(?P<updated>.*))?"
        # with the same matches, written so that it stays linear: that form tries the
        # "Page last updated" tail at every character of a long run of spaces (quadratic).
        # The tail is tried once per run of spaces (possessive), and the one case where the
        # lazy form backtracks into the leading spaces (no date before "Page last updated")
        # is the second, atomic alternative.
        re.compile(
            r"Published:?(?:\s*+|(?>\s*(?=\s)))"
            r"(?P<published>(?:[^:\s]++|\s++(?!Page last updated))*+)"
            r"(?:\s++Page last updated:?\s*+(?P<updated>.*))?"
        ),
    ),
    (Kind.DOWNLOADS, re.compile(r"Downloads", _I)),
    (Kind.FOOTER, re.compile(r"©\s*Care Quality Commission", _I)),
    (Kind.SCORE, re.compile(r"Score:?\s*(?P<value>\d+)\s*(?P<percent>%?)", _I)),
    (Kind.INDICATIVE, re.compile(r"Indicative score:?\s*(?P<value>\d*)", _I)),
    (
        Kind.SCORE_LABEL,
        re.compile(
            r"(?:(?:Indicative\s+)?Score:?\s*)?(?P<value>\d+)\s*[-–—]\s*(?P<label>Evidence\b.*)", _I
        ),
    ),
    (Kind.EXPECT_HEADING, re.compile(r"What people expect:?", _I)),
    (Kind.COMMITMENT_HEADING, re.compile(r"The local authority commitment:?", _I)),
    (Kind.FINDINGS_HEADING, re.compile(r"Key findings for this quality statement:?", _I)),
    (Kind.OVERALL_SUMMARY, re.compile(r"Overall summary", _I)),
    (Kind.RATING_HEADING, re.compile(r"Local authority rating and score", _I)),
    (Kind.SCORES_HEADING, re.compile(r"Quality statement scores", _I)),
    (Kind.EXPERIENCE_HEADING, re.compile(r"Summary of people[’'`]?s experiences?", _I)),
    (
        Kind.OVERALL_SCORE,
        re.compile(r"Overall rating for (?P<name>\S.*?):\s*(?P<value>\d+)\s*%", _I),
    ),
    (Kind.BULLET, re.compile(r"[•·*\-–]\s+(?P<text>\S.*)")),
    (Kind.HOW_WE_ASSESS, re.compile(r"How we assess local authorities", _I)),
    (Kind.START_DATE, re.compile(r"Assessment start date:?\s*(?P<date>.*)", _I)),
    (Kind.ASSESSMENT_PUBLISHED, re.compile(r"Assessment published:?\s*(?P<date>.*)", _I)),
    (Kind.DEMOGRAPHICS, re.compile(r"Demographics", _I)),
    (Kind.FINANCIAL_FACTS, re.compile(r"Financial facts", _I)),
    (
        Kind.FINANCIAL_INTRO,
        re.compile(r"The financial facts for (?P<name>\S.*?) (?:are|is):?", _I),
    ),
)
_PATTERN_BY_KIND: Final = dict(PATTERNS)

_PILOT_TITLE: Final = re.compile(r"(?P<name>[A-Z][^.:;!?]{0,100}?) assessment")
_ABOUT: Final = re.compile(r"About (?P<name>\S.*)")
#: Kinds after which a pilot-style ``<X> assessment`` line reads as a title line.
_PILOT_TITLE_FOLLOWERS: Final = frozenset(
    {
        Kind.PUBLISHED,
        Kind.DOWNLOADS,
        Kind.HOW_WE_ASSESS,
        Kind.OVERALL_SUMMARY,
        Kind.STATEMENT_TITLE,
    }
)
_SCORE_KINDS: Final = frozenset({Kind.SCORE, Kind.INDICATIVE, Kind.SCORE_LABEL})


def match(kind: str, content: str) -> re.Match[str] | None:
    """Match ``content`` (a stripped line) against the pattern of ``kind``."""
    pattern = _PATTERN_BY_KIND.get(kind)
    found = pattern.fullmatch(content) if pattern is not None else None
    if found is None and kind == Kind.TITLE:
        return _PILOT_TITLE.fullmatch(content)
    if kind == Kind.ABOUT_HEADING:
        return _ABOUT.fullmatch(content)
    return found


#: The leading literal of each pattern of :data:`PATTERNS` but the title's (which ends in
#: ``local authority assessment``), under the same flags, with the kinds whose patterns start
#: so. Most paragraph lines start with none of them: one match of the combined expression
#: rules them out, and a structural line is tried only against the patterns of its start.
_STARTS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    (r"(?i:published)", (Kind.PUBLISHED,)),
    (r"(?i:downloads)", (Kind.DOWNLOADS,)),
    (r"©", (Kind.FOOTER,)),
    (r"(?i:score)", (Kind.SCORE, Kind.SCORE_LABEL)),
    (r"(?i:indicative)", (Kind.INDICATIVE, Kind.SCORE_LABEL)),
    (r"\d", (Kind.SCORE_LABEL,)),
    (r"(?i:what people expect)", (Kind.EXPECT_HEADING,)),
    (r"(?i:the local authority commitment)", (Kind.COMMITMENT_HEADING,)),
    (r"(?i:key findings for this quality statement)", (Kind.FINDINGS_HEADING,)),
    (r"(?i:overall summary)", (Kind.OVERALL_SUMMARY,)),
    (r"(?i:local authority rating and score)", (Kind.RATING_HEADING,)),
    (r"(?i:quality statement scores)", (Kind.SCORES_HEADING,)),
    (r"(?i:summary of people)", (Kind.EXPERIENCE_HEADING,)),
    (r"(?i:overall rating for )", (Kind.OVERALL_SCORE,)),
    (r"[•·*\-–]\s", (Kind.BULLET,)),
    (r"(?i:how we assess local authorities)", (Kind.HOW_WE_ASSESS,)),
    (r"(?i:assessment start date)", (Kind.START_DATE,)),
    (r"(?i:assessment published)", (Kind.ASSESSMENT_PUBLISHED,)),
    (r"(?i:demographics)", (Kind.DEMOGRAPHICS,)),
    (r"(?i:financial facts)", (Kind.FINANCIAL_FACTS,)),
    (r"(?i:the financial facts for )", (Kind.FINANCIAL_INTRO,)),
)
_STRUCTURAL_START: Final = re.compile(
    "|".join(f"(?P<s{number}>{start})" for number, (start, _) in enumerate(_STARTS))
)
_PATTERNS_BY_START: Final = {
    f"s{number}": tuple((kind, _PATTERN_BY_KIND[kind]) for kind in kinds)
    for number, (_, kinds) in enumerate(_STARTS)
}
_TITLE_END: Final = "local authority assessment"


def _own_kinds(content: str) -> list[str]:
    kinds: list[str] = []
    if content.endswith(_TITLE_END) and _PATTERN_BY_KIND[Kind.TITLE].fullmatch(content):
        kinds.append(Kind.TITLE)
    start = _STRUCTURAL_START.match(content)
    if start is not None:
        kinds.extend(
            kind
            for kind, pattern in _PATTERNS_BY_START[start.lastgroup]  # type: ignore[index]
            if pattern.fullmatch(content)
        )
    if _may_be_rating(content) and Rating.from_text(content) is not None:
        kinds.append(Kind.RATING)
    if content.startswith("About ") and _ABOUT.fullmatch(content) and is_heading_like(content):
        kinds.append(Kind.ABOUT_HEADING)
    return kinds


def _may_be_rating(content: str) -> bool:
    """A cheap necessary condition for ``Rating.from_text(content)`` (a non-empty stripped line).

    Folding keeps the first character (casefolded) and the number of whitespace-separated
    words, so a rating word starts with i, r, g or o and has at most two words.
    """
    return content[0].casefold()[0] in "igro" and len(content.split(None, 2)) <= 2


def candidates(lines: tuple[str, ...]) -> list[tuple[str, ...]]:
    """For each line, the structural kinds it could be, most specific first.

    A blank line has none, and neither has plain text: the lexer turns those into paragraph
    tokens. Kinds that depend on the following line are decided here: a statement title is a
    heading-like line followed by a score line (or a known title ending the text); a
    sub-heading is a heading-like line followed by a paragraph; a pilot title
    ``<X> assessment`` is the first line, or is followed by a page-header line.
    """
    count = len(lines)
    result: list[tuple[str, ...]] = [()] * count
    first_content = next((i for i, line in enumerate(lines) if line.strip()), None)
    after: int | None = None  # the next non-blank line, whose kinds are already final
    for index in range(count - 1, -1, -1):
        content = lines[index].strip()
        if not content:
            continue
        kinds = _own_kinds(content)
        # Derived kinds are all headings: most lines (paragraphs) are not heading-like.
        if (not kinds or kinds == [Kind.RATING]) and is_heading_like(content):
            after_kinds = result[after] if after is not None else ()
            kinds = _derived_kinds(content, kinds, index == first_content, after, after_kinds)
            if (
                after is not None
                and not after_kinds
                and not _starts_like_bullet(content)
                and not is_heading_like(lines[after].strip())
            ):
                kinds.append(Kind.SUBHEADING)
        result[index] = tuple(kinds)
        after = index
    return result


def _derived_kinds(
    content: str, kinds: list[str], first: bool, after: int | None, after_kinds: tuple[str, ...]
) -> list[str]:
    """Title and statement-title kinds, which depend on the line that follows."""
    if not is_heading_like(content) or _starts_like_bullet(content):
        return kinds
    if _PILOT_TITLE.fullmatch(content) and (
        first or _PILOT_TITLE_FOLLOWERS.intersection(after_kinds)
    ):
        kinds = [Kind.TITLE, *kinds]
    if _SCORE_KINDS.intersection(after_kinds) or (
        after is None and statement_by_title(content) is not None
    ):
        kinds = [*kinds, Kind.STATEMENT_TITLE]
    return kinds


def _starts_like_bullet(content: str) -> bool:
    return content[:1] in "•·*-–" and content[1:2].isspace()


#: Readable names of the line kinds, for "expected …, found …" messages.
DESCRIPTIONS: Final[dict[str, str]] = {
    Kind.TITLE: "a title line ('<authority>: local authority assessment')",
    Kind.PUBLISHED: "a 'Published: …' line",
    Kind.DOWNLOADS: "'Downloads'",
    Kind.FOOTER: "the '© Care Quality Commission' footer",
    Kind.STATEMENT_TITLE: "a quality statement title",
    Kind.SCORE: "a 'Score: N' line",
    Kind.INDICATIVE: "an 'Indicative score:' line",
    Kind.SCORE_LABEL: "a score label ('3 - Evidence shows a good standard')",
    Kind.EXPECT_HEADING: "'What people expect'",
    Kind.EXPECT_TEXT: "an I-statement",
    Kind.COMMITMENT_HEADING: "'The local authority commitment'",
    Kind.COMMITMENT_TEXT: "the local authority commitment (a we-statement)",
    Kind.FINDINGS_HEADING: "'Key findings for this quality statement'",
    Kind.SUBHEADING: "a sub-heading",
    Kind.TEXT: "a paragraph",
    Kind.OVERALL_SUMMARY: "'Overall summary'",
    Kind.RATING_HEADING: "'Local authority rating and score'",
    Kind.BULLET: "a bullet item",
    Kind.RATING: "a rating word (Inadequate, Requires improvement, Good, Outstanding)",
    Kind.OVERALL_SCORE: "an 'Overall rating for …: N%' line",
    Kind.SCORES_HEADING: "'Quality statement scores'",
    Kind.EXPERIENCE_HEADING: "'Summary of people's experiences'",
    Kind.HOW_WE_ASSESS: "'How we assess local authorities'",
    Kind.START_DATE: "an 'Assessment start date: …' line",
    Kind.ASSESSMENT_PUBLISHED: "an 'Assessment published: …' line",
    Kind.ABOUT_HEADING: "an 'About <authority>' heading",
    Kind.DEMOGRAPHICS: "'Demographics'",
    Kind.FINANCIAL_FACTS: "'Financial facts'",
    Kind.FINANCIAL_INTRO: "'The financial facts for … are:'",
    "$END": "the end of the text",
}
