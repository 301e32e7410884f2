"""What sort of thing an extracted name names: the kinds of initiatives and organisations.

Every word list in :mod:`cqcmodel.extract._lexicon` gives its kinds as members of these
enums, so a misspelt kind fails on import rather than becoming a silent ``"other"``.
"""

from __future__ import annotations

import enum


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

__all__ = ["Category", "InitiativeKind", "Kind", "OrganisationKind", "Voice"]
