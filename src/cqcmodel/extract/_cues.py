r"""Where any of a set of words starts in a text, found in one search for all of them.

A pattern every match of which starts with one of a few words, and with no word character
before it (``(?<!\w)``), can only match where one of those words starts. Python's ``re``
tries such a pattern at every character of a text; :class:`WordCues` finds the places of all
the words at once, so that each pattern is tried only there (anchored, with ``match``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

_LOWER_WORD: Final = re.compile(r"[a-z]+")


def trie_pattern(words: Iterable[str]) -> str:
    r"""An alternation of ``words`` (ASCII letters, at least one) as a tree of first letters.

    Followed by ``\b`` it matches where ``(?:w1|w2|…)\b`` does, and the same word (of two
    words one of which starts the other, only one can end at a word boundary), but the
    matcher compares a place with each first letter once, rather than with every word:
    ``(?:t(?:ell(?:s)?|old)|said)`` for tell, tells, told and said.
    """
    by_first: dict[str, list[str]] = {}
    ends = False
    for word in sorted(set(words)):
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [first + trie_pattern(rest) for first, rest in by_first.items()]
    if not branches:
        return ""
    if ends:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class WordCues:
    """The places in a lower-cased text where one of ``words`` starts as a whole word.

    A place is the text's start or follows a character that is not an ASCII letter, digit
    or underscore, and the word ends there at a word boundary. The places after a space are
    found by a pattern that starts with the space (Python searches for its first character
    alone, then tries the words), those after any other character by a second one: two
    searches of the text, whatever the number of words. A place after a letter outside
    ASCII ("étold") is one too: what follows a place is for the anchored pattern to check.
    """

    def __init__(self, words: Iterable[str]) -> None:
        listed = sorted(set(words))
        if not listed or not all(_LOWER_WORD.fullmatch(word) for word in listed):
            msg = f"cue words must be lower-case ASCII letters, got {listed!r}"
            raise ValueError(msg)
        alternation = trie_pattern(listed) + r"\b"
        self._after_space = re.compile(" " + alternation)
        self._after_other = re.compile("[^0-9A-Za-z_ ]" + alternation)
        self._at_start = re.compile(alternation)

    def places(self, lower: str) -> list[tuple[int, str]]:
        """Each place in ``lower`` and the word that starts there, in text order."""
        found = [
            (match.start() + 1, match.group()[1:]) for match in self._after_space.finditer(lower)
        ]
        others = [
            (match.start() + 1, match.group()[1:]) for match in self._after_other.finditer(lower)
        ]
        first = self._at_start.match(lower)
        if first is not None:
            others.append((0, first.group()))
        return sorted(found + others) if others else found
