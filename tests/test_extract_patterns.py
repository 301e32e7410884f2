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

from cqcmodel.extract import _names, _text


def texts(fragments: list[str], max_size: int = 14) -> st.SearchStrategy[str]:
    """Texts joined from ``fragments``."""
    return st.lists(st.sampled_from(fragments), max_size=max_size).map("".join)


@st.composite
def texts_and_bounds(draw: st.DrawFn, fragments: list[str]) -> tuple[str, int, int]:
    """A text with a start and end inside it (patterns run between a sentence's bounds)."""
    text = draw(texts(fragments))
    start = draw(st.integers(0, len(text)))
    return text, start, draw(st.integers(start, len(text)))


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


@given(texts([*_SENTENCE_PARTS, "etc", "ﬆ", "\t", "Dr"], max_size=20))
@example("Word... x")
@example("e.g. The end")
@example("(e.g. A")
@example("A. . B")
def test_sentences_keep_the_definition(text: str) -> None:
    found = [(sentence.start, sentence.end, sentence.text) for sentence in _text.sentences(text)]
    assert found == _sentences_as_written(text)


# --- cafés -------------------------------------------------------------------------------------

_CAFE_AS_WRITTEN = re.compile(r"\b([a-z][a-z-]{2,})\s+(?:café|cafe)s?(?:\s+events?)?\b")
_CAFE_PARTS = ["a", "b", "-", " ", "  ", "cafe", "café", "s", " events", " event", "X", "1", "é"]


@given(texts_and_bounds([*_CAFE_PARTS, ".", "\n", "ab", "abc-", "_"]))
@example(("Memory-friendly café", 0, 20))
@example(("Xab cafe events cafe", 0, 20))
@example(("abc cafe-xyz cafe", 0, 17))
@example(("foo cafe cafe café", 0, 18))
def test_cafe_matches_keep_the_definition(case: tuple[str, int, int]) -> None:
    text, start, end = case
    expected = [(m.span(), m.group(1)) for m in _CAFE_AS_WRITTEN.finditer(text, start, end)]
    found = [(m.span(), m.group(1)) for m in _names._cafe_matches(text, start, end)]
    assert found == expected


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


@given(texts([*_NAME_PARTS, "district", "metropolitan", "assessment", "the", "london", "of"]))
@example("Kent   County Council")
@example("The London Borough of  Ealing")
def test_name_prefixes_and_suffixes_keep_the_definition(name: str) -> None:
    assert _names._NAME_SUFFIXES.sub("", name) == _NAME_SUFFIXES_AS_WRITTEN.sub("", name)
    assert _names._NAME_PREFIXES.sub("", name) == _NAME_PREFIXES_AS_WRITTEN.sub("", name)


# --- ", which was a … service" -----------------------------------------------------------------

_APPOSITIVE_AS_WRITTEN = re.compile(
    r",?\s+(?:which|that|who)\s+(?:was|is|were|are)\s+(?:a|an|the|our|their)\s+"
    r"(?:[\w-]+\s+){0,3}?([\w-]+)\b"
)


@st.composite
def appositives(draw: st.DrawFn) -> str:
    """A name, then something close to ", which was a … noun"."""
    space = texts([" ", "  ", "\t"], max_size=2)
    parts = [
        draw(st.sampled_from([",", ""])),
        draw(space),
        draw(st.sampled_from(["which", "that", "who", "whom"])),
        draw(space),
        draw(st.sampled_from(["was", "is", "were", "are", "isx"])),
        draw(space),
        draw(st.sampled_from(["a", "an", "the", "our", "their", "ann"])),
        draw(texts([" ", "  ", "-"], max_size=2)),
        draw(texts(["word", "-", " ", "x-y", ".", "é", "  ", "_", "service"], max_size=8)),
    ]
    return "Foo" + "".join(parts)


@given(appositives())
@example("Foo, which is a local service")
@example("Foo which was an  x-- .")
def test_appositive_keeps_the_definition(text: str) -> None:
    found = _names._APPOSITIVE.match(text, 3)
    expected = _APPOSITIVE_AS_WRITTEN.match(text, 3)
    assert (found and (found.span(), found.group(1))) == (
        expected and (expected.span(), expected.group(1))
    )
