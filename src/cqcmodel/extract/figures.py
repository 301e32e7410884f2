"""Figures in key findings: percentages, money, times and counts, with survey comparisons."""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from typing import Final

import attrs

from ..model import Authority
from ._figure_reading import has_digit
from ._figure_values import (
    MONEY,
    PERCENT,
    POPULATION,
    SCALES,
    YEAR,
    Raw,
    number_value,
    sentence_figures,
    subject,
)
from ._lexicon import PEOPLE_WORDS, TIME_WORDS
from ._text import Caseless, Passage, Sentence, cached_passages, lowered
from .mentions import Mention

#: Case-insensitive (see :class:`~cqcmodel.extract._text.Caseless`).
_COMPARATOR: Final = Caseless(
    r"\b(similar\s+to|in\s+line\s+with|comparable\s+(?:to|with)|consistent\s+with|close\s+to|"
    r"higher|lower|better|worse|above|below|greater\s+than|less\s+than|"
    r"compared\s+(?:to|with))\b"
)


class FigureKind(enum.StrEnum):
    """What a figure measures, read from its unit and its sentence."""

    #: A survey's percentage (``source``, ``england_average`` say which survey and the mean).
    SURVEY_RESULT = "survey result"
    #: A share of the area's population ("37.4% of the population").
    SHARE_OF_POPULATION = "share of population"
    #: Any other percentage.
    PROPORTION = "proportion"
    #: A value that changed: ``previous`` holds the value before.
    CHANGE = "change"
    #: An amount of money.
    MONEY = "money"
    #: A time people waited ("waited up to 6 weeks").
    WAITING_TIME = "waiting time"
    #: Any other length of time.
    DURATION = "duration"
    #: A number of people (people, carers, staff, residents, …).
    COUNT_OF_PEOPLE = "count of people"
    #: A number of anything else ("3 super hubs", "48 providers").
    COUNT = "count"


class Comparator(enum.StrEnum):
    """How a figure compares with the England average, as the finding words it."""

    SIMILAR = "similar to"
    HIGHER = "higher than"
    LOWER = "lower than"
    BETTER = "better than"
    WORSE = "worse than"
    #: Compared without saying which way.
    COMPARED = "compared with"


_COMPARATOR_WORDS: Final = {
    "similar": Comparator.SIMILAR,
    "in": Comparator.SIMILAR,
    "comparable": Comparator.SIMILAR,
    "consistent": Comparator.SIMILAR,
    "close": Comparator.SIMILAR,
    "higher": Comparator.HIGHER,
    "above": Comparator.HIGHER,
    "greater": Comparator.HIGHER,
    "lower": Comparator.LOWER,
    "below": Comparator.LOWER,
    "less": Comparator.LOWER,
    "better": Comparator.BETTER,
    "worse": Comparator.WORSE,
    "compared": Comparator.COMPARED,
}


@attrs.frozen(kw_only=True)
class Figure:
    """A number a finding reports, with its unit and, for survey comparisons, its context.

    ``value`` is exact (:class:`~decimal.Decimal`, money scaled: "£1.2 million" is
    ``1200000``). ``unit`` is ``%``, ``£`` or a counted noun (``days``, ``people``, ``beds``,
    …). A percentage compared with the England average carries ``comparator`` and
    ``england_average``; ``source`` (``ASCS``, ``SACE``, ``ASCOF``) and ``year`` (as written,
    ``2023`` or ``2023-24``) when the sentence cites them. In "from 42 days to 13 days" the
    second figure's ``previous`` is 42; "6-8 weeks" is one figure, 8 weeks with ``low`` 6.
    ``kind`` says what it measures and ``subject`` the phrase it belongs to ("people who
    received reablement", "super hubs", "total budget").
    """

    value: Decimal
    unit: str
    mention: Mention
    comparator: Comparator | None = None
    england_average: Decimal | None = None
    source: str | None = None
    year: str | None = None
    previous: Decimal | None = None
    kind: FigureKind = FigureKind.COUNT
    subject: str | None = None
    #: The lower bound of a range ("6-8 weeks", "between 3 and 5 days"): ``value`` is the upper.
    low: Decimal | None = None


def _comparator(sentence: Sentence) -> Comparator | None:
    # Read in the sentence's own text (lower-cased, not the passage: once per sentence): its
    # ends are space or the passage's ends, where the pattern's boundaries read the same.
    written = sentence.text
    found = [
        _COMPARATOR_WORDS[written[match.start(1) : match.end(1)].split(maxsplit=1)[0].casefold()]
        for match in _COMPARATOR.finditer(written, lowered(written))
    ]
    directional = [item for item in found if item is not Comparator.COMPARED]
    if directional:
        return directional[0]
    return found[0] if found else None


def _kind(text: str, sentence: Sentence, item: Raw, *, cited: bool, waiting: bool) -> FigureKind:
    """What a figure measures."""
    if item.unit == "%":
        if cited or item.england_average is not None:
            return FigureKind.SURVEY_RESULT
        if item.previous is not None:
            return FigureKind.CHANGE
        if POPULATION.match(text, item.end, sentence.end):
            return FigureKind.SHARE_OF_POPULATION
        return FigureKind.PROPORTION
    if item.previous is not None:
        return FigureKind.CHANGE
    if item.unit == "£":
        return FigureKind.MONEY
    if item.unit in TIME_WORDS:
        return FigureKind.WAITING_TIME if waiting else FigureKind.DURATION
    if item.unit in PEOPLE_WORDS:
        return FigureKind.COUNT_OF_PEOPLE
    return FigureKind.COUNT


def _passage_figures(passage: Passage, *, gate: bool = True) -> list[Figure]:
    """The figures of one passage; ``gate=False`` reads every pattern over each sentence."""
    figures: list[Figure] = []
    text = passage.text
    read = sentence_figures(text, passage.sentences, gate=gate)
    for sentence, raw, compared, source, year, waiting in read:
        # The comparator of the percentages an England average gave their context.
        comparator = _comparator(sentence) if compared else None
        for item in raw:
            if item.average:
                continue
            cited = item.unit == "%" and source is not None
            figures.append(
                Figure(
                    value=item.value,
                    unit=item.unit,
                    mention=Mention(
                        statement_id=passage.statement_id,
                        finding_index=passage.finding_index,
                        start=item.start,
                        end=item.end,
                        text=text[item.start : item.end],
                    ),
                    comparator=comparator if item.england_average is not None else None,
                    england_average=item.england_average,
                    source=source if cited else None,
                    year=year if cited else None,
                    previous=item.previous,
                    kind=_kind(text, sentence, item, cited=cited, waiting=waiting),
                    subject=subject(text, sentence, item),
                    low=item.low,
                )
            )
    return figures


def extract_figures(authority: Authority) -> tuple[Figure, ...]:
    """The figures of ``authority``'s key findings, in text order.

    An England average is not a figure of its own: it is the ``england_average`` of the
    percentages it is compared with.
    """
    texts = cached_passages(authority)
    return tuple(
        figure
        for passage in texts
        if has_digit(passage.text)  # most findings hold no digit, so no figure
        for figure in _passage_figures(passage)
    )


@attrs.frozen(kw_only=True)
class FinancialFact:
    """One financial fact of the about page, read into amounts.

    ``fact_index`` is its position in ``authority.about.financial_facts`` and ``text`` the
    fact as published. ``subject`` is what the money is for ("total budget", "adult social
    care"); ``estimated`` and ``actual`` the amounts the fact gives (in pounds);
    ``difference`` actual minus estimated, as the fact states it (negative when less was
    spent); ``share`` a percentage of the budget ("22% of the budget was spent on …").
    """

    fact_index: int
    text: str
    year: str | None
    subject: str | None
    estimated: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    share: Decimal | None = None


_SPENT_ON: Final = re.compile(
    r"\b(?:spend|spent)\b[^.]*?\bon\s++([a-z][a-z ]{2,40}?)(?=\s++in\b|[.,]|\s*+$|\s++[A-Z])"
)
_ESTIMATED: Final = re.compile(r"\b(?:estimated|would\s++be|would\s++spend)\b")
_ACTUAL: Final = re.compile(r"\bactual\s++spend\b")
_MORE_LESS: Final = re.compile(r"\s++(more|less)\s++than\b")


def _amount(match: re.Match[str]) -> Decimal:
    value = number_value(match.group("num"))
    scale = match.group("scale")
    return value * SCALES[scale.casefold()] if scale else value


def _financial_fact(index: int, text: str) -> FinancialFact:
    """The amounts, year and subject of one financial fact."""
    year = YEAR.search(text)
    spent_on = _SPENT_ON.search(text)
    subject = (
        spent_on.group(1) if spent_on else ("total budget" if "total budget" in text else None)
    )
    estimated = actual = difference = None
    for match in MONEY.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        following = _MORE_LESS.match(text, match.end())
        if following is not None:
            amount = _amount(match)
            difference = amount if following.group(1) == "more" else -amount
        elif _ACTUAL.search(before) and actual is None:
            actual = _amount(match)
        elif _ESTIMATED.search(before) and estimated is None:
            estimated = _amount(match)
    share = PERCENT.search(text)
    return FinancialFact(
        fact_index=index,
        text=text,
        year=year.group() if year else None,
        subject=subject,
        estimated=estimated,
        actual=actual,
        difference=difference,
        share=number_value(share.group("num")) if share else None,
    )


def financial_facts(authority: Authority) -> tuple[FinancialFact, ...]:
    """The about page's financial facts of ``authority``, as amounts (empty without one)."""
    if authority.about is None:
        return ()
    return tuple(
        _financial_fact(index, text) for index, text in enumerate(authority.about.financial_facts)
    )
