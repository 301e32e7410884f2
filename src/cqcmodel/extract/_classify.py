"""Classification of a name's words: which body, which kind of initiative, or a person.

:func:`organisation_kind` reads an ordered table of tests (the first that holds gives the
kind); the word lists it reads are in :mod:`cqcmodel.extract._lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final, cast

from ._lexicon import (
    BRANCH_LINKS,
    BRANCHED_BODIES,
    CARE_FIELDS,
    CENTRE_GROUPS,
    COMPANY_GROUP_WORDS,
    CONNECTORS,
    FORUM_GROUPS,
    GENERIC_ACRONYMS,
    INITIATIVE_HEADS,
    KIND_HINTS,
    NATIONAL_BODIES,
    NATIONAL_BODY_ACRONYMS,
    NATIONAL_NAMES,
    NHS_WORDS,
    NOT_INITIATIVE_HEADS,
    ORGANISATION_ENDINGS,
    ORGANISATION_HEADS_OF,
    ORGANISATION_TAILS,
    PERSON_HEADS,
    SAINT_WORDS,
)
from ._text import singular
from .kinds import InitiativeKind, OrganisationKind

#: The words :func:`_lower_word` has read, and what it gave (emptied when full): compiled,
#: a dictionary's lookup is a native one, a call of an LRU cache a generic call.
_LOWER_WORDS: Final[dict[str, str]] = {}
_MOST_LOWER_WORDS: Final = 8192


def _lower_word(word: str) -> str:
    found = _LOWER_WORDS.get(word)
    if found is None:
        if len(_LOWER_WORDS) >= _MOST_LOWER_WORDS:
            _LOWER_WORDS.clear()
        found = _LOWER_WORDS[word] = singular(word.casefold())
    return found


def lower_words(words: Sequence[str]) -> list[str]:
    """The words in lower case and singular, as the word lists hold them."""
    return [_lower_word(word) for word in words]


def _trust(lower: list[str]) -> OrganisationKind | None:
    if lower[-1] != "trust" or len(lower) < 2:
        return None
    nhs = any(word in NHS_WORDS for word in lower[:-1])
    return OrganisationKind.NHS_TRUST if nhs else OrganisationKind.CHARITY


def _tails_by_last() -> dict[str, list[tuple[tuple[str, ...], OrganisationKind]]]:
    """The tails of :data:`ORGANISATION_TAILS` by their last word, in table order."""
    table: dict[str, list[tuple[tuple[str, ...], OrganisationKind]]] = {}
    for tail, kind in ORGANISATION_TAILS:
        table.setdefault(tail[-1], []).append((tail, kind))
    return table


_TAILS_BY_LAST: Final = _tails_by_last()


def _tail(lower: list[str]) -> OrganisationKind | None:
    for tail, kind in _TAILS_BY_LAST.get(lower[-1], ()):
        if tuple(lower[-len(tail) :]) == tail:
            return kind
    return None


def _ending(lower: list[str]) -> OrganisationKind | None:
    return ORGANISATION_ENDINGS.get(lower[-1]) if len(lower) >= 2 else None


def _nhs_body(lower: list[str]) -> OrganisationKind | None:
    last = lower[-1]
    if lower[0] == "nhs" and len(lower) >= 2 and last not in INITIATIVE_HEADS:
        return None if last in NOT_INITIATIVE_HEADS else OrganisationKind.NHS_BODY
    return None


#: The national bodies' acronyms in lower case, with their kinds.
_BODY_ACRONYMS: Final = {
    acronym.casefold(): kind for _, acronym, kind in NATIONAL_BODIES if acronym
}


def _regional_body(lower: list[str]) -> OrganisationKind | None:
    """A region before a national body's acronym ("North West ADASS") names its branch."""
    return _BODY_ACRONYMS.get(lower[-1]) if len(lower) >= 2 else None


#: The national bodies with local branches, as lower-case words, with their kinds.
_BRANCHED: Final = tuple(
    (tuple(singular(word.casefold()) for word in name.split()), kind)
    for name, _, kind in NATIONAL_BODIES
    if name in BRANCHED_BODIES
)


_BRANCH_FIRSTS: Final = frozenset(body[0] for body, _ in _BRANCHED)
_BRANCH_LASTS: Final = frozenset(body[-1] for body, _ in _BRANCHED)


def _branch(lower: list[str]) -> OrganisationKind | None:
    """A national body's local branch: "Mind in Bexley", "Age UK Kent", "Hull Mind".

    A place after the body's name, or "in" and a place, or a place before it. Not where an
    initiative noun follows ("Age UK Day Centre" is the branch's service).
    """
    if lower[-1] in _BRANCH_LASTS and len(lower) >= 2:
        for body, kind in _BRANCHED:
            if len(lower) > len(body) and tuple(lower[-len(body) :]) == body:
                return kind
    if lower[0] not in _BRANCH_FIRSTS:
        return None
    for body, kind in _BRANCHED:
        if tuple(lower[: len(body)]) != body:
            continue
        rest = lower[len(body) :]
        if rest and rest[0] in BRANCH_LINKS:
            rest = rest[1:]
        if rest and not any(word in INITIATIVE_HEADS for word in rest):
            return kind
    return None


def _head_of(lower: list[str]) -> OrganisationKind | None:
    """A body's noun followed by "of" or "for" ("Surrey Coalition of Disabled People")."""
    for index, word in enumerate(lower[:-2]):
        kind = ORGANISATION_HEADS_OF.get(word)
        if kind is not None and lower[index + 1] in {"of", "for"}:
            return kind
    return None


def _council_of(lower: list[str]) -> OrganisationKind | None:
    london = len(lower) >= 4 and lower[1:3] == ["borough", "of"] and lower[0] in {"london", "royal"}
    return OrganisationKind.COUNCIL if london else None


def _other(lower: list[str]) -> OrganisationKind | None:
    if lower[-1] == "icb" and len(lower) <= 6:
        return OrganisationKind.ICB
    if len(lower) >= 2 and "university" in lower:
        return OrganisationKind.OTHER
    if len(lower) >= 3 and lower[0] == "department" and lower[1] in {"of", "for"}:
        return OrganisationKind.NATIONAL_BODY
    return None


_POSSESSIVE_END: Final = re.compile(r"[’'](?:s)?$")


def _group_centre(lower: list[str]) -> OrganisationKind | None:
    """A centre or forum named for a group of people: "Sheffield Carers Centre".

    "Women’s Centre", "Bristol Older People’s Forum": one of the two words before "Centre",
    without its possessive, is a word of :data:`CENTRE_GROUPS`; before "Forum", a word of
    :data:`FORUM_GROUPS` in the possessive. Groups joined by "and" count as one ("Coventry
    Refugee and Migrant Centre"): then the four words before the head are read.
    """
    if len(lower) < 2:
        return None
    # Groups coordinated before the head count as one: "Refugee and Migrant Centre".
    width = 5 if "and" in lower[-4:-1] else 3
    if lower[-1] == "forum":
        before = [
            _POSSESSIVE_END.sub("", word)
            for word in lower[-width:-1]
            if _POSSESSIVE_END.search(word)
        ]
        groups = FORUM_GROUPS
    elif lower[-1] in {"centre", "center"}:
        before = [_POSSESSIVE_END.sub("", word) for word in lower[-width:-1]]
        groups = CENTRE_GROUPS
    else:
        return None
    return OrganisationKind.CHARITY if any(singular(word) in groups for word in before) else None


def _saint(lower: list[str]) -> OrganisationKind | None:
    """A saint's name in the possessive, alone: "St Mungo’s", "Saint Luke's" (a charity)."""
    saintly = len(lower) == 2 and lower[0] in SAINT_WORDS and len(lower[1]) > 2
    return OrganisationKind.CHARITY if saintly and _POSSESSIVE_END.search(lower[1]) else None


def _company_group(lower: list[str]) -> OrganisationKind | None:
    """A company named "… Care Group" or "… Housing Group" ("HCRG Care Group").

    A word of :data:`COMPANY_GROUP_WORDS` before "Group" and a word before it, which is no
    field of care ("the Dementia Care Group" is a group of the partnership).
    """
    if len(lower) < 3 or lower[-1] != "group" or lower[-2] not in COMPANY_GROUP_WORDS:
        return None
    return None if lower[-3] in CARE_FIELDS else OrganisationKind.OTHER


def _branch_or_head_of(lower: list[str]) -> OrganisationKind | None:
    """A body's noun before "of" or "for", a regional branch, or a local branch (in order).

    One test of the table for three, since most names are none of them.
    """
    return _head_of(lower) or _regional_body(lower) or _branch(lower)


#: The tests :func:`organisation_kind` tries, in order.
ORGANISATION_TESTS: Final[tuple[Callable[[list[str]], OrganisationKind | None], ...]] = (
    lambda lower: OrganisationKind.HEALTHWATCH if "healthwatch" in lower else None,
    _trust,
    _tail,
    _council_of,
    _nhs_body,
    _ending,
    _group_centre,
    _company_group,
    _saint,
    _other,
    _branch_or_head_of,
)


#: Names of up to this many words have their classes cached: a name recurs in a report.
_CACHED_WORDS: Final = 12

#: How many names each cache of a name's classes holds before it is emptied.
_MOST_CACHED: Final = 4096
#: What a cache of a name's classes gives for a name it does not hold.
_MISSING: Final = object()

#: The caches of :func:`organisation_kind`, :func:`head_index` and :func:`names_a_thing`:
#: names of up to :data:`_CACHED_WORDS` words, each cache emptied when full, so that a
#: bounded number of bounded keys is kept alive. Module functions reading dictionaries, not
#: closures: compiled, each call and lookup is then a native one.
_ORGANISATION_KINDS: Final[dict[tuple[str, ...], object]] = {}
_HEAD_INDEXES: Final[dict[tuple[str, ...], object]] = {}
_NAMES_A_THING: Final[dict[tuple[str, ...], object]] = {}


def _store(cache: dict[tuple[str, ...], object], key: tuple[str, ...], value: object) -> None:
    if len(cache) >= _MOST_CACHED:
        cache.clear()
    cache[key] = value


#: The last words, first words and words anywhere that some test of
#: :data:`ORGANISATION_TESTS` needs: a name with none of them is no body by any test.
_BODY_LASTS: Final = (
    frozenset({"trust", "forum", "centre", "center", "group", "icb"})
    | frozenset(_TAILS_BY_LAST)
    | frozenset(ORGANISATION_ENDINGS)
    | frozenset(_BODY_ACRONYMS)
    | _BRANCH_LASTS
)
_BODY_FIRSTS: Final = (
    frozenset({"london", "royal", "nhs", "department"}) | SAINT_WORDS | _BRANCH_FIRSTS
)
_BODY_ANYWHERE: Final = frozenset({"healthwatch", "university"}) | frozenset(ORGANISATION_HEADS_OF)


def _may_be_body(lower: list[str]) -> bool:
    """Whether some test of :data:`ORGANISATION_TESTS` may hold for the words ``lower``.

    Most names are no body, and each test reads a last word, a first word or a word
    anywhere of its own: a name with none of them need not be tried by each in turn.
    """
    return (
        lower[-1] in _BODY_LASTS or lower[0] in _BODY_FIRSTS or not _BODY_ANYWHERE.isdisjoint(lower)
    )


def _organisation_kind(words: Sequence[str]) -> OrganisationKind | None:
    lower = lower_words(words)
    if not lower:
        return None
    if lower[-1] in _BRANCH_LASTS and lower[-1] != words[-1].casefold():
        # A branched body is written in the singular: "Healthy Minds" is no branch of Mind.
        lower[-1] = words[-1].casefold()
    if not _may_be_body(lower):
        return None
    for test in ORGANISATION_TESTS:
        kind = test(lower)
        if kind is not None:
            return kind
    return None


def _head_index(words: Sequence[str]) -> int | None:
    lower = lower_words(words)
    for index in range(len(lower) - 1, -1, -1):
        word = lower[index]
        if word in INITIATIVE_HEADS and words[index][0].isupper():
            if word in {"day", "week"} and index == 0:
                continue
            return index
    return None


_MIXED_CASE: Final = re.compile(r"[a-z][A-Z]")


def mixed_case(word: str) -> bool:
    """Whether a word of five letters or more has a lower-case letter before a capital.

    Such a word is shaped like a brand ("POhWER", "VoiceAbility"), unless it is a generic
    acronym.
    """
    return len(word) >= 5 and _MIXED_CASE.search(word) is not None and word not in GENERIC_ACRONYMS


_BRANCH_PREFIXES: Final = tuple(sorted(body + " " for body in BRANCHED_BODIES))


def _names_a_thing(words: Sequence[str]) -> bool:
    if not words or words[-1].casefold() in CONNECTORS:
        return False
    if organisation_kind(words) is not None or head_index(words) == len(words) - 1:
        return True
    joined = " ".join(words)
    if joined in NATIONAL_NAMES or words[-1] in NATIONAL_BODY_ACRONYMS:
        return True
    if len(words) == 1 and mixed_case(joined):
        return True
    return joined.startswith(_BRANCH_PREFIXES)


def organisation_kind(words: Sequence[str]) -> OrganisationKind | None:
    """The kind of organisation a name's words make, or ``None`` when it names no body."""
    if len(words) > _CACHED_WORDS:
        return _organisation_kind(words)
    key = tuple(words)
    found = _ORGANISATION_KINDS.get(key, _MISSING)
    if found is _MISSING:
        found = _organisation_kind(key)
        _store(_ORGANISATION_KINDS, key, found)
    return cast("OrganisationKind | None", found)


def head_index(words: Sequence[str]) -> int | None:
    """Index of the last initiative noun of a capitalised name (``None`` if none)."""
    if len(words) > _CACHED_WORDS:
        return _head_index(words)
    key = tuple(words)
    found = _HEAD_INDEXES.get(key, _MISSING)
    if found is _MISSING:
        found = _head_index(key)
        _store(_HEAD_INDEXES, key, found)
    return cast("int | None", found)


def names_a_thing(words: Sequence[str]) -> bool:
    """Whether ``words`` make a name on their own.

    A body, a headed name, a national body or programme of the lexicon (or a name ending in
    a national body's acronym: "North West ADASS") or its local branch, or a single word
    shaped like a brand ("POhWER and Cambridge House" are two names).
    """
    if len(words) > _CACHED_WORDS:
        return _names_a_thing(words)
    key = tuple(words)
    found = _NAMES_A_THING.get(key, _MISSING)
    if found is _MISSING:
        found = _names_a_thing(key)
        _store(_NAMES_A_THING, key, found)
    return cast("bool", found)


def clear_caches() -> None:
    """Empty the caches of word and name classes."""
    _LOWER_WORDS.clear()
    _ORGANISATION_KINDS.clear()
    _HEAD_INDEXES.clear()
    _NAMES_A_THING.clear()


def kind_of(words: Sequence[str]) -> InitiativeKind | None:
    """The initiative kind the last word of ``words`` gives, if it is a kind noun."""
    if not words:
        return None
    return KIND_HINTS.get(_lower_word(words[-1]))


def is_person(words: Sequence[str]) -> bool:
    """Whether ``words`` end in a person's role ("Principal Occupational Therapist")."""
    return bool(words) and _lower_word(words[-1]) in PERSON_HEADS


__all__ = [
    "clear_caches",
    "head_index",
    "is_person",
    "kind_of",
    "lower_words",
    "mixed_case",
    "names_a_thing",
    "organisation_kind",
]
