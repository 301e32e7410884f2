"""Text at the boundary: normalisation into lines, and what kind of line each one may be.

The report format is line-oriented, so the grammar never sees characters: this module turns
a text into normalised lines (keeping a way back to the original columns for messages) and
lists, for each line, the structural kinds it could be. The parser's lexer picks among them
with the grammar's context.
"""

from __future__ import annotations

import enum
import re
from typing import Any, Final, NoReturn

from .errors import ParseError
from .framework import (
    HEADING_MAX_LENGTH,
    STATEMENTS,
    Rating,
    fold,
    is_heading_like,
    statement_by_title,
)

__all__ = [
    "BULLET_MARKERS",
    "HEADING_MAX_LENGTH",
    "LIGATURES",
    "SCORE_LINE_STARTS",
    "Kind",
    "Role",
    "SourceText",
    "candidates",
    "classify",
    "is_heading_like",
    "is_i_statement",
    "kinds_with",
    "malformed",
    "match",
    "normalise",
    "reads_as_sentence",
    "scored_item",
    "split_score",
    "title_before_score",
]

#: Characters removed outright: byte order mark, zero-width characters and the soft hyphen
#: (``&shy;`` in web pages: a place a word may break, not a character of it).
_REMOVED: Final = frozenset("\ufeff\u200b\u200c\u200d\u2060\u00ad")
#: Line breaks other than LF/CR (form feed between PDF pages, vertical tab, Unicode separators).
#: (Patterns as text: only a text that needs them compiles them, through ``re``'s cache.)
_OTHER_BREAKS: Final = "[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"
_CONTROL: Final = "[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]"
_ZERO_WIDTH: Final = "[\ufeff\u200b\u200c\u200d\u2060\u00ad]"
#: Characters that become a plain space.
_SPACE_CHARS: Final = ("\u00a0", "\u202f", "\u2007")
#: The characters of the classes above, one by one (surrogates apart: encoding finds those).
#: An ``in`` test per character is several times faster than one regular expression scan
#: for a class, so clean text (nearly all of it) skips each step at little cost.
_BREAK_CHARS: Final = tuple("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_CONTROL_CHARS: Final = tuple(chr(code) for code in [*range(0x09), *range(0x0E, 0x20), 0x7F])
_SPECIAL_CHARS: Final = ("\r", *_BREAK_CHARS, *_CONTROL_CHARS, *_REMOVED, *_SPACE_CHARS)
#: Typographic ligatures (Unicode's Latin presentation forms, U+FB00–U+FB06) and the letters
#: they stand for: text extracted from a PDF keeps them ("Key ﬁndings", "inﬂuence").
LIGATURES: Final = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE_CHARS: Final = tuple(LIGATURES)
_LIGATURE_TABLE: Final = str.maketrans(LIGATURES)


def _has_any(text: str, chars: tuple[str, ...] | frozenset[str]) -> bool:
    return any(map(text.__contains__, chars))


def _is_clean(line: str) -> bool:
    """Whether ``line`` has nothing for normalisation to replace, remove or reject."""
    return line.isprintable() or not (_has_any(line, _SPECIAL_CHARS) or _has_surrogate(line))


def _has_ligature(text: str) -> bool:
    """Whether ``text`` holds a ligature: never an ASCII text (``isascii`` reads a flag)."""
    return not text.isascii() and _has_any(text, _LIGATURE_CHARS)


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

    Normalisation: CRLF, CR and other line separators (form feed, U+2029, …) become line
    breaks, and so do U+2028 and U+0085 in a text without line feeds (in one with them they
    break a line inside a paragraph, and become spaces); the byte order mark, zero-width
    characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens (U+00AD) are removed;
    non-breaking spaces become spaces; typographic ligatures (U+FB00–U+FB06,
    :data:`LIGATURES`) become their letters; trailing whitespace is stripped. Line numbers
    are preserved one to one, so line *n* here is line *n* of the input.
    """

    __slots__ = ("lines", "original", "source")

    def __init__(self, text: str, source: str | None = None) -> None:
        self.source = source
        parts = text.split("\n")
        ligatures = _has_ligature(text)
        if not ligatures and (all(map(str.isprintable, parts)) or all(map(_is_clean, parts))):
            # The common case: nothing to replace, remove or reject. A printable line holds
            # none of the special characters (all are unprintable); only the others (with a
            # tab, say) are searched for them.
            self.original: tuple[str, ...] = tuple(parts)
            self.lines: tuple[str, ...] = tuple(map(str.rstrip, parts))
            return
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\n" in text and ("\u2028" in text or "\x85" in text):
            # Beside line feeds, they break a line inside a paragraph (Word's manual line
            # break; a Windows-1252 "…" once read as Latin-1): a space, one for one.
            text = text.replace("\u2028", " ").replace("\x85", " ")
        if _has_any(text, _BREAK_CHARS):
            text = re.sub(_OTHER_BREAKS, "\n", text)
        self.original = tuple(text.split("\n"))
        if _has_any(text, _CONTROL_CHARS) or _has_surrogate(text):
            bad = re.search(_CONTROL, text)
            # The characters looked for are those of _CONTROL (line breaks already replaced).
            assert bad is not None
            self._reject_control(bad.start())
        if _has_any(text, _REMOVED):
            text = re.sub(_ZERO_WIDTH, "", text)
        for space in _SPACE_CHARS:
            if space in text:
                text = text.replace(space, " ")
        if ligatures:
            text = text.translate(_LIGATURE_TABLE)
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
        if not any(ch in _REMOVED or ch in LIGATURES for ch in original):
            return column
        seen = 0
        for index, ch in enumerate(original):
            if ch in _REMOVED:
                continue
            # A ligature stands for several normalised columns: the one holding any of them.
            seen += len(LIGATURES.get(ch, ch))
            if seen >= column:
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


# --- the shape of a heading ------------------------------------------------------------------

#: Finite verbs (and their contractions): a line holding one reads as a sentence, so it is a
#: paragraph even without its final full stop ("Leaders said the backlog was 120 people").
#: Published sub-headings are noun phrases ("Impact of partnership working", "Help for people
#: to meet their non-eligible care and support needs"): none holds one of these words.
SENTENCE_VERBS: Final = frozenset(
    [
        "am",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "hasn't",
        "haven't",
        "hadn't",
        "don't",
        "doesn't",
        "didn't",
        "can't",
        "couldn't",
        "won't",
        "wouldn't",
        "shouldn't",
        "there's",
        "it's",
        "they're",
        "we're",
        "i'm",
        "said",
        "says",
        "told",
        "tells",
        "felt",
        "feels",
        "found",
        "finds",
        "described",
        "describes",
        "explained",
        "explains",
        "reported",
        "received",
        "waited",
        "showed",
        "gave",
        "got",
        "took",
        "knew",
        "thought",
        "noted",
        "agreed",
        "worked",
        "needed",
        "wanted",
        "spoke",
        "saw",
    ]
)
_WORDS: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def reads_as_sentence(text: str) -> bool:
    """Whether a line holds a finite verb of :data:`SENTENCE_VERBS`: a sentence, not a heading."""
    return not SENTENCE_VERBS.isdisjoint(
        word.replace("’", "'") for word in _WORDS.findall(text.casefold())
    )


_I_STATEMENTS: tuple[str, ...] | None = None
#: How many first characters of a line :func:`_may_be_i_statement` compares.
_I_PREFIX_LENGTH: Final = 10
#: The first characters of every I-statement, case folded (none holds a quote or a dash).
_I_PREFIXES: Final = frozenset(
    text[:_I_PREFIX_LENGTH].casefold() for info in STATEMENTS for text in info.i_statements
)
_OPENING_QUOTES: Final = "“\"‘' "
#: The characters an I-statement line can start with.
_I_STARTS: Final = "IiWw" + _OPENING_QUOTES


def _i_statements() -> tuple[str, ...]:
    """The framework's I-statements, folded and without quotes, longest first."""
    global _I_STATEMENTS  # noqa: PLW0603 - built once, on first use
    if _I_STATEMENTS is None:
        texts = {fold(text).replace('"', "") for info in STATEMENTS for text in info.i_statements}
        _I_STATEMENTS = tuple(sorted(texts, key=len, reverse=True))
    return _I_STATEMENTS


def _may_be_i_statement(content: str) -> bool:
    """A cheap necessary condition for :func:`is_i_statement` (a stripped line)."""
    if content[:1] not in _I_STARTS:
        return False
    return content.lstrip(_OPENING_QUOTES)[:_I_PREFIX_LENGTH].casefold() in _I_PREFIXES


def is_i_statement(text: str) -> bool:
    """Whether a line is the framework's I-statements, one or more run together.

    Compared after :func:`~cqcmodel.framework.fold` and without double quotes, so pilot pages'
    curly quotes and statement 6's run-on line match; a missing final full stop is allowed.
    """
    if not _may_be_i_statement(text):
        return False
    rest = fold(text).replace('"', "").strip()
    matched = False
    while rest:
        for canonical in _i_statements():
            if rest.startswith(canonical) or rest == canonical.rstrip("."):
                rest = rest[len(canonical) :].strip()
                matched = True
                break
        else:
            return False
    return matched


#: A line that starts like a score line: "Score" (or "Indicative score") followed by a colon
#: ("Score: three", "Score:"); or, on a short line that does not read as a sentence, alone or
#: followed by a dash or a number ("Score", "Score - 2", "Score 2 of 4"). Not by a word:
#: "Score for …" is a sentence.
_MALFORMED_SCORE: Final = re.compile(r"(?i)(?:indicative\s+)?score\s*:.*", re.DOTALL)
_SCORE_LIKE: Final = re.compile(r"(?i)(?:indicative\s+)?score(?:\s*[-–—=].*|\s+\d.*)?")
#: The characters a broken score line starts with (``Score…``, ``Indicative score…``).
SCORE_LINE_STARTS: Final = "SsIi"
#: What a malformed score line should have been, for the message.
MALFORMED_SCORE: Final = (
    "a score line such as 'Score: 3', 'Indicative score:' or '3 - Evidence shows a good standard'"
)
#: A score line whose number is on the next line ("Score:" then "2"), and that next line.
_SCORE_WITHOUT_NUMBER: Final = re.compile(r"(?i)score\s*:?")
_NUMBER_ALONE: Final = re.compile(r"\d+\s*%?")


def malformed(content: str) -> str | None:
    """What ``content`` should have been, if it is a broken structural line (``Score: three``).

    ``content`` is a stripped line that has no kind; ``None`` for any other line.
    """
    if content[:1] not in SCORE_LINE_STARTS:
        return None
    if _MALFORMED_SCORE.fullmatch(content) or (
        _SCORE_LIKE.fullmatch(content)
        and is_heading_like(content)
        and not reads_as_sentence(content)
    ):
        return MALFORMED_SCORE
    return None


#: The score that ends a summary list item written on one line ("… Score: 2"). Possessive
#: spaces keep it linear whatever the line.
_SCORE_AT_END: Final = re.compile(r"(?i)\bscore\s*+:?\s*+(?P<value>\d+)\Z")
#: What may stand between a list item's title and its score, besides spaces or a tab.
_ITEM_SEPARATORS: Final = "-–—:|"


def scored_item(content: str) -> re.Match[str] | None:
    """The score ending a list item that holds its title too (``Assessing needs Score: 2``).

    The match's ``value`` group is the score; :func:`title_before_score` gives the title.
    ``None`` unless a heading-like title comes before the score.
    """
    if not content[-1:].isdigit():
        return None
    found = _SCORE_AT_END.search(content)
    if found is None or found.start() == 0:
        return None
    title = title_before_score(content, found)
    return found if title and is_heading_like(title) else None


def title_before_score(content: str, found: re.Match[str]) -> str:
    """The title of a list item before the score that :func:`scored_item` found."""
    return content[: found.start()].rstrip().rstrip(_ITEM_SEPARATORS).rstrip()


def split_score(content: str, following: str | None) -> Candidate | None:
    """The score line that ``content`` and the next line ``following`` make together.

    A score line whose number went to a line of its own ("Score:" then "2", as a definition
    list or a table's cells give it), or whose label line follows it ("Score:" then "2 -
    Evidence shows some shortfalls"): :attr:`Kind.SCORE` or :attr:`Kind.SCORE_LABEL` with the
    match of its pattern on the two lines joined by a space; ``None`` for any other pair.
    """
    if following is None or _SCORE_WITHOUT_NUMBER.fullmatch(content) is None:
        return None
    kind = Kind.SCORE if _NUMBER_ALONE.fullmatch(following) else Kind.SCORE_LABEL
    pattern = kind.pattern
    assert pattern is not None
    found = pattern.fullmatch(f"{content} {following}")
    return (kind, found) if found is not None else None


# --- line kinds ------------------------------------------------------------------------------


class Role(enum.Flag):
    """What a line kind does for the context rules of :func:`candidates` and the lexer."""

    #: Nothing beyond its own pattern.
    PLAIN = 0
    #: A score line: the heading-like line before it is a statement title.
    SCORE_LINE = enum.auto()
    #: A page's header or first line: a pilot ``<X> assessment`` line before it is a title.
    OPENS_PAGE = enum.auto()
    #: A page header line: it may stand before a known statement title that ends the text.
    PAGE_HEADER = enum.auto()
    #: Recognised only on a heading-like line.
    HEADING = enum.auto()
    #: Its pattern's literal ends the line (tested with ``endswith``) instead of starting it.
    LITERAL_AT_END = enum.auto()
    #: A paragraph kind: plain text, named by where the grammar accepts it.
    PARAGRAPH = enum.auto()
    #: A paragraph kind whose token covers a whole run of paragraph lines.
    RUN = enum.auto()
    #: Decided by the line that follows (a heading-like line's kind), not by a pattern.
    BY_NEXT_LINE = enum.auto()
    #: Never content: where the grammar accepts no line of the kind, the line is set aside.
    NOT_CONTENT = enum.auto()
    #: Recognised by content, yet content: its token carries its line as a paragraph.
    KEEPS_TEXT = enum.auto()


_I = "(?i)"

#: The characters that mark a list item when a space or tab follows them, with what they are:
#: what web pages, word processors and PDF text extraction put before an item.
BULLET_MARKERS: Final = {
    "•": "bullet (U+2022)",
    "·": "middle dot (U+00B7)",
    "∙": "bullet operator (U+2219)",
    "‣": "triangular bullet (U+2023)",
    "⁃": "hyphen bullet (U+2043)",
    "●": "black circle (U+25CF)",
    "○": "white circle (U+25CB)",
    "◦": "white bullet (U+25E6)",
    "▪": "black small square (U+25AA)",
    "■": "black square (U+25A0)",
    "□": "white square (U+25A1)",
    "◆": "black diamond (U+25C6)",
    "►": "black right-pointing pointer (U+25BA)",
    "➢": "arrowhead (U+27A2)",
    "\uf0b7": "Word's Symbol-font bullet, private use U+F0B7 in PDF text",
    "\uf0a7": "Word's Wingdings square, private use U+F0A7 in PDF text",
    "\uf0d8": "Word's Wingdings arrowhead, private use U+F0D8 in PDF text",
    "\uf076": "Word's Wingdings diamond, private use U+F076 in PDF text",
    "o": "Word's second-level marker (a letter o in Courier New)",
    "*": "asterisk (plain text lists)",
    "-": "hyphen-minus (plain text lists)",
    "–": "en dash (U+2013)",
}
_BULLET_MARKERS: Final = "".join(BULLET_MARKERS)
_BULLET_CLASS: Final = "[" + re.escape(_BULLET_MARKERS) + "]"


class Kind(enum.StrEnum):
    """The line kinds: the grammar's terminals, each declared once with what recognises it.

    A member's value is its name, the terminal ``report.lark`` uses. ``description`` names the
    kind in "expected …, found …" messages. ``pattern`` (a regular expression over the
    stripped line, anchored at both ends) recognises a line of the kind on its own content;
    ``literals`` are the expressions every such line starts with (the prefilter: most
    paragraph lines start with none of them, so one match of all of them rules a line out).
    ``roles`` holds the kind's context rules (:class:`Role`). Kinds without a pattern are
    decided by context: a rating word, a heading-like line followed by a score line or a
    paragraph, or paragraph text, named by where the grammar accepts it. Every pattern runs
    in time linear in the line's length, so no input can make it backtrack badly
    (tests/test_robustness.py runs the worst cases).
    """

    @staticmethod
    def _generate_next_value_(name: str, start: int, count: int, last_values: list[Any]) -> str:
        return name

    def __new__(
        cls,
        value: str,
        description: str,
        pattern: str | None = None,
        literals: tuple[str, ...] = (),
        roles: Role = Role.PLAIN,
    ) -> Kind:
        """A member whose string value is the terminal's name."""
        member = str.__new__(cls, value)
        vars(member).update(
            _value_=value, description=description, source=pattern, literals=literals, roles=roles
        )
        return member

    description: str
    #: The pattern's source (``None`` for a kind decided by context).
    source: str | None
    literals: tuple[str, ...]
    roles: Role

    TITLE = (
        enum.auto(),
        "a title line ('<authority>: local authority assessment')",
        r"(?P<name>\S.*?):\s*local authority assessment",
        ("local authority assessment",),
        Role.PAGE_HEADER | Role.LITERAL_AT_END,
    )
    PUBLISHED = (
        enum.auto(),
        "a 'Published: …' line",
        # "Published:?\s*(?P<published>[^:]*?)(?:\s+Page last updated:?\s*(?P<updated>.*))?"
        # with the same matches, written so that it stays linear: that form tries the
        # "Page last updated" tail at every character of a long run of spaces (quadratic).
        # The tail is tried once per run of spaces (possessive), and the one case where the
        # lazy form backtracks into the leading spaces (no date before "Page last updated")
        # is the second, atomic alternative.
        # A date or a colon must follow, so "Published data showed …" stays a paragraph.
        r"Published(?=:|\s++\d):?(?:\s*+|(?>\s*(?=\s)))"
        r"(?P<published>(?:[^:\s]++|\s++(?!Page last updated))*+)"
        r"(?:\s++Page last updated:?\s*+(?P<updated>.*))?",
        (r"(?i:published)",),
        Role.PAGE_HEADER | Role.OPENS_PAGE,
    )
    DOWNLOADS = (
        enum.auto(),
        "'Downloads'",
        _I + r"Downloads\s*:?",
        (r"(?i:downloads)",),
        Role.PAGE_HEADER | Role.OPENS_PAGE,
    )
    FOOTER = (
        enum.auto(),
        "the '© Care Quality Commission' footer",
        _I + r"©\s*Care Quality Commission",
        ("©",),
    )
    SCORE = (
        enum.auto(),
        "a 'Score: N' line",
        _I + r"Score:?\s*(?P<value>\d+)\s*(?P<percent>%?)",
        (r"(?i:score)",),
        Role.SCORE_LINE | Role.NOT_CONTENT,
    )
    INDICATIVE = (
        enum.auto(),
        "an 'Indicative score:' line",
        _I + r"Indicative score:?\s*(?P<value>\d*)",
        (r"(?i:indicative)",),
        Role.SCORE_LINE | Role.NOT_CONTENT,
    )
    SCORE_LABEL = (
        enum.auto(),
        "a score label ('3 - Evidence shows a good standard')",
        # "Evidence shows": "2 – Evidence from partners showed …" stays a paragraph.
        _I + r"(?:(?:Indicative\s+)?Score:?\s*)?(?P<value>\d+)\s*[-–—]\s*"
        r"(?P<label>Evidence\s+shows\b.*)",
        (r"(?i:score)", r"(?i:indicative)", r"\d"),
        Role.SCORE_LINE | Role.NOT_CONTENT,
    )
    EXPECT_HEADING = (
        enum.auto(),
        "'What people expect'",
        _I + r"What people expect\s*:?",
        (r"(?i:what people expect)",),
        Role.NOT_CONTENT,
    )
    EXPECT_TEXT = (enum.auto(), "an I-statement", None, (), Role.PARAGRAPH | Role.RUN)
    #: One of the framework's I-statements (or two run together), however quoted: it opens
    #: "What people expect" even when the page leaves that heading out.
    I_STATEMENT = (enum.auto(), "an I-statement of the framework", None, (), Role.KEEPS_TEXT)
    COMMITMENT_HEADING = (
        enum.auto(),
        "'The local authority commitment'",
        _I + r"The local authority commitment\s*:?",
        (r"(?i:the local authority commitment)",),
        Role.NOT_CONTENT,
    )
    COMMITMENT_TEXT = (
        enum.auto(),
        "the local authority commitment (a we-statement)",
        None,
        (),
        Role.PARAGRAPH,
    )
    FINDINGS_HEADING = (
        enum.auto(),
        "'Key findings for this quality statement'",
        _I + r"Key findings for this quality statement\s*:?",
        (r"(?i:key findings for this quality statement)",),
        Role.NOT_CONTENT,
    )
    STATEMENT_TITLE = (
        enum.auto(),
        "a quality statement title",
        None,
        (),
        Role.OPENS_PAGE | Role.BY_NEXT_LINE,
    )
    SUBHEADING = (enum.auto(), "a sub-heading", None, (), Role.BY_NEXT_LINE)
    TEXT = (enum.auto(), "a paragraph", None, (), Role.PARAGRAPH | Role.RUN)
    OVERALL_SUMMARY = (
        enum.auto(),
        "'Overall summary'",
        _I + r"Overall summary\s*:?",
        (r"(?i:overall summary)",),
        Role.OPENS_PAGE,
    )
    RATING_HEADING = (
        enum.auto(),
        "'Local authority rating and score'",
        _I + r"Local authority rating and score\s*:?",
        (r"(?i:local authority rating and score)",),
        Role.NOT_CONTENT,
    )
    SCORES_HEADING = (
        enum.auto(),
        "'Quality statement scores'",
        _I + r"Quality statement scores\s*:?",
        (r"(?i:quality statement scores)",),
        Role.NOT_CONTENT,
    )
    EXPERIENCE_HEADING = (
        enum.auto(),
        "'Summary of people's experiences'",
        _I + r"Summary of people[’'‘`]?s experiences?\s*:?",
        (r"(?i:summary of people)",),
        Role.NOT_CONTENT,
    )
    OVERALL_SCORE = (
        enum.auto(),
        "an 'Overall rating for …: N%' line",
        _I + r"Overall rating for (?P<name>\S.*?):\s*(?P<value>\d+)\s*%",
        (r"(?i:overall rating for )",),
        Role.NOT_CONTENT,
    )
    BULLET = (
        enum.auto(),
        "a bullet item",
        _BULLET_CLASS + r"\s+(?P<text>\S.*)",
        (_BULLET_CLASS + r"\s",),
    )
    #: The authority's name in the rating block written without its bullet.
    RATED_NAME = (enum.auto(), "the authority's name", None, (), Role.PARAGRAPH)
    #: A statement's title in a summary's list of scores written without bullets (its score
    #: line follows): the lexer tells it from a statement page's title by what follows.
    ITEM_TITLE = (
        enum.auto(),
        "a quality statement title in the list of scores",
        None,
        (),
        Role.BY_NEXT_LINE,
    )
    #: A summary's list item holding its title and score on one line ("Assessing needs
    #: Score: 2", a tab or a dash between them), recognised where the list is read.
    SCORED_ITEM = (enum.auto(), "a quality statement title with its score", None, ())
    RATING = (
        enum.auto(),
        "a rating word (Inadequate, Requires improvement, Good, Outstanding)",
    )
    HOW_WE_ASSESS = (
        enum.auto(),
        "'How we assess local authorities'",
        _I + r"How we assess local authorities\s*:?",
        (r"(?i:how we assess local authorities)",),
        Role.OPENS_PAGE,
    )
    START_DATE = (
        enum.auto(),
        "an 'Assessment start date: …' line",
        _I + r"Assessment start date(?=:|\s++\d|$):?\s*(?P<date>.*)",
        (r"(?i:assessment start date)",),
        Role.NOT_CONTENT,
    )
    ASSESSMENT_PUBLISHED = (
        enum.auto(),
        "an 'Assessment published: …' line",
        _I + r"Assessment published(?=:|\s++\d|$):?\s*(?P<date>.*)",
        (r"(?i:assessment published)",),
        Role.NOT_CONTENT,
    )
    DEMOGRAPHICS = (
        enum.auto(),
        "'Demographics'",
        _I + r"Demographics\s*:?",
        (r"(?i:demographics)",),
        Role.NOT_CONTENT,
    )
    FINANCIAL_FACTS = (
        enum.auto(),
        "'Financial facts'",
        _I + r"Financial facts\s*:?",
        (r"(?i:financial facts)",),
        Role.NOT_CONTENT,
    )
    FINANCIAL_INTRO = (
        enum.auto(),
        "'The financial facts for … are:'",
        _I + r"The financial facts for (?P<name>\S.*?) (?:are|is):?",
        (r"(?i:the financial facts for )",),
    )
    ABOUT_HEADING = (
        enum.auto(),
        "an 'About <authority>' heading",
        r"About (?P<name>\S.*)",
        ("About ",),
        Role.HEADING,
    )

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The compiled :attr:`source` (compiled on first use: imports stay cheap)."""
        return re.compile(self.source) if self.source is not None else None


def kinds_with(role: Role) -> frozenset[Kind]:
    """The kinds that have ``role``."""
    return frozenset(kind for kind in Kind if role in kind.roles)


def match(kind: Kind, content: str) -> re.Match[str] | None:
    """``content`` (a stripped line) matched against ``kind``'s own pattern, or ``None``.

    A title also matches in its pilot form (``<X> assessment``); the kinds that context decides
    (a statement title, a sub-heading, a paragraph) have no pattern and match nothing. The
    readers use it to tell where a page starts and ends.
    """
    pattern = kind.pattern
    found = pattern.fullmatch(content) if pattern is not None else None
    if found is None and kind is Kind.TITLE:
        return _get_tables().pilot_title.fullmatch(content)
    return found


#: A line kind with the match of its pattern (``None`` for a kind decided by context).
Candidate = tuple[Kind, "re.Match[str] | None"]

#: A pilot title: "<X> assessment", where X is a name, not the site's own caption "Local
#: authority assessment" (a breadcrumb or page caption before the title).
_PILOT_TITLE_SOURCE: Final = (
    r"(?!(?i:local authority assessment)$)(?P<name>[A-Z][^.:;!?]{0,100}?) assessment"
)


class _Tables:
    """The compiled patterns and the prefilter, built from :class:`Kind` on first use."""

    def __init__(self) -> None:
        title = Kind.TITLE.pattern
        assert title is not None
        self.title = title
        self.title_end = Kind.TITLE.literals[0]
        self.pilot_title = re.compile(_PILOT_TITLE_SOURCE)
        by_literal: dict[str, list[Kind]] = {}
        for kind in Kind:
            if kind.source is not None and Role.LITERAL_AT_END not in kind.roles:
                for literal in kind.literals:
                    by_literal.setdefault(literal, []).append(kind)
        self.literals = tuple(by_literal)
        self._literal_patterns = tuple(re.compile(literal) for literal in self.literals)
        self._first_chars = tuple(_first_char(literal) for literal in self.literals)
        #: For each first character met so far, the literals (group name and pattern) that
        #: can start with it, in order: most lines are ruled out by one lookup.
        self.by_first: dict[str, _Starts] = {}
        #: The own kinds of lines already classified that are not plain paragraphs.
        self.known: dict[str, tuple[Candidate, ...]] = {}
        #: For each group of :attr:`start`: the kinds, their patterns and whether the kind
        #: needs a heading-like line.
        self.by_start: dict[str, tuple[tuple[Kind, re.Pattern[str], bool], ...]] = {
            f"s{number}": tuple(
                (kind, re.compile(kind.source or ""), Role.HEADING in kind.roles) for kind in kinds
            )
            for number, kinds in enumerate(by_literal.values())
        }
        self.score_kinds = kinds_with(Role.SCORE_LINE)
        self.opens_page = kinds_with(Role.OPENS_PAGE)

    @property
    def start(self) -> re.Pattern[str]:
        """One expression of every leading literal, each its own group ``s<number>``."""
        return re.compile(
            "|".join(f"(?P<s{number}>{literal})" for number, literal in enumerate(self.literals))
        )

    def starts_for(self, first: str) -> _Starts:
        """The literals that can start with the character ``first``, in order."""
        found = self.by_first.get(first)
        if found is not None:
            return found
        found = tuple(
            (f"s{number}", self._literal_patterns[number])
            for number, char in enumerate(self._first_chars)
            if char.fullmatch(first)
        )
        if len(self.by_first) < _MAX_FIRST_CHARS:
            self.by_first[first] = found
        return found


#: Leading literals, each with the name of its group in :attr:`_Tables.by_start`.
_Starts = tuple[tuple[str, "re.Pattern[str]"], ...]


def _start(starts: _Starts, content: str) -> str | None:
    """The group of the first of ``starts`` that ``content`` starts with, if any."""
    for group, pattern in starts:
        if pattern.match(content) is not None:
            return group
    return None


#: How many lines :attr:`_Tables.known` remembers at most.
_MAX_KNOWN_LINES: Final = 8192
#: How many distinct first characters :attr:`_Tables.by_first` remembers at most.
_MAX_FIRST_CHARS: Final = 4096


def _first_char(literal: str) -> re.Pattern[str]:
    r"""The pattern of the first character of what ``literal`` matches.

    A literal of :class:`Kind` is a case-insensitive group ``(?i:…)``, a character class, an
    escape such as ``\d``, or plain text.
    """
    if literal.startswith("(?i:"):
        return re.compile(f"(?i:{re.escape(literal[4])})")
    if literal.startswith("["):
        return re.compile(literal[: literal.index("]") + 1])
    if literal.startswith("\\"):
        return re.compile(literal[:2])
    return re.compile(re.escape(literal[0]))


_tables: _Tables | None = None


def _get_tables() -> _Tables:
    global _tables  # noqa: PLW0603 - built once, on first use (module import stays cheap)
    if _tables is None:
        _tables = _Tables()
    return _tables


def _own_kinds(content: str) -> list[Candidate]:
    """The kinds ``content`` (a stripped, non-empty line) has on its own, with their matches."""
    tables = _tables or _get_tables()
    kinds: list[Candidate] = []
    if content.endswith(tables.title_end):
        found = tables.title.fullmatch(content)
        if found is not None:
            kinds.append((Kind.TITLE, found))
    starts = tables.by_first.get(content[0]) or tables.starts_for(content[0])
    group = _start(starts, content) if starts else None
    if group is not None:
        for kind, pattern, heading in tables.by_start[group]:
            found = pattern.fullmatch(content)
            if found is not None and (
                not heading or (is_heading_like(content) and not reads_as_sentence(content))
            ):
                kinds.append((kind, found))
    if _may_be_rating(content) and Rating.from_text(content) is not None:
        kinds.append((Kind.RATING, None))
    if is_i_statement(content):
        kinds.append((Kind.I_STATEMENT, None))
    return kinds


def _may_be_rating(content: str) -> bool:
    """A cheap necessary condition for ``Rating.from_text(content)`` (a non-empty stripped line).

    Folding keeps the first character (casefolded) and the number of whitespace-separated
    words, so a rating word starts with i, r, g or o and has at most two words.
    """
    first = content[0]
    return (first in "igroIGRO" or (not first.isascii() and first.casefold()[0] in "igro")) and (
        len(content.split(None, 2)) <= 2
    )


def classify(lines: tuple[str, ...]) -> list[tuple[Candidate, ...]]:
    """For each line (stripped), the structural kinds it could be, most specific first.

    A blank line has none, and neither has plain text (the lexer makes it a paragraph). Kinds
    that depend on the following line are decided here: a statement title (a heading-like
    line before a score line, or a known title ending the text), a pilot title, and a
    sub-heading: a heading-like line that does not read as a sentence and is no list item,
    before a paragraph (:func:`_is_paragraph`).
    """
    tables = _tables or _get_tables()
    title_end, by_first, known = tables.title_end, tables.by_first, tables.known
    result: list[tuple[Candidate, ...]] = [()] * len(lines)
    first_content = next((i for i, line in enumerate(lines) if line), None)
    listed = _list_items(lines)
    after: int | None = None  # the next non-blank line, whose kinds are already final
    after_kinds: tuple[Kind, ...] = ()
    after_paragraph = False  # whether that line makes a heading-like line a sub-heading
    for index in range(len(lines) - 1, -1, -1):
        content = lines[index]
        if not content:
            continue
        starts = by_first.get(content[0])
        if starts is None:
            starts = tables.starts_for(content[0])
        if (
            # Most lines are paragraphs: no literal starts them, and they are no heading.
            (not starts or _start(starts, content) is None)
            and not content.endswith(title_end)
            and not _may_be_rating(content)
            and not is_heading_like(content)
            and (content[0] not in _I_STARTS or not _may_be_i_statement(content))
        ):
            after, after_kinds, after_paragraph = index, (), True
            continue
        own = known[content] if content in known else _remembered_own_kinds(content, known)
        kinds = own
        broken = not own and malformed(content) is not None
        heading_like = is_heading_like(content)
        # Only a heading-like line without a kind of its own needs the sentence test.
        sentence = (
            heading_like and (not own or own[0][0] is Kind.BULLET) and reads_as_sentence(content)
        )
        if (not own or (len(own) == 1 and own[0][0] is Kind.RATING)) and heading_like:
            following = lines[after] if after is not None else None
            if not broken:
                kinds = _derived_kinds(content, own, index == first_content, following, after_kinds)
            if after_paragraph and not sentence and _may_be_subheading(content, listed[index]):
                kinds = (*kinds, (Kind.SUBHEADING, None))
        result[index] = kinds
        names = tuple(kind for kind, _ in kinds)
        after_paragraph = _is_paragraph(
            content, names, (heading_like, sentence, listed[index]), after_kinds
        )
        after = index
        # A broken score line ("Score: three") still makes the line above a statement title.
        after_kinds = (Kind.SCORE,) if broken else names
    return result


def _remembered_own_kinds(
    content: str, known: dict[str, tuple[Candidate, ...]]
) -> tuple[Candidate, ...]:
    """The own kinds of a line that is not plain text, remembered in ``known``.

    Such lines repeat from page to page ("Score: 3", the headings).
    """
    own = tuple(_own_kinds(content))
    if len(known) < _MAX_KNOWN_LINES:
        known[content] = own
    return own


def _may_be_subheading(content: str, listed: bool) -> bool:
    """Whether a heading-like line that does not read as a sentence may be a sub-heading.

    Not a list item, a list's lead-in (ending in ``:``) or a broken score line.
    """
    return not (
        listed
        or content.endswith(":")
        or _starts_like_bullet(content)
        or malformed(content) is not None
    )


def _is_paragraph(
    content: str,
    kinds: tuple[Kind, ...],
    shape: tuple[bool, bool, bool],
    following: tuple[Kind, ...],
) -> bool:
    """Whether a line reads as a paragraph, making the heading-like line above a sub-heading.

    ``shape`` says whether the line is heading-like, reads as a sentence and is a list item;
    ``following`` holds the kinds of the line after it. A line with no kind does, or a
    bulleted list item (unless a score line follows it: that is a summary's list of statement
    scores), when it is not heading-like, reads as a sentence, is a list's lead-in or a list
    item.
    """
    heading_like, sentence, listed = shape
    if kinds and (kinds != (Kind.BULLET,) or not _score_kinds().isdisjoint(following)):
        return False
    return listed or not heading_like or sentence or content.endswith(":")


def _score_kinds() -> frozenset[Kind]:
    return (_tables or _get_tables()).score_kinds


def _list_items(lines: tuple[str, ...]) -> list[bool]:
    """Which lines are list items: bulleted lines, and the lines after a line ending in ``:``.

    After such a lead-in line, the items are bulleted lines while the first item is bulleted,
    else heading-like plain lines; the list ends at the first line that is not one more item
    (a paragraph, a structural line, another lead-in).
    """
    listed = [False] * len(lines)
    mode: str | None = None  # "lead", "bullets" or "plain"
    for index, content in enumerate(lines):
        if not content or (
            # Most lines: no list open, no bullet, no lead-in.
            mode is None and content[0] not in _BULLET_MARKERS and content[-1] != ":"
        ):
            continue
        bullet = _starts_like_bullet(content)
        if mode == "lead":
            mode = "bullets" if bullet else "plain"
        if (mode == "bullets" and not bullet) or (
            mode == "plain" and (bullet or content.endswith(":") or not is_heading_like(content))
        ):
            mode = None
        if mode == "plain" and _own_kinds(content):
            mode = None
        listed[index] = bullet or mode is not None
        if content.endswith(":") and not _own_kinds(content):
            mode = "lead"
    return listed


def candidates(lines: tuple[str, ...]) -> list[tuple[Kind, ...]]:
    """For each line, the kinds :func:`classify` finds (without their matches)."""
    stripped = tuple(line.strip() for line in lines)
    return [tuple(kind for kind, _ in line) for line in classify(stripped)]


def _derived_kinds(
    content: str,
    kinds: tuple[Candidate, ...],
    first: bool,
    following: str | None,
    following_kinds: tuple[Kind, ...],
) -> tuple[Candidate, ...]:
    """The title kinds of a heading-like line, which depend on the line that follows (if any).

    A pilot title, and a statement title (before a score line, or a known title ending the
    text). Whether the line is a sub-heading, :func:`classify` decides.
    """
    tables = _tables or _get_tables()
    pilot = tables.pilot_title.fullmatch(content)
    if pilot is not None and (first or not tables.opens_page.isdisjoint(following_kinds)):
        kinds = ((Kind.TITLE, pilot), *kinds)
    if not tables.score_kinds.isdisjoint(following_kinds) or (
        following is None and statement_by_title(content) is not None
    ):
        kinds = (*kinds, (Kind.STATEMENT_TITLE, None))
    return kinds


def _starts_like_bullet(content: str) -> bool:
    return content[:1] in _BULLET_MARKERS and content[1:2].isspace()
