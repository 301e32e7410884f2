"""What initiatives and organisations share: a name, its mentions and its canonical key."""

from __future__ import annotations

import attrs

from ._canonical import canonical
from .mentions import Mention, distinct_statements


def _default_key(self: NamedThing) -> str:
    return canonical(self.name, initiative=self.is_initiative)[0]


def _default_canonical_name(self: NamedThing) -> str:
    return canonical(self.name, initiative=self.is_initiative)[1]


@attrs.frozen(kw_only=True)
class NamedThing:
    """A name found in the findings, every place they mention it and its canonical key.

    ``key`` and ``canonical_name`` are the same for the same thing in every council's report
    (spelling, plurals, "-ing" forms and hyphens folded; a lexicon programme or body takes
    the lexicon's name): group by ``key`` to compare councils. Given no key, one is derived
    from ``name``.
    """

    #: Whether the subclass names initiatives (whose key drops a weak trailing noun).
    is_initiative = True

    name: str
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


__all__ = ["NamedThing"]
