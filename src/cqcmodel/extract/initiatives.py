"""Named initiatives (services, boards, funds, strategies, …) an authority's findings mention."""

from __future__ import annotations

import attrs

from ..model import Authority
from ._canonical import canonical
from ._extract import build
from .kinds import Category, InitiativeKind
from .mentions import Mention, distinct_statements


def _kind(value: object) -> InitiativeKind:
    return value if isinstance(value, InitiativeKind) else InitiativeKind.OTHER


def _default_key(self: Initiative) -> str:
    return canonical(self.name)[0]


def _default_canonical_name(self: Initiative) -> str:
    return canonical(self.name)[1]


@attrs.frozen(kw_only=True)
class Initiative:
    """A named initiative and every place the findings mention it.

    ``name`` is as written (without surrounding quotes or a trailing date bracket); a national
    programme of the lexicon takes the lexicon's name. Mentions by acronym, in the plural or
    with a trailing noun ("the Home First model") belong to the same initiative. ``key`` and
    ``canonical_name`` are the same for the same thing in every council's report ("Better
    Care Funding (BCF)" and "Better Care Fund"; "three-conversation approach" and "Three
    Conversations"): group by ``key`` to compare councils.
    """

    name: str
    kind: InitiativeKind = attrs.field(converter=_kind)
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


def extract_initiatives(authority: Authority) -> tuple[Initiative, ...]:
    """The named initiatives of ``authority``'s key findings, in first-mention order."""
    return build(authority, Category.INITIATIVE, Initiative)


__all__ = ["Initiative", "InitiativeKind", "extract_initiatives"]
