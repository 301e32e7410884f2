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
#: Characters that become a plain space.
_SPACES: Final = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
#: Line breaks other than LF/CR (form feed between PDF pages, vertical tab, Unicode separators).
_OTHER_BREAKS: Final = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
_ZERO_WIDTH: Final = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")


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
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _OTHER_BREAKS.sub("\n", text)
        self.original: tuple[str, ...] = tuple(text.split("\n"))
        bad = _CONTROL.search(text)
        if bad is not None:
            self._reject_control(bad.start())
        if _ZERO_WIDTH.search(text):
            text = _ZERO_WIDTH.sub("", text)
        self.lines: tuple[str, ...] = tuple(
            line.translate(_SPACES).rstrip() for line in text.split("\n")
        )

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
#: and linear (no nested quantifiers), so no input can make it backtrack badly.
PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    (Kind.TITLE, re.compile(r"(?P<name>\S.*?):\s*local authority assessment")),
    (
        Kind.PUBLISHED,
        re.compile(
            r"Published:?\s*(?P<published>[^:]*?)(?:\s+Page last updated:?\s*(?P<updated>.*))?"
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


def _own_kinds(content: str) -> list[str]:
    kinds = [kind for kind, pattern in PATTERNS if pattern.fullmatch(content)]
    if Rating.from_text(content) is not None:
        kinds.append(Kind.RATING)
    if _ABOUT.fullmatch(content) and is_heading_like(content):
        kinds.append(Kind.ABOUT_HEADING)
    return kinds


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
        if not kinds or kinds == [Kind.RATING]:
            after_kinds = result[after] if after is not None else ()
            kinds = _derived_kinds(content, kinds, index == first_content, after, after_kinds)
            if (
                after is not None
                and not after_kinds
                and is_heading_like(content)
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
