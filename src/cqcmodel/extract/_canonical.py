"""Canonical keys and names: one identity for a thing however a council's report writes it.

A key is the name's :func:`~cqcmodel.extract._text.name_key` (typography, case, plurals and
hyphens folded) with "-ing" forms of head nouns made nouns ("Funding" → "fund"), spelling
variants of :data:`~cqcmodel.extract._lexicon.WORD_FORMS` unified, the assessed authority's
own place dropped from the front of an initiative's name ("Kent Health and Wellbeing Board"
is a Health and Wellbeing Board) and a weak trailing noun dropped ("Home First model").
A key that equals a lexicon programme's or body's key (or a variant's) takes the lexicon's
key and name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Final

from ._lexicon import (
    INITIATIVE_HEADS,
    NATIONAL_BODIES,
    NATIONAL_PROGRAMMES,
    ORGANISATION_ENDINGS,
    WEAK_HEADS,
    WORD_FORMS,
)
from ._text import name_key

#: The nouns whose "-ing" form a key writes as the noun ("funding" → "fund").
_ING_NOUNS: Final = frozenset(INITIATIVE_HEADS) | frozenset(ORGANISATION_ENDINGS)

#: The spelling variants of more than one word, in the lexicon's order.
_PHRASE_FORMS: Final = tuple(
    (written, same) for written, same in WORD_FORMS.items() if " " in written
)


def _folded(name: str) -> str:
    # Each word's "-ing" form of a head noun made the noun, else its spelling unified.
    key = " ".join(
        [
            word[:-3]
            if word.endswith("ing") and word[:-3] in _ING_NOUNS
            else WORD_FORMS.get(word, word)
            for word in name_key(name).split()
        ]
    )
    for written, same in _PHRASE_FORMS:
        if written in key:
            key = f" {key} ".replace(f" {written} ", f" {same} ").strip()
    return key


def _without_weak_tail(key: str) -> str:
    words = key.split()
    if len(words) >= 3 and words[-1] in WEAK_HEADS:
        return " ".join(words[:-1])
    return key


@cache
def lexicon_keys() -> dict[str, str]:
    """The canonical key of each lexicon name and variant, to the lexicon's name."""
    found: dict[str, str] = {}
    for name, _, variants in NATIONAL_PROGRAMMES:
        for written in (name, *variants):
            found.setdefault(_without_weak_tail(_folded(written)), name)
    for name, _, _ in NATIONAL_BODIES:
        found.setdefault(_folded(name), name)
    return found


@cache
def _lexicon_name_keys() -> dict[str, tuple[str, str]]:
    """Each lexicon name's folded key, without and with its weak tail dropped.

    Read once: the lexicon's names are the keys of every group the text matched to it.
    """
    names = [name for name, _, _ in NATIONAL_PROGRAMMES] + [name for name, _, _ in NATIONAL_BODIES]
    keys = {}
    for name in names:
        key = _folded(name)
        keys[name] = (key, _without_weak_tail(key))
    return keys


def _lexicon_key(name: str, initiative: bool) -> str:
    """``_folded(name)`` (without a weak tail for an initiative), for a lexicon name."""
    keys = _lexicon_name_keys().get(name)
    if keys is None:
        key = _folded(name)
        return _without_weak_tail(key) if initiative else key
    return keys[1] if initiative else keys[0]


def canonical(
    name: str, *, places: Sequence[str] = (), lexicon: str | None = None, initiative: bool = True
) -> tuple[str, str]:
    """The canonical ``(key, display name)`` of ``name``.

    ``places`` are name keys of the assessed authority's place (dropped from the front of an
    initiative's name); ``lexicon`` is the lexicon name the text matched, if any.
    """
    if lexicon is not None:
        return _lexicon_key(lexicon, initiative), lexicon
    key = _folded(name)
    display = name
    if initiative:
        for place in places:
            if key.startswith(place + " ") and len(key.split()) - len(place.split()) >= 2:
                key = key[len(place) + 1 :]
                display = _drop_words(name, len(place.split()))
                break
        key = _without_weak_tail(key)
    known = lexicon_keys().get(key)
    if known is not None:
        return _lexicon_key(known, True), known
    return key, display


def _drop_words(name: str, count: int) -> str:
    """``name`` without its first ``count`` words (spaces or hyphens between them)."""
    rest = name
    for _ in range(count):
        parts = rest.replace("-", " ", 1).split(" ", 1) if rest else [""]
        rest = parts[1] if len(parts) > 1 else ""
    return rest.strip() or name


__all__ = ["canonical", "lexicon_keys"]
