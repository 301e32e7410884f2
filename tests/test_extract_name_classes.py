"""Classes of names the Title Case and lexicon rules read, each table by examples of its own.

Each test builds its sentences from a lexicon table, so that every entry of the table is
exercised (a word added to a table is tested without a test being written for it), and
checks what the whole extraction returns: names and whether each is a body or an initiative.
"""

from __future__ import annotations

import pytest

from cqcmodel import Authority, Finding, QualityStatement, Score
from cqcmodel.extract import OrganisationKind, extract_initiatives, extract_organisations
from cqcmodel.extract import _lexicon as lexicon


def authority(*paragraphs: str) -> Authority:
    """An authority whose partnerships statement has one finding per paragraph."""
    statement = QualityStatement(
        title="Partnerships and communities",
        score=Score(3),
        findings=tuple(Finding(text=paragraph) for paragraph in paragraphs),
    )
    return Authority(name="Sunderland City Council", statements=(statement,))


def names(text: str) -> tuple[list[str], list[str]]:
    """The initiatives' and the organisations' names extracted from one finding."""
    parsed = authority(text)
    return (
        [item.name for item in extract_initiatives(parsed)],
        [item.name for item in extract_organisations(parsed)],
    )


@pytest.mark.parametrize(("before", "after"), lexicon.SINGLE_NAME_CUES)
def test_each_single_name_cue_makes_one_word_a_body(before: str, after: str) -> None:
    phrase = " ".join(filter(None, ["It was said that", before, "Refuge", after, "help people."]))
    assert names(phrase) == ([], ["Refuge"])


def test_a_single_word_without_a_cue_is_no_name() -> None:
    assert names("It was said that Refuge could help people.") == ([], [])
    # An acronym that tells us is the team it abbreviates, not a body.
    assert names("Staff in the MASH told us so.") == ([], [])


@pytest.mark.parametrize("noun", sorted(lexicon.ORGANISATION_NOUNS))
def test_an_organisation_noun_before_a_name_makes_it_that_kind_of_body(noun: str) -> None:
    parsed = authority(f"It was run by the {noun} Turning Point in the city.")
    (body,) = extract_organisations(parsed)
    assert (body.name, body.kind) == ("Turning Point", lexicon.ORGANISATION_NOUNS[noun])


@pytest.mark.parametrize("verb", sorted(lexicon.ORGANISATION_CUES_AFTER))
def test_a_verb_of_a_body_after_a_name_makes_it_a_body(verb: str) -> None:
    assert names(f"Partners said Gloucestershire Young Carers {verb} it.") == (
        [],
        ["Gloucestershire Young Carers"],
    )


@pytest.mark.parametrize(("tail", "kind"), lexicon.ORGANISATION_TAILS)
def test_each_tail_ends_a_body_s_name(tail: tuple[str, ...], kind: OrganisationKind) -> None:
    name = "Kent " + " ".join(word.title() if word != "and" else word for word in tail)
    (body,) = extract_organisations(authority(f"Leaders met {name} last year."))
    assert (body.name, body.kind) == (name, kind)


@pytest.mark.parametrize("noun", sorted(lexicon.ORGANISATION_HEADS_OF))
def test_a_body_s_noun_before_of_names_a_body(noun: str) -> None:
    name = f"Kent {noun.title()} of Disabled People"
    (body,) = extract_organisations(authority(f"Leaders met the {name} last year."))
    assert (body.name, body.kind) == (name, lexicon.ORGANISATION_HEADS_OF[noun])


@pytest.mark.parametrize(
    "ending", ["cvs", "cva", "uk", "cic", "plc", "hospice", "federation", "ltd", "limited"]
)
def test_new_endings_end_a_body_s_name(ending: str) -> None:
    written = ending.upper() if ending in {"cvs", "cva", "uk", "cic", "plc"} else ending.title()
    assert names(f"Staff met Salford {written} last week.")[1] == [f"Salford {written}"]


@pytest.mark.parametrize("body", sorted(lexicon.BRANCHED_BODIES))
def test_a_branch_with_a_link_word_is_the_body_s_branch(body: str) -> None:
    for link in sorted(lexicon.BRANCH_LINKS):
        found = extract_organisations(authority(f"Staff from {body} {link} Bexley ran a group."))
        assert [item.name for item in found] == [f"{body} {link} Bexley"]


@pytest.mark.parametrize("body", sorted(lexicon.BRANCHED_BODIES))
def test_a_branch_names_its_place_once(body: str) -> None:
    text = f"People got help from {body} Sheffield and Disability Sheffield, a charity."
    assert names(text)[1] == [f"{body} Sheffield", "Disability Sheffield"]


def test_a_place_word_that_is_an_initiative_noun_ends_no_branch() -> None:
    assert names("Staff at the Age UK Day Centre helped.") == (["Age UK Day Centre"], [])


@pytest.mark.parametrize("name", sorted(lexicon.REGIONAL_BODIES))
def test_a_region_before_a_national_body_is_its_regional_branch(name: str) -> None:
    acronym = next(acr for body, acr, _ in lexicon.NATIONAL_BODIES if body == name)
    assert acronym is not None
    for written in (name, acronym):
        found = extract_organisations(authority(f"Leaders from the West Midlands {written} met."))
        assert [item.name for item in found] == [f"West Midlands {written}"]
        assert found[0].kind is OrganisationKind.NATIONAL_BODY


@pytest.mark.parametrize("word", sorted(lexicon.PREFIX_BODY_WORDS))
def test_places_coordinated_after_a_prefix_stay_in_one_name(word: str) -> None:
    prefix = word.upper() if word == "nhs" else word.title()
    one = f"{prefix} Coventry and Warwickshire Integrated Care Board"
    assert names(f"It kept a register with {one}.")[1] == [one]
    # A right part with a prefix of its own is a name of its own.
    two = f"{prefix} Devon and Royal Devon {prefix} Foundation Trust"
    assert names(f"It worked with {two}.")[1] == [
        f"{prefix} Devon",
        f"Royal Devon {prefix} Foundation Trust",
    ]


@pytest.mark.parametrize("link", sorted(lexicon.LINK_WORDS))
def test_a_link_word_before_a_body_splits_two_names(link: str) -> None:
    assert names(f"It set up the Personal Assistant Register {link} Northumberland CVA.") == (
        ["Personal Assistant Register"],
        ["Northumberland CVA"],
    )
    # Before a headed name that is no body, the run stays one name.
    assert names(f"It ran the Accommodation {link} Care Programme.")[0] == [
        f"Accommodation {link} Care Programme"
    ]


@pytest.mark.parametrize("word", sorted(lexicon.NUMBERED_WORDS))
def test_a_number_after_a_numbered_word_stays_in_the_name(word: str) -> None:
    name = f"{word.title()} 2 Partnership Agreement"
    assert names(f"Care was bought through the {name} in 2023.")[0] == [name]


COORDINATIONS = [
    # An "and" before a repeated word joins two names.
    (
        "It worked with Age UK Lewisham and Southwark and Southwark Pensioners Centre.",
        [],
        ["Age UK Lewisham and Southwark", "Southwark Pensioners Centre"],
    ),
    # After a job title.
    (
        "Leaders said the Principal Social Worker and the Quality Assurance Group led it.",
        ["Quality Assurance Group"],
        [],
    ),
    # Before a national body of the lexicon, or "and the" before a name.
    (
        "Advocacy was delivered by Cloverleaf Advocacy and Age UK Sheffield.",
        [],
        ["Cloverleaf Advocacy", "Age UK Sheffield"],
    ),
    (
        "Carers were supported by Sheffield Young Carers and the Carers Centre.",
        [],
        ["Sheffield Young Carers", "Carers Centre"],
    ),
    # A national body, a programme or a mixed-case brand is a name by itself.
    ("It worked with Mind and Carers Trust.", [], ["Mind", "Carers Trust"]),
    # (a lexicon programme with a trailing noun takes the programme's name)
    (
        "The Home First and Discharge to Assess pathways worked.",
        ["Home First", "Discharge to Assess"],
        [],
    ),
    ("Advocacy came from POhWER and Cambridge House.", [], ["POhWER", "Cambridge House"]),
    # Places coordinated inside one name stay in it.
    (
        "Staff from Lewisham and Greenwich NHS Trust and Guy’s and St Thomas’ NHS Foundation "
        "Trust attended.",
        [],
        ["Lewisham and Greenwich NHS Trust", "Guy’s and St Thomas’ NHS Foundation Trust"],
    ),
    (
        "Partners from NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care "
        "Board told us.",
        [],
        ["NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board"],
    ),
    (
        "It set up the Equality, Diversity and Inclusion Board.",
        ["Equality, Diversity and Inclusion Board"],
        [],
    ),
    # Lists of places or bodies before a comma stay apart.
    (
        "Partners included Healthwatch, Kent and Medway ICB.",
        [],
        ["Healthwatch", "Kent and Medway ICB"],
    ),
    ("In Barnet, Enfield and Haringey people waited.", [], []),
    # Fields joined by "and" are no name.
    ("Leaders from Adult Social Care and Public Health agreed.", [], []),
    ("The Mental Health and Learning Disabilities teams met.", [], []),
    ("People told us Monday to Friday services were limited.", [], []),
]


@pytest.mark.parametrize(("text", "initiatives", "organisations"), COORDINATIONS)
def test_coordinations_and_lists(
    text: str, initiatives: list[str], organisations: list[str]
) -> None:
    assert names(text) == (initiatives, organisations)


@pytest.mark.parametrize(
    ("text", "initiative"),
    [
        ("Young people were supported by the 0-25 Service.", "0-25 Service"),
        ("The 16+ Team helped.", "16+ Team"),
        ("People depended on the Onecall helpline at night.", "Onecall helpline"),
    ],
)
def test_age_ranges_and_helplines_belong_to_names(text: str, initiative: str) -> None:
    assert names(text) == ([initiative], [])


def test_brand_shapes() -> None:
    # Mixed case in a word of five letters or more: a brand, a body after a cue.
    assert names("Support was commissioned from VoiceAbility. Staff used LeDeR to learn.") == (
        ["LeDeR"],
        ["VoiceAbility"],
    )
    assert names("The DoLS team met.") == ([], [])
    # A hyphenated compound is no brand: the protocol keeps its words.
    assert names("The Self-Neglect and Hoarding Protocol was relaunched.") == (
        ["Self-Neglect and Hoarding Protocol"],
        [],
    )


@pytest.mark.parametrize("word", sorted(lexicon.DATE_WORDS))
def test_a_month_or_day_after_a_connector_is_no_part_of_a_name(word: str) -> None:
    assert names(f"Staff met Salford CVS on {word.title()}.") == ([], ["Salford CVS"])


@pytest.mark.parametrize("link", sorted(lexicon.ARTICLE_LINK_WORDS))
def test_a_link_word_with_an_article_splits_after_a_body(link: str) -> None:
    text = f"It paid Dorset HealthCare NHS Foundation Trust {link} the Intermediate Care Service."
    assert names(text) == (
        ["Intermediate Care Service"],
        ["Dorset HealthCare NHS Foundation Trust"],
    )
    # Without the article the words are one name.
    assert names(f"It paid Salford Council {link} Voluntary Service.") == (
        [],
        [f"Salford Council {link} Voluntary Service"],
    )


def test_a_strong_cue_makes_a_body_of_words_joined_by_and() -> None:
    text = "The local authority funded Locala Health and Wellbeing to run it."
    assert names(text) == ([], ["Locala Health and Wellbeing"])
    # Not places with "the" inside, nor a name that only speaks.
    assert names("People in the Forest of Dean and the Cotswolds said it was hard.") == ([], [])


def test_and_before_a_preposition_starts_another_phrase() -> None:
    text = "Care was provided by Gateshead Carers and by Bluebird Care, a care provider."
    assert names(text) == ([], ["Gateshead Carers", "Bluebird Care"])


@pytest.mark.parametrize("noun", ["Trust", "Hospital", "Charity", "Council", "Provider"])
def test_a_body_s_generic_noun_alone_names_none(noun: str) -> None:
    assert names(f"Partners told us the {noun} said it was busy.") == ([], [])


@pytest.mark.parametrize("body", sorted(lexicon.BRANCHED_BODIES))
def test_a_place_before_a_branched_body_is_its_branch(body: str) -> None:
    assert names(f"It worked with Hull and East Yorkshire {body}.")[1] == [
        f"Hull and East Yorkshire {body}"
    ]


def test_an_owner_s_lower_case_noun_is_no_name_and_the_owner_loses_its_possessive() -> None:
    assert names("It was provided by Hull City Council’s own team.") == ([], ["Hull City Council"])
    assert names("The Safeguarding Adults Board’s annual report was clear.") == (
        ["Safeguarding Adults Board"],
        [],
    )
    # A name that ends in a possessive keeps it.
    assert names("The local authority commissioned Barnardo’s to help.") == ([], ["Barnardo’s"])


@pytest.mark.parametrize(
    ("text", "organisations"),
    [
        (
            "Staff worked with Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust and "
            "Tees, Esk and Wear Valleys NHS Foundation Trust.",
            [
                "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust",
                "Tees, Esk and Wear Valleys NHS Foundation Trust",
            ],
        ),
        # A list of bodies is no list of places, a place named twice starts another name,
        # and a name listed after a body is a body.
        (
            "People were supported by Voluntary Action Sheffield, Sheffield Flourish and "
            "Sheffield Mind.",
            ["Voluntary Action Sheffield", "Sheffield Flourish", "Sheffield Mind"],
        ),
        # A single word inside a list, after a body, is a body; one that ends the list is not.
        (
            "The hub, run with HCRG Care Group, Curo and voluntary partners, helped.",
            ["HCRG Care Group", "Curo"],
        ),
        ("The hub was run with HCRG Care Group, Curo.", ["HCRG Care Group"]),
        # Places listed after a prefix word end in the body's head, not in the words after.
        (
            "It worked with NHS Leicester, Leicestershire and Rutland Integrated Care Board "
            "on the plan.",
            ["NHS Leicester, Leicestershire and Rutland Integrated Care Board"],
        ),
    ],
)
def test_listed_places_and_listed_bodies(text: str, organisations: list[str]) -> None:
    assert names(text)[1] == organisations


def test_a_field_named_twice_stays_in_one_name() -> None:
    assert names("The Mental Health and Mental Capacity Team met.") == (
        ["Mental Health and Mental Capacity Team"],
        [],
    )


@pytest.mark.parametrize("noun", ["Tool", "Register", "Directory", "Portal"])
def test_service_nouns_end_names(noun: str) -> None:
    text = f"People used the Online Care {noun} and the Care Cost Calculator."
    assert names(text) == ([f"Online Care {noun}", "Care Cost Calculator"], [])


def test_a_head_alone_before_to_starts_a_name() -> None:
    assert names("A Hospital to Home service helped people.") == (["Hospital to Home service"], [])


@pytest.mark.parametrize(
    ("text", "organisations"),
    [
        (
            "The local authority commissioned Ammerdown Care and Sunrise Homecare to help.",
            ["Ammerdown Care", "Sunrise Homecare"],
        ),
        (
            "Support came from Mental Health Matters and Turning Point.",
            ["Mental Health Matters", "Turning Point"],
        ),
        (
            "The local authority funded Locala Health and Wellbeing to run it.",
            ["Locala Health and Wellbeing"],
        ),
        # Inside a list of bodies either side of the "and" may be a single word, but no
        # plural (a group of people).
        (
            "Providers including Bluebird Care, Home Instead and Caremark told us so.",
            ["Bluebird Care", "Home Instead", "Caremark"],
        ),
        ("Partners, including Sense, Scope and RNIB, told us so.", ["Sense", "Scope", "RNIB"]),
        ("It worked with Age UK Kent, Carers and Families.", ["Age UK Kent"]),
        # A name that starts with the authority's own place is a body of its own.
        (
            "It had worked with Sense and Sunderland Vision to train staff.",
            ["Sense", "Sunderland Vision"],
        ),
        ("It had worked with Sense and Durham Vision to train staff.", ["Sense and Durham Vision"]),
    ],
)
def test_a_cue_names_two_bodies_joined_by_and(text: str, organisations: list[str]) -> None:
    assert names(text) == ([], organisations)


def _group_written(word: str) -> str:
    """A group word as a name writes it: "Carers", "Women", "LGBT", "People"."""
    if word.startswith("lgbt"):
        return word.upper()
    return word.title() if word in {"women", "men", "deaf", "people"} else f"{word.title()}s"


@pytest.mark.parametrize("word", sorted(lexicon.CENTRE_GROUPS))
def test_a_centre_named_for_a_group_of_people_is_a_charity(word: str) -> None:
    plural = _group_written(word)
    possessive = f"{plural}’" if plural.endswith("s") else f"{plural}’s"
    for written in (plural, possessive):
        name = f"Kent {written} Centre"
        (body,) = extract_organisations(authority(f"People were helped by {name} last year."))
        assert (body.name, body.kind) == (name, OrganisationKind.CHARITY)
    # A centre named for no group of people is a service.
    assert names("People called the Adults and Health Contact Centre.") == (
        ["Adults and Health Contact Centre"],
        [],
    )


@pytest.mark.parametrize("cue", lexicon.OWN_SERVICE_CUES)
def test_a_body_run_by_the_authority_is_its_own_service(cue: str) -> None:
    text = f"Carers were supported by the Kent Carers Centre, {cue}, and by Age UK Kent."
    assert names(text) == (["Kent Carers Centre"], ["Age UK Kent"])


@pytest.mark.parametrize("noun", sorted(lexicon.PLACE_NOUNS))
def test_a_noun_of_the_land_makes_a_place(noun: str) -> None:
    assert names(f"Lunch clubs ran in Firth {noun.title()} and in Leigh every week.") == ([], [])
    assert names(f"Staff also visited the {noun.title()} of Wight.") == ([], [])


@pytest.mark.parametrize("collective", sorted(lexicon.COLLECTIVE_NOUNS))
@pytest.mark.parametrize("members", sorted(lexicon.MEMBER_NOUNS))
def test_a_collective_of_bodies_in_an_apposition_is_a_body(collective: str, members: str) -> None:
    text = f"It said Herts Help, a {collective} of local {members}, ran a helpline."
    (body,) = extract_organisations(authority(text))
    assert (body.name, body.kind) == ("Herts Help", lexicon.MEMBER_NOUNS[members])
    # A collective of people says nothing of the name.
    assert names(f"It said Herts Help, a {collective} of local carers, ran a helpline.")[1] == []


@pytest.mark.parametrize("verb", sorted(lexicon.PREDICATE_VERBS))
def test_a_verb_after_a_name_ends_its_continuation(verb: str) -> None:
    text = f"Leaders said the Domestic Abuse Partnership Board {verb} local plans."
    assert names(text) == (["Domestic Abuse Partnership Board"], [])


@pytest.mark.parametrize(
    ("text", "initiative"),
    [
        (
            "The Adult Social Care Equality, Diversity and Inclusion Strategy was published.",
            "Adult Social Care Equality, Diversity and Inclusion Strategy",
        ),
        (
            "It reported to the Health, Adults and Community Scrutiny Sub-Committee.",
            "Health, Adults and Community Scrutiny Sub-Committee",
        ),
        ("The Learning Disability Sub-Group met monthly.", "Learning Disability Sub-Group"),
        (
            "It was reviewed in the Older People’s Housing, Accommodation and Support Strategy.",
            "Older People’s Housing, Accommodation and Support Strategy",
        ),
    ],
)
def test_fields_listed_after_a_department_and_sub_bodies(text: str, initiative: str) -> None:
    assert names(text) == ([initiative], [])


def test_a_digit_inside_a_word_is_a_brand_s_shape() -> None:
    text = "Home First helped people home, and Step2Home offered short stays."
    assert names(text) == (["Home First", "Step2Home"], [])
    # After "and" without a comma the brand is listed with bodies.
    assert names("It said Mencap and SAYiT told us so.")[1] == ["Mencap", "SAYiT"]


@pytest.mark.parametrize("particle", sorted(lexicon.PHRASAL_PARTICLES))
def test_a_capitalised_particle_after_an_ing_word_stays_in_the_name(particle: str) -> None:
    name = f"Moving {particle.title()} programme"
    assert names(f"Staff said the {name} had helped 11 people.") == ([name], [])
    # Elsewhere a capitalised connector at the end of a run is no part of the name.
    assert names(f"Staff said the Kent Carers {particle.title()} had helped.")[0] == ["Kent Carers"]


@pytest.mark.parametrize("word", sorted(lexicon.COMPANY_GROUP_WORDS))
def test_a_care_or_housing_group_is_a_company(word: str) -> None:
    name = f"HCRG {word.title()} Group"
    (body,) = extract_organisations(authority(f"Services were run with {name} last year."))
    assert (body.name, body.kind) == (name, OrganisationKind.OTHER)


@pytest.mark.parametrize("field", sorted(lexicon.CARE_FIELDS))
def test_a_field_of_care_before_a_care_group_makes_a_group(field: str) -> None:
    name = f"Kent {field.title()} Care Group"
    assert names(f"Plans were agreed at the {name} last year.") == ([name], [])


@pytest.mark.parametrize("noun", sorted(lexicon.ORGANISATION_NOUNS))
def test_a_first_word_apposed_to_an_organisation_noun_is_a_body(noun: str) -> None:
    (body,) = extract_organisations(authority(f"Vista, a local {noun}, told us so."))
    assert (body.name, body.kind) == ("Vista", lexicon.ORGANISATION_NOUNS[noun])


@pytest.mark.parametrize(
    "word",
    sorted(
        word.title()
        for word in lexicon.SENTENCE_STARTERS | lexicon.SENTENCE_ADVERBS
        if word.isalpha()
    ),
)
def test_a_sentence_starter_apposed_names_nothing(word: str) -> None:
    assert names(f"{word}, the team, which met weekly, helped people.") == ([], [])
    assert names(f"{word}, the provider, told us so.") == ([], [])


@pytest.mark.parametrize("cue", lexicon.LISTING_CUES)
@pytest.mark.parametrize("noun", sorted(lexicon.LISTED_BODY_NOUNS))
def test_a_word_listed_after_a_plural_noun_of_bodies_is_a_body(noun: str, cue: str) -> None:
    for text in (f"Local {noun}, {cue} Peabody, told us so.", f"{noun.title()} {cue} Peabody met."):
        (body,) = extract_organisations(authority(text))
        assert (body.name, body.kind) == ("Peabody", lexicon.LISTED_BODY_NOUNS[noun])
    # A list of people's groups names no body.
    assert names(f"Some people, {cue} Peabody, told us so.") == ([], [])


@pytest.mark.parametrize("word", sorted(lexicon.FORUM_GROUPS))
def test_a_forum_of_a_group_of_people_in_the_possessive_is_a_charity(word: str) -> None:
    plural = _group_written(word)
    possessive = f"{plural}’" if plural.endswith("s") else f"{plural}’s"
    name = f"Kent Older {possessive} Forum"
    (body,) = extract_organisations(authority(f"It was co-produced with the {name} last year."))
    assert (body.name, body.kind) == (name, OrganisationKind.CHARITY)
    # Without the possessive, or named for no group of people, a forum is the partnership's.
    for forum in (f"Kent {plural} Forum", "Kent Provider Forum"):
        assert names(f"It was co-produced with the {forum} last year.") == ([forum], [])


@pytest.mark.parametrize("saint", sorted(word.title() for word in lexicon.SAINT_WORDS))
def test_a_saint_s_name_in_the_possessive_is_a_body_and_without_it_a_place(saint: str) -> None:
    text = f"It worked with {saint} Mungo’s and Lewisham and Greenwich NHS Trust on it."
    assert names(text) == ([], [f"{saint} Mungo’s", "Lewisham and Greenwich NHS Trust"])
    assert names(f"Lunch clubs ran in {saint} Helens and in {saint} Albans.") == ([], [])
    # A plural's apostrophe inside a longer name keeps the name whole.
    text = f"Concerns came from Guy’s and {saint} Thomas’ NHS Foundation Trust."
    assert names(text) == ([], [f"Guy’s and {saint} Thomas’ NHS Foundation Trust"])


@pytest.mark.parametrize(("ending", "kind"), sorted(lexicon.LOCAL_UNDERTAKING_ENDINGS.items()))
def test_a_national_body_s_ending_after_the_authority_s_place_is_its_undertaking(
    ending: str, kind: str
) -> None:
    name = f"Sunderland Race Equality {ending.title()}"
    text = f"It followed the {name}. Leaders said the Race Equality {ending.title()} helped."
    (initiative,) = extract_initiatives(authority(text))
    assert (initiative.name, initiative.kind) == (name, kind)
    assert extract_organisations(authority(text)) == ()
    # After another place, or none, it is a body.
    other = f"It followed the Durham Race Equality {ending.title()}."
    assert names(other) == ([], [f"Durham Race Equality {ending.title()}"])


@pytest.mark.parametrize("body", sorted(lexicon.BRANCHED_BODIES))
def test_a_branch_s_possessive_is_no_part_of_its_name(body: str) -> None:
    for apostrophe in "’'":
        assert names(f"Leaders read {body} Kent{apostrophe}s survey.")[1] == [f"{body} Kent"]


def test_a_possessive_ending_a_longer_name_is_its_owner_s() -> None:
    text = "The survey was run by Voluntary Action Sheffield’s research team."
    assert names(text) == ([], ["Voluntary Action Sheffield"])
    # The owner's noun is no continuation of its name.
    assert names("Staff joined Voluntary Action Sheffield’s team.") == (
        ["Voluntary Action Sheffield"],
        [],
    )
    # One word, or a saint's name, keeps its possessive.
    assert names("It worked with St Mungo’s outreach team.") == ([], ["St Mungo’s"])


@pytest.mark.parametrize("head", sorted(lexicon.BODY_LIKE_HEADS))
def test_a_body_like_head_is_a_body_only_after_a_strong_cue(head: str) -> None:
    name = f"Kent Resource {head.title()}"
    assert names(f"It funded {name} to give advice.") == ([], [name])
    assert names(f"Partners, Healthwatch Kent and the {name} told us so.")[1][-1] == name
    assert names(f"People used the {name} for advice.") == ([name], [])


@pytest.mark.parametrize("prefix", sorted(lexicon.PLACE_PREFIXES))
def test_a_place_prefix_makes_a_place(prefix: str) -> None:
    place = f"{prefix.title()} Durham"
    assert names(f"People moving out of {place} were supported.") == ([], [])
    assert names(f"It worked with {place} and Darlington NHS Foundation Trust.") == (
        [],
        [f"{place} and Darlington NHS Foundation Trust"],
    )


@pytest.mark.parametrize(
    ("text", "initiatives", "bodies"),
    [
        # Coordination: after "and the", a body by its own head is a name of its own, and
        # a name without a head joined to a body is a body.
        (
            "Vista and the Leicester Royal Infirmary NHS Trust trained staff.",
            [],
            ["Vista", "Leicester Royal Infirmary NHS Trust"],
        ),
        (
            "It was agreed with LPT and the East Midlands Ambulance Service NHS Trust.",
            [],
            ["LPT", "East Midlands Ambulance Service NHS Trust"],
        ),
        (
            "It worked with Homes Together and Northway Housing Trust.",
            [],
            ["Homes Together", "Northway Housing Trust"],
        ),
        (
            "Staff worked with Sheffield Health and Social Care NHS Foundation Trust.",
            [],
            ["Sheffield Health and Social Care NHS Foundation Trust"],
        ),
        (
            "It worked with NHS Cornwall and the Isles of Scilly Integrated Care Board.",
            [],
            ["NHS Cornwall and the Isles of Scilly Integrated Care Board"],
        ),
        # A possessive after a name of its own splits owner from owned.
        (
            "It was set out in the Safeguarding Adults Board’s Prevention Plan.",
            ["Safeguarding Adults Board", "Prevention Plan"],
            [],
        ),
        ("People used Barnardo’s Family Hub.", ["Barnardo’s Family Hub"], []),
        # A link word and "the" between two names.
        (
            "It worked with Hope Housing on the Warm Places project.",
            ["Warm Places project"],
            ["Hope Housing"],
        ),
        # Every member of a list of bodies is a body.
        (
            "It worked with providers including The Bridge, Anchor and Crisis on it.",
            [],
            ["The Bridge", "Anchor", "Crisis"],
        ),
        # A name ending in "Organisation" is a body, whatever an apposition says.
        (
            "Care was delivered through Leeds Local Care Organisation (LLCO), a partnership.",
            [],
            ["Leeds Local Care Organisation"],
        ),
        # Groups of people joined by "and" before "Centre" name a charity, as one does;
        # fields do not.
        (
            "People were helped by the Leeds Refugee and Migrant Centre.",
            [],
            ["Leeds Refugee and Migrant Centre"],
        ),
        ("People used the Health and Wellbeing Centre.", ["Health and Wellbeing Centre"], []),
        # People's voices carried through bodies: either side of the "and" is one.
        (
            "Carers told us, through Speak Up Leeds and Hope Together Kent, that it helped.",
            [],
            ["Speak Up Leeds", "Hope Together Kent"],
        ),
        # The authority's own place after a head noun is part of the name (Sunderland's
        # report); another place is not.
        ("Carers used Carers Hub Sunderland daily.", ["Carers Hub Sunderland"], []),
        ("Carers used Carers Hub Durham daily.", ["Carers Hub"], []),
        # A branched body is written in the singular: its plural names no branch.
        ("People used the Happy Minds partnership.", ["Happy Minds partnership"], []),
        ("People were helped by Leeds Mind.", [], ["Leeds Mind"]),
        # A partnership's members listed after "which included" are bodies; the
        # authority's place, "and" and one word are places inside one name.
        (
            "The Advice Partnership, which included Speak Up Kent and Hope Together Leeds, met.",
            ["Advice Partnership"],
            ["Speak Up Kent", "Hope Together Leeds"],
        ),
        (
            "It worked with partners including Age UK Sunderland and Grapevine Sunderland and"
            " Durham on it.",
            [],
            ["Age UK Sunderland", "Grapevine Sunderland and Durham"],
        ),
        (
            "It worked with partners including Grapevine Leeds and Durham on it.",
            [],
            ["Grapevine Leeds", "Durham"],
        ),
        # An apposition naming an association.
        (
            "It worked with Bridgeway, the largest housing association in the city.",
            [],
            ["Bridgeway"],
        ),
        # A long form without a head reads the body cues; one with a body-like head the
        # strong ones.
        (
            "It worked with Leeds Community and Voluntary Action (LCVA) on grants.",
            [],
            ["Leeds Community and Voluntary Action"],
        ),
        ("It funded Hull Octopus Project (HOP) to help groups.", [], ["Hull Octopus Project"]),
        ("People used the Hull Octopus Project (HOP) for help.", ["Hull Octopus Project"], []),
    ],
)
def test_names_by_coordination_possession_links_and_lists(
    text: str, initiatives: list[str], bodies: list[str]
) -> None:
    assert names(text) == (initiatives, bodies)
