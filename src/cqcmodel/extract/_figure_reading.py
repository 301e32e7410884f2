r"""What the figure patterns read of one sentence, and where they need not read.

Python's ``re`` tries a pattern that starts with a look-behind or ``\b`` at every character
of the text it searches. Most figure patterns can only match where a literal occurs: a
pattern that starts with a number only where a run of digits starts, the England-average
pattern only where "average" occurs, the change pattern only where "from" does (and
there only: it is tried at each "from"). A
:class:`Reading` tries each pattern only there (anchored, as ``finditer`` would try it) and
skips a pattern whose literal the sentence lacks (and the change and range patterns in a
sentence with one run of digits: each of their matches holds two). ``gate=False`` reads every
pattern over the whole sentence: the same figures, which the tests check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ._text import Sentence, lowered

#: A run of digits: a number that a pattern may start with starts one. Written to start
#: with a class, which Python skips to (``\d+`` it tries at every character), and read whole.
_DIGITS: Final = re.compile(r"\d\d*+")
_DIGIT: Final = re.compile(r"\d")


def has_digit(text: str) -> bool:
    r"""Whether ``text`` holds a digit (as ``\d`` reads one).

    Most findings hold none: ``in`` tells for the ten ASCII digits faster than any search.
    Of the other characters ``\d`` matches, none is one of those cp1252 encodes (typographic
    quotes and dashes, accented letters): only a text with a character it cannot encode is
    searched (encoding is several times quicker than a search).
    """
    if (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    ):
        return True
    if text.isascii():
        return False
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return _DIGIT.search(text) is not None
    return False


#: ASCII bytes with each digit made "0" and everything else a space.
_DIGITS_AS_ZEROS: Final = bytes(
    ord("0") if chr(code) in "0123456789" else ord(" ") for code in range(256)
)


def digit_runs(text: str, start: int, end: int) -> list[int]:
    """Where each run of digits of ``text[start:end]`` starts, in order.

    In ASCII text, each run is a run of "0" once the digits are zeros and the rest spaces
    (a byte translation): ``find`` goes from one to the next several times faster than a
    pattern does.
    """
    part = text[start:end]
    if not part.isascii():
        return [match.start() for match in _DIGITS.finditer(text, start, end)]
    zeros = part.encode("ascii").translate(_DIGITS_AS_ZEROS)
    runs: list[int] = []
    place = zeros.find(b"0")
    while place >= 0:
        runs.append(start + place)
        after = zeros.find(b" ", place)
        if after < 0:
            break
        place = zeros.find(b"0", after)
    return runs


class Reading:
    """One sentence of a passage, as the figure patterns read it.

    ``text`` is the passage's text and ``numbers`` where the sentence's runs of digits start
    (at least one: a sentence without a digit holds no figure).
    """

    def __init__(
        self,
        text: str,
        sentence: Sentence,
        numbers: list[int],
        *,
        gate: bool = True,
    ) -> None:
        self.text = text
        self.sentence = sentence
        self.start = sentence.start
        self.end = sentence.end
        self.first = numbers[0]
        self.numbers = numbers
        self.gate = gate
        self._folded: str | None = None
        self._foldable = True

    def holds(self, words: Iterable[str]) -> bool:
        """Whether the sentence holds one of ``words``, as written; always without the gate."""
        if not self.gate:
            return True
        written = self.sentence.text  # ``in`` is quicker than ``find`` with bounds
        # A loop, not a generator: this runs several times on every sentence with a digit.
        for word in words:  # noqa: SIM110
            if word in written:
                return True
        return False

    def holds_folded(self, words: Iterable[str]) -> bool:
        """Whether the sentence may hold one of the lower-case ASCII ``words`` in any case.

        What a case-insensitive pattern needs; true without the gate, or where lower-casing
        the sentence may change what such a pattern matches (as
        :func:`~cqcmodel.extract._text.lowered` says).
        """
        if not self.gate or not self._foldable:
            return True
        folded = self._folded
        if folded is None:
            written = self.sentence.text
            folded = written.lower() if written.isascii() else lowered(written)
            if folded is None:
                self._foldable = False
                return True
            self._folded = folded
        for word in words:  # noqa: SIM110 - a loop, as in :meth:`holds`
            if word in folded:
                return True
        return False

    def holds_two_numbers(self) -> bool:
        """Whether the sentence holds two runs of digits (what a change or range needs).

        Always true without the gate.
        """
        return not self.gate or len(self.numbers) > 1

    def from_numbers(
        self, pattern: re.Pattern[str], needs: Iterable[str] = ()
    ) -> list[re.Match[str]]:
        """The matches of ``pattern``, which starts with a number, from the first digit on.

        What ``finditer`` finds from there: a number starts a run of digits, so the pattern
        is tried at each run (not inside a match found before). None where the sentence holds
        none of ``needs`` (each match holds one of them), if given.
        """
        if not self.gate:
            return list(pattern.finditer(self.text, self.first, self.end))
        if needs and not self.holds(needs):
            return []
        return self._anchored(pattern, self.numbers, self.first)

    def _anchored(
        self, pattern: re.Pattern[str], places: Iterable[int], start: int
    ) -> list[re.Match[str]]:
        """What ``pattern.finditer`` finds from ``start``, given every place a match may start."""
        found: list[re.Match[str]] = []
        reach = start
        anchored = pattern.match
        for place in places:
            if place < reach:
                continue
            match = anchored(self.text, place, self.end)
            if match is not None:
                found.append(match)
                reach = match.end()
        return found

    def from_word(self, pattern: re.Pattern[str], word: str) -> list[re.Match[str]]:
        """The matches of ``pattern`` in the sentence; each starts with ``word``.

        What ``finditer`` finds: the pattern is tried only where the word occurs.
        """
        if not self.gate:
            return list(pattern.finditer(self.text, self.start, self.end))
        return self._anchored(pattern, self._places(word), self.start)

    def _places(self, word: str) -> list[int]:
        """Where ``word`` occurs in the sentence, in order."""
        text, end = self.text, self.end
        places: list[int] = []
        place = text.find(word, self.start, end)
        while place >= 0:
            places.append(place)
            place = text.find(word, place + 1, end)
        return places

    def ranges(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """The matches of ``pattern`` in the sentence; each starts with a number or "between"."""
        if not self.gate:
            return list(pattern.finditer(self.text, self.start, self.end))
        if len(self.numbers) < 2:
            return []  # each match holds two runs of digits
        between = self._places("between")
        if not between:
            return self._anchored(pattern, self.numbers, self.first)
        return self._anchored(pattern, sorted(self.numbers + between), self.start)
