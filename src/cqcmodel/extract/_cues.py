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


#: Each byte of an ASCII (or ``encode("ascii", "replace")``-ed) text as the cue search reads
#: it: ASCII letters, digits and "_" as they are, every other byte a space.
_SEPARATORS_TO_SPACES: Final = bytes(
    byte if chr(byte).isascii() and (chr(byte).isalnum() or byte == ord("_")) else ord(" ")
    for byte in range(256)
)


def is_word_character(char: str) -> bool:
    r"""Whether ``char`` is a word character (``\w``) of a ``str`` pattern."""
    return char.isalnum() or char == "_"


class WordCues:
    """The places in a lower-cased text where one of ``words`` starts as a whole word.

    A place is the text's start or follows a character that is not an ASCII letter, digit
    or underscore, and the word ends there at a word boundary. A place after a letter outside
    ASCII ("étold") is one too: what follows a place is for the anchored pattern to check.

    The text is searched once, as bytes in which every character but an ASCII letter, digit
    or underscore is a space, after a space put before it for its start: a pattern that
    starts with the space (Python searches for its first character alone, then tries the
    words) finds every place. A character outside ASCII is a space there, but it may be a
    word character after a word ("tellé"): such a match is dropped.
    """

    def __init__(self, words: Iterable[str]) -> None:
        listed = sorted(set(words))
        if not listed or not all(_LOWER_WORD.fullmatch(word) for word in listed):
            msg = f"cue words must be lower-case ASCII letters, got {listed!r}"
            raise ValueError(msg)
        alternation = trie_pattern(listed) + r"\b"
        # No group: a match is the space and its word (marking where the word starts is work).
        self._after_space = re.compile(b" " + alternation.encode())
        self._words = {b" " + word.encode(): word for word in listed}

    def places(self, lower: str) -> list[tuple[int, str]]:
        """Each place in ``lower`` and the word that starts there, in text order."""
        # After a space put before the text, a place's match starts where it does in the text.
        spaced = b" " + lower.encode("ascii", "replace").translate(_SEPARATORS_TO_SPACES)
        words = self._words
        found = [
            (match.start(), words[match.group()]) for match in self._after_space.finditer(spaced)
        ]
        if lower.isascii():
            return found
        return [
            (place, word)
            for place, word in found
            if not is_word_character(lower[place + len(word) : place + len(word) + 1])
        ]
