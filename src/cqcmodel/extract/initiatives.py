"""Named initiatives (services, boards, funds, strategies, …) an authority's findings mention."""

from __future__ import annotations

import attrs

from ..model import Authority
from ._extract import build
from ._named import NamedThing
from .kinds import Category, InitiativeKind, as_kind
from .mentions import Mention  # noqa: F401 - the inherited fields' annotations name it


def _kind(value: object) -> InitiativeKind:
    return as_kind(InitiativeKind, value)


@attrs.frozen(kw_only=True)
class Initiative(NamedThing):
    """A named initiative and every place the findings mention it.

    ``name`` is as written (without surrounding quotes or a trailing date bracket); a national
    programme of the lexicon written as the lexicon writes it takes the lexicon's name.
    Mentions by acronym, in the plural or with a trailing noun ("the Home First model")
    belong to the same initiative. ``key`` and ``canonical_name`` unite its spellings across
    councils ("Better Care Funding (BCF)" and "Better Care Fund"; "three-conversation
    approach" and "Three Conversations").
    """

    kind: InitiativeKind = attrs.field(default=InitiativeKind.OTHER, converter=_kind)


def extract_initiatives(authority: Authority) -> tuple[Initiative, ...]:
    """The named initiatives of ``authority``'s key findings, in first-mention order."""
    return build(authority, Category.INITIATIVE, Initiative)


__all__ = ["Initiative", "InitiativeKind", "extract_initiatives"]
