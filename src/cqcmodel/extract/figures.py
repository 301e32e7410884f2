"""Figures in key findings: percentages, money, times and counts, with survey comparisons."""

from __future__ import annotations

import bisect
import enum
import re
from decimal import Decimal
from typing import Final

import attrs

from ..model import Authority
from ._text import Passage, Sentence, passages
from .mentions import Mention

_NUMBER: Final = r"(?<![\w.,£])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d)"
_PERCENT: Final = re.compile(_NUMBER + r"\s?(?:%|per\s?cent\b)")
_MONEY: Final = re.compile(
    r"£\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d)"
    r"(?:\s?(?P<scale>million|billion|bn|m|k)\b)?"
)
#: Words that count things or measure time, with the unit they give.
UNITS: Final[dict[str, str]] = {
    "minute": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "people": "people",
    "person": "people",
    "adult": "people",
    "resident": "people",
    "individual": "people",
    "carer": "carers",
    "bed": "beds",
    "case": "cases",
    "referral": "referrals",
    "assessment": "assessments",
    "review": "reviews",
    "enquiry": "enquiries",
    "enquirie": "enquiries",
    "concern": "concerns",
    "application": "applications",
    "provider": "providers",
    "staff": "staff",
    "worker": "staff",
    "vacancy": "vacancies",
    "vacancie": "vacancies",
    "placement": "placements",
    "package": "packages",
    "home": "homes",
    "contact": "contacts",
    "call": "calls",
}
_UNIT_WORDS: Final = "|".join(
    sorted(
        {*(word + "s?" for word in UNITS if word not in {"people", "staff"}), "people", "staff"},
        key=lambda word: (-len(word), word),
    )
)
_QUANTITY: Final = re.compile(
    _NUMBER + r"\s+(?:[a-z][a-z-]*\s+){0,2}?(?P<unit>" + _UNIT_WORDS + r")\b"
)
#: Words before a number that make it a label, not a count ("section 42 enquiries").
_NOT_COUNTS: Final = re.compile(
    r"\b(?:[Ss]ection|[Pp]art|[Cc]hapter|[Rr]egulation|[Aa]rticle|[Ll]evel|[Tt]ier|[Pp]hase|"
    r"[Ss]tage|[Ss]tep|[Ww]ard|[Pp]riority)\s+$"
)
_AVERAGE: Final = re.compile(r"\b(?:England|English|national)\s+average\b", re.IGNORECASE)
_COMPARATOR: Final = re.compile(
    r"\b(similar\s+to|in\s+line\s+with|comparable\s+(?:to|with)|consistent\s+with|close\s+to|"
    r"higher|lower|better|worse|above|below|greater\s+than|less\s+than|"
    r"compared\s+(?:to|with))\b",
    re.IGNORECASE,
)
_SOURCES: Final = (
    (re.compile(r"\bASCS\b|\bAdult Social Care Survey\b"), "ASCS"),
    (re.compile(r"\bSACE\b|\bSurvey of Adult Carers(?: in England)?\b"), "SACE"),
    (re.compile(r"\bASCOF\b|\bAdult Social Care Outcomes Framework\b"), "ASCOF"),
)
_YEAR: Final = re.compile(r"\b(?:19|20)\d{2}(?:\s?[-–/]\s?\d{2,4})?\b")
_CHANGE: Final = re.compile(
    r"\bfrom\s+(?:an?\s+)?(?:average\s+(?:of\s+)?)?"
    + _NUMBER.replace("num", "before")
    + r"(?P<before_unit>\s?%|\s+(?:"
    + _UNIT_WORDS
    + r"))?"
    r"\s+to\s+(?:an?\s+)?(?:average\s+(?:of\s+)?)?" + _NUMBER.replace("num", "after")
)
_SCALES: Final = {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "k": 10**3}


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
    second figure's ``previous`` is 42.
    """

    value: Decimal
    unit: str
    mention: Mention
    comparator: Comparator | None = None
    england_average: Decimal | None = None
    source: str | None = None
    year: str | None = None
    previous: Decimal | None = None


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


@attrs.define(kw_only=True)
class _Raw:
    start: int
    end: int
    value: Decimal
    unit: str
    number_start: int
    average: bool = False
    england_average: Decimal | None = None
    comparator: Comparator | None = None
    previous: Decimal | None = None


class _Spans:
    """Spans that do not overlap one another, to ask whether a new span overlaps any.

    Sorted by start, their ends are sorted too: of the spans that start before a new span
    ends, the last one ends furthest. A binary search, however many figures a sentence holds.
    """

    def __init__(self, raw: list[_Raw]) -> None:
        spans = sorted((item.start, item.end) for item in raw)
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, end)
        return before > 0 and self.ends[before - 1] > start


#: The longest word :data:`_NOT_COUNTS` looks for ("regulation").
_NOT_COUNTS_LONGEST: Final = 10


def _labelled(text: str, sentence_start: int, number_start: int) -> bool:
    """Whether a word like "section" and space come just before a number.

    ``_NOT_COUNTS`` searched only where such a word could start: at most the longest word's
    length before the run of space that ends at the number.
    """
    space = number_start
    while space > sentence_start and text[space - 1].isspace():
        space -= 1
    if space == number_start:
        return False
    since = max(sentence_start, space - _NOT_COUNTS_LONGEST)
    return _NOT_COUNTS.search(text, since, number_start) is not None


def _raw_figures(text: str, sentence: Sentence) -> list[_Raw]:
    raw: list[_Raw] = []
    # Matches of one pattern do not overlap one another: a new figure is checked against
    # those the patterns before found.
    for match in _MONEY.finditer(text, sentence.start, sentence.end):
        value = _decimal(match.group("num"))
        scale = match.group("scale")
        if scale:
            value *= _SCALES[scale.casefold()]
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1))
        raw.append(
            _Raw(
                start=match.start(),
                end=match.end(),
                value=value,
                unit="£",
                number_start=match.start("num"),
            )
        )
    earlier = _Spans(raw)
    raw.extend(
        _Raw(
            start=match.start(),
            end=match.end(),
            value=_decimal(match.group("num")),
            unit="%",
            number_start=match.start("num"),
        )
        for match in _PERCENT.finditer(text, sentence.start, sentence.end)
        if not earlier.overlaps(match.start(), match.end())
    )
    earlier = _Spans(raw)
    for match in _QUANTITY.finditer(text, sentence.start, sentence.end):
        number = match.group("num")
        if _YEAR.fullmatch(number) or _labelled(text, sentence.start, match.start()):
            continue
        if not earlier.overlaps(match.start(), match.end()):
            unit = _unit(match.group("unit"))
            raw.append(
                _Raw(
                    start=match.start(),
                    end=match.end(),
                    value=_decimal(match.group("num")),
                    unit=unit,
                    number_start=match.start("num"),
                )
            )
    raw.sort(key=lambda item: item.start)
    return raw


def _unit(word: str) -> str:
    lower = word.casefold()
    return UNITS.get(lower) or UNITS.get(lower[:-1], lower)


def _comparator(text: str, sentence: Sentence) -> Comparator | None:
    found = [
        _COMPARATOR_WORDS[match.group(1).split()[0].casefold()]
        for match in _COMPARATOR.finditer(text, sentence.start, sentence.end)
    ]
    directional = [item for item in found if item is not Comparator.COMPARED]
    if directional:
        return directional[0]
    return found[0] if found else None


def _source(text: str, sentence: Sentence) -> tuple[str | None, str | None]:
    for pattern, name in _SOURCES:
        match = pattern.search(text, sentence.start, sentence.end)
        if match is None:
            continue
        gaps = [
            (max(year.start() - match.end(), match.start() - year.end(), 0), year.group())
            for year in _YEAR.finditer(text, sentence.start, sentence.end)
        ]
        near = [gap for gap in gaps if gap[0] <= 30]
        return name, min(near)[1] if near else None
    return None, None


def _compare(text: str, sentence: Sentence, raw: list[_Raw]) -> None:
    """Mark England averages and give the other percentages of the sentence their context.

    The first average found gives every other percentage its value and the sentence's
    comparator; later ones are only marked as averages (and so are not figures).
    """
    starts = [item.start for item in raw]  # raw is in order of start
    compared = False
    for match in _AVERAGE.finditer(text, sentence.start, sentence.end):
        average = None
        for item in raw[bisect.bisect_left(starts, match.end()) :]:
            if item.start - match.end() > 30:
                break
            if item.unit == "%" and not item.average:
                average = item
                break
        if average is None:
            continue
        average.average = True
        if compared:
            continue
        compared = True
        comparator = _comparator(text, sentence)
        for item in raw:
            if item.unit == "%" and not item.average and item.england_average is None:
                item.england_average = average.value
                item.comparator = comparator


def _changes(text: str, sentence: Sentence, raw: list[_Raw]) -> list[_Raw]:
    """Link "from X to Y": Y's previous value is X (X takes Y's unit when it has none)."""
    # The first figure (in list order) whose number starts at a place.
    by_number: dict[int, _Raw] = {}
    for item in raw:
        by_number.setdefault(item.number_start, item)
    for match in _CHANGE.finditer(text, sentence.start, sentence.end):
        after = by_number.get(match.start("after"))
        if after is None:
            continue
        before = by_number.get(match.start("before"))
        if before is None:
            before = _Raw(
                start=match.start("before"),
                end=match.end("before"),
                value=_decimal(match.group("before")),
                unit=after.unit,
                number_start=match.start("before"),
            )
            raw.append(before)
            by_number.setdefault(before.number_start, before)
        after.previous = before.value
    return sorted(raw, key=lambda item: item.start)


def _passage_figures(passage: Passage) -> list[Figure]:
    figures: list[Figure] = []
    text = passage.text
    for sentence in passage.sentences:
        raw = _raw_figures(text, sentence)
        if not raw:
            continue
        _compare(text, sentence, raw)
        raw = _changes(text, sentence, raw)
        source, year = _source(text, sentence)
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
                    comparator=item.comparator,
                    england_average=item.england_average,
                    source=source if cited else None,
                    year=year if cited else None,
                    previous=item.previous,
                )
            )
    return figures


def extract_figures(authority: Authority) -> tuple[Figure, ...]:
    """The figures of ``authority``'s key findings, in text order.

    An England average is not a figure of its own: it is the ``england_average`` of the
    percentages it is compared with.
    """
    return tuple(figure for passage in passages(authority) for figure in _passage_figures(passage))
