"""Named organisations (NHS trusts, ICBs, Healthwatch, charities, councils, national bodies)."""

from __future__ import annotations

import attrs

from ..model import Authority
from ._extract import build
from ._named import NamedThing
from .kinds import Category, OrganisationKind, as_kind
from .mentions import Mention  # noqa: F401 - the inherited fields' annotations name it


def _kind(value: object) -> OrganisationKind:
    return as_kind(OrganisationKind, value)


@attrs.frozen(kw_only=True)
class Organisation(NamedThing):
    """A named body other than the assessed authority, and where the findings mention it.

    ``key`` and ``canonical_name`` unite its spellings across councils ("North-West London
    Integrated Care Board" and "North West London Integrated Care Board").
    """

    is_initiative = False

    kind: OrganisationKind = attrs.field(default=OrganisationKind.OTHER, converter=_kind)


def extract_organisations(authority: Authority) -> tuple[Organisation, ...]:
    """The organisations named in ``authority``'s key findings, in first-mention order."""
    return build(authority, Category.ORGANISATION, Organisation)


__all__ = ["Organisation", "OrganisationKind", "extract_organisations"]
