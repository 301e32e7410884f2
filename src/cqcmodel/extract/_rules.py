"""The rules that find candidate names, as an ordered registry of :class:`Rule` entries.

Like a markdown-it ruler, :data:`RULES` lists the rules in the order they run on each
sentence; each has a name, a one-line description and examples of its own (a sentence and the
names it must yield), which the tests run rule by rule. Overlaps between the rules' spans are
resolved afterwards (:mod:`cqcmodel.extract._resolve`).
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Callable, Sequence
from functools import cache
from typing import Final

import attrs

from ..framework import STATEMENTS, Theme
from ._apposed import first_word_apposed
from ._candidates import Scan
from ._classify import head_index, is_person, kind_of, organisation_kind
from ._cues import trie_pattern
from ._lexicon import (
    BODY_LIKE_HEADS,
    CONNECTORS,
    INITIATIVE_HEADS,
    KIND_HINTS,
    NOT_INITIATIVE_HEADS,
    REGIONAL_BODIES,
    SENTENCE_STARTERS,
)
from ._lexicon_patterns import LexiconEntry, needle_words
from ._text import (
    Caseless,
    Passage,
    Sentence,
    Token,
    first_characters,
    singular,
    tokens,
    words_from,
)
from ._title_case import body_cue, has_later_capital, scan_capital_runs, scan_runs
from .kinds import Category, InitiativeKind, Kind, OrganisationKind

# --- patterns -------------------------------------------------------------------------------

#: (The last branch's look-behind comes after its quote, so that every branch starts with a
#: quotation mark, which Python skips to.)
_QUOTED: Final = re.compile(
    r"‘((?:[^‘’\n]|’(?=\w))+)’(?!\w)|“([^“”\n]+)”|\"([^\"\n]+)\"|'(?<!\w')([^'\n]+)'(?!\w)"
)
#: A mark that opens a quote (every match of ``_QUOTED`` starts with one).
_QUOTE_MARK: Final = re.compile("[‘“\"']")
_ACRONYM_DEF: Final = re.compile(r"\(([A-Za-z][A-Za-z0-9&]{1,11}(?: [A-Z][A-Za-z0-9&]{1,6})?)\)")
_SENTENCE_MARK: Final = re.compile(r"[.!?](?:\s|$)")
_NOT_IN_LONG_FORMS: Final = re.compile(r"[,;:()‘’“”\"]")
_WORD: Final = re.compile(r"\w+")


@cache
def _titles_pattern() -> Caseless:
    r"""Statement and theme titles as written in running text, any case or dash.

    Each title starts with a word, so ``(?<!\w)`` says what a leading ``\b`` would. This is
    the definition; the rule searches for each title by its own pattern
    (:func:`_title_patterns`), which tests compare with this one.
    """
    titles = sorted(
        {title for info in STATEMENTS for title in info.titles} | {t.title for t in Theme},
        key=len,
        reverse=True,
    )
    words = (r"[\s,-]+".join(map(re.escape, _WORD.findall(title))) for title in titles)
    return Caseless(r"(?<!\w)(?:" + "|".join(words) + r")\b")


@cache
def _title_texts() -> tuple[str, ...]:
    """The statement and theme titles, sorted."""
    return tuple(
        sorted({title for info in STATEMENTS for title in info.titles} | {t.title for t in Theme})
    )


@cache
def _title_patterns() -> tuple[tuple[tuple[str, ...], Caseless], ...]:
    r"""Each title's words in lower case (longest first), and the title's own pattern.

    Every match of a title holds every word of it. The pattern matches where the title's
    branch of :func:`_titles_pattern` does; its look-behind comes after its first word, so
    that Python searches for that word as a literal.
    """
    found: list[tuple[tuple[str, ...], Caseless]] = []
    for title in _title_texts():
        words = _WORD.findall(title)
        first = re.escape(words[0])
        written = r"[\s,-]+".join(map(re.escape, words[1:]))
        pattern = first + r"(?<!\w" + first + ")" + (r"[\s,-]+" + written if written else "")
        lower = sorted({word.casefold() for word in words}, key=lambda w: (-len(w), w))
        found.append((tuple(lower), Caseless(pattern + r"\b")))
    return tuple(found)


def _titles(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """Block statement titles: neither they nor names inside them are initiatives.

    Only a title written with a capital after its first letter is blocked, so a sentence
    without one is not read, and a passage without every word of some title not searched.
    """
    if has_later_capital(passage.text, sentence.start + 1, sentence.end):
        _capital_titles(scan, passage, sentence)


def _capital_titles(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """:func:`_titles` on a sentence known to have a capital after its first letter."""
    for start, end in _titles_of(scan, passage):
        if sentence.start <= start < sentence.end:
            scan.block(passage, start, end)


def _titles_of(scan: Scan, passage: Passage) -> tuple[tuple[int, int], ...]:
    """:func:`_passage_titles` of ``passage``, read once."""
    if scan.titled_of != passage.order:
        scan.titles = _passage_titles(passage.text, passage_words(scan, passage))
        scan.titled_of = passage.order
    return scan.titles


def _holds_titles(scan: Scan, passage: Passage) -> bool:
    """Whether ``passage`` holds a title with a later capital (else titles block nothing).

    Only where a sentence has a capital after its first letter is the passage searched.
    """
    return any(sentence_capitals(scan, passage)) and bool(_titles_of(scan, passage))


def sentence_capitals(scan: Scan, passage: Passage) -> list[bool]:
    """Whether each sentence of ``passage`` has a capital after its first letter, read once."""
    if scan.capitals_of != passage.order:
        text = passage.text
        scan.capitals = [
            has_later_capital(text, sentence.start + 1, sentence.end)
            for sentence in passage.sentences
        ]
        scan.capitals_of = passage.order
    return scan.capitals


def _passage_titles(text: str, words: list[str] | None = None) -> tuple[tuple[int, int], ...]:
    """The spans of the titles written with a capital after their first letter in ``text``.

    One search of the passage finds what a search of each sentence would: a title holds no
    sentence end, and space or the passage's edge is on either side of every sentence. Each
    title whose words the passage holds is searched for on its own: no two titles' matches
    overlap (a test checks it), so theirs together, in order, are the matches of
    :func:`_titles_pattern`. Titles with the same longest word are looked for once by it.
    Given what :func:`passage_words` found in ``text``, only the titles it shows may be
    written there with such a capital are (:func:`_titles_with_capitals`).
    """
    chosen = (
        None if words is None or not _lowers_safely(text) else _titles_with_capitals(text, words)
    )
    if chosen is not None:
        if not chosen:
            return ()  # (most passages)
        lower = _lowered(text)
        if lower is not None:
            patterns = _title_patterns()
            spans: list[tuple[int, int]] = []
            for index in chosen:
                title_words, pattern = patterns[index]
                for word in title_words:
                    if word not in lower:
                        break
                else:
                    spans.extend(match.span() for match in pattern.finditer(text, lower))
            return _capitalised(text, spans)
    return _capitalised(text, _every_title(text))


def _every_title(text: str) -> list[tuple[int, int]]:
    """The spans of every title in ``text``, in any case."""
    lower = _lowered(text)
    # (Where lower-casing is unsafe the patterns run: case folding is not their matching.)
    spans: list[tuple[int, int]] = []
    for longest, titles in _titles_by_longest_word():
        if lower is not None and longest not in lower:
            continue
        for words, pattern in titles:
            if lower is not None:
                for word in words:  # (a loop, not all(): it runs for each title of each passage)
                    if word not in lower:
                        break
                else:
                    spans.extend(match.span() for match in pattern.finditer(text, lower))
            else:
                spans.extend(match.span() for match in pattern.finditer(text, None))
    return spans


def _capitalised(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Of title ``spans``, in order, those with a capital after their first letter."""
    spans.sort()
    return tuple(
        (start, end)
        for start, end in spans
        if any(char.isupper() for char in text[start + 1 : end])
    )


def _titles_with_capitals(text: str, words: list[str]) -> list[int] | None:
    """The titles (indexes in :func:`_title_patterns`) ``text`` may hold with a later capital.

    ``words`` are what :func:`passage_words` found in ``text``, which lower-cases safely
    (:func:`_lowers_safely`: its capitals are ASCII). Such a title holds a word with a
    capital: one inside the word is found alone (then any title may be there: None); one at
    its start is found with the word, which the title must have after its first word, or
    as its first word with another capital. Every other word of the title is in ``text`` as
    written, or was found.
    """
    later, first = _title_flags()
    found: set[str] = set()
    flagged: set[int] = set()
    for word in words:
        if len(word) == 1:
            return None
        lower = word.lower()
        found.add(lower)
        indexes = later.get(lower)
        if indexes is not None:
            flagged.update(indexes)
        indexes = first.get(lower)
        if indexes is not None and word[1:] != lower[1:]:
            flagged.update(indexes)
    patterns = _title_patterns()
    chosen: list[int] = []
    for index in sorted(flagged):
        for word in patterns[index][0]:
            if word not in found and word not in text:
                break
        else:
            chosen.append(index)
    return chosen


@cache
def _title_flags() -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Titles by their words (lower-cased): after their first word, and as their first word."""
    later: dict[str, list[int]] = {}
    first: dict[str, list[int]] = {}
    for index, title in enumerate(_title_texts()):
        words = [word.lower() for word in _WORD.findall(title)]
        first.setdefault(words[0], []).append(index)
        for word in words[1:]:
            later.setdefault(word, []).append(index)
    return (
        {word: tuple(found) for word, found in later.items()},
        {word: tuple(found) for word, found in first.items()},
    )


@cache
def _passage_words_pattern() -> re.Pattern[str]:
    r"""The search of :func:`passage_words`: lexicon needles and titles' capitalised words.

    At a word's start it finds the word (to its end) if it is a needle written in one case
    (:func:`~cqcmodel.extract._lexicon_patterns.needle_words`) or a title's word with a
    capital first letter and the rest in any case; at a capital after a lower-case letter,
    that capital alone (no needle or title word has one letter). Each branch starts with its
    first character, so that Python skips to those, and the words are read as trees
    (:func:`~cqcmodel.extract._cues.trie_pattern`).
    """
    title_words = {word for words, _ in _title_patterns() for word in words}
    needles = needle_words()
    if any(len(word) < 2 for word in (*needles, *title_words)):
        msg = "a needle or title word of one letter would be read as a capital inside a word"
        raise ValueError(msg)
    exact: dict[str, list[str]] = {}
    caseless: dict[str, list[str]] = {}
    for word in needles:
        exact.setdefault(word[0], []).append(word[1:])
    for word in title_words:
        caseless.setdefault(word[0].upper(), []).append(word[1:])
    branches: list[str] = []
    for char in sorted(set(exact) | set(caseless) | set(string.ascii_uppercase)):
        rests = [trie_pattern(exact[char])] if char in exact else []
        if char in caseless:
            rests.append("(?i:" + trie_pattern(caseless[char]) + ")")
        escaped = re.escape(char)
        alternatives = [r"(?<!\w" + escaped + ")(?:" + "|".join(rests) + r")\b"] if rests else []
        if char in string.ascii_uppercase:
            alternatives.append("(?<=[a-z]" + escaped + ")")
        branches.append(escaped + "(?:" + "|".join(alternatives) + ")")
    return re.compile("|".join(branches))


def passage_words(scan: Scan, passage: Passage) -> list[str]:
    """What :func:`_passage_words_pattern` finds in ``passage``, read once for both its readers.

    (The lexicon looks its needles up in it:
    :func:`~cqcmodel.extract._lexicon_patterns.entries_in`.)
    """
    if scan.words_of != passage.order:
        scan.words = _sentence_words(passage, sentence_capitals(scan, passage))
        scan.words_of = passage.order
    return scan.words


def _sentence_words(passage: Passage, capitals: list[bool]) -> list[str]:
    """What :func:`_passage_words_pattern` finds in ``passage``, read only where it may find.

    (``capitals``: whether each sentence has a capital after its first letter.) Each word it
    finds starts with an ASCII capital, so in a sentence without a later capital only at the
    sentence's start. Sentences are apart by space only and none ends inside a word, so each
    run of sentences with a later capital is searched alone, the same as within the passage;
    most of a passage's text is in sentences without one, and is not read.
    """
    text = passage.text
    pattern = _passage_words_pattern()
    words: list[str] = []
    run_start = run_end = -1  # (the run of sentences with a later capital being read)
    for sentence, capital in zip(passage.sentences, capitals, strict=True):
        if capital:
            if run_start < 0:
                run_start = sentence.start
            run_end = sentence.end
            continue
        if run_start >= 0:
            words += pattern.findall(text, run_start, run_end)
            run_start = -1
        start = sentence.start
        if start < sentence.end and "A" <= text[start] <= "Z":
            match = pattern.match(text, start, sentence.end)
            if match is not None:
                words.append(match.group())
    if run_start >= 0:
        words += pattern.findall(text, run_start, run_end)
    return words


@cache
def _titles_by_longest_word() -> tuple[
    tuple[str, tuple[tuple[tuple[str, ...], Caseless], ...]], ...
]:
    """:func:`_title_patterns` by their longest word (each title with its other words)."""
    groups: dict[str, list[tuple[tuple[str, ...], Caseless]]] = {}
    for words, pattern in _title_patterns():
        groups.setdefault(words[0], []).append((words[1:], pattern))
    return tuple((longest, tuple(titles)) for longest, titles in groups.items())


#: The characters for which :func:`~cqcmodel.extract._text.lowered` gives no lower-cased
#: copy (whatever the copy's length); a test compares them with its pattern.
_CASE_EXCEPTIONS: Final = "\u0130\u0131\u017f\u212a"


def _lowered(text: str) -> str | None:
    """:func:`~cqcmodel.extract._text.lowered`, without searching an ASCII text for exceptions."""
    if not _lowers_safely(text):
        return None
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def _lowers_safely(text: str) -> bool:
    """Whether ``text`` holds none of :data:`_CASE_EXCEPTIONS`.

    None of them is ASCII; in another text each is looked for alone, faster than by a class.
    """
    if not text.isascii():
        for char in _CASE_EXCEPTIONS:
            if char in text:
                return False
    return True


def _quoted(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """Names in quotes: mostly capitalised, at most eight words, no sentence inside."""
    text = passage.text
    if _QUOTE_MARK.search(text, sentence.start, sentence.end) is None:
        return  # no quotation mark: nothing to read
    for match in _QUOTED.finditer(text, sentence.start, sentence.end):
        group = next(index for index in (1, 2, 3, 4) if match.group(index) is not None)
        start, end = match.span(group)
        inner = text[start:end]
        start += len(inner) - len(inner.lstrip())
        end -= len(inner) - len(inner.rstrip())
        inner = text[start:end].rstrip(",;:")
        end = start + len(inner)
        words = [token.text for token in tokens(inner) if token.is_word]
        if not words or not (inner[0].isupper() or inner[0].isdigit()) or len(words) > 8:
            continue
        if _SENTENCE_MARK.search(inner):
            continue
        content = [word for word in words if word.casefold() not in CONNECTORS]
        capitalised = sum(1 for word in content if word[0].isupper() or word[0].isdigit())
        if 2 * capitalised < len(content) or (len(content) == 1 and words[0] == "I"):
            continue
        org = organisation_kind(words)
        if org is not None:
            scan.add(passage, start, end, category=Category.ORGANISATION, kind=org)
            continue
        kind = (
            kind_of(words)
            or _nearby_kind(scan, passage, match.start(), match.end(), sentence)
            or InitiativeKind.OTHER
        )
        scan.add(passage, start, end, category=Category.INITIATIVE, kind=kind)


def _nearby_kind(
    scan: Scan, passage: Passage, before: int, after: int, sentence: Sentence
) -> InitiativeKind | None:
    """The kind a noun shortly after (or else shortly before) a quoted name gives."""
    following = itertools.islice(words_from(passage.text, after, sentence.end), 6)
    for token in following:  # (read only until a noun tells)
        kind = KIND_HINTS.get(singular(token.text.casefold()))
        if kind:
            return kind
    for token in reversed(scan.last_words(passage, sentence, before, 8)):
        kind = KIND_HINTS.get(singular(token.text.casefold()))
        if kind:
            return kind
    return None


def _long_form_words(acronym: str) -> int:
    """How many words before its bracket the long form of ``acronym`` may hold."""
    return min(len(acronym) + 5, 2 * len(acronym))


def _long_form(text: str, words: Sequence[Token], acronym: str) -> tuple[int, int] | None:
    """The span of the words an acronym abbreviates, ending just before its bracket.

    ``words`` are the words of the sentence before the bracket (its last
    :func:`_long_form_words` are enough). The Schwartz–Hearst rule: each letter of the
    acronym, right to left, is found in the preceding words, the first letter at the start of
    a word.
    """
    if not words:
        return None
    window = words[-_long_form_words(acronym) :]
    start = window[0].start
    end = words[-1].end
    long = text[start:end]
    short = acronym.casefold()
    last = _last_letter_places(long, short) if long.isascii() else _letter_places(long, short)
    if last < 0:
        return None
    first = last
    while first > 0 and long[first - 1].isalnum():
        first -= 1
    return start + first, end


def _letter_places(long: str, short: str) -> int:
    """Where the first letter of ``short`` is found in ``long`` (-1: not all are found).

    Each letter of ``short`` (right to left; other characters skipped) is the nearest
    character before the last one found that folds to it, the first at a word's start.
    """
    s_index, l_index = len(short) - 1, len(long) - 1
    while s_index >= 0:
        char = short[s_index]
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            long[l_index].casefold() != char
            or (s_index == 0 and l_index > 0 and long[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return -1
        l_index -= 1
        s_index -= 1
    return l_index + 1


def _last_letter_places(long: str, short: str) -> int:
    """:func:`_letter_places` for an ASCII ``long``, each letter found by ``rfind``.

    An ASCII character folds to one character, its lower case: the lower-cased copy holds
    a folded letter where ``long`` holds a character that folds to it.
    """
    lower = long.lower()
    l_index = len(long) - 1
    for s_index in range(len(short) - 1, -1, -1):
        char = short[s_index]
        if not char.isalnum():
            continue
        l_index = lower.rfind(char, 0, l_index + 1)
        if s_index == 0:
            while l_index > 0 and long[l_index - 1].isalnum():
                l_index = lower.rfind(char, 0, l_index)
        if l_index < 0:
            return -1
        l_index -= 1
    return l_index + 1


def _long_form_body(
    passage: Passage, sentence: Sentence, words: Sequence[str], start: int, end: int
) -> OrganisationKind | None:
    """The kind of body the words around a capitalised long form make of it, if any.

    The cues the Title Case rule reads (:func:`~cqcmodel.extract._title_case.body_cue`),
    around the long form and its bracket: a long form without a head after "working
    with" or before "told us" ("working with Oxfordshire Community and Voluntary Action
    (OCVA)"); one headed by a noun of
    :data:`~cqcmodel.extract._lexicon.BODY_LIKE_HEADS` only after a strong cue ("funded
    Plymouth Octopus Project (POP) to").
    """
    if not passage.text[start].isupper():
        return None
    if head_index(words) is None and kind_of(words) is None:
        return body_cue(passage.text, start, end, sentence, single=False)
    if singular(words[-1].casefold()) in BODY_LIKE_HEADS:
        return body_cue(passage.text, start, end, sentence, single=True, speaks=True)
    return None


def _acronyms(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """Names defined by an acronym in brackets just after them."""
    text = passage.text
    if text.find("(", sentence.start, sentence.end) < 0:
        return  # no bracket: no definition
    for match in _ACRONYM_DEF.finditer(text, sentence.start, sentence.end):
        acronym = match.group(1)
        if acronym.endswith("s") and sum(map(str.isupper, acronym[:-1])) >= 2:
            acronym = acronym[:-1]
        if sum(map(str.isupper, acronym)) < 2 or not acronym[0].isalpha():
            continue
        before = scan.last_words(passage, sentence, match.start(), _long_form_words(acronym))
        span = _long_form(text, before, acronym)
        if span is None:
            continue
        start, end = span
        long = text[start:end]
        if _NOT_IN_LONG_FORMS.search(long):
            continue
        words = [token.text for token in tokens(long) if token.is_word]
        if len(words) < 2 and sum(map(str.isupper, long)) < 2:
            continue
        body = organisation_kind(words)
        if body is None:
            last = singular(words[-1].casefold())
            if last in NOT_INITIATIVE_HEADS or any(is_person([word]) for word in words):
                continue
            if not long[0].isupper() and len(words) < 2:
                continue
            body = _long_form_body(passage, sentence, words, start, match.end())
        category = Category.INITIATIVE if body is None else Category.ORGANISATION
        kind: Kind = (
            body
            if body is not None
            else kind_of(words)
            or _nearby_kind(scan, passage, start, match.end(), sentence)
            or InitiativeKind.OTHER
        )
        scan.add(
            passage,
            start,
            end,
            category=category,
            kind=kind,
            keys={"acr:" + acronym.replace(" ", "").upper()},
            acronym=acronym,
            claim_end=match.end(),
            defined=True,
        )


def _branch_end(text: str, start: int, end: int, name_end: int, stop: int) -> int:
    """Where a branch ends: before an "and" that starts another capitalised name.

    "Age UK Faversham and Sittingbourne" is one branch; in "Age UK Lancashire and Lancashire
    and South Cumbria Integrated Care Board" the capitals run on after the match, so the
    branch stops at its first "and" and the rest is a name of its own — unless the word
    after the next "and" repeats the branch's last place: in "Age UK Lewisham and Southwark
    and Southwark Pensioners Centre" the branch is "Age UK Lewisham and Southwark". A branch
    names its place once: an "and" before a place named again inside the match ends it too
    ("Age UK Bristol and Bristol Mind", "Citizens Advice Sheffield and Disability Sheffield").
    """
    places = text[name_end:end].split()
    if any(singular(place.casefold()) in INITIATIVE_HEADS for place in places):
        return name_end  # "Age UK Day Centre" is a service, not a branch
    for index in range(1, len(places) - 1):
        if places[index] == "and" and set(places[:index]) & set(places[index + 1 :]):
            return name_end + len(" ".join(places[:index])) + 1
    follows = _CONTINUES.match(text, end, stop)
    if follows is None:
        return end
    last = text[start:end].rsplit(None, 1)[-1]
    if text.startswith(" and " + last + " ", end):
        return end
    first_and = text.find(" and ", name_end, end)
    return first_and if first_and >= 0 else end


_CONTINUES: Final = re.compile(r"\s++(?:and|of|for|&)?\s*+[A-Z]")
#: Up to three capitalised words just before a point: a regional branch's region.
_REGION: Final = re.compile(r"(?:(?<![\w’'-])[A-Z][\w’'-]*\s){1,3}$")


def _region_start(text: str, start: int, sentence: Sentence) -> int:
    """Where a region written before a body's name starts ("North West ADASS").

    ``start`` itself when no capitalised word comes just before, or only an article, a
    sentence's first word or a connector does.
    """
    found = _REGION.search(text, max(sentence.start, start - 48), start)
    if found is None:
        return start
    words = found.group().split()
    while words and (words[0].casefold() in SENTENCE_STARTERS or words[0].casefold() in CONNECTORS):
        words = words[1:]
    return start - len(" ".join(words)) - 1 if words else start


def _lexicon_names(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """National programmes and bodies of the lexicon, their variants, acronyms and branches."""
    entries = _lexicon_entries(scan, passage)
    if not entries:
        return
    text = passage.text
    for entry in entries:
        if entry.needle not in sentence.text:
            continue
        position = sentence.start
        while (match := entry.pattern.search(text, position, sentence.end)) is not None:
            start, end = match.span()
            keys = {"lex:" + entry.name}
            lexicon: str | None = entry.name
            if entry.branched:
                name_end = start + len(entry.name)
                end = _branch_end(text, start, end, name_end, sentence.end)
                if end > name_end and text.endswith(("’s", "'s"), name_end, end):
                    end -= 2  # "Healthwatch Kent’s survey" names Healthwatch Kent
                if end > name_end:
                    # A local branch is a body of its own ("Age UK Canterbury").
                    keys, lexicon = set(), None
            elif entry.name in REGIONAL_BODIES:
                region = _region_start(text, start, sentence)
                if region < start:
                    # A regional branch is a body of its own ("North West ADASS").
                    start, keys, lexicon = region, set(), None
            if entry.acronym and lexicon is not None:
                keys.add("acr:" + entry.acronym.upper())
            scan.add(
                passage,
                start,
                end,
                category=entry.category,
                kind=entry.kind,
                lexicon=lexicon,
                keys=keys,
                variant=entry.variant,
            )
            position = max(end, start + 1)


def _holds_lexicon_needles(scan: Scan, passage: Passage) -> bool:
    """Whether ``passage`` holds the needle of a lexicon entry (else the lexicon finds none)."""
    return bool(_lexicon_entries(scan, passage))


def _lexicon_entries(scan: Scan, passage: Passage) -> tuple[LexiconEntry, ...]:
    """The lexicon entries that may match in ``passage``, read once from its words."""
    if scan.entries_of == passage.order:
        return scan.entries
    return scan.lexicon_entries(passage, passage_words(scan, passage))


# --- the registry ---------------------------------------------------------------------------

#: A rule reads one sentence of a passage and adds what it finds to the scan.
RuleFunction = Callable[[Scan, Passage, Sentence], None]
#: Whether a rule may find anything in a passage, told once for the passage.
PassageGate = Callable[[Scan, Passage], bool]


@attrs.frozen(kw_only=True)
class Rule:
    """One named rule of the registry, with examples of what it must find."""

    name: str
    find: RuleFunction
    description: str
    #: (sentence, names the rule must yield on it, in text order).
    examples: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Characters one of which a passage must hold for the rule to find anything in it ("":
    #: any passage), read from the rule's pattern: the scan skips the others.
    needs: str = ""
    #: Whether the rule finds nothing in a sentence without a capital after its first letter.
    needs_capital: bool = False
    #: The rule without its own test for such a capital, for a sentence the scan already
    #: found one in (``None``: :attr:`find`); only a rule that ``needs_capital`` has one.
    capital_find: RuleFunction | None = None
    #: Whether the rule may find anything in a passage that holds what it ``needs`` (``None``:
    #: it may): the scan skips the others.
    passage_gate: PassageGate | None = None


#: A sentence and the names a rule must yield on it, in text order.
Example = tuple[str, tuple[str, ...]]

#: Each rule's examples, by rule name: what the tests run rule by rule.
EXAMPLES: Final[dict[str, tuple[Example, ...]]] = {
    "titles": (("The Partnerships and Communities work was strong.", ()),),
    "quoted": (
        ("The ‘Connected Leaders’ forum met monthly.", ("Connected Leaders",)),
        ("They used “leading technology” for triage.", ()),
        ("The 'Living Well in Lancashire' strategy.", ("Living Well in Lancashire",)),
    ),
    "acronyms": (
        ("The local access point (LAP) helped.", ("local access point",)),
        (
            "They worked with Kent Community Health NHS Foundation Trust (KCHFT).",
            ("Kent Community Health NHS Foundation Trust",),
        ),
        ("Data from the survey (ASCS, 2023) showed it.", ()),
        (
            "It worked with Leeds Community and Voluntary Action (LCVA) on grants.",
            ("Leeds Community and Voluntary Action",),
        ),
        ("It funded Hull Octopus Project (HOP) to help groups.", ("Hull Octopus Project",)),
    ),
    "lexicon": (
        ("It used Better Care Funding (BCF) for beds.", ("Better Care Funding", "BCF")),
        ("The front door used a three-conversation approach.", ("three-conversation approach",)),
        (
            "Age UK Canterbury and Age UK Faversham and Sittingbourne ran clubs.",
            ("Age UK Canterbury", "Age UK Faversham and Sittingbourne"),
        ),
        (
            "It worked with Age UK Lancashire and Lancashire and South Cumbria ICB.",
            ("Age UK Lancashire",),
        ),
        (
            "It worked with Age UK Lewisham and Southwark and Southwark Pensioners Centre.",
            ("Age UK Lewisham and Southwark",),
        ),
        (
            "Citizens Advice Sheffield and Disability Sheffield helped.",
            ("Citizens Advice Sheffield",),
        ),
        ("It met Age UK Day Centre staff.", ("Age UK",)),
        ("Leaders from North West ADASS and the ADASS board met.", ("North West ADASS", "ADASS")),
    ),
    "title-case": (
        ("There was an Autism Partnership Board for adults.", ("Autism Partnership Board",)),
        ("Staff used the Home First model daily.", ("Home First model",)),
        (
            "Preston City Council and Burnley Borough Council agreed.",
            ("Preston City Council", "Burnley Borough Council"),
        ),
        ("The local authority commissioned Carers First to help.", ("Carers First",)),
        ("People used Connect to Support Kent to find groups.", ("Connect to Support Kent",)),
        ("It was delivered by Hestia, a charity, in the borough.", ("Hestia",)),
        ("Beds were (referred to locally as Step Down) for people.", ("Step Down",)),
        ("It worked with North-West London and Care Act duties.", ()),
        (
            "Concerns came from Guy’s and St Thomas’ NHS Foundation Trust.",
            ("Guy’s and St Thomas’ NHS Foundation Trust",),
        ),
        (
            "It was agreed with NHS North East and North Cumbria Integrated Care Board.",
            ("NHS North East and North Cumbria Integrated Care Board",),
        ),
        (
            "It worked with NHS Devon and Royal Devon University Healthcare NHS Foundation Trust.",
            ("NHS Devon", "Royal Devon University Healthcare NHS Foundation Trust"),
        ),
        (
            "It worked with Barnet, Enfield and Haringey Mental Health NHS Trust.",
            ("Barnet, Enfield and Haringey Mental Health NHS Trust",),
        ),
        (
            "Leaders said the Principal Social Worker and the Quality Assurance Group led it.",
            ("Quality Assurance Group",),
        ),
        (
            "It set up the Personal Assistant Register with Northumberland CVA.",
            ("Personal Assistant Register", "Northumberland CVA"),
        ),
        ("Advocacy came from POhWER and Cambridge House.", ("POhWER", "Cambridge House")),
        ("The local authority commissioned Refuge to run it.", ("Refuge",)),
        ("It was run by the charity Turning Point.", ("Turning Point",)),
        (
            "Care was bought through the Section 75 Partnership Agreement.",
            ("Section 75 Partnership Agreement",),
        ),
        ("Young people were supported by the 0-25 Service.", ("0-25 Service",)),
        ("Leaders from Adult Social Care and Public Health agreed.", ()),
        ("Carers were helped by Sheffield Carers Centre.", ("Sheffield Carers Centre",)),
        ("It was run with HCRG Care Group in the city.", ("HCRG Care Group",)),
        ("Lunch clubs ran in Firth Park and the Isles of Scilly.", ()),
        (
            "The Adult Social Care Equality, Diversity and Inclusion Strategy was published.",
            ("Adult Social Care Equality, Diversity and Inclusion Strategy",),
        ),
        ("Herts Help, a network of local charities, ran a line.", ("Herts Help",)),
        ("Leaders said the Domestic Abuse Board oversaw local plans.", ("Domestic Abuse Board",)),
        ("Staff said Step2Home offered short stays.", ("Step2Home",)),
        (
            "Vista and the Leicester Royal Infirmary NHS Trust trained staff.",
            ("Vista", "Leicester Royal Infirmary NHS Trust"),
        ),
        (
            "It worked with Homes Together and Northway Housing Trust.",
            ("Homes Together", "Northway Housing Trust"),
        ),
        (
            "It worked with Tees Esk and Wear Valleys NHS Foundation Trust.",
            ("Tees Esk and Wear Valleys NHS Foundation Trust",),
        ),
        (
            "It worked with County Durham and Darlington NHS Foundation Trust.",
            ("County Durham and Darlington NHS Foundation Trust",),
        ),
        (
            "It was set out in the Safeguarding Adults Board’s Prevention Plan.",
            ("Safeguarding Adults Board", "Prevention Plan"),
        ),
        ("People used Barnardo’s Family Hub.", ("Barnardo’s Family Hub",)),
        (
            "It worked with Hope Housing on the Warm Places project.",
            ("Hope Housing", "Warm Places project"),
        ),
        (
            "It worked with providers including The Bridge, Anchor and Crisis on it.",
            ("The Bridge", "Anchor", "Crisis"),
        ),
    ),
    "apposed": (
        ("Vista, a local sight loss charity, told us so.", ("Vista",)),
        ("Vista, which is a local charity, told us so.", ("Vista",)),
        ("Advocacy, a statutory service, was commissioned.", ()),
        ("Careline, the local authority’s telecare service, supported people.", ("Careline",)),
        ("Instead, the team, which met weekly, helped.", ()),
        ("Carers, the largest group, said so.", ()),
        ("Vista, a charity in the city said so.", ()),
    ),
}


def _rule(
    name: str,
    find: RuleFunction,
    description: str,
    *,
    needs: str = "",
    needs_capital: bool = False,
    capital_find: RuleFunction | None = None,
    passage_gate: PassageGate | None = None,
) -> Rule:
    """A rule of the registry, with its examples from :data:`EXAMPLES` (gated as ``needs``)."""
    return Rule(
        name=name,
        find=find,
        description=description,
        examples=EXAMPLES[name],
        needs=needs,
        needs_capital=needs_capital,
        capital_find=capital_find,
        passage_gate=passage_gate,
    )


#: The rules, in the order they run on each sentence.
RULES: Final[tuple[Rule, ...]] = (
    _rule(
        "titles",
        _titles,
        "statement and theme titles written in a finding name nothing",
        needs_capital=True,
        capital_find=_capital_titles,
        passage_gate=_holds_titles,
    ),
    _rule(
        "quoted",
        _quoted,
        "a quoted name, mostly capitalised, of at most eight words",
        needs=first_characters(_QUOTED),
    ),
    _rule(
        "acronyms",
        _acronyms,
        "the long form of a defined acronym (Schwartz–Hearst), any case",
        needs=first_characters(_ACRONYM_DEF),
    ),
    _rule(
        "lexicon",
        _lexicon_names,
        "national programmes and bodies, their variants, acronyms, branches and regions",
        passage_gate=_holds_lexicon_needles,
    ),
    _rule(
        "title-case",
        scan_runs,
        "Title Case runs: headed names, coordinated and listed names, brand-like names",
        needs_capital=True,
        capital_find=scan_capital_runs,
    ),
    _rule(
        "apposed",
        first_word_apposed,
        "a sentence's first word named by an apposition closed by a comma",
        needs=",",
    ),
)


def rule(name: str) -> Rule:
    """The rule of the registry called ``name`` (``KeyError`` if there is none)."""
    for entry in RULES:
        if entry.name == name:
            return entry
    raise KeyError(name)


__all__ = [
    "EXAMPLES",
    "RULES",
    "Example",
    "PassageGate",
    "Rule",
    "RuleFunction",
    "rule",
    "sentence_capitals",
]
