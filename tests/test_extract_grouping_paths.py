"""The shortcuts grouping takes for speed give what the plain readings give.

A group's fields are read in one pass over its candidates, a mention is made without its
checks and a name's words are folded without a call per word: each is compared with the plain
way on every real page and on generated names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqcmodel import parse_file
from cqcmodel.extract import Mention, _canonical, _merge
from cqcmodel.extract._lexicon import INITIATIVE_HEADS, ORGANISATION_ENDINGS, WORD_FORMS
from cqcmodel.extract._names import cached_scan
from cqcmodel.extract.kinds import Category

from .conftest import EXTRACTION_PAGES


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
