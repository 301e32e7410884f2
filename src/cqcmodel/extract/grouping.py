"""Across councils: which councils mention each initiative or organisation, by canonical key."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import attrs

from ..model import Authority
from ._candidates import all_caps_key
from ._text import compact_key
from .initiatives import Initiative, extract_initiatives
from .kinds import Kind
from .organisations import Organisation, extract_organisations


@attrs.frozen(kw_only=True)
class NameGroup:
    """One initiative or organisation across councils.

    ``key`` is the canonical key every member shares; ``name`` the canonical name most
    members give it (among equals a written-out name, then the shortest, then the first
    seen); ``names`` every name as written; ``councils`` the authorities' names in first-seen
    order, one per council (records of one council under two forms of its name count once; a
    page without a title line counts as ``untitled page (<its file>)``); ``mentions`` the
    number of mentions in all of them.
    """

    key: str
    name: str
    kind: Kind
    names: tuple[str, ...]
    councils: tuple[str, ...]
    mentions: int


def _council_of(authority: Authority) -> tuple[str, str]:
    """How a council is counted and named: its ONS code (else its name) and its title's name.

    Two records of one council under different forms of its name count once; a page without
    a title line is named by its file, never counted as a council called "".
    """
    name = authority.name or f"untitled page ({authority.source or 'no source'})"
    council = authority.council
    return (council.ons_code if council is not None else name), name


def _councils(found: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """The name each council is first found under, one per council, in first-seen order."""
    names: dict[str, str] = {}
    for code, name in found:
        names.setdefault(code, name)
    return tuple(names.values())


def _grouped(
    authorities: Iterable[Authority],
    extract: Callable[[Authority], Sequence[Initiative | Organisation]],
) -> list[NameGroup]:
    found_items = [
        (_council_of(authority), item) for authority in authorities for item in extract(authority)
    ]
    # An acronym one council defines ("NWL ICB" for North West London Integrated Care Board)
    # names the same thing where another council writes only the acronym.
    defined: dict[str, str] = {}
    for _, item in found_items:
        if item.acronym and all_caps_key(item.name) is None:
            defined.setdefault(compact_key(item.acronym), item.key)
    members: dict[str, list[tuple[tuple[str, str], Initiative | Organisation]]] = {}
    for council, item in found_items:
        key = item.key
        if all_caps_key(item.name) is not None:
            key = defined.get(compact_key(item.name), key)
        members.setdefault(key, []).append((council, item))
    result: list[NameGroup] = []
    for key, found in members.items():
        names = Counter(item.canonical_name for _, item in found)
        # The most given name; among equals a written-out name before an acronym, then the
        # shortest ("Board" before "Boards"), then the first seen.
        name = min(
            names,
            key=lambda written: (-names[written], all_caps_key(written) is not None, len(written)),
        )
        result.append(
            NameGroup(
                key=key,
                name=name,
                kind=found[0][1].kind,
                names=tuple(dict.fromkeys(item.name for _, item in found)),
                councils=_councils(council for council, _ in found),
                mentions=sum(len(item.mentions) for _, item in found),
            )
        )
    result.sort(key=lambda group: (-len(group.councils), -group.mentions, group.key))
    return result


def group_initiatives(authorities: Iterable[Authority]) -> list[NameGroup]:
    """The initiatives of ``authorities`` grouped by canonical key, most councils first.

    Ties are ordered by mentions, then by key: the order does not depend on the order of
    ``authorities`` except for which spelling of a tied name is shown.
    """
    return _grouped(authorities, extract_initiatives)


def group_organisations(authorities: Iterable[Authority]) -> list[NameGroup]:
    """The organisations of ``authorities`` grouped by canonical key, most councils first."""
    return _grouped(authorities, extract_organisations)


__all__ = ["NameGroup", "group_initiatives", "group_organisations"]
