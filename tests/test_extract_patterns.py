"""Extraction's linear patterns and scanners find what the patterns as first written found.

Several extraction patterns were quadratic on long runs of one character (a match retried at
every character of the run). The linear versions start only where a match can start, give
nothing back where giving back cannot help, or find the fixed tail of a match first; these
tests pin each to the plain definition it replaced, on texts made of the fragments that
pattern reads.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from cqcmodel import framework
from cqcmodel.extract import _candidates, _figure_values, _merge, _rules, _text, _voicing
from cqcmodel.extract import _lexicon as lexicon
from cqcmodel.extract.kinds import Category, InitiativeKind, Voice
from cqcmodel.framework import STATEMENTS, Theme

from .strategies import fragment_texts, texts_and_bounds

# --- sentence ends ----------------------------------------------------------------------------

_BOUNDARY_AS_WRITTEN = re.compile(r"[.!?]+['\"’”)\]]*\s+")


def _sentences_as_written(text: str) -> list[tuple[int, int, str]]:
    result: list[tuple[int, int, str]] = []
    start = 0
    for match in _BOUNDARY_AS_WRITTEN.finditer(text):
        following = text[match.end() : match.end() + 1]
        if not following or not (following[0].isupper() or following[0] in "0123456789‘“'\"(£"):
            continue
        before = text[start : match.start()].rsplit(maxsplit=1)
        if before and before[-1].strip("(").casefold() in _text._ABBREVIATIONS:
            continue
        end = match.end() - (len(match.group()) - len(match.group().rstrip()))
        result.append((start, end, text[start:end]))
        start = match.end()
    tail = text[start:].rstrip()
    if tail.strip():
        offset = len(tail) - len(tail.lstrip())
        result.append((start + offset, start + len(tail), tail.lstrip()))
    return result


_SENTENCE_PARTS = [".", "!", "?", "'", '"', "’", ")", "]", " ", "\n", "a", "A", "e.g", "1", "("]


@given(fragment_texts([*_SENTENCE_PARTS, "etc", "ﬆ", "\t", "Dr"], max_size=20))
@example("Word... x")
@example("e.g. The end")
@example("(e.g. A")
@example("A. . B")
def test_sentences_keep_the_definition(text: str) -> None:
    found = [(sentence.start, sentence.end, sentence.text) for sentence in _text.sentences(text)]
    assert found == _sentences_as_written(text)


# --- the authority's own name ------------------------------------------------------------------

_NAME_PREFIXES_AS_WRITTEN = re.compile(
    r"^(?:the\s+)?(?:london\s+borough\s+of|royal\s+borough\s+of|city\s+of|borough\s+of|"
    r"county\s+of)\s+",
    re.IGNORECASE,
)
_NAME_SUFFIXES_AS_WRITTEN = re.compile(
    r"\s+(?:metropolitan\s+borough\s+council|borough\s+council|county\s+council|"
    r"city\s+council|district\s+council|council|assessment)$",
    re.IGNORECASE,
)
_NAME_PARTS = [" ", "  ", "\t", "\n", "council", "Council", "borough", "county", "city", "x"]


@given(
    fragment_texts([*_NAME_PARTS, "district", "metropolitan", "assessment", "the", "london", "of"])
)
@example("Kent   County Council")
@example("The London Borough of  Ealing")
def test_name_prefixes_and_suffixes_keep_the_definition(name: str) -> None:
    assert _candidates._NAME_SUFFIXES.sub("", name) == _NAME_SUFFIXES_AS_WRITTEN.sub("", name)
    assert _candidates._NAME_PREFIXES.sub("", name) == _NAME_PREFIXES_AS_WRITTEN.sub("", name)


# --- words and voices ---------------------------------------------------------------------------

_WORD_PARTS = ["a", "A", "Bc", "1", "_", "-", "’", "'", "&", ",", ".", " ", "  ", "(", "é", "ſ"]


@given(texts_and_bounds(_WORD_PARTS))
@example(("x-Foo (AB)", 0, 10))
@example(("co-Production", 0, 13))
def test_word_readers_keep_the_tokens(case: tuple[str, int, int]) -> None:
    text, start, end = case
    plain = _text.tokens(text, start, end)
    words = [token for token in plain if token.is_word]
    assert list(_text.words_from(text, start, end)) == words
    # Stretches: the words between punctuation marks, kept when one starts with a capital.
    expected: list[tuple[_text.Token, ...]] = []
    stretch: list[_text.Token] = []
    for token in [*plain, None]:
        if token is not None and token.is_word:
            stretch.append(token)
            continue
        if any(word.text[0].isupper() for word in stretch):
            expected.append(tuple(stretch))
        stretch = []
    found, first = _text.stretches(text, start, end)
    assert found == expected
    assert first == (words[0].start if words else None)
    # The words before any point, from the index of the whole span.
    index = _text.WordIndex.of(text, _text.Sentence(start=start, end=end, text=text[start:end]))
    for point in range(start, end + 1):
        before = [token for token in _text.tokens(text, start, point) if token.is_word]
        assert list(index.before(point)) == before


_REPORTING_AS_WRITTEN = re.compile(
    r"\b(?:told|tell|tells|said|say|says|described|describe|describes|reported(?!\s+to\b)|"
    r"explained|"
    r"felt|feel|feels|acknowledged|noted|highlighted|raised|commented|spoke|confirmed|praised|"
    r"expressed|stated|mentioned|gave|informed|emphasised|talked|cited|shared\s+(?:with\s+us|"
    r"that|their|concerns|examples|feedback|positive|experiences))\b",
    re.IGNORECASE,
)
_FROM_AS_WRITTEN = re.compile(
    r"\b(?:heard|feedback|comments?|responses?|views|evidence|input|concerns)\b"
    r"(?:\s+[\w’'-]+){0,7}?\s+from\s+",
    re.IGNORECASE,
)
_DATA_AS_WRITTEN = re.compile(
    r"\b(?:data|figures|statistics|survey|surveys)\b[^.;]{0,80}?\b(?:showed|shows|show|"
    r"indicated|indicates|suggested|suggests|demonstrated|demonstrates|confirmed|reflected|"
    r"highlighted|found|told\s+us)\b|\b(?:England|national)\s+average\b|\b(?:ASCS|SACE|ASCOF)\b|"
    r"\bAdult Social Care Survey\b|\bSurvey of Adult Carers\b|"
    r"\b(?:national|published)\s+data\b",
    re.IGNORECASE,
)
_VOICE_PARTS = [
    "told",
    "Said",
    "ſaid",
    "reported",
    " to",
    "shared",
    " with us",
    "heard",
    "feedback",
    " from ",
    "data",
    " showed",
    "England",
    " average",
    "ASCS",
    "national",
    " data",
    "x",
    "_",
    "-",
    " ",
    ".",
    "’",
    "tİ",
    "ı",
    "K",
    "SHARED",
]


@given(fragment_texts(_VOICE_PARTS, max_size=16))
@example("Staff told us")
@example("xtold us, _said")
def test_voice_patterns_keep_the_definitions(text: str) -> None:
    for pattern, as_written in (
        (_voicing._REPORTING, _REPORTING_AS_WRITTEN),
        (_voicing._FROM, _FROM_AS_WRITTEN),
        (_voicing._DATA, _DATA_AS_WRITTEN),
    ):
        expected = [m.span() for m in as_written.finditer(text)]
        assert [m.span() for m in pattern.finditer(text, _text.lowered(text))] == expected
        assert [m.span() for m in pattern.finditer(text, None)] == expected
    words = [token for token in _text.tokens(text) if token.is_word or token.text == ","]
    assert _voicing._words(text) == (
        [token.text.casefold() for token in words],
        [token.start for token in words],
    )


# --- labels before counts, name endings, subjects -------------------------------------------------

_LABEL_PARTS = ["section", "Section", "part", "regulation", "Regulation", " ", "  ", "\n", "x", "1"]


@given(texts_and_bounds([*_LABEL_PARTS, "subsection", "Priority", "-", "."]))
@example(("Section  42", 0, 9))
@example(("regulation 4", 0, 11))
def test_labelled_numbers_keep_the_definition(case: tuple[str, int, int]) -> None:
    text, start, number = case
    expected = _figure_values._NOT_COUNTS.search(text, start, number) is not None
    assert _figure_values._labelled(text, start, number) == expected


_KEY_WORDS = ["care", "hub", "board", "the", "", "x"]


@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(_KEY_WORDS), max_size=5).map(" ".join), max_size=3),
        max_size=6,
    )
)
def test_name_endings_keep_the_definition(keys: list[list[str]]) -> None:
    wanted = {key for group in keys for key in group}
    found = _merge._endings([_keyed(set(group)) for group in keys], wanted)
    for text in wanted:
        expected = {
            index
            for index, group in enumerate(keys)
            if any(key.endswith(" " + text) for key in group)
        }
        assert found.get(text, set()) == expected


def _keyed(keys: set[str]) -> _candidates.Candidate:
    """A candidate whose keys are ``keys``: what :func:`_merge._endings` reads of one.

    A real candidate, not a stand-in: compiled (the optional mypyc build), ``_endings``
    accepts nothing else.
    """
    passage = _text.Passage(order=0, statement_id=None, finding_index=0, text="x", sentences=())
    candidate = _candidates.Candidate(
        passage=passage, start=0, end=1, category=Category.INITIATIVE, kind=InitiativeKind.SERVICE
    )
    candidate.keys = keys
    return candidate


@given(
    fragment_texts(
        ["a", "Bc", " ", "  ", "\t", "\u00a0", "\u2009", "\x1c", "-", "é", "\n"], max_size=8
    )
)
@example(" Care Fund")
@example("")
def test_form_words_keep_the_word_gap_split(form: str) -> None:
    """The plain split of a form gives the words ``WORD_GAP`` would."""
    assert _merge._gap_split(form) == _text.WORD_GAP.split(form)


def _form_pattern_as_written(forms: set[str]) -> re.Pattern[str]:
    alternatives = [
        r"[\s-]+".join(re.escape(word) for word in _text.WORD_GAP.split(form))
        for form in sorted(forms, key=lambda form: (-len(form), form))
    ]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")s?(?![\w-])")


_FORM_PARTS = ["Care", "care", "A", "s", " ", "-", "\n", "(", ".", "é", "Fund", "_", "+"]


@given(
    st.sets(fragment_texts(_FORM_PARTS, max_size=4).filter(bool), min_size=1, max_size=3),
    fragment_texts(_FORM_PARTS, max_size=25),
)
@example({"Better Care Fund", "BCF"}, "the Better Care Funds, BCF-x and (BCF)")
@example({" Care", "-A"}, "x Care -A Care")
def test_form_patterns_keep_the_definition(forms: set[str], text: str) -> None:
    """Each form's look-behind, written after its first character, matches as before it."""
    expected = [match.span() for match in _form_pattern_as_written(forms).finditer(text)]
    assert [match.span() for match in _merge._form_pattern(forms).finditer(text)] == expected


@given(
    fragment_texts(["ab", "a", " ", "Care", "\0", "-"]),
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8)), max_size=6),
    st.sampled_from(["a", "ab", "Care", "b C", " "]),
)
def test_masked_text_holds_a_needle_where_no_claimed_span_overlaps_it(
    text: str, spans: list[tuple[int, int]], needle: str
) -> None:
    """A needle (no NUL) occurs in the masked text exactly where no claimed span overlaps it."""
    claimed = sorted(
        (start, min(start + length, len(text))) for start, length in spans if start < len(text)
    )
    masked = _merge._masked(text, claimed)
    assert len(masked) == len(text)
    free = {
        place
        for place in range(len(text) - len(needle) + 1)
        if text.startswith(needle, place)
        and not any(start < place + len(needle) and end > place for start, end in claimed)
    }
    found = {place for place in range(len(masked)) if masked.startswith(needle, place)}
    assert found == free


_SUBJECT_WORDS = ["staff", "told", "they", "and", ",", "health", "leaders", "also", "us", "people"]


def _subject_voices_as_written(words: list[str], verb: int) -> tuple[list[tuple[int, Voice]], bool]:
    index = verb - 1
    while index >= 0 and words[index] in lexicon.SUBJECT_FILLERS:
        index -= 1
    if index < 0:
        return [], False
    if words[index] in lexicon.PRONOUNS:
        return [], True
    found, _ = _voicing._phrase_backwards(words, index)
    return found, False


@given(st.lists(st.sampled_from(_SUBJECT_WORDS), max_size=14))
def test_subjects_keep_the_definition(words: list[str]) -> None:
    subjects = _voicing._Subjects(words)
    for verb in range(len(words)):
        assert subjects.voices(verb) == _subject_voices_as_written(words, verb)


_TITLES_AS_WRITTEN = re.compile(
    r"\b(?:"
    + "|".join(
        r"[\s,-]+".join(map(re.escape, re.findall(r"\w+", title)))
        for title in sorted(
            {title for info in STATEMENTS for title in info.titles} | {t.title for t in Theme},
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    re.IGNORECASE,
)
_TITLE_PARTS = ["Assessing", "ASSESSING", "aſſeſſing", "needs", "Needs", " ", ",", "-", "x"]


@given(fragment_texts([*_TITLE_PARTS, "Leadership", "leaderſhip", "İ", "ı", "K", "\n", "é"]))
@example("Assessing needs")
@example("xAssessing  needs, leadership")
def test_titles_pattern_keeps_the_definition(text: str) -> None:
    expected = [m.span() for m in _TITLES_AS_WRITTEN.finditer(text)]
    found = _rules._titles_pattern().finditer(text, _text.lowered(text))
    assert [m.span() for m in found] == expected


@given(st.text(max_size=30))
def test_lowered_text_keeps_places_and_word_characters(text: str) -> None:
    lower = _text.lowered(text)
    if lower is None:
        return
    assert len(lower) == len(text)
    for char, low in zip(text, lower, strict=True):
        assert bool(re.match(r"\w", char)) == bool(re.match(r"\w", low))
        assert char.isspace() == low.isspace()
        if low.isascii() and low.isalpha():
            assert char.isascii()  # only an ASCII capital lowers to an ASCII letter


# --- typography folding -------------------------------------------------------------------

_FOLD_PARTS = ["a", "B", "é", "-", "–", "—", "’", "‘", "“", "”", "\u00a0", " ", "  ", "\t", "\n"]
_FOLD_PARTS += ["\x1c", "\u2028", "\u3000", "\u200b", "İ", "ß", "x-y", "_", "1"]


def _fold_as_written(text: str) -> str:
    text = text.translate(framework._FOLD_TABLE)
    text = re.sub(r"(?<=\w)-(?=\w)", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


@given(st.lists(st.sampled_from(_FOLD_PARTS), max_size=16).map("".join))
@example("\u00a0co-ordinated\u2028 – x")
def test_fold_is_the_translation_hyphen_removal_and_collapse_it_was(text: str) -> None:
    assert framework.fold(text) == _fold_as_written(text)
