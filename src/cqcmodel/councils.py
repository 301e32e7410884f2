"""The 153 English councils CQC assesses: ONS codes, names, regions and types, and name matching.

The registry ships as package data (``cqcmodel/data/councils.csv``): ONS GSS codes, names and
regions (© Crown copyright, Open Government Licence v3.0) and the councils' formal names
(mySociety, "UK local authority names and codes", CC BY 4.0). :func:`council` resolves the
many ways reports and data sets write a council's name ("London Borough of Hillingdon",
"Westminster City Council", "Bristol, City of", "St. Helens") and its current or former ONS
code, so that parsed reports can be joined to ONS, NHS or ASCOF data by code.

This module is pure data: it imports nothing from the parser or the model.
"""

from __future__ import annotations

import enum
import io
import re
import unicodedata
from functools import cache, lru_cache
from typing import Final

import attrs

from .errors import UnknownCouncilError

__all__ = [
    "ATTRIBUTION",
    "FORMER_CODES",
    "Council",
    "CouncilType",
    "UnknownCouncilError",
    "council",
    "councils",
    "find_council",
    "name_key",
]

#: Where the registry's data comes from, and under which licences; ship it with the data.
ATTRIBUTION: Final = (
    "Council codes, names and regions: Office for National Statistics, © Crown copyright, "
    "Open Government Licence v3.0. Formal names: mySociety, 'UK local authority names and "
    "codes' (July 2025), CC BY 4.0."
)


class CouncilType(enum.StrEnum):
    """The kind of council, from the class of its ONS code."""

    #: A county council (E10): the upper tier of a two-tier area.
    COUNTY = "County"
    #: A unitary authority (E06).
    UNITARY = "Unitary authority"
    #: A metropolitan district (E08).
    METROPOLITAN_DISTRICT = "Metropolitan district"
    #: A London borough (E09).
    LONDON_BOROUGH = "London borough"
    #: The City of London (E09000001) and the Isles of Scilly (E06000053).
    SUI_GENERIS = "Sui generis"


#: Codes a council had before a boundary change, by its current code: data for 2024-25 and
#: earlier use the old codes (Barnsley and Sheffield changed on 1 April 2025).
FORMER_CODES: Final[dict[str, tuple[str, ...]]] = {
    "E08000038": ("E08000016",),
    "E08000039": ("E08000019",),
}


@attrs.frozen(kw_only=True)
class Council:
    """One council with adult social services responsibilities, as ONS and the council name it."""

    #: The current ONS GSS code (``E09000017``): the key to join other data sets on.
    ons_code: str
    #: The name as ONS writes it (``Hillingdon``, ``Bristol, City of``, ``St. Helens``).
    name: str
    #: The council's formal name (``London Borough of Hillingdon``); report titles may differ.
    formal_name: str
    #: One of the nine English regions (``London``, ``North East``, …).
    region: str
    #: The kind of council.
    council_type: CouncilType
    #: ONS codes the council had before a boundary change (Barnsley, Sheffield), oldest first.
    former_codes: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.name


def _council_type(text: str) -> CouncilType:
    """The type of a registry row: the sui generis rows say so, the others are enum values."""
    if "sui generis" in text:
        return CouncilType.SUI_GENERIS
    return CouncilType(text)


@cache
def councils() -> tuple[Council, ...]:
    """The 153 councils CQC assesses, in ONS code order."""
    import csv  # noqa: PLC0415 - the registry is read on first use, not on import
    from importlib import resources  # noqa: PLC0415

    text = resources.files(__package__).joinpath("data/councils.csv").read_text("utf-8")
    result = [
        Council(
            ons_code=row["gss_code"],
            name=row["name"],
            formal_name=row["formal_name"],
            region=row["region"],
            council_type=_council_type(row["type"]),
            former_codes=FORMER_CODES.get(row["gss_code"], ()),
        )
        for row in csv.DictReader(io.StringIO(text))
    ]
    return tuple(sorted(result, key=lambda item: item.ons_code))


# --- name matching ---------------------------------------------------------------------------

_CODE: Final = re.compile(r"\s*(E\d{8})\s*", re.IGNORECASE)
_NOT_WORD: Final = re.compile(r"[^0-9a-z]+")
_INVERTED: Final = re.compile(r"(?P<head>(?:\w+ ){1,2}of)(?P<tail>(?: .*)?)")


def _phrases(*texts: str) -> tuple[tuple[str, ...], ...]:
    """Each phrase as its words: the form :func:`name_key` compares a name's ends with."""
    return tuple(tuple(text.split()) for text in texts)


#: Words in front of a place name, longest first: "London Borough of", "City of", …
_PREFIXES: Final = _phrases(
    "the",
    "london borough of",
    "royal borough of",
    "metropolitan borough of",
    "borough of",
    "city and county of",
    "city of",
    "county of",
    "council of the",
    "council of",
    "corporation of",
    "county",
)

#: Words after a place name: "City Council", "Metropolitan Borough Council", "assessment", …
_SUFFIXES: Final = _phrases(
    "local authority assessment",
    "assessment",
    "local authority",
    "metropolitan borough council",
    "metropolitan district council",
    "borough council",
    "city council",
    "county council",
    "district council",
    "council",
    "corporation",
    "metropolitan borough",
    "borough",
    "city",
    "county",
)


def _words(text: str) -> list[str]:
    """Folded words: case, accents, quotes, ``&``, hyphens, ``St.``/``Saint`` and ``, City of``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’‘`]", "", text).replace("&", " and ").replace("+", " and ")
    parts = [" ".join(part.split()) for part in text.split(",")]
    # ONS writes some names inverted: "Bristol, City of", "Herefordshire, County of" (and
    # people add to them: "Bristol, City of Council").
    inverted = _INVERTED.match(parts[-1]) if len(parts) > 1 else None
    if inverted is not None:
        parts = [inverted["head"], *parts[:-1], inverted["tail"]]
    words = _NOT_WORD.sub(" ", " ".join(parts)).split()
    return ["st" if word == "saint" else word for word in words]


def name_key(text: str) -> str:
    """The folded form of a council's name used for matching, without prefixes and suffixes.

    ``London Borough of Hammersmith & Fulham``, ``Hammersmith and Fulham Council`` and
    ``hammersmith-and-fulham`` all give ``hammersmith and fulham``; ``Bristol, City of`` and
    ``Bristol City Council`` give ``bristol``. At least one word is always kept
    (``Council`` gives ``council``).
    """
    words = _words(text)
    changed = True
    while changed and words:
        changed = False
        for prefix in _PREFIXES:
            if len(words) > len(prefix) and tuple(words[: len(prefix)]) == prefix:
                words = words[len(prefix) :]
                changed = True
                break
        for suffix in _SUFFIXES:
            if len(words) > len(suffix) and tuple(words[-len(suffix) :]) == suffix:
                words = words[: -len(suffix)]
                changed = True
                break
    return " ".join(words)


def _full_key(text: str) -> str:
    return " ".join(_words(text))


#: Words an acronym skips ("BCP" for Bournemouth, Christchurch and Poole).
_MINOR_WORDS: Final = frozenset({"and", "of", "on", "upon", "with", "the"})


def _short_keys(key: str) -> list[str]:
    """Shorter forms people use: ``Richmond``, ``Stockton``, ``Brighton``, ``BCP``.

    The part before ``upon``/``on``/``and``/``with``, and, for a name of three or more
    words, its initials. A short form two councils share resolves to neither.
    """
    shorts: list[str] = []
    for joiner in (" upon ", " on ", " and ", " with "):
        head, found, _ = key.partition(joiner)
        if found and head:
            shorts.append(head)
    words = [word for word in key.split() if word not in _MINOR_WORDS]
    if len(words) >= 3:
        shorts.append("".join(word[0] for word in words))
    return shorts


@attrs.frozen
class _Index:
    codes: dict[str, Council]
    full: dict[str, Council]
    keys: dict[str, tuple[Council, ...]]
    regions: frozenset[str]


@cache
def _index() -> _Index:
    codes: dict[str, Council] = {}
    full: dict[str, Council] = {}
    keys: dict[str, list[Council]] = {}
    shorts: dict[str, list[Council]] = {}
    for item in councils():
        for code in (item.ons_code, *item.former_codes):
            codes[code] = item
        for text in (item.name, item.formal_name):
            full[_full_key(text)] = item
            key = name_key(text)
            if item not in keys.setdefault(key, []):
                keys[key].append(item)
            for short in _short_keys(key):
                if item not in shorts.setdefault(short, []):
                    shorts[short].append(item)
    for short, found in shorts.items():
        keys.setdefault(short, found)
    regions = frozenset(_full_key(item.region) for item in councils())
    return _Index(
        codes=codes, full=full, keys={key: tuple(v) for key, v in keys.items()}, regions=regions
    )


@lru_cache(maxsize=4096)
def find_council(name_or_code: str) -> Council | None:
    """Like :func:`council`, but ``None`` for a name or code that is unknown or ambiguous."""
    try:
        return council(name_or_code)
    except UnknownCouncilError:
        return None


def council(name_or_code: str) -> Council:
    """The council a name or ONS code refers to.

    Accepts a current or former ONS code (``E09000017``, Barnsley's ``E08000016``) and every
    usual form of a name: the ONS name (``Kingston upon Hull, City of``), the formal name,
    and the forms report titles use (``London Borough of Hillingdon``, ``Westminster City
    Council``, ``Metropolitan Borough of Wirral``, ``County Durham``, ``St Helens Borough
    Council``), compared after :func:`name_key` folds case, punctuation, ``&``/``and``,
    ``St.``/``Saint`` and strips words such as ``Council`` or ``Royal Borough of``. A short
    form that fits two councils (``Kingston``) is refused rather than guessed, and so is a
    region's name (``London``).

    Raises :class:`~cqcmodel.errors.UnknownCouncilError` (a :class:`LookupError`) naming
    the closest councils for a name it cannot resolve.
    """
    if not isinstance(name_or_code, str):
        msg = f"council() takes a name or ONS code as str, not {type(name_or_code).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    index = _index()
    code = _CODE.fullmatch(name_or_code)
    if code is not None:
        found = index.codes.get(code.group(1).upper())
        if found is not None:
            return found
        raise UnknownCouncilError(name_or_code, _nearest_codes(code.group(1).upper()))
    full = _full_key(name_or_code)
    exact = index.full.get(full)
    if exact is not None:
        return exact
    if full in index.regions:
        # "London" is a region of 33 councils, not the City of London.
        raise UnknownCouncilError(name_or_code, _nearest(name_or_code))
    matches = index.keys.get(name_key(name_or_code), ())
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UnknownCouncilError(name_or_code, _labels(matches), ambiguous=True)
    raise UnknownCouncilError(name_or_code, _nearest(name_or_code))


def _labels(found: tuple[Council, ...] | list[Council]) -> tuple[str, ...]:
    return tuple(f"{item.name} ({item.ons_code})" for item in found)


def _nearest(text: str) -> tuple[str, ...]:
    """The councils that hold ``text`` in their names, then those that look like it, best first.

    Names that hold ``text`` as whole words come first ("Bournemouth" finds Bournemouth,
    Christchurch and Poole before Portsmouth), then the closest by difflib.

    Compared both without and with prefixes and suffixes, so a misspelt ``Londn Borough of
    Ealling`` still finds Ealing.
    """
    import difflib  # noqa: PLC0415 - only for a name that does not resolve

    index = _index()
    wanted = name_key(text)
    # A council whose name holds the text as whole words first ("Bournemouth" finds
    # Bournemouth, Christchurch and Poole before Portsmouth).
    found: list[Council] = []
    for key, items in index.keys.items() if wanted else ():
        if f" {wanted} " in f" {key} ":
            found.extend(item for item in items if item not in found)
    for key in difflib.get_close_matches(wanted, list(index.keys), n=5, cutoff=0.6):
        found.extend(item for item in index.keys[key] if item not in found)
    for key in difflib.get_close_matches(_full_key(text), list(index.full), n=5, cutoff=0.6):
        if index.full[key] not in found:
            found.append(index.full[key])
    return _labels(found[:5])


def _nearest_codes(code: str) -> tuple[str, ...]:
    import difflib  # noqa: PLC0415 - only for a code that does not resolve

    close = difflib.get_close_matches(code, list(_index().codes), n=3, cutoff=0.8)
    return _labels([_index().codes[key] for key in close])
