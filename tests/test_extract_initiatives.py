"""Initiative extraction: one table of cases per rule, the false-positive traps, merging, spans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqcmodel import Authority, Finding, QualityStatement, Score, parse_file
from cqcmodel.extract import (
    Initiative,
    InitiativeKind,
    extract_figures,
    extract_initiatives,
    extract_organisations,
    voices_of,
)
from cqcmodel.extract._lexicon import NATIONAL_PROGRAMMES

from .conftest import CORPUS


def authority(*paragraphs: str, name: str | None = "Sunderland City Council") -> Authority:
    """An authority whose partnerships statement has one finding per paragraph."""
    statement = QualityStatement(
        title="Partnerships and communities",
        score=Score(3),
        findings=tuple(Finding(text=paragraph) for paragraph in paragraphs),
    )
    return Authority(name=name, statements=(statement,))


def names(*paragraphs: str, name: str | None = "Sunderland City Council") -> list[str]:
    return [item.name for item in extract_initiatives(authority(*paragraphs, name=name))]


def only(text: str) -> Initiative:
    found = extract_initiatives(authority(text))
    assert len(found) == 1, [item.name for item in found]
    return found[0]


# --- one rule per table ----------------------------------------------------------------------

QUOTED = [
    (
        "The ‘Connected Leaders’ and ‘Place Committee’ forums met monthly.",
        ["Connected Leaders", "Place Committee"],
    ),
    (
        "Initiatives such as ‘Blokes Losing Timbers’ which was a weight loss group.",
        ["Blokes Losing Timbers"],
    ),
    ("The ‘People’s Voice’ group advised the board members.", ["People’s Voice"]),
    ("A website called “Care Connect” gave advice.", ["Care Connect"]),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED)
def test_curly_quoted_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_quoted_name_takes_its_kind_from_the_noun_after_it() -> None:
    found = extract_initiatives(authority(QUOTED[0][0]))
    assert [item.kind for item in found] == [InitiativeKind.GROUP, InitiativeKind.GROUP]
    assert only("Leaders described their ‘Fairer Westminster’ vision.").kind is (
        InitiativeKind.STRATEGY
    )


TITLE_CASE = [
    (
        "There was also an Autism Partnership Board, whose purpose was clear.",
        "Autism Partnership Board",
        InitiativeKind.BOARD,
    ),
    (
        "Leaders used the Quality Assurance and Performance Group to drive improvement.",
        "Quality Assurance and Performance Group",
        InitiativeKind.GROUP,
    ),
    (
        "The local authority had set up an Innovation Fund for the sector.",
        "Innovation Fund",
        InitiativeKind.FUND,
    ),
    (
        "There was a Partnership Board for People with Learning Disabilities.",
        "Partnership Board for People with Learning Disabilities",
        InitiativeKind.BOARD,
    ),
    (
        "People could phone the Information and Advice Team directly.",
        "Information and Advice Team",
        InitiativeKind.TEAM,
    ),
    (
        "The local authority’s Adult Social Care Strategy set priorities.",
        "Adult Social Care Strategy",
        InitiativeKind.STRATEGY,
    ),
    (
        "There had been a Creating Healthier Communities strategy across the area.",
        "Creating Healthier Communities strategy",
        InitiativeKind.STRATEGY,
    ),
    (
        "It was part of the Adult Mental Health crisis pathway transformation programme.",
        "Adult Mental Health crisis pathway transformation programme",
        InitiativeKind.PROGRAMME,
    ),
    (
        "Staff worked in Integrated Neighbourhood teams across the borough.",
        "Integrated Neighbourhood teams",
        InitiativeKind.TEAM,
    ),
    (
        "There had been a Winter plan for 2023-2024 which focused on prevention.",
        "Winter plan",
        InitiativeKind.PLAN,
    ),
    (
        "The Council’s Transformation Programme was under way.",
        "Transformation Programme",
        InitiativeKind.PROGRAMME,
    ),
    (
        "People were referred into Hillingdon Social Care Direct by professionals.",
        "Hillingdon Social Care Direct",
        InitiativeKind.SERVICE,
    ),
    (
        "The Market Position Statement set out commissioning intentions.",
        "Market Position Statement",
        InitiativeKind.STRATEGY,
    ),
    (
        "Audits followed the Strengths-Based Practice Framework introduced last year.",
        "Strengths-Based Practice Framework",
        InitiativeKind.MODEL,
    ),
    (
        "Staff said the Newly Qualified Social Worker programme was supportive.",
        "Newly Qualified Social Worker programme",
        InitiativeKind.PROGRAMME,
    ),
    (
        "Operational meetings were overseen by a BCF core officer group.",
        "BCF core officer group",
        InitiativeKind.GROUP,
    ),
]


@pytest.mark.parametrize(("text", "name", "kind"), TITLE_CASE)
def test_title_case_names_ending_in_an_initiative_noun(
    text: str, name: str, kind: InitiativeKind
) -> None:
    initiative = only(text)
    assert (initiative.name, initiative.kind) == (name, kind)


def test_the_independent_chair_of_a_board_names_the_board() -> None:
    text = "The Independent Chair of the Safeguarding Adults Board told us the board worked well."
    assert names(text) == ["Safeguarding Adults Board"]


ACRONYMS = [
    (
        "The local access point (LAP) was a joint-agency function.",
        "local access point",
        "LAP",
        InitiativeKind.OTHER,
    ),
    (
        "Concerns went to the Multi-Agency Safeguarding Hub (MASH) first.",
        "Multi-Agency Safeguarding Hub",
        "MASH",
        InitiativeKind.HUB,
    ),
    (
        "The Technology Enabled Care (TEC) service supported people at home.",
        "Technology Enabled Care",
        "TEC",
        InitiativeKind.SERVICE,
    ),
    (
        "Staff referred people to the single point of access (SPA) for triage.",
        "single point of access",
        "SPA",
        InitiativeKind.OTHER,
    ),
    (
        "The Integrated Discharge Team (IDT) worked on the wards.",
        "Integrated Discharge Team",
        "IDT",
        InitiativeKind.TEAM,
    ),
]


@pytest.mark.parametrize(("text", "name", "acronym", "kind"), ACRONYMS)
def test_names_defined_with_an_acronym(
    text: str, name: str, acronym: str, kind: InitiativeKind
) -> None:
    initiative = only(text)
    assert (initiative.name, initiative.acronym, initiative.kind) == (name, acronym, kind)


DATED = [
    ("The Health Aging Plan (March 2024) had been agreed with partners.", "Health Aging Plan"),
    ("The Carers Strategy (2023 to 2026) was co-produced.", "Carers Strategy"),
    ("Leaders referred to the ‘Living Well Plan’ (2022) throughout.", "Living Well Plan"),
]


@pytest.mark.parametrize(("text", "name"), DATED)
def test_a_trailing_date_bracket_is_not_part_of_the_name(text: str, name: str) -> None:
    initiative = only(text)
    assert initiative.name == name
    assert "(" not in initiative.mentions[0].text


@pytest.mark.parametrize(
    ("programme", "kind"), [(name, kind) for name, kind, _ in NATIONAL_PROGRAMMES]
)
def test_every_national_programme_in_the_lexicon_is_recognised(
    programme: str, kind: InitiativeKind
) -> None:
    initiative = only(f"The local authority told us it took part in {programme} locally.")
    assert (initiative.name, initiative.kind) == (programme, kind)


CONTEXT = [
    ("Beds were commissioned (referred to locally as Step Down) for rehabilitation.", "Step Down"),
    (
        "Partners worked through RBWM Together, which was an initiative to share ideas.",
        "RBWM Together",
    ),
    ("Carers could join a forum known as Carers Voice in the borough.", "Carers Voice"),
]


@pytest.mark.parametrize(("text", "name"), CONTEXT)
def test_names_given_by_their_context(text: str, name: str) -> None:
    assert names(text) == [name]


# --- what is not an initiative ---------------------------------------------------------------

TRAPS = [
    # sentence-initial capitals
    "Partnership working had achieved good outcomes in hospital discharge.",
    "Working groups had led to the development of toolkits.",
    "Current programmes were focusing on healthy weights and substance misuse.",
    "Board members told us they were well informed.",
    # the authority's own name
    "Sunderland City Council worked with partners across the city.",
    # statement titles, ratings, lower-case or spoken quotes
    "Evidence for ‘Safe Pathways, Systems and Transitions’ was strong.",
    "Providers said the service was rated ‘Good’ by people.",
    "Staff took a ‘strengths-based’ approach to their practice.",
    "One person told us “I feel safe at home now” after the visit.",
    # people's job titles
    "The Principal Social Worker led the practice forum review.",
    "The Director of Adult Social Services (DASS) met partners monthly.",
    "A Team Manager and a Service Manager explained the process.",
    "In May 2024 they appointed a Principal Occupational Therapist.",
    "The Lead Member for Adult Social Care attended the meeting.",
    # organisations
    "The local authority worked with Berkshire Healthcare Foundation Trust (BHFT).",
    "North East and North Cumbria Integrated Care Board (NENC ICB) partners were positive.",
    # generic nouns, laws, groups of people, dates
    "The multi-disciplinary team (MDT) met weekly.",
    "The OT service had a waiting list.",
    "The Adult Social Care team was restructured last year.",
    "The local authority engaged Asian community groups and faith groups.",
    "Deprivation of Liberty Safeguards (DoLS) applications were prioritised.",
    "Duties under the Care Act 2014 and the Mental Health Act 1983 were met.",
    "Occupational therapists (OTs) completed the assessments.",
    "During the COVID pandemic the service moved online.",
    "Partners across the Integrated Care System (ICS) set priorities.",
    "Outcomes were tracked with Adult Social Care Outcomes Framework (ASCOF) measures.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_false_positive_traps(text: str) -> None:
    assert names(text) == []


def test_headings_are_not_read() -> None:
    finding = Finding(heading="Partnership Board Arrangements", text="Partners met monthly.")
    statement = QualityStatement(
        title="Partnerships and communities", score=Score(3), findings=(finding,)
    )
    assert (
        extract_initiatives(Authority(name="Sunderland City Council", statements=(statement,)))
        == ()
    )


def test_an_authority_without_a_name_still_excludes_nothing_else() -> None:
    assert names("There was a Carers Hub in the town.", name=None) == ["Carers Hub"]


# --- merging ---------------------------------------------------------------------------------


def test_full_name_acronym_and_acronym_with_a_noun_merge() -> None:
    initiative = only(
        "The Multi-Agency Safeguarding Hub (MASH) triaged concerns. Staff in the MASH told us "
        "the MASH team had been restructured."
    )
    assert initiative.acronym == "MASH"
    assert [mention.text for mention in initiative.mentions] == [
        "Multi-Agency Safeguarding Hub",
        "MASH",
        "MASH team",
    ]


def test_plurals_merge() -> None:
    initiative = only(
        "Leaders changed the Health and Wellbeing Boards. The Health and Wellbeing Board met."
    )
    assert initiative.name == "Health and Wellbeing Boards"
    assert len(initiative.mentions) == 2


def test_the_x_service_merges_with_x() -> None:
    initiative = only(
        "Partners set up the short-term Bridging Care service. Bridging Care was available for "
        "5 days, and 80% of Bridging Care patients went on to reablement."
    )
    assert [mention.text for mention in initiative.mentions] == [
        "Bridging Care service",
        "Bridging Care",
        "Bridging Care",
    ]


def test_a_lexicon_programme_takes_the_lexicon_name_across_its_forms() -> None:
    initiative = only(
        "The Home First model was jointly commissioned. Funding paid for the Home First Model."
    )
    assert initiative.name == "Home First"
    assert [mention.text for mention in initiative.mentions] == [
        "Home First model",
        "Home First Model",
    ]


def test_a_programme_keeps_the_lexicon_kind_whatever_noun_follows() -> None:
    initiative = only("The Better Care Fund plan supported admission avoidance.")
    assert (initiative.name, initiative.kind) == ("Better Care Fund", InitiativeKind.FUND)
    assert initiative.mentions[0].text == "Better Care Fund plan"


def test_a_name_and_the_same_name_without_the_place_merge() -> None:
    initiative = only(
        "Priorities were agreed with the Hillingdon Health and Care Partnership. The Health "
        "and Care Partnership board planned the next steps."
    )
    assert initiative.name == "Hillingdon Health and Care Partnership"
    assert len(initiative.mentions) == 2


def test_a_programme_written_otherwise_keeps_its_written_name_and_acronym() -> None:
    initiative = only(
        "Services were commissioned through Better Care Funding (BCF). The BCF paid for beds."
    )
    assert (initiative.name, initiative.acronym) == ("Better Care Funding", "BCF")
    assert [mention.text for mention in initiative.mentions] == ["Better Care Funding", "BCF"]


@pytest.mark.parametrize(
    "text",
    [
        "A section 75 agreement pooled the budgets. Staff said the s75 agreement worked.",
        "The local authority delivered the world café events with partners.",
        "The local access point helped people.",
    ],
)
def test_generic_lower_case_phrases_name_nothing(text: str) -> None:
    # A legal form or a lower-case description is not a name by the gold guidelines.
    assert names(text) == []


def test_mentions_across_statements_and_first_mention_order() -> None:
    first = QualityStatement(
        title="Assessing needs",
        score=Score(3),
        findings=(
            Finding(text="People used the Carers Hub. There was an Autism Partnership Board."),
        ),
    )
    second = QualityStatement(
        title="Safeguarding",
        score=Score(3),
        findings=(
            Finding(text="Nothing named here."),
            Finding(text="The Autism Partnership Board and the Carers Hub met."),
        ),
    )
    found = extract_initiatives(Authority(name="X Council", statements=(first, second)))
    assert [item.name for item in found] == ["Carers Hub", "Autism Partnership Board"]
    hub = found[0]
    assert hub.statement_ids == (1, 7)
    assert [(m.statement_id, m.finding_index) for m in hub.mentions] == [(1, 0), (7, 1)]


# --- spans -----------------------------------------------------------------------------------

CORPUS_PAGES = sorted(CORPUS.glob("*.txt"))


def test_every_mention_slices_its_finding_exactly() -> None:
    checked = 0
    for path in CORPUS_PAGES:
        parsed = parse_file(path)
        items = [*extract_initiatives(parsed), *extract_organisations(parsed)]
        mentions = [mention for item in items for mention in item.mentions]
        mentions += [figure.mention for figure in extract_figures(parsed)]
        for mention in mentions:
            assert mention.finding(parsed).text[mention.start : mention.end] == mention.text
        checked += len(mentions)
    assert checked > 50  # the corpus names dozens of initiatives, organisations and figures


def test_extraction_is_deterministic() -> None:
    parsed = parse_file(CORPUS / "seed-windsor-maidenhead-partnerships.txt")
    assert extract_initiatives(parsed) == extract_initiatives(parsed)
    reparsed = parse_file(CORPUS / "seed-windsor-maidenhead-partnerships.txt")
    assert extract_initiatives(reparsed) == extract_initiatives(parsed)


_WORDS = st.sampled_from(
    [
        "the",
        "The",
        "Board",
        "Fund",
        "and",
        "of",
        "Hub",
        "(MASH)",
        "MASH",
        "‘",
        "’",
        "“",
        "”",
        "Care",
        "Home",
        "First",
        "team",
        "service",
        "model",
        ".",
        ",",
        "section",
        "75",
        "agreement",
        "café",
        "(March",
        "2024)",
        "Trust",
        "NHS",
        "ICB",
        "Council",
        "told",
        "us",
        "staff",
        "People",
        "Chair",
        "for",
        "known",
        "as",
        "which",
        "was",
        "an",
        "initiative",
    ]
)


@given(st.lists(_WORDS, min_size=1, max_size=60))
def test_spans_slice_back_for_any_text(words: list[str]) -> None:
    text = " ".join(words).strip()
    parsed = authority(text)
    for initiative in extract_initiatives(parsed):
        assert initiative.mentions
        for mention in initiative.mentions:
            assert text[mention.start : mention.end] == mention.text


def assert_spans_slice_back(text: str) -> None:
    """Every mention extracted from a one-finding authority is a non-empty slice of it."""
    parsed = authority(text)
    items = [*extract_initiatives(parsed), *extract_organisations(parsed)]
    mentions = [mention for item in items for mention in item.mentions]
    mentions += [figure.mention for figure in extract_figures(parsed)]
    for mention in mentions:
        assert mention.text
        assert text[mention.start : mention.end] == mention.text


EDGES = [
    '"A "B',
    '"A"',
    "‘A’",
    "“A”",
    '"A',
    'A"',
    '""',
    "‘’",
    "“”",
    "“ ”",
    '"A" "B"',
    "(BCF)",
    "BCF",
    "Better Care Fund (BCF)",
    "‘Home First’",
    "x café",
    "abc café",
    "Alpha Board",
    "section 75 agreement",
    "1%",
    "£1m",
]


@pytest.mark.parametrize("text", EDGES)
def test_names_at_the_edges_of_a_finding_and_unclosed_quotes(text: str) -> None:
    # '"A "B' raised ValueError: a one-letter name left nothing to search for, and the empty
    # pattern built from no forms matched the empty string at the start of the finding.
    assert_spans_slice_back(text)


_PIECES = st.sampled_from(
    ['"', "‘", "’", "“", "”", "A", "B", "a", " ", "(", ")", "ABC", "BCF", "Home First", "-", "."]
)


@given(st.lists(_PIECES, min_size=1, max_size=20).map("".join))
def test_spans_slice_back_for_any_quotes_and_brackets(text: str) -> None:
    if text.strip() == text and text:
        assert_spans_slice_back(text)


@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    "text",
    [
        "Care " * 5000 + "Board.",
        "‘" + "Care Home " * 3000,
        "(" * 3000 + "MASH" + ")" * 3000,
        "Care and " * 3000 + "Fund (CAF).",
        "from 1 to " * 2000 + "2 days.",
        "Staff, " * 3000 + "told us.",
        "Barnet Camden, " * 3000 + "Enfield and Haringey NHS Trust.",
        "Thomas’ " * 3000 + "NHS Trust.",
        "Kent Trust with " * 2000 + "Kent ICB.",
    ],
    ids=[
        "capitals",
        "open-quote",
        "brackets",
        "connectors",
        "changes",
        "subjects",
        "listed-places",
        "apostrophes",
        "links",
    ],
)
def test_pathological_text_does_not_hang(text: str) -> None:
    parsed = authority(text.strip())
    finding = parsed.statements[0].findings[0]
    items = [*extract_initiatives(parsed), *extract_organisations(parsed)]
    mentions = [mention for item in items for mention in item.mentions]
    mentions += [figure.mention for figure in extract_figures(parsed)]
    for mention in mentions:
        assert finding.text[mention.start : mention.end] == mention.text
    voices = voices_of(finding)
    assert len(set(voices)) == len(voices)
