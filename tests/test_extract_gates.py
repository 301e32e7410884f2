"""The shortcuts extraction takes for speed change nothing it finds.

The scan skips the passages and sentences a rule needs something in and that lack it; the
lexicon looks for all its needles in one search. Each is compared with the plain way, on every
real page and on generated text.
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cqcmodel import Authority, Finding, QualityStatement, Score, parse_file
from cqcmodel.extract import _classify, _lexicon_patterns, _rules, _text, _title_case
from cqcmodel.extract import _lexicon as lexicon
from cqcmodel.extract._candidates import Candidate, Scan, all_caps_key
from cqcmodel.extract._lexicon import NAMING_VERBS, NATIONAL_BODIES, NATIONAL_PROGRAMMES
from cqcmodel.extract._names import scan
from cqcmodel.extract._rules import RULES, _passage_titles, _titles_pattern
from cqcmodel.extract._text import (
    WINDOW,
    Passage,
    Sentence,
    Token,
    capital_windows,
    first_characters,
    lowered,
    sentences,
)
from cqcmodel.extract._title_case import has_later_capital
from cqcmodel.framework import STATEMENTS, Theme

from .conftest import EXTRACTION_PAGES

PAGES = EXTRACTION_PAGES
_TITLES = sorted({title for info in STATEMENTS for title in info.titles} | {t.title for t in Theme})


def _found(candidates: list[Candidate]) -> list[tuple[object, ...]]:
    return [
        (
            c.passage.order,
            c.start,
            c.end,
            c.category,
            c.kind,
            sorted(c.keys),
            sorted(c.forms),
            c.acronym,
            c.lexicon,
            c.claim_end,
            c.bare,
            c.defined,
            c.guessed,
            c.variant,
        )
        for c in candidates
    ]


def _same_with_and_without_gate(authority: Authority) -> None:
    _, gated = scan(authority)
    _, ungated = scan(authority, gate=False)
    assert _found(gated) == _found(ungated)


def test_the_pages_are_there() -> None:
    assert len(PAGES) > 60


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.name)
def test_the_gate_changes_no_candidate_on_any_page(page: Path) -> None:
    _same_with_and_without_gate(parse_file(page))


_PARTS = [
    "Home First",
    " and ",
    " the ",
    "Better Care Fund",
    " (BCF)",
    "(",
    ")",
    "‘",
    "’",
    "“",
    "”",
    '"',
    "'",
    "Age UK",
    " Kent",
    " service",
    " Partnership Board",
    "Carers First",
    " known as ",
    ". ",
    ", a charity, ",
    "three-conversation approach",
    "Three-Conversation Approach",
    " staff",
    "NHS",
    " Trust",
    "x",
    " ",
    "É",
    "İ",
]


@given(st.lists(st.lists(st.sampled_from(_PARTS), max_size=16).map("".join), max_size=3))
@example(["‘Connected Leaders’ met. The local access point (LAP) helped."])
@example(["staff used Home First. it worked with Age UK Canterbury and Carers First."])
@example(["The Three-Conversation Approach. A three-conversation approach"])
def test_the_gate_changes_no_candidate_on_generated_findings(paragraphs: list[str]) -> None:
    findings = tuple(Finding(text=text.strip()) for text in paragraphs if text.strip())
    statement = QualityStatement(
        title="Partnerships and communities", score=Score(3), findings=findings
    )
    _same_with_and_without_gate(Authority(name="Kent County Council", statements=(statement,)))


@given(st.lists(st.sampled_from(_PARTS), max_size=16).map("".join))
def test_a_rule_finds_nothing_where_it_lacks_what_it_needs(text: str) -> None:
    passage = Passage(
        order=0, statement_id=None, finding_index=0, text=text, sentences=sentences(text)
    )
    for rule in RULES:
        for sentence in passage.sentences:
            gate = rule.passage_gate
            lacks = (
                (rule.needs and not any(char in text for char in rule.needs))
                or (gate is not None and not gate(Scan(self_keys=frozenset()), passage))
                or (
                    rule.needs_capital
                    and not has_later_capital(text, sentence.start + 1, sentence.end)
                )
            )
            if not lacks:
                continue
            state = Scan(self_keys=frozenset())
            rule.find(state, passage, sentence)
            assert not state.found, rule.name
            assert not state.blocked, rule.name


@given(st.lists(st.sampled_from(_PARTS), max_size=16).map("".join))
def test_a_rule_without_its_capital_test_finds_the_same_where_a_capital_is(text: str) -> None:
    passage = Passage(
        order=0, statement_id=None, finding_index=0, text=text, sentences=sentences(text)
    )
    for rule in RULES:
        if rule.capital_find is None:
            continue
        assert rule.needs_capital, rule.name
        for sentence in passage.sentences:
            if not has_later_capital(text, sentence.start + 1, sentence.end):
                continue
            plain, shortcut = Scan(self_keys=frozenset()), Scan(self_keys=frozenset())
            rule.find(plain, passage, sentence)
            rule.capital_find(shortcut, passage, sentence)
            assert _found(shortcut.found) == _found(plain.found), rule.name
            assert shortcut.blocked == plain.blocked, rule.name


def test_first_characters_reads_literals_and_branches() -> None:
    assert first_characters(re.compile(r"(?<!\w)(?:ab|c)d|(?=x)e")) == "ace"
    assert first_characters(re.compile(r"\(x\)")) == "("
    assert first_characters(re.compile(r"(a)|\bb")) == "ab"
    # Where a match may start with anything, it cannot tell.
    for pattern in (r"a?b", r"[ab]c", r"\w", r"(?i)a", r"()a", r"a|"):
        assert first_characters(re.compile(pattern)) == ""


_TITLE_WORDS = sorted(
    {word for title in _TITLES for word in re.findall(r"\w+", title)}
    | {word.upper() for title in _TITLES for word in re.findall(r"\w+", title)}
)


@given(
    st.lists(
        st.sampled_from(
            [
                *_TITLES,
                *(t.upper() for t in _TITLES),
                *_TITLE_WORDS,
                " ",
                ", ",
                "-",
                "x",
                "\u212a",
                ".",
            ]
        ),
        max_size=14,
    )
)
@example(["Safe systems, pathways and transitions", " ", "Safeguarding", "-", "LEADERSHIP"])
def test_each_title_searched_alone_finds_the_matches_of_all_titles_at_once(
    parts: list[str],
) -> None:
    text = "".join(parts)
    lower = lowered(text)
    spans = [match.span() for match in _titles_pattern().finditer(text, lower)]
    capitalised = [(a, b) for a, b in spans if any(char.isupper() for char in text[a + 1 : b])]
    assert list(_passage_titles(text)) == capitalised


@pytest.mark.parametrize("title", _TITLES)
def test_every_title_is_found_alone_as_among_all_titles(title: str) -> None:
    for written in (title, title.upper(), title.replace(" ", "-"), f"the {title}."):
        lower = lowered(written)
        spans = [match.span() for match in _titles_pattern().finditer(written, lower)]
        assert len(spans) == 1
        start, end = spans[0]
        capital = any(char.isupper() for char in written[start + 1 : end])
        assert _passage_titles(written) == (((start, end),) if capital else ())


_WRITTEN_TITLE_PARTS = [
    *_TITLES,
    *(t.upper() for t in _TITLES),
    *(t.title() for t in _TITLES),
    *_TITLE_WORDS,
    *(word.title() for word in _TITLE_WORDS),
    "wOrking",
    "sAFEGUARDING",
    "LeaderShip",
    "DoLS",
    "The",
    "Better",
    " ",
    ", ",
    "-",
    "x",
    "\u212a",
    "é",
    ".",
]


@given(st.lists(st.sampled_from(_WRITTEN_TITLE_PARTS), max_size=14))
@example(["working with ", "People"])
@example(["working with pe", "Ople"])
@example(["Safeguarding", " ", "LeaderShip", " ", "DoLS"])
@example(["how the local authority ensures safety within the system", " ", "The"])
def test_the_titles_told_by_the_words_found_are_those_of_every_title(parts: list[str]) -> None:
    text = "".join(parts)
    words = _rules._passage_words_pattern().findall(text)
    assert _passage_titles(text, words) == _passage_titles(text)


_SENTENCE_PARTS = [
    *_TITLE_WORDS[:12],
    "Better",
    "BCF",
    "Carers",
    "xBetter",
    ". ",
    "! ",
    "? ",
    ".\n",
    ".’ ",
    ". (",
    " ",
    "\u00a0",
    "e.g. ",
    "the",
    "x",
    "X",
    "s",
    "3",
    "-",
    "’",
    "é",
    "É",
]


@given(st.lists(st.sampled_from(_SENTENCE_PARTS), max_size=16))
@example(["Better", ". ", "Better"])
@example(["x", ". ", "BCF", " ", "the", ". ", "xBetter"])
@example([" ", "Better", "s", ". ", "É", "Better"])
def test_the_words_found_by_sentence_are_those_found_in_the_passage(parts: list[str]) -> None:
    text = "".join(parts)
    passage = Passage(
        order=0, statement_id=None, finding_index=0, text=text, sentences=sentences(text)
    )
    state = Scan(self_keys=frozenset())
    assert _rules.passage_words(state, passage) == _rules._passage_words_pattern().findall(text)


def _entries_as_defined(text: str) -> tuple[_lexicon_patterns.LexiconEntry, ...]:
    """The lexicon entries whose needle ``text`` holds as a word, as first written."""
    exact, caseless, _ = _lexicon_patterns._needles()
    indexes: set[int] = set()
    for word in exact.keys() & set(re.findall(r"\w+", text)):
        indexes.update(exact[word])
    for needle, found in caseless.items():
        if needle in text:
            indexes.update(found)
    entries = _lexicon_patterns.lexicon_entries()
    return tuple(entries[index] for index in sorted(indexes))


_NEEDLES = sorted(
    {entry.needle for entry in _lexicon_patterns.lexicon_entries()}
    | {name for name, *_ in NATIONAL_PROGRAMMES}
    | {name for name, *_ in NATIONAL_BODIES}
)


@given(st.lists(st.sampled_from([*_NEEDLES, "s", "x", "X", " ", "-", "_", "é", "’"]), max_size=12))
@example(["xBetter", " ", "Better"])
@example(["Fund", "s", " ", "First", "s"])
def test_one_search_finds_the_entries_of_every_needle(parts: list[str]) -> None:
    text = "".join(parts)
    assert _lexicon_patterns.entries_in(text) == _entries_as_defined(text)


@given(
    st.lists(
        st.sampled_from([*_NEEDLES, *_TITLE_WORDS, "s", "x", "X", " ", "-", "_", "é", "’"]),
        max_size=12,
    )
)
@example(["xBetter"])
@example(["Better", "s", " ", "xBetter", " ", "Assessing"])
def test_the_words_found_for_titles_tell_the_entries_of_every_needle(parts: list[str]) -> None:
    text = "".join(parts)
    words = _rules._passage_words_pattern().findall(text)
    assert _lexicon_patterns.entries_in(text, words) == _entries_as_defined(text)


@given(st.lists(st.sampled_from([*_NEEDLES, "s", "x", "X", " ", "-", "_", "é", "’"]), max_size=12))
@example(["Better", "s", " ", "Better"])
def test_the_needle_tree_matches_as_the_flat_alternation(parts: list[str]) -> None:
    text = "".join(parts)
    exact, _, finder = _lexicon_patterns._needles()
    words = sorted((w for w in exact if re.fullmatch(r"\w+", w)), key=lambda w: (-len(w), w))
    flat = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\b")
    assert [m.span() for m in finder.finditer(text)] == [m.span() for m in flat.finditer(text)]


def _with_look_behind_first(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """An entry's pattern with its look-behind written before its first character."""
    written = re.sub(r"^(\w)\(\?<!\[\\w-\]\1\)", r"(?<![\\w-])\1", pattern.pattern)
    assert written.startswith("(?<![\\w-])")
    return re.compile(written, pattern.flags)


_ENTRY_PARTS = [*_NEEDLES, "s", "x", "X", " ", "-", "_", "é", "’", "Three-conversation approach"]


@given(st.lists(st.sampled_from(_ENTRY_PARTS), max_size=10), st.integers(0, 40))
@example(["x", "Better Care Fund"], 0)
@example(["-", "BCF"], 1)
def test_each_entry_matches_as_with_its_look_behind_first(parts: list[str], start: int) -> None:
    text = "".join(parts)
    start = min(start, len(text))
    for entry in _lexicon_patterns.lexicon_entries():
        first = _with_look_behind_first(entry.pattern)
        found = [m.span() for m in entry.pattern.finditer(text, start)]
        assert found == [m.span() for m in first.finditer(text, start)], entry.pattern.pattern


# --- the windows of a Title Case run ---------------------------------------------------------

_STRETCH = re.compile(r"(?:\w++(?:[’'-]\w++)*+|&)(?:\s*+(?:\w++(?:[’'-]\w++)*+|&))*+")
_TOKEN = re.compile(r"\w+(?:[’'-]\w+)*|&|[^\w\s]")


def _window_as_defined(text: str, start: int, stop: int) -> tuple[tuple[Token, ...], int]:
    """The tokens from a capitalised word to :data:`WINDOW` words after the last capital."""
    window: list[Token] = []
    since = 0
    end = start
    for match in _TOKEN.finditer(text, start, stop):
        word = match.group()
        if word[0].isupper():
            since = 0
        elif since == WINDOW:
            break
        else:
            since += 1
        end = match.end()
        window.append(Token(match.start(), end, word))
    return tuple(window), end


def _windows_as_defined(
    text: str, start: int, end: int
) -> tuple[list[tuple[Token, ...]], int | None]:
    """Capital windows read stretch by stretch, capital by capital (ASCII text, no "_")."""
    found: list[tuple[Token, ...]] = []
    first: int | None = None
    for stretch in _STRETCH.finditer(text, start, end):
        begin, stop = stretch.span()
        if first is None:
            first = begin
        position = begin
        for capital in re.finditer(r"[A-Z]", text[:stop]):
            at = capital.start()
            if at < max(position, begin):
                continue
            if at > begin and not (text[at - 1].isspace() or text[at - 1] == "&"):
                continue  # inside a word
            window, position = _window_as_defined(text, at, stop)
            found.append(window)
    return found, first


_WINDOW_PARTS = [
    "Care",
    "Act",
    "and",
    "of",
    "the",
    "x",
    "NHS",
    " ",
    "  ",
    "-",
    "’",
    "'",
    "&",
    ",",
    ".",
    "(",
    "Ab",
    "5",
    "é",
    "co-Op",
    "\t",
]


@given(st.lists(st.sampled_from(_WINDOW_PARTS), max_size=24).map("".join), st.data())
@example("A&B and the Care Act", None)
@example("co-Op ’Care x x x x x Act’s x-Y", None)
def test_capital_windows_are_the_windows_read_capital_by_capital(
    text: str, data: st.DataObject | None
) -> None:
    start, end = 0, len(text)
    if data is not None:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        # A sentence starts after space (or at the text's start).
        if start and not text[start - 1].isspace():
            start = 0
    windows = capital_windows(text, start, end)
    assert windows is not None
    assert windows == _windows_as_defined(text, start, end)


@given(st.sampled_from([*_WINDOW_PARTS, *_TITLE_WORDS, "Board’s", "and", "with", "Chair"]))
def test_a_run_of_one_word_has_nothing_to_split(word: str) -> None:
    run = [Token(3, 3 + len(word), word)]
    assert _title_case._split_possessives(run) == [run]
    assert _title_case._split_after_heads(run) == [run]
    assert _title_case._split_links(run) == [run]
    assert _title_case._split_coordinated(run) == [run]


_QUOTED_AS_WRITTEN = re.compile(
    r"‘((?:[^‘’\n]|’(?=\w))+)’(?!\w)|“([^“”\n]+)”|\"([^\"\n]+)\"|(?<!\w)'([^'\n]+)'(?!\w)"
)


@given(
    st.lists(
        st.sampled_from(["‘", "’", "“", "”", '"', "'", "a", "B", " ", "\n", "'s"]), max_size=14
    )
)
@example(["a", "'", "B", "'", " ", "'", "B", "'"])
def test_the_quoted_pattern_matches_as_written_with_its_look_behind_first(parts: list[str]) -> None:
    text = "".join(parts)
    found = [(m.span(), m.groups()) for m in _rules._QUOTED.finditer(text)]
    assert found == [(m.span(), m.groups()) for m in _QUOTED_AS_WRITTEN.finditer(text)]


_NAMING_AS_WRITTEN = re.compile(
    r"\b(?:"
    + "|".join(r"\s+".join(verb.split()) for verb in sorted(NAMING_VERBS))
    + r")(?:\s+[a-z]+ly)?(?:\s+as)?\s+$"
)
_NAMING_PARTS = [*sorted(NAMING_VERBS), "as", "locally", "x", "X", "_", "é", " ", "  ", "\n", "-"]


@given(st.lists(st.sampled_from(_NAMING_PARTS), max_size=10), st.integers(0, 30))
@example(["xknown", " ", "as", " "], 0)
@example(["referred", " ", "to", " ", "locally", " ", "as", " "], 3)
def test_the_naming_pattern_matches_as_with_a_word_boundary_first(
    parts: list[str], start: int
) -> None:
    text = "".join(parts)
    start = min(start, len(text))
    for end in range(start, len(text) + 1):
        found = _title_case._NAMING.search(text, start, end)
        written = _NAMING_AS_WRITTEN.search(text, start, end)
        assert (found and found.span()) == (written and written.span())


def _every_test(lower: list[str]) -> object:
    """The plain form of the organisation tests: each tried in turn."""
    for test in _classify.ORGANISATION_TESTS:
        kind = test(lower)
        if kind is not None:
            return kind
    return None


_CLASS_WORDS = sorted(
    {
        word
        for words in (
            lexicon.ORGANISATION_ENDINGS,
            lexicon.ORGANISATION_HEADS_OF,
            lexicon.SAINT_WORDS,
            lexicon.NHS_WORDS,
            lexicon.COMPANY_GROUP_WORDS,
            lexicon.CENTRE_GROUPS,
            lexicon.FORUM_GROUPS,
            lexicon.BRANCH_LINKS,
            lexicon.CARE_FIELDS,
            {"trust", "forum", "centre", "center", "group", "icb", "healthwatch", "university"},
            {"london", "royal", "borough", "of", "for", "department", "and", "women’s", "st"},
            {"kent", "plymouth", "service", "board", "x"},
        )
        for word in words
    }
    | {word for tail, _ in lexicon.ORGANISATION_TAILS for word in tail}
    | {word for body, _ in _classify._BRANCHED for word in body}
    | set(_classify._BODY_ACRONYMS)
)


@given(st.lists(st.sampled_from(_CLASS_WORDS), min_size=1, max_size=7))
def test_names_without_a_needed_word_are_no_body_by_any_test(lower: list[str]) -> None:
    """The quick rejection gives what trying every organisation test gives."""
    if not _classify._may_be_body(lower):
        assert _every_test(lower) is None


def test_each_needed_word_anywhere_among_other_words_is_tried() -> None:
    """Every word some organisation test needs, at every place among words no test needs.

    Each test needs a word of its own at some place (last, first or anywhere): where the
    quick rejection holds, trying every test finds no body either.
    """
    fillers = ["x", "of", "for", "and", "borough", "kent"]
    assert all(not _classify._may_be_body([word]) for word in fillers)
    for word in _CLASS_WORDS:
        for size in range(4):
            for others in itertools.product(fillers, repeat=size):
                for place in range(size + 1):
                    lower = [*others[:place], word, *others[place:]]
                    if not _classify._may_be_body(lower):
                        assert _every_test(lower) is None, lower


# --- the words just before a point ----------------------------------------------------------

_BEFORE_PARTS = ["Care", "co-Op", "x", "’s", "'", "-", "&", " ", "  ", "\n", ",", "(", "."]


@given(
    st.lists(st.sampled_from([*_BEFORE_PARTS, "x" * 40, "y-" * 20]), max_size=80).map("".join),
    st.integers(0, 300),
    st.integers(0, 300),
    st.integers(1, 12),
)
@example("x " * 100 + "a" * 100 + " b", 0, 205, 3)
@example("w " * 100, 10, 200, 30)
@example("w " * 100, 10, 200, 3)
@example("w " + ", " * 100 + "w", 0, 203, 2)
@example("a" * 300 + " b", 0, 290, 3)
@example("p " + "x" * 40 + " y", 3, 45, 2)
@example("p " + "x" * 40 + " y", 3, 20, 2)
def test_the_last_words_before_a_point_are_those_read_from_the_sentence_start(
    text: str, start: int, end: int, count: int
) -> None:
    start = min(start, len(text))
    stop = min(max(start, end), len(text))
    sentence = Sentence(start=start, end=len(text), text=text[start:])
    state = Scan(self_keys=frozenset())
    expected = state.words_before(_passage_of(text), sentence, stop)[-count:]
    assert state.last_words(_passage_of(text), sentence, stop, count) == expected
    fresh = Scan(self_keys=frozenset())
    assert fresh.last_words(_passage_of(text), sentence, stop, count) == expected


def _passage_of(text: str) -> Passage:
    return Passage(order=0, statement_id=None, finding_index=0, text=text, sentences=())


def test_the_case_exceptions_are_those_of_lowered() -> None:
    pattern = _text._CASE_EXCEPTIONS
    matched = "".join(chr(code) for code in range(sys.maxunicode + 1) if pattern.match(chr(code)))
    assert sorted(_rules._CASE_EXCEPTIONS) == sorted(matched)
    assert not any(char.isascii() for char in matched)


@given(st.text(st.sampled_from(["a", "B", " ", "’", "É", "ß", "İ", "ı", "ſ", "K", "ﬃ", "Σ"])))
@example("Kelvin K")
@example("İstanbul")
def test_lowered_without_a_search_is_lowered(text: str) -> None:
    assert _rules._lowered(text) == lowered(text)


# --- the letters of an acronym in its long form ---------------------------------------------


@given(
    st.text(st.sampled_from("aAbBcC -&1x"), max_size=40),
    st.text(st.sampled_from("abc1& "), max_size=8),
)
@example("Better Care Fund", "bcf")
@example("a-b Ab", "ab")
@example("", "")
def test_letters_found_by_rfind_are_those_found_one_by_one(long: str, short: str) -> None:
    assert _rules._last_letter_places(long, short) == _rules._letter_places(long, short)


def _all_caps_key_as_defined(name: str) -> str | None:
    parts = name.split()
    if not parts or any(sum(map(str.isupper, part)) < 2 for part in parts):
        return None
    return "acr:" + _text.compact_key(name).upper()


@given(
    st.lists(
        st.sampled_from(
            [
                "NHS",
                "ICB",
                "Kent",
                "kent",
                "UK",
                "A",
                "a",
                "iPAD",
                "É",
                "ǅ",
                "Σ",
                "1",
                "-",
                " ",
                "  ",
            ]
        ),
        max_size=6,
    ).map("".join)
)
@example("NWL ICB")
@example("Age UK")
@example("A-B C-D")
def test_an_all_caps_key_is_read_as_defined(name: str) -> None:
    assert all_caps_key(name) == _all_caps_key_as_defined(name)
