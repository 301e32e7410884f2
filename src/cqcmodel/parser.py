"""Text → model: the lazily built Lark parser, its line lexer, and the Transformer to the model.

The grammar (``report.lark``) works on line tokens, whose kinds :class:`cqcmodel.text.Kind`
declares. The lexer here walks the classified lines of :mod:`cqcmodel.text` and, at each line,
asks the LALR parser (through lark's interactive parser) which terminals it can accept next,
so a line is structural only where the grammar expects that structure. Runs of paragraph
lines travel as one token. A :class:`lark.Transformer` runs inside the parser (no parse tree
is built) and makes each rule's model object; the model checks its own rules, and a broken
one becomes a :class:`~cqcmodel.errors.ParseError` at the line that breaks it. Every lark
exception is turned into a ``ParseError`` with the line and column of the offending input.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import os
import pkgutil
import re
import threading
from collections.abc import Callable, Collection, Iterator
from typing import Any, Final, NoReturn

import attrs
from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedToken
from lark.lexer import Lexer

from .errors import ParseError
from .framework import MONTH_NAMES, Rating, Score, fold, is_heading_like, statement_by_title
from .model import (
    About,
    Authority,
    Finding,
    PageDates,
    QualityStatement,
    RuleError,
    Section,
    SetAside,
    StatementScore,
    Summary,
)
from .readers import ReadText, read_file, read_text
from .text import (
    BULLET_MARKERS,
    SCORE_LINE_STARTS,
    Candidate,
    Kind,
    Role,
    SourceText,
    classify,
    kinds_with,
    malformed,
    reads_as_sentence,
    scored_item,
    split_score,
    title_before_score,
)

__all__ = ["LineToken", "parse", "parse_file", "parse_read"]

_MONTHS: Final = {name.casefold(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_DATE: Final = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\s+(?P<year>\d{4})")
#: Paragraph kinds in order of preference where the grammar accepts several (``TEXT`` last).
_TEXT_KINDS: Final = tuple(kind for kind in Kind if Role.PARAGRAPH in kind.roles)
_PARAGRAPH_KINDS: Final = frozenset(_TEXT_KINDS)
#: Paragraph kinds whose token covers a whole run of paragraph lines.
_RUN_KINDS: Final = kinds_with(Role.RUN)
#: Kinds whose token carries its line as a paragraph.
_TEXT_CARRIERS: Final = kinds_with(Role.PARAGRAPH) | kinds_with(Role.KEEPS_TEXT)
#: Kinds that are never content: set aside where the grammar has no place for them.
_NOT_CONTENT: Final = kinds_with(Role.NOT_CONTENT)
_SCORE_LINES: Final = kinds_with(Role.SCORE_LINE)
#: Kinds that may stand before a known statement title that ends the text (``None``: nothing).
_PAGE_HEADER: Final[frozenset[str | None]] = frozenset({None, *kinds_with(Role.PAGE_HEADER)})
_END: Final = "$END"
#: The scores by value less one (a tuple index is cheaper than an enum lookup).
_SCORES: Final = tuple(sorted(Score))
#: :meth:`Score.from_label`, remembered: pages repeat the four labels.
_score_for_label: Final = functools.lru_cache(maxsize=256)(Score.from_label)

#: Kinds the lexer's loop tests for (a module's name is cheaper to look up than an enum's).
_STATEMENT_TITLE: Final = Kind.STATEMENT_TITLE
_SUBHEADING: Final = Kind.SUBHEADING
_RATED_NAME: Final = Kind.RATED_NAME
_ITEM_TITLE: Final = Kind.ITEM_TITLE

#: The characters that may start a list item, and a marker with the space after it.
_MARKER_CHARS: Final = frozenset(BULLET_MARKERS)
_ITEM_MARKER: Final = re.compile("[" + re.escape("".join(BULLET_MARKERS)) + r"][ \t]+")
#: The longest number alone on a line that is set aside (a page number: four digits).
_BARE_NUMBER_LENGTH: Final = 4
#: How much of a published value an error message quotes.
_SHOWN_LENGTH: Final = 60
#: The order of set-aside entries: by position.
_WHERE: Final = operator.attrgetter("line", "column")

_lock = threading.Lock()
_parser: Lark | None = None


def _get_parser() -> Lark:
    """Build the Lark parser on first use (never at import), once per process."""
    global _parser  # noqa: PLW0603 - a lazily built, process-wide singleton
    if _parser is None:
        with _lock:
            if _parser is None:
                # pkgutil (which lark imports anyway) rather than importlib.resources, whose
                # import (with pathlib) costs more than a tenth of a first parse.
                data = pkgutil.get_data(__package__, "report.lark")
                assert data is not None, "report.lark is missing from the package"
                grammar = data.decode("utf-8") + "\n%declare " + " ".join(Kind) + "\n"
                _parser = Lark(
                    grammar,
                    parser="lalr",
                    lexer=_FedLexer,
                    transformer=_ToModel(),
                    strict=True,
                )
    return _parser


# --- the lexer -------------------------------------------------------------------------------


class LineToken(Token):
    """A line token: lark's :class:`~lark.Token` with what the line's classification found.

    ``match`` is the match of the kind's pattern (``None`` for a kind decided by context);
    ``paragraphs`` holds, for a paragraph token, each non-blank line it covers with its line
    number. ``line``/``column`` and ``end_line``/``end_column`` are the token's first and last
    lines (1-based) in the normalised text; ``start_pos``/``end_pos`` are ``None``, since the
    lexer reads lines, not characters.
    """

    __slots__ = ("match", "paragraphs")

    match: re.Match[str] | None
    paragraphs: tuple[tuple[str, int], ...]

    def __new__(  # noqa: PLR0917 - lark's Token arguments, then this class's
        cls,
        type: str,
        value: Any,
        start_pos: int | None = None,
        line: int | None = None,
        column: int | None = None,
        end_line: int | None = None,
        end_column: int | None = None,
        end_pos: int | None = None,
        match: re.Match[str] | None = None,
        paragraphs: tuple[tuple[str, int], ...] = (),
    ) -> LineToken:
        """A token with lark's attributes and this class's (one call: the lexer makes many)."""
        token = str.__new__(cls, value)
        token.type = type
        token.value = value
        token.start_pos = start_pos
        token.line = line
        token.column = column
        token.end_line = end_line
        token.end_column = end_column
        token.end_pos = end_pos
        token.match = match
        token.paragraphs = paragraphs
        return token


class _FedLexer(Lexer):
    """The lexer lark is built with: tokens are fed through the interactive parser instead."""

    def __init__(self, lexer_conf: Any) -> None:
        self.lexer_conf = lexer_conf

    def lex(self, lexer_state: Any, parser_state: Any) -> Iterator[Token]:  # pragma: no cover
        raise NotImplementedError("cqcmodel feeds its line tokens to the interactive parser")


class _Document:
    """What the lexer reads: the normalised lines, stripped once, and their candidate kinds."""

    __slots__ = ("contents", "kinds", "last", "list_next", "set_aside", "source")

    def __init__(self, source: SourceText) -> None:
        self.source = source
        #: Each line without its indentation (normalised lines have no trailing whitespace).
        self.contents = tuple(map(str.lstrip, source.lines))
        self.kinds = classify(self.contents)
        self.last = _last(self.contents)
        #: The lines the lexer could not place, filled while it reads.
        self.set_aside: list[SetAside] = []
        #: Where the next item of a list of scores without bullets would start (-1: none).
        self.list_next = -1

    def column(self, line: int) -> int:
        """The column (1-based) where the content of ``line`` (1-based) starts."""
        return len(self.source.lines[line - 1]) - len(self.contents[line - 1]) + 1


def _tokens(document: _Document, accepted: Callable[[], Collection[str]]) -> Iterator[LineToken]:
    """The document's tokens; ``accepted()`` gives the terminals the parser accepts next."""
    lines = document.source.lines
    contents = document.contents
    kinds = document.kinds
    last = document.last
    count = len(lines)
    index = 0
    previous: str | None = None
    while index < count:
        content = contents[index]
        if not content:
            index += 1
            continue
        options = kinds[index]
        if index == last and previous not in _PAGE_HEADER and _about_heading(options):
            # After a page's content, the about page's heading alone at the end is a link.
            _set_aside_line(
                document, index, "'How we assess local authorities' with nothing after it"
            )
            index += 1
            continue
        if len(content) <= _BARE_NUMBER_LENGTH and content.isdecimal():
            # A number alone (a page number from a copy, a cell torn from its row) is never a
            # sub-heading or a finding. (A "Score:" line's number on the next line is read
            # with it, before this.)
            _set_aside_line(document, index, "a number alone on a line (a page number?)")
            index += 1
            continue
        expected = accepted()
        if not options and content[0] in SCORE_LINE_STARTS:  # may be a broken score line
            joined = _check_not_malformed(document, index, expected)
            if joined is not None:
                # The line after its last (read before yielding: numbering changes the token).
                index = joined.end_line or index + 1
                yield joined
                previous = joined.type
                continue
        kind, found = _choose(options, expected, previous, index == last)
        fits = kind in expected
        if not fits or (
            (kind is _STATEMENT_TITLE or kind is _SUBHEADING or kind is _RATED_NAME)
            and (_ITEM_TITLE in expected or _RATED_NAME in expected)
        ):
            placed = _in_context(document, index, expected, (kind, found))
            if placed is None:
                index += 1
                continue
            kind, found = placed
            fits = kind in expected
        if not fits and _set_aside(document, index, options):
            index += 1
            continue
        end = index
        paragraphs: tuple[tuple[str, int], ...] = ()
        if kind in _RUN_KINDS:
            paragraphs = _run(contents, kinds, index)
            end = paragraphs[-1][1] - 1
        elif kind in _TEXT_CARRIERS:
            paragraphs = ((_item_text(content), index + 1),)
        yield LineToken(
            kind,
            content,
            None,
            index + 1,
            len(lines[index]) - len(content) + 1,
            end + 1,
            len(lines[end]) + 1,
            None,
            found,
            paragraphs,
        )
        previous = kind
        index = end + 1


def _check_not_malformed(
    document: _Document, index: int, accepted: Collection[str]
) -> LineToken | None:
    """Fail at a broken score line (``Score: three``) where the grammar expects a score.

    A score line whose number or label is on the next line ("Score:" then "2") is read: the
    token of the two lines is returned.
    """
    content = document.contents[index]
    wanted = malformed(content)
    if wanted is None or _SCORE_LINES.isdisjoint(accepted):
        return None
    following = _next_content(document.contents, index)
    split = split_score(content, document.contents[following] if following is not None else None)
    if split is not None and split[0] in accepted and following is not None:
        kind, found = split
        assert found is not None
        lines = document.source.lines
        return LineToken(
            kind,
            found.group(),
            None,
            index + 1,
            document.column(index + 1),
            following + 1,
            len(lines[following]) + 1,
            None,
            found,
        )
    raise _PlacedError(f"expected {wanted}, found {_shown(content)}", index + 1, None)


def _next_content(contents: tuple[str, ...], index: int) -> int | None:
    """The index of the first non-blank line after ``index``, if any."""
    for following in range(index + 1, len(contents)):
        if contents[following]:
            return following
    return None


#: What follows a statement page's score line: a summary's list item is never followed by them.
_STATEMENT_BODY: Final = frozenset(
    {
        Kind.SCORE_LABEL,
        Kind.EXPECT_HEADING,
        Kind.I_STATEMENT,
        Kind.COMMITMENT_HEADING,
        Kind.FINDINGS_HEADING,
    }
)
#: Kinds the grammar accepts wherever it accepts a bullet item, as that item without its
#: bullet: messages name the bullet item only.
_BULLET_VARIANTS: Final = frozenset({Kind.ITEM_TITLE, Kind.SCORED_ITEM, Kind.RATED_NAME})
#: The column headings of the list of scores as a table gives them (folded).
_COLUMN_HEADINGS: Final = frozenset({"quality statement", "quality statements", "score", "scores"})


def _in_context(
    document: _Document, index: int, accepted: Collection[str], chosen: Candidate
) -> Candidate | None:
    """The kind of a line where a summary's parts may be written without bullets.

    In the list of scores, a statement title followed by its score line is an item, not a
    statement page, unless what follows the score reads as a statement page's (a label, "What
    people expect", an I-statement, the commitment, "Key findings"; a paragraph or a
    sub-heading too, unless the item before was one without a bullet); so is a line holding
    title and score together (even where it would head a section), and a known statement
    title without a score. After the rating
    heading, a heading-like line that is no statement title, before a structural line (the
    rating, a score, the list), is the name.
    A table's column headings there ("Quality statement", "Score") are set aside (``None``).
    ``chosen`` is what the line would be otherwise.
    """
    content = document.contents[index]
    if Kind.ITEM_TITLE in accepted:
        if fold(content).rstrip(":").strip() in _COLUMN_HEADINGS:
            _set_aside_line(document, index, "a column heading of the list of scores")
            return None
        if chosen[0] is not Kind.STATEMENT_TITLE:
            found = scored_item(content)
            if found is not None:
                following = _next_content(document.contents, index)
                document.list_next = following if following is not None else -1
                return Kind.SCORED_ITEM, found
        if chosen[0] is not Kind.SUBHEADING and _is_list_item(document, index):
            return Kind.ITEM_TITLE, None
    elif Kind.RATED_NAME in accepted and _is_name(document, index):
        return Kind.RATED_NAME, None
    return (Kind.TEXT, None) if chosen[0] is Kind.RATED_NAME else chosen


def _is_list_item(document: _Document, index: int) -> bool:
    """Whether a line of the list of scores is an item without a bullet (:func:`_in_context`)."""
    contents, kinds = document.contents, document.kinds
    score = _next_content(contents, index)
    end = _score_end(document, score)
    if end is None:
        # No score line follows: an item whose score is missing or broken, if a known title
        # in a list without bullets (after a bullet, a title alone starts a statement page).
        content = contents[index]
        if score is not None and not _SCORE_LINES.isdisjoint(k for k, _ in kinds[score]):
            return False  # an indicative score or a label: a statement page's
        if not is_heading_like(content) or statement_by_title(content) is None:
            return False
        if document.list_next != index and not _follows_scores_heading(document, index):
            return False
        document.list_next = score if score is not None else -1
        return True
    after = _next_content(contents, end)
    if after is not None:
        following = {kind for kind, _ in kinds[after]}
        if not _STATEMENT_BODY.isdisjoint(following):
            return False
        # A paragraph or a sub-heading: findings, unless the list goes on (without bullets):
        # the item before had none, or the next line is an item too (a title, scored or not).
        weak = not following or Kind.SUBHEADING in following
        if (
            weak
            and document.list_next != index
            and scored_item(contents[after]) is None
            and statement_by_title(contents[after]) is None
        ):
            return False
    document.list_next = after if after is not None else -1
    return True


def _follows_scores_heading(document: _Document, index: int) -> bool:
    """Whether the line before ``index`` (blank lines apart) is "Quality statement scores"."""
    for before in range(index - 1, -1, -1):
        if document.contents[before]:
            return any(kind is Kind.SCORES_HEADING for kind, _ in document.kinds[before])
    return False


def _score_end(document: _Document, score: int | None) -> int | None:
    """The last line of the ``Score: N`` line at ``score`` (two lines if split), if it is one."""
    if score is None:
        return None
    if any(kind is Kind.SCORE for kind, _ in document.kinds[score]):
        return score
    contents = document.contents
    following = _next_content(contents, score)
    split = split_score(contents[score], contents[following] if following is not None else None)
    return following if split is not None and split[0] is Kind.SCORE else None


def _is_name(document: _Document, index: int) -> bool:
    """Whether a line after the rating heading is the authority's name without its bullet."""
    content = document.contents[index]
    following = _next_content(document.contents, index)
    return (
        is_heading_like(content)
        and not reads_as_sentence(content)
        and statement_by_title(content) is None
        # Before a structural line (the rating, a score, the list, the next page), not text.
        and (following is None or bool(document.kinds[following]))
    )


def _about_heading(options: tuple[Candidate, ...]) -> bool:
    """Whether a line's kinds hold the about page's heading."""
    return any(kind is Kind.HOW_WE_ASSESS for kind, _ in options)


def _set_aside_line(document: _Document, index: int, reason: str) -> None:
    """Record line ``index`` (0-based) as set aside for ``reason``."""
    document.set_aside.append(
        SetAside(
            line=index + 1,
            text=document.contents[index],
            reason=reason,
            column=document.column(index + 1),
        )
    )


def _set_aside(document: _Document, index: int, options: tuple[Candidate, ...]) -> bool:
    """Set the line aside if it is never content (a structural line out of place)."""
    kind = next((kind for kind, _ in options if kind in _NOT_CONTENT), None)
    if kind is None:
        return False
    _set_aside_line(document, index, f"{kind.description} out of place")
    return True


def _choose(
    options: tuple[Candidate, ...], accepted: Collection[str], previous: str | None, is_last: bool
) -> Candidate:
    """The kind of a line: its first acceptable structural kind, else a paragraph kind."""
    for kind, found in options:
        if kind in accepted:
            if kind is Kind.STATEMENT_TITLE and is_last and previous not in _PAGE_HEADER:
                continue
            return kind, found
    if any(kind in _NOT_CONTENT for kind, _ in options):
        return options[0]  # never a paragraph: the lexer sets it aside
    for kind in _TEXT_KINDS:
        if kind in accepted:
            return kind, None
    return options[0] if options else (Kind.TEXT, None)


def _last(lines: tuple[str, ...]) -> int:
    """Index of the last non-blank line (-1 if none)."""
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip():
            return index
    return -1


def _item_text(content: str) -> str:
    """A paragraph line, a list item's marker (``-``, ``*``, ``●``, ``o``, …) written ``• ``.

    Every form gives a list item its own marker (a saved page's ``<li>`` reads ``•``, Word's
    copies ``o`` or U+F0B7, plain text ``-``): the model holds one, so they agree.
    """
    if content[0] not in _MARKER_CHARS:
        return content
    found = _ITEM_MARKER.match(content)
    if found is None or found.end() == len(content):
        return content
    return "• " + content[found.end() :]


def _run(
    contents: tuple[str, ...], kinds: list[tuple[Candidate, ...]], start: int
) -> tuple[tuple[str, int], ...]:
    """The run of plain paragraph lines starting at ``start``, with their line numbers."""
    run = [(_item_text(contents[start]), start + 1)]
    for index in range(start + 1, len(contents)):
        content = contents[index]
        if not content:
            continue
        if kinds[index]:
            break
        run.append((_item_text(content), index + 1))
    return tuple(run)


# --- public API ------------------------------------------------------------------------------


def parse(text: str, *, source: str | None = None, authority: str | None = None) -> Authority:
    """Parse the text of one or more CQC assessment pages of one authority into the model.

    ``source`` names the text in error messages (a path, say). ``authority`` names the
    council of a page without a title line (:func:`~cqcmodel.collect.with_authority`). Raises
    :class:`~cqcmodel.errors.ParseError` for text that is not an assessment page, with the
    line and column of the problem; never a lark exception.
    """
    if not isinstance(text, str):
        msg = f"parse() takes the text as str, not {type(text).__name__}; use parse_file for files"  # type: ignore[unreachable]
        raise TypeError(msg)
    return _named(parse_read(read_text(text, source=source)), authority)


def parse_file(
    path: str | os.PathLike[str], *, encoding: str | None = None, authority: str | None = None
) -> Authority:
    """Read a file (a saved page, or a report's PDF or its text) and parse it.

    The file's path becomes the model's :attr:`~cqcmodel.model.Authority.source` and names it
    in error messages. ``encoding`` overrides the detected encoding; ``authority`` is as for
    :func:`parse`. Bytes that cannot be decoded are a :class:`~cqcmodel.errors.ParseError`
    at their position.
    """
    return _named(parse_read(read_file(path, encoding=encoding)), authority)


def _named(authority: Authority, name: str | None) -> Authority:
    from .collect import with_authority  # noqa: PLC0415 - one rule, kept with loading

    return authority if name is None else with_authority(authority, name)


def parse_read(read: ReadText) -> Authority:
    """Parse what a reader (:mod:`cqcmodel.readers`) produced.

    Errors and the model's line numbers refer to the source (an HTML file's own lines, say)
    through :attr:`~cqcmodel.readers.ReadText.positions`. The lines the reader set aside and
    those the parser could not place are both in :attr:`~cqcmodel.Authority.set_aside`.
    """
    try:
        return _parse_text(read.text, read.source, read)
    except ParseError as error:  # no lark or model exception chained to it: they are ours
        if read.positions is None:
            raise error from None
    except _Renumbered:
        pass
    # The model's lines were the source's, and so were some of the error's: parse the text
    # again, by its own lines, for the error's place in the text, then map that.
    try:
        _parse_text(read.text, read.source)
    except ParseError as error:
        raise read.locate(error) from None
    raise AssertionError("a text that fails by source lines parses by its own")  # pragma: no cover


class _Renumbered(Exception):  # noqa: N818 - a signal, not an error
    """A model rule failed where the model's lines are the source's: the text's are wanted."""


def _parse_text(text: str, source: str | None, read: ReadText | None = None) -> Authority:
    """The model of ``text``; with ``read``, its lines and set-aside entries are the source's."""
    src = SourceText(text, source)
    numbers = None
    if read is not None and read.positions is not None:
        numbers = [line for line, _ in read.positions]
    document = _Document(src)
    if document.last < 0:
        src.error(
            "empty text: expected a CQC local authority assessment page", 1, 1, normalised=False
        )
    interactive = _get_parser().parse_interactive()
    tokens = _tokens(document, interactive.choices)
    if numbers is not None:
        tokens = _numbered(tokens, numbers)
    token: LineToken | None = None
    try:
        for token in tokens:
            interactive.feed_token(token)
        pages = interactive.feed_eof(token)  # type: ignore[no-untyped-call]
    except (UnexpectedToken, _PlacedError) as failure:
        if numbers is not None:  # placed by the source's lines
            raise _Renumbered from None
        if isinstance(failure, UnexpectedToken):
            _translate(failure, src)
        column = failure.column or document.column(failure.line)
        src.error(failure.message, failure.line, column)
    set_aside = tuple(document.set_aside) if read is None else _set_aside_of(document, read)
    try:
        return Authority(source=source, set_aside=set_aside, **pages)
    except ValueError as error:
        if numbers is not None:
            raise _Renumbered from None
        # A rule of the whole model: at the line of the part that breaks it, else at the end.
        part = error.part if isinstance(error, RuleError) else None
        line = getattr(part, "line", None)
        if line is None:
            src.error(str(error), document.last + 1, len(src.lines[document.last]) + 1)
        src.error(str(error), line, document.column(line))


def _numbered(tokens: Iterator[LineToken], numbers: list[int]) -> Iterator[LineToken]:
    """``tokens`` with their lines numbered by ``numbers`` (line *i* is ``numbers[i - 1]``).

    Lines past ``numbers`` (none, from a reader) keep their own numbers.
    """
    count = len(numbers)
    for token in tokens:
        line, end = token.line, token.end_line
        if line is not None and 1 <= line <= count:
            token.line = numbers[line - 1]
        if end is not None and 1 <= end <= count:
            token.end_line = numbers[end - 1]
        if token.paragraphs:
            token.paragraphs = tuple(
                (text, numbers[at - 1] if 1 <= at <= count else at) for text, at in token.paragraphs
            )
        yield token


def _set_aside_of(document: _Document, read: ReadText) -> tuple[SetAside, ...]:
    """What the reader set aside and the lines the parser could not place, in source order."""
    if not read.set_aside and not document.set_aside:
        return ()  # nearly every text
    entries = list(read.set_aside)
    for entry in document.set_aside:
        line, column = read.position(entry.line)
        entries.append(
            SetAside(
                line=line,
                column=column + entry.column - 1,
                text=entry.text,
                reason=entry.reason,
                source=read.source,
            )
        )
    entries.sort(key=_WHERE)
    if read.source is not None and any(entry.source is None for entry in entries):
        entries = [
            entry if entry.source is not None else attrs.evolve(entry, source=read.source)
            for entry in entries
        ]
    return tuple(entries)


def _translate(error: UnexpectedToken, src: SourceText) -> NoReturn:
    """Raise the :class:`ParseError` that says what ``error`` (a lark exception) means."""
    token = error.token
    if token.type == _END:
        last = _last(src.lines)
        line = last + 1 if last >= 0 else 1
        column = len(src.lines[line - 1]) + 1 if last >= 0 else 1
        # Every item of the grammar may end the text: the end is unexpected only where the
        # lexer set every line aside, so that no item was read at all.
        src.error(f"expected {_expected(error)}, found the end of the text", line, column)
    found = Kind[token.type].description
    shown = str(token.value)
    if len(shown) > 40:
        shown = shown[:40] + "…"
    src.error(f"expected {_expected(error)}; found {found} {shown!r}", token.line, token.column)


def _expected(error: UnexpectedToken) -> str:
    """The terminals ``error`` expected, in words."""
    names = sorted(
        {
            Kind[name].description
            for name in error.expected
            if name in Kind.__members__ and name not in _BULLET_VARIANTS
        }
        | ({"the end of the text"} if _END in error.expected else set())
    )
    return _join_or(names) if names else "nothing more"


def _join_or(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " or " + items[-1]


def _integer(digits: str) -> int:
    """The value of a run of decimal digits, however long.

    ``int()`` refuses more than 4,300 digits; such a number is out of every range the format
    has, so any number above them stands for it.
    """
    try:
        return int(digits)
    except ValueError:
        return 10**9


def _shortened(text: str) -> str:
    """``text`` cut for a message when long (a line can be megabytes)."""
    return text if len(text) <= _SHOWN_LENGTH else text[:_SHOWN_LENGTH] + "…"


def _shown(text: str) -> str:
    """``text`` quoted for a message, shortened when long."""
    return repr(_shortened(text))


# --- tokens → model --------------------------------------------------------------------------


class _PlacedError(Exception):
    """A value the model cannot take, at a line and column of the normalised text.

    A ``column`` of ``None`` stands for the column where the line's content starts.
    """

    def __init__(self, message: str, line: int, column: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _fail(message: str, token: Token, offset: int = 0) -> NoReturn:
    raise _PlacedError(message, token.line or 1, (token.column or 1) + offset)


def _group(token: LineToken, name: str) -> tuple[str | None, int]:
    """A named group of the token's match, and its column offset in the line."""
    found = token.match
    assert found is not None, f"{token.type} tokens carry their match"
    value = found.group(name)
    return value, (found.start(name) if value is not None else 0)


def _findings(lines: tuple[LineToken, ...]) -> tuple[Finding, ...]:
    """Key findings: paragraphs, each under the sub-heading before it (if any)."""
    result: list[Finding] = []
    heading: str | None = None
    for token in lines:
        if token.type == Kind.SUBHEADING:
            heading = str(token)
        else:
            result.extend(
                Finding(text=text, heading=heading, line=line) for text, line in token.paragraphs
            )
    return tuple(result)


def _texts(tokens: tuple[LineToken, ...]) -> tuple[str, ...]:
    """Paragraph texts from paragraph or bullet tokens."""
    result: list[str] = []
    for token in tokens:
        if token.type == Kind.BULLET:
            result.append(_bullet_text(token))
        else:
            result.extend(text for text, _ in token.paragraphs)
    return tuple(result)


def _bullet_text(token: LineToken) -> str:
    text, _ = _group(token, "text")
    assert text is not None
    return text.strip()


def _date(token: LineToken, group: str) -> dt.date | None:
    """The date in ``group`` of the token's match (``None`` when the group is empty)."""
    text, offset = _group(token, group)
    if text is None or not text.strip():
        return None
    found = _DATE.fullmatch(text.strip())
    if found is None:
        _fail(f"expected a date like '17 May 2024', found {_shown(text.strip())}", token, offset)
    month = _MONTHS.get(found["month"].casefold())
    if month is None:
        _fail(f"unknown month {_shown(found['month'])}", token, offset + found.start("month"))
    try:
        return dt.date(int(found["year"]), month, int(found["day"]))
    except ValueError:
        _fail(f"no such date: {_shown(text.strip())}", token, offset)


def _score_value(token: LineToken) -> Score:
    """The statement score (1–4) in the token's ``value`` group."""
    value, offset = _group(token, "value")
    assert value is not None
    number = _integer(value)
    if not 1 <= number <= 4:
        _fail(f"{_shortened(value)} is not a valid score (1–4)", token, offset)
    if token.endswith("%"):
        _fail("a statement score is a number 1–4, not a percentage", token, offset)
    return _SCORES[number - 1]


def _score_in(token: LineToken, found: re.Match[str], offset: int) -> Score:
    """The score that ``found`` (a match on the token's text from ``offset``) holds."""
    value = found.group("value")
    number = _integer(value)
    if not 1 <= number <= 4:
        _fail(
            f"{_shortened(value)} is not a valid score (1–4)", token, offset + found.start("value")
        )
    return _SCORES[number - 1]


def _labelled(label: LineToken, score: Score | None) -> Score:
    """The score of a score label line, checked against its words and the score line's."""
    labelled = _score_value(label)
    words, words_offset = _group(label, "label")
    assert words is not None
    named = _score_for_label(words)
    if named is None:
        _fail(
            f"unknown score label {_shown(words)}: expected one of "
            + "; ".join(f"'{s.value} - {s.label}'" for s in Score),
            label,
            words_offset,
        )
    if named != labelled:
        _fail(
            f"score label {_shown(words)} is the label of {named.value}, not {labelled.value}",
            label,
            words_offset,
        )
    if score is not None and labelled != score:
        _, offset = _group(label, "value")
        _fail(
            f"score label says {labelled.value} but the score line says {score.value}",
            label,
            offset,
        )
    return labelled


def _built(cls: Callable[..., Any], token: Token, /, **fields: Any) -> Any:
    """``cls(**fields)``, a failed rule of the model placed where it is broken.

    That is the line of a part that breaks it (a summary item listed twice), else ``token``.
    """
    try:
        return cls(**fields)
    except ValueError as error:
        part = error.part if isinstance(error, RuleError) else None
        line = getattr(part, "line", None) if type(part) is not cls else None
        if line is not None:
            raise _PlacedError(str(error), line, None) from None
        _fail(str(error), token)


#: A statement's score and whether it is indicative.
_ScoreValue = tuple[Score | None, bool]


@v_args(inline=True)
class _ToModel(Transformer[LineToken, Any]):
    """Makes the model from the rules of ``report.lark``, one method per rule or alternative.

    It runs inside the LALR parser (lark's ``transformer=`` option), so no parse tree is
    built; it keeps no state, so one instance serves every parse and thread. Values the
    grammar cannot check (numbers, dates, labels) are checked here, and the model checks the
    rules that span fields.
    """

    def start(self, *items: Any) -> dict[str, Any]:
        """The fields of the :class:`~cqcmodel.model.Authority` the items make."""
        name: str | None = None
        name_line = 0
        pilot = False
        page_dates: list[PageDates] = []
        statements: list[QualityStatement] = []
        summary: Summary | None = None
        about: About | None = None
        for item in items:
            if isinstance(item, _Title):
                if name is None:
                    name, name_line = item.name, item.token.line or 0
                elif fold(item.name) != fold(name):
                    _fail(
                        f"this text holds pages of two authorities: {_shown(name)} "
                        f"(line {name_line}) and {_shown(item.name)}",
                        item.token,
                    )
                pilot = pilot or item.pilot
            elif isinstance(item, PageDates):
                page_dates.append(item)
            elif isinstance(item, QualityStatement):
                statements.append(item)
            elif isinstance(item, Summary):
                if summary is not None:
                    msg = f"a second summary in one text (the first is at line {summary.line})"
                    raise _PlacedError(msg, item.line or 1, None)
                summary = item
            elif isinstance(item, About):
                if about is not None:
                    msg = f"a second about section in one text (the first is at line {about.line})"
                    raise _PlacedError(msg, item.line or 1, None)
                about = item
        return {
            "name": name,
            "indicative": pilot or any(s.indicative for s in statements),
            "page_dates": tuple(page_dates),
            "about": about,
            "summary": summary,
            "statements": tuple(statements),
        }

    def title(self, token: LineToken) -> _Title:
        """A title line: the authority's name, and whether the page is a pilot's."""
        name, _ = _group(token, "name")
        assert name is not None
        pilot = not token.casefold().endswith("local authority assessment")
        return _Title(name=name.strip(), pilot=pilot, token=token)

    def published(self, token: LineToken) -> PageDates:
        """A ``Published: … Page last updated: …`` line."""
        published = _date(token, "published")
        if published is None:
            _fail("expected a date after 'Published:'", token, len(token))
        return PageDates(published=published, updated=_date(token, "updated"), line=token.line)

    # statement pages

    def statement(
        self,
        title: LineToken,
        score: _ScoreValue | None,
        expect: tuple[str, ...] | None,
        commitment: str | None,
        findings: tuple[Finding, ...] | None,
    ) -> QualityStatement:
        """A quality statement page."""
        value, indicative = score or (None, False)
        return _built(  # type: ignore[no-any-return]
            QualityStatement,
            title,
            title=str(title),
            score=value,
            indicative=indicative,
            people_expect=expect or (),
            commitment=commitment,
            findings=findings or (),
            line=title.line,
        )

    def numbered_score(self, score: LineToken, label: LineToken | None) -> _ScoreValue:
        """``Score: N``, optionally followed by its label line."""
        value = _score_value(score)
        return (_labelled(label, value) if label is not None else value), False

    def indicative_score(self, score: LineToken, label: LineToken | None) -> _ScoreValue:
        """``Indicative score:`` (a number optional), optionally followed by its label line."""
        value = _score_value(score) if _group(score, "value")[0] else None
        return (_labelled(label, value) if label is not None else value), True

    def labelled_score(self, label: LineToken) -> _ScoreValue:
        """A score label line alone (``3 - Evidence shows a good standard``)."""
        return _labelled(label, None), False

    def expect(self, _heading: LineToken, *texts: LineToken) -> tuple[str, ...]:
        """The "What people expect" lines."""
        return _texts(texts)

    def recovered_expect(self, *texts: LineToken) -> tuple[str, ...]:
        """The framework's I-statements where the page leaves out their heading."""
        return _texts(texts)

    def commitment(self, _heading: LineToken, text: LineToken | None) -> str | None:
        """The local authority commitment (the we-statement), if given."""
        return str(text) if text is not None else None

    def headed_findings(self, _heading: LineToken, *lines: LineToken) -> tuple[Finding, ...]:
        """Key findings after their heading."""
        return _findings(lines)

    def findings(self, *lines: LineToken) -> tuple[Finding, ...]:
        """Key findings without their heading."""
        return _findings(lines)

    # summary page

    def summary(
        self,
        first: LineToken,
        rating_block: tuple[str | None, Rating | None] | None,
        overall: _Percentage | None,
        scores: tuple[StatementScore, ...] | None,
        experience: tuple[str, ...] | None,
        *sections: Section,
    ) -> Summary:
        """The summary page."""
        name, rating = rating_block or (None, None)
        percentage, short_name, token = overall or (None, None, first)
        summary: Summary = _built(
            Summary,
            token,
            name=name,
            rating=rating,
            percentage=percentage,
            short_name=short_name,
            statement_scores=scores or (),
            people_experience=experience or (),
            sections=sections,
            line=first.line,
        )
        return summary

    def rating_block(
        self, _heading: LineToken, bullet: LineToken | None, rating: LineToken | None
    ) -> tuple[str | None, Rating | None]:
        """The authority's name and the published rating word."""
        name = None
        if bullet is not None:
            name = _bullet_text(bullet) if bullet.type == Kind.BULLET else str(bullet)
        return name, (Rating.from_text(rating) if rating is not None else None)

    def score_percentage(self, token: LineToken) -> _Percentage:
        """``Score: 64%`` on a summary page."""
        return _percentage(token), None, token

    def named_percentage(self, token: LineToken) -> _Percentage:
        """``Overall rating for <short name>: 64%``."""
        short_name, _ = _group(token, "name")
        return _percentage(token), (short_name.strip() if short_name else None), token

    def scores(self, _heading: LineToken, *items: StatementScore) -> tuple[StatementScore, ...]:
        """The "Quality statement scores" list."""
        return items

    def score_item(self, bullet: LineToken, score: LineToken | None) -> StatementScore:
        """One statement's title, and its score when published (on its line or the next)."""
        title, offset = _group(bullet, "text")
        assert title is not None
        title = title.strip()
        found = scored_item(title) if score is None else None
        if found is None:
            value = _score_value(score) if score is not None else None
            return StatementScore(title=title, score=value, line=bullet.line)
        value = _score_in(bullet, found, offset)
        return StatementScore(title=title_before_score(title, found), score=value, line=bullet.line)

    def plain_score_item(self, title: LineToken, score: LineToken | None) -> StatementScore:
        """An item of a list of scores written without bullets: the title line, its score."""
        value = _score_value(score) if score is not None else None
        return StatementScore(title=str(title), score=value, line=title.line)

    def scored_item(self, item: LineToken) -> StatementScore:
        """An item holding its title and its score on one line, without a bullet."""
        assert item.match is not None
        title = title_before_score(str(item), item.match)
        return StatementScore(title=title, score=_score_value(item), line=item.line)

    def experience(self, _heading: LineToken, *texts: LineToken) -> tuple[str, ...]:
        """The paragraphs under "Summary of people's experiences"."""
        return _texts(texts)

    def section(self, heading: LineToken, *texts: LineToken) -> Section:
        """A further headed section of the summary."""
        return _built(  # type: ignore[no-any-return]
            Section, heading, heading=str(heading), paragraphs=_texts(texts), line=heading.line
        )

    # about page

    def about(  # noqa: PLR0917 - one argument per symbol of the rule
        self,
        how: LineToken,
        started: LineToken | None,
        published: LineToken | None,
        intro: tuple[str, ...],
        subject: tuple[str | None, tuple[str, ...]] | None,
        financial: tuple[str | None, tuple[str, ...]] | None,
    ) -> About:
        """The about page."""
        name, demographics = subject or (None, ())
        financial_intro, facts = financial or (None, ())
        return About(
            started=_date(started, "date") if started is not None else None,
            published=_date(published, "date") if published is not None else None,
            introduction=intro,
            subject=name,
            demographics=demographics,
            financial_intro=financial_intro,
            financial_facts=facts,
            line=how.line,
        )

    def intro(self, *texts: LineToken) -> tuple[str, ...]:
        """The paragraphs under "How we assess local authorities"."""
        return _texts(texts)

    def named_subject(
        self, heading: LineToken, _demographics: LineToken | None, *texts: LineToken
    ) -> tuple[str | None, tuple[str, ...]]:
        """``About <name>`` and the paragraphs about the area."""
        name, _ = _group(heading, "name")
        return (name.strip() if name else None), _texts(texts)

    def demographics(
        self, _heading: LineToken, *texts: LineToken
    ) -> tuple[str | None, tuple[str, ...]]:
        """The "Demographics" heading and the paragraphs under it."""
        return None, _texts(texts)

    def financial(
        self, _heading: LineToken, intro: LineToken | None, *facts: LineToken
    ) -> tuple[str | None, tuple[str, ...]]:
        """The "Financial facts" heading, the line introducing them, and the facts."""
        return (str(intro) if intro is not None else None), _texts(facts)


@attrs.frozen
class _Title:
    """What a title line says."""

    name: str
    pilot: bool
    token: LineToken


#: A summary's percentage, its short name and the token that publishes them.
_Percentage = tuple[int, str | None, LineToken]


def _percentage(token: LineToken) -> int:
    value, offset = _group(token, "value")
    assert value is not None
    number = _integer(value)
    if number > 100:
        _fail(f"{_shortened(value)}% is not a percentage (0–100)", token, offset)
    return number
