"""The rules that find candidate names, as an ordered registry of :class:`Rule` entries.

Like a markdown-it ruler, :data:`RULES` lists the rules in the order they run on each
sentence; each has a name, a one-line description and examples of its own (a sentence and the
names it must yield), which the tests run rule by rule. Overlaps between the rules' spans are
resolved afterwards (:mod:`cqcmodel.extract._resolve`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Final

import attrs

from ..framework import STATEMENTS, Theme
from ._candidates import Scan
from ._classify import head_index, is_person, kind_of, organisation_kind
from ._lexicon import (
    BRANCHED_BODIES,
    COMPASS_WORDS,
    CONNECTORS,
    EXTENSION_HEADS,
    GENERIC_ACRONYMS,
    GENERIC_DEPARTMENTS,
    INITIATIVE_HEADS,
    KIND_HINTS,
    NAMING_VERBS,
    NOT_INITIATIVE_HEADS,
    NOT_NAME_WORDS,
    NOT_UNHEADED_WORDS,
    ORGANISATION_CUES_AFTER,
    ORGANISATION_CUES_BEFORE,
    ORGANISATION_HEADS,
    ORGANISATION_NOUNS,
    OWNERS,
    PERSON_HEADS,
    SENTENCE_STARTERS,
    STOP_WORDS,
    WEAK_HEADS,
)
from ._text import (
    Caseless,
    Passage,
    Sentence,
    Token,
    lowered,
    name_key,
    singular,
    stretches,
    tokens,
    words_from,
)
from .kinds import Category, InitiativeKind, OrganisationKind

# --- patterns -------------------------------------------------------------------------------

_QUOTED: Final = re.compile(
    r"‘((?:[^‘’\n]|’(?=\w))+)’(?!\w)|“([^“”\n]+)”|\"([^\"\n]+)\"|(?<!\w)'([^'\n]+)'(?!\w)"
)
_ACRONYM_DEF: Final = re.compile(r"\(([A-Za-z][A-Za-z0-9&]{1,11}(?: [A-Z][A-Za-z0-9&]{1,6})?)\)")
#: A naming phrase just before a name: "known as", "called", "referred to locally as".
_NAMING: Final = re.compile(
    r"\b(?:"
    + "|".join(r"\s+".join(verb.split()) for verb in sorted(NAMING_VERBS))
    + r")(?:\s+[a-z]+ly)?(?:\s+as)?\s+$"
)
#: The start of an apposition after a name: ", which was a …", ", a …" (its nouns are read
#: by :func:`_apposition`). A bare article needs the comma.
_APPOSITION: Final = re.compile(
    r"(?:,\s++(?:(?:which|that|who)\s++(?:was|is|were|are)\s++)?"
    r"|\s++(?:which|that|who)\s++(?:was|is|were|are)\s++)(?:a|an|the|our|their)\s"
)
_SENTENCE_MARK: Final = re.compile(r"[.!?](?:\s|$)")
_NOT_IN_LONG_FORMS: Final = re.compile(r"[,;:()‘’“”\"]")
_POSSESSIVE: Final = re.compile(r"[’']s$")
_WORD: Final = re.compile(r"\w+")


@cache
def _titles_pattern() -> Caseless:
    r"""Statement and theme titles as written in running text, any case or dash.

    Each title starts with a word, so ``(?<!\w)`` says what a leading ``\b`` would.
    """
    titles = sorted(
        {title for info in STATEMENTS for title in info.titles} | {t.title for t in Theme},
        key=len,
        reverse=True,
    )
    words = (r"[\s,-]+".join(map(re.escape, _WORD.findall(title))) for title in titles)
    return Caseless(r"(?<!\w)(?:" + "|".join(words) + r")\b")


@cache
def _title_needles() -> tuple[str, ...]:
    """The longest word of each title, in lower case: every match holds one of them."""
    titles = {title for info in STATEMENTS for title in info.titles} | {t.title for t in Theme}
    return tuple(sorted({max(_WORD.findall(title), key=len).casefold() for title in titles}))


def _titles(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """Block statement titles: neither they nor names inside them are initiatives.

    Only a title written with a capital after its first letter is blocked, so a sentence
    without one, or without any title's longest word, is not searched.
    """
    if not _has_later_capital(passage.text, sentence.start + 1, sentence.end):
        return
    # The sentence on its own: space or the finding's edge is on either side of it.
    text = passage.text[sentence.start : sentence.end]
    lower = lowered(text)
    # (Where lower-casing is unsafe the pattern runs: case folding is not its matching.)
    if lower is not None and not any(needle in lower for needle in _title_needles()):
        return
    for match in _titles_pattern().finditer(text, lower):
        start, end = match.span()
        if any(char.isupper() for char in text[start + 1 : end]):
            scan.block(passage, sentence.start + start, sentence.start + end)


def _quoted(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """Names in quotes: mostly capitalised, at most eight words, no sentence inside."""
    text = passage.text
    if all(text.find(mark, sentence.start, sentence.end) < 0 for mark in "‘“\"'"):
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
    following = list(itertools.islice(words_from(passage.text, after, sentence.end), 6))
    preceding = scan.words_before(passage, sentence, before)[-8:]
    for token in [*following, *reversed(preceding)]:
        kind = KIND_HINTS.get(singular(token.text.casefold()))
        if kind:
            return kind
    return None


def _long_form(text: str, words: Sequence[Token], acronym: str) -> tuple[int, int] | None:
    """The span of the words an acronym abbreviates, ending just before its bracket.

    ``words`` are the words of the sentence before the bracket. The Schwartz–Hearst rule: each
    letter of the acronym, right to left, is found in the preceding words, the first letter at
    the start of a word.
    """
    if not words:
        return None
    window = words[-min(len(acronym) + 5, 2 * len(acronym)) :]
    start = window[0].start
    end = words[-1].end
    long = text[start:end]
    short = acronym.casefold()
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
            return None
        l_index -= 1
        s_index -= 1
    first = l_index + 1
    while first > 0 and long[first - 1].isalnum():
        first -= 1
    return start + first, end


def _acronyms(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """Names defined by an acronym in brackets just after them."""
    text = passage.text
    if text.find("(", sentence.start, sentence.end) < 0:
        return  # no bracket: no definition
    for match in _ACRONYM_DEF.finditer(text, sentence.start, sentence.end):
        acronym = match.group(1)
        if acronym.endswith("s") and sum(char.isupper() for char in acronym[:-1]) >= 2:
            acronym = acronym[:-1]
        if sum(char.isupper() for char in acronym) < 2 or not acronym[0].isalpha():
            continue
        span = _long_form(text, scan.words_before(passage, sentence, match.start()), acronym)
        if span is None:
            continue
        start, end = span
        long = text[start:end]
        if _NOT_IN_LONG_FORMS.search(long):
            continue
        words = [token.text for token in tokens(long) if token.is_word]
        if len(words) < 2 and sum(char.isupper() for char in long) < 2:
            continue
        extra: dict[str, object] = {
            "acronym": acronym,
            "claim_end": match.end(),
            "defined": True,
            "keys": {"acr:" + acronym.replace(" ", "").upper()},
        }
        org = organisation_kind(words)
        if org is not None:
            scan.add(passage, start, end, category=Category.ORGANISATION, kind=org, **extra)
            continue
        last = singular(words[-1].casefold())
        if last in NOT_INITIATIVE_HEADS or any(is_person([word]) for word in words):
            continue
        if not long[0].isupper() and len(words) < 2:
            continue
        kind = (
            kind_of(words)
            or _nearby_kind(scan, passage, start, match.end(), sentence)
            or InitiativeKind.OTHER
        )
        scan.add(passage, start, end, category=Category.INITIATIVE, kind=kind, **extra)


def _branch_end(text: str, start: int, end: int, name_end: int, stop: int) -> int:
    """Where a branch ends: before an "and" that starts another capitalised name.

    "Age UK Faversham and Sittingbourne" is one branch; in "Age UK Lancashire and Lancashire
    and South Cumbria Integrated Care Board" the capitals run on after the match, so the
    branch stops at its first "and" and the rest is a name of its own.
    """
    follows = _CONTINUES.match(text, end, stop)
    if follows is None:
        return end
    first_and = text.find(" and ", name_end, end)
    return first_and if first_and >= 0 else end


_CONTINUES: Final = re.compile(r"\s++(?:and|of|for|&)?\s*+[A-Z]")


def _lexicon_names(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """National programmes and bodies of the lexicon, their variants, acronyms and branches."""
    entries = scan.lexicon_entries(passage)
    if not entries:
        return
    text = passage.text
    words = text[sentence.start : sentence.end]
    for entry in entries:
        if entry.needle not in words:
            continue
        position = sentence.start
        while (match := entry.pattern.search(text, position, sentence.end)) is not None:
            start, end = match.span()
            keys = {"lex:" + entry.name}
            lexicon: str | None = entry.name
            if entry.branched:
                name_end = start + len(entry.name)
                end = _branch_end(text, start, end, name_end, sentence.end)
                if end > name_end:
                    # A local branch is a body of its own ("Age UK Canterbury").
                    keys, lexicon = set(), None
            if entry.acronym:
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


# --- Title Case runs ------------------------------------------------------------------------


def _runs(words: Sequence[Token]) -> Iterable[list[int]]:
    """Index runs of capitalised words, joined by at most two connectors between capitals.

    ``words`` are word tokens (a stretch between punctuation marks).
    """
    capitals = [word.text[0].isupper() for word in words]
    index = 0
    count = len(words)
    while index < count:
        if not capitals[index]:
            index += 1
            continue
        run = [index]
        cursor = index + 1
        while cursor < count:
            if capitals[cursor]:
                run.append(cursor)
                cursor += 1
                continue
            joined = cursor
            while (
                joined < count
                and joined - cursor < 2
                and words[joined].text.casefold() in CONNECTORS
                and not capitals[joined]
            ):
                joined += 1
            if joined > cursor and joined < count and capitals[joined]:
                run.extend(range(cursor, joined + 1))
                cursor = joined + 1
                continue
            break
        yield run
        index = cursor


def _capital(token: Token) -> bool:
    return token.is_word and token.text[0].isupper()


def _has_later_capital(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a capital letter.

    A sentence with none after its first character holds no Title Case name: its first
    word alone never is one. Lower-casing a part without capitals leaves it equal.
    """
    part = text[start:end]
    return part.lower() != part


def _scan_runs(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    text = passage.text
    if not _has_later_capital(text, sentence.start + 1, sentence.end):
        return
    # The sentence's stretches of words between punctuation marks that hold a capital.
    found, first_word = stretches(text, sentence.start, sentence.end)
    for words in found:
        for run in _runs(words):
            run_tokens = [words[index] for index in run]
            _run_candidates(
                scan,
                passage,
                sentence=sentence,
                words=words,
                run_indexes=run,
                run=run_tokens,
                at_start=run_tokens[0].start == first_word,
            )


def _trim(run: list[Token], *, at_start: bool, self_keys: frozenset[str]) -> list[Token]:
    """Drop a leading article, sentence-starting word or owner ("Council’s") and connectors."""
    trimmed = list(run)
    if trimmed and at_start and trimmed[0].text.casefold() in SENTENCE_STARTERS:
        trimmed = trimmed[1:]
    if len(trimmed) > 1 and _POSSESSIVE.search(trimmed[0].text):
        owner = name_key(trimmed[0].text[:-2])
        if owner in OWNERS or owner in self_keys:
            trimmed = trimmed[1:]
    while trimmed and (
        trimmed[0].text.casefold() in CONNECTORS or trimmed[0].text.casefold() == "the"
    ):
        trimmed = trimmed[1:]
    while trimmed and trimmed[-1].text.casefold() in CONNECTORS:
        trimmed = trimmed[:-1]
    return trimmed


def _split_after_heads(run: list[Token]) -> list[list[Token]]:
    """Split "X Board and the Y Board" into its names; "Board for People …" stays whole."""
    parts: list[list[Token]] = []
    current: list[Token] = []
    index = 0
    while index < len(run):
        token = run[index]
        current.append(token)
        lower = singular(token.text.casefold())
        following = run[index + 1].text.casefold() if index + 1 < len(run) else None
        is_head = lower in INITIATIVE_HEADS or lower in ORGANISATION_HEADS
        if is_head and following in CONNECTORS and following not in {"for", "of", "at"}:
            parts.append(current)
            current = []
            index += 1
            while index < len(run) and run[index].text.casefold() in CONNECTORS:
                index += 1
            continue
        index += 1
    if current:
        parts.append(current)
    return parts


def _may_be_unheaded(words: Sequence[str]) -> bool:
    """Whether ``words`` could be a name without a head noun: two content words, no place."""
    content = [word for word in words if word.casefold() not in CONNECTORS]
    return len(content) >= 2 and not _place_like(words)


def _names_a_thing(words: Sequence[str]) -> bool:
    """Whether ``words`` make a name on their own: a body, a headed name or a local branch."""
    if not words or words[-1].casefold() in CONNECTORS:
        return False
    if organisation_kind(words) is not None or head_index(words) == len(words) - 1:
        return True
    joined = " ".join(words)
    return any(joined.startswith(body + " ") for body in BRANCHED_BODIES)


def _split_coordinated(run: list[Token]) -> list[list[Token]]:
    """Split "X and Y" where X is a name and Y is, or may be, one.

    "Age UK Lancashire and Lancashire and South Cumbria Integrated Care Board" is two names;
    "Health and Wellbeing Board" stays whole.
    """
    for index, token in enumerate(run[1:-1], start=1):
        if token.text.casefold() not in {"and", "&"}:
            continue
        left = run[:index]
        right = run[index + 1 :]
        while right and right[0].text.casefold() == "the":
            right = right[1:]
        right_words = [t.text for t in right]
        if _names_a_thing([t.text for t in left]) and (
            _names_a_thing(right_words) or _may_be_unheaded(right_words)
        ):
            return [left, *_split_coordinated(right)]
    return [run]


def _after_person(run: list[Token]) -> tuple[list[Token], bool]:
    """The name after a job title ("Chair of the Safeguarding Adults Board" → the board)."""
    for index, token in enumerate(run[:-1]):
        if singular(token.text.casefold()) in PERSON_HEADS and run[index + 1].text.casefold() in {
            "of",
            "for",
        }:
            rest = run[index + 1 :]
            while rest and rest[0].text.casefold() in CONNECTORS:
                rest = rest[1:]
            return rest, True
    return run, False


@attrs.frozen(kw_only=True)
class _Run:
    """Where a run of capitalised words sits: what its pieces need to know of it."""

    passage: Passage
    sentence: Sentence
    #: The stretch of words the run is in, and the index of the run's last word there.
    words: Sequence[Token]
    last_index: int
    last: Token
    starts_sentence: bool


def _run_candidates(
    scan: Scan,
    passage: Passage,
    *,
    sentence: Sentence,
    words: Sequence[Token],
    run_indexes: list[int],
    run: list[Token],
    at_start: bool,
) -> None:
    trimmed = _trim(run, at_start=at_start, self_keys=scan.self_keys)
    if not trimmed:
        return
    where = _Run(
        passage=passage,
        sentence=sentence,
        words=words,
        last_index=run_indexes[-1],
        last=run[-1],
        starts_sentence=at_start and trimmed[0] is run[0],
    )
    for piece in _split_after_heads(trimmed):
        for part in _split_coordinated(piece):
            _piece_candidates(scan, where, part)


def _piece_candidates(scan: Scan, where: _Run, piece: list[Token]) -> None:
    """The candidate one piece of a run names: a body, a headed or extended name, or else."""
    named, after_person = _after_person(piece)
    part = _trim(named, at_start=False, self_keys=scan.self_keys)
    if not part:
        return
    names = [token.text for token in part]
    org = organisation_kind(names)
    if org is not None and not after_person:
        if len(part) > 1 or part[0].is_acronym:
            start, end = part[0].start, part[-1].end
            scan.add(where.passage, start, end, category=Category.ORGANISATION, kind=org)
        return
    person = is_person(names)
    head = None if person else head_index(names)
    if (
        head is not None
        and head < len(part) - 1
        and part[head + 1].text.casefold() not in {"for", "of"}
    ):
        part, names = part[: head + 1], names[: head + 1]
    body = _names_a_thing(names) and head is None
    if part[-1] is where.last and not body and _add_extended(scan, where, part):
        return
    if person:
        return
    if head is not None:
        _add_headed(scan, where, part, head, after_person=after_person)
        return
    _unheaded(scan, where.passage, where.sentence, part, starts_sentence=where.starts_sentence)


def _add_extended(scan: Scan, where: _Run, part: list[Token]) -> bool:
    """Add the name continued in lower case up to a head noun, if it is ("Home First model")."""
    text = where.passage.text
    extension = _extension(
        text, where.words, where.last_index, part, starts_sentence=where.starts_sentence, scan=scan
    )
    if extension is None:
        return False
    ext_end, ext_kind, ext_words = extension
    start, end = part[0].start, part[-1].end
    forms: set[str] = set()
    keys: set[str] = set()
    if ext_words == 1 and (len(part) >= 2 or part[0].is_acronym):
        # "the X service" is X: the name without its noun is another form of it.
        base = text[start:end]
        forms.add(base)
        keys.add(name_key(base))
        if part[0].is_acronym and len(part) == 1:
            keys.add("acr:" + part[0].text.upper())
    scan.add(
        where.passage,
        start,
        ext_end,
        category=Category.INITIATIVE,
        kind=ext_kind,
        keys=keys,
        forms=forms,
    )
    return True


def _add_headed(
    scan: Scan, where: _Run, part: list[Token], head: int, *, after_person: bool
) -> None:
    """Add a capitalised name ending in an initiative noun ("Autism Partnership Board")."""
    names = [token.text for token in part]
    kind = INITIATIVE_HEADS[singular(names[head].casefold())]
    if after_person and kind == "service":
        return
    if len([name for name in names if name.casefold() not in CONNECTORS]) < 2:
        return
    if where.starts_sentence and len(part) == 2 and part[0].text.casefold() in NOT_NAME_WORDS:
        return
    text = where.passage.text
    start, end = part[0].start, part[-1].end
    keys: set[str] = set()
    forms: set[str] = set()
    if singular(names[-1].casefold()) in WEAK_HEADS and len(part) >= 3:
        base = text[start : part[-2].end]
        keys.add(name_key(base))
        forms.add(base)
    scan.add(
        where.passage,
        start,
        end,
        category=Category.INITIATIVE,
        kind=kind,
        keys=keys,
        forms=forms,
    )


def _extension(
    text: str,
    words: Sequence[Token],
    last_index: int,
    part: list[Token],
    *,
    starts_sentence: bool,
    scan: Scan,
) -> tuple[int, InitiativeKind, int] | None:
    """A lower-case continuation ending in an initiative noun: (end, kind, word count)."""
    caps = text[part[0].start : part[-1].end]
    key = name_key(caps)
    if key in GENERIC_DEPARTMENTS or not scan.allowed(caps):
        return None
    single = len(part) == 1
    if single:
        word = part[0]
        if word.is_acronym:
            if word.text in GENERIC_ACRONYMS:
                return None
        elif starts_sentence or word.text.casefold() in NOT_NAME_WORDS:
            return None
    following: list[Token] = []
    for token in words[last_index + 1 : last_index + 5]:
        lower = token.text.casefold()
        if _capital(token) or lower in STOP_WORDS or not token.text[0].isalpha():
            break
        if lower.endswith("ly"):
            break
        following.append(token)
    best: int | None = None
    for index, token in enumerate(following):
        if singular(token.text.casefold()) in EXTENSION_HEADS:
            best = index
    if best is None:
        return None
    if single and not part[0].is_acronym and best != 0:
        return None
    noun = singular(following[best].text.casefold())
    return following[best].end, INITIATIVE_HEADS.get(noun, InitiativeKind.OTHER), best + 1


def _apposition(text: str, end: int, stop: int) -> InitiativeKind | OrganisationKind | None:
    """The kind an apposition after a name gives: ", a charity", ", which was an initiative".

    The first of the next four words that is an organisation noun or an initiative kind noun
    gives it; an apposition with neither says nothing.
    """
    found = _APPOSITION.match(text, end, stop)
    if found is None:
        return None
    for token in itertools.islice(words_from(text, found.end(), stop), 4):
        noun = singular(token.text.casefold())
        if noun in ORGANISATION_NOUNS:
            return ORGANISATION_NOUNS[noun]
        if noun in KIND_HINTS:
            return KIND_HINTS[noun]
    return None


def _brand_token(word: str) -> bool:
    """Whether a single word is shaped like a brand, not an acronym.

    A capital starting a word part inside the word: after a hyphen ("N-Compass") or after a
    lower-case letter ("MyCare"), followed by lower-case letters ("DoLS" is an acronym).
    """
    return _BRAND.search(word) is not None


_BRAND: Final = re.compile(r"[a-z-][A-Z][a-z]{2}")


def _word_after(text: str, end: int, sentence: Sentence) -> str:
    """The lower-case word just after ``end`` in its sentence ("" when there is none)."""
    after = text[end : min(sentence.end, end + 20)].split()
    return after[0] if after and after[0].islower() else ""


def _cue_before(text: str, start: int, sentence: Sentence) -> str:
    """The lower-case word just before ``start`` in its sentence ("" when there is none)."""
    before = text[max(sentence.start, start - 20) : start].split()
    return before[-1] if before and before[-1].islower() else ""


def _after_last_and(words: Sequence[str]) -> Sequence[str]:
    """The words after the last "and" of ``words`` (all of them when there is none)."""
    ands = [index for index, word in enumerate(words) if word.casefold() in {"and", "&"}]
    return words[ands[-1] + 1 :] if ands else words


def _place_like(words: Sequence[str]) -> bool:
    """Whether the words read as a place.

    A compass point first ("East Kent", "North-West London"), or only generic capitalised
    words.
    """
    content = [word.casefold() for word in words if word.casefold() not in CONNECTORS]
    parts = [part for word in content for part in word.split("-")]
    if parts and parts[0] in COMPASS_WORDS:
        return True
    return all(part in NOT_UNHEADED_WORDS or part in NOT_NAME_WORDS for part in parts)


def _add_kind(
    scan: Scan, passage: Passage, start: int, end: int, kind: InitiativeKind | OrganisationKind
) -> None:
    category = Category.ORGANISATION if isinstance(kind, OrganisationKind) else Category.INITIATIVE
    scan.add(passage, start, end, category=category, kind=kind)


def _unheaded(
    scan: Scan,
    passage: Passage,
    sentence: Sentence,
    part: list[Token],
    *,
    starts_sentence: bool,
) -> None:
    """A capitalised name without a head noun, named by its context or by its own shape.

    A naming phrase before it ("known as") or an apposition after it (", a charity") names
    anything; otherwise a run of two capitalised words or more that is not a place, a
    department or a law is a brand-like name ("Carers First", "Connect to Support Kent"):
    an organisation after a word like "by" or "commissioned", else an initiative.
    """
    text = passage.text
    start, end = part[0].start, part[-1].end
    names = [token.text for token in part]
    if _NAMING.search(text, max(sentence.start, start - 40), start):
        _add_kind(scan, passage, start, end, kind_of(names) or InitiativeKind.OTHER)
        return
    if len(part) == 1 and (starts_sentence or part[0].text.casefold() in NOT_NAME_WORDS):
        return
    apposed = _apposition(text, end, sentence.end)
    if apposed is not None:
        _add_kind(scan, passage, start, end, apposed)
        return
    if len(part) == 1 and _brand_token(part[0].text):
        cued = _cue_before(text, start, sentence) in ORGANISATION_CUES_BEFORE
        _add_kind(
            scan, passage, start, end, OrganisationKind.OTHER if cued else InitiativeKind.OTHER
        )
        return
    content = [name for name in names if name.casefold() not in CONNECTORS]
    if (
        "the" in names[1:]
        or not _may_be_unheaded(_after_last_and(names))
        or len(content) < 2
        or _place_like(names)
        or name_key(text[start:end]) in GENERIC_DEPARTMENTS
    ):
        return
    if singular(names[-1].casefold()) in NOT_INITIATIVE_HEADS or any(
        token.is_acronym and token.text in GENERIC_ACRONYMS for token in part
    ):
        return
    if (
        _cue_before(text, start, sentence) in ORGANISATION_CUES_BEFORE
        or _word_after(text, end, sentence) in ORGANISATION_CUES_AFTER
    ):
        _add_kind(scan, passage, start, end, OrganisationKind.OTHER)
        return
    scan.add(
        passage, start, end, category=Category.INITIATIVE, kind=InitiativeKind.OTHER, guessed=True
    )


# --- the registry ---------------------------------------------------------------------------

#: A rule reads one sentence of a passage and adds what it finds to the scan.
RuleFunction = Callable[[Scan, Passage, Sentence], None]


@attrs.frozen(kw_only=True)
class Rule:
    """One named rule of the registry, with examples of what it must find."""

    name: str
    find: RuleFunction
    description: str
    #: (sentence, names the rule must yield on it, in text order).
    examples: tuple[tuple[str, tuple[str, ...]], ...] = ()


#: The rules, in the order they run on each sentence.
RULES: Final[tuple[Rule, ...]] = (
    Rule(
        name="titles",
        find=_titles,
        description="statement and theme titles written in a finding name nothing",
        examples=(("The Partnerships and Communities work was strong.", ()),),
    ),
    Rule(
        name="quoted",
        find=_quoted,
        description="a quoted name, mostly capitalised, of at most eight words",
        examples=(
            ("The ‘Connected Leaders’ forum met monthly.", ("Connected Leaders",)),
            ("They used “leading technology” for triage.", ()),
            ("The 'Living Well in Lancashire' strategy.", ("Living Well in Lancashire",)),
        ),
    ),
    Rule(
        name="acronyms",
        find=_acronyms,
        description="the long form of a defined acronym (Schwartz–Hearst), any case",
        examples=(
            ("The local access point (LAP) helped.", ("local access point",)),
            (
                "They worked with Kent Community Health NHS Foundation Trust (KCHFT).",
                ("Kent Community Health NHS Foundation Trust",),
            ),
            ("Data from the survey (ASCS, 2023) showed it.", ()),
        ),
    ),
    Rule(
        name="lexicon",
        find=_lexicon_names,
        description="national programmes and bodies, their variants, acronyms and branches",
        examples=(
            ("It used Better Care Funding (BCF) for beds.", ("Better Care Funding", "BCF")),
            (
                "The front door used a three-conversation approach.",
                ("three-conversation approach",),
            ),
            (
                "Age UK Canterbury and Age UK Faversham and Sittingbourne ran clubs.",
                ("Age UK Canterbury", "Age UK Faversham and Sittingbourne"),
            ),
            (
                "It worked with Age UK Lancashire and Lancashire and South Cumbria ICB.",
                ("Age UK Lancashire",),
            ),
        ),
    ),
    Rule(
        name="title-case",
        find=_scan_runs,
        description="Title Case runs: headed names, coordinated names, brand-like names",
        examples=(
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
        ),
    ),
)


def rule(name: str) -> Rule:
    """The rule of the registry called ``name`` (``KeyError`` if there is none)."""
    for entry in RULES:
        if entry.name == name:
            return entry
    raise KeyError(name)


__all__ = ["RULES", "Rule", "RuleFunction", "rule"]
