"""The one path from an authority to its named initiatives or organisations.

Both lists come from one scan of the findings (:func:`cqcmodel.extract._names.cached_scan`),
grouped per category (:func:`cqcmodel.extract._merge.groups`), each group given its
canonical key and name (:func:`cqcmodel.extract._canonical.canonical`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..model import Authority
from ._candidates import place_keys
from ._canonical import canonical
from ._merge import groups
from ._names import cached_scan
from .kinds import Category

_T = TypeVar("_T")


def build(authority: Authority, category: Category, make: Callable[..., _T]) -> tuple[_T, ...]:
    """``make(**fields)`` for each group of ``category``: the public classes' constructor.

    The fields are the group's name, kind, acronym and mentions and its canonical key and
    name; the group's name is read once and given to the others that need it.
    """
    texts, candidates = cached_scan(authority)
    found = groups(texts, candidates, category, shared=True)
    if not found:
        return ()
    initiative = category is Category.INITIATIVE
    # Only an initiative's key drops the authority's place.
    places = place_keys(authority) if initiative else ()
    result: list[_T] = []
    for group in found:
        name, kind, acronym, lexicon = group.fields()
        key, display = canonical(name, places=places, lexicon=lexicon, initiative=initiative)
        result.append(
            make(
                name=name,
                kind=kind,
                acronym=acronym,
                mentions=group.mentions,
                key=key,
                canonical_name=display,
            )
        )
    return tuple(result)


__all__ = ["build"]
