"""Model → text: the inverse of parsing, to one canonical layout.

The canonical layout is the compact one: one element per line, no blank lines, ``Score: N``
followed by the ``N - Evidence shows …`` label, bullets as ``  • `` with four-space
continuation lines. Pages come in a fixed order (about, summary, statements by their order in
the model), each opened by the title line when the authority has a name. What parsing treats
as structure without content (``Downloads``, the © footer, blank lines, the headings
"Demographics" and "Key findings…" when there is nothing under them) is not written back.
"""

from __future__ import annotations

import datetime as dt

from .errors import CqcModelError
from .framework import MONTH_NAMES
from .model import About, Authority, QualityStatement, Summary

__all__ = ["render"]


def render(authority: Authority, *, check: bool = True) -> str:
    """Write ``authority`` as text in the canonical layout (ending with a newline).

    With ``check`` (the default) the text is parsed again and compared with ``authority``;
    a model that text cannot express (for example a finding whose text reads as a
    sub-heading) raises :class:`~cqcmodel.errors.CqcModelError` instead of returning text
    that would not round-trip. Anything but an :class:`~cqcmodel.Authority` is a
    :class:`TypeError`.
    """
    given: object = authority  # checked at run time: callers pass anything
    if not isinstance(given, Authority):
        msg = f"render() takes an Authority, not {type(given).__name__}"
        raise TypeError(msg)
    pages: list[list[str]] = []
    if authority.about is not None:
        pages.append(_about(authority.about))
    if authority.summary is not None:
        pages.append(_summary(authority.summary))
    pages.extend(_statement(statement) for statement in authority.statements)
    lines: list[str] = []
    for index, page in enumerate(pages):
        if authority.name is not None:
            suffix = " assessment" if authority.indicative else ": local authority assessment"
            lines.append(authority.name + suffix)
        if index < len(authority.page_dates):
            dates = authority.page_dates[index]
            published = f"Published: {format_date(dates.published)}"
            if dates.updated is not None:
                published += f" Page last updated: {format_date(dates.updated)}"
            lines.append(published)
        lines.extend(page)
    text = "\n".join(lines) + "\n"
    if check:
        _check(authority, text)
    return text


def format_date(date: dt.date) -> str:
    """A date as CQC pages write it: ``17 May 2024``."""
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def _check(authority: Authority, text: str) -> None:
    from .parser import parse  # noqa: PLC0415 - the parser loads lark; only checks need it

    try:
        again = parse(text, source="<rendered>")
    except CqcModelError as error:
        msg = f"this model cannot be written as text that parses back: {error}"
        raise CqcModelError(msg) from error
    if again != authority:
        msg = (
            "this model cannot be written as text that parses back to it (a paragraph that "
            "reads as a heading or a structural line, say); render(..., check=False) returns "
            "the text anyway"
        )
        raise CqcModelError(msg)


def _statement(statement: QualityStatement) -> list[str]:
    lines = [statement.title]
    if statement.indicative:
        lines.append("Indicative score:")
    elif statement.score is not None:
        lines.append(f"Score: {statement.score.value}")
    if statement.score is not None:
        lines.append(f"{statement.score.value} - {statement.score.label}")
    if statement.people_expect:
        lines.append("What people expect")
        lines.extend(statement.people_expect)
    if statement.commitment is not None:
        lines.append("The local authority commitment")
        lines.append(statement.commitment)
    if statement.findings:
        lines.append("Key findings for this quality statement")
        heading: str | None = None
        for finding in statement.findings:
            if finding.heading is not None and finding.heading != heading:
                lines.append(finding.heading)
            heading = finding.heading
            lines.append(finding.text)
    return lines


def _summary(summary: Summary) -> list[str]:
    lines = ["Overall summary"]
    has_overall = summary.percentage is not None
    if summary.name is not None or summary.rating is not None or has_overall:
        lines.append("Local authority rating and score")
        if summary.name is not None:
            lines.append(f"  • {summary.name}")
        if summary.rating is not None:
            lines.append(f"    {summary.rating.value}")
    if summary.percentage is not None:
        if summary.short_name is not None:
            lines.append(f"Overall rating for {summary.short_name}: {summary.percentage}%")
        else:
            lines.append(f"Score: {summary.percentage}%")
    if summary.statement_scores:
        lines.append("Quality statement scores")
        for item in summary.statement_scores:
            lines.append(f"  • {item.title}")
            if item.score is not None:
                lines.append(f"    Score: {item.score.value}")
    if summary.people_experience or summary.sections:
        lines.append("Summary of people's experiences")
        lines.extend(summary.people_experience)
    for section in summary.sections:
        lines.append(section.heading)
        lines.extend(section.paragraphs)
    return lines


def _about(about: About) -> list[str]:
    lines = ["How we assess local authorities"]
    if about.started is not None:
        lines.append(f"Assessment start date: {format_date(about.started)}")
    if about.published is not None:
        lines.append(f"Assessment published: {format_date(about.published)}")
    lines.extend(about.introduction)
    if about.subject is not None:
        lines.append(f"About {about.subject}")
    if about.demographics:
        lines.append("Demographics")
        lines.extend(about.demographics)
    if about.financial_intro is not None or about.financial_facts:
        lines.append("Financial facts")
        if about.financial_intro is not None:
            lines.append(about.financial_intro)
        lines.extend(f"  • {fact}" for fact in about.financial_facts)
    return lines
