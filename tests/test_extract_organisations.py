"""Organisation extraction: kinds of body, acronyms and merged mentions, and what is not one."""

from __future__ import annotations

import pytest

from cqcmodel import Authority, Finding, QualityStatement, Score, parse_file
from cqcmodel.extract import Organisation, OrganisationKind, extract_organisations

from .conftest import CORPUS


def authority(*paragraphs: str, name: str | None = "Sunderland City Council") -> Authority:
    """An authority whose partnerships statement has one finding per paragraph."""
    statement = QualityStatement(
        title="Partnerships and communities",
        score=Score(3),
        findings=tuple(Finding(text=paragraph) for paragraph in paragraphs),
    )
    return Authority(name=name, statements=(statement,))


def organisations(*paragraphs: str) -> tuple[Organisation, ...]:
    return extract_organisations(authority(*paragraphs))


BODIES = [
    (
        "The local authority worked with Berkshire Healthcare Foundation Trust (BHFT) on care.",
        "Berkshire Healthcare Foundation Trust",
        OrganisationKind.NHS_TRUST,
    ),
    (
        "Staff worked closely with Tees Esk and Wear Valleys NHS Foundation Trust.",
        "Tees Esk and Wear Valleys NHS Foundation Trust",
        OrganisationKind.NHS_TRUST,
    ),
    (
        "There was a partnership agreement with North-West London Integrated Care Board.",
        "North-West London Integrated Care Board",
        OrganisationKind.ICB,
    ),
    (
        "Healthwatch Sunderland told us people found it hard to get through.",
        "Healthwatch Sunderland",
        OrganisationKind.HEALTHWATCH,
    ),
    (
        "Befriending was provided by Age UK Sunderland in the west of the city.",
        "Age UK Sunderland",
        OrganisationKind.CHARITY,
    ),
    (
        "The local authority funded Alzheimer’s Society to run groups.",
        "Alzheimer’s Society",
        OrganisationKind.CHARITY,
    ),
    (
        "Carers were supported by Carers Trust in the area.",
        "Carers Trust",
        OrganisationKind.CHARITY,
    ),
    (
        "The hospital team was shared with Gateshead Council.",
        "Gateshead Council",
        OrganisationKind.COUNCIL,
    ),
    (
        "Services were shared with the London Borough of Hammersmith and Fulham.",
        "London Borough of Hammersmith and Fulham",
        OrganisationKind.COUNCIL,
    ),
    ("Practice was audited using the ADASS tool.", "ADASS", OrganisationKind.NATIONAL_BODY),
    (
        "A peer review by the Local Government Association (LGA) found strengths.",
        "Local Government Association",
        OrganisationKind.NATIONAL_BODY,
    ),
    (
        "The discharge hubs worked with Primary Care Networks.",
        "Primary Care Networks",
        OrganisationKind.NHS_BODY,
    ),
    (
        "Discharges from Sunderland Royal Hospital were timely.",
        "Sunderland Royal Hospital",
        OrganisationKind.NHS_BODY,
    ),
    (
        "Joint work with Northumbria Police had improved.",
        "Northumbria Police",
        OrganisationKind.OTHER,
    ),
]


@pytest.mark.parametrize(("text", "name", "kind"), BODIES)
def test_named_bodies(text: str, name: str, kind: OrganisationKind) -> None:
    found = organisations(text)
    assert [(item.name, item.kind) for item in found] == [(name, kind)]


def test_an_icb_by_full_name_acronym_spaced_acronym_and_bare_icb_is_one_body() -> None:
    (icb,) = organisations(
        "There was an agreement with North-West London Integrated Care Board (NWLICB). "
        "NWLICB mandated the service. Staff managed budgets on behalf of the ICB.",
        "The local authority, together with NWL ICB, used the grant.",
    )
    assert (icb.name, icb.acronym, icb.kind) == (
        "North-West London Integrated Care Board",
        "NWLICB",
        OrganisationKind.ICB,
    )
    assert [mention.text for mention in icb.mentions] == [
        "North-West London Integrated Care Board",
        "NWLICB",
        "ICB",
        "NWL ICB",
    ]
    assert [mention.finding_index for mention in icb.mentions] == [0, 0, 0, 1]


def test_an_acronym_with_a_space_is_defined_too() -> None:
    (icb,) = organisations(
        "North East and North Cumbria Integrated Care Board (NENC ICB) partners were positive. "
        "The NENC ICB funded the scheme."
    )
    assert icb.acronym == "NENC ICB"
    assert [mention.text for mention in icb.mentions] == [
        "North East and North Cumbria Integrated Care Board",
        "NENC ICB",
    ]


NOT_BODIES = [
    "Sunderland City Council worked with partners across the city.",
    "Funding was pooled under s75 of the NHS Act 2006.",
    "The focus was on the needs of the acute Trust and the mental health Trust.",
    "Hillingdon is in the Northwest London Integrated Care System.",
    "Health and social care partners met at the Health and Wellbeing Board.",
    "The voluntary and community sector (VCS) was strong.",
]


@pytest.mark.parametrize("text", NOT_BODIES)
def test_not_organisations(text: str) -> None:
    assert organisations(text) == ()


def test_the_authority_under_its_short_name_is_not_an_organisation() -> None:
    parsed = authority("Hounslow Council used a data hub.", name="London Borough of Hounslow")
    assert extract_organisations(parsed) == ()


def test_organisations_of_the_seed_pages() -> None:
    parsed = parse_file(CORPUS / "seed-windsor-maidenhead-partnerships.txt")
    (trust,) = extract_organisations(parsed)
    assert (trust.name, trust.acronym) == ("Berkshire Healthcare Foundation Trust", "BHFT")
    assert [mention.text for mention in trust.mentions] == [
        "Berkshire Healthcare Foundation Trust",
        "BHFT",
        "BHFT",
    ]
    assert trust.statement_ids == (5,)
    for mention in trust.mentions:
        assert mention.finding(parsed).text[mention.start : mention.end] == mention.text
