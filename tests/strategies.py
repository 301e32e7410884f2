"""Hypothesis strategies: models the published format can hold, and the layouts it is written in.

The one strategies module of the suite. Models are built from a realistic vocabulary (curly
quotes, apostrophes and hyphens in names, ``£`` amounts, en dashes, accented letters) and
cover what real pages hold: full reports (about, summary and the nine statements), pilot
pages, unknown statement titles, statement 6's run-on I-statements, paragraphs without a
final full stop, paragraphs that start like structural lines, and lists inside the findings.

:func:`layouts` turns the canonical text of :func:`cqcmodel.render` into the other layouts the
format reference lists (blank lines, whitespace-only lines, ``Score 3``, en-dash labels, pilot
colons, ``-`` bullets, a missing "Key findings" heading, …): every one must parse to the same
model. Where the format cannot express something, the strategies leave it out and say why in a
comment (docs/roundtrip.md lists these limits).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs
from hypothesis import strategies as st

from cqcmodel import (
    About,
    Authority,
    Finding,
    PageDates,
    QualityStatement,
    Rating,
    Score,
    Section,
    StatementScore,
    Summary,
)
from cqcmodel.framework import STATEMENTS, rating_for_percentage, statement_key
from cqcmodel.model import SetAside
from cqcmodel.site import Mark
from cqcmodel.site.marks import MARK_KINDS

# --- vocabulary ------------------------------------------------------------------------------

PLACES = (
    "Ealing",
    "Hounslow",
    "Windsor",
    "Maidenhead",
    "Sunderland",
    "Stoke-on-Trent",
    "King’s Lynn",
    "Southend-on-Sea",
    "Kingston upon Hull",
    "St Helens",
    "Brighton & Hove",
    "Bath and North East Somerset",
    "Hammersmith and Fulham",
    "Telford & Wrekin",
    "Ynys Môn",
)
PEOPLE = ("O’Brien", "Anne-Marie", "D'Souza", "Zoë", "Siân", "Łukasz", "McAllister-Jones")
#: Phrases inside paragraphs: none of them is a structural line or ends a sentence. Drawn
#: whole (a few draws per paragraph keep full reports cheap to generate).
PHRASES = (
    "the care and support people needed",
    "with unpaid carers and carers’ groups",
    "waiting lists fell from 42 to 13 days",
    "80.78% of people",
    "a budget of £430,659,000 in 2022/23",
    "£311.9 million",
    "through ‘Home First’",
    "with ‘Contact Camden’",
    "co-ordinated with the NHS Trust",
    "– as Healthwatch noted –",
    "at the café run by Anne-Marie O’Brien",
    "in Ynys Môn",
    "with the integrated care board (ICB)",
    "described as “really helpful”",
    "for people’s well-being",
    "e.g. timely reviews",
    "— and reviews of their plans",
    "and Zoë D'Souza",
    "in the local authority",
)
#: Finite verbs: a line holding one reads as a sentence (see the sub-heading rule).
VERBS = ("said", "told us", "was", "were", "had", "described", "felt", "could", "reported")
OPENERS = (
    "People",
    "Staff",
    "Partners",
    "Leaders",
    "There",
    "We",
    "It",
    "This",
    "Carers",
    "Data",
    "Healthwatch",
    "The local authority",
)
#: Sentences that start like structural lines (or a rating word) but are findings.
STRUCTURAL_STARTS = (
    "Published data showed",
    "Score cards were used and",
    "Indicative figures suggested",
    "Downloads of the app",
    "About 120 people",
    "Good practice was shared and",
    "Outstanding work was recognised and",
    "Requires improvement was the rating of",
    "Demographics of the area had changed and",
    "Financial facts were shared with",
    "What people expected was",
    "Key findings from the survey were shared with",
    "The local authority commitment to carers was",
    "Overall summary reports showed",
    "Quality statement scores were discussed with",
)
#: Sub-headings as real pages publish them: noun phrases, no finite verb, no final stop.
HEADINGS = (
    "Partnership working to deliver shared local and national objectives",
    "Arrangements to support effective partnership working",
    "Impact of partnership working",
    "Working with voluntary and charity sector groups",
    "Timeliness of assessments, care planning and reviews",
    "Assessment and care planning for unpaid carers, child’s carers and child carers",
    "Help for people to meet their non-eligible care and support needs",
    "Provision and impact of independent advocacy",
    "Access to equipment and home adaptations",
    "Direct payments",
    "Co-production",
    "Safety during transitions",
    "Making safeguarding personal",
    "Strengths",
    "Areas for development",
    "Carers’ experiences – Ynys Môn",
)
#: Titles the framework does not know: a page may still publish them (they are kept).
UNKNOWN_TITLES = (
    "Workforce and capacity",
    "Use of resources – value for money",
    "Carers’ experiences",
    "Transitions for young people (16–25)",
)
ENDINGS = (".", "!", "?", ".’", '."', ".)", ".”")

words = st.lists(st.sampled_from(PHRASES), max_size=3)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence ending in sentence punctuation."""
    opener = draw(st.sampled_from(OPENERS))
    verb = draw(st.sampled_from(VERBS))
    return " ".join([opener, verb, *draw(words)]) + draw(st.sampled_from(ENDINGS))


@st.composite
def unstopped_sentences(draw: st.DrawFn) -> str:
    """A sentence without its final full stop: it holds a finite verb, so it stays a paragraph."""
    opener = draw(st.sampled_from(OPENERS))
    verb = draw(st.sampled_from(VERBS))
    rest = draw(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=2))
    return " ".join([opener, verb, *rest]).rstrip(".")


@st.composite
def structural_starts(draw: st.DrawFn) -> str:
    """A sentence that starts like a structural line."""
    return " ".join([draw(st.sampled_from(STRUCTURAL_STARTS)), *draw(words)]) + "."


def paragraphs() -> st.SearchStrategy[str]:
    """A paragraph: one or more sentences, possibly without the final full stop."""
    one = st.one_of(sentences(), sentences(), unstopped_sentences(), structural_starts())
    return st.lists(one, min_size=1, max_size=2).map(" ".join)


def headings() -> st.SearchStrategy[str]:
    """A sub-heading: short, no finite verb, no final punctuation."""
    return st.sampled_from(HEADINGS)


@st.composite
def lists(draw: st.DrawFn) -> list[str]:
    """A list as findings hold it: a lead-in line ending in ``:``, the items, a paragraph.

    Items are bulleted (``•``: the model holds every list marker so; the layouts write
    others) or plain short lines. Plain items go on up to the
    next line that reads as a paragraph, so a list of them cannot end right before a
    sub-heading (docs/roundtrip.md): the paragraph after the list is part of the strategy.
    """
    lead = " ".join([draw(st.sampled_from(OPENERS)), "could get support from", *draw(words)])
    marker = draw(st.sampled_from(("• ", "")))
    items = draw(st.lists(headings(), min_size=1, max_size=4))
    return [lead.rstrip(".") + ":", *(marker + item for item in items), draw(sentences())]


@st.composite
def names(draw: st.DrawFn) -> str:
    """An authority name in one of the published forms."""
    place = draw(st.sampled_from(PLACES))
    other = draw(st.sampled_from(PLACES))
    return draw(
        st.sampled_from(
            (
                f"London Borough of {place}",
                f"Royal Borough of {place} & {other}",
                f"{place} City Council",
                f"{place} County Council",
                f"City of {place} Council",
                f"{place} Borough Council",
                f"{place} and {other}",
                place,
            )
        )
    )


dates = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2027, 12, 31))
scores = st.sampled_from(Score)
titles = st.sampled_from([title for info in STATEMENTS for title in info.titles])


@st.composite
def findings(draw: st.DrawFn) -> tuple[Finding, ...]:
    """Unheaded paragraphs first, then groups under sub-headings; lists anywhere."""

    def group(heading: str | None, at_least: int) -> list[Finding]:
        texts: list[str] = []
        for _ in range(draw(st.integers(at_least, 3))):
            texts.extend(draw(lists()) if draw(st.integers(0, 5)) == 0 else [draw(paragraphs())])
        return [Finding(text=text, heading=heading) for text in texts]

    result = group(None, 0)
    for _ in range(draw(st.integers(0, 3))):
        result.extend(group(draw(headings()), 1))
    return tuple(result)


def i_statements(index: int) -> st.SearchStrategy[tuple[str, ...]]:
    """The "What people expect" lines of statement ``index``: canonical, quoted or others."""
    info = STATEMENTS[index]
    canonical = info.i_statements
    if not canonical:
        return st.just(())
    options = [
        st.just(canonical),
        st.just(tuple(f"“{text}”" for text in canonical)),
        # Other wordings: kept as published (cqcmodel check warns about them).
        st.lists(st.sampled_from(canonical).map(lambda t: t.rstrip(".")), max_size=2).map(tuple),
    ]
    if len(canonical) == 2:
        # Statement 6: the first line runs the second on, then the second again on its own.
        options.append(st.just((" ".join(canonical), canonical[1])))
    return st.one_of(options)


@st.composite
def statements(
    draw: st.DrawFn, info_index: int | None = None, *, scored: bool = True
) -> QualityStatement:
    """A quality statement page; ``scored=False`` allows a page cut after its title.

    ``info_index`` ``-1`` draws a title the framework does not know.
    """
    if info_index is None:
        info_index = draw(st.integers(-1, len(STATEMENTS) - 1))
    if info_index < 0:
        # A page cut after an unknown title cannot be told from a sub-heading: scored.
        title, expect, scored = draw(st.sampled_from(UNKNOWN_TITLES)), (), True
    else:
        title = draw(st.sampled_from(STATEMENTS[info_index].titles))
        expect = draw(i_statements(info_index))
    indicative = draw(st.booleans())
    score = draw(scores if scored else st.none() | scores)
    if score is None and not indicative:
        return QualityStatement(title=title)
    commitment = STATEMENTS[info_index].we_statements[0] if info_index >= 0 else None
    return QualityStatement(
        title=title,
        score=score,
        indicative=indicative,
        people_expect=expect,
        commitment=draw(st.sampled_from((commitment, None)) | sentences())
        if commitment
        else draw(st.none() | sentences()),
        findings=draw(findings()),
    )


def texts(*, min_size: int = 0) -> st.SearchStrategy[tuple[str, ...]]:
    """Paragraphs of a summary: paragraphs and, now and then, a list."""
    block = st.one_of(
        paragraphs().map(lambda text: [text]), paragraphs().map(lambda t: [t]), lists()
    )
    return st.lists(block, min_size=min_size, max_size=3).map(
        lambda blocks: tuple(text for block in blocks for text in block)
    )


def _sections() -> st.SearchStrategy[tuple[Section, ...]]:
    section = st.builds(Section, heading=headings(), paragraphs=texts(min_size=1))
    return st.lists(section, max_size=2).map(tuple)


@st.composite
def summaries(draw: st.DrawFn, *, full: bool = False) -> Summary:
    """A summary page; ``full`` gives the nine statement scores in the framework's order."""
    percentage = draw(st.none() | st.integers(0, 100))
    rating = draw(st.none() | st.sampled_from(Rating))
    if rating is not None and percentage is not None:
        rating = rating_for_percentage(percentage)
    if full:
        items = [StatementScore(title=info.title, score=draw(scores)) for info in STATEMENTS]
    else:
        # One item per statement: a summary listing one twice is refused.
        items = [
            StatementScore(title=title, score=draw(st.none() | scores))
            for title in draw(st.lists(titles, max_size=9, unique_by=statement_key))
        ]
    return Summary(
        name=draw(st.none() | names()),
        rating=rating,
        percentage=percentage,
        short_name=draw(st.none() | st.sampled_from(PLACES)) if percentage is not None else None,
        statement_scores=tuple(items),
        people_experience=draw(texts()),
        sections=draw(_sections()),
    )


@st.composite
def abouts(draw: st.DrawFn) -> About:
    """An about page."""
    subject = draw(st.none() | names())
    intro = draw(st.none() | names())
    return About(
        started=draw(st.none() | dates),
        published=draw(st.none() | dates),
        introduction=tuple(draw(st.lists(sentences(), max_size=2))),
        subject=subject,
        demographics=tuple(draw(st.lists(paragraphs(), max_size=3))),
        financial_intro=None if intro is None else f"The financial facts for {intro} are:",
        financial_facts=tuple(draw(st.lists(paragraphs(), max_size=3))),
    )


@st.composite
def authorities(draw: st.DrawFn) -> Authority:
    """A whole authority: any mix of pages that one text can hold."""
    name = draw(st.none() | names())
    about = draw(st.none() | abouts())
    summary = draw(st.none() | summaries())
    ids = draw(st.lists(st.integers(-1, len(STATEMENTS) - 1), unique=True, max_size=4))
    if about is None and summary is None and not ids:
        ids = [draw(st.integers(0, len(STATEMENTS) - 1))]
    statement_list = [draw(statements(index)) for index in ids[:-1]]
    if ids:
        # Only the last page may stop after its title, and only after a title line.
        alone = about is None and summary is None and len(ids) == 1
        statement_list.append(draw(statements(ids[-1], scored=not (name is not None or alone))))
    return _authority(draw, name, about, summary, statement_list)


@st.composite
def reports(draw: st.DrawFn) -> Authority:
    """A full report, as its PDF holds it: about, summary and the nine statements."""
    statement_list = [draw(statements(index)) for index in range(len(STATEMENTS))]
    name = draw(names())
    return _authority(draw, name, draw(abouts()), draw(summaries(full=True)), statement_list)


def _authority(
    draw: st.DrawFn,
    name: str | None,
    about: About | None,
    summary: Summary | None,
    statement_list: list[QualityStatement],
) -> Authority:
    pages = (about is not None) + (summary is not None) + len(statement_list)
    any_indicative = any(statement.indicative for statement in statement_list)
    indicative = any_indicative or (name is not None and draw(st.booleans()))
    page_dates = tuple(
        PageDates(published=draw(dates), updated=draw(st.none() | dates))
        for _ in range(draw(st.integers(0, pages)))
    )
    return Authority(
        name=name,
        indicative=indicative,
        page_dates=page_dates,
        about=about,
        summary=summary,
        statements=tuple(statement_list),
    )


# --- layouts ---------------------------------------------------------------------------------
#
# Each layout rewrites the canonical text (one element per line, as ``render`` writes it) into
# another published layout of the same content. They work on whole lines of the canonical text,
# whose structural lines are known exactly.

Layout = Callable[[str], str]


def _lines(change: Callable[[list[str]], list[str]]) -> Layout:
    def layout(text: str) -> str:
        return "\n".join(change(text.split("\n")))

    layout.__name__ = change.__name__
    return layout


def _sub(pattern: str, replacement: str) -> Layout:
    compiled = re.compile(pattern, re.MULTILINE)

    def layout(text: str) -> str:
        return compiled.sub(replacement, text)

    layout.__name__ = f"sub({pattern!r})"
    return layout


@_lines
def blank_lines(lines: list[str]) -> list[str]:
    """Elements separated by blank lines."""
    return [part for line in lines for part in (line, "")]


@_lines
def whitespace_lines(lines: list[str]) -> list[str]:
    """Elements separated by lines holding only whitespace (and a tab)."""
    return [part for line in lines for part in (line, "  \t ")]


@_lines
def indented(lines: list[str]) -> list[str]:
    """Every line indented, with trailing spaces."""
    return [f"   {line}  " if line else line for line in lines]


@_lines
def label_only(lines: list[str]) -> list[str]:
    """``Score: N`` dropped where the label line ``N - Evidence …`` follows."""
    result = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if re.fullmatch(r"Score: \d", line) and re.match(r"\d - Evidence", following):
            continue
        result.append(line)
    return result


@_lines
def downloads_and_footer(lines: list[str]) -> list[str]:
    """``Downloads`` after each title line, the © footer before the next one and at the end."""
    result: list[str] = []
    for line in lines:
        if line.endswith("assessment") and result and line != lines[0]:
            result.append("© Care Quality Commission")
        result.append(line)
        if line.endswith("assessment"):
            result.append("Downloads")
    # A page cut after its title (the last page) has lost its footer too.
    last = next(line for line in reversed(result) if line.strip())
    cut = re.fullmatch(r"[^.!?:]+", last.strip()) is not None
    return result if cut else [*result, "© Care Quality Commission"]


@_lines
def findings_heading_dropped(lines: list[str]) -> list[str]:
    """The "Key findings" heading dropped where the commitment comes before it."""
    return [
        line
        for index, line in enumerate(lines)
        if not (
            line == "Key findings for this quality statement"
            and index >= 2
            and lines[index - 2] == "The local authority commitment"
        )
    ]


@_lines
def plain_financial_facts(lines: list[str]) -> list[str]:
    """Financial facts as plain paragraphs, without bullets."""
    result: list[str] = []
    in_facts = False
    for line in lines:
        if line == "Financial facts":
            in_facts = True
        elif not line.startswith("  • "):
            in_facts = in_facts and line.startswith("The financial facts for")
        result.append(line[4:] if in_facts and line.startswith("  • ") else line)
    return result


#: Every published form of the framework's I-statements the strategies draw (quoted or not,
#: statement 6's run-on line): lines that need no "What people expect" heading.
_I_STATEMENT_LINES = frozenset(
    line
    for info in STATEMENTS
    for text in (*info.i_statements, " ".join(info.i_statements))
    for line in (text, f"“{text}”")
)


@_lines
def expect_heading_dropped(lines: list[str]) -> list[str]:
    """ "What people expect" dropped where all its lines are the framework's I-statements."""
    result: list[str] = []
    for index, line in enumerate(lines):
        if line == "What people expect":
            following = lines[index + 1 :]
            stop = next(
                (n for n, text in enumerate(following) if text not in _I_STATEMENT_LINES),
                len(following),
            )
            # Lines that are not I-statements after them must read as something else.
            if stop and (stop == len(following) or following[stop] in _AFTER_EXPECT):
                continue
        result.append(line)
    return result


_AFTER_EXPECT = frozenset(
    ("The local authority commitment", "Key findings for this quality statement")
)
#: The headings that the canonical text writes on lines of their own.
_HEADINGS = (
    "What people expect",
    "The local authority commitment",
    "Key findings for this quality statement",
    "Overall summary",
    "Local authority rating and score",
    "Quality statement scores",
    "Summary of people's experiences",
    "How we assess local authorities",
    "Demographics",
    "Financial facts",
)
_HEADING_LINES = "|".join(re.escape(heading) for heading in _HEADINGS)


LAYOUTS: tuple[Layout, ...] = (
    expect_heading_dropped,
    blank_lines,
    whitespace_lines,
    indented,
    label_only,
    downloads_and_footer,
    findings_heading_dropped,
    plain_financial_facts,
    _sub(r"^Score: (\d)$", r"Score \1"),
    _sub(r"^(\d) - (Evidence)", r"\1 – \2"),
    _sub(r"^(\d) - (Evidence)", r"\1 — \2"),
    _sub(r"^Score: (\d)\n(\d) - ", r"Score: \1\nScore: \2 - "),
    _sub(r"^Score: (\d+)%$", r"Score: \1"),
    _sub(
        r"^(What people expect|The local authority commitment|"
        r"Key findings for this quality statement)$",
        r"\1:",
    ),
    _sub(rf"^({_HEADING_LINES})$", r"\1:"),
    _sub(rf"^({_HEADING_LINES})$", r"\1 :"),
    _lines(lambda lines: [line.upper() if line in _HEADINGS else line for line in lines]),
    _lines(lambda lines: [line.title() if line in _HEADINGS else line for line in lines]),
    _sub(r"^What people expect$", "WHAT PEOPLE EXPECT"),
    _sub(r"^Key findings for this quality statement$", "Key Findings For This Quality Statement"),
    _sub(r"^Summary of people's experiences$", "Summary of people’s experiences"),
    _sub(r"^  • ", "- "),
    _sub(r"^  • ", "• "),
    _sub(r"^  • ", "* "),
    _sub(r"^    ", ""),
    _sub(r" ", "\u00a0"),
    _sub(r"\n", "\r\n"),
    _sub(r"\n(?=[^\n]+: local authority assessment)", "\f"),
    _sub(r"\A", "\ufeff"),
)


@st.composite
def layouts(draw: st.DrawFn) -> tuple[Layout, ...]:
    """Some layouts, applied in the order :data:`LAYOUTS` lists them (line endings last)."""
    chosen = draw(st.sets(st.sampled_from(range(len(LAYOUTS))), min_size=1, max_size=6))
    return tuple(LAYOUTS[index] for index in sorted(chosen))


def apply(chosen: tuple[Layout, ...], text: str) -> str:
    """``text`` in the layouts ``chosen``."""
    for layout in chosen:
        text = layout(text)
    return text


# --- arbitrary Unicode models (JSON must carry any text the model accepts) --------------


def with_consistent_rating(authority: Authority) -> Authority:
    """The same authority with its summary rating set to the band of its own percentage.

    Loading refuses a rating that contradicts the percentage; the shared strategies draw the
    two independently.
    """
    summary = authority.summary
    if summary is None or summary.rating is None or summary.percentage is None:
        return authority
    rating = rating_for_percentage(summary.percentage)
    return attrs.evolve(authority, summary=attrs.evolve(summary, rating=rating))


loadable_authorities = authorities().map(with_consistent_rating)

# Any text the model accepts as a published line, not only the words of real pages.
line_texts = (
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda text: bool(text) and "\n" not in text and "\r" not in text)
)
positions = st.none() | st.integers(min_value=1, max_value=10**6)


@st.composite
def wild_authorities(draw: st.DrawFn) -> Authority:
    """Authorities whose texts are arbitrary Unicode lines, with source positions set."""
    titles = draw(
        st.lists(
            line_texts | st.sampled_from([info.title for info in STATEMENTS]),
            min_size=1,
            max_size=3,
            unique_by=statement_key,
        )
    )
    statements = tuple(
        QualityStatement(
            title=title,
            score=draw(st.sampled_from(Score)),
            indicative=draw(st.booleans()),
            people_expect=tuple(draw(st.lists(line_texts, max_size=2))),
            commitment=draw(st.none() | line_texts),
            findings=tuple(
                Finding(text=text, line=draw(positions))
                for text in draw(st.lists(line_texts, max_size=3))
            ),
            line=draw(positions),
        )
        for title in titles
    )
    name = draw(st.none() | line_texts)
    any_indicative = any(statement.indicative for statement in statements)
    page_dates = tuple(
        PageDates(
            published=draw(st.dates()),
            updated=draw(st.none() | st.dates()),
            line=draw(positions),
        )
        for _ in range(draw(st.integers(0, len(statements))))
    )
    return Authority(
        name=name,
        indicative=any_indicative or (name is not None and draw(st.booleans())),
        page_dates=page_dates,
        statements=statements,
        source=draw(st.none() | st.text(max_size=20)),
        sources=tuple(draw(st.lists(st.text(max_size=20), max_size=2))),
        set_aside=tuple(
            SetAside(line=line, text=text, reason=reason, column=column)
            for line, text, reason, column in draw(
                st.lists(
                    st.tuples(
                        st.integers(1, 10**6), st.text(max_size=20), line_texts, st.integers(1, 99)
                    ),
                    max_size=2,
                )
            )
        ),
    )


# --- arbitrary and structured junk (the parser only ever returns or raises ParseError) ---

#: Any character, lone surrogates and control characters included.
any_char = st.characters(exclude_categories=())

_NEEDS = STATEMENTS[0]
STRUCTURAL_LINES = (
    "London Borough of Ealing: local authority assessment",
    "Kent County Council: local authority assessment",
    "Nottingham City Council assessment",
    "Published: 17 May 2024 Page last updated: 11 August 2025",
    "Published: 17 May 2024",
    "Published: Page last updated: 11 August 2025",
    "Published: 31 February 2024",
    "Published: 1 Smarch 2024",
    "Published:",
    "Downloads",
    *(title for info in STATEMENTS for title in info.titles),
    "Score: 3",
    "Score 2",
    "Score: 9",
    "Score: 0",
    "Score: 3 - Evidence shows a good standard",
    "3 - Evidence shows a good standard",
    "2 – Evidence shows some shortfalls",
    "4 - Evidence shows a good standard",
    "3 - Evidence shows nothing",
    "Indicative score:",
    "Indicative score: 2",
    "What people expect",
    "What people expect:",
    *_NEEDS.i_statements,
    f"“{_NEEDS.i_statements[0]}”",
    "The local authority commitment",
    _NEEDS.we_statements[0],
    "Key findings for this quality statement",
    "Partnership working to deliver shared local and national objectives",
    "People told us they waited too long for an assessment.",
    "Staff said: ‘Contact Camden’ helped.",
    "© Care Quality Commission",
    "Overall summary",
    "Local authority rating and score",
    "  • London Borough of Ealing",
    "    Requires improvement",
    "Good",
    "Outstanding",
    "Score: 56%",
    "Score: 75",
    "Score: 101%",
    "Overall rating for Ealing: 64%",
    "Quality statement scores",
    "  • Assessing needs",
    "    Score: 2",
    "Summary of people's experiences",
    "Summary of people’s experiences",
    "How we assess local authorities",
    "Assessment start date: 1 May 2023",
    "Assessment published: 13 December 2024",
    "Assessment published: 13 Dec 2024",
    "About London Borough of Ealing",
    "Demographics",
    "Financial facts",
    "The financial facts for Ealing are:",
    "- The local authority estimated that it would spend £430,659,000.",
    "  • £204,886,000.00",
    "",
    "   ",
)
LINE_BREAKS = ("\n", "\r\n", "\r", "\n\n", "\u2028", "\x0c", "\n \n")

lines = st.one_of(
    st.sampled_from(STRUCTURAL_LINES),
    st.sampled_from(STRUCTURAL_LINES).map(str.upper),
    st.text(any_char, max_size=30),
    st.text(st.sampled_from("Score: 1234-–•%\t  \u00a0\u200bGood."), max_size=12),
)


@st.composite
def structured_texts(draw: st.DrawFn) -> str:
    """Lines of the format, mangled lines and junk, joined by assorted line breaks."""
    parts = draw(st.lists(lines, max_size=30))
    text = ""
    for part in parts:
        text += part + draw(st.sampled_from(LINE_BREAKS))
    return text


# --- texts made of a pattern's fragments (linear patterns against their definitions) ----


def fragment_texts(fragments: list[str], max_size: int = 14) -> st.SearchStrategy[str]:
    """Texts joined from ``fragments``."""
    return st.lists(st.sampled_from(fragments), max_size=max_size).map("".join)


@st.composite
def texts_and_bounds(draw: st.DrawFn, fragments: list[str]) -> tuple[str, int, int]:
    """A text with a start and end inside it (patterns run between a sentence's bounds)."""
    text = draw(fragment_texts(fragments))
    start = draw(st.integers(0, len(text)))
    return text, start, draw(st.integers(start, len(text)))


# --- report marks ---------------------------------------------------------------------


@st.composite
def texts_with_marks(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(st.text(alphabet="ab<>&\"' ", min_size=1, max_size=30))
    count = draw(st.integers(0, 5))
    marks = []
    for index in range(count):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        kind = draw(st.sampled_from(MARK_KINDS))
        marks.append(Mark(start=start, end=end, kind=kind, title="t", anchor=f"m{index}"))
    return text, marks
