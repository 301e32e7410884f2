"""The CQC local authority assessment framework as data: themes, statements, labels, bands.

Everything the parser, the model and the extractors need to know about the framework lives
here, so that a revised framework (a "v2") is an edit to this module's tables, not a hunt for
literals. Texts are quoted exactly as published; matching goes through :func:`fold`.
"""

from __future__ import annotations

import enum
import re
from functools import cache, lru_cache
from typing import Final

import attrs

__all__ = [
    "HEADING_MAX_LENGTH",
    "MONTH_NAMES",
    "RATING_THRESHOLDS",
    "STATEMENTS",
    "Rating",
    "Score",
    "StatementInfo",
    "Theme",
    "fold",
    "is_heading_like",
    "rating_for_percentage",
    "statement_by_code",
    "statement_by_id",
    "statement_by_title",
    "statement_key",
]


class Theme(enum.IntEnum):
    """One of the four themes that group the nine quality statements."""

    WORKING_WITH_PEOPLE = 1
    PROVIDING_SUPPORT = 2
    ENSURING_SAFETY = 3
    LEADERSHIP = 4

    @property
    def title(self) -> str:
        """The theme's published title."""
        return _THEME_TITLES[self]


_THEME_TITLES: Final = {
    Theme.WORKING_WITH_PEOPLE: "Working with people",
    Theme.PROVIDING_SUPPORT: "Providing support",
    Theme.ENSURING_SAFETY: "How the local authority ensures safety within the system",
    Theme.LEADERSHIP: "Leadership",
}


class Score(enum.IntEnum):
    """A quality statement score, 1 to 4, with its published label."""

    SIGNIFICANT_SHORTFALLS = 1
    SOME_SHORTFALLS = 2
    GOOD_STANDARD = 3
    EXCEPTIONAL_STANDARD = 4

    @property
    def label(self) -> str:
        """The label as published after the number, e.g. ``Evidence shows a good standard``."""
        return _SCORE_LABELS[self]

    @classmethod
    def from_label(cls, label: str) -> Score | None:
        """The score whose label is ``label`` (typography folded), or ``None``."""
        return _SCORE_BY_FOLDED_LABEL.get(fold(label))


_SCORE_LABELS: Final = {
    Score.SIGNIFICANT_SHORTFALLS: "Evidence shows significant shortfalls",
    Score.SOME_SHORTFALLS: "Evidence shows some shortfalls",
    Score.GOOD_STANDARD: "Evidence shows a good standard",
    Score.EXCEPTIONAL_STANDARD: "Evidence shows an exceptional standard",
}


class Rating(enum.Enum):
    """An overall rating, valued by the word CQC publishes."""

    INADEQUATE = "Inadequate"
    REQUIRES_IMPROVEMENT = "Requires improvement"
    GOOD = "Good"
    OUTSTANDING = "Outstanding"

    @classmethod
    def from_text(cls, text: str) -> Rating | None:
        """The rating published as ``text`` (case and spacing folded), or ``None``."""
        return _RATING_BY_FOLDED.get(fold(text))


#: Lowest whole percentage of each rating band (domain: 25–38, 39–62, 63–87, 88+).
RATING_THRESHOLDS: Final[tuple[tuple[int, Rating], ...]] = (
    (88, Rating.OUTSTANDING),
    (63, Rating.GOOD),
    (39, Rating.REQUIRES_IMPROVEMENT),
    (0, Rating.INADEQUATE),
)


def rating_for_percentage(percentage: int) -> Rating:
    """The rating band a published (whole-number) percentage falls in."""
    if not 0 <= percentage <= 100:
        msg = f"a percentage is 0 to 100, not {percentage}"
        raise ValueError(msg)
    for lowest, rating in RATING_THRESHOLDS:
        if percentage >= lowest:
            return rating
    raise AssertionError("unreachable: the last threshold is 0")  # pragma: no cover


@attrs.frozen(kw_only=True)
class StatementInfo:
    """One quality statement of the framework: its identity and canonical texts."""

    #: Framework id, 1–9, in the framework's order.
    id: int
    #: URL code of the statement's page (``needs``, ``support``, …).
    code: str
    #: The theme the statement belongs to.
    theme: Theme
    #: The title as report pages publish it.
    title: str
    #: Other titles the statement is published under (framework wording, older pages).
    title_variants: tuple[str, ...] = ()
    #: The "What people expect" I-statements, in published order (none for 8 and 9).
    i_statements: tuple[str, ...] = ()
    #: "The local authority commitment"; the first is canonical, the rest accepted wordings.
    we_statements: tuple[str, ...] = ()

    @property
    def titles(self) -> tuple[str, ...]:
        """The canonical title followed by its variants."""
        return (self.title, *self.title_variants)


_COORDINATED = (
    "I have care and support that is coordinated, and everyone works well together and with me."
)
_UNIQUE_PERSON = (
    "I have care and support that enables me to live as I want to, seeing me as a unique "
    "person with skills, strengths and goals."
)
_FEEL_SAFE = "I feel safe and am supported to understand and manage any risks."

#: The nine quality statements of the framework, in id order (1–9).
STATEMENTS: Final[tuple[StatementInfo, ...]] = (
    StatementInfo(
        id=1,
        code="needs",
        theme=Theme.WORKING_WITH_PEOPLE,
        title="Assessing needs",
        i_statements=(_COORDINATED, _UNIQUE_PERSON),
        we_statements=(
            "We maximise the effectiveness of people’s care and treatment by assessing and "
            "reviewing their health, care, wellbeing and communication needs with them.",
        ),
    ),
    StatementInfo(
        id=2,
        code="support",
        theme=Theme.WORKING_WITH_PEOPLE,
        title="Supporting people to live healthier lives",
        title_variants=("Supporting people to lead healthier lives",),
        i_statements=(
            "I can get information and advice about my health, care and support and how I can "
            "be as well as possible – physically, mentally and emotionally.",
            "I am supported to plan ahead for important changes in my life that I can anticipate.",
        ),
        we_statements=(
            "We support people to manage their health and wellbeing so they can maximise their "
            "independence, choice and control, live healthier lives and where possible, reduce "
            "future needs for care and support.",
        ),
    ),
    StatementInfo(
        id=3,
        code="equity",
        theme=Theme.WORKING_WITH_PEOPLE,
        title="Equity in experience and outcomes",
        i_statements=(_UNIQUE_PERSON,),
        we_statements=(
            "We actively seek out and listen to information about people who are most likely to "
            "experience inequality in experience or outcomes. We tailor the care, support and "
            "treatment in response to this.",
        ),
    ),
    StatementInfo(
        id=4,
        code="care",
        theme=Theme.PROVIDING_SUPPORT,
        title="Care provision, integration and continuity",
        i_statements=(
            "I have care and support that is co-ordinated, and everyone works well together and "
            "with me.",
        ),
        we_statements=(
            "We understand the diverse health and care needs of people and our local "
            "communities, so care is joined-up, flexible and supports choice and continuity.",
        ),
    ),
    StatementInfo(
        id=5,
        code="partnerships",
        theme=Theme.PROVIDING_SUPPORT,
        title="Partnerships and communities",
        i_statements=(_COORDINATED,),
        we_statements=(
            "We understand our duty to collaborate and work in partnership, so our services work "
            "seamlessly for people. We share information and learning with partners and "
            "collaborate for improvement.",
        ),
    ),
    StatementInfo(
        id=6,
        code="pathways",
        theme=Theme.ENSURING_SAFETY,
        title="Safe pathways, systems and transitions",
        title_variants=("Safe systems, pathways and transitions",),
        i_statements=(
            "When I move between services, settings or areas, there is a plan for what happens "
            "next and who will do what, and all the practical arrangements are in place.",
            _FEEL_SAFE,
        ),
        we_statements=(
            "We work with people and our partners to establish and maintain safe systems of "
            "care, in which safety is managed, monitored and assured. We ensure continuity of "
            "care, including when people move between different services.",
        ),
    ),
    StatementInfo(
        id=7,
        code="safeguarding",
        theme=Theme.ENSURING_SAFETY,
        title="Safeguarding",
        i_statements=(_FEEL_SAFE,),
        we_statements=(
            "We work with people to understand what being safe means to them and work with our "
            "partners to develop the best way to achieve this. We concentrate on improving "
            "people’s lives while protecting their right to live in safety, free from bullying, "
            "harassment, abuse, discrimination, avoidable harm and neglect. We make sure we "
            "share concerns quickly and appropriately.",
            "We work with people to understand what being safe means to them as well as with our "
            "partners on the best way to achieve this. We concentrate on improving people’s "
            "lives while protecting their right to live in safety, free from bullying, "
            "harassment, abuse, discrimination, avoidable harm and neglect. We make sure we "
            "share concerns quickly and appropriately.",
        ),
    ),
    StatementInfo(
        id=8,
        code="governance",
        theme=Theme.LEADERSHIP,
        title="Governance, management and sustainability",
        we_statements=(
            "We have clear responsibilities, roles, systems of accountability and good "
            "governance to manage and deliver good quality, sustainable care, treatment and "
            "support. We act on the best information about risk, performance and outcomes, and "
            "we share this securely with others when appropriate.",
        ),
    ),
    StatementInfo(
        id=9,
        code="learning",
        theme=Theme.LEADERSHIP,
        title="Learning, improvement and innovation",
        we_statements=(
            "We focus on continuous learning, innovation and improvement across our organisation "
            "and the local system. We encourage creative ways of delivering equality of "
            "experience, outcome and quality of life for people. We actively contribute to "
            "safe, effective practice and research.",
        ),
    ),
)

#: Month names as report pages write dates ("17 May 2024").
MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# --- the shape of a heading: a format rule, here so that the model does not load the text layer

#: Longest line that can be a heading (sub-heading in findings, section heading in summaries).
HEADING_MAX_LENGTH: Final = 120


def is_heading_like(text: str) -> bool:
    """Whether a line could be a heading: short, and not ending like a sentence.

    A sentence ends in ``.``, ``!`` or ``?``, possibly followed by closing quotes or brackets.
    """
    if len(text) > HEADING_MAX_LENGTH:
        return False
    stripped = text.rstrip("'\"’”)]»")
    return not stripped.endswith((".", "!", "?"))


# --- typography folding ---------------------------------------------------------------------

_FOLD_TABLE: Final = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "\u00a0": " ",
    }
)
_HYPHEN_IN_WORD: Final = re.compile(r"(?<=\w)-(?=\w)")


def fold(text: str) -> str:
    """Fold typography so that published variants of one text compare equal.

    Curly quotes become straight, dashes become ``-``, hyphens inside words are removed
    (``co-ordinated`` → ``coordinated``), whitespace is collapsed and case is folded.
    """
    if not text.isascii():  # (the table maps only characters outside ASCII)
        text = text.translate(_FOLD_TABLE)
    if "-" in text:
        text = _HYPHEN_IN_WORD.sub("", text)
    # Splitting at white space and joining by one space collapses it as ``\s+`` would.
    return " ".join(text.split()).casefold()


_SCORE_BY_FOLDED_LABEL: Final = {fold(label): score for score, label in _SCORE_LABELS.items()}
_RATING_BY_FOLDED: Final = {fold(rating.value): rating for rating in Rating}


@cache
def _titles_index() -> dict[str, StatementInfo]:
    return {fold(title): info for info in STATEMENTS for title in info.titles}


def statement_by_title(title: str) -> StatementInfo | None:
    """The statement published under ``title`` (any known variant), or ``None``.

    Typography and case are folded, and a trailing colon is dropped, as for every heading.
    """
    folded = fold(title)
    return _titles_index().get(folded[:-1].rstrip() if folded.endswith(":") else folded)


@lru_cache(maxsize=1024)
def statement_key(title: str) -> int | str:
    """What identifies the statement published as ``title``: its id, else its folded title.

    Two titles with one key name the same statement (a known title and its variants share the
    framework id; an unknown title matches only itself, typography and case folded).
    """
    info = statement_by_title(title)
    return info.id if info is not None else fold(title)


def statement_by_id(statement_id: int) -> StatementInfo:
    """The statement with framework id ``statement_id`` (1–9); :class:`KeyError` otherwise."""
    for info in STATEMENTS:
        if info.id == statement_id:
            return info
    raise KeyError(statement_id)


def statement_by_code(code: str) -> StatementInfo:
    """The statement with URL code ``code`` (``needs``, …); :class:`KeyError` otherwise."""
    for info in STATEMENTS:
        if info.code == code:
            return info
    raise KeyError(code)
