"""The rule registry, the lexicon's tables and canonical keys, each by examples of its own."""

from __future__ import annotations

import pytest

from cqcmodel import Authority, Finding, QualityStatement, Score, parse_file
from cqcmodel.extract import (
    Initiative,
    InitiativeKind,
    Organisation,
    OrganisationKind,
    Voice,
    extract_initiatives,
    extract_organisations,
    group_initiatives,
    group_organisations,
)
from cqcmodel.extract import _lexicon as lexicon
from cqcmodel.extract._canonical import canonical
from cqcmodel.extract._names import scan
from cqcmodel.extract._rules import RULES, rule
from cqcmodel.extract._text import singular

from .conftest import CORPUS


def authority(*paragraphs: str, name: str = "Sunderland City Council") -> Authority:
    """An authority whose partnerships statement has one finding per paragraph."""
    statement = QualityStatement(
        title="Partnerships and communities",
        score=Score(3),
        findings=tuple(Finding(text=paragraph) for paragraph in paragraphs),
    )
    return Authority(name=name, statements=(statement,))


EXAMPLES = [(entry.name, text, expected) for entry in RULES for text, expected in entry.examples]


@pytest.mark.parametrize(("name", "text", "expected"), EXAMPLES)
def test_each_rule_finds_its_own_examples(name: str, text: str, expected: tuple[str, ...]) -> None:
    # The rule on its own (after the titles rule, which only blocks spans).
    rules = (rule("titles"), rule(name)) if name != "titles" else (rule("titles"),)
    _, found = scan(authority(text), rules)
    assert tuple(candidate.text for candidate in found) == expected


def test_every_rule_has_examples_and_a_unique_name() -> None:
    assert [entry.name for entry in RULES] == [
        "titles",
        "quoted",
        "acronyms",
        "lexicon",
        "title-case",
        "apposed",
    ]
    assert all(entry.examples and entry.description for entry in RULES)
    with pytest.raises(KeyError):
        rule("café")


def _words(table: object) -> list[str]:
    return list(table)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "table",
    [
        lexicon.INITIATIVE_HEADS,
        lexicon.KIND_HINTS,
        lexicon.EXTENSION_HEADS,
        lexicon.WEAK_HEADS,
        lexicon.PERSON_HEADS,
        lexicon.NOT_INITIATIVE_HEADS,
        lexicon.ORGANISATION_HEADS,
        lexicon.ORGANISATION_ENDINGS,
        lexicon.ORGANISATION_NOUNS,
    ],
)
def test_head_word_lists_hold_lower_case_singular_words(table: object) -> None:
    for word in _words(table):
        assert word == word.casefold().strip()
        assert " " not in word
        assert singular(word) == word or word in {"children", "people"}, word


def test_word_lists_name_only_known_kinds_and_words() -> None:
    assert all(isinstance(kind, InitiativeKind) for kind in lexicon.INITIATIVE_HEADS.values())
    assert all(isinstance(kind, InitiativeKind) for kind in lexicon.KIND_HINTS.values())
    assert all(isinstance(kind, OrganisationKind) for _, _, kind in lexicon.NATIONAL_BODIES)
    assert all(isinstance(kind, InitiativeKind) for _, kind, _ in lexicon.NATIONAL_PROGRAMMES)
    assert all(isinstance(voice, Voice) for voice in lexicon.VOICE_HEADS.values())
    assert set(lexicon.UNITS.values()) >= lexicon.TIME_WORDS
    # A word list that refers to another names only words that list holds (a typo fails).
    assert lexicon.EXTENSION_HEADS.issubset(lexicon.INITIATIVE_HEADS)
    assert lexicon.WEAK_HEADS.issubset(lexicon.KIND_HINTS)
    assert set(lexicon.INITIATIVE_HEADS) <= set(lexicon.KIND_HINTS)
    assert lexicon.BRANCHED_BODIES.issubset(name for name, _, _ in lexicon.NATIONAL_BODIES)
    names = [name for name, _, _ in lexicon.NATIONAL_PROGRAMMES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Better Care Funding", "Better Care Fund"),
        ("Better Care Funds", "Better Care Fund"),
        ("Health and Wellbeing Boards", "Health and Wellbeing Board"),
        ("Health & Well-being Board", "Health and Wellbeing Board"),
        ("three-conversation approach", "Three Conversations"),
        ("Home First model", "Home First"),
        ("North-West London Integrated Care Board", "North West London Integrated Care Board"),
        ("Multi-Agency Safeguarding Hub", "Multi Agency Safeguarding Hubs"),
    ],
)
def test_canonical_keys_unite_variants(first: str, second: str) -> None:
    assert canonical(first)[0] == canonical(second)[0]


def test_canonical_keys_keep_different_things_apart() -> None:
    assert canonical("Improved Better Care Fund")[0] != canonical("Better Care Fund")[0]
    assert canonical("Age UK Canterbury", initiative=False)[0] != canonical("Age UK")[0]
    assert canonical("Autism Partnership Board")[0] != canonical("Partnership Board")[0]


def test_a_lexicon_variant_takes_the_lexicon_name() -> None:
    assert canonical("three-conversation approach") == ("three conversation", "Three Conversations")
    initiative = extract_initiatives(
        authority("The front door used a three-conversation approach.")
    )
    assert [(item.name, item.canonical_name) for item in initiative] == [
        ("three-conversation approach", "Three Conversations")
    ]


def test_the_authority_s_place_leaves_an_initiative_s_key() -> None:
    kent = authority("The Kent Health and Wellbeing Board met.", name="Kent County Council")
    (board,) = extract_initiatives(kent)
    assert (board.name, board.key, board.canonical_name) == (
        "Kent Health and Wellbeing Board",
        "health and wellbeing board",
        "Health and Wellbeing Board",
    )


def test_group_initiatives_counts_councils_per_initiative() -> None:
    councils = [
        authority("Services were funded through Better Care Funding (BCF).", name="Hillingdon"),
        authority("The Better Care Fund paid for the Health and Wellbeing Boards.", name="Windsor"),
        authority("The Health and Wellbeing Board met. The BCF was used.", name="Sunderland"),
    ]
    groups = {group.key: group for group in group_initiatives(councils)}
    bcf = groups["better care fund"]
    assert (bcf.name, bcf.councils, bcf.mentions) == (
        "Better Care Fund",
        ("Hillingdon", "Windsor", "Sunderland"),
        3,
    )
    assert bcf.names == ("Better Care Funding", "Better Care Fund", "BCF")
    board = groups["health and wellbeing board"]
    assert board.councils == ("Windsor", "Sunderland")
    assert next(iter(groups)) == "better care fund"


def test_group_organisations_counts_councils_per_body() -> None:
    councils = [
        authority("We heard from Healthwatch Kent and the Care Quality Commission.", name="Kent"),
        authority("The Care Quality Commission (CQC) visited.", name="Camden"),
    ]
    groups = group_organisations(councils)
    assert [(group.name, group.councils) for group in groups] == [
        ("Care Quality Commission", ("Kent", "Camden")),
        ("Healthwatch Kent", ("Kent",)),
    ]


COORDINATED = [
    (
        "The local authority worked with Age UK Lancashire and Lancashire and South Cumbria "
        "Integrated Care Board on falls.",
        ["Age UK Lancashire", "Lancashire and South Cumbria Integrated Care Board"],
    ),
    (
        "Age UK Canterbury and Age UK Faversham and Sittingbourne ran day services.",
        ["Age UK Canterbury", "Age UK Faversham and Sittingbourne"],
    ),
    (
        "It worked with the Metropolitan Police, North Central London Integrated Care Board and "
        "Central and North West London NHS Foundation Trust.",
        [
            "Metropolitan Police",
            "North Central London Integrated Care Board",
            "Central and North West London NHS Foundation Trust",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_coordinated_bodies_are_names_of_their_own(text: str, expected: list[str]) -> None:
    assert [item.name for item in extract_organisations(authority(text))] == expected


BRANDS = [
    (
        "The local authority commissioned Carers First to run carers assessments.",
        "Carers First",
        "organisation",
    ),
    (
        "People were supported by Voluntary Action Leeds with forms.",
        "Voluntary Action Leeds",
        "organisation",
    ),
    (
        "People used Connect to Support Kent to find groups.",
        "Connect to Support Kent",
        "initiative",
    ),
    ("The front door, known as Camden Contact, took calls.", "Camden Contact", "initiative"),
    ("Support was delivered by Hestia, a charity, across the borough.", "Hestia", "organisation"),
]


@pytest.mark.parametrize(("text", "name", "category"), BRANDS)
def test_brand_like_names_without_a_head_noun(text: str, name: str, category: str) -> None:
    parsed = authority(text)
    found = (
        extract_organisations(parsed) if category == "organisation" else extract_initiatives(parsed)
    )
    assert [item.name for item in found] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Staff worked across North-West London and East Kent.",
        "The local authority met its Care Act duties.",
        "Adult Social Care staff told us so.",
        "In Hillingdon the BCF paid for beds.",
    ],
)
def test_places_laws_and_departments_are_not_brand_names(text: str) -> None:
    parsed = authority(text)
    names = [item.name for item in extract_initiatives(parsed)]
    names += [item.name for item in extract_organisations(parsed)]
    assert names in ([], ["BCF"])


def test_a_kind_given_as_text_must_be_a_known_kind() -> None:
    assert Organisation(name="Kent ICB", kind="icb").kind is OrganisationKind.ICB
    with pytest.raises(ValueError, match="icbb"):
        Organisation(name="Kent ICB", kind="icbb")
    assert Initiative(name="X Fund", kind=OrganisationKind.ICB).kind is InitiativeKind.OTHER


def test_an_item_made_by_hand_gets_its_canonical_key() -> None:
    made = Initiative(name="Better Care Funding", kind=InitiativeKind.FUND)
    assert (made.key, made.canonical_name) == ("better care fund", "Better Care Fund")


def test_an_acronym_one_council_defines_groups_another_council_s_bare_acronym() -> None:
    councils = [
        authority("It worked with North West London Integrated Care Board (NWL ICB).", name="A"),
        authority("Partners from the NWL ICB told us so.", name="B"),
    ]
    (group,) = group_organisations(councils)
    assert (group.name, group.councils) == ("North West London Integrated Care Board", ("A", "B"))


def test_a_body_s_key_keeps_its_last_word() -> None:
    (body,) = extract_organisations(
        authority("ADASS (the Association of Directors of Adult Social Services) met.")
    )
    assert body.key.endswith("adult social service")


def test_every_candidate_kind_belongs_to_its_category() -> None:
    # On every corpus page: an initiative has an initiative kind, an organisation a body's.
    for page in sorted(CORPUS.glob("*.txt")):
        _, found = scan(parse_file(page))
        for candidate in found:
            expected = (
                InitiativeKind if candidate.category.value == "initiative" else OrganisationKind
            )
            assert isinstance(candidate.kind, expected), (page.name, candidate.text)


def test_a_guessed_initiative_named_elsewhere_as_a_body_is_that_body() -> None:
    parsed = authority(
        "The local authority commissioned Carers First to run assessments. "
        "Carers told us Carers First had helped them."
    )
    assert extract_initiatives(parsed) == ()
    (body,) = extract_organisations(parsed)
    assert (body.name, len(body.mentions)) == ("Carers First", 2)
