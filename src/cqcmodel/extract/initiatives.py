"""Named initiatives (services, boards, funds, strategies, …) an authority's findings mention."""

from __future__ import annotations

import enum

import attrs

from ..model import Authority
from ._merge import Group, groups
from ._names import Category, cached_scan
from .mentions import Mention, distinct_statements


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


@attrs.frozen(kw_only=True)
class Initiative:
    """A named initiative and every place the findings mention it.

    ``name`` is as written (without surrounding quotes or a trailing date bracket); a national
    programme from ``cqcmodel.framework.NATIONAL_PROGRAMMES`` takes the lexicon's name so
    that it compares across authorities. Mentions by acronym, in the plural or with a trailing
    noun ("the Home First model") belong to the same initiative.
    """

    name: str
    kind: InitiativeKind
    acronym: str | None = None
    mentions: tuple[Mention, ...] = ()

    @property
    def statement_ids(self) -> tuple[int | None, ...]:
        """The distinct statements whose findings mention it, in first-mention order."""
        return distinct_statements(self.mentions)


def _kind(group: Group) -> InitiativeKind:
    try:
        return InitiativeKind(group.kind)
    except ValueError:
        return InitiativeKind.OTHER


def extract_initiatives(authority: Authority) -> tuple[Initiative, ...]:
    """The named initiatives of ``authority``'s key findings, in first-mention order."""
    texts, candidates = cached_scan(authority)
    return tuple(
        Initiative(
            name=group.name,
            kind=_kind(group),
            acronym=group.acronym,
            mentions=group.mentions,
        )
        for group in groups(texts, candidates, Category.INITIATIVE)
    )
