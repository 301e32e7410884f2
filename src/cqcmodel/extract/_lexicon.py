"""The vocabulary extraction rules read: name-ending nouns, job titles, stop words, bodies."""

from __future__ import annotations

from typing import Final

from .kinds import InitiativeKind, OrganisationKind, Voice


def _words(text: str) -> frozenset[str]:
    """The words of ``text``, split at white space: a word list written as running text."""
    return frozenset(text.split())


def _kinds(*groups: tuple[OrganisationKind, str]) -> dict[str, OrganisationKind]:
    """Words and the kind each gives, written as (kind, the words that give it)."""
    return {word: kind for kind, words in groups for word in words.split()}


#: Nouns that end the name of an initiative, with the kind they give (singular, lower case).
INITIATIVE_HEADS: Final[dict[str, InitiativeKind]] = {
    "service": InitiativeKind.SERVICE,
    "helpline": InitiativeKind.SERVICE,
    "directory": InitiativeKind.SERVICE,
    "portal": InitiativeKind.SERVICE,
    "register": InitiativeKind.SERVICE,
    "tool": InitiativeKind.SERVICE,
    "direct": InitiativeKind.SERVICE,
    "centre": InitiativeKind.SERVICE,
    "center": InitiativeKind.SERVICE,
    "team": InitiativeKind.TEAM,
    "hub": InitiativeKind.HUB,
    "board": InitiativeKind.BOARD,
    "group": InitiativeKind.GROUP,
    "forum": InitiativeKind.GROUP,
    "committee": InitiativeKind.GROUP,
    "sub-committee": InitiativeKind.GROUP,
    "subcommittee": InitiativeKind.GROUP,
    "sub-group": InitiativeKind.GROUP,
    "subgroup": InitiativeKind.GROUP,
    "panel": InitiativeKind.GROUP,
    "network": InitiativeKind.GROUP,
    "partnership": InitiativeKind.PARTNERSHIP,
    "alliance": InitiativeKind.PARTNERSHIP,
    "collaborative": InitiativeKind.PARTNERSHIP,
    "fund": InitiativeKind.FUND,
    "funding": InitiativeKind.FUND,
    "grant": InitiativeKind.FUND,
    "budget": InitiativeKind.FUND,
    "strategy": InitiativeKind.STRATEGY,
    "statement": InitiativeKind.STRATEGY,
    "plan": InitiativeKind.PLAN,
    "agreement": InitiativeKind.AGREEMENT,
    "protocol": InitiativeKind.AGREEMENT,
    "charter": InitiativeKind.AGREEMENT,
    "programme": InitiativeKind.PROGRAMME,
    "program": InitiativeKind.PROGRAMME,
    "project": InitiativeKind.PROGRAMME,
    "initiative": InitiativeKind.PROGRAMME,
    "scheme": InitiativeKind.PROGRAMME,
    "campaign": InitiativeKind.PROGRAMME,
    "pilot": InitiativeKind.PROGRAMME,
    "academy": InitiativeKind.PROGRAMME,
    "model": InitiativeKind.MODEL,
    "pathway": InitiativeKind.MODEL,
    "framework": InitiativeKind.MODEL,
    "event": InitiativeKind.EVENT,
    "conference": InitiativeKind.EVENT,
    "festival": InitiativeKind.EVENT,
    "week": InitiativeKind.EVENT,
    "day": InitiativeKind.EVENT,
    "café": InitiativeKind.EVENT,
    "cafe": InitiativeKind.EVENT,
}

#: Nouns that tell an initiative's kind when they follow or end its name, but make no name.
KIND_HINTS: Final[dict[str, InitiativeKind]] = {
    **INITIATIVE_HEADS,
    "line": InitiativeKind.SERVICE,
    "direct": InitiativeKind.SERVICE,
    "website": InitiativeKind.SERVICE,
    "app": InitiativeKind.SERVICE,
    "offer": InitiativeKind.SERVICE,
    "vision": InitiativeKind.STRATEGY,
    "policy": InitiativeKind.STRATEGY,
    "approach": InitiativeKind.MODEL,
    "training": InitiativeKind.PROGRAMME,
}

#: Lower-case nouns that may end a name continued after its capitalised words
#: ("Home First model", "Integrated Neighbourhood teams").
EXTENSION_HEADS: Final = _words(
    """
    service helpline team hub board group forum committee panel partnership fund funding
    grant strategy plan agreement programme project initiative scheme campaign pilot
    model pathway event café cafe
    """
)

#: Trailing nouns that may be dropped to name the same thing ("Home First model" is Home First).
WEAK_HEADS: Final = frozenset(
    {"service", "model", "scheme", "approach", "programme", "initiative", "project", "website"}
)

#: Nouns naming a person's role: a name ending in one is a job title, not an initiative.
PERSON_HEADS: Final = _words(
    """
    worker officer director manager lead leader head chair chairperson member therapist
    practitioner coordinator co-ordinator assessor advocate nurse councillor ambassador
    champion navigator broker consultant executive secretary minister commissioner
    adviser advisor administrator assistant professional clinician doctor psychologist
    psychiatrist mayor portfolio
    """
)

#: Last words of names defined with an acronym that are not initiatives (laws, surveys,
#: reviews, measures, groups of people, conditions).
NOT_INITIATIVE_HEADS: Final = _words(
    """
    act survey safeguard review enquiry indicator duty regulation code order payment
    disability assessment framework sector need condition disorder people person adult
    child children standard ethnic system measure
    """
)

#: Names that are generic even with a capital or an acronym (name keys).
GENERIC_NAMES: Final = frozenset(
    {
        "multi disciplinary team",
        "multidisciplinary team",
        "multi agency team",
        "front door",
        "single point of contact",
        "local authority",
        "adult social care outcome framework",
        "quality statement",
    }
)

#: Departments and fields: capitalised, but with a lower-case noun after them still generic
#: ("the Adult Social Care team").
GENERIC_DEPARTMENTS: Final = frozenset(
    {
        "adult social care",
        "adult social care and health",
        "care and support",
        "social care",
        "adult social service",
        "social service",
        "adult service",
        "adult care",
        "public health",
        "health",
        "care",
        "mental health",
        "housing",
        "adults and health",
        "children's service",
        "commissioning",
        "safeguarding",
        "reablement",
        "community health",
        "learning disability",
        "occupational therapy",
        "social work",
        "primary care",
        "council",
        "borough",
        "local authority",
        "care act",
    }
)

#: Capitalised single words that never start a name continued in lower case ("Asian community
#: groups", "Covid funding", "May plan").
#: Months and days: after a connector at the end of a run they date it ("Healthwatch Kent
#: in March"), and are no part of the name.
DATE_WORDS: Final = _words(
    """
    january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday
    """
)

NOT_NAME_WORDS: Final = DATE_WORDS | _words(
    """
    asian black white british english european african caribbean irish polish somali
    bangladeshi pakistani indian chinese muslim jewish christian hindu sikh roma gypsy
    traveller covid
    covid-19 nhs gp borough council care health adult social local national government i
    """
)

#: Acronyms too general to name anything by themselves or with a noun after them.
GENERIC_ACRONYMS: Final = _words(
    """
    NHS GP GPs OT OTs UK VCSE VCFSE VCS ASC LA LAs CQC ICS MDT AMHP AMHPs DoLS LPS SAR
    SARs PSW SEN SEND KPI KPIs DASS IT A&E BAME LGBTQ LGBTQ+
    """
)

#: Capitalised words that start a sentence without starting a name.
SENTENCE_STARTERS: Final = _words(
    """
    the a an this that these those there their its it in on at for from with by as when
    where while whilst although however further furthermore additionally also some many
    most all each every one two three other others overall since during following
    through our we they he she staff leaders partners providers people data recent
    current new both several despite after before under within across if to and but or
    not no local national key senior frontline commissioned joint feedback similarly
    previously currently recently together once until because nevertheless therefore
    unpaid instead meanwhile likewise thus hence indeed otherwise elsewhere nonetheless
    moreover yet
    """
)

#: Words that open a sentence before a comma without naming anything ("Here, the provider,
#: …", "First, the team, …"): no first word apposed (they may start names elsewhere: "Here
#: to Help", "First Contact Team").
SENTENCE_ADVERBS: Final = _words(
    """
    here now today then again first second third fourth next finally lastly later earlier
    still so
    """
)

#: Verbs that follow a name as what it does: they end a name's lower-case continuation ("the
#: Partnership Board oversaw local plans" names the board, not "… oversaw local plans").
PREDICATE_VERBS: Final = _words(
    """
    oversaw oversees oversee led leads met meets ran runs agreed agrees approved approves
    reviewed reviews published publishes developed develops set sets monitored monitors
    held holds provided provides offered offers supported supports worked works included
    includes told tells said says reported reports funded funds commissioned commissions
    delivered delivers helped helps
    """
)

#: Lower-case words that never belong to a name's lower-case continuation.
STOP_WORDS: Final = _words(
    """
    a an the and or but of for to with by in on at from as into about across through
    within between under over after before was were is are be been being had has have
    did does do would could should will can may might must which who whom whose that
    this these those their its they it them not also all both such more most other there
    where when while so than then
    """
)

#: Words that may join capitalised words inside one name ("Health and Wellbeing Board").
CONNECTORS: Final = frozenset(
    {"and", "&", "of", "for", "with", "the", "in", "on", "to", "by", "at"}
)

#: Connectors that, capitalised after a verb's "-ing", end a name as its particle: "the
#: Moving On programme", "Living With dementia"; elsewhere a connector ends no name.
PHRASAL_PARTICLES: Final = frozenset({"on", "in", "to", "with", "by", "at"})

#: National bodies and large charities named in reports, as (name, acronym, kind).
NATIONAL_BODIES: Final[tuple[tuple[str, str | None, OrganisationKind], ...]] = (
    ("Association of Directors of Adult Social Services", "ADASS", OrganisationKind.NATIONAL_BODY),
    ("Local Government Association", "LGA", OrganisationKind.NATIONAL_BODY),
    ("NHS England", None, OrganisationKind.NATIONAL_BODY),
    ("Department of Health and Social Care", "DHSC", OrganisationKind.NATIONAL_BODY),
    ("Care Quality Commission", "CQC", OrganisationKind.NATIONAL_BODY),
    ("Skills for Care", None, OrganisationKind.NATIONAL_BODY),
    ("Social Care Institute for Excellence", "SCIE", OrganisationKind.NATIONAL_BODY),
    ("National Institute for Health and Care Excellence", "NICE", OrganisationKind.NATIONAL_BODY),
    ("Think Local Act Personal", "TLAP", OrganisationKind.NATIONAL_BODY),
    ("Partners in Care and Health", "PCH", OrganisationKind.NATIONAL_BODY),
    ("UK Health Security Agency", "UKHSA", OrganisationKind.NATIONAL_BODY),
    ("Office for Health Improvement and Disparities", "OHID", OrganisationKind.NATIONAL_BODY),
    ("Local Government and Social Care Ombudsman", "LGSCO", OrganisationKind.NATIONAL_BODY),
    ("Department for Work and Pensions", "DWP", OrganisationKind.NATIONAL_BODY),
    ("Home Office", None, OrganisationKind.NATIONAL_BODY),
    ("Ofsted", None, OrganisationKind.NATIONAL_BODY),
    ("Healthwatch England", None, OrganisationKind.HEALTHWATCH),
    ("Healthwatch", None, OrganisationKind.HEALTHWATCH),
    ("Mind", None, OrganisationKind.CHARITY),
    ("Age UK", None, OrganisationKind.CHARITY),
    ("Carers UK", None, OrganisationKind.CHARITY),
    ("Citizens Advice", None, OrganisationKind.CHARITY),
    ("Mencap", None, OrganisationKind.CHARITY),
    ("Macmillan", None, OrganisationKind.CHARITY),
    ("Samaritans", None, OrganisationKind.CHARITY),
    ("British Red Cross", None, OrganisationKind.CHARITY),
    ("Salvation Army", None, OrganisationKind.CHARITY),
    ("Carers Trust", None, OrganisationKind.CHARITY),
)


#: Named national programmes and funds that count as initiatives wherever they are mentioned,
#: as (name, kind, variants): each variant (another spelling, an "-ing" form, a plural or a
#: descriptive form as reports write it) names the same programme and takes its name.
NATIONAL_PROGRAMMES: Final[tuple[tuple[str, InitiativeKind, tuple[str, ...]], ...]] = (
    ("Better Care Fund", InitiativeKind.FUND, ("Better Care Funding",)),
    ("Home First", InitiativeKind.MODEL, ()),
    ("Discharge to Assess", InitiativeKind.MODEL, ()),
    ("Disabled Facilities Grant", InitiativeKind.FUND, ()),
    ("Market Sustainability and Improvement Fund", InitiativeKind.FUND, ()),
    ("Hospital Discharge Fund", InitiativeKind.FUND, ()),
    ("Accelerating Reform Fund", InitiativeKind.FUND, ()),
    ("Shared Lives", InitiativeKind.SERVICE, ()),
    ("Making Safeguarding Personal", InitiativeKind.PROGRAMME, ()),
    ("Oliver McGowan Mandatory Training", InitiativeKind.PROGRAMME, ()),
    ("Transforming Care", InitiativeKind.PROGRAMME, ()),
    ("Improved Better Care Fund", InitiativeKind.FUND, ()),
    ("Adult Social Care Discharge Fund", InitiativeKind.FUND, ()),
    ("Workforce Recruitment and Retention Fund", InitiativeKind.FUND, ()),
    ("Market Sustainability and Fair Cost of Care Fund", InitiativeKind.FUND, ()),
    ("Fair Cost of Care", InitiativeKind.PROGRAMME, ()),
    (
        "Three Conversations",
        InitiativeKind.MODEL,
        ("three-conversation approach", "three conversation approach", "3 conversations"),
    ),
    ("Trusted Assessor", InitiativeKind.MODEL, ()),
    ("Housing First", InitiativeKind.MODEL, ()),
    ("Making Every Contact Count", InitiativeKind.PROGRAMME, ()),
    ("NHS Health Check", InitiativeKind.PROGRAMME, ()),
    ("Homes for Ukraine", InitiativeKind.PROGRAMME, ()),
    ("Rough Sleeping Initiative", InitiativeKind.PROGRAMME, ()),
    ("Changing Futures", InitiativeKind.PROGRAMME, ()),
    ("Herbert Protocol", InitiativeKind.PROGRAMME, ()),
    ("Carers Week", InitiativeKind.EVENT, ()),
    ("Carers Rights Day", InitiativeKind.EVENT, ()),
    ("Dementia Action Week", InitiativeKind.EVENT, ()),
    ("Safeguarding Adults Week", InitiativeKind.EVENT, ()),
    ("Joint Strategic Needs Assessment", InitiativeKind.STRATEGY, ()),
)

#: The names of :data:`NATIONAL_BODIES`, as written.
NATIONAL_BODY_NAMES: Final = frozenset(name for name, _, _ in NATIONAL_BODIES)
#: The acronyms of :data:`NATIONAL_BODIES`.
NATIONAL_BODY_ACRONYMS: Final = frozenset(acronym for _, acronym, _ in NATIONAL_BODIES if acronym)

#: The names of :data:`NATIONAL_PROGRAMMES`, and those of the programmes and the bodies:
#: each names a thing by itself ("Home First and Discharge to Assess pathways" are two).
PROGRAMME_NAMES: Final = frozenset(name for name, _, _ in NATIONAL_PROGRAMMES)
NATIONAL_NAMES: Final = NATIONAL_BODY_NAMES | PROGRAMME_NAMES

#: Words that make a body of the places after them ("NHS Kent") and also start longer names
#: whose places are coordinated before their head ("NHS Coventry and Warwickshire Integrated
#: Care Board"): such a prefix alone does not end a name before an "and".
PREFIX_BODY_WORDS: Final = frozenset({"nhs"})

#: National bodies with local branches: place words after the name make a branch of its own
#: ("Age UK Lancashire", "Healthwatch Kent", "Carers Trust East Anglia").
BRANCHED_BODIES: Final = frozenset(
    {"Age UK", "Healthwatch", "Carers Trust", "Citizens Advice", "Mind", "Mencap", "Carers UK"}
)

#: Words that may join a branched body to its place: "Mind in Bexley".
BRANCH_LINKS: Final = frozenset({"in"})

#: National bodies with regional branches named by a region in front: "North West ADASS",
#: "the West Midlands Association of Directors of Adult Social Services".
REGIONAL_BODIES: Final = frozenset({"Association of Directors of Adult Social Services"})

#: Phrases that introduce a name just after them ("known as Step Down", "called ‘People
#: First’"); an optional adverb may sit between the verb and "as" ("referred to locally as").
NAMING_VERBS: Final = frozenset({"known", "referred to", "branded", "called", "named", "titled"})

#: Nouns of an apposition after a name that make it an organisation ("Hestia, a charity").
ORGANISATION_NOUNS: Final[dict[str, OrganisationKind]] = _kinds(
    (OrganisationKind.CHARITY, "charity organisation organization"),
    (OrganisationKind.OTHER, "provider company enterprise body landlord association"),
    (OrganisationKind.NHS_TRUST, "trust"),
)

#: Collective nouns of an apposition that "of" and the members they gather follow: "Herts
#: Help, a network of local charities" is a body when its members are bodies
#: (:data:`MEMBER_NOUNS`), whatever the collective noun would say alone.
COLLECTIVE_NOUNS: Final = _words(
    "network group consortium alliance partnership umbrella federation"
)

#: Plural nouns of members that make a collective of them a body, with the kind they give.
MEMBER_NOUNS: Final[dict[str, OrganisationKind]] = _kinds(
    (OrganisationKind.CHARITY, "charities"),
    (OrganisationKind.OTHER, "organisations organizations groups providers bodies"),
)

#: Plural nouns of bodies before a list, with the kind they give its members: "housing
#: partners, including Peabody, told us", "charities such as Vista" (after a word of
#: :data:`LISTING_CUES`) make a body even of a single word listed.
LISTED_BODY_NOUNS: Final[dict[str, OrganisationKind]] = _kinds(
    (OrganisationKind.CHARITY, "charities"),
    (
        OrganisationKind.OTHER,
        "organisations organizations providers bodies partners associations landlords agencies",
    ),
    # A partnership's or network's members are bodies too ("the Advice Partnership, which
    # included Citizens Advice, Coventry Law Centre and …").
    (OrganisationKind.OTHER, "partnership alliance network consortium"),
)

#: Words that start a list after a plural noun of :data:`LISTED_BODY_NOUNS`.
LISTING_CUES: Final = ("including", "such as", "which included", "which includes")

#: Phrases after a body's name that make it the assessed authority's own service: "the
#: Portsmouth Carers Centre, run by the local authority" is an undertaking, not a body.
OWN_SERVICE_CUES: Final = tuple(
    f"{verb} by the {owner}"
    for verb in ("run", "provided", "operated", "managed")
    for owner in ("local authority", "council")
)

#: Last words of national bodies' names that, after the assessed authority's own place,
#: name its undertaking, with the kind they give: "the Sheffield Race Equality Commission"
#: in Sheffield's report is a group of its own, not a national body.
LOCAL_UNDERTAKING_ENDINGS: Final[dict[str, InitiativeKind]] = {
    "commission": InitiativeKind.GROUP,
    "agency": InitiativeKind.SERVICE,
}

#: Words before "Group" that make a company of it ("HCRG Care Group", "Clarion Housing
#: Group"), unless a field of care comes before them (:data:`CARE_FIELDS`).
COMPANY_GROUP_WORDS: Final = _words("care housing healthcare")

#: Fields of care: "the Dementia Care Group", "the End of Life Care Group" are groups of
#: the partnership, not companies.
CARE_FIELDS: Final = _words(
    """
    dementia palliative integrated social primary intermediate respite community life
    continuing urgent emergency mental specialist supported extra personal day
    """
)

#: Words of a group of people that make a centre named for them a body: carers' and
#: pensioners' centres are mostly charities of their own ("Sheffield Carers Centre", "Asian
#: Women’s Resource Centre"). Read on the two words before "Centre", without a possessive.
CENTRE_GROUPS: Final = _words("carer pensioner women men deaf refugee veteran lgbt lgbtq lgbtqi")

#: Words of a group of people that make a forum named for them in the possessive their own
#: body: "Bristol Older People’s Forum", "Kent Carers’ Forum" (but "the Provider Forum", and
#: "the Carers Forum" without a possessive, are groups of the partnership).
FORUM_GROUPS: Final = CENTRE_GROUPS | {"people"}

#: Lower-case words just before an unheaded Title Case name that say it names a body
#: ("delivered by N-Compass", "commissioned Carers First to") or an undertaking ("through
#: Connect to Support Kent"). Read by the unheaded-name rule; no cue leaves the name out.
ORGANISATION_CUES_BEFORE: Final = frozenset(
    {"by", "commissioned", "with", "from", "and", "including", "funded"}
)

#: Phrases around a name without a head noun that make even a single word a body, as
#: (lower-case words just before it or "" for any, the word just after it or "" for any):
#: "commissioned Refuge to run …", "delivered by Refuge", "Refuge told us", "people told us,
#: through Refuge, that …" (a body that carries people's voices). An organisation
#: noun just before it ("the charity Refuge") does the same (:data:`ORGANISATION_NOUNS`).
SINGLE_NAME_CUES: Final[tuple[tuple[str, str], ...]] = (
    ("commissioned", "to"),
    ("funded", "to"),
    ("contracted", "to"),
    ("commissioned from", ""),
    ("delivered by", ""),
    ("provided by", ""),
    ("run by", ""),
    ("in partnership with", ""),
    ("told us through", ""),
    ("told us, through", ""),
    ("", "told"),
    ("", "said"),
)

#: Initiative heads that end bodies' names as often as undertakings' ("Coventry Law Centre",
#: "Plymouth Octopus Project"): a name headed by one is a body where a strong cue of a body
#: says so (a verb of speech after it, "commissioned … to", "delivered by", a list of
#: bodies it is in), else an initiative.
BODY_LIKE_HEADS: Final = _words("centre center forum network project")

#: Words just after an unheaded name that make it a body speaking ("Carers Leeds told us").
ORGANISATION_CUES_AFTER: Final = _words(
    """
    told said reported explained described ran runs hosted hosts employed employs
    chaired chairs
    """
)

#: Compass and area words: a capitalised name that starts with one is a place ("East Kent").
COMPASS_WORDS: Final = frozenset(
    {"north", "south", "east", "west", "central", "mid", "greater", "inner", "outer", "upper"}
)

#: Nouns that start a place's name before the place ("County Durham"): like a compass
#: point, they make the words a place.
PLACE_PREFIXES: Final = frozenset({"county"})

#: Words a Title Case name without a head noun may not be made of alone: places, compass
#: points, nationalities and the like are capitalised without naming a body or undertaking.
NOT_UNHEADED_WORDS: Final = _words(
    """
    north south east west central greater inner outer england wales scotland london uk
    united kingdom borough city county census act survey covid covid-19 ward adult
    social care local authority principal senior
    """
)

#: Nouns of the land that make a capitalised name a place, last ("Firth Park") or first
#: before "of" ("Isles of Scilly"): no brand-like name of a body or an undertaking.
PLACE_NOUNS: Final = _words(
    """
    isle isles island islands park vale valley hill hills heath moor moors forest coast
    bay dale dales peak peaks estate village road street lane avenue square
    """
)

#: Words for a saint: a saint's name in the possessive, alone, names a body (a charity,
#: hospice or hospital: "St Mungo’s", "Saint Luke's"); without it, it names a place ("St
#: Helens", "St Albans").
SAINT_WORDS: Final = _words("st saint")

#: Words before "Trust" that make it an NHS trust rather than a charitable trust.
NHS_WORDS: Final = _words(
    """
    nhs foundation healthcare health hospital care partnership ambulance community
    mental university
    """
)

#: Last words of organisation names, after which "and" starts another name.
ORGANISATION_HEADS: Final = frozenset(
    {"trust", "council", "icb", "hospital", "police", "society", "charity", "association"}
)

#: Words that link two names rather than sit inside one, where a body or a headed name
#: follows them ("the Register with Northumberland CVA", "the University of Portsmouth on
#: the Research Partnership"); "of", "for", "in", "to" and "and" are read by other rules.
LINK_WORDS: Final = frozenset({"with", "on", "at", "by"})
#: Words that link two names only with an article after them: "the … NHS Foundation Trust
#: for the Intermediate Care Service" (but "Salford Council for Voluntary Service" is one).
ARTICLE_LINK_WORDS: Final = frozenset({"for"})

#: Words a number follows inside a name, joining it to the capitalised words after it:
#: "the Section 75 Partnership Agreement", "the Phase 2 Programme".
NUMBERED_WORDS: Final = frozenset({"section", "phase", "tier", "stage", "part", "level", "step"})

#: Owners whose possessive starts no name ("the Council’s Carers Strategy").
OWNERS: Final = frozenset({"council", "authority", "borough", "city", "county", "government"})

#: Last words of a body's name with the kind they give (singular, lower case); a name of two
#: words or more ending in one names an organisation ("Norfolk Care Association").
ORGANISATION_ENDINGS: Final[dict[str, OrganisationKind]] = _kinds(
    (OrganisationKind.COUNCIL, "council"),
    (OrganisationKind.NHS_BODY, "hospital"),
    (
        OrganisationKind.OTHER,
        "police constabulary brigade college federation ltd limited cic plc organisation",
    ),
    (OrganisationKind.CHARITY, "society charity foundation association aid hospice uk cvs cva"),
    (OrganisationKind.NATIONAL_BODY, "commission agency ombudsman inspectorate"),
)

#: Nouns of a body's name that "of" or "for" follows, with the kind they give: "Surrey
#: Coalition of Disabled People", "University of Salford", "Council for Voluntary Service".
ORGANISATION_HEADS_OF: Final[dict[str, OrganisationKind]] = _kinds(
    (OrganisationKind.CHARITY, "coalition association society council league friend"),
    (OrganisationKind.OTHER, "federation university college institute"),
    (OrganisationKind.NATIONAL_BODY, "inspectorate office commission"),
)

#: Word sequences that end a body's name, with the kind they give ("… Integrated Care Board").
ORGANISATION_TAILS: Final[tuple[tuple[tuple[str, ...], OrganisationKind], ...]] = (
    (("integrated", "care", "board"), OrganisationKind.ICB),
    (("primary", "care", "network"), OrganisationKind.NHS_BODY),
    (("ambulance", "service"), OrganisationKind.NHS_TRUST),
    (("clinical", "commissioning", "group"), OrganisationKind.NHS_BODY),
    (("fire", "service"), OrganisationKind.OTHER),
    (("fire", "and", "rescue"), OrganisationKind.OTHER),
    (("police", "service"), OrganisationKind.OTHER),
    (("probation", "service"), OrganisationKind.NATIONAL_BODY),
    (("combined", "authority"), OrganisationKind.COUNCIL),
    (("centre", "for", "independent", "living"), OrganisationKind.CHARITY),
    (("centre", "for", "integrated", "living"), OrganisationKind.CHARITY),
    (("fire", "and", "rescue", "service"), OrganisationKind.OTHER),
)

#: Words written in another form of the same noun, mapped to it for canonical keys
#: ("Better Care Funding" is the Better Care Fund). "-ing" forms of head nouns are read by
#: rule; these are the rest.
WORD_FORMS: Final[dict[str, str]] = {
    "centre": "center",
    "programme": "program",
    "organisation": "organization",
    "well being": "wellbeing",
    "co ordinated": "coordinated",
    "carer's": "carer",
    "carers'": "carer",
}


# --- voices ---------------------------------------------------------------------------------

#: Head nouns of a subject and the voice they give (singular, lower case).
VOICE_HEADS: Final[dict[str, Voice]] = {
    "people": Voice.PEOPLE,
    "person": Voice.PEOPLE,
    "resident": Voice.PEOPLE,
    "individual": Voice.PEOPLE,
    "user": Voice.PEOPLE,
    "family": Voice.PEOPLE,
    "families": Voice.PEOPLE,
    "relative": Voice.PEOPLE,
    "client": Voice.PEOPLE,
    "carer": Voice.UNPAID_CARERS,
    "staff": Voice.STAFF,
    "worker": Voice.STAFF,
    "practitioner": Voice.STAFF,
    "therapist": Voice.STAFF,
    "employee": Voice.STAFF,
    "assessor": Voice.STAFF,
    "colleague": Voice.STAFF,
    "team": Voice.STAFF,
    "commissioner": Voice.STAFF,
    "officer": Voice.STAFF,
    "manager": Voice.STAFF,
    "broker": Voice.STAFF,
    "leader": Voice.LEADERS,
    "leadership": Voice.LEADERS,
    "director": Voice.LEADERS,
    "councillor": Voice.LEADERS,
    "member": Voice.LEADERS,
    "executive": Voice.LEADERS,
    "head": Voice.LEADERS,
    "authority": Voice.LEADERS,
    "council": Voice.LEADERS,
    "partner": Voice.PARTNERS,
    "stakeholder": Voice.PARTNERS,
    "agency": Voice.PARTNERS,
    "agencie": Voice.PARTNERS,
    "organisation": Voice.PARTNERS,
    "charity": Voice.PARTNERS,
    "charitie": Voice.PARTNERS,
    "sector": Voice.PARTNERS,
    "group": Voice.PARTNERS,
    "representative": Voice.PARTNERS,
    "professional": Voice.PARTNERS,
    "healthwatch": Voice.PARTNERS,
    "police": Voice.PARTNERS,
    "nhs": Voice.PARTNERS,
    "icb": Voice.PARTNERS,
    "trust": Voice.PARTNERS,
    "provider": Voice.PROVIDERS,
}
#: Modifiers that make a subject another organisation's (a *health* leader is a partner).
PARTNER_MODIFIERS: Final = _words(
    """
    health nhs icb trust hospital voluntary community partner system police external
    housing vcse healthwatch clinical
    """
)
PROVIDER_MODIFIERS: Final = frozenset({"provider", "home", "homecare", "domiciliary"})
SENIOR_MODIFIERS: Final = frozenset({"senior", "executive", "strategic"})
#: Words between a subject and its verb that do not change the subject.
SUBJECT_FILLERS: Final = _words(
    """
    also all both consistently generally often frequently repeatedly mostly mainly
    largely further clearly had have has who we spoke to with not did would could us
    always told themselves interviewed met
    """
)
PRONOUNS: Final = frozenset({"they", "he", "she"})


# --- figures --------------------------------------------------------------------------------

#: Words that count things or measure time, with the unit they give.
UNITS: Final[dict[str, str]] = {
    "minute": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "people": "people",
    "person": "people",
    "adult": "people",
    "resident": "people",
    "individual": "people",
    "carer": "carers",
    "bed": "beds",
    "case": "cases",
    "referral": "referrals",
    "assessment": "assessments",
    "review": "reviews",
    "enquiry": "enquiries",
    "enquirie": "enquiries",
    "concern": "concerns",
    "application": "applications",
    "provider": "providers",
    "staff": "staff",
    "worker": "staff",
    "vacancy": "vacancies",
    "vacancie": "vacancies",
    "placement": "placements",
    "package": "packages",
    "home": "homes",
    "contact": "contacts",
    "call": "calls",
}
IRREGULAR_PLURALS: Final = frozenset({"people", "staff", "children", "men", "women", "police"})
PEOPLE_WORDS: Final = frozenset({"people", "carers", "staff", "residents", "adults", "children"})
TIME_WORDS: Final = frozenset({"minutes", "hours", "days", "weeks", "months", "years"})
#: Words that end the phrase a percentage is "of" ("78% of people who … were …").
PHRASE_STOPS: Final = _words(
    """
    went came got made did would could will can was were is are had has have said felt
    found compared than which in at by from to on
    """
)
