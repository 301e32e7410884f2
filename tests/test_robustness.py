"""No input breaks the parser: it returns a model or raises ParseError, never anything else.

Arbitrary text, structured junk and mutations of every corpus page go through ``parse``; when
a text parses, no paragraph line may be missing from the model, and ``render`` either returns
text that parses back to the same model or raises ``CqcModelError``. Pathological inputs
(megabyte lines, very many lines, worst cases for each regular expression) finish under a
hang-guard timeout. The last tests pin the shortcuts of the hot path to the plain definitions
they replace.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cqcmodel import Authority, CqcModelError, ParseError, Rating, parse, render
from cqcmodel.framework import fold
from cqcmodel.model import is_heading_like
from cqcmodel.readers import Form, read_text
from cqcmodel.text import (
    LIGATURES,
    Kind,
    Role,
    SourceText,
    candidates,
    is_i_statement,
    reads_as_sentence,
)

from .conftest import CORPUS
from .strategies import STRUCTURAL_LINES, any_char, structured_texts

PAGES: dict[str, str] = {
    path.name: path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))
}

# --- the guarantees, as helpers --------------------------------------------------------------


def parsed_or_none(text: str) -> Authority | None:
    """``parse(text)``, or ``None`` for a ParseError; any other exception fails the test."""
    try:
        return parse(text)
    except ParseError:
        return None


def model_texts(authority: Authority) -> set[str]:
    """Every published text the model keeps, as written."""
    texts: set[str] = set()
    if authority.name is not None:
        texts.add(authority.name)
    for statement in authority.statements:
        texts.add(statement.title)
        texts.update(statement.people_expect)
        if statement.commitment is not None:
            texts.add(statement.commitment)
        for finding in statement.findings:
            texts.add(finding.text)
            if finding.heading is not None:
                texts.add(finding.heading)
    summary = authority.summary
    if summary is not None:
        texts.update(t for t in (summary.name, summary.short_name) if t is not None)
        texts.update(item.title for item in summary.statement_scores)
        texts.update(summary.people_experience)
        for section in summary.sections:
            texts.add(section.heading)
            texts.update(section.paragraphs)
    about = authority.about
    if about is not None:
        texts.update(t for t in (about.subject, about.financial_intro) if t is not None)
        texts.update(about.introduction + about.demographics + about.financial_facts)
    return texts


#: Kinds a line may have and still be kept verbatim in the model whichever the parser picks.
_KEPT_KINDS = frozenset({Kind.SUBHEADING, Kind.STATEMENT_TITLE})


def assert_nothing_lost(text: str, authority: Authority) -> None:
    """Every line that is not structural is in the model, word for word (after normalising),
    or set aside; in PDF text (a form feed, say) wrapped lines are joined, so a line may be
    part of a longer text of the model."""
    lines = SourceText(text).lines
    kept = model_texts(authority)
    aside = {entry.text for entry in authority.set_aside}
    joined = read_text(text).form is Form.PDF_TEXT
    for number, (line, kinds) in enumerate(zip(lines, candidates(lines), strict=True), start=1):
        content = line.strip()
        if not content or not _KEPT_KINDS.issuperset(kinds) or content in aside:
            continue
        found = content in kept or (joined and any(content in whole for whole in kept))
        assert found, f"line {number} is missing from the model: {content!r}"


def assert_renders(authority: Authority) -> None:
    """``render`` returns text that parses back to the model, or raises CqcModelError."""
    try:
        text = render(authority)
    except CqcModelError:
        return
    assert parse(text) == authority


def check(text: str) -> Authority | None:
    """All the guarantees for one input."""
    authority = parsed_or_none(text)
    if authority is not None:
        assert_nothing_lost(text, authority)
        assert_renders(authority)
    return authority


def test_every_corpus_page_parses_keeps_its_text_and_renders() -> None:
    for name, text in PAGES.items():
        assert check(text) is not None, name


# --- arbitrary and structured text -----------------------------------------------------------


@given(st.text(any_char))
@example("")
@example("\ud800")
@example("Kent: local authority assessment\nAssessing needs\nScore: 3\udfff\n")
@example("\x00")
@example("\ufeff\u200b\n\u2029")
def test_arbitrary_text_parses_or_raises_parse_error(text: str) -> None:
    check(text)


@given(st.text(any_char, min_size=1, max_size=8).map(lambda s: s * 20_000))
def test_very_long_lines_parse_or_raise_parse_error(text: str) -> None:
    check(text)


@given(structured_texts())
def test_structured_junk_parses_or_raises_parse_error(text: str) -> None:
    check(text)


# --- mutations of every corpus page ----------------------------------------------------------

#: Characters that change how a line reads: punctuation the patterns look for, digits, spaces,
#: typography and the characters normalisation removes or replaces.
FLIPS = ":-–•%.0123456789 \t\u00a0\u200b\ufeff\u2028\x0cSsGa’“\\"
INSERTS = ("\ufeff", "\u00a0", "\u200b", "\u200d", "\u2060", "\u202f", "\r", "\r\n", "\x85")


def _line_mutations(text: str) -> Iterator[tuple[str, str]]:
    """Every single-line deletion, duplication, swap, cut and typographic insertion."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        yield f"delete {index}", "\n".join(lines[:index] + lines[index + 1 :])
        yield f"duplicate {index}", "\n".join(lines[: index + 1] + lines[index:])
        if index + 1 < len(lines):
            swapped = [*lines[:index], lines[index + 1], line, *lines[index + 2 :]]
            yield f"swap {index}", "\n".join(swapped)
        yield f"cut after {index}", "\n".join(lines[: index + 1])
        cut = len(line) // 2
        yield f"cut inside {index}", "\n".join([*lines[:index], line[:cut]])
        dressed = "\ufeff\u200b" + line.replace(" ", "\u00a0", 2) + "\u200d "
        yield f"typography {index}", "\n".join([*lines[:index], dressed, *lines[index + 1 :]])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_line_mutation_of_a_corpus_page(name: str) -> None:
    for mutation, text in _line_mutations(PAGES[name]):
        try:
            check(text)
        except AssertionError as error:
            raise AssertionError(f"{name}, {mutation}: {error}") from error


@pytest.mark.parametrize("name", sorted(PAGES))
def test_line_endings_of_a_corpus_page(name: str) -> None:
    text = PAGES[name]
    expected = parse(text)
    for ending in ("\r\n", "\r", "\u2028", "\x85"):
        assert parse(text.replace("\n", ending)) == expected
    mixed = "".join(
        line + ("\r\n" if number % 2 else "\n") for number, line in enumerate(text.split("\n"))
    )
    assert parse(mixed) == expected


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    """A corpus page after a few random edits of its lines and characters."""
    text = PAGES[draw(st.sampled_from(sorted(PAGES)))]
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        other = draw(st.integers(0, max(len(lines) - 1, 0)))
        position = draw(st.integers(0, len(text)))
        operation = draw(
            st.sampled_from(
                ("delete", "duplicate", "swap", "truncate", "flip", "insert", "move", "endings")
            )
        )
        if operation == "delete":
            del lines[at]
        elif operation == "duplicate":
            lines.insert(at, lines[at])
        elif operation == "swap":
            lines[at], lines[other] = lines[other], lines[at]
        elif operation == "move":
            lines.insert(other, lines.pop(at))
        if operation in {"delete", "duplicate", "swap", "move"}:
            text = "\n".join(lines)
        elif operation == "truncate":
            text = text[:position]
        elif operation == "flip":
            text = text[:position] + draw(st.sampled_from(FLIPS)) + text[position + 1 :]
        elif operation == "insert":
            text = text[:position] + draw(st.sampled_from(INSERTS)) + text[position:]
        else:
            text = text.replace("\n", draw(st.sampled_from(("\r\n", "\r", "\n\n", "\n \n"))))
    return text


@given(mutated_pages())
def test_mutated_corpus_pages_parse_or_raise_parse_error(text: str) -> None:
    check(text)


@given(st.lists(st.sampled_from(sorted(PAGES)), min_size=2, max_size=4))
def test_concatenated_corpus_pages_parse_or_raise_parse_error(names: list[str]) -> None:
    check("\n".join(PAGES[name] for name in names))


# --- crashes found, kept as regressions -------------------------------------------------------

TITLE = "Kent County Council: local authority assessment"


@pytest.mark.parametrize(
    "text",
    [
        # More than 4,300 digits: int() refuses them (it raised ValueError).
        f"{TITLE}\nAssessing needs\nScore: {'1' * 5000}\n",
        f"{TITLE}\nAssessing needs\n{'3' * 5000} - Evidence shows a good standard\n",
        f"{TITLE}\nOverall summary\nScore: {'1' * 5000}%\n",
        f"{TITLE}\nOverall summary\nOverall rating for Kent: {'7' * 5000}%\n",
        f"{TITLE}\nOverall summary\nQuality statement scores\n  • Assessing needs\n"
        f"    Score: {'2' * 5000}\n",
    ],
)
def test_huge_numbers_are_parse_errors(text: str) -> None:
    with pytest.raises(ParseError, match=r"not a valid score|not a percentage") as caught:
        parse(text)
    assert len(caught.value.message) < 200


def test_two_published_lines_for_one_page_are_a_parse_error() -> None:
    # The model refuses more Published lines than pages (it raised ValueError).
    text = f"{TITLE}\nPublished: 1 May 2024\n  Published: 2 May 2024\nAssessing needs\nScore: 3\n"
    with pytest.raises(ParseError, match="2 'Published:' lines for 1 page") as caught:
        parse(text)
    assert (caught.value.line, caught.value.column) == (3, 3)


def test_messages_quote_long_values_shortened() -> None:
    text = f"{TITLE}\nPublished: {'x' * 100_000}\nAssessing needs\nScore: 3\n"
    with pytest.raises(ParseError, match="expected a date") as caught:
        parse(text)
    assert len(caught.value.message) < 200


# --- pathological inputs ---------------------------------------------------------------------

STATEMENT = "Assessing needs\nScore: 3\n3 - Evidence shows a good standard\n"
FINDINGS = "Key findings for this quality statement\n"


def _parse_outcome(text: str) -> str:
    authority = parsed_or_none(text)
    return "parsed" if authority is not None else "parse error"


PATHOLOGICAL: dict[str, Callable[[], str]] = {
    "10 MB single line": lambda: "a" * 10_000_000,
    "10 MB title line": lambda: "x" * 10_000_000 + ": local authority assessment",
    "10 MB paragraph": lambda: f"{TITLE}\n{STATEMENT}{FINDINGS}" + "word " * 2_000_000 + "end.",
    "10 MB of spaces in a Published line": lambda: "Published: a" + " " * 10_000_000 + "b",
    "100,000 blank lines": lambda: "\n" * 100_000,
    "100,000 blank lines around a page": lambda: (
        "\n" * 100_000 + f"{TITLE}\n{STATEMENT}" + "\n \n" * 100_000
    ),
    "50,000 sub-headings": lambda: (
        f"{TITLE}\n{STATEMENT}{FINDINGS}" + "A sub-heading\nA paragraph of text.\n" * 50_000
    ),
    "50,000 heading-like lines": lambda: f"{TITLE}\n{STATEMENT}{FINDINGS}" + "Heading\n" * 50_000,
    "a title repeated 10,000 times": lambda: f"{TITLE}\n" * 10_000,
    "a title repeated 10,000 times before a page": lambda: f"{TITLE}\n" * 10_000 + STATEMENT,
    "100,000 Score lines": lambda: "Score: 3\n" * 100_000,
    "100,000 Score lines in a page": lambda: f"{TITLE}\n{STATEMENT}" + "Score: 3\n" * 100_000,
    "100,000 score labels": lambda: "3 - Evidence shows a good standard\n" * 100_000,
    "100,000 bullets": lambda: "Overall summary\nQuality statement scores\n" + "  • x\n" * 100_000,
    "100,000 control-free junk lines": lambda: "::: - • 1 %\n" * 100_000,
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_finishes(name: str) -> None:
    text = PATHOLOGICAL[name]()
    assert _parse_outcome(text) in {"parsed", "parse error"}


#: For each pattern, inputs that make a backtracking matcher work hardest: long runs of what
#: the pattern's quantifiers consume, ending where the match must fail.
_RUN = 200_000
ADVERSARIAL = (
    "Published: a" + " " * _RUN + "b",
    "Published:" + " " * _RUN + "b:",
    "Published:" + " x" * _RUN + ":",
    "Published: " + "Page last updated " * (_RUN // 20) + ":",
    "a" + ": " * _RUN + "local authority assessmen",
    "a:" + " " * _RUN + "local authority assessment!",
    "Overall rating for a" + ": 1" * _RUN + " x",
    "Overall rating for a:" + " " * _RUN + "1" * _RUN + " " * _RUN + "x",
    "The financial facts for a" + " is" * _RUN + "x",
    "Score" + " " * _RUN + "1" * _RUN + " " * _RUN + "x",
    "Indicative score" + " " * _RUN + "x",
    "Indicative" + " " * _RUN + "Score" + " " * _RUN + "1" * _RUN + " " * _RUN + "x",
    "1" * _RUN + " " * _RUN + "- " + " " * _RUN + "Evidencex",
    "- " + " " * _RUN,
    "• " + "\t" * _RUN + " ",
    "Assessment published:" + " " * _RUN,
    "About " + " " * _RUN,
    "A" + "b" * _RUN + " assessment",
    "1 " + " " * _RUN + "a" * _RUN + " " * _RUN + "202",
    "a" + "-" * _RUN + "a" + " " * _RUN + "-a",
)


@pytest.mark.timeout(60)
def test_no_pattern_backtracks_catastrophically() -> None:
    from cqcmodel.parser import _DATE  # noqa: PLC0415 - a private pattern under test
    from cqcmodel.text import _get_tables  # noqa: PLC0415 - likewise

    tables = _get_tables()
    patterns = [kind.pattern for kind in Kind if kind.pattern is not None]
    patterns += [tables.pilot_title, tables.start, _DATE]
    for text in ADVERSARIAL:
        for pattern in patterns:
            pattern.fullmatch(text)
        fold(text)
        parsed_or_none(text)


# --- the hot path's shortcuts keep the plain definitions -------------------------------------

#: The Published pattern as first written (quadratic on long runs of spaces): the linear one
#: that replaced it must match the same strings with the same groups. A colon or a date must
#: follow "Published", so that a sentence such as "Published data showed …" is no such line.
_PUBLISHED_AS_WRITTEN = re.compile(
    r"Published(?=:|\s+\d):?\s*(?P<published>[^:]*?)"
    r"(?:\s+Page last updated:?\s*(?P<updated>.*))?"
)
_PUBLISHED = Kind.PUBLISHED.pattern
assert _PUBLISHED is not None


def _spans(found: re.Match[str] | None) -> object:
    return None if found is None else (found.span("published"), found.span("updated"))


@given(
    st.lists(
        st.sampled_from(
            ("Published", ":", " ", "  ", "\t", "Page last updated", "Page", "x", "1 May 2024")
        ),
        max_size=8,
    ).map("".join)
)
@example("Published: Page last updated: 11 August 2025")
@example("Published  Page last updated")
@example("Published: 1 May 2024  Page last updated Page last updated: 2 May 2024")
def test_published_pattern_matches_as_first_written(tail: str) -> None:
    text = "Published" + tail
    assert _spans(_PUBLISHED.fullmatch(text)) == _spans(_PUBLISHED_AS_WRITTEN.fullmatch(text))


def _own_kinds_as_defined(content: str) -> list[str]:
    """A line's own kinds, trying every pattern (what the prefilter skips)."""
    kinds = [
        kind
        for kind in Kind
        if kind.pattern is not None
        and kind.pattern.fullmatch(content)
        and (
            Role.HEADING not in kind.roles
            or (is_heading_like(content) and not reads_as_sentence(content))
        )
    ]
    if Rating.from_text(content) is not None:
        kinds.append(Kind.RATING)
    if is_i_statement(content):
        kinds.append(Kind.I_STATEMENT)
    return kinds


line_starts = st.sampled_from(
    [line.strip()[:n] for line in STRUCTURAL_LINES if line.strip() for n in (3, 9, 200)]
    + ["İnadequate", "ſcore: 3", "Requires   improvement", "G-o-o-d", "  Good", "Kelvin"]
)


@given(st.tuples(line_starts, st.text(any_char, max_size=12)).map("".join))
@example("Good")
@example("requires\u2003improvement")
@example("Published: local authority assessment")
@example("Score: 3 - Evidence shows a good standard")
@example("“I feel safe and am supported to understand and manage any risks.”")
def test_line_classification_shortcuts_keep_the_definitions(line: str) -> None:
    content = line.strip()
    if not content or "\n" in content:
        return
    from cqcmodel.text import _own_kinds  # noqa: PLC0415 - the private function under test

    assert [kind for kind, _ in _own_kinds(content)] == _own_kinds_as_defined(content)


def _normalised_as_defined(text: str) -> tuple[str, ...] | None:
    """Normalisation step by step (None where it rejects a control character)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text:  # beside line feeds, breaks inside a paragraph: spaces
        text = text.replace("\u2028", " ").replace("\x85", " ")
    text = re.sub("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]", "\n", text)
    if re.search("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]", text):
        return None
    text = re.sub("[\ufeff\u200b\u200c\u200d\u2060\u00ad]", "", text)
    table = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", **LIGATURES})
    return tuple(line.translate(table).rstrip() for line in text.split("\n"))


@given(
    st.text(
        st.one_of(
            any_char, st.sampled_from("\r\n\u00a0\u200b\u00ad\ufeff\x85\u2028\ufb00\ufb01 \t")
        ),
        max_size=60,
    )
)
def test_normalisation_shortcuts_keep_the_definition(text: str) -> None:
    expected = _normalised_as_defined(text)
    try:
        lines = SourceText(text).lines
    except ParseError:
        assert expected is None
    else:
        assert lines == expected


# --- extraction on pathological findings -----------------------------------------------------

_RUN_LONG = 100_000


def _page(finding: str, name: str = "Kent County Council") -> Authority:
    return parse(
        f"{name}: local authority assessment\n{STATEMENT}{FINDINGS}{finding}\n"
        "People told us they waited.\n"
    )


def _extract_everything(authority: Authority) -> None:
    from cqcmodel import extract  # noqa: PLC0415 - extraction loads lazily

    extract.extract_initiatives(authority)
    extract.extract_organisations(authority)
    extract.extract_figures(authority)
    for statement in authority.statements:
        for finding in statement.findings:
            extract.finding_voices(finding)


#: A hang guard for a case that finishes (on a parameter: the marks of a parameter come after
#: those of the function, so a function-level timeout would win over it).
_FINISHES = [pytest.mark.timeout(60)]


@pytest.mark.parametrize(
    ("finding", "name"),
    [
        pytest.param(
            "word " * _RUN_LONG + "end.", "Kent County Council", id="long finding", marks=_FINISHES
        ),
        pytest.param("1 " * _RUN_LONG + "%.", "Kent County Council", id="numbers", marks=_FINISHES),
        pytest.param(
            "1-" * _RUN_LONG + "1 weeks.", "Kent County Council", id="ranges", marks=_FINISHES
        ),
        pytest.param(
            "‘a" * _RUN_LONG + ".", "Kent County Council", id="open quotes", marks=_FINISHES
        ),
        pytest.param(
            "heard " * _RUN_LONG + ".", "Kent County Council", id="reporting words", marks=_FINISHES
        ),
        pytest.param(
            "Word" + "." * _RUN_LONG + "x",
            "Kent County Council",
            id="run of full stops",
            marks=_FINISHES,
        ),
        pytest.param(
            "a-" * _RUN_LONG + "a.",
            "Kent County Council",
            id="hyphenated run",
            marks=_FINISHES,
        ),
        pytest.param(
            "People" + " " * _RUN_LONG + "waited.",
            "Kent County Council",
            id="spaces",
            marks=_FINISHES,
        ),
        pytest.param(
            "People told us.",
            "Kent" + " " * _RUN_LONG + "x County",
            id="run of spaces in the name",
            marks=_FINISHES,
        ),
    ],
)
def test_extraction_of_pathological_findings_finishes(finding: str, name: str) -> None:
    _extract_everything(_page(finding, name))


#: How many names, figures or verbs one finding holds in the cases below: enough that work
#: growing with the square of the count (each item compared with every other, or the finding
#: read again for each) would not finish under the timeout.
_MANY = 10_000
MANY_IN_ONE_FINDING: dict[str, Callable[[], str]] = {
    "counts": lambda: "1 day, " * _MANY + "end.",
    "percentages": lambda: "1%, " * _MANY + "end.",
    "England averages": lambda: "England average 1%, " * _MANY + "end.",
    "changes": lambda: "from 1 to 2 days " * _MANY + "end.",
    "reporting verbs": lambda: "Staff " + "told " * _MANY + "us.",
    "distinct names": lambda: "".join(f"Name{i} Board, " for i in range(_MANY)) + "end.",
    "distinct names, one a sentence": lambda: "".join(
        f"The Name{i} Board met. " for i in range(_MANY)
    ),
    "one acronym": lambda: "BCF " * _MANY + "end.",
    "quoted names": lambda: "".join(f"‘Foo{i} Bar’ " for i in range(_MANY)) + "end.",
    "acronym definitions": lambda: "".join(f"Alpha Beta (AB{i}) " for i in range(_MANY)) + ".",
    "agreements": lambda: "section 75 agreement " * _MANY + "end.",
    "one long name": lambda: "Word of " * _MANY + "Board.",
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(MANY_IN_ONE_FINDING))
def test_extraction_of_many_items_in_one_finding_finishes(name: str) -> None:
    _extract_everything(_page(MANY_IN_ONE_FINDING[name]()))


def test_extraction_of_a_finding_with_unbalanced_quotes() -> None:
    # Found by the fuzz target: extract_initiatives raised "span 0:0 does not hold ''".
    _extract_everything(parse(f'{TITLE}\n{STATEMENT}{FINDINGS}"A "B\n'))


#: For each extraction pattern that reads runs, inputs that make a backtracking matcher work
#: hardest (long runs of what its quantifiers consume, ending where the match must fail), and
#: how the pattern is used.
_EXTRACTION_RUNS = (
    "." * _RUN + "x",
    "!?" * _RUN + "’" * _RUN + "x",
    "a-" * _RUN + "a.",
    "a-" * _RUN + "a cafe",
    "X" + "a-" * _RUN + "a cafe",
    "-" * _RUN + " café",
    "a" + " " * _RUN + "x",
    "a cafe" + " " * _RUN + "x",
    "Kent" + " " * _RUN + "x County",
    "Kent metropolitan" + " " * _RUN + "x",
    "Kent" + " council" * _RUN + " x",
    "the" + " " * _RUN + "x",
    "the london" + " " * _RUN + "x",
    "," + " " * _RUN + "x",
    ", which" + " " * _RUN + "x",
    ", which is a " + "a-" * _RUN + ".",
    ", which is a " + "a " * _RUN,
    "reported" + " " * _RUN + "x",
    "heard" + " x" * _RUN,
    "data" + " " * _RUN + "showed",
    "Assessing" + " " * _RUN + "x",
    "Section" + " " * _RUN,
    "known" + " " * _RUN + "x",
    "spend " + "a " * _RUN + "on",
    "proportion of " + "a " * _RUN + "x",
    "budget" + " x" * _RUN,
    "1 " + "a" * _RUN + " x",
    "A" + " a" * _RUN + " ,",
    "A" + (" a" * 4 + " A") * _RUN + " ,",
    "A" + " " * _RUN + "-",
)


@pytest.mark.timeout(60)
def test_no_extraction_pattern_backtracks_catastrophically() -> None:
    from cqcmodel.extract import (  # noqa: PLC0415
        _candidates,
        _figure_values,
        _rules,
        _text,
        _title_case,
        _voicing,
        figures,
    )

    for text in _EXTRACTION_RUNS:
        lower = _text.lowered(text)
        voice_patterns = (_voicing._REPORTING, _voicing._FROM, _voicing._DATA)
        for pattern in (*voice_patterns, _rules._titles_pattern()):
            list(pattern.finditer(text, lower))
            list(pattern.finditer(text, None))
        _figure_values._labelled(text, 0, len(text))
        _text.sentences(text)
        _text.capital_windows(text, 0, len(text))
        _candidates._NAME_SUFFIXES.sub("", text)
        _candidates._NAME_PREFIXES.sub("", text)
        _title_case._APPOSITION.match(text)
        _title_case._APPOSITION.match(text, 1)
        _title_case._NAMING.search(text)
        _rules._CONTINUES.match(text)
        figures._SPENT_ON.search(text)
        _figure_values._RATIO_BEFORE.search(text)
        _figure_values._MONEY_BEFORE.search(text)
        _figure_values._BARE_NUMBER.search(text)
        list(_figure_values._RANGE.finditer(text))
