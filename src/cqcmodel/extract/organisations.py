"""Named organisations (NHS trusts, ICBs, Healthwatch, charities, councils, national bodies)."""

from __future__ import annotations

import attrs

from ..model import Authority
from ._canonical import canonical
from ._extract import build
from .kinds import Category, OrganisationKind
from .mentions import Mention, distinct_statements


def _kind(value: object) -> OrganisationKind:
    return value if isinstance(value, OrganisationKind) else OrganisationKind.OTHER


def _default_key(self: Organisation) -> str:
    return canonical(self.name, initiative=False)[0]


def _default_canonical_name(self: Organisation) -> str:
    return canonical(self.name, initiative=False)[1]


@attrs.frozen(kw_only=True)
class Organisation:
    """A named body other than the assessed authority, and where the findings mention it.

    ``key`` and ``canonical_name`` are the same for the same body in every council's report
    (spelling, hyphens and plurals folded; a body of the lexicon takes its name).
    """

    name: str
    kind: OrganisationKind = attrs.field(converter=_kind)
    acronym: str | None = None
    mentions: tuple[Mention, ...] = ()
    key: str = attrs.field(default=attrs.Factory(_default_key, takes_self=True))
    canonical_name: str = attrs.field(
        default=attrs.Factory(_default_canonical_name, takes_self=True)
    )

    @property
    def statement_ids(self) -> tuple[int | None, ...]:
        """The distinct statements whose findings mention it, in first-mention order."""
        return distinct_statements(self.mentions)


def extract_organisations(authority: Authority) -> tuple[Organisation, ...]:
    """The organisations named in ``authority``'s key findings, in first-mention order."""
    return build(authority, Category.ORGANISATION, Organisation)


__all__ = ["Organisation", "OrganisationKind", "extract_organisations"]
