"""Group candidate names that refer to one thing, and find its further bare mentions."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

import attrs

from ._candidates import Candidate, all_caps_key
from ._lexicon import NATIONAL_BODIES, NATIONAL_PROGRAMMES
from ._text import WORD_GAP, Passage, name_key
from .kinds import Category, Kind
from .mentions import Mention

_WORD: Final = re.compile(r"\w+")
#: Needles looked for in a passage by plain search before its words are indexed.
_SEARCHES_BEFORE_INDEX: Final = 32
#: The most places of a needle's first character read one by one.
_FIRST_PLACES: Final = 64
#: Wanted texts with more spaces than this are matched by a tree of their words.
_FLAT_SPACES: Final = 8
#: The kind each lexicon name gives, whatever noun follows it in the text.
_LEXICON_KINDS: Final[dict[str, Kind]] = {
    **{name: kind for name, kind, _ in NATIONAL_PROGRAMMES},
    **{name: kind for name, _, kind in NATIONAL_BODIES},
}


@attrs.frozen(kw_only=True)
class Group:
    """The candidates naming one initiative or organisation, in text order."""

    candidates: tuple[Candidate, ...]

    @property
    def category(self) -> Category:
        """Whether the group is an initiative or an organisation."""
        return self.candidates[0].category

    @property
    def name(self) -> str:
        """The lexicon's name, else a name defined with an acronym, else the first name.

        A national programme takes the lexicon's name when the text writes it (not only its
        acronym); an organisation keeps its name as written ("Age UK Sunderland").
        """
        if self.category is Category.INITIATIVE:
            for candidate in self.candidates:
                if candidate.lexicon and _names_lexicon(candidate):
                    return candidate.lexicon
        for candidate in self.candidates:
            if candidate.defined:
                return candidate.text
        return next(c for c in self.candidates if not c.bare).text

    @property
    def kind(self) -> Kind:
        """The lexicon's kind, else the kind of the span that gives the name."""
        for candidate in self.candidates:
            if candidate.lexicon and candidate.lexicon in _LEXICON_KINDS:
                return _LEXICON_KINDS[candidate.lexicon]
        for candidate in self.candidates:
            if candidate.defined:
                return candidate.kind
        return next(c for c in self.candidates if not c.bare).kind

    @property
    def acronym(self) -> str | None:
        """The acronym defined for it, or a known acronym it is mentioned by."""
        return self.acronym_for(self.name)

    def acronym_for(self, name: str) -> str | None:
        """:attr:`acronym`, given the group's :attr:`name` (read once by the caller)."""
        for candidate in self.candidates:
            if candidate.acronym:
                return candidate.acronym
        return self._acronym_written(name)

    def _acronym_written(self, name: str) -> str | None:
        """A candidate other than ``name`` that writes one of the group's ``acr:`` keys."""
        acronyms = {key[4:] for c in self.candidates for key in c.keys if key.startswith("acr:")}
        if not acronyms:
            return None
        for candidate in self.candidates:
            if candidate.text.upper() in acronyms and candidate.text != name:
                return candidate.text
        return None

    def fields(self) -> tuple[str, Kind, str | None, str | None]:
        """:attr:`name`, :attr:`kind`, :attr:`acronym` and the first lexicon name, in one pass.

        Each is what its own reading gives: the first candidate each looks for is found on
        one pass over the candidates.
        """
        initiative = self.category is Category.INITIATIVE
        lexicon: str | None = None
        lexicon_name: str | None = None
        lexicon_kind: Kind | None = None
        acronym: str | None = None
        defined: Candidate | None = None
        written: Candidate | None = None
        for candidate in self.candidates:
            if candidate.lexicon:
                if lexicon is None:
                    lexicon = candidate.lexicon
                if lexicon_kind is None:
                    lexicon_kind = _LEXICON_KINDS.get(candidate.lexicon)
                if initiative and lexicon_name is None and _names_lexicon(candidate):
                    lexicon_name = candidate.lexicon
            if defined is None and candidate.defined:
                defined = candidate
            if written is None and not candidate.bare:
                written = candidate
            if acronym is None and candidate.acronym:
                acronym = candidate.acronym
        giver = defined or written
        if giver is None:
            return self.name, self.kind, self.acronym, lexicon
        name = lexicon_name or giver.text
        kind = giver.kind if lexicon_kind is None else lexicon_kind
        return name, kind, acronym or self._acronym_written(name), lexicon

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Every span, as a :class:`Mention`."""
        return tuple(
            [
                _mention(c.passage.statement_id, c.passage.finding_index, c.start, c.end, c.text)
                for c in self.candidates
            ]
        )


def _names_lexicon(candidate: Candidate) -> bool:
    """Whether an initiative's lexicon ``candidate`` gives its name: it writes its first words."""
    lexicon = candidate.lexicon
    return (
        lexicon is not None
        and not candidate.variant
        and all_caps_key(candidate.text) is None
        and _starts_with_words(name_key(candidate.text), name_key(lexicon))
    )


def _mention(
    statement_id: int | None, finding_index: int, start: int, end: int, text: str
) -> Mention:
    """``Mention(...)`` made without its checks, which a candidate's span always passes.

    (Its indexes are not negative and ``text`` is the non-empty span ``start:end``.)
    """
    mention = object.__new__(Mention)
    setattr_ = object.__setattr__
    setattr_(mention, "statement_id", statement_id)
    setattr_(mention, "finding_index", finding_index)
    setattr_(mention, "start", start)
    setattr_(mention, "end", end)
    setattr_(mention, "text", text)
    return mention


def _starts_with_words(key: str, start: str) -> bool:
    """Whether the words of ``start`` begin ``key`` ("home first model", "home first")."""
    return key == start or key.startswith(start + " ")


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _order(candidate: Candidate) -> tuple[int, int]:
    return candidate.passage.order, candidate.start


class _Tail:
    """A tree of texts by their words, last word first: one node, for the words read so far.

    A plain class: a tree is made for each grouping, a node for each word of its texts.
    """

    __slots__ = ("before", "text")

    def __init__(self) -> None:
        #: The wanted text whose words are the words read so far.
        self.text: str | None = None
        self.before: dict[str, _Tail] = {}


def _endings(candidates: Sequence[Candidate], wanted: set[str]) -> dict[str, set[int]]:
    """For each of ``wanted``, the candidates with a key that ends with a space and it.

    ``key.endswith(" " + text)`` holds exactly when ``key`` has a space where ``text``
    starts. A key's endings after a space are read from its end while each is the end of a
    short wanted text after one of its spaces (a set of them, made without a tree of
    words): a few endings at most. Long wanted texts (rare) are matched by
    :func:`_endings_by_tree`, whose work grows only with the words read.
    """
    short: set[str] = set()
    long: set[str] = set()
    # Every ending of a short wanted text after one of its spaces.
    partial: set[str] = set()
    for text in wanted:
        if text.count(" ") > _FLAT_SPACES:
            long.add(text)
            continue
        short.add(text)
        cut = text.rfind(" ")
        while cut >= 0:
            partial.add(text[cut + 1 :])
            cut = text.rfind(" ", 0, cut)
    found = _endings_by_tree(candidates, long) if long else {}
    if not short:
        return found
    for index, candidate in enumerate(candidates):
        for key in candidate.keys:
            cut = key.rfind(" ")
            while cut >= 0:
                ending = key[cut + 1 :]
                if ending in short:
                    found.setdefault(ending, set()).add(index)
                if ending not in partial:
                    break
                cut = key.rfind(" ", 0, cut)
    return found


def _endings_by_tree(candidates: Sequence[Candidate], wanted: set[str]) -> dict[str, set[int]]:
    """:func:`_endings`, by a tree of the wanted texts' words.

    ``key.endswith(" " + text)`` holds exactly when the words of ``text`` (split at each
    space) are the last words of ``key`` and ``key`` has more: each key is matched against a
    tree of the wanted texts' words, last word first, reading only as many words as the
    longest wanted text has (a long key is not cut into each of its endings).
    """
    tree = _Tail()
    for text in wanted:
        node = tree
        for word in reversed(text.split(" ")):
            step = node.before.get(word)
            if step is None:
                step = node.before[word] = _Tail()
            node = step
        node.text = text
    found: dict[str, set[int]] = {}
    last_words = tree.before
    if not last_words:
        return found
    for index, candidate in enumerate(candidates):
        for key in candidate.keys:
            # The last word first: most keys end with no wanted text's last word, and are not
            # split into their words.
            head, space, last = key.rpartition(" ")
            ending = last_words.get(last) if space else None
            if ending is None:
                continue
            node = ending
            if node.text is not None:
                found.setdefault(node.text, set()).add(index)
            if not node.before:
                continue
            words = head.split(" ")
            for position in range(len(words) - 1, 0, -1):
                step = node.before.get(words[position])
                if step is None:
                    break
                node = step
                if node.text is not None:
                    found.setdefault(node.text, set()).add(index)
    return found


def _clusters(candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    """Union candidates that share a key, then names that are the unique suffix of another."""
    sets = _UnionFind(len(candidates))
    owner: dict[str, int] = {}
    # Which candidates share a key does not hang on the order the keys are read in.
    for index, candidate in enumerate(candidates):
        for key in candidate.keys:
            first = owner.setdefault(key, index)
            if first != index:
                sets.union(index, first)
    # Only the keys wanted end other keys: a key of three words or more (not an ``acr:`` or
    # ``lex:`` key) may name what a longer key names.
    wanted = {key for key in owner if ":" not in key and len(key.split()) >= 3}
    ending = _endings(candidates, wanted)
    if not ending:
        return _by_root(candidates, sets)
    for index, candidate in enumerate(candidates):
        lexicon = candidate.lexicon
        # In sorted order: a union may change the holders of a later key.
        for key in sorted(candidate.keys.intersection(ending)):
            others = ending[key]
            if not others:
                continue
            holders = {
                sets.find(other)
                for other in others
                # Two programmes of the lexicon stay apart ("Improved Better Care Fund").
                if not (lexicon and candidates[other].lexicon)
            }
            holders.discard(sets.find(index))
            if len(holders) == 1:
                sets.union(index, holders.pop())
    return _by_root(candidates, sets)


def _by_root(candidates: Sequence[Candidate], sets: _UnionFind) -> list[list[Candidate]]:
    """The candidates of each set, in text order; the sets in order of their first index."""
    by_root: dict[int, list[Candidate]] = {}
    for index, candidate in enumerate(candidates):
        by_root.setdefault(sets.find(index), []).append(candidate)
    return [
        members if len(members) == 1 else sorted(members, key=_order)
        for members in by_root.values()
    ]


#: The keys of a bare mention of an integrated care board.
_GENERIC_ICB: Final = frozenset({"icb", "integrated care board", "acr:ICB"})


def _attach_generic_icb(clusters: list[list[Candidate]]) -> list[list[Candidate]]:
    """A bare "ICB" belongs to the one named integrated care board, when there is one."""
    generic = _GENERIC_ICB
    # The first candidate's keys first: most clusters are not generic.
    bare = [
        c
        for c in clusters
        if not generic.isdisjoint(c[0].keys)
        and all(not generic.isdisjoint(cand.keys) for cand in c)
    ]
    if not bare:
        return clusters
    named = [c for c in clusters if c not in bare and any(cand.kind == "icb" for cand in c)]
    if len(named) != 1:
        return clusters
    for cluster in bare:
        named[0].extend(cluster)
        named[0].sort(key=_order)
    return [cluster for cluster in clusters if cluster not in bare]


def _forms(cluster: Sequence[Candidate]) -> set[str]:
    forms: set[str] = set()
    for candidate in cluster:
        if candidate.forms:
            forms |= candidate.forms
        if not candidate.bare:
            forms.add(candidate.text)
        if candidate.lexicon:
            forms.add(candidate.lexicon)
        for key in candidate.keys:
            if key.startswith("acr:"):
                forms.add(key[4:])
    return {form for form in forms if len(form) >= 2}


#: ``(?<![\w-])`` said one character later: no word character or hyphen before the one read.
_NOTHING_GLUED_BEFORE: Final = r"(?<![\w-][\s\S])"


def _form_pattern(forms: set[str]) -> re.Pattern[str]:
    r"""Any of ``forms`` (at least one), plural or not, as a whole word or run of words.

    That is ``(?<![\w-])(?:form|…)s?(?![\w-])``, with each form's words joined by
    ``[\s-]+``; the look-behind is written after each form's first character, so that the
    pattern starts with the forms' first characters and Python's ``re`` tries it only where
    one of them occurs (a pattern that starts with a look-behind is tried at every
    character). With no forms the alternation would be empty and match the empty string
    everywhere.
    """
    if not forms:
        msg = "a pattern needs at least one form"
        raise ValueError(msg)
    alternatives = []
    for form in sorted(forms, key=_longest_first):
        words = [_escaped(word) for word in _gap_split(form)]
        if words[0]:
            first = _escaped(form[0])
            words[0] = first + _NOTHING_GLUED_BEFORE + words[0][len(first) :]
        else:
            words[0] = r"(?<![\w-])"
        alternatives.append(r"[\s-]+".join(words))
    return re.compile("(?:" + "|".join(alternatives) + r")s?(?![\w-])")


def _longest_first(form: str) -> tuple[int, str]:
    return -len(form), form


def _escaped(text: str) -> str:
    """``re.escape(text)``, which leaves letters and digits as they are (most words are)."""
    return text if text.isalnum() else re.escape(text)


class _Claimed:
    """The spans of one passage that bare mentions may not overlap.

    The candidates' claimed spans are fixed; bare mentions are taken in order of their start,
    so one of them overlaps an earlier one exactly when it starts before the furthest end so
    far. Both questions take a binary search or less, however many spans a passage holds.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [start for start, _ in spans]
        #: The furthest end of the spans up to each index (in order of start).
        self.reach: list[int] = []
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)
        self.taken_until = -1
        #: How many needles the passage was asked about, and where each run of word
        #: characters starts in it (indexed after many questions).
        self.asked = 0
        self.words: dict[str, list[int]] | None = None

    def claims(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps a claimed span."""
        before_end = bisect.bisect_left(self.starts, end)
        return before_end > 0 and self.reach[before_end - 1] > start

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps a claimed span or a mention taken before it."""
        return start < self.taken_until or self.claims(start, end)

    def free(self, text: str, needle: str) -> bool:
        """Whether ``needle`` may occur in a match outside every claimed span of ``text``.

        A needle of word characters stands alone in a match: between space, hyphens or the
        match's edges, where no word character touches it, except a last word's plural "s".
        So once a passage has been asked about many needles (each a search of the whole
        text), its words are indexed and only the places of the word or its plural are
        checked.
        """
        self.asked += 1
        if (self.words is not None or self.asked > _SEARCHES_BEFORE_INDEX) and _WORD.fullmatch(
            needle
        ):
            if self.words is None:
                self.words = {}
                for match in _WORD.finditer(text):
                    self.words.setdefault(match.group(), []).append(match.start())
            places = self.words.get(needle, []) + self.words.get(needle + "s", [])
            return any(not self.claims(place, place + len(needle)) for place in places)
        place = text.find(needle)
        while place >= 0:
            if not self.claims(place, place + len(needle)):
                return True
            place = text.find(needle, place + 1)
        return False

    def take(self, end: int) -> None:
        """Record a mention (which starts at or after every one taken before it)."""
        self.taken_until = max(self.taken_until, end)


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each character of the (sorted, non-empty) ``spans`` replaced by a NUL.

    A needle (which holds no NUL) then occurs in the masked text exactly where it occurs in
    ``text`` overlapping no span: at the same places.
    """
    pieces: list[str] = []
    _add_masked(pieces, text, spans)
    return "".join(pieces)


def _add_masked(pieces: list[str], text: str, spans: list[tuple[int, int]]) -> None:
    """Add to ``pieces`` the pieces of :func:`_masked` ``(text, spans)``, in order."""
    position = 0
    for start, end in spans:
        if end <= position:
            continue
        masked_from = max(start, position)
        pieces += (text[position:masked_from], "\0" * (end - masked_from))
        position = end
    pieces.append(text[position:])


class _Occurrences:
    """Which passages hold a needle outside their claimed spans, for all of them at once.

    The passages' texts, their claimed spans masked (:func:`_masked`), are searched as one
    joined text, so a needle costs one search however many passages there are, and each
    place found is free. A needle whose first character is rare in the joined text (not a
    lower-case letter, and there at most a few times: most capitals are in claimed names)
    is looked for only at that character's places, found once (by the fast search for one
    character) for every needle that starts with it. After many other needles the joined
    text's words are indexed (as :meth:`_Claimed.free` does for one passage). A candidate's
    span is never empty (it is a mention's text), so masking says what
    :meth:`_Claimed.claims` does. It hangs on the candidates' spans alone, not on their
    category: both categories of one scan read one.
    """

    def __init__(self, texts: Sequence[Passage], spans: dict[int, list[tuple[int, int]]]) -> None:
        self.texts = texts
        self.spans = spans
        self.claimed: dict[int, _Claimed] = {}
        self.starts: list[int] = []
        position = 0
        # The masked texts joined by NULs, made by one join.
        pieces: list[str] = []
        for passage in texts:
            if position:
                pieces.append("\0")
            self.starts.append(position)
            position += len(passage.text) + 1
            passage_spans = spans.get(passage.order)
            if passage_spans:
                passage_spans.sort()
                _add_masked(pieces, passage.text, passage_spans)
            else:
                pieces.append(passage.text)
        self.joined = "".join(pieces)
        self.asked = 0
        self.words: dict[str, list[int]] | None = None
        self.found: dict[str, tuple[int, ...]] = {}
        #: The places of each first character asked about, or None for one with too many.
        self.firsts: dict[str, list[int] | None] = {}

    def taken(self, order: int) -> _Claimed:
        """The claimed spans of passage ``order``, with nothing taken yet (a new one)."""
        return _Claimed(list(self.spans.get(order, ())))

    def free_in(self, needle: str) -> tuple[int, ...]:
        """The indexes of the passages where ``needle`` may occur in an unclaimed match."""
        found = self.found.get(needle)
        if found is None:
            found = self.found[needle] = self._free_in(needle)
        return found

    def free_in_cheaply(self, needle: str) -> tuple[int, ...] | None:
        """:meth:`free_in` of a (non-empty) needle looked for at its first character's places.

        ``None`` for a needle that would be searched for (the caller need not know).
        """
        first = needle[0]
        if "\0" in needle or first.islower() or self._first_places(first) is None:
            return None
        return self.free_in(needle)

    def _indexed(self, needle: str) -> list[int] | None:
        """The places of ``needle`` (or its plural) as a word, once words are indexed."""
        self.asked += 1
        if (self.words is None and self.asked <= _SEARCHES_BEFORE_INDEX) or not _WORD.fullmatch(
            needle
        ):
            return None
        if self.words is None:
            self.words = {}
            for match in _WORD.finditer(self.joined):
                self.words.setdefault(match.group(), []).append(match.start())
        return self.words.get(needle, []) + self.words.get(needle + "s", [])

    def _first_places(self, char: str) -> list[int] | None:
        """Every place of ``char`` in the joined text, or None if it has more than a few."""
        if char in self.firsts:
            return self.firsts[char]
        joined = self.joined
        places: list[int] = []
        place = joined.find(char)
        while place >= 0:
            if len(places) == _FIRST_PLACES:
                self.firsts[char] = None
                return None
            places.append(place)
            place = joined.find(char, place + 1)
        self.firsts[char] = places
        return places

    def _starting_at(self, needle: str, places: list[int]) -> tuple[int, ...]:
        """The passages where ``needle`` starts at one of ``places``, in order, once each."""
        joined = self.joined
        starts = self.starts
        size = len(needle)
        free: list[int] = []
        for place in places:
            # (A slice, which compiled code reads faster than startswith() from a place.)
            if joined[place : place + size] == needle:
                index = bisect.bisect_right(starts, place) - 1
                if not free or free[-1] != index:
                    free.append(index)
        return tuple(free)

    def _free_in(self, needle: str) -> tuple[int, ...]:
        if not needle or "\0" in needle:
            return tuple(
                index
                for index, passage in enumerate(self.texts)
                if self._claimed(passage.order).free(passage.text, needle)
            )
        # A lower-case letter is too common in prose for its places to be read one by one.
        first = needle[0]
        firsts = None if first.islower() else self._first_places(first)
        if firsts is not None:
            # Every place of the needle is a place of its first character.
            return self._starting_at(needle, firsts)
        places = self._indexed(needle)
        if places is not None:
            return tuple(sorted({bisect.bisect_right(self.starts, place) - 1 for place in places}))
        return self._searched(needle)

    def _searched(self, needle: str) -> tuple[int, ...]:
        """The passages whose masked text holds ``needle``, by search: the plain reading."""
        joined = self.joined
        place = joined.find(needle)
        if place < 0:
            return ()
        starts = self.starts
        last = len(starts) - 1
        free: list[int] = []
        while place >= 0:
            index = bisect.bisect_right(starts, place) - 1
            free.append(index)
            if index == last:
                break
            place = joined.find(needle, starts[index + 1])
        return tuple(free)

    def _claimed(self, order: int) -> _Claimed:
        """The claimed spans of passage ``order``, kept for its needles with a NUL."""
        claimed = self.claimed.get(order)
        if claimed is None:
            claimed = self.claimed[order] = _Claimed(list(self.spans.get(order, ())))
        return claimed


def occurrences(texts: Sequence[Passage], claimed: Sequence[Candidate]) -> _Occurrences:
    """The :class:`_Occurrences` of ``texts`` outside the spans of ``claimed``."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for candidate in claimed:
        spans.setdefault(candidate.passage.order, []).append((candidate.start, candidate.claim_end))
    return _Occurrences(texts, spans)


#: The occurrences of the latest scans grouped, by the identity of their candidates, with the
#: scan's texts and candidates (held, so that no other object takes their identity).
_SHARED: Final[dict[int, tuple[Sequence[Passage], Sequence[Candidate], _Occurrences]]] = {}
#: As many as :func:`cqcmodel.extract._names.cached_scan` keeps.
_SHARED_SIZE: Final = 16


def shared_occurrences(texts: Sequence[Passage], claimed: Sequence[Candidate]) -> _Occurrences:
    """:func:`occurrences` of one scan, made once for both categories.

    For a scan's result only (its tuples are not changed after the scan), which
    :func:`clear_caches` forgets.
    """
    entry = _SHARED.get(id(claimed))
    if entry is not None and entry[0] is texts and entry[1] is claimed:
        return entry[2]
    found = occurrences(texts, claimed)
    if len(_SHARED) >= _SHARED_SIZE:
        del _SHARED[next(iter(_SHARED))]
    _SHARED[id(claimed)] = (texts, claimed, found)
    return found


def clear_caches() -> None:
    """Forget the occurrences kept for the latest scans."""
    _SHARED.clear()


def _words(form: str) -> tuple[list[str], str]:
    """The words of ``form`` (:func:`_gap_split`) and its needle: its longest, the first of equals.

    Every match of the form writes each of its words. A form of letters and digits alone (an
    acronym, one word) has no gap: it is its word.
    """
    if form.isalnum():
        return [form], form
    words = _gap_split(form)
    longest = words[0]
    for word in words:
        if len(word) > len(longest):
            longest = word
    return words, longest


def _form_passages(occurrences: _Occurrences, form: str) -> tuple[int, ...]:
    """The indexes of the passages where ``form`` may match outside the claimed spans.

    Such a passage holds each word of the form outside them: its needle is looked for, then,
    in the passages that hold it, each other word that is looked for cheaply (at its first
    character's places, :meth:`_Occurrences.free_in_cheaply`).
    """
    words, needle = _words(form)
    free = occurrences.free_in(needle)
    if not free or len(words) == 1:
        return free
    for word in words:
        if not word or word == needle:
            continue
        held = occurrences.free_in_cheaply(word)
        if held is not None:
            holding = set(held)
            free = tuple([index for index in free if index in holding])
            if not free:
                break
    return free


def _gap_split(form: str) -> list[str]:
    r"""``WORD_GAP.split(form)``, by ``str.split`` when ``form`` has no hyphen or outer space.

    Both split at runs of the same white space (``str.isspace``, which ``\s`` matches), and
    without a gap at either end neither gives an empty word.
    """
    if form and "-" not in form and not form[0].isspace() and not form[-1].isspace():
        return form.split()
    return WORD_GAP.split(form)


def _bare_mentions(
    texts: Sequence[Passage], clusters: list[list[Candidate]], occurrences: _Occurrences
) -> None:
    """Add to each cluster (in text order) the unclaimed places its names or acronyms appear.

    A match of a form holds each of the form's words; where one of them occurs only inside
    claimed spans (``occurrences``), every match would overlap one and be dropped, so is not
    looked for (:func:`_form_passages`).
    """
    hits: list[tuple[int, int, int, int]] = []
    for number, cluster in enumerate(clusters):
        forms = _forms(cluster)
        if not forms:
            # Only one-letter names ("A"): nothing to look for.
            continue
        indexes: set[int] = set()
        for form in forms:
            free = _form_passages(occurrences, form)
            if free:
                indexes.update(free)
        if not indexes:
            continue
        pattern = _form_pattern(forms)
        hits += [
            (texts[index].order, match.start(), -match.end(), number)
            for index in sorted(indexes)
            for match in pattern.finditer(texts[index].text)
        ]
    grown: set[int] = set()
    passages: dict[int, _Claimed] = {}
    for order, start, negative_end, number in sorted(hits):
        end = -negative_end
        taken = passages.get(order)
        if taken is None:
            taken = passages[order] = occurrences.taken(order)
        if taken.overlaps(start, end):
            continue
        taken.take(end)
        model = clusters[number][0]
        grown.add(number)
        clusters[number].append(
            Candidate(
                passage=texts[order],
                start=start,
                end=end,
                category=model.category,
                kind=model.kind,
                bare=True,
            )
        )
    # The other clusters are in text order already.
    for number in grown:
        clusters[number].sort(key=_order)


def groups(
    texts: Sequence[Passage],
    candidates: Sequence[Candidate],
    category: Category,
    *,
    shared: bool = False,
) -> tuple[Group, ...]:
    """The groups of ``category`` among ``candidates``, in first-mention order.

    ``shared``: ``texts`` and ``candidates`` are a scan's result, whose occurrences both
    categories read (:func:`shared_occurrences`).
    """
    chosen = [c for c in candidates if c.category is category]
    if not chosen:
        return ()
    clusters = _clusters(chosen)
    if category is Category.ORGANISATION:
        clusters = _attach_generic_icb(clusters)
    find = shared_occurrences if shared else occurrences
    _bare_mentions(texts, clusters, find(texts, candidates))
    clusters.sort(key=lambda cluster: _order(cluster[0]))
    return tuple(Group(candidates=tuple(cluster)) for cluster in clusters)
