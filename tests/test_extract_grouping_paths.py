"""The shortcuts grouping takes for speed give what the plain readings give.

A group's fields are read in one pass over its candidates, a mention is made without its
checks, a name's words are folded without a call per word and a needle is looked for only at
its first character's places (the categories of one scan sharing them): each is compared with
the plain way on every real page and on generated names and texts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cqcmodel import parse_file
from cqcmodel.extract import Mention, _canonical, _merge
from cqcmodel.extract._lexicon import INITIATIVE_HEADS, ORGANISATION_ENDINGS, WORD_FORMS
from cqcmodel.extract._names import cached_scan, clear_caches
from cqcmodel.extract._text import Passage
from cqcmodel.extract.kinds import Category

from .conftest import EXTRACTION_PAGES
from .test_extract_patterns import _keyed


def _groups(path: Path) -> list[_merge.Group]:
    texts, candidates = cached_scan(parse_file(path))
    return [group for category in Category for group in _merge.groups(texts, candidates, category)]


@pytest.mark.parametrize("path", EXTRACTION_PAGES, ids=lambda path: path.name)
def test_a_groups_fields_are_its_properties(path: Path) -> None:
    """``fields()`` gives the name, kind, acronym and first lexicon name read one by one."""
    for group in _groups(path):
        name = group.name
        lexicon = next((c.lexicon for c in group.candidates if c.lexicon), None)
        assert group.fields() == (name, group.kind, group.acronym_for(name), lexicon)


@pytest.mark.parametrize("path", EXTRACTION_PAGES, ids=lambda path: path.name)
def test_mentions_made_without_checks_equal_checked_ones(path: Path) -> None:
    """A group's mentions equal ``Mention(...)`` of its spans, field by field."""
    for group in _groups(path):
        checked = tuple(
            Mention(
                statement_id=c.passage.statement_id,
                finding_index=c.passage.finding_index,
                start=c.start,
                end=c.end,
                text=c.text,
            )
            for c in group.candidates
        )
        mentions = group.mentions
        assert mentions == checked
        assert [repr(m) for m in mentions] == [repr(m) for m in checked]
        assert {hash(m) for m in mentions} == {hash(m) for m in checked}


@pytest.mark.parametrize("path", EXTRACTION_PAGES, ids=lambda path: path.name)
def test_groups_of_a_scan_sharing_its_occurrences_are_its_own(path: Path) -> None:
    """Both categories reading one scan's occurrences group as each reading its own does."""
    clear_caches()
    texts, candidates = cached_scan(parse_file(path))
    for category in Category:
        shared = _merge.groups(texts, candidates, category, shared=True)
        own = _merge.groups(texts, candidates, category)
        assert [_spans(group) for group in shared] == [_spans(group) for group in own]
    assert bool(_merge._SHARED) == bool(candidates)
    clear_caches()
    assert not _merge._SHARED


def _spans(group: _merge.Group) -> list[tuple[int, int, int, bool, str]]:
    """What a group's candidates are (a bare mention is a new one at each grouping)."""
    return [(c.passage.order, c.start, c.end, c.bare, c.kind) for c in group.candidates]


#: Texts of up to about 150 characters, some with more than 64 of a needle's first character.
_OCCURRENCE_TEXT = st.lists(
    st.sampled_from(["A", "Ab", "AAs ", "b", "s", " ", "-", "\0"]), max_size=60
).map("".join)


@given(
    st.lists(_OCCURRENCE_TEXT, min_size=1, max_size=4),
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 150), st.integers(1, 6)), max_size=8),
    st.lists(st.text(st.sampled_from(["A", "b", "s", " ", "\0"]), max_size=4), max_size=40),
)
@example(  # More than 64 places of "A", and enough needles that the words are indexed.
    texts=["A bb " * 70 + "Abbbs AAs", "x Ab-Abs"],
    spans=[(0, 0, 6), (0, 290, 4), (1, 2, 2)],
    needles=["A" + "b" * count for count in range(40)] + ["AA", "A b", "b", "Ab-"],
)
def test_free_passages_are_those_the_search_finds(
    texts: list[str], spans: list[tuple[int, int, int]], needles: list[str]
) -> None:
    """Whichever way a needle is looked for, it is found in the passages a search finds it in.

    The needles are asked in turn (the first characters' places are read once; past many
    needles the words are indexed, where a needle of word characters is found in fewer).
    """
    passages = [
        Passage(order=order, statement_id=None, finding_index=order, text=text, sentences=())
        for order, text in enumerate(texts)
    ]
    claimed: dict[int, list[tuple[int, int]]] = {}
    for order, start, length in spans:
        if order < len(texts) and start < len(texts[order]):
            end = min(start + length, len(texts[order]))
            claimed.setdefault(order, []).append((start, end))
    occurrences = _merge._Occurrences(passages, claimed)
    masked = [
        _merge._masked(text, sorted(claimed.get(order, []))) for order, text in enumerate(texts)
    ]
    assert occurrences.joined == "\0".join(masked)
    for needle in needles:
        found = occurrences.free_in(needle)
        if not needle or "\0" in needle:
            continue
        searched = occurrences._searched(needle)
        if _merge._WORD.fullmatch(needle) and occurrences.words is not None:
            assert set(found) <= set(searched)
        else:
            assert found == searched


@given(st.text(st.sampled_from(["a", "B", "7", "-", " ", "\n", "&", "É"]), max_size=8))
def test_a_forms_needle_is_the_longest_of_its_words(form: str) -> None:
    """A form's words are its split, its needle the first longest, as ``max`` reads them."""
    words = _merge.WORD_GAP.split(form)
    assert _merge._words(form) == (words, max(words, key=len))


@pytest.mark.parametrize("path", EXTRACTION_PAGES, ids=lambda path: path.name)
def test_a_form_matches_unclaimed_only_in_the_passages_found_for_it(path: Path) -> None:
    """Each passage where a form matches outside the claimed spans is among those found.

    And those are among the passages that hold the form's needle outside them.
    """
    texts, candidates = cached_scan(parse_file(path))
    occurrences = _merge.occurrences(texts, candidates)
    forms = {form for group in _groups(path) for form in _merge._forms(group.candidates)}
    for form in sorted(forms):
        pattern = _merge._form_pattern({form})
        matched = {
            index
            for index, passage in enumerate(texts)
            for match in pattern.finditer(passage.text)
            if not occurrences.taken(passage.order).claims(match.start(), match.end())
        }
        found = _merge._form_passages(occurrences, form)
        assert matched <= set(found) <= set(occurrences.free_in(_merge._words(form)[1]))


_ENDING_WORDS = ["care", "hub", "board", "", "x"]


@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(_ENDING_WORDS), max_size=13).map(" ".join), max_size=3),
        max_size=5,
    ),
    st.booleans(),
)
def test_name_endings_long_or_short_keep_the_definition(keys: list[list[str]], tree: bool) -> None:
    """Keys and wanted texts of up to 13 words: read by endings, or by the tree, as defined."""
    wanted = {key for group in keys for key in group}
    candidates = [_keyed(set(group)) for group in keys]
    found = (_merge._endings_by_tree if tree else _merge._endings)(candidates, wanted)
    for text in wanted:
        expected = {
            index
            for index, group in enumerate(keys)
            if any(key.endswith(" " + text) for key in group)
        }
        assert found.get(text, set()) == expected


def _word_as_written(word: str) -> str:
    if word.endswith("ing") and (
        word[:-3] in INITIATIVE_HEADS or word[:-3] in ORGANISATION_ENDINGS
    ):
        return word[:-3]
    return WORD_FORMS.get(word, word)


def _folded_as_written(name: str) -> str:
    key = " ".join(_word_as_written(word) for word in _canonical.name_key(name).split())
    for written, same in _canonical._PHRASE_FORMS:
        if written in key:
            key = f" {key} ".replace(f" {written} ", f" {same} ").strip()
    return key


_WORDS = [
    *INITIATIVE_HEADS,
    *(f"{word}ing" for word in INITIATIVE_HEADS),
    *(f"{word}ing" for word in ORGANISATION_ENDINGS),
    *WORD_FORMS,
    "Funding",
    "Well-Being",
    "ing",
    "Care",
    "the",
    "Co-ordinated",
]


@given(st.lists(st.sampled_from(_WORDS), max_size=6).map(" ".join))
def test_folding_a_name_is_folding_each_word(name: str) -> None:
    """A name's key folds each word as the per-word reading does."""
    assert _canonical._folded(name) == _folded_as_written(name)


@pytest.mark.parametrize("path", EXTRACTION_PAGES, ids=lambda path: path.name)
def test_folding_the_pages_names(path: Path) -> None:
    """Every name the pages give folds as the per-word reading folds it."""
    for group in _groups(path):
        for candidate in group.candidates:
            assert _canonical._folded(candidate.text) == _folded_as_written(candidate.text)


@given(st.text(st.sampled_from(["a", "É", "7", "_", " ", ".", "(", "\\", "-", "\n", "\u00a0"])))
def test_escaping_skips_only_what_escaping_leaves(text: str) -> None:
    """A form's word is escaped as ``re.escape`` escapes it."""
    assert _merge._escaped(text) == re.escape(text)
