"""Figures in key findings: percentages, money, times and counts, with survey comparisons."""

from __future__ import annotations

import bisect
import enum
import itertools
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

import attrs

from ..model import Authority
from ._figure_reading import Reading, first_digit
from ._lexicon import (
    IRREGULAR_PLURALS,
    PEOPLE_WORDS,
    PHRASE_STOPS,
    STOP_WORDS,
    TIME_WORDS,
    UNITS,
)
from ._text import _TOKEN as TOKEN
from ._text import Passage, Sentence, Token, cached_passages, lowered
from .mentions import Mention

_NUMBER: Final = r"(?<![\w.,£])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d)"
_PERCENT: Final = re.compile(_NUMBER + r"\s?(?:%|per\s?cent\b)")
_MONEY: Final = re.compile(
    r"£\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d)"
    r"(?:\s?(?P<scale>million|billion|bn|m|k)\b)?"
)
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
#: Each survey's pattern, its name, and the words one of which each match holds.
_SOURCES: Final = (
    (re.compile(r"\bASCS\b|\bAdult Social Care Survey\b"), "ASCS", ("ASCS", "Adult Social Care")),
    (
        re.compile(r"\bSACE\b|\bSurvey of Adult Carers(?: in England)?\b"),
        "SACE",
        ("SACE", "Survey of Adult"),
    ),
    (
        re.compile(r"\bASCOF\b|\bAdult Social Care Outcomes Framework\b"),
        "ASCOF",
        ("ASCOF", "Outcomes Framework"),
    ),
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
#: A range before a figure's number: "6-8 weeks", "10 to 12 weeks", "between 3 and 5 days"
#: (not "from 10 to 12 weeks": that is a change).
_RANGE: Final = re.compile(
    r"\bbetween\s+"
    + _NUMBER.replace("num", "between")
    + r"\s+and\s+(?=\d)|(?<!\bfrom )"
    + _NUMBER.replace("num", "low")
    + r"(?:\s?[-–]\s?|\s+to\s+)(?=\d)"
)
_SCALES: Final = {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "k": 10**3}


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
    low: Decimal | None = None


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


def _raw_figures(reading: Reading) -> list[_Raw]:
    """The money, percentages and quantities of the sentence ``reading`` reads.

    A percentage or a quantity starts with its number, so those patterns are read from the
    first digit on (what comes before stays visible to their look-behind).
    """
    text, sentence = reading.text, reading.sentence
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
        for match in reading.from_numbers(_PERCENT, ("%", "per"))
        if not earlier.overlaps(match.start(), match.end())
    )
    earlier = _Spans(raw)
    for match in reading.from_numbers(_QUANTITY):
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


def _source(reading: Reading) -> tuple[str | None, str | None]:
    text, sentence = reading.text, reading.sentence
    for pattern, name, needs in _SOURCES:
        if not reading.holds(needs):
            continue
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


def _compare(reading: Reading, raw: list[_Raw]) -> None:
    """Mark England averages and give the other percentages of the sentence their context.

    The first average found gives every other percentage its value and the sentence's
    comparator; later ones are only marked as averages (and so are not figures).
    """
    if not reading.holds_folded(("average",)):
        return
    text, sentence = reading.text, reading.sentence
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


def _changes(reading: Reading, raw: list[_Raw]) -> list[_Raw]:
    """Link "from X to Y": Y's previous value is X (X takes Y's unit when it has none)."""
    if not reading.holds(("from",)):
        return raw  # in order of start
    text, sentence = reading.text, reading.sentence
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


def _ranges(reading: Reading, raw: list[_Raw]) -> None:
    """A number and a dash, "to" or "and" before a figure make a range: the figure's ``low``.

    Only a bare number is a range's lower bound; one that is a figure of its own ("3% and
    5%") stays one.
    """
    starts = {item.start for item in raw}
    by_number = {item.number_start: item for item in raw}
    for match in reading.ranges(_RANGE):
        low = "between" if match.group("between") is not None else "low"
        item = by_number.get(match.end())
        if item is None or item.previous is not None or match.start(low) in starts:
            continue
        value = _decimal(match.group(low))
        if value >= item.value:  # "8-6 weeks" is no range (and "2022-23" no count)
            continue
        item.low = value
        item.start = match.start(low) if low == "low" else match.start()


_BARE_NUMBER: Final = re.compile(_NUMBER + r"[ \t]++(?=[a-z])")
_WAIT: Final = re.compile(r"\bwait|\bdelay|\bwithin\b|\btook\b|\btaken\b", re.IGNORECASE)
_WAIT_WORDS: Final = ("wait", "delay", "within", "took", "taken")
_RATIO_BEFORE: Final = re.compile(
    r"\b(?:proportion|percentage|share|rate|number)\s++of\s++([^,;()%£]{3,80}?)\s++"
    r"(?:was|were|is|are|had|has|stood\s++at|rose\s++to|fell\s++to)\s++(?:\w++\s++){0,2}$"
)
_MONEY_BEFORE: Final = re.compile(
    r"\b((?:total\s++)?(?:budget|spend|spending|funding|cost|grant|allocation|investment))"
    r"\b[^£.]{0,30}$"
)
#: Words one of which every match of ``_RATIO_BEFORE`` and ``_MONEY_BEFORE`` holds.
_RATIO_WORDS: Final = ("proportion", "percentage", "share", "rate", "number")
_MONEY_WORDS: Final = ("budget", "spend", "funding", "cost", "grant", "allocation", "investment")
_POPULATION: Final = re.compile(r"\s*+of\s++(?:the\s++)?(?:population|residents)\b")


def _lazy_tokens(text: str, start: int, stop: int) -> Iterator[Token]:
    """:func:`~cqcmodel.extract._text.tokens` of ``text[start:stop]``, each made when read.

    The phrase readers stop after a few words: the rest of the window is not tokenised.
    """
    for match in TOKEN.finditer(text, start, stop):
        yield Token(match.start(), match.end(), match.group())


def _count_noun(text: str, start: int, stop: int, value: Decimal) -> tuple[int, str] | None:
    """The noun phrase counted by a number that ends at ``start``: (its end, the phrase)."""
    words: list[tuple[int, str]] = []
    for token in _lazy_tokens(text, start, min(stop, start + 80)):
        word = token.text
        if not word[0].islower() or word in STOP_WORDS or len(words) == 3:
            break
        words.append((token.end, word))
    plural = [
        index
        for index, (_, word) in enumerate(words)
        if word in IRREGULAR_PLURALS
        or (word.endswith("s") and not word.endswith(("ss", "us", "is")))
        or (value == 1 and index == 0)
    ]
    if not plural:
        return None
    last = plural[-1] if value != 1 else plural[0]
    phrase = text[start : words[last][0]]
    return words[last][0], phrase


def _counts(reading: Reading, raw: list[_Raw]) -> list[_Raw]:
    """Numbers followed by a counted noun phrase the unit patterns did not take."""
    text, sentence = reading.text, reading.sentence
    earlier = _Spans(raw)
    found: list[_Raw] = []
    for match in reading.from_numbers(_BARE_NUMBER):
        number = match.group("num")
        if _YEAR.fullmatch(number) or _labelled(text, sentence.start, match.start()):
            continue
        value = _decimal(number)
        counted = _count_noun(text, match.end(), sentence.end, value)
        if counted is None or earlier.overlaps(match.start(), counted[0]):
            continue
        end, phrase = counted
        unit = phrase.split()[-1]
        found.append(
            _Raw(start=match.start(), end=end, value=value, unit=unit, number_start=match.start())
        )
    return found


def _phrase_after(text: str, start: int, stop: int, *, skip: frozenset[str]) -> str | None:
    """The words after ``start`` up to punctuation or a stop word (at most eight)."""
    words: list[str] = []
    # Nine tokens are at most a few hundred characters: the rest is not read.
    for token in itertools.islice(_lazy_tokens(text, start, min(stop, start + 300)), 9):
        lower = token.text.casefold()
        relative = bool(words) and words[-1].casefold() in {"who", "that", "which"}
        verb = lower in PHRASE_STOPS or (lower.endswith("ed") and not relative)
        if not token.is_word or (verb and words):
            break
        if not words and token.text.casefold() in skip:
            continue
        words.append(token.text)
    return " ".join(words) or None


_OF_AFTER: Final = re.compile(r"\s*+of\s++")
_MONEY_AFTER: Final = re.compile(r"\s++(?:of\s++\w++\s++\w++\s++)?(?:on|in|for|to)\s++")


def _subject(text: str, sentence: Sentence, item: _Raw) -> str | None:
    """The phrase a figure belongs to, read around it in its sentence."""
    before = text[max(sentence.start, item.start - 120) : item.start]
    if item.unit == "%":
        of = _OF_AFTER.match(text[item.end : item.end + 8])
        if of is not None:
            return _phrase_after(text, item.end + of.end(), sentence.end, skip=frozenset())
        if not any(word in before for word in _RATIO_WORDS):
            return None
        ratio = _RATIO_BEFORE.search(before)
        return ratio.group(1) if ratio else None
    if item.unit == "£":
        money = (
            _MONEY_BEFORE.search(before) if any(word in before for word in _MONEY_WORDS) else None
        )
        if money is not None:
            return money.group(1)
        after = _MONEY_AFTER.match(text[item.end : item.end + 40])
        if after is not None:
            return _phrase_after(
                text, item.end + after.end(), sentence.end, skip=frozenset({"its", "the", "their"})
            )
        return None
    if item.unit in TIME_WORDS:
        return None
    # A count: the noun phrase after its number ("intermediate care beds").
    return text[item.number_start : item.end].split(None, 1)[-1]


def _kind(text: str, sentence: Sentence, item: _Raw, *, cited: bool, waiting: bool) -> FigureKind:
    """What a figure measures."""
    if item.unit == "%":
        if cited or item.england_average is not None:
            return FigureKind.SURVEY_RESULT
        if item.previous is not None:
            return FigureKind.CHANGE
        if _POPULATION.match(text, item.end, sentence.end):
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
    # Every figure has a digit: the next digit of the passage is looked for once, and the
    # sentences before it are not searched.
    ascii_only = text.isascii()
    digit = first_digit(text, 0, ascii_only=ascii_only)
    if digit < 0:
        return figures
    lower = text.lower() if ascii_only else lowered(text)
    for sentence in passage.sentences:
        if digit < sentence.start:
            digit = first_digit(text, sentence.start, ascii_only=ascii_only)
            if digit < 0:
                break
        if digit >= sentence.end:
            continue
        reading = Reading(text, sentence, digit, lower, gate=gate)
        raw = _raw_figures(reading)
        raw = sorted(raw + _counts(reading, raw), key=lambda item: item.start)
        if not raw:
            continue
        _compare(reading, raw)
        raw = _changes(reading, raw)
        _ranges(reading, raw)
        source, year = _source(reading)
        # Whether the sentence speaks of waiting: read once, for all its times.
        waiting = (
            reading.holds_folded(_WAIT_WORDS)
            and _WAIT.search(text, sentence.start, sentence.end) is not None
        )
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
                    kind=_kind(text, sentence, item, cited=cited, waiting=waiting),
                    subject=_subject(text, sentence, item),
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
    return tuple(figure for passage in texts for figure in _passage_figures(passage))


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
    value = _decimal(match.group("num"))
    scale = match.group("scale")
    return value * _SCALES[scale.casefold()] if scale else value


def _financial_fact(index: int, text: str) -> FinancialFact:
    """The amounts, year and subject of one financial fact."""
    year = _YEAR.search(text)
    spent_on = _SPENT_ON.search(text)
    subject = (
        spent_on.group(1) if spent_on else ("total budget" if "total budget" in text else None)
    )
    estimated = actual = difference = None
    for match in _MONEY.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        following = _MORE_LESS.match(text, match.end())
        if following is not None:
            amount = _amount(match)
            difference = amount if following.group(1) == "more" else -amount
        elif _ACTUAL.search(before) and actual is None:
            actual = _amount(match)
        elif _ESTIMATED.search(before) and estimated is None:
            estimated = _amount(match)
    share = _PERCENT.search(text)
    return FinancialFact(
        fact_index=index,
        text=text,
        year=year.group() if year else None,
        subject=subject,
        estimated=estimated,
        actual=actual,
        difference=difference,
        share=_decimal(share.group("num")) if share else None,
    )


def financial_facts(authority: Authority) -> tuple[FinancialFact, ...]:
    """The about page's financial facts of ``authority``, as amounts (empty without one)."""
    if authority.about is None:
        return ()
    return tuple(
        _financial_fact(index, text) for index, text in enumerate(authority.about.financial_facts)
    )
