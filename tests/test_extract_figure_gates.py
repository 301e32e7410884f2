"""The figure patterns tried only where their literals occur find what reading everything does.

:class:`~cqcmodel.extract._figure_reading.Reading` tries a pattern that starts with a number
only at each run of digits, the range pattern there and at "between", and skips a pattern
whose literal a sentence lacks; ``gate=False`` reads every pattern over every sentence.
Compared on every real page and on generated findings dense with figures.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cqcmodel import parse_file
from cqcmodel.extract import _figure_values as values
from cqcmodel.extract import figures as f
from cqcmodel.extract._figure_reading import digit_runs, has_digit
from cqcmodel.extract._text import Passage, lowered, sentences

from .conftest import EXTRACTION_PAGES

PAGES = EXTRACTION_PAGES

_PARTS = [
    "1",
    "12",
    "2,5",
    "1,234",
    "87.5",
    "2023-24",
    "٣",
    "%",
    " per cent",
    "per",
    "£",
    "£1.2 million",
    " million",
    " ",
    "\t",
    ". ",
    ", ",
    "-",
    "–",
    " to ",
    " and ",
    "between ",
    "from ",
    "From ",
    "Between ",
    "days",
    " weeks",
    " people",
    " super hubs",
    " new homes",
    " beds",
    "Section ",
    "section ",
    " England average",
    " national AVERAGE",
    " higher than",
    " similar to",
    "ASCS",
    "Adult Social Care Survey",
    "Survey of Adult Carers in England",
    "ASCOF",
    " waited",
    " WAIT",
    " took",
    " within",
    " of the population",
    "proportion of people was ",
    "total budget of ",
    " spent on",
    " on care",
    "x",
    "İ",
    "K",
    "ſ",
]
_TEXTS = st.lists(st.sampled_from(_PARTS), max_size=24).map("".join)


def _passage(text: str) -> Passage:
    return Passage(order=0, statement_id=1, finding_index=0, text=text, sentences=sentences(text))


def _same_with_and_without_gate(passage: Passage) -> None:
    assert f._passage_figures(passage) == f._passage_figures(passage, gate=False)


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.name)
def test_the_gates_change_no_figure_on_any_page(page: Path) -> None:
    for statement in parse_file(page).statements:
        for finding in statement.findings:
            _same_with_and_without_gate(_passage(finding.text))


@given(_TEXTS)
@example("Between 3 and 5 days, from 42 days to 13 days, 6-8 weeks and 3–5-7 weeks.")
@example("It took between 3 and 5 days, then between 10 and 12 weeks (between 2 and 1 days).")
@example("72% (ASCS 2023-24) was higher than the England average of 70% and 1,234 people.")
@example("A total budget of £1.2 million was spent on care; 3 super hubs and 12 new homes.")
def test_the_gates_change_no_figure_on_generated_findings(text: str) -> None:
    if text.strip():
        _same_with_and_without_gate(_passage(text.strip()))


@given(
    st.text(alphabet="ab 1٣9\t.", max_size=30) | st.text(alphabet="a 0123456789,.\t", max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_digit_runs_are_where_each_run_of_digits_starts(text: str, start: int, end: int) -> None:
    expected = [match.start() for match in re.compile(r"\d+").finditer(text, start, end)]
    assert digit_runs(text, start, end) == expected


@given(_TEXTS)
@example("It was 12.5. 3 people and 2,500 homes.")
def test_no_run_of_digits_crosses_a_sentence_end(text: str) -> None:
    runs = [match.start() for match in re.finditer(r"\d+", text)]
    for sentence in sentences(text):
        inside = [start for start in runs if sentence.start <= start < sentence.end]
        assert digit_runs(text, sentence.start, sentence.end) == inside
        assert has_digit(sentence.text) == bool(inside)


@given(st.text(alphabet="ab 1٣9\t.’é€", max_size=30) | st.text(max_size=30))
@example("٣")
@example("people’s ٣ homes")
@example("people’s homes")
def test_has_digit_says_whether_a_digit_matches(text: str) -> None:
    assert has_digit(text) == (re.search(r"\d", text) is not None)


def test_has_digit_finds_every_digit_outside_ascii() -> None:
    characters = [chr(code) for code in range(0x80, 0x110000)]
    digits = [char for char in characters if re.match(r"\d", char)]
    assert digits
    assert all(has_digit(f"people’s {digit}") for digit in digits)
    # The characters cp1252 encodes are the ones not searched.
    encoded = [char for char in characters if len(char.encode("cp1252", "ignore")) == 1]
    assert not any(has_digit(f"people’s {char}") for char in encoded)


@given(st.lists(st.sampled_from([*_PARTS, "Higher", "LOWER ", "in line with", "cloſe to"])))
@example(["Compared  with", " ", "İn line with"])
def test_the_comparator_pattern_finds_what_it_does_in_any_case(parts: list[str]) -> None:
    text = "".join(parts)
    caseless = re.compile(f._COMPARATOR.caseless.pattern, re.IGNORECASE)
    expected = [match.span(1) for match in caseless.finditer(text)]
    found = f._COMPARATOR.finditer(text, lowered(text))
    assert [match.span(1) for match in found] == expected
    # Each sentence is read in its own text: the same matches as in the passage.
    for sentence in sentences(text):
        spans = caseless.finditer(text, sentence.start, sentence.end)
        own = f._COMPARATOR.finditer(sentence.text, lowered(sentence.text))
        assert [sentence.start + match.start(1) for match in own] == [m.start(1) for m in spans]


@given(_TEXTS)
@example("the proportion of people who were supported was ")
@example("a total budget of ")
def test_the_words_before_a_figure_gate_its_subject_patterns(before: str) -> None:
    if values._RATIO_BEFORE.search(before) is not None:
        assert any(word in before for word in values._RATIO_WORDS)
    if values._MONEY_BEFORE.search(before) is not None:
        assert any(word in before for word in values._MONEY_WORDS)
