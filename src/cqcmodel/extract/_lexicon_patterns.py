"""Compiled patterns for the lexicon's national programmes and bodies, and their acronyms."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

import attrs

from ._cues import trie_pattern
from ._lexicon import BRANCHED_BODIES, NATIONAL_BODIES, NATIONAL_PROGRAMMES
from ._text import WORD_GAP, initials
from .kinds import Category, Kind

#: Place words after a branched body's name make its local branch ("Age UK Sunderland",
#: "Age UK Faversham and Sittingbourne"): up to three capitalised words, "and" between two.
_BRANCH: Final = r"(?:\s[A-Z][a-z][\w’'-]*(?:\sand\s[A-Z][a-z][\w’'-]*)?){0,2}"


def _words_pattern(name: str, tail: str = "", *, plural: bool = True) -> str:
    """The pattern of ``name``'s words (its last also in the plural, if ``plural``)."""
    words = [re.escape(word) for word in WORD_GAP.split(name)]
    if plural:
        words[-1] += "s?"
    return _at_word_start(r"[\s-]+".join(words)) + tail + r"(?![\w-])"


def _at_word_start(pattern: str) -> str:
    r"""``pattern`` with no word character or hyphen before it: ``(?<![\w-])`` first.

    Where the pattern starts with a letter or digit, the look-behind is written after it
    (``B(?<![\w-]B)etter``: the same test), so that Python skips to that character rather
    than trying the look-behind at every place of a sentence.
    """
    first = pattern[0]
    if first.isascii() and first.isalnum():
        return first + r"(?<![\w-]" + first + ")" + pattern[1:]
    return r"(?<![\w-])" + pattern


@attrs.frozen(kw_only=True)
class LexiconEntry:
    """One way of writing a programme or body of the lexicon, compiled."""

    pattern: re.Pattern[str]
    #: Text every match contains (its longest word), to skip a finding or sentence without
    #: running the pattern: most hold none of the lexicon.
    needle: str
    #: The lexicon's name of the thing (a variant or acronym maps to it).
    name: str
    category: Category
    kind: Kind
    acronym: str | None
    #: Whether a match may carry a place after the name (a local branch).
    branched: bool = False
    #: Whether this is another way of writing the name (a match keeps its written name).
    variant: bool = False


def _needle(name: str) -> str:
    return max(WORD_GAP.split(name), key=len)


def _programme_entries() -> list[LexiconEntry]:
    entries: list[LexiconEntry] = []
    for name, kind, variants in NATIONAL_PROGRAMMES:
        derived = initials(name)
        acronym = derived if len(derived) >= 3 else None
        entries.extend(
            LexiconEntry(
                # A variant in lower case is written in any case ("Three-conversation …").
                pattern=re.compile(
                    _words_pattern(written), re.IGNORECASE if written.islower() else 0
                ),
                needle=_needle(written),
                name=name,
                category=Category.INITIATIVE,
                kind=kind,
                acronym=acronym,
                variant=written != name,
            )
            for written in (name, *variants)
        )
    return entries


@cache
def lexicon_entries() -> tuple[LexiconEntry, ...]:
    """Patterns for the national programmes (and variants) and bodies, and their acronyms."""
    entries = _programme_entries()
    for name, body_acronym, kind in NATIONAL_BODIES:
        branched = name in BRANCHED_BODIES
        entries.append(
            LexiconEntry(
                # A body is written in the singular: "Healthy Minds" names no Mind.
                pattern=re.compile(_words_pattern(name, _BRANCH if branched else "", plural=False)),
                needle=_needle(name),
                name=name,
                category=Category.ORGANISATION,
                kind=kind,
                acronym=body_acronym,
                branched=branched,
            )
        )
    seen: set[str] = set()
    for entry in list(entries):
        if entry.acronym and entry.acronym not in seen:
            seen.add(entry.acronym)
            entries.append(
                attrs.evolve(
                    entry,
                    pattern=re.compile(_at_word_start(re.escape(entry.acronym)) + r"s?\b"),
                    needle=entry.acronym,
                    branched=False,
                )
            )
    return tuple(entries)


_WORD: Final = re.compile(r"\w+")


@cache
def _needles() -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], re.Pattern[str]]:
    """Entry indexes by the words a match may hold as its needle (the needle or its plural).

    The first table is for patterns written in one case; the second for those matched in
    any case (whose needles are looked for as written: :func:`entries_in`). The pattern
    finds the first table's words in a text where they are whole words.
    """
    exact: dict[str, list[int]] = {}
    caseless: dict[str, list[int]] = {}
    for index, entry in enumerate(lexicon_entries()):
        if entry.pattern.flags & re.IGNORECASE:
            caseless.setdefault(entry.needle, []).append(index)
            continue
        for word in (entry.needle, entry.needle + "s"):
            exact.setdefault(word, []).append(index)
    # Only a needle of word characters can be one of a text's words (``_WORD``).
    words = [word for word in exact if _WORD.fullmatch(word)]
    finder = re.compile(_word_start_tree(words) + r"\b") if words else _NOTHING
    return (
        {word: tuple(found) for word, found in exact.items()},
        {word: tuple(found) for word, found in caseless.items()},
        finder,
    )


def _word_start_tree(words: list[str]) -> str:
    r"""An alternation of ``words`` that matches only where a word starts, as a tree.

    Each branch is a first character, the look-behind ``(?<!\w)`` written after it (so
    that Python skips to the places one of the first characters is at) and the tree of
    the rests (:func:`~cqcmodel.extract._cues.trie_pattern`): each place is compared with
    a first character once, not with every word. Of two words one of which starts the
    other, only one can end at a word boundary: followed by ``\b``, the matches are those
    of the flat alternation that start a word.
    """
    rests: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        rests.setdefault(word[0], []).append(word[1:])
    branches = [
        re.escape(first) + r"(?<!\w" + re.escape(first) + ")" + trie_pattern(rest)
        for first, rest in rests.items()
    ]
    return "(?:" + "|".join(branches) + ")"


#: A pattern that matches nothing.
_NOTHING: Final = re.compile(r"(?!)")


def _needle_words(text: str, finder: re.Pattern[str]) -> set[str]:
    """The words of ``text`` (as ``_WORD`` reads them) that ``finder`` finds."""
    return set(finder.findall(text))


def needle_words() -> tuple[str, ...]:
    """The needles a text's words are looked up in (those written in one case, word characters)."""
    exact, _, _ = _needles()
    return tuple(word for word in exact if _WORD.fullmatch(word))


def entries_in(text: str, words: list[str] | None = None) -> tuple[LexiconEntry, ...]:
    """The lexicon entries that may match in ``text`` (those whose needle it holds).

    A match of an entry holds its needle as a whole word (or, last in the name, with a plural
    "s"): one search for all needles finds every entry worth running. The few patterns
    matched in any case are run only in a sentence that holds their needle as written
    (:func:`~cqcmodel.extract._rules._lexicon_names`), so the text must hold it so too.
    ``words``, if given, are what a search that finds at least every needle that starts a
    word of ``text`` and ends at its end found, and nothing else equal to a needle.
    """
    exact, caseless, finder = _needles()
    found: set[str] | list[str] = _needle_words(text, finder) if words is None else words
    groups: list[tuple[int, ...]] = []
    for word in found:
        group = exact.get(word)
        if group is not None:
            groups.append(group)
    for needle, written in caseless.items():
        if needle in text:
            groups.append(written)
    if not groups:
        return ()  # (most texts: no needle)
    indexes = groups[0] if len(groups) == 1 else sorted(set().union(*groups))
    entries = lexicon_entries()
    return tuple([entries[index] for index in indexes])


__all__ = ["LexiconEntry", "entries_in", "lexicon_entries", "needle_words"]
