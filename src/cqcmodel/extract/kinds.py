"""What sort of thing an extracted name names: the kinds of initiatives and organisations.

Every word list in :mod:`cqcmodel.extract._lexicon` gives its kinds as members of these
enums, so a misspelt kind fails on import rather than becoming a silent ``"other"``.
"""

from __future__ import annotations

import enum
from typing import TypeVar

_K = TypeVar("_K", "InitiativeKind", "OrganisationKind")


class InitiativeKind(enum.StrEnum):
    """What sort of undertaking an initiative is, read from the noun that names it."""

    SERVICE = "service"
    TEAM = "team"
    HUB = "hub"
    BOARD = "board"
    GROUP = "group"
    PARTNERSHIP = "partnership"
    FUND = "fund"
    STRATEGY = "strategy"
    PLAN = "plan"
    AGREEMENT = "agreement"
    PROGRAMME = "programme"
    MODEL = "model"
    EVENT = "event"
    OTHER = "other"


class OrganisationKind(enum.StrEnum):
    """What sort of body an organisation is."""

    NHS_TRUST = "nhs_trust"
    ICB = "icb"
    NHS_BODY = "nhs_body"
    HEALTHWATCH = "healthwatch"
    CHARITY = "charity"
    COUNCIL = "council"
    NATIONAL_BODY = "national_body"
    OTHER = "other"


class Category(enum.Enum):
    """What a candidate name names: an initiative or an organisation."""

    INITIATIVE = "initiative"
    ORGANISATION = "organisation"


class Voice(enum.Enum):
    """An evidence category a sentence reports, valued by its plain-English name."""

    PEOPLE = "people"
    UNPAID_CARERS = "unpaid carers"
    STAFF = "staff"
    LEADERS = "leaders"
    PARTNERS = "partners"
    PROVIDERS = "providers"
    DATA = "data"


#: Either kind: what a candidate name carries before it is sorted into one list.
Kind = InitiativeKind | OrganisationKind


def as_kind(kinds: type[_K], value: object) -> _K:
    """``value`` as a member of ``kinds`` (the converter of an extracted item's ``kind``).

    A member stays itself, a valid string becomes its member (an unknown one is a
    :class:`ValueError`), and a kind of the other list becomes ``OTHER``.
    """
    if isinstance(value, kinds):
        return value
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        return kinds(value)
    return kinds.OTHER


__all__ = ["Category", "InitiativeKind", "Kind", "OrganisationKind", "Voice", "as_kind"]
