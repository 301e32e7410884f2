"""Which numbers of a passage's sentences are figures, and what the sentence says of them.

Money, percentages, quantities and counts, England averages, changes ("from X to Y"),
ranges, the survey a sentence cites and the phrase a figure belongs to: the reading behind
:mod:`cqcmodel.extract.figures`, which keeps the public classes and functions (and makes the
figures). This module defines none, so the optional compiled build can compile it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from ._figure_reading import Reading, digit_runs, has_digit
from ._lexicon import IRREGULAR_PLURALS, PHRASE_STOPS, STOP_WORDS, TIME_WORDS, UNITS
from ._text import _TOKEN as TOKEN
from ._text import Sentence

_NUMBER: Final = r"(?<![\w.,£])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d)"
PERCENT: Final = re.compile(_NUMBER + r"\s?(?:%|per\s?cent\b)")
MONEY: Final = re.compile(
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
_LABEL_WORDS: Final = (
    "section",
    "part",
    "chapter",
    "regulation",
    "article",
    "level",
    "tier",
    "phase",
    "stage",
    "step",
    "ward",
    "priority",
)
_NOT_COUNTS: Final = re.compile(
    r"\b(?:"
    + "|".join(f"[{word[0].upper()}{word[0]}]{word[1:]}" for word in _LABEL_WORDS)
    + r")\s+$"
)
#: Each label word as ``_NOT_COUNTS`` reads it (capitalised or not).
_LABELS: Final = tuple(form for word in _LABEL_WORDS for form in (word, word.capitalize()))
_AVERAGE: Final = re.compile(r"\b(?:England|English|national)\s+average\b", re.IGNORECASE)
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
YEAR: Final = re.compile(r"\b(?:19|20)\d{2}(?:\s?[-–/]\s?\d{2,4})?\b")
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
SCALES: Final = {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "k": 10**3}


def number_value(text: str) -> Decimal:
    """The exact value of a number as written ("1,200.5")."""
    return Decimal(text.replace(",", ""))


@attrs.define(kw_only=True)
class Raw:
    """A figure as its sentence is read: its span, value, unit and what the sentence adds.

    ``average`` marks an England average (no figure of its own).
    """

    start: int
    end: int
    value: Decimal
    unit: str
    number_start: int
    average: bool = False
    england_average: Decimal | None = None
    previous: Decimal | None = None
    low: Decimal | None = None


class _Spans:
    """Spans that do not overlap one another, to ask whether a new span overlaps any.

    Sorted by start, their ends are sorted too: of the spans that start before a new span
    ends, the last one ends furthest. A binary search, however many figures a sentence holds.
    """

    def __init__(self, raw: list[Raw]) -> None:
        spans = sorted([(item.start, item.end) for item in raw])
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def overlaps(self, start: int, end: int) -> bool:
        if not self.starts:
            return False
        before = bisect.bisect_left(self.starts, end)
        return before > 0 and self.ends[before - 1] > start


#: No spans (most sentences have no figure before the pattern read next): never changed.
_NO_SPANS: Final = _Spans([])

#: The longest word :data:`_NOT_COUNTS` looks for ("regulation").
_NOT_COUNTS_LONGEST: Final = max(len(word) for word in _LABEL_WORDS)


def _labelled(text: str, sentence_start: int, number_start: int) -> bool:
    """Whether a word like "section" and space come just before a number.

    ``_NOT_COUNTS`` searched only where such a word could start: at most the longest word's
    length before the run of space that ends at the number, and only if a label word ends
    there.
    """
    space = number_start
    while space > sentence_start and text[space - 1].isspace():
        space -= 1
    if space == number_start:
        return False
    since = max(sentence_start, space - _NOT_COUNTS_LONGEST)
    # The space follows a label word only if the text ends with one there (one quick look).
    if not text.endswith(_LABELS, since, space):
        return False
    return _NOT_COUNTS.search(text, since, number_start) is not None


def _raw_figures(reading: Reading) -> list[Raw]:
    """The money, percentages and quantities of the sentence ``reading`` reads.

    A percentage or a quantity starts with its number, so those patterns are read from the
    first digit on (what comes before stays visible to their look-behind).
    """
    text, sentence = reading.text, reading.sentence
    raw: list[Raw] = []
    # Matches of one pattern do not overlap one another: a new figure is checked against
    # those the patterns before found.
    money = MONEY.finditer(text, sentence.start, sentence.end) if reading.holds(("£",)) else ()
    for match in money:
        value = number_value(match.group("num"))
        scale = match.group("scale")
        if scale:
            value *= SCALES[scale.casefold()]
            if value == value.to_integral_value():
                value = value.quantize(Decimal(1))
        raw.append(
            Raw(
                start=match.start(),
                end=match.end(),
                value=value,
                unit="£",
                number_start=match.start("num"),
            )
        )
    earlier = _Spans(raw) if raw else _NO_SPANS
    percents = reading.from_numbers(PERCENT, ("%", "per"))
    if percents:  # most sentences have none
        raw.extend(
            Raw(
                start=match.start(),
                end=match.end(),
                value=number_value(match.group("num")),
                unit="%",
                number_start=match.start("num"),
            )
            for match in percents
            if not earlier.overlaps(match.start(), match.end())
        )
    earlier = _Spans(raw) if raw else _NO_SPANS
    for match in reading.from_numbers(_QUANTITY):
        if earlier.overlaps(match.start(), match.end()):
            continue
        number = match.group("num")
        if not YEAR.fullmatch(number) and not _labelled(text, sentence.start, match.start()):
            unit = _unit(match.group("unit"))
            raw.append(
                Raw(
                    start=match.start(),
                    end=match.end(),
                    value=number_value(match.group("num")),
                    unit=unit,
                    number_start=match.start("num"),
                )
            )
    if len(raw) > 1:
        raw.sort(key=lambda item: item.start)
    return raw


def _unit(word: str) -> str:
    lower = word.casefold()
    return UNITS.get(lower) or UNITS.get(lower[:-1], lower)


#: The words of every survey: a sentence without any cites none (most sentences).
_SOURCE_WORDS: Final = tuple(word for _, _, needs in _SOURCES for word in needs)


def _source(reading: Reading) -> tuple[str | None, str | None]:
    if not reading.holds(_SOURCE_WORDS):
        return None, None
    text, sentence = reading.text, reading.sentence
    for pattern, name, needs in _SOURCES:
        if not reading.holds(needs):
            continue
        match = pattern.search(text, sentence.start, sentence.end)
        if match is None:
            continue
        gaps = [
            (max(year.start() - match.end(), match.start() - year.end(), 0), year.group())
            for year in YEAR.finditer(text, sentence.start, sentence.end)
        ]
        near = [gap for gap in gaps if gap[0] <= 30]
        return name, min(near)[1] if near else None
    return None, None


def _mark_averages(reading: Reading, raw: list[Raw]) -> bool:
    """Mark England averages and give the other percentages of the sentence their value.

    The first average found gives every other percentage its value (and the sentence's
    comparator, which the caller reads: whether there was one is returned); later ones are
    only marked as averages (and so are not figures).
    """
    if not reading.holds_folded(("average",)):
        return False
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
        for item in raw:
            if item.unit == "%" and not item.average and item.england_average is None:
                item.england_average = average.value
    return compared


def _changes(reading: Reading, raw: list[Raw]) -> list[Raw]:
    """Link "from X to Y": Y's previous value is X (X takes Y's unit when it has none)."""
    if not reading.holds(("from",)) or not reading.holds_two_numbers():
        return raw  # in order of start
    # The first figure (in list order) whose number starts at a place.
    by_number: dict[int, Raw] = {}
    for item in raw:
        by_number.setdefault(item.number_start, item)
    for match in reading.from_word(_CHANGE, "from"):
        after = by_number.get(match.start("after"))
        if after is None:
            continue
        before = by_number.get(match.start("before"))
        if before is None:
            before = Raw(
                start=match.start("before"),
                end=match.end("before"),
                value=number_value(match.group("before")),
                unit=after.unit,
                number_start=match.start("before"),
            )
            raw.append(before)
            by_number.setdefault(before.number_start, before)
        after.previous = before.value
    return sorted(raw, key=lambda item: item.start)


def _ranges(reading: Reading, raw: list[Raw]) -> None:
    """A number and a dash, "to" or "and" before a figure make a range: the figure's ``low``.

    Only a bare number is a range's lower bound; one that is a figure of its own ("3% and
    5%") stays one.
    """
    matches = reading.ranges(_RANGE)
    if not matches:
        return
    starts = {item.start for item in raw}
    by_number = {item.number_start: item for item in raw}
    for match in matches:
        low = "between" if match.group("between") is not None else "low"
        item = by_number.get(match.end())
        if item is None or item.previous is not None or match.start(low) in starts:
            continue
        value = number_value(match.group(low))
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
POPULATION: Final = re.compile(r"\s*+of\s++(?:the\s++)?(?:population|residents)\b")


def _count_noun(text: str, start: int, stop: int, value: Decimal) -> tuple[int, str] | None:
    """The noun phrase counted by a number that ends at ``start``: (its end, the phrase)."""
    words: list[tuple[int, str]] = []
    # The tokens are read from their matches (at most four are read).
    for match in TOKEN.finditer(text, start, min(stop, start + 80)):
        word = match.group()
        if not word[0].islower() or word in STOP_WORDS or len(words) == 3:
            break
        words.append((match.end(), word))
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


def _counts(reading: Reading, raw: list[Raw]) -> list[Raw]:
    """Numbers followed by a counted noun phrase the unit patterns did not take."""
    text, sentence = reading.text, reading.sentence
    earlier = _Spans(raw) if raw else _NO_SPANS
    found: list[Raw] = []
    for match in reading.from_numbers(_BARE_NUMBER):
        # A count ends after its number: one whose number a figure took overlaps it anyway.
        if reading.gate and earlier.overlaps(match.start(), match.end()):
            continue
        number = match.group("num")
        if YEAR.fullmatch(number) or _labelled(text, sentence.start, match.start()):
            continue
        value = number_value(number)
        counted = _count_noun(text, match.end(), sentence.end, value)
        if counted is None or earlier.overlaps(match.start(), counted[0]):
            continue
        end, phrase = counted
        unit = phrase.split()[-1]
        found.append(
            Raw(start=match.start(), end=end, value=value, unit=unit, number_start=match.start())
        )
    return found


def _phrase_after(text: str, start: int, stop: int, *, skip: frozenset[str]) -> str | None:
    """The words after ``start`` up to punctuation or a stop word (at most eight)."""
    words: list[str] = []
    last = ""  # the last word taken, case-folded
    # Nine tokens are at most a few hundred characters: the rest is not read. The tokens
    # are read from their matches (a word, or "&", starts with a letter or digit).
    for match in itertools.islice(TOKEN.finditer(text, start, min(stop, start + 300)), 9):
        token = match.group()
        lower = token.casefold()
        relative = last in {"who", "that", "which"}
        verb = lower in PHRASE_STOPS or (lower.endswith("ed") and not relative)
        if not (token == "&" or token[0].isalnum()) or (verb and words):
            break
        if not words and lower in skip:
            continue
        words.append(token)
        last = lower
    return " ".join(words) or None


_OF_AFTER: Final = re.compile(r"\s*+of\s++")
_MONEY_AFTER: Final = re.compile(r"\s++(?:of\s++\w++\s++\w++\s++)?(?:on|in|for|to)\s++")


def subject(text: str, sentence: Sentence, item: Raw) -> str | None:
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


#: One sentence's figures (averages marked), whether an England average gave its
#: percentages their context, the survey and year it cites, and whether it speaks of waiting.
SentenceFigures = tuple[Sentence, list[Raw], bool, str | None, str | None, bool]


def sentence_figures(text: str, parts: Sequence[Sentence], *, gate: bool) -> list[SentenceFigures]:
    """What :data:`SentenceFigures` says of each sentence (of a passage) with a figure.

    ``gate=False`` reads every pattern over each sentence.
    """
    found: list[SentenceFigures] = []
    # Every figure has a digit: most passages hold none, and most sentences of the others.
    if not has_digit(text):
        return found
    for sentence in parts:
        if not has_digit(sentence.text):
            continue
        numbers = digit_runs(text, sentence.start, sentence.end)
        reading = Reading(text, sentence, numbers, gate=gate)
        raw = _raw_figures(reading)
        counts = _counts(reading, raw)
        if counts:
            raw = sorted(raw + counts, key=lambda item: item.start)
        elif not raw:
            continue
        compared = _mark_averages(reading, raw)
        raw = _changes(reading, raw)
        _ranges(reading, raw)
        source, year = _source(reading)
        # Whether the sentence speaks of waiting: read once, for all its times.
        waiting = (
            reading.holds_folded(_WAIT_WORDS)
            and _WAIT.search(text, sentence.start, sentence.end) is not None
        )
        found.append((sentence, raw, compared, source, year, waiting))
    return found
