"""Candidate names and the state of scanning one authority for them.

A :class:`Candidate` is one span of a finding that names an initiative or an organisation,
with what the rule that found it knows (keys that identify it, its acronym, its lexicon
name). :class:`Scan` is what the rules share while they read an authority's findings: the
candidates so far, the spans no name may overlap and the authority's own names.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Final

from ..framework import STATEMENTS, Rating, Theme
from ..model import Authority
from ._lexicon import GENERIC_NAMES
from ._lexicon_patterns import LexiconEntry, entries_in
from ._text import (
    Passage,
    Sentence,
    Token,
    WordIndex,
    compact_key,
    initials,
    name_key,
    words_from,
)
from .kinds import Category, Kind


def all_caps_key(name: str) -> str | None:
    """``acr:`` key of a name made only of acronyms ("NWL ICB" → ``acr:NWLICB``)."""
    parts = name.split()
    if not parts:
        return None
    for part in parts:  # (a loop, not all(): it runs for every candidate)
        # (A part in lower case after its first letter, as most are, has fewer capitals.)
        if part[1:].islower() or sum(map(str.isupper, part)) < 2:
            return None
    return "acr:" + compact_key(name).upper()


class Candidate:
    """One span that names an initiative or an organisation, with what is known about it.

    A plain class, not an attrs one: the compiled build makes it a native class (mypyc knows
    no ``attrs.define``), whose fields every rule and grouping step reads without a look-up.
    Equal only to itself.
    """

    passage: Passage
    start: int
    end: int
    category: Category
    kind: Kind
    #: Identities shared by spans of one thing (name keys, ``acr:`` acronyms, ``lex:`` names).
    keys: set[str]
    #: Further surface forms that refer to it (a name without a trailing "model", "s75").
    forms: set[str]
    #: The acronym this span defines, from a following ``(ABC)``.
    acronym: str | None
    #: The canonical name from a lexicon, when the span is a known programme or body.
    lexicon: str | None
    #: End of the text the span claims, including a defining ``(ABC)`` bracket (at least
    #: the span's end).
    claim_end: int
    #: Found by looking for an already known name (not a name-making rule).
    bare: bool
    #: Found as the long form of an acronym definition.
    defined: bool
    #: An unheaded name whose category nothing in its sentence said (an initiative by default).
    guessed: bool
    #: A lexicon variant ("three-conversation approach"): the name stays as written.
    variant: bool

    def __init__(
        self,
        *,
        passage: Passage,
        start: int,
        end: int,
        category: Category,
        kind: Kind,
        keys: set[str] | None = None,
        forms: set[str] | None = None,
        acronym: str | None = None,
        lexicon: str | None = None,
        claim_end: int = -1,
        bare: bool = False,
        defined: bool = False,
        guessed: bool = False,
        variant: bool = False,
    ) -> None:
        self.passage = passage
        self.start = start
        self.end = end
        self.category = category
        self.kind = kind
        self.keys = set() if keys is None else keys
        self.forms = set() if forms is None else forms
        self.acronym = acronym
        self.lexicon = lexicon
        self.claim_end = max(claim_end, end)
        self.bare = bare
        self.defined = defined
        self.guessed = guessed
        self.variant = variant
        text = passage.text[start:end]
        self.keys.add(name_key(text))
        caps = all_caps_key(text)
        if caps is not None:
            self.keys.add(caps)

    def __repr__(self) -> str:
        return (
            f"Candidate({self.text!r}, {self.start}-{self.end}, {self.category.name}, "
            f"{self.kind!r}, keys={sorted(self.keys)!r})"
        )

    @property
    def text(self) -> str:
        """The name as written."""
        return self.passage.text[self.start : self.end]


_NAME_PREFIXES: Final = re.compile(
    r"^(?:the\s++)?(?:london\s++borough\s++of|royal\s++borough\s++of|city\s++of|"
    r"borough\s++of|county\s++of)\s++",
    re.IGNORECASE,
)
#: A council's suffix, from the start of the run of space before it (a match that starts later
#: in the run would end the same way): a long run of space is read once, not once per space.
_NAME_SUFFIXES: Final = re.compile(
    r"(?<!\s)\s++(?:metropolitan\s++borough\s++council|borough\s++council|county\s++council|"
    r"city\s++council|district\s++council|council|assessment)$",
    re.IGNORECASE,
)


@cache
def title_keys() -> frozenset[str]:
    """Keys of statement and theme titles, which are never names."""
    titles = [title for info in STATEMENTS for title in info.titles]
    titles += [theme.title for theme in Theme]
    titles += [rating.value for rating in Rating]
    return frozenset(name_key(title) for title in titles)


def place_keys(authority: Authority) -> tuple[str, ...]:
    """Name keys of the assessed authority's place ("Kent", "Windsor and Maidenhead")."""
    names = [authority.name]
    if authority.summary is not None:
        names += [authority.summary.name, authority.summary.short_name]
    if authority.about is not None:
        names.append(authority.about.subject)
    places = {
        name_key(_NAME_SUFFIXES.sub("", _NAME_PREFIXES.sub("", name.strip())))
        for name in filter(None, names)
    }
    return tuple(sorted(filter(None, places), key=len, reverse=True))


def self_keys(authority: Authority) -> frozenset[str]:
    """Keys of the assessed authority's own names: never an initiative or organisation."""
    names = [authority.name]
    if authority.summary is not None:
        names += [authority.summary.name, authority.summary.short_name]
    if authority.about is not None:
        names.append(authority.about.subject)
    keys: set[str] = {"local authority", "council", "the council"}
    for name in dict.fromkeys(filter(None, names)):  # (the names often repeat)
        place = _NAME_SUFFIXES.sub("", _NAME_PREFIXES.sub("", name.strip()))
        keys |= {name_key(name), name_key(place), name_key(place + " Council")}
        keys |= {name_key(place + " City Council"), name_key(place + " County Council")}
        acronym = initials(name.replace(" of ", " ").replace("&", ""))
        if len(acronym) >= 3:
            keys.add(name_key(acronym))
    return frozenset(keys)


#: Characters read back per word wanted before a point (most words are shorter), and the
#: furthest a space is looked for before the part so read.
_READ_BACK: Final = 8


class Scan:
    """The state of scanning one authority: what every rule reads and adds to.

    A plain class (a native one when compiled, as :class:`Candidate` is).
    """

    self_keys: frozenset[str]
    found: list[Candidate]
    #: Spans no name may overlap (statement titles written in a finding), by passage order:
    #: their starts and ends, in text order (they do not overlap one another).
    blocked: dict[int, tuple[list[int], list[int]]]
    #: The lexicon entries that may match in the passage last asked about, and its order.
    entries: tuple[LexiconEntry, ...]
    entries_of: int
    #: What the search for capitalised words found in the passage last asked about (read by
    #: the lexicon and the titles rules), and its order.
    words: list[str]
    words_of: int
    #: The statement titles (with a later capital) of the passage last asked about, and its
    #: order.
    titles: tuple[tuple[int, int], ...]
    titled_of: int
    #: Whether each sentence of the passage last asked about has a capital after its first
    #: letter, and its order.
    capitals: list[bool]
    capitals_of: int
    #: The words of the sentence last asked about, and which sentence that was.
    index: WordIndex | None
    index_of: tuple[int, int]

    def __init__(self, *, self_keys: frozenset[str]) -> None:
        self.self_keys = self_keys
        self.found = []
        self.blocked = {}
        self.entries = ()
        self.entries_of = -1
        self.words = []
        self.words_of = -1
        self.titles = ()
        self.titled_of = -1
        self.capitals = []
        self.capitals_of = -1
        self.index = None
        self.index_of = (-1, -1)

    def lexicon_entries(self, passage: Passage, words: list[str]) -> tuple[LexiconEntry, ...]:
        """The lexicon entries whose needle ``passage`` holds (in lexicon order).

        (``words``: what a search for its needles found: :func:`entries_in`.)
        """
        if self.entries_of != passage.order:
            self.entries = entries_in(passage.text, words)
            self.entries_of = passage.order
        return self.entries

    def words_before(self, passage: Passage, sentence: Sentence, end: int) -> tuple[Token, ...]:
        """The words of ``sentence`` up to ``end``, its words read once for all questions."""
        if self.index is None or self.index_of != (passage.order, sentence.start):
            self.index = WordIndex.of(passage.text, sentence)
            self.index_of = (passage.order, sentence.start)
        return self.index.before(end)

    def last_words(
        self, passage: Passage, sentence: Sentence, end: int, count: int
    ) -> tuple[Token, ...]:
        """The last ``count`` words of :meth:`words_before` (all of them if it has fewer).

        Only a short part before ``end`` is read: from the sentence's start when that is near,
        else from a space shortly before ``end`` (no word holds a space, so the words after a
        space are those read from the start). Where that part holds too few words, or no
        space is near, the sentence's words are read once for all its questions.
        """
        text = passage.text
        start = end - _READ_BACK * count
        if start > sentence.start:
            stop = max(sentence.start, start - _READ_BACK)
            while start > stop and not text[start - 1].isspace():
                start -= 1
            if start > sentence.start and not text[start - 1].isspace():
                return self.words_before(passage, sentence, end)[-count:]
        if start <= sentence.start:
            return tuple(words_from(text, sentence.start, end))[-count:]
        words = tuple(words_from(text, start, end))
        if len(words) >= count:
            return words[len(words) - count :]
        return self.words_before(passage, sentence, end)[-count:]

    def allowed(self, name: str) -> bool:
        """Whether ``name`` may name something (not the authority, a title or a generic noun)."""
        return self._allowed_key(name_key(name))

    def _allowed_key(self, key: str) -> bool:
        return bool(key) and key not in self.self_keys and key not in title_keys()

    def block(self, passage: Passage, start: int, end: int) -> None:
        """Let no name overlap ``start:end`` (after every span blocked before in the passage)."""
        starts, ends = self.blocked.setdefault(passage.order, ([], []))
        starts.append(start)
        ends.append(end)

    def is_blocked(self, passage: Passage, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps a blocked span of ``passage``."""
        starts, ends = self.blocked.get(passage.order, ((), ()))
        # Of the spans that start before ``end``, the last one ends furthest.
        before = bisect.bisect_left(starts, end)
        return before > 0 and ends[before - 1] > start

    def add(
        self,
        passage: Passage,
        start: int,
        end: int,
        *,
        category: Category,
        kind: Kind,
        keys: set[str] | None = None,
        forms: set[str] | None = None,
        acronym: str | None = None,
        lexicon: str | None = None,
        claim_end: int = -1,
        defined: bool = False,
        guessed: bool = False,
        variant: bool = False,
    ) -> Candidate | None:
        """Record a candidate unless its name is excluded (or empty).

        (Each of :class:`Candidate`'s fields is a parameter of its own, with the field's
        default, so that the compiled build calls its constructor directly.)
        """
        if start >= end:
            return None
        key = name_key(passage.text[start:end])  # (read once for the three tests)
        if not self._allowed_key(key) or (self.blocked and self.is_blocked(passage, start, end)):
            return None  # (most authorities block nothing: their findings quote no title)
        if category is Category.INITIATIVE and key in GENERIC_NAMES:
            return None
        candidate = Candidate(
            passage=passage,
            start=start,
            end=end,
            category=category,
            kind=kind,
            keys=keys,
            forms=forms,
            acronym=acronym,
            lexicon=lexicon,
            claim_end=claim_end,
            defined=defined,
            guessed=guessed,
            variant=variant,
        )
        self.found.append(candidate)
        return candidate


__all__ = ["Candidate", "Category", "Scan", "all_caps_key", "place_keys", "self_keys", "title_keys"]
