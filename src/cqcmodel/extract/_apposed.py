"""The apposed rule: a sentence's first word named by an apposition closed by a comma.

The Title Case rule reads no single word that starts a sentence (most such words are no
name), and no sentence whose only capital is its first letter. An apposition closed by a
comma says what such a word is: "Vista, a local sight loss charity, told us …" names a
charity; "Careline, the local authority’s telecare service, supported …" a service (an
initiative noun names one only after an owner: "Advocacy, a statutory service, …" names
nothing).
"""

from __future__ import annotations

import re
from typing import Final

from ._candidates import Scan
from ._lexicon import (
    GENERIC_DEPARTMENTS,
    KIND_HINTS,
    NOT_NAME_WORDS,
    NOT_UNHEADED_WORDS,
    ORGANISATION_NOUNS,
    SENTENCE_ADVERBS,
    SENTENCE_STARTERS,
)
from ._text import Passage, Sentence, singular
from ._title_case import BODY_WORDS
from .kinds import Category, InitiativeKind, OrganisationKind

#: A capitalised first word, a comma (and "which is", "who are", …), an article and up to
#: five lower-case words closed by a comma: the last of them is the apposition's noun.
_FIRST_APPOSED: Final = re.compile(
    r"\s*+([A-Z][\w’'-]*+),\s++(?:(?:which|who)\s++(?:is|was|are|were)\s++)?"
    r"(a|an|the)\s++((?:[a-z][\w’'-]*+\s++){0,4}([a-z][\w-]*+)),\s"
)
#: An owner's possessive in an apposition: "the local authority’s telecare service".
_OWNED: Final = re.compile(r"\w[’']s?\s")

#: Words a first word apposed may not be: they start sentences, or name no thing alone.
_NOT_APPOSED: Final = (
    SENTENCE_STARTERS
    | SENTENCE_ADVERBS
    | NOT_NAME_WORDS
    | NOT_UNHEADED_WORDS
    | frozenset(GENERIC_DEPARTMENTS)
)


def apposed_kind(
    word: str, apposition: str, *, owned: bool
) -> InitiativeKind | OrganisationKind | None:
    """The kind the last noun of an ``apposition`` gives the capitalised ``word`` before it.

    An organisation noun names a body ("Vista, a local sight loss charity"); an initiative
    noun names an undertaking only when the apposition is ``owned`` ("Careline, the local
    authority’s telecare service"; "Advocacy, a statutory service, …" names nothing). None
    for a word that starts sentences or names no thing alone, an adverb ("Instead"), a
    plural ("Carers, the largest group, …" are people) or a body's generic noun ("Trust").
    """
    lower = word.casefold()
    if lower in _NOT_APPOSED or lower.endswith("ly") or singular(lower) != lower:
        return None
    if lower in BODY_WORDS:
        return None
    noun = singular(apposition.rsplit(None, 1)[-1])
    body = ORGANISATION_NOUNS.get(noun)
    if body is not None:
        return body
    return KIND_HINTS.get(noun) if owned else None


def first_word_apposed(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """A sentence's first word followed by an apposition closed by a comma."""
    found = _FIRST_APPOSED.match(passage.text, sentence.start, sentence.end)
    if found is None:
        return
    apposition = found.group(3)
    owned = found.group(2) == "the" and _OWNED.search(apposition + " ") is not None
    kind = apposed_kind(found.group(1), apposition, owned=owned)
    if kind is None:
        return
    category = Category.ORGANISATION if isinstance(kind, OrganisationKind) else Category.INITIATIVE
    scan.add(passage, found.start(1), found.end(1), category=category, kind=kind)


__all__ = ["apposed_kind", "first_word_apposed"]
