"""Named organisations (NHS trusts, ICBs, Healthwatch, charities, councils, national bodies)."""

from __future__ import annotations

import enum

import attrs

from ..model import Authority
from ._merge import Group, groups
from ._names import Category, cached_scan
from .mentions import Mention, distinct_statements


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


@attrs.frozen(kw_only=True)
class Organisation:
    """A named body other than the assessed authority, and where the findings mention it."""

    name: str
    kind: OrganisationKind
    acronym: str | None = None
    mentions: tuple[Mention, ...] = ()

    @property
    def statement_ids(self) -> tuple[int | None, ...]:
        """The distinct statements whose findings mention it, in first-mention order."""
        return distinct_statements(self.mentions)


def _kind(group: Group) -> OrganisationKind:
    try:
        return OrganisationKind(group.kind)
    except ValueError:
        return OrganisationKind.OTHER


def extract_organisations(authority: Authority) -> tuple[Organisation, ...]:
    """The organisations named in ``authority``'s key findings, in first-mention order."""
    texts, candidates = cached_scan(authority)
    return tuple(
        Organisation(
            name=group.name,
            kind=_kind(group),
            acronym=group.acronym,
            mentions=group.mentions,
        )
        for group in groups(texts, candidates, Category.ORGANISATION)
    )
