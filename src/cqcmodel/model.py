"""The domain model: frozen, slotted, keyword-only attrs classes for an assessed authority.

Published text is kept exactly as written (after the documented normalisation); what the
framework says about it (which statement, which theme) is derived through
:mod:`cqcmodel.framework`. Source positions (``line``, ``source``) are metadata: they take no
part in equality or hashing, so the same content in another layout is an equal model.
"""

from __future__ import annotations

import datetime as dt
import importlib
import warnings
from collections.abc import Callable, Iterable
from typing import Any, Final, cast

import attrs

from .councils import Council, find_council
from .errors import UnknownStatementError
from .framework import (
    STATEMENTS,
    Rating,
    Score,
    StatementInfo,
    Theme,
    fold,
    is_heading_like,
    rating_for_percentage,
    statement_by_title,
    statement_key,
)

__all__ = [
    "About",
    "Authority",
    "Finding",
    "Overall",
    "PageDates",
    "QualityStatement",
    "Rating",
    "RuleError",
    "Score",
    "Section",
    "SetAside",
    "StatementScore",
    "Summary",
    "Theme",
    "authority_list",
    "lookup_statement",
]


class RuleError(ValueError):
    """A rule across fields or objects broken, naming the object that breaks it.

    ``part`` is that object (a statement that appears twice, a ``Published:`` line too many),
    or ``None``; its ``line``, when known, is where a parser places the error.
    """

    def __init__(self, message: str, part: object = None) -> None:
        super().__init__(message)
        self.part = part


# --- validators -----------------------------------------------------------------------------
#
# Each validator is a plain function, built once (at module level or when a class is defined):
# attrs runs them for every instance the parser builds, so they stay cheap. A type check raises
# what attrs' ``instance_of`` would, message and arguments alike.

#: A field validator: called by attrs with the instance, the field and the value.
_Validator = Callable[[object, "attrs.Attribute[Any]", object], None]


def _wrong_type(attribute: attrs.Attribute[Any], expected: type[Any], value: object) -> TypeError:
    """The error of a value that is not an ``expected``, as ``attrs.validators.instance_of``."""
    msg = f"'{attribute.name}' must be {expected!r} (got {value!r} that is a {value.__class__!r})."
    return TypeError(msg, attribute, expected, value)


def _line_text(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A published line: a non-empty string without line breaks or surrounding whitespace."""
    if not isinstance(value, str):
        msg = f"{attribute.name} must be a str, not {type(value).__name__}"
        raise TypeError(msg)
    if not value or value != value.strip() or "\n" in value or "\r" in value:
        msg = (
            f"{attribute.name} must be one non-empty line without surrounding whitespace, "
            f"got {value!r}"
        )
        raise ValueError(msg)


def _optional_line_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _line_text(instance, attribute, value)


def _lines(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A tuple of published lines."""
    if not isinstance(value, tuple):
        msg = f"{attribute.name} must be a tuple, not {type(value).__name__}"
        raise TypeError(msg)
    for item in value:
        # The test of _line_text inline (a call per line costs more than the test); a line
        # that fails it goes to _line_text for the message.
        if (
            not isinstance(item, str)
            or not item
            or item != item.strip()
            or "\n" in item
            or "\r" in item
        ):
            _line_text(instance, attribute, item)


def _instance_of(cls: type[Any]) -> _Validator:
    """A validator of ``cls`` instances (as ``attrs.validators.instance_of``, without a class)."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            raise _wrong_type(attribute, cls, value)

    return check


def _optional(cls: type[Any]) -> _Validator:
    """A validator of ``None`` or a ``cls`` instance."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, cls):
            raise _wrong_type(attribute, cls, value)

    return check


def _tuple_of(cls: type[Any]) -> _Validator:
    """A validator of a tuple of ``cls`` instances (``deep_iterable``'s checks, in one loop)."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise _wrong_type(attribute, tuple, value)
        for item in value:
            if not isinstance(item, cls):
                raise _wrong_type(attribute, cls, item)

    return check


#: Field metadata read by the JSON Schema (:mod:`cqcmodel.schema`): a published line, as
#: :func:`_line_text` checks it, and a whole percentage.
_LINE: Final = {"json_schema": {"pattern": r"^\S(?:[^\n\r]*\S)?$"}}
_PERCENTAGE: Final = {"json_schema": {"minimum": 0, "maximum": 100}}


_is_bool: Final = _instance_of(bool)
_is_date: Final = _instance_of(dt.date)
_optional_int: Final = _optional(int)
_optional_score: Final = _optional(Score)
_optional_rating: Final = _optional(Rating)
_optional_date: Final = _optional(dt.date)


def _metadata(what: str, *, default: object = None, validator: _Validator | None = None) -> Any:
    """A field that records where a model came from: outside equality, hashing and repr.

    ``what`` ends the JSON schema's description, "Metadata, outside equality: <what>; written
    when known."
    """
    return attrs.field(
        default=default,
        eq=False,
        repr=False,
        validator=validator,
        metadata={"description": f"Metadata, outside equality: {what}; written when known."},
    )


def _position() -> Any:
    """A 1-based source line number: metadata, outside equality and hashing."""
    return _metadata("the source line number", validator=_optional_int)


def _notebook_html(render: str, model: object) -> str | None:
    """``cqcmodel.site.<render>(model)``, or ``None`` without the ``report`` extra.

    The site package is imported on use, so ``import cqcmodel`` never loads Jinja2.
    """
    site = importlib.import_module("cqcmodel.site")
    try:
        html: str = getattr(site, render)(model)
    except site.MissingExtraError:
        return None
    return html


# --- quality statement pages -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Finding:
    """One paragraph of a statement's key findings, under its sub-heading if it has one."""

    #: The paragraph, as published.
    text: str = attrs.field(validator=_line_text, metadata=_LINE)
    #: The sub-heading the paragraph sits under, or ``None`` before the first sub-heading.
    heading: str | None = attrs.field(default=None, validator=_optional_line_text, metadata=_LINE)
    #: Source line number (metadata: outside equality).
    line: int | None = _position()

    @property
    def voices(self) -> tuple[Any, ...]:
        """Deprecated: use ``cqcmodel.extract.voices_of(finding)``; the model reads no text.

        Still answers, with a :class:`DeprecationWarning`, through the reader the extraction
        package registers in ``VOICE_READERS`` when it is imported.
        """
        warnings.warn(
            "Finding.voices is deprecated; use cqcmodel.extract.voices_of(finding)",
            DeprecationWarning,
            stacklevel=2,
        )
        if not VOICE_READERS:
            importlib.import_module("cqcmodel.extract")
        return VOICE_READERS[0](self)


#: Where the deprecated :attr:`Finding.voices` finds its reader (filled by the extraction
#: package, so that the model imports no extraction).
VOICE_READERS: Final[list[Callable[[Finding], tuple[Any, ...]]]] = []

_findings_tuple: Final = _tuple_of(Finding)


def _check_findings(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[Finding, ...]
) -> None:
    _findings_tuple(_instance, attribute, value)
    seen_heading = False
    for finding in value:
        if finding.heading is not None:
            seen_heading = True
        elif seen_heading:
            msg = (
                "a finding without a heading cannot follow one under a heading: "
                f"{finding.text[:60]!r}"
            )
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class QualityStatement:
    """One quality statement page: title, score, expectations, commitment and key findings.

    ``people_expect`` keeps the "What people expect" lines as published (pilot pages wrap them
    in curly quotes, statement 6 runs two together); :attr:`i_statements` is the derived list of
    distinct I-statements.
    """

    #: The statement title as published (variants included).
    title: str = attrs.field(validator=_line_text, metadata=_LINE)
    #: The score, or ``None`` when the page stops before it (or a pilot page gives no number).
    score: Score | None = attrs.field(default=None, validator=_optional_score)
    #: Published as an *indicative* score (the 2023 pilot pages: ``Indicative score:``).
    indicative: bool = attrs.field(default=False, validator=_is_bool)
    #: The "What people expect" lines, as published.
    people_expect: tuple[str, ...] = attrs.field(default=(), validator=_lines, metadata=_LINE)
    #: "The local authority commitment" (the we-statement), as published.
    commitment: str | None = attrs.field(
        default=None, validator=_optional_line_text, metadata=_LINE
    )
    #: The key findings, one per paragraph, in order.
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=_check_findings)
    #: Source line number of the title (metadata: outside equality).
    line: int | None = _position()

    def __attrs_post_init__(self) -> None:
        """A page cut before its score line holds nothing after its title."""
        if (
            self.score is None
            and not self.indicative
            and (self.people_expect or self.commitment is not None or self.findings)
        ):
            msg = f"statement {self.title!r} has content but no score line"
            raise ValueError(msg)

    @property
    def info(self) -> StatementInfo | None:
        """The framework's entry for this statement, matched on its title; ``None`` if unknown."""
        return statement_by_title(self.title)

    @property
    def statement_id(self) -> int | None:
        """The framework id, 1–9 (``None`` for a title the framework does not know)."""
        info = self.info
        return info.id if info else None

    @property
    def code(self) -> str | None:
        """The statement's URL code (``needs``, ``support``, …)."""
        info = self.info
        return info.code if info else None

    @property
    def theme(self) -> Theme | None:
        """The theme the statement belongs to."""
        info = self.info
        return info.theme if info else None

    @property
    def i_statements(self) -> tuple[str, ...]:
        """The distinct I-statements, quotes removed, run-on lines split at canonical texts."""
        canonical = self.info.i_statements if self.info else ()
        result: list[str] = []
        for raw in self.people_expect:
            for piece in _split_run_on(_unquote(raw), canonical):
                if fold(piece) not in {fold(seen) for seen in result}:
                    result.append(piece)
        return tuple(result)

    def _repr_html_(self) -> str | None:
        """The statement as the report shows it, highlights included (a notebook's display).

        ``None`` without the ``report`` extra, so the notebook shows the ``repr`` instead.
        """
        return _notebook_html("statement_html", self)


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] in '“"' and text[-1] in '”"':
        return text[1:-1].strip()
    return text


def _split_run_on(text: str, canonical: Iterable[str]) -> list[str]:
    """Split a line holding one canonical I-statement followed by another."""
    folded = fold(text)
    for candidate in canonical:
        head = fold(candidate)
        if folded != head and folded.startswith(head):
            cut = _prefix_length(text, len(candidate))
            rest = text[cut:].strip()
            if rest:
                return [text[:cut].strip(), *_split_run_on(rest, canonical)]
    return [text]


def _prefix_length(text: str, approx: int) -> int:
    """Index in ``text`` just after the sentence ending nearest to ``approx`` characters."""
    best = approx
    for index in range(max(0, approx - 8), min(len(text), approx + 8)):
        if text[index] in ".!?":
            best = index + 1
            break
    return best


# --- summary page ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class StatementScore:
    """One item of a summary's "Quality statement scores" list."""

    #: The statement title as the list publishes it.
    title: str = attrs.field(validator=_line_text, metadata=_LINE)
    #: The score (``None`` when the page stops before its ``Score:`` line).
    score: Score | None = attrs.field(default=None, validator=_optional_score)
    #: Source line number (metadata: outside equality).
    line: int | None = _position()

    @property
    def statement_id(self) -> int | None:
        """The framework id, 1–9 (``None`` for an unknown title)."""
        info = statement_by_title(self.title)
        return info.id if info else None

    @property
    def code(self) -> str | None:
        """The statement's URL code."""
        info = statement_by_title(self.title)
        return info.code if info else None


_statement_scores_tuple: Final = _tuple_of(StatementScore)


def _check_statement_scores(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[StatementScore, ...]
) -> None:
    _statement_scores_tuple(instance, attribute, value)
    _unique_titles(value, "summary item")


def _heading(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _line_text(instance, attribute, value)
    assert isinstance(value, str)
    if not is_heading_like(value):
        msg = f"{attribute.name} must read as a heading (short, no final full stop): {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Section:
    """A further headed section of a summary (strengths, areas for development, …)."""

    #: The section heading.
    heading: str = attrs.field(validator=_heading, metadata=_LINE)
    #: The paragraphs under it (at least one).
    paragraphs: tuple[str, ...] = attrs.field(validator=_lines, metadata=_LINE)
    #: Source line number of the heading (metadata: outside equality).
    line: int | None = _position()

    def __attrs_post_init__(self) -> None:
        """A heading introduces at least one paragraph; otherwise it reads as a paragraph."""
        if not self.paragraphs:
            msg = f"section {self.heading!r} needs at least one paragraph"
            raise ValueError(msg)


_sections_tuple: Final = _tuple_of(Section)


def _percentage(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
        msg = f"{attribute.name} must be a whole number from 0 to 100, got {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Summary:
    """The summary page: the published rating and score, the nine scores, people's experiences."""

    #: The authority name in the rating block (``• London Borough of Ealing``).
    name: str | None = attrs.field(default=None, validator=_optional_line_text, metadata=_LINE)
    #: The published overall rating.
    rating: Rating | None = attrs.field(default=None, validator=_optional_rating)
    #: The published overall score, a whole percentage.
    percentage: int | None = attrs.field(default=None, validator=_percentage, metadata=_PERCENTAGE)
    #: The short name in an ``Overall rating for <short name>: 64%`` line, when published so.
    short_name: str | None = attrs.field(
        default=None, validator=_optional_line_text, metadata=_LINE
    )
    #: The "Quality statement scores" list, in published order.
    statement_scores: tuple[StatementScore, ...] = attrs.field(
        default=(), validator=_check_statement_scores
    )
    #: Paragraphs under "Summary of people's experiences".
    people_experience: tuple[str, ...] = attrs.field(default=(), validator=_lines, metadata=_LINE)
    #: Further headed sections, in order.
    sections: tuple[Section, ...] = attrs.field(default=(), validator=_sections_tuple)
    #: Source line number of "Overall summary" (metadata: outside equality).
    line: int | None = _position()

    def __attrs_post_init__(self) -> None:
        """A short name needs its percentage; a rating must be the band of its percentage."""
        if self.short_name is not None and self.percentage is None:
            msg = "short_name is published with a percentage; percentage is missing"
            raise ValueError(msg)
        if self.rating is not None and self.percentage is not None:
            band = rating_for_percentage(self.percentage)
            if band is not self.rating:
                msg = (
                    f"rating {self.rating.value!r} contradicts the percentage "
                    f"{self.percentage}%, whose band is {band.value!r}"
                )
                raise RuleError(msg, self)


_optional_summary: Final = _optional(Summary)


# --- about page ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class About:
    """The "about" page: assessment dates, demographics and financial facts."""

    #: ``Assessment start date`` (pilot pages only).
    started: dt.date | None = attrs.field(default=None, validator=_optional_date)
    #: ``Assessment published``.
    published: dt.date | None = attrs.field(default=None, validator=_optional_date)
    #: Paragraphs under "How we assess local authorities" (pilot pages explain the pilot there).
    introduction: tuple[str, ...] = attrs.field(default=(), validator=_lines, metadata=_LINE)
    #: The name in the ``About <name>`` heading, as written.
    subject: str | None = attrs.field(default=None, validator=_optional_line_text, metadata=_LINE)
    #: Paragraphs about the area (under "Demographics", or straight after "About <name>").
    demographics: tuple[str, ...] = attrs.field(default=(), validator=_lines, metadata=_LINE)
    #: The ``The financial facts for X are:`` line, when published.
    financial_intro: str | None = attrs.field(
        default=None, validator=_optional_line_text, metadata=_LINE
    )
    #: The financial facts, one per bullet or paragraph, bullet markers removed.
    financial_facts: tuple[str, ...] = attrs.field(default=(), validator=_lines, metadata=_LINE)
    #: Source line number of "How we assess local authorities" (metadata: outside equality).
    line: int | None = _position()


_optional_about: Final = _optional(About)


# --- the authority ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PageDates:
    """One ``Published: … Page last updated: …`` line."""

    #: The ``Published:`` date.
    published: dt.date = attrs.field(validator=_is_date)
    #: The ``Page last updated:`` date, when given.
    updated: dt.date | None = attrs.field(default=None, validator=_optional_date)
    #: Source line number (metadata: outside equality).
    line: int | None = _position()


_page_dates_tuple: Final = _tuple_of(PageDates)


@attrs.frozen(kw_only=True)
class Overall:
    """An overall percentage and rating computed from statement scores."""

    #: Sum of the scores as a whole percentage of the maximum, rounded half up.
    percentage: int
    #: The band of :attr:`percentage`.
    rating: Rating
    #: Sum of the scores used.
    total: int
    #: 4 × the number of statements scored.
    maximum: int
    #: How many statements had a score.
    scored: int


def overall_for(scores: Iterable[int]) -> Overall | None:
    """The overall percentage (rounded half up) and rating band for a set of 1–4 scores."""
    values = [int(score) for score in scores]
    if not values:
        return None
    total, maximum = sum(values), 4 * len(values)
    percentage = (200 * total + maximum) // (2 * maximum)
    return Overall(
        percentage=percentage,
        rating=rating_for_percentage(percentage),
        total=total,
        maximum=maximum,
        scored=len(values),
    )


_statements_tuple: Final = _tuple_of(QualityStatement)


def _unique_titles(
    items: tuple[QualityStatement, ...] | tuple[StatementScore, ...], what: str
) -> None:
    """Raise :class:`RuleError` at the second of two items for one statement."""
    seen: dict[object, str] = {}
    for item in items:
        key = statement_key(item.title)
        if key in seen:
            msg = f"{what} {item.title!r} appears twice (also as {seen[key]!r})"
            raise RuleError(msg, item)
        seen[key] = item.title


def _check_statements(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[QualityStatement, ...]
) -> None:
    _statements_tuple(instance, attribute, value)
    _unique_titles(value, "statement")


def lookup_statement(key: int | str) -> StatementInfo:
    """The framework statement for an id (1–9, or its digits), a code or a title, in any case.

    Raises :class:`~cqcmodel.errors.UnknownStatementError` (a :class:`KeyError`) listing the
    nine statements' ids, codes and titles.
    """
    text = str(key).strip()
    for info in STATEMENTS:
        if text == str(info.id) or text.casefold() == info.code:
            return info
    found = statement_by_title(text) if isinstance(key, str) else None
    if found is None:
        valid = tuple(f"{info.id}  {info.code:<14} {info.title}" for info in STATEMENTS)
        raise UnknownStatementError(key, valid)
    return found


@attrs.frozen(kw_only=True)
class SetAside:
    """A source line that is not report content: recorded, never silently dropped.

    Readers set aside site furniture (menus, cookie banners, "Back to top"), page furniture
    (page numbers, running headers) and lines the parser could not place; ``cqcmodel check``
    reports each one as a warning.
    """

    #: 1-based line in the source file (the HTML, PDF page text or plain text as read).
    line: int = attrs.field(validator=_instance_of(int))
    #: The line's text as read (stripped).
    text: str = attrs.field(validator=_instance_of(str))
    #: Why it was set aside, in a few words ("site furniture", "page number", …).
    reason: str = attrs.field(validator=_instance_of(str))
    #: 1-based column in the source line.
    column: int = attrs.field(default=1, validator=_instance_of(int))
    #: The file or address the line is in (pages merged by ``load()`` come from several).
    source: str | None = attrs.field(default=None, eq=False, validator=_optional(str))


@attrs.frozen(kw_only=True)
class Authority:
    """Everything parsed about one local authority's assessment: the model's root.

    ``name`` is the name the title line gives (``None`` when the text has no title line: it is
    never guessed). ``indicative`` marks pilot reports, whose scores CQC published as
    indicative. ``page_dates`` holds every ``Published:`` line in text order;
    :attr:`published` and :attr:`updated` read the first.
    """

    #: The authority name from the title line; ``None`` when no title line was given.
    name: str | None = attrs.field(default=None, validator=_optional_line_text, metadata=_LINE)
    #: A pilot report (``<X> assessment`` title, ``Indicative score:``): scores are indicative.
    indicative: bool = attrs.field(default=False, validator=_is_bool)
    #: Every ``Published: … Page last updated: …`` line, in text order.
    page_dates: tuple[PageDates, ...] = attrs.field(default=(), validator=_page_dates_tuple)
    #: The about page.
    about: About | None = attrs.field(default=None, validator=_optional_about)
    #: The summary page.
    summary: Summary | None = attrs.field(default=None, validator=_optional_summary)
    #: The quality statement pages, in the order given.
    statements: tuple[QualityStatement, ...] = attrs.field(default=(), validator=_check_statements)
    #: Where the text came from (a path), for messages; metadata outside equality.
    source: str | None = _metadata("where the text came from", validator=_optional(str))
    #: Every source the model was read from (paths or addresses), in order; metadata.
    sources: tuple[str, ...] = _metadata(
        "every source the model was read from", default=(), validator=_tuple_of(str)
    )
    #: Lines of the sources that were not content (furniture, unplaced text); metadata.
    set_aside: tuple[SetAside, ...] = _metadata(
        "source lines that were not report content", default=(), validator=_tuple_of(SetAside)
    )

    def __attrs_post_init__(self) -> None:
        """Check what one text can express: pages, and pilot marks that agree."""
        if self.page_count == 0:
            msg = "an Authority holds at least one page: about, summary or a statement"
            raise ValueError(msg)
        if len(self.page_dates) > self.page_count:
            pages = "page" if self.page_count == 1 else "pages"
            msg = (
                f"{len(self.page_dates)} 'Published:' lines for {self.page_count} {pages}: "
                "each page has at most one"
            )
            raise RuleError(msg, self.page_dates[self.page_count])
        any_indicative = any(statement.indicative for statement in self.statements)
        if any_indicative and not self.indicative:
            msg = "a statement has an indicative score, so the authority must be indicative"
            raise ValueError(msg)
        if self.name is None and self.indicative != any_indicative:
            msg = (
                "without a title line, only an indicative statement score can mark "
                "an authority as indicative"
            )
            raise ValueError(msg)

    @property
    def page_count(self) -> int:
        """How many pages the model holds (about, summary and one per statement)."""
        return (self.about is not None) + (self.summary is not None) + len(self.statements)

    @property
    def published(self) -> dt.date | None:
        """The first ``Published:`` date, or ``None``."""
        return self.page_dates[0].published if self.page_dates else None

    @property
    def updated(self) -> dt.date | None:
        """The first ``Page last updated:`` date, or ``None``."""
        return self.page_dates[0].updated if self.page_dates else None

    @property
    def council(self) -> Council | None:
        """The registry's council for the title-line name (``None`` if no title or unknown)."""
        return find_council(self.name) if self.name is not None else None

    def statement(self, key: int | str) -> QualityStatement | None:
        """This authority's page for a statement, or ``None`` when it has none.

        ``key`` is the framework id (1–9), the code (``"needs"``) or a title, in any case
        (:func:`~cqcmodel.model.lookup_statement`); an unknown key raises
        :class:`~cqcmodel.errors.UnknownStatementError` listing the nine.
        """
        wanted = lookup_statement(key).id
        for statement in self.statements:
            if statement.statement_id == wanted:
                return statement
        return None

    def scores(self) -> dict[int, Score]:
        """The best known score per statement id: the statement page's, else the summary's."""
        result: dict[int, Score] = {}
        if self.summary is not None:
            for item in self.summary.statement_scores:
                if item.statement_id is not None and item.score is not None:
                    result[item.statement_id] = item.score
        for statement in self.statements:
            if statement.statement_id is not None and statement.score is not None:
                result[statement.statement_id] = statement.score
        return dict(sorted(result.items()))

    def overall(self) -> Overall | None:
        """The overall percentage and rating computed from :meth:`scores` (``None`` if none).

        The percentage is of the maximum for the statements scored, rounded half up, and the
        rating is its band (:data:`cqcmodel.framework.RATING_THRESHOLDS`). It is always
        computed: compare it with the published summary to find inconsistencies.
        """
        return overall_for(self.scores().values())

    def _repr_html_(self) -> str | None:
        """The authority as the report shows it, highlights included (a notebook's display).

        ``None`` without the ``report`` extra, so the notebook shows the ``repr`` instead.
        """
        return _notebook_html("authority_html", self)


def authority_list(authorities: Authority | Iterable[Authority], call: str) -> list[Authority]:
    """One authority or an iterable of them as a list, for the functions that take either.

    :raises TypeError: naming ``call`` and what was given, when an item is not an
        :class:`Authority` (a path or a string of one is the usual mistake: read it first
        with :func:`~cqcmodel.load`).
    """
    given: object = authorities  # checked at run time: callers pass anything
    if isinstance(given, Authority):
        return [given]
    items = (
        list(given)
        if isinstance(given, Iterable) and not isinstance(given, str | bytes)
        else [given]
    )
    for item in items:
        if not isinstance(item, Authority):
            msg = (
                f"{call}() takes an Authority or an iterable of them, not "
                f"{type(item).__name__} (read pages with cqcmodel.load first)"
            )
            raise TypeError(msg)
    return cast(list[Authority], items)
