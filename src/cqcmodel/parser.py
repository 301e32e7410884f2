"""Text → model: the lazily built Lark parser, its line lexer, and the tree → model builder.

The grammar (``report.lark``) works on line tokens. The lexer here walks the classified lines
of :mod:`cqcmodel.text` and, at each line, asks the LALR parser which terminals it can accept
next, so a line is structural only where the grammar expects that structure. Runs of
paragraph lines travel as one token. Every lark exception is turned into a
:class:`~cqcmodel.errors.ParseError` with the line and column of the offending input.
"""

from __future__ import annotations

import datetime as dt
import os
import pkgutil
import re
import threading
from collections.abc import Iterator, Sequence
from typing import Any, Final, NoReturn

import attrs
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from .errors import ParseError
from .framework import MONTH_NAMES, Rating, Score, fold, rating_for_percentage
from .model import (
    About,
    Authority,
    Finding,
    PageDates,
    QualityStatement,
    Section,
    StatementScore,
    Summary,
)
from .readers import ReadText, read_file, read_text
from .text import DESCRIPTIONS, Kind, SourceText, candidates, match

__all__ = ["parse", "parse_file"]

_MONTHS: Final = {name.casefold(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_DATE: Final = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\s+(?P<year>\d{4})")
#: Kinds that are followed by exactly one paragraph line of their own.
_SINGLE_LINE_TEXT: Final = (Kind.COMMITMENT_TEXT,)
#: Paragraph kinds in order of preference where the grammar accepts several.
_TEXT_KINDS: Final = (Kind.COMMITMENT_TEXT, Kind.EXPECT_TEXT, Kind.TEXT)
#: Paragraph kinds whose token covers a whole run of paragraph lines.
_RUN_KINDS: Final = frozenset(_TEXT_KINDS).difference(_SINGLE_LINE_TEXT)
#: Kinds that may stand before a known statement title that ends the text.
_PAGE_HEADER: Final = frozenset({None, Kind.TITLE, Kind.PUBLISHED, Kind.DOWNLOADS})

#: How much of a published value an error message quotes.
_SHOWN_LENGTH: Final = 60

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
                grammar = data.decode("utf-8")
                _parser = Lark(grammar, parser="lalr", lexer=_make_lexer_class(), strict=True)
    return _parser


# --- the lexer -------------------------------------------------------------------------------


class _Document:
    """What the lexer reads: the normalised lines, stripped once, and their candidate kinds."""

    __slots__ = ("contents", "kinds", "last", "source")

    def __init__(self, source: SourceText) -> None:
        self.source = source
        #: Each line without its indentation (normalised lines have no trailing whitespace).
        self.contents = tuple(map(str.lstrip, source.lines))
        self.kinds = candidates(self.contents)
        self.last = _last(self.contents)


def _make_lexer_class() -> type[Any]:

    class LineLexer(Lexer):
        """Offers each line as the first of its kinds that the parser accepts next."""

        __future_interface__ = 1

        def __init__(self, lexer_conf: Any) -> None:
            self.lexer_conf = lexer_conf

        def lex(self, lexer_state: Any, parser_state: Any) -> Iterator[Token]:
            document: _Document = lexer_state.text
            lines = document.source.lines
            contents = document.contents
            kinds = document.kinds
            table = parser_state.parse_conf.parse_table.states
            count = len(lines)
            index = 0
            previous: str | None = None
            last = document.last
            while index < count:
                content = contents[index]
                if not content:
                    index += 1
                    continue
                accepted = table[parser_state.position]
                kind = _choose(kinds[index], accepted, previous, index == last)
                end = index
                if kind in _RUN_KINDS:
                    end = _run_end(contents, kinds, index)
                # type, value, start_pos, line, column, end_line, end_column, end_pos
                yield Token(
                    kind,
                    content,
                    index,
                    index + 1,
                    len(lines[index]) - len(content) + 1,
                    end + 1,
                    len(lines[end]) + 1,
                    end,
                )
                previous = kind
                index = end + 1

    return LineLexer


def _choose(options: tuple[str, ...], accepted: Any, previous: str | None, is_last: bool) -> str:
    """The kind of a line: its first acceptable structural kind, else a paragraph kind."""
    for kind in options:
        if kind in accepted:
            if kind == Kind.STATEMENT_TITLE and is_last and previous not in _PAGE_HEADER:
                continue
            return kind
    for kind in _TEXT_KINDS:
        if kind in accepted:
            return kind
    return options[0] if options else Kind.TEXT


def _last(lines: Sequence[str]) -> int:
    """Index of the last non-blank line (-1 if none)."""
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip():
            return index
    return -1


def _run_end(contents: tuple[str, ...], kinds: list[tuple[str, ...]], start: int) -> int:
    """Index of the last line of the run of plain paragraph lines starting at ``start``."""
    end = start
    for index in range(start + 1, len(contents)):
        if not contents[index]:
            continue
        if kinds[index]:
            break
        end = index
    return end


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
    through :attr:`~cqcmodel.readers.ReadText.positions`.
    """
    try:
        authority = _parse_text(read.text, read.source)
    except ParseError as error:
        located = read.locate(error)
        if located is error:
            raise
        raise located from None
    if read.positions is not None:
        authority = _relocated(authority, read)
    if read.set_aside:
        authority = attrs.evolve(authority, set_aside=read.set_aside)
    return authority


def _parse_text(text: str, source: str | None) -> Authority:
    src = SourceText(text, source)
    document = _Document(src)
    if document.last < 0:
        src.error(
            "empty text: expected a CQC local authority assessment page", 1, 1, normalised=False
        )
    try:
        tree = _get_parser().parse(document)
    except UnexpectedInput as error:
        _translate(error, src)
    return _Builder(src, document.contents).authority(tree)


def _relocated(node: Any, read: ReadText) -> Any:
    """``node`` (a model object, or a tuple of them) with every ``line`` mapped to the source."""
    if isinstance(node, tuple):
        return tuple(_relocated(item, read) for item in node)
    if not attrs.has(type(node)):
        return node
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(node)):
        value = getattr(node, field.name)
        if field.name == "line" and isinstance(value, int):
            changes["line"] = read.position(value)[0]
        elif isinstance(value, tuple) or attrs.has(type(value)):
            moved = _relocated(value, read)
            if moved is not value:
                changes[field.name] = moved
    return attrs.evolve(node, **changes) if changes else node


def _translate(error: Exception, src: SourceText) -> NoReturn:
    """Raise the :class:`ParseError` that says what ``error`` (a lark exception) means."""
    if isinstance(error, UnexpectedToken):
        token = error.token
        expected = sorted(
            {DESCRIPTIONS.get(name, name) for name in error.expected if name in DESCRIPTIONS}
        )
        wanted = _join_or(expected) if expected else "nothing more"
        if token.type == "$END":
            last = _last(src.lines)
            line = last + 1 if last >= 0 else 1
            column = len(src.lines[line - 1]) + 1 if last >= 0 else 1
            src.error(f"expected {wanted}, found the end of the text", line, column)
        found = DESCRIPTIONS.get(token.type, token.type)
        shown = str(token.value)
        if len(shown) > 40:
            shown = shown[:40] + "…"
        src.error(f"expected {wanted}; found {found} {shown!r}", token.line, token.column)
    src.error(f"cannot parse this text ({type(error).__name__})", 1, 1)  # pragma: no cover


def _token(node: Token | Tree[Token] | None) -> Token | None:
    """A child that the grammar makes a token (or an absent optional one)."""
    assert not isinstance(node, Tree)
    return node


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


def _join_or(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " or " + items[-1]


# --- tree → model ----------------------------------------------------------------------------


class _Builder:
    """Builds the model from the parse tree, checking what the grammar cannot (values, dates)."""

    def __init__(self, src: SourceText, contents: tuple[str, ...]) -> None:
        self.src = src
        self.contents = contents
        self.name: str | None = None
        self.name_line = 0
        self.pilot = False
        self.page_dates: list[PageDates] = []
        self.statements: list[QualityStatement] = []
        self.statement_lines: dict[object, int] = {}
        self.summary: Summary | None = None
        self.about: About | None = None

    # helpers

    def fail(self, message: str, token: Token, offset: int = 0) -> NoReturn:
        self.src.error(message, token.line or 1, (token.column or 1) + offset)
        raise AssertionError("unreachable")  # pragma: no cover

    def group(self, token: Token, name: str) -> tuple[str | None, int]:
        """A named group of the token's pattern, and its column offset in the line."""
        found = match(token.type, str(token))
        if found is None:  # pragma: no cover - the lexer chose the kind by this pattern
            self.fail(f"internal: {token.type} does not match", token)
        value = found.group(name)
        return value, (found.start(name) if value is not None else 0)

    def paragraphs(self, token: Token) -> list[tuple[str, int]]:
        """The stripped non-blank lines a paragraph token covers, with their line numbers."""
        start = (token.line or 1) - 1
        end = token.end_line or start + 1
        contents = self.contents
        return [(contents[index], index + 1) for index in range(start, end) if contents[index]]

    def date(self, token: Token, group: str) -> dt.date | None:
        text, offset = self.group(token, group)
        if text is None or not text.strip():
            return None
        found = _DATE.fullmatch(text.strip())
        if found is None:
            self.fail(
                f"expected a date like '17 May 2024', found {_shown(text.strip())}", token, offset
            )
        month = _MONTHS.get(found["month"].casefold())
        if month is None:
            self.fail(
                f"unknown month {_shown(found['month'])}", token, offset + found.start("month")
            )
        try:
            return dt.date(int(found["year"]), month, int(found["day"]))
        except ValueError:
            self.fail(f"no such date: {_shown(text.strip())}", token, offset)

    # the document

    def authority(self, tree: Tree[Token]) -> Authority:

        for child in tree.children:
            if isinstance(child, Token):
                continue  # Downloads, the footer: structural lines with no content
            assert isinstance(child, Tree)
            getattr(self, f"on_{child.data}")(child)
        if not self.statements and self.summary is None and self.about is None:
            last = _last(self.src.lines)
            line = last + 1
            self.src.error(
                "expected the content of a page (a quality statement, summary or about "
                "section) after the page header, found the end of the text",
                line,
                len(self.src.lines[last]) + 1,
            )
        pages = len(self.statements) + (self.summary is not None) + (self.about is not None)
        if len(self.page_dates) > pages:
            extra = self.page_dates[pages].line or 1
            self.src.error(
                f"{len(self.page_dates)} 'Published:' lines for {pages} "
                f"{'page' if pages == 1 else 'pages'}: each page has at most one",
                extra,
                len(self.src.lines[extra - 1]) - len(self.contents[extra - 1]) + 1,
            )
        return Authority(
            name=self.name,
            indicative=self.pilot or any(s.indicative for s in self.statements),
            page_dates=tuple(self.page_dates),
            about=self.about,
            summary=self.summary,
            statements=tuple(self.statements),
            source=self.src.source,
        )

    def on_title(self, tree: Tree[Token]) -> None:
        (token,) = tree.children
        assert not isinstance(token, Tree)
        found = match(Kind.TITLE, str(token))
        assert found is not None
        name = found["name"].strip()
        pilot = not str(token).casefold().endswith("local authority assessment")
        if self.name is None:
            self.name, self.name_line = name, token.line or 0
        elif fold(name) != fold(self.name):
            self.fail(
                f"this text holds pages of two authorities: {_shown(self.name)} "
                f"(line {self.name_line}) and {_shown(name)}",
                token,
            )
        self.pilot = self.pilot or pilot

    def on_published(self, tree: Tree[Token]) -> None:
        (token,) = tree.children
        assert not isinstance(token, Tree)
        published = self.date(token, "published")
        if published is None:
            self.fail("expected a date after 'Published:'", token, len(str(token)))
        self.page_dates.append(
            PageDates(published=published, updated=self.date(token, "updated"), line=token.line)
        )

    # statement pages

    def on_statement(self, tree: Tree[Token]) -> None:
        title_token, score_tree, expect_tree, commitment_tree, findings_tree = tree.children
        assert not isinstance(title_token, Tree) and title_token is not None
        title = str(title_token)
        score, indicative = self.score(score_tree)
        people_expect: tuple[str, ...] = ()
        if expect_tree is not None:
            assert not isinstance(expect_tree, Token)
            people_expect = tuple(
                text
                for token in expect_tree.children[1:]
                for text, _ in self.paragraphs(token)  # type: ignore[arg-type]
            )
        commitment = None
        if commitment_tree is not None:
            assert not isinstance(commitment_tree, Token)
            value = commitment_tree.children[1]
            commitment = str(value) if value is not None else None
        findings = self.findings(findings_tree) if findings_tree is not None else ()
        statement = QualityStatement(
            title=title,
            score=score,
            indicative=indicative,
            people_expect=people_expect,
            commitment=commitment,
            findings=findings,
            line=title_token.line,
        )
        key = statement.statement_id or fold(title)
        if key in self.statement_lines:
            self.fail(
                f"statement {title!r} appears twice in one text "
                f"(first at line {self.statement_lines[key]})",
                title_token,
            )
        self.statement_lines[key] = title_token.line or 0
        self.statements.append(statement)

    def score(self, tree: Tree[Token] | Token | None) -> tuple[Score | None, bool]:

        if tree is None:
            return None, False
        assert not isinstance(tree, Token)
        first = _token(tree.children[0])
        label = _token(tree.children[1]) if len(tree.children) > 1 else None
        if first is not None and first.type == Kind.SCORE_LABEL:
            first, label = None, first
        indicative = first is not None and first.type == Kind.INDICATIVE
        score: Score | None = None
        if first is not None:
            value, offset = self.group(first, "value")
            if value:
                score = self.score_value(value, first, offset, percent_ok=False)
        if label is not None:
            value, offset = self.group(label, "value")
            assert value is not None
            labelled = self.score_value(value, label, offset, percent_ok=False)
            words, words_offset = self.group(label, "label")
            assert words is not None
            named = Score.from_label(words)
            if named is None:
                self.fail(
                    f"unknown score label {_shown(words)}: expected one of "
                    + "; ".join(f"'{s.value} - {s.label}'" for s in Score),
                    label,
                    words_offset,
                )
            if named != labelled:
                self.fail(
                    f"score label {_shown(words)} is the label of {named.value}, "
                    f"not {labelled.value}",
                    label,
                    words_offset,
                )
            if score is not None and labelled != score:
                self.fail(
                    f"score label says {labelled.value} but the score line says {score.value}",
                    label,
                    offset,
                )
            score = labelled
        return score, indicative

    def score_value(self, value: str, token: Token, offset: int, *, percent_ok: bool) -> Score:
        number = _integer(value)
        if not 1 <= number <= 4:
            self.fail(f"{_shortened(value)} is not a valid score (1–4)", token, offset)
        if not percent_ok and str(token).rstrip().endswith("%"):
            self.fail("a statement score is a number 1–4, not a percentage", token, offset)
        return Score(number)

    def findings(self, tree: Tree[Token] | Token) -> tuple[Finding, ...]:

        assert not isinstance(tree, Token)
        result: list[Finding] = []
        heading: str | None = None
        for token in tree.children:
            assert isinstance(token, Token)
            if token.type == Kind.FINDINGS_HEADING:
                continue
            if token.type == Kind.SUBHEADING:
                heading = str(token)
                continue
            result.extend(
                Finding(text=text, heading=heading, line=line)
                for text, line in self.paragraphs(token)
            )
        return tuple(result)

    # summary page

    def on_summary(self, tree: Tree[Token]) -> None:
        # The grammar opens every summary with its "Overall summary" line.
        first = _token(tree.children[0])
        assert first is not None
        rating_tree, overall_tree, scores_tree, experience_tree, *section_trees = tree.children[1:]
        if self.summary is not None:
            self.fail(
                f"a second summary in one text (the first is at line {self.summary.line})", first
            )
        name = rating = None
        if rating_tree is not None:
            assert not isinstance(rating_tree, Token)
            _, bullet, rating_token = rating_tree.children
            if bullet is not None:
                name = self.bullet_text(bullet)  # type: ignore[arg-type]
            if rating_token is not None:
                rating = Rating.from_text(str(rating_token))
        percentage, short_name = self.overall(overall_tree)
        if rating is not None and percentage is not None:
            band = rating_for_percentage(percentage)
            if band is not rating:
                assert isinstance(overall_tree, Tree)
                self.fail(
                    f"the rating {rating.value!r} contradicts the published percentage "
                    f"{percentage}%, whose band is {band.value!r}",
                    _token(overall_tree.children[0]) or Token(Kind.SCORE, ""),
                )
        statement_scores: list[StatementScore] = []
        if scores_tree is not None:
            assert not isinstance(scores_tree, Token)
            for item in scores_tree.children[1:]:
                assert not isinstance(item, Token)
                bullet, score_token = item.children
                assert isinstance(bullet, Token)
                score = None
                if score_token is not None:
                    assert isinstance(score_token, Token)
                    value, offset = self.group(score_token, "value")
                    assert value is not None
                    score = self.score_value(value, score_token, offset, percent_ok=False)
                statement_scores.append(
                    StatementScore(title=self.bullet_text(bullet), score=score, line=bullet.line)
                )
        experience: tuple[str, ...] = ()
        if experience_tree is not None:
            assert not isinstance(experience_tree, Token)
            experience = self.texts(experience_tree.children[1:])
        sections = []
        for section in section_trees:
            assert not isinstance(section, Token)
            heading, *paras = section.children
            assert isinstance(heading, Token)
            sections.append(
                Section(heading=str(heading), paragraphs=self.texts(paras), line=heading.line)
            )
        self.summary = Summary(
            name=name,
            rating=rating,
            percentage=percentage,
            short_name=short_name,
            statement_scores=tuple(statement_scores),
            people_experience=experience,
            sections=tuple(sections),
            line=first.line,
        )

    def overall(self, tree: Tree[Token] | Token | None) -> tuple[int | None, str | None]:

        if tree is None:
            return None, None
        assert not isinstance(tree, Token)
        (token,) = tree.children
        assert isinstance(token, Token)
        value, offset = self.group(token, "value")
        assert value is not None
        number = _integer(value)
        if number > 100:
            self.fail(f"{_shortened(value)}% is not a percentage (0–100)", token, offset)
        short_name = None
        if token.type == Kind.OVERALL_SCORE:
            short_name, _ = self.group(token, "name")
            short_name = short_name.strip() if short_name else None
        return number, short_name

    def bullet_text(self, token: Token) -> str:
        text, _ = self.group(token, "text")
        assert text is not None
        return text.strip()

    def texts(self, tokens: list[Any]) -> tuple[str, ...]:
        """Paragraph texts from a list of paragraph or bullet tokens."""
        result: list[str] = []
        for token in tokens:
            if token.type == Kind.BULLET:
                result.append(self.bullet_text(token))
            else:
                result.extend(text for text, _ in self.paragraphs(token))
        return tuple(result)

    # about page

    def on_about(self, tree: Tree[Token]) -> None:

        how, started_token, published_token, intro, subject_tree, financial_tree = tree.children
        assert isinstance(how, Token)
        if self.about is not None:
            self.fail(
                f"a second about section in one text (the first is at line {self.about.line})",
                how,
            )
        started = self.date(started_token, "date") if started_token is not None else None  # type: ignore[arg-type]
        published = self.date(published_token, "date") if published_token is not None else None  # type: ignore[arg-type]
        assert not isinstance(intro, Token) and intro is not None
        introduction = self.texts(intro.children)
        subject = None
        demographics: tuple[str, ...] = ()
        if subject_tree is not None:
            assert not isinstance(subject_tree, Token)
            head, *rest = subject_tree.children
            assert isinstance(head, Token)
            if head.type == Kind.ABOUT_HEADING:
                subject_text, _ = self.group(head, "name")
                subject = subject_text.strip() if subject_text else None
                rest = rest[1:]  # the optional Demographics heading
            demographics = self.texts([token for token in rest if token is not None])
        financial_intro = None
        facts: tuple[str, ...] = ()
        if financial_tree is not None:
            assert not isinstance(financial_tree, Token)
            _, intro_token, *fact_tokens = financial_tree.children
            financial_intro = str(intro_token) if intro_token is not None else None
            facts = self.texts(fact_tokens)
        self.about = About(
            started=started,
            published=published,
            introduction=introduction,
            subject=subject,
            demographics=demographics,
            financial_intro=financial_intro,
            financial_facts=facts,
            line=how.line,
        )
