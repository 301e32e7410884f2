"""The council registry: 153 councils, every usual way of writing their names, and ONS codes."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import attrs
import pytest

import cqcmodel
from cqcmodel import Council, CouncilType, CqcModelError, UnknownCouncilError, council, councils
from cqcmodel.councils import ATTRIBUTION, name_key

from .conftest import CORPUS

SHARED_REGISTRY = Path(__file__).parents[1] / ".." / "shared" / "registry" / "authorities.csv"
PACKAGE_DATA = Path(cqcmodel.__file__).parent / "data" / "councils.csv"


def test_153_councils_in_code_order_with_their_types() -> None:
    found = councils()
    assert len(found) == 153
    assert len({item.ons_code for item in found}) == 153
    assert [item.ons_code for item in found] == sorted(item.ons_code for item in found)
    types = Counter(item.council_type for item in found)
    assert types == {
        CouncilType.COUNTY: 21,
        CouncilType.UNITARY: 62,
        CouncilType.METROPOLITAN_DISTRICT: 36,
        CouncilType.LONDON_BOROUGH: 32,
        CouncilType.SUI_GENERIS: 2,
    }
    assert {item.region for item in found} == {
        "North East",
        "North West",
        "Yorkshire and The Humber",
        "East Midlands",
        "West Midlands",
        "East of England",
        "London",
        "South East",
        "South West",
    }
    assert isinstance(CouncilType.COUNTY, str)


def test_council_is_frozen_attrs() -> None:
    item = council("E09000017")
    assert attrs.has(Council)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        item.name = "x"  # type: ignore[misc]
    assert item == Council(
        ons_code="E09000017",
        name="Hillingdon",
        formal_name="London Borough of Hillingdon",
        region="London",
        council_type=CouncilType.LONDON_BOROUGH,
    )
    assert str(item) == "Hillingdon"


@pytest.mark.skipif(not SHARED_REGISTRY.exists(), reason="the shared registry is not checked out")
def test_package_data_is_the_shared_registry() -> None:
    assert PACKAGE_DATA.read_bytes() == SHARED_REGISTRY.read_bytes()


def test_attribution_ships_with_the_data() -> None:
    notice = (PACKAGE_DATA.parent / "README.md").read_text("utf-8")
    for words in ("Open Government Licence v3.0", "mySociety", "CC BY 4.0"):
        assert words in notice
        assert words in ATTRIBUTION


def test_every_name_and_code_of_the_registry_resolves_to_its_council() -> None:
    with PACKAGE_DATA.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            expected = council(row["gss_code"])
            assert expected.ons_code == row["gss_code"]
            for text in (row["name"], row["formal_name"], row["gss_code"].lower()):
                assert council(text) is expected, text
                assert council(text.upper()) is expected, text


def test_former_codes_resolve_to_the_new_ones() -> None:
    assert council("E08000016").name == "Barnsley"
    assert council("E08000016").ons_code == "E08000038"
    assert council("E08000019").ons_code == "E08000039"
    assert council("Sheffield").former_codes == ("E08000019",)
    assert council("Leeds").former_codes == ()


def test_corpus_titles_resolve() -> None:
    index = json.loads((CORPUS / "index.json").read_text("utf-8"))
    names = {entry["authority"] for entry in index if entry.get("authority")}
    titles = {entry["title_line"] for entry in index if entry.get("title_line")}
    expected = {
        "London Borough of Hounslow": "E09000018",
        "London Borough of Ealing": "E09000009",
        "London Borough of Hillingdon": "E09000017",
        "Nottingham City Council": "E06000018",
        "Sunderland City Council": "E08000024",
        "Westminster City Council": "E09000033",
        "Royal Borough of Windsor & Maidenhead": "E06000040",
    }
    assert names == set(expected)
    for name, code in expected.items():
        assert council(name).ons_code == code
    for title in titles:
        assert council(title).ons_code == expected[title.split(":")[0].removesuffix(" assessment")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("London Borough of Hillingdon", "E09000017"),
        ("Royal Borough of Windsor & Maidenhead", "E06000040"),
        ("Windsor and Maidenhead Council", "E06000040"),
        ("Westminster City Council", "E09000033"),
        ("City of Westminster", "E09000033"),
        ("Metropolitan Borough of Wirral", "E08000015"),
        ("Wirral Metropolitan Borough Council", "E08000015"),
        ("County Durham", "E06000047"),
        ("Durham County Council", "E06000047"),
        ("Durham", "E06000047"),
        ("Hammersmith and Fulham", "E09000013"),
        ("London Borough of Hammersmith & Fulham", "E09000013"),
        ("Council of the Isles of Scilly", "E06000053"),
        ("Isles of Scilly", "E06000053"),
        ("St Helens Borough Council", "E08000013"),
        ("Saint Helens", "E08000013"),
        ("St. Helens Council", "E08000013"),
        ("Bristol, City of", "E06000023"),
        ("Bristol City Council", "E06000023"),
        ("City of Bristol", "E06000023"),
        ("Bristol", "E06000023"),
        ("Kingston upon Hull City Council", "E06000010"),
        ("Hull City Council", "E06000010"),
        ("Herefordshire Council", "E06000019"),
        ("Herefordshire, County of", "E06000019"),
        ("Cornwall Council", "E06000052"),
        ("Isle of Wight Council", "E06000046"),
        ("City of London", "E09000001"),
        ("City of London Corporation", "E09000001"),
        ("Gateshead Borough Council", "E08000037"),
        ("Gateshead Council", "E08000037"),
        ("Wakefield Council", "E08000036"),
        ("Blackpool Council", "E06000009"),
        ("Knowsley Council", "E08000011"),
        ("Sunderland City Council", "E08000024"),
        ("London Borough of Ealing", "E09000009"),
        ("Sefton Metropolitan Borough Council", "E08000014"),
        ("Newcastle upon Tyne City Council", "E08000021"),
        ("Newcastle", "E08000021"),
        ("Richmond", "E09000027"),
        ("Stoke on Trent City Council", "E06000021"),
        ("Stockton on Tees Borough Council", "E06000004"),
        ("Telford and Wrekin Council", "E06000020"),
        ("Brighton & Hove City Council", "E06000043"),
        ("The Royal Borough of Kingston upon Thames", "E09000021"),
        ("Royal Borough of Greenwich", "E09000011"),
        ("City of York Council", "E06000014"),
        ("York", "E06000014"),
        ("City of Bradford Metropolitan District Council", "E08000032"),
        ("Bradford Council", "E08000032"),
        ("City of Wolverhampton Council", "E08000031"),
        ("Wolverhampton City Council", "E08000031"),
        ("Bournemouth, Christchurch and Poole Council", "E06000058"),
        ("Leicester City Council", "E06000016"),
        ("Leicestershire County Council", "E10000018"),
        ("Nottinghamshire County Council", "E10000024"),
        ("North East Lincolnshire Council", "E06000012"),
        ("Cheshire West & Chester Council", "E06000050"),
        ("Westmorland & Furness Council", "E06000064"),
        ("  london   BOROUGH of   hillingdon ", "E09000017"),
        ("London Borough of Hounslow: local authority assessment", "E09000018"),
        ("Nottingham City Council assessment", "E06000018"),
        ("Barking & Dagenham", "E09000002"),
        ("Tower Hamlets Council", "E09000030"),
        ("Southend-on-Sea City Council", "E06000033"),
        ("hammersmith-and-fulham", "E09000013"),
        ("BCP Council", "E06000058"),
        ("Brighton", "E06000043"),
        ("Telford", "E06000020"),
        ("Blackburn", "E06000008"),
        ("Cheshire West", "E06000050"),
        ("Kensington & Chelsea Council", "E09000020"),
        ("Westminster, City of", "E09000033"),
        ("London, City of", "E09000001"),
        ("Bradford Metropolitan District Council", "E08000032"),
        ("Redcar & Cleveland Borough Council", "E06000003"),
        ("East Riding of Yorkshire Council", "E06000011"),
        ("Sandwell Metropolitan Borough Council", "E08000028"),
        ("Newcastle-upon-Tyne", "E08000021"),
        ("Kingston-upon-Thames", "E09000021"),
        ("Rochdale Borough Council", "E08000005"),
        ("Royal Borough of Windsor \uff06 Maidenhead", "E06000040"),
        ("Bristol City Council\u00a0", "E06000023"),
    ],
)
def test_real_forms_of_names(text: str, code: str) -> None:
    assert council(text).ons_code == code


def test_unknown_name_lists_the_closest() -> None:
    with pytest.raises(UnknownCouncilError) as caught:
        council("London Borough of Hillingdn")
    error = caught.value
    assert isinstance(error, CqcModelError)
    assert isinstance(error, LookupError)
    assert error.closest[0] == "Hillingdon (E09000017)"
    assert "Hillingdon (E09000017)" in str(error)
    with pytest.raises(UnknownCouncilError, match="Northamptonshire"):
        council("Northamptonshire County Council")  # abolished in 2021


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Bournemouth", "Bournemouth, Christchurch and Poole (E06000058)"),
        ("Christchurch", "Bournemouth, Christchurch and Poole (E06000058)"),
        ("Cheshire", "Cheshire East (E06000049)"),
    ],
)
def test_a_part_of_a_councils_name_suggests_that_council_first(name: str, first: str) -> None:
    with pytest.raises(UnknownCouncilError) as caught:
        council(name)
    assert caught.value.closest[0] == first
    assert len(set(caught.value.closest)) == len(caught.value.closest)


def test_unknown_name_without_close_ones_says_what_to_give() -> None:
    with pytest.raises(UnknownCouncilError, match="ONS code") as caught:
        council("Atlantis")
    assert caught.value.closest == ()


def test_ambiguous_short_name_is_refused_not_guessed() -> None:
    with pytest.raises(UnknownCouncilError) as caught:
        council("Kingston Council")
    assert caught.value.ambiguous
    assert "Kingston upon Thames (E09000021)" in str(caught.value)
    assert "Kingston upon Hull, City of (E06000010)" in str(caught.value)


def test_a_region_is_not_a_council() -> None:
    with pytest.raises(UnknownCouncilError) as caught:
        council("London")
    assert "City of London (E09000001)" in caught.value.closest
    assert council("Corporation of London").ons_code == "E09000001"
    with pytest.raises(UnknownCouncilError):
        council("north east")


def test_unknown_code() -> None:
    with pytest.raises(UnknownCouncilError, match="E09999999"):
        council("E09999999")


def test_not_a_string() -> None:
    with pytest.raises(TypeError, match="str"):
        council(17)  # type: ignore[arg-type]


def test_pairs_that_must_stay_apart() -> None:
    pairs = [
        ("City of London", "Westminster"),
        ("Nottingham", "Nottinghamshire"),
        ("Derby", "Derbyshire"),
        ("Leicester", "Leicestershire"),
        ("Lincolnshire", "North Lincolnshire"),
        ("North Lincolnshire", "North East Lincolnshire"),
        ("Kingston upon Thames", "Kingston upon Hull"),
        ("York", "North Yorkshire"),
        ("Bath and North East Somerset", "Somerset"),
        ("Isle of Wight", "Wiltshire"),
    ]
    for first, second in pairs:
        assert council(first) != council(second), (first, second)


def test_name_key_folds_the_usual_variants() -> None:
    assert name_key("London Borough of Hammersmith & Fulham") == "hammersmith and fulham"
    assert name_key("Bristol, City of") == "bristol"
    assert name_key("St. Helens Metropolitan Borough Council") == "st helens"
    assert name_key("Council") == "council"


def test_authority_council_from_the_title() -> None:
    known = cqcmodel.Authority(
        name="Westminster City Council",
        statements=(cqcmodel.QualityStatement(title="Safeguarding"),),
    )
    assert known.council is not None
    assert known.council.ons_code == "E09000033"
    unknown = attrs.evolve(known, name="Borsetshire County Council")
    assert unknown.council is None
    untitled = attrs.evolve(known, name=None)
    assert untitled.council is None


# --- property: decorated names resolve -------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_DECORATIONS = st.sampled_from(
    [
        ("{}", ""),
        ("The {}", ""),
        ("{} Council", ""),
        ("{} City Council", ""),
        ("{} Borough Council", ""),
        ("{} Metropolitan Borough Council", ""),
        ("{} County Council", ""),
        ("{}: local authority assessment", ""),
        ("{} assessment", ""),
    ]
)


def _spell(name: str, how: str) -> str:
    if how == "upper":
        return name.upper()
    if how == "lower":
        return name.lower()
    if how == "ampersand":
        return name.replace(" and ", " & ")
    if how == "spaces":
        return f"  {name.replace(' ', '  ')} "
    if how == "curly":
        return name.replace("'", "’")
    return name


@given(
    item=st.sampled_from(councils()),
    use_formal=st.booleans(),
    decoration=_DECORATIONS,
    how=st.sampled_from(["as is", "upper", "lower", "ampersand", "spaces", "curly"]),
)
def test_a_decorated_name_resolves_to_its_council(
    item: Council, use_formal: bool, decoration: tuple[str, str], how: str
) -> None:
    name = item.formal_name if use_formal else item.name
    text = decoration[0].format(_spell(name, how))
    assert council(text) is item, text
