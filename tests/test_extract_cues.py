"""Reading a finding's voices from the places of cue words gives what reading each sentence does.

The voices of a finding are read from one search for the first words of the reporting-verb,
"from" and data patterns (:class:`~cqcmodel.extract._cues.WordCues`), each pattern then tried
only there. Compared with reading every sentence on its own, on every real page and on
generated findings full of the cue words, punctuation and letters that lower-case oddly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cqcmodel import Finding, parse_file
from cqcmodel.extract import Voice, finding_voices, voiced_sentences
from cqcmodel.extract import _voicing as v
from cqcmodel.extract._cues import WordCues, trie_pattern
from cqcmodel.extract._text import lowered, sentences

from .conftest import EXTRACTION_PAGES
from .strategies import paragraphs

PAGES = EXTRACTION_PAGES

_PARTS = [
    *v._CUE_KINDS,
    *(word.capitalize() for word in ("told", "data", "staff", "heard", "england")),
    "shared with us",
    "shared  that",
    "reported to",
    "staff",
    "partners",
    "people",
    "carers",
    "leaders",
    "they",
    "the local authority",
    "from",
    "of",
    "us",
    "showed",
    "average",
    "Adult Social Care Survey",
    "Survey of Adult Carers",
    "ASCS",
    " ",
    "  ",
    "\t",
    "\xa0",
    ". ",
    "! ",
    "? ",
    "; ",
    ", ",
    "(",
    ")",
    "‘",
    "’",
    "'",
    '"',
    "-",
    "/",
    "_",
    "é",
    "9",
    "İ",
    "ı",
    "ſ",
    "K",
    "Σ",
    "ß",
]
_TEXTS = st.lists(st.sampled_from(_PARTS), max_size=30).map("".join)


def _as_read_sentence_by_sentence(text: str) -> list[tuple[int, int, tuple[object, ...]]]:
    result: list[tuple[int, int, tuple[object, ...]]] = []
    previous: tuple[object, ...] = ()
    for sentence in sentences(text):
        voices, inherits = v._voices(sentence.text)
        found = previous if inherits else voices
        result.append((sentence.start, sentence.end, found))
        previous = found
    return result


def _same_as_sentence_by_sentence(text: str) -> None:
    finding = Finding(text=text)
    expected = _as_read_sentence_by_sentence(text)
    assert [(s.start, s.end, s.voices) for s in voiced_sentences(finding)] == expected
    assert finding_voices(finding) == tuple(
        dict.fromkeys(voice for _, _, voices in expected for voice in voices)
    )


def test_the_pages_are_there() -> None:
    assert len(PAGES) > 70


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.name)
def test_every_finding_of_a_page_reads_as_its_sentences_do(page: Path) -> None:
    for statement in parse_file(page).statements:
        for finding in statement.findings:
            _same_as_sentence_by_sentence(finding.text)


@given(st.one_of(_TEXTS, paragraphs()))
@example("Staff told us. They said (told) data showed it. We heard feedback from partners.")
@example("told us; staff\tsaid, ‘carers’ felt  shared with us views from carers")
@example("National data showed the England average. Survey of Adult Carers staff said")
def test_generated_findings_read_as_their_sentences_do(text: str) -> None:
    if text.strip():
        _same_as_sentence_by_sentence(text.strip())


@given(_TEXTS)
@example("(told étold _said 9said said")
def test_every_match_of_each_pattern_starts_at_a_cue_of_its_kind(text: str) -> None:
    lower = lowered(text)
    if lower is None:
        return
    places = v._CUES.places(lower)
    assert places == sorted(places)
    for kind, pattern in enumerate(v._PATTERNS):
        cues = {place for place, word in places if v._CUE_KINDS[word] == kind}
        assert {match.start() for match in pattern.finditer(text, lower)} <= cues


@given(
    st.lists(
        st.sampled_from(
            ["told", "tell", "tells", "x", " ", "(", "é", "_", "1", "’", "ß", "\xa0", "?"]
        )
    ).map("".join)
)
def test_the_places_are_each_listed_word_that_no_ascii_word_character_precedes(
    text: str,
) -> None:
    cues = WordCues(["told", "tell", "tells"])
    expected = [
        (start, word)
        for start in range(len(text))
        for word in ("told", "tell", "tells")
        if text.startswith(word, start)
        and (
            start == 0
            or not (
                text[start - 1].isascii() and (text[start - 1].isalnum() or text[start - 1] == "_")
            )
        )
        and not text[start + len(word) : start + len(word) + 1].isalnum()
        and text[start + len(word) : start + len(word) + 1] != "_"
    ]
    assert cues.places(text) == expected


def test_cue_words_are_lower_case_ascii_letters() -> None:
    with pytest.raises(ValueError, match="lower-case ASCII"):
        WordCues(["Told"])
    with pytest.raises(ValueError, match="lower-case ASCII"):
        WordCues([])


@given(
    st.lists(st.text(alphabet="abt", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(alphabet="abt x", max_size=40),
)
def test_a_trie_of_words_matches_what_their_alternation_does(words: list[str], text: str) -> None:
    flat = re.compile("(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")
    tree = re.compile(trie_pattern(words) + r"\b")
    assert [(m.start(), m.group()) for m in tree.finditer(text)] == [
        (m.start(), m.group()) for m in flat.finditer(text)
    ]


_WORD_PARTS = [
    "Staff",
    "told",
    "us",
    " ",
    "  ",
    ",",
    "&",
    "’",
    "'",
    "-",
    "_",
    "é",
    "ß",
    "9",
    ".",
    "\n",
]


def _words_one_by_one(text: str, end: int | None) -> tuple[list[str], list[int]]:
    stop = len(text) if end is None else end
    matches = [m for m in v._WORD_OR_COMMA.finditer(text, 0, stop) if m.group()[0] != "_"]
    return [m.group().casefold() for m in matches], [m.start() for m in matches]


@given(st.lists(st.sampled_from(_WORD_PARTS), max_size=20).map("".join), st.integers(0, 60))
def test_the_words_split_at_once_are_those_found_one_by_one(text: str, end: int) -> None:
    for stop in (None, min(end, len(text))):
        assert v._words(text, stop) == _words_one_by_one(text, stop)
        if text.isascii():
            assert v._words(text.lower(), stop) == _words_one_by_one(text, stop)


_SPACED_PARTS = [
    *(part for part in _WORD_PARTS if part != "_"),
    *("TOLD", "3rd", "!", "?", "(", ";", "\t", ",,", "&&", "x,y&z", "a.b", "well-led", "--", "o'c"),
    *("people’s", "“", "”", "–", "\xa0", "İ", "Σ", "\u2028", "٣", "\ud800"),
]


@given(st.lists(st.sampled_from(_SPACED_PARTS), max_size=20).map("".join))
@example("Staff, carers & partners told us,")
@example("people's well-led -staff- 'x' a-'b")
@example("“Staff’s” – Café?staff ÉTÉ")
def test_words_split_at_spaces_are_those_found_one_by_one(text: str) -> None:
    assert v._spaced_words(text) == _words_one_by_one(text, None)


@given(
    st.lists(st.sampled_from(["staff", "told", "they", "and", ",", "also", "us"]), max_size=14),
    st.permutations(range(14)),
)
def test_subjects_asked_in_any_order_answer_as_in_order(words: list[str], order: list[int]) -> None:
    in_order = v._Subjects(words)
    expected = [in_order.voices(verb) for verb in range(len(words))]
    any_order = v._Subjects(words)
    for verb in order:
        if verb < len(words):
            assert any_order.voices(verb) == expected[verb]


@given(
    st.lists(st.integers(0, 30), unique=True).map(sorted),
    st.lists(st.integers(0, 30), unique=True).map(sorted),
)
def test_the_indices_of_positions_are_those_a_dict_of_starts_gives(
    starts: list[int], positions: list[int]
) -> None:
    index_at = {start: index for index, start in enumerate(starts)}
    expected = [index_at[position] for position in positions if position in index_at]
    assert v._indices(starts, positions) == expected


@given(st.lists(st.sampled_from(list(Voice))))
def test_distinct_voices_are_those_of_dict_fromkeys(voices: list[Voice]) -> None:
    assert v._distinct(voices) == tuple(dict.fromkeys(voices))


@given(st.lists(st.sampled_from(_PARTS), max_size=8).map("".join))
def test_a_finding_is_lowered_as_lowered_does(text: str) -> None:
    assert v._lowered(text) == lowered(text)


def test_every_character_is_lowered_as_lowered_does() -> None:
    for code in range(0x110000):
        text = chr(code) + "é"
        assert v._lowered(text) == lowered(text), hex(code)


@pytest.mark.parametrize("word", sorted(v._BARE_VERBS))
@pytest.mark.parametrize("before", ["", " ", "(", "’", "é", "x", "_", "1"])
@pytest.mark.parametrize("after", ["", " us", ".", ", that", "’s", " to us", " with us"])
def test_a_bare_verb_matches_as_its_word_at_a_cue_place(word: str, before: str, after: str) -> None:
    lower = before + word + after
    match = v._REPORTING.lowered.match(lower, len(before))
    if before and (before.isalnum() or before == "_"):
        assert match is None
    else:
        assert match is not None
        assert match.end() == len(before) + len(word)


def test_the_verbs_not_bare_are_those_with_more_to_match() -> None:
    verbs = {word for word, kind in v._CUE_KINDS.items() if kind == v._VERB}
    assert verbs - v._BARE_VERBS == {"reported", "shared"}
    assert v._REPORTING.lowered.match("reported to us") is None
    assert v._REPORTING.lowered.match("shared") is None


@given(
    st.lists(
        st.sampled_from(
            [*v._DATA_SUBJECTS, *v._DATA_VERBS, "showed", "told us", "x" * 30, " ", ".", ";", "s"]
        )
    ).map("".join)
)
@example("data" + " x" * 39 + " showed")
@example("data" + " x" * 40 + " demonstrates")
def test_a_data_cue_the_gate_passes_over_matches_no_data_pattern(text: str) -> None:
    for place, word in v._CUES.places(text):
        if word in v._DATA_SUBJECTS and not v._may_show_data(text, place, len(text)):
            assert v._DATA.lowered.match(text, place, len(text)) is None
