"""The one path from an authority to its named initiatives or organisations.

Both lists come from one scan of the findings (:func:`cqcmodel.extract._names.cached_scan`),
grouped per category (:func:`cqcmodel.extract._merge.groups`), each group given its
canonical key and name (:func:`cqcmodel.extract._canonical.canonical`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import attrs

from ..model import Authority
from ._candidates import place_keys
from ._canonical import canonical
from ._merge import Group, groups
from ._names import cached_scan
from .kinds import Category, Kind
from .mentions import Mention

_T = TypeVar("_T")


@attrs.frozen(kw_only=True)
class Named:
    """What every extracted name holds, before it becomes an initiative or an organisation."""

    name: str
    kind: Kind
    acronym: str | None
    mentions: tuple[Mention, ...]
    key: str
    canonical_name: str


def _lexicon_of(group: Group) -> str | None:
    return next((c.lexicon for c in group.candidates if c.lexicon), None)


def named(authority: Authority, category: Category) -> tuple[Named, ...]:
    """The groups of ``category`` in ``authority``'s findings, with their canonical keys."""
    texts, candidates = cached_scan(authority)
    places = place_keys(authority)
    result: list[Named] = []
    for group in groups(texts, candidates, category):
        key, display = canonical(
            group.name,
            places=places,
            lexicon=_lexicon_of(group),
            initiative=category is Category.INITIATIVE,
        )
        result.append(
            Named(
                name=group.name,
                kind=group.kind,
                acronym=group.acronym,
                mentions=group.mentions,
                key=key,
                canonical_name=display,
            )
        )
    return tuple(result)


def build(authority: Authority, category: Category, make: Callable[..., _T]) -> tuple[_T, ...]:
    """``make(**fields)`` for each name of ``category``: the public classes' constructor."""
    return tuple(make(**attrs.asdict(item, recurse=False)) for item in named(authority, category))


__all__ = ["Named", "build", "named"]
