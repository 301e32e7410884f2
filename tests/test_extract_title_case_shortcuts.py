"""The Title Case rule's shortcuts give what the plain way gives.

Runs read by a pattern are the runs read from windows of tokens; a run without connectors or
possessives is split nowhere; a pattern is searched for only where its last characters could
end a match; the plural forms of a set of nouns hold every word whose singular is one.
Each is compared with the plain way on generated text (the pages are compared as a whole by
the tests of the rules and the gates).
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cqcmodel.extract import _classify, _text, _title_case
from cqcmodel.extract._lexicon import (
    CONNECTORS,
    EXTENSION_HEADS,
    NAMING_VERBS,
    NUMBERED_WORDS,
    ORGANISATION_CUES_AFTER,
    ORGANISATION_CUES_BEFORE,
    SENTENCE_STARTERS,
    SINGLE_NAME_CUES,
)
from cqcmodel.extract._text import WORD_START, Sentence, singular, singular_forms, tokens
from cqcmodel.extract.kinds import OrganisationKind

_RUN_PARTS = [
    "Care",
    "Board",
    "NHS",
    "The",
    "There",
    "And",
    "and",
    "aND",
    "of",
    "the",
    "tHe",
    "for",
    "with",
    "x",
    "plan",
    "team",
    "teams",
    "75",
    "3a",
    "²",
    "Section",
    "SECTION",
    "tier",
    "Tier",
    "Sub",
    "Council’s",
    "Thomas",
    "Trust's",
    "co-Op",
    "ın",
    "é",
    "Ōtautahi",
    " ",
    " ",
    "  ",
    "\n",
    "-",
    "’",
    "'",
    "&",
    ",",
    ", ",
    ".",
    "(",
    "_",
    "£",
]


def _sentence(text: str) -> Sentence:
    return Sentence(start=0, end=len(text), text=text)


@given(st.lists(st.sampled_from(_RUN_PARTS), max_size=30).map("".join))
@settings(max_examples=300)
@example("The Section 75 Agreement and the Board")
@example("Guy’s and St Thomas’ NHS Trust, Care and Board plan")
@example("Tier  2 of Care x x x x x Board team")
@example("Sub-Section 75 Plan and -Section 75 Plan")
def test_runs_read_by_the_pattern_are_the_runs_of_the_windows(text: str) -> None:
    sentence = _sentence(text)
    written = sentence.text
    apostrophes = "’" in written or "'" in written
    listed = ", " in written and (" and " in written or " & " in written)
    plain = (
        not (apostrophes and _title_case._PLURAL_JOIN.search(written))
        and _title_case._plain_sentence(written)
        and not (listed and _title_case._capital_before_comma(written))
    )
    if not plain:
        return
    windows = _title_case._window_runs(text, sentence, apostrophes=apostrophes, listed=listed)
    pattern = _title_case._pattern_runs(text, sentence)
    assert [(run, start) for _, _, run, start in pattern] == [
        (run, start) for _, _, run, start in windows
    ]
    for (words, last, _, _), (window, window_last, _, _) in zip(pattern, windows, strict=True):
        # The words after a run are there wherever the extension reads them.
        after, window_after = words[last + 1 : last + 5], window[window_last + 1 : window_last + 5]
        assert _title_case._initiative_noun_in(after) == _title_case._initiative_noun_in(
            window_after
        )
        if _title_case._initiative_noun_in(window_after):
            assert tuple(after) == tuple(window_after)


_COMMA_PARTS = ["A", "Ab", "a", "x" * 13, "1", "-", "’", "'", ", ", ",", " ", ".", "é", "_", "²"]


@given(st.lists(st.sampled_from(_COMMA_PARTS), max_size=30).map("".join))
@settings(max_examples=500)
@example("x" * 40 + ", ")
@example("x" * 39 + ", ")
@example("B" + "x" * 39 + ", ")
@example("B" + "x" * 40 + ", ")
def test_a_capital_before_a_comma_is_found_where_the_words_before_each_comma_show_it(
    text: str,
) -> None:
    if _title_case._plain_sentence(text):
        assert _title_case._capital_before_comma(text) == (
            _title_case._capital_before_comma_as_read(text)
        )


@given(st.text(st.sampled_from(["a", "A", "_", "&", "²", "é", " ", ",", "(", "’", "\n"])))
@example("")
@example(" ")
def test_a_sentence_s_first_word_is_where_the_word_pattern_finds_one(text: str) -> None:
    for start in range(len(text) + 1):
        sentence = Sentence(start=start, end=len(text), text=text[start:])
        found = WORD_START.search(text, start, len(text))
        expected = found.start() if found is not None else None
        assert _title_case._first_word(text, sentence) == expected


@given(st.lists(st.sampled_from(_RUN_PARTS), max_size=30).map("".join))
@settings(max_examples=300)
@example("A Level 3 Plan and Care x")
def test_the_ascii_run_pattern_reads_a_plain_sentence_as_the_unicode_one(text: str) -> None:
    def spans(pattern: re.Pattern[str], start: int) -> list[tuple[int, ...]]:
        return [found.span() + found.span(1) for found in pattern.finditer(text, start)]

    for start in range(len(text) + 1):
        if start and not text[start - 1].isspace():
            continue
        if _title_case._plain_sentence(text[start:]):
            unicode = spans(_title_case._RUN_FOLLOWED, start)
            assert spans(_title_case._PLAIN_RUN, start) == unicode


def test_the_numbered_words_are_those_the_run_pattern_reads() -> None:
    for word in NUMBERED_WORDS:
        for written in (word.capitalize(), word.upper()):
            text = f"the {written} 75 Agreement"
            runs = _title_case._pattern_runs(text, _sentence(text))
            assert [[token.text for token in run] for _, _, run, _ in runs] == [
                [written, "75", "Agreement"]
            ]


@given(
    st.lists(
        st.sampled_from(["Care", "Board", "The", "and", "of", "NHS", "Council’s"]),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_a_plain_run_is_split_nowhere(words: list[str], at_start: bool) -> None:
    run = list(tokens(" ".join(words)))
    if not _title_case._plain(run):
        return
    starter = at_start and run[0].text.casefold() in SENTENCE_STARTERS
    trimmed = _title_case._trim(run, at_start=at_start, self_keys=frozenset())
    assert trimmed == (run[1:] if starter else run)
    if trimmed:
        assert _title_case._parts(trimmed) == [(trimmed, False)]
        assert _title_case._named_part(trimmed, frozenset()) == (trimmed, False)


@given(st.text(alphabet="abeilnorsuy'", max_size=8))
@example("boards")
@example("strategies")
def test_the_singular_forms_hold_every_word_with_a_singular_among_the_nouns(word: str) -> None:
    forms = singular_forms(EXTENSION_HEADS | {"ally", "bus", "lens"})
    if singular(word) in EXTENSION_HEADS | {"ally", "bus", "lens"}:
        assert word in forms


_BEFORE_PARTS = [
    *sorted(NAMING_VERBS),
    "as",
    "locally",
    "0",
    "25",
    "-",
    "–",
    "+",
    "x",
    " ",
    "  ",
    "\n",
    ".",
    "£",
]


@given(st.lists(st.sampled_from(_BEFORE_PARTS), max_size=12).map("".join), st.integers(0, 40))
@example("the 0-25 \nService", 0)
@example("known \nas\n", 0)
def test_the_searches_before_a_name_find_what_their_patterns_find(text: str, first: int) -> None:
    name = text + "Zone"
    start = len(text)
    sentence = Sentence(start=min(first, start), end=len(name), text=name[min(first, start) :])
    ages = _title_case._AGE_RANGE.search(name, max(sentence.start, start - 12), start)
    found = _title_case._age_range(name, start, sentence)
    assert (found and found.span()) == (ages and ages.span())
    naming = _title_case._NAMING.search(name, max(sentence.start, start - 40), start)
    assert _title_case._named_before(name, start, sentence) == (naming is not None)


_LONG = 200_000


@pytest.mark.timeout(60)
def test_the_run_readers_finish_on_long_inputs() -> None:
    from .test_robustness import _EXTRACTION_RUNS  # noqa: PLC0415

    for text in (
        *_EXTRACTION_RUNS,
        "Section" + " " * _LONG + "75",
        "A, " * _LONG,
        "x" * _LONG + ", ",
        "A--" * _LONG,
        "Care and the " * (_LONG // 10),
        "Tier 2 of " * (_LONG // 10),
        "Thomas’ " * (_LONG // 5),
    ):
        sentence = _sentence(text)
        _title_case._plain_sentence(text)
        _title_case._capital_before_comma(text)
        _title_case._PLURAL_JOIN.search(text)
        _title_case._pattern_runs(text, sentence)


def _body_cue_as_written(
    text: str, start: int, end: int, sentence: Sentence, *, single: bool, speaks: bool
) -> object:
    """:func:`_title_case.body_cue` trying every phrase of the cues in turn."""
    tc = _title_case
    last = tc._cue_before(text, start, sentence)
    if tc._LISTED_BEFORE.search(text, max(sentence.start, start - 16), start):
        listed = tc._listed_member(text, start, sentence)
        if listed is not None:
            return listed
    after = tc._word_after(text, end, sentence)
    if single and singular(last) not in tc._STRONG_LAST and after not in tc._STRONG_AFTER:
        return None
    before = tc._words_before(text, start, sentence)
    noun = tc.ORGANISATION_NOUNS.get(singular(last)) if last else None
    if noun is not None:
        return noun
    for phrase, following in SINGLE_NAME_CUES:
        if not phrase and not speaks:
            continue
        preceded = not phrase or before == phrase or before.endswith(" " + phrase)
        if preceded and following in {"", after}:
            return OrganisationKind.OTHER
    if single:
        return None
    if last in tc.ORGANISATION_CUES_BEFORE or after in tc.ORGANISATION_CUES_AFTER:
        return OrganisationKind.OTHER
    return None


_CUE_WORDS = sorted(
    {word for phrase, following in SINGLE_NAME_CUES for word in (*phrase.split(), following)}
    | set(ORGANISATION_CUES_BEFORE)
    | set(ORGANISATION_CUES_AFTER)
    | {"charity", "partners", "including", "and", ",", "x", "The"}
)


@given(
    st.lists(st.sampled_from(_CUE_WORDS), max_size=6),
    st.lists(st.sampled_from(_CUE_WORDS), max_size=3),
    st.booleans(),
    st.booleans(),
)
def test_a_body_cue_is_what_every_phrase_tried_in_turn_gives(
    before: list[str], after: list[str], single: bool, speaks: bool
) -> None:
    head = " ".join(before) + " " if before else ""
    text = head + "Zone Care " + " ".join(after)
    start, end = len(head), len(head) + len("Zone Care")
    sentence = _sentence(text)
    found = _title_case.body_cue(text, start, end, sentence, single=single, speaks=speaks)
    assert found == _body_cue_as_written(text, start, end, sentence, single=single, speaks=speaks)


def test_a_full_cache_of_name_classes_is_emptied_and_gives_what_the_classes_give() -> None:
    _classify.clear_caches()
    names = [("Carers", f"Trust{index}") for index in range(_classify._MOST_CACHED + 10)]
    names += [("Carers", "Trust"), ("Sheffield",), ("Age", "UK", "Leeds")] * 2
    names.append(("A",) * (_classify._CACHED_WORDS + 1))
    for words in names:
        assert _classify.organisation_kind(words) == _classify._organisation_kind(words)
        assert _classify.head_index(list(words)) == _classify._head_index(words)
        assert _classify.names_a_thing(words) == _classify._names_a_thing(words)
    _classify.clear_caches()


def test_a_full_cache_of_lower_words_is_emptied_and_gives_what_folding_gives() -> None:
    _classify.clear_caches()
    words = [f"Boards{index}" for index in range(_classify._MOST_LOWER_WORDS + 10)]
    words += ["Boards", "STRATEGIES", "Straße"] * 2
    for word in words:
        assert _classify._lower_word(word) == singular(word.casefold())
    assert len(_classify._LOWER_WORDS) <= _classify._MOST_LOWER_WORDS
    _classify.clear_caches()
    assert not _classify._LOWER_WORDS


def test_case_folding_makes_no_character_shorter() -> None:
    # So a word longer than every word of a set is none of them in any case, unfolded.
    assert all(len(chr(code).casefold()) >= 1 for code in range(0x110000))
    assert max(map(len, CONNECTORS)) == _title_case._LONGEST_CONNECTOR
    assert max(map(len, CONNECTORS | SENTENCE_STARTERS)) == _title_case._LONGEST_OPENING
    assert max(map(len, _title_case._ALL_LINK_WORDS)) == _title_case._LONGEST_LINK_WORD


_FOLD_WORDS = st.lists(
    st.sampled_from(
        [
            *sorted(CONNECTORS),
            *sorted(_title_case._ALL_LINK_WORDS),
            "AND",
            "And",
            "ſo",
            "aſ",
            "oﬀ",
            "ﬁnd",
            "Straße",
            "There",
            "THE",
            "Kent",
            "Board",
            "Council’s",
            "Trust's",
            "plan",
            "services",
        ]
    ),
    min_size=1,
    max_size=8,
)


@given(_FOLD_WORDS, st.booleans())
@example(["and", "aſ", "ſo"], True)
def test_words_too_long_to_be_connectors_are_read_as_when_folded(
    words: list[str], at_start: bool
) -> None:
    run = list(tokens(" ".join(words)))
    texts = [token.text for token in run]
    assert _title_case._content(texts) == len(
        [word for word in texts if word.casefold() not in CONNECTORS]
    )
    assert _title_case._holds_and(run) == any(
        token.text.casefold() in {"and", "&"} for token in run
    )
    assert _title_case._holds_link_word(run) == any(
        token.text.casefold() in _title_case._ALL_LINK_WORDS for token in run
    )
    assert _title_case._plain(run) == all(
        token.text.casefold() not in CONNECTORS and not token.text.endswith(("’s", "'s"))
        for token in run
    )
    for word in texts:
        lower = word.casefold()
        assert _title_case._trimmed_away(word, at_start=at_start) == (
            lower in CONNECTORS or (at_start and lower in SENTENCE_STARTERS)
        )
    following = " ".join(texts[:4])
    assert _title_case._may_extend(following) == (
        "&" in following
        or not _title_case._EXTENSION_FORMS.isdisjoint(following.casefold().split())
    )
    assert _title_case._initiative_noun_in(run) == (
        not _title_case._EXTENSION_FORMS.isdisjoint([token.text.casefold() for token in run])
    )


@given(st.lists(st.sampled_from(["A", "b", " ", "  ", ", ", "&"]), max_size=20).map("".join))
def test_words_more_than_a_space_apart_are_found_as_by_pairs(text: str) -> None:
    run = [token for token in tokens(text) if token.is_word]
    for index in range(len(run)):
        assert _title_case._spaced(run, index) == any(
            b.start - a.end > 1 for a, b in itertools.pairwise(run[: index + 1])
        )


@given(
    st.lists(
        st.sampled_from(
            [",", " ", "  ", "\n", "\xa0", "which", "who", "that", "is", "was", "a", "the", "x"]
        ),
        max_size=10,
    ).map("".join),
    st.integers(min_value=0, max_value=3),
)
@example(", a charity", 0)
@example("  which is an initiative", 0)
def test_an_apposition_is_tried_wherever_its_pattern_may_match(text: str, cut: int) -> None:
    stop = max(0, len(text) - cut)
    for end in range(len(text) + 1):
        if _title_case._APPOSITION.match(text, end, stop) is not None:
            assert _title_case._may_appose(text, end, stop)


def test_a_full_cache_of_name_keys_is_emptied_and_gives_what_the_key_gives() -> None:
    _text.clear_caches()
    names = [
        f"the Health & Wellbeing Boards {index}" for index in range(_text._MOST_NAME_KEYS + 10)
    ]
    names += ["Carers’ Centres", "Café–Bar", "x" * (_text._CACHED_NAME_LENGTH + 1)] * 2
    for name in names:
        assert _text.name_key(name) == _text._name_key(name)
    assert len(_text._NAME_KEYS) <= _text._MOST_NAME_KEYS
    _text.clear_caches()
    assert not _text._NAME_KEYS
