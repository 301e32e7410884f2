"""Find candidate names of initiatives and organisations in an authority's key findings.

Each rule of the domain (curly-quoted names, Title Case names ending in an initiative noun,
names defined with an acronym, lexicon programmes and bodies, "section 75 agreement", named
cafés, names introduced by "known as"/"called" or followed by "which was an initiative")
yields :class:`Candidate` spans; overlapping spans keep the longest. Grouping the candidates
into initiatives and organisations is :mod:`cqcmodel.extract._merge`'s job.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from typing import Final

import attrs

from ..framework import NATIONAL_PROGRAMMES, STATEMENTS, Rating, Theme
from ..model import Authority
from ._lexicon import (
    CONNECTORS,
    EXTENSION_HEADS,
    GENERIC_ACRONYMS,
    GENERIC_DEPARTMENTS,
    GENERIC_NAMES,
    INITIATIVE_HEADS,
    KIND_HINTS,
    NATIONAL_BODIES,
    NOT_INITIATIVE_HEADS,
    NOT_NAME_WORDS,
    PERSON_HEADS,
    SENTENCE_STARTERS,
    STOP_WORDS,
    WEAK_HEADS,
)
from ._text import (
    WORD_GAP,
    Caseless,
    Passage,
    Sentence,
    Token,
    WordIndex,
    compact_key,
    initials,
    lowered,
    name_key,
    passages,
    singular,
    stretches,
    tokens,
    words_from,
)


class Category(enum.Enum):
    """What a candidate name names."""

    INITIATIVE = "initiative"
    ORGANISATION = "organisation"


def all_caps_key(name: str) -> str | None:
    """``acr:`` key of a name made only of acronyms ("NWL ICB" → ``acr:NWLICB``)."""
    parts = name.split()
    if parts and all(sum(char.isupper() for char in part) >= 2 for part in parts):
        return "acr:" + compact_key(name).upper()
    return None


@attrs.define(kw_only=True, eq=False)
class Candidate:
    """One span that names an initiative or an organisation, with what is known about it."""

    passage: Passage
    start: int
    end: int
    category: Category
    kind: str
    #: Identities shared by spans of one thing (name keys, ``acr:`` acronyms, ``lex:`` names).
    keys: set[str] = attrs.field(factory=set)
    #: Further surface forms that refer to it (a name without a trailing "model", "s75").
    forms: set[str] = attrs.field(factory=set)
    #: The acronym this span defines, from a following ``(ABC)``.
    acronym: str | None = None
    #: The canonical name from a lexicon, when the span is a known programme or body.
    lexicon: str | None = None
    #: End of the text the span claims, including a defining ``(ABC)`` bracket.
    claim_end: int = -1
    #: Found by looking for an already known name (not a name-making rule).
    bare: bool = False
    #: Found as the long form of an acronym definition.
    defined: bool = False

    def __attrs_post_init__(self) -> None:
        """The claimed text is at least the span."""
        self.claim_end = max(self.claim_end, self.end)
        self.keys.add(name_key(self.text))
        caps = all_caps_key(self.text)
        if caps is not None:
            self.keys.add(caps)

    @property
    def text(self) -> str:
        """The name as written."""
        return self.passage.text[self.start : self.end]


# --- patterns -------------------------------------------------------------------------------

_QUOTED: Final = re.compile(r"‘((?:[^‘’\n]|’(?=\w))+)’(?!\w)|“([^“”\n]+)”|\"([^\"\n]+)\"")
_ACRONYM_DEF: Final = re.compile(r"\(([A-Za-z][A-Za-z0-9&]{1,11}(?: [A-Z][A-Za-z0-9&]{1,6})?)\)")
_AGREEMENT: Final = re.compile(
    r"\b(?:[Ss]ection|[Ss])\s?(\d{1,3})\s+(?:partnership\s+)?(agreements?|arrangements?)\b"
)
#: A named café: a lower-case modifier (from the start of a word or after a hyphen), then
#: "café" or "cafe", plural or followed by "event". Matched through :func:`_cafe_matches`.
_CAFE: Final = re.compile(r"\b([a-z][a-z-]{2,}+)\s+(?:café|cafe)s?(?:\s+events?)?\b")
#: What follows a café's modifier, found first so that the modifier's letters are read once.
_CAFE_TAIL: Final = re.compile(r"(?<=[a-z-])\s++(?:café|cafe)s?(?:\s++events?)?\b")
_CAFE_MODIFIER_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz-")
_NAMING: Final = re.compile(
    r"(?:\bknown|\breferred\s+to(?:\s+locally)?|\bbranded)\s+as\s+$|\b(?:called|named|titled)\s+$"
)
#: ", which was a … <noun>" after a name. Space and the first words give nothing back (what
#: follows each cannot start with what it holds), so a long run is read once.
_APPOSITIVE: Final = re.compile(
    r",?\s++(?:which|that|who)\s++(?:was|is|were|are)\s++(?:a|an|the|our|their)\s++"
    r"(?:[\w-]++\s++){0,3}?([\w-]+)\b"
)
_SENTENCE_MARK: Final = re.compile(r"[.!?](?:\s|$)")
_NOT_IN_LONG_FORMS: Final = re.compile(r"[,;:()‘’“”\"]")
_POSSESSIVE: Final = re.compile(r"[’']s$")
_WORD: Final = re.compile(r"\w+")
_CAFE_NOT_NAMES: Final = frozenset(
    {"community", "local", "social", "pop-up", "popup", "virtual", "online", "new", "weekly"}
)
_NHS_WORDS: Final = frozenset(
    {
        "nhs",
        "foundation",
        "healthcare",
        "health",
        "hospital",
        "care",
        "partnership",
        "ambulance",
        "community",
        "mental",
        "university",
    }
)
_NAME_PREFIXES: Final = re.compile(
    r"^(?:the\s++)?(?:london\s++borough\s++of|royal\s++borough\s++of|city\s++of|"
    r"borough\s++of|county\s++of)\s++",
    re.IGNORECASE,
)
#: A council's suffix, from the start of the run of space before it (a match that starts later
#: in the run would end the same way): a long run of space is read once, not once per space.
_NAME_SUFFIXES: Final = re.compile(
    r"(?<!\s)\s++(?:metropolitan\s++borough\s++council|borough\s++council|county\s++council|"
    r"city\s++council|district\s++council|council|assessment)$",
    re.IGNORECASE,
)


#: Place words after a charity's name make its local branch ("Age UK Sunderland").
_BRANCH: Final = r"(?:\s[A-Z][a-z][\w’'-]*){0,2}"


def _words_pattern(name: str, tail: str = "") -> str:
    words = [re.escape(word) for word in WORD_GAP.split(name)]
    words[-1] += "s?"
    return r"(?<![\w-])" + r"[\s-]+".join(words) + tail + r"(?![\w-])"


@attrs.frozen(kw_only=True)
class _LexiconEntry:
    pattern: re.Pattern[str]
    #: Text every match contains (its longest word), to skip a finding or sentence without
    #: running the pattern: most hold none of the lexicon.
    needle: str
    name: str
    category: Category
    kind: str
    acronym: str | None


def _needle(name: str) -> str:
    return max(WORD_GAP.split(name), key=len)


@cache
def _lexicon() -> tuple[_LexiconEntry, ...]:
    """Patterns for the national programmes and bodies, with their derived acronyms."""
    entries: list[_LexiconEntry] = []
    for name, kind in NATIONAL_PROGRAMMES:
        derived = initials(name)
        acronym = derived if len(derived) >= 3 else None
        entries.append(
            _LexiconEntry(
                pattern=re.compile(_words_pattern(name)),
                needle=_needle(name),
                name=name,
                category=Category.INITIATIVE,
                kind=kind,
                acronym=acronym,
            )
        )
    for name, body_acronym, kind in NATIONAL_BODIES:
        entries.append(
            _LexiconEntry(
                pattern=re.compile(_words_pattern(name, _BRANCH if kind == "charity" else "")),
                needle=_needle(name),
                name=name,
                category=Category.ORGANISATION,
                kind=kind,
                acronym=body_acronym,
            )
        )
    entries += [
        attrs.evolve(
            entry,
            pattern=re.compile(r"(?<![\w-])" + re.escape(entry.acronym) + r"s?\b"),
            needle=entry.acronym,
        )
        for entry in entries
        if entry.acronym
    ]
    return tuple(entries)


@cache
def _title_keys() -> frozenset[str]:
    """Keys of statement and theme titles, which are never names."""
    titles = [title for info in STATEMENTS for title in info.titles]
    titles += [theme.title for theme in Theme]
    titles += [rating.value for rating in Rating]
    return frozenset(name_key(title) for title in titles)


def _self_keys(authority: Authority) -> frozenset[str]:
    """Keys of the assessed authority's own names: never an initiative or organisation."""
    names = [authority.name]
    if authority.summary is not None:
        names += [authority.summary.name, authority.summary.short_name]
    if authority.about is not None:
        names.append(authority.about.subject)
    keys: set[str] = {"local authority", "council", "the council"}
    for name in filter(None, names):
        place = _NAME_SUFFIXES.sub("", _NAME_PREFIXES.sub("", name.strip()))
        keys |= {name_key(name), name_key(place), name_key(place + " Council")}
        keys |= {name_key(place + " City Council"), name_key(place + " County Council")}
        acronym = initials(name.replace(" of ", " ").replace("&", ""))
        if len(acronym) >= 3:
            keys.add(name_key(acronym))
    return frozenset(keys)


# --- classification -------------------------------------------------------------------------


def _lower(words: Sequence[str]) -> list[str]:
    return [singular(word.casefold()) for word in words]


def organisation_kind(words: Sequence[str]) -> str | None:
    """The kind of organisation a name's words make, or ``None`` when it names no body."""
    lower = _lower(words)
    if not lower:
        return None
    last, size = lower[-1], len(lower)
    rules: tuple[tuple[bool, str], ...] = (
        ("healthwatch" in lower, "healthwatch"),
        (
            last == "trust" and size >= 2,
            "nhs_trust" if any(word in _NHS_WORDS for word in lower[:-1]) else "charity",
        ),
        (lower[-3:] == ["integrated", "care", "board"] or (last == "icb" and size <= 3), "icb"),
        (last == "council" and size >= 2, "council"),
        (
            size >= 4 and lower[1:3] == ["borough", "of"] and lower[0] in {"london", "royal"},
            "council",
        ),
        (lower[-3:] == ["primary", "care", "network"], "nhs_body"),
        (last == "hospital" and size >= 2, "nhs_body"),
        (
            lower[0] == "nhs"
            and size >= 2
            and last not in INITIATIVE_HEADS
            and last not in NOT_INITIATIVE_HEADS,
            "nhs_body",
        ),
        (lower[-2:] == ["ambulance", "service"], "nhs_trust"),
        (last in {"police", "constabulary", "brigade"}, "other"),
        (lower[-4:] == ["fire", "and", "rescue", "service"], "other"),
        (size >= 2 and ("university" in lower or last == "college"), "other"),
        (size >= 2 and last in {"society", "charity", "foundation", "association"}, "charity"),
        (
            size >= 2 and last in {"commission", "agency", "ombudsman", "inspectorate"},
            "national_body",
        ),
        (size >= 3 and lower[0] == "department" and lower[1] in {"of", "for"}, "national_body"),
    )
    return next((kind for matched, kind in rules if matched), None)


def _head_index(words: Sequence[str]) -> int | None:
    """Index of the last initiative noun of a capitalised name (``None`` if none)."""
    lower = _lower(words)
    for index in range(len(lower) - 1, -1, -1):
        word = lower[index]
        if word in INITIATIVE_HEADS and words[index][0].isupper():
            if word in {"day", "week"} and index == 0:
                continue
            return index
    return None


def _kind_of(words: Sequence[str]) -> str | None:
    """The initiative kind the last word of ``words`` gives, if it is a kind noun."""
    if not words:
        return None
    return KIND_HINTS.get(singular(words[-1].casefold()))


def _is_person(words: Sequence[str]) -> bool:
    return bool(words) and singular(words[-1].casefold()) in PERSON_HEADS


# --- the scanner ----------------------------------------------------------------------------


@attrs.define(kw_only=True)
class _Scan:
    """The state of scanning one authority."""

    self_keys: frozenset[str]
    found: list[Candidate] = attrs.field(factory=list)
    #: Spans no name may overlap (statement titles written in a finding), by passage order:
    #: their starts and ends, in text order (they do not overlap one another).
    blocked: dict[int, tuple[list[int], list[int]]] = attrs.field(factory=dict)
    #: The lexicon entries that may match in the passage last asked about, and its order.
    entries: tuple[_LexiconEntry, ...] = ()
    entries_of: int = -1
    #: The words of the sentence last asked about, and which sentence that was.
    index: WordIndex | None = None
    index_of: tuple[int, int] = (-1, -1)

    def lexicon_entries(self, passage: Passage) -> tuple[_LexiconEntry, ...]:
        """The lexicon entries whose needle ``passage`` holds (in lexicon order)."""
        if self.entries_of != passage.order:
            self.entries = tuple(entry for entry in _lexicon() if entry.needle in passage.text)
            self.entries_of = passage.order
        return self.entries

    def words_before(self, passage: Passage, sentence: Sentence, end: int) -> tuple[Token, ...]:
        """The words of ``sentence`` up to ``end``, its words read once for all questions."""
        if self.index is None or self.index_of != (passage.order, sentence.start):
            self.index = WordIndex.of(passage.text, sentence)
            self.index_of = (passage.order, sentence.start)
        return self.index.before(end)

    def allowed(self, name: str) -> bool:
        """Whether ``name`` may name something (not the authority, a title or a generic noun)."""
        key = name_key(name)
        return bool(key) and key not in self.self_keys and key not in _title_keys()

    def block(self, passage: Passage, start: int, end: int) -> None:
        """Let no name overlap ``start:end`` (after every span blocked before in the passage)."""
        starts, ends = self.blocked.setdefault(passage.order, ([], []))
        starts.append(start)
        ends.append(end)

    def is_blocked(self, passage: Passage, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps a blocked span of ``passage``."""
        starts, ends = self.blocked.get(passage.order, ((), ()))
        # Of the spans that start before ``end``, the last one ends furthest.
        before = bisect.bisect_left(starts, end)
        return before > 0 and ends[before - 1] > start

    def add(
        self,
        passage: Passage,
        start: int,
        end: int,
        *,
        category: Category,
        kind: str,
        **extra: object,
    ) -> Candidate | None:
        """Record a candidate unless its name is excluded (or empty)."""
        text = passage.text[start:end]
        if start >= end or not self.allowed(text):
            return None
        if self.is_blocked(passage, start, end):
            return None
        if category is Category.INITIATIVE and name_key(text) in GENERIC_NAMES:
            return None
        candidate = Candidate(
            passage=passage,
            start=start,
            end=end,
            category=category,
            kind=kind,
            **extra,  # type: ignore[arg-type]
        )
        self.found.append(candidate)
        return candidate


@cache
def _titles_pattern() -> Caseless:
    r"""Statement and theme titles as written in running text, any case or dash.

    Each title starts with a word, so ``(?<!\w)`` says what a leading ``\b`` would.
    """
    titles = sorted(
        {title for info in STATEMENTS for title in info.titles} | {t.title for t in Theme},
        key=len,
        reverse=True,
    )
    words = (r"[\s,-]+".join(map(re.escape, _WORD.findall(title))) for title in titles)
    return Caseless(r"(?<!\w)(?:" + "|".join(words) + r")\b")


def _titles(scan: _Scan, passage: Passage, sentence: Sentence) -> None:
    """Block statement titles: neither they nor names inside them are initiatives."""
    # The sentence on its own: space or the finding's edge is on either side of it.
    text = passage.text[sentence.start : sentence.end]
    for match in _titles_pattern().finditer(text, lowered(text)):
        start, end = match.span()
        if any(char.isupper() for char in text[start + 1 : end]):
            scan.block(passage, sentence.start + start, sentence.start + end)


def _quoted(scan: _Scan, passage: Passage, sentence: Sentence) -> None:
    text = passage.text
    for match in _QUOTED.finditer(text, sentence.start, sentence.end):
        group = next(index for index in (1, 2, 3) if match.group(index) is not None)
        start, end = match.span(group)
        inner = text[start:end]
        start += len(inner) - len(inner.lstrip())
        end -= len(inner) - len(inner.rstrip())
        inner = text[start:end].rstrip(",;:")
        end = start + len(inner)
        words = [token.text for token in tokens(inner) if token.is_word]
        if not words or not (inner[0].isupper() or inner[0].isdigit()) or len(words) > 8:
            continue
        if _SENTENCE_MARK.search(inner):
            continue
        content = [word for word in words if word.casefold() not in CONNECTORS]
        capitalised = sum(1 for word in content if word[0].isupper() or word[0].isdigit())
        if 2 * capitalised < len(content) or (len(content) == 1 and words[0] == "I"):
            continue
        org = organisation_kind(words)
        if org is not None:
            scan.add(passage, start, end, category=Category.ORGANISATION, kind=org)
            continue
        kind = (
            _kind_of(words)
            or _nearby_kind(scan, passage, match.start(), match.end(), sentence)
            or "other"
        )
        scan.add(passage, start, end, category=Category.INITIATIVE, kind=kind)


def _nearby_kind(
    scan: _Scan, passage: Passage, before: int, after: int, sentence: Sentence
) -> str | None:
    """The kind a noun shortly after (or else shortly before) a quoted name gives."""
    following = list(itertools.islice(words_from(passage.text, after, sentence.end), 6))
    preceding = scan.words_before(passage, sentence, before)[-8:]
    for token in [*following, *reversed(preceding)]:
        kind = KIND_HINTS.get(singular(token.text.casefold()))
        if kind:
            return kind
    return None


def _long_form(text: str, words: Sequence[Token], acronym: str) -> tuple[int, int] | None:
    """The span of the words an acronym abbreviates, ending just before its bracket.

    ``words`` are the words of the sentence before the bracket. The Schwartz–Hearst rule: each
    letter of the acronym, right to left, is found in the preceding words, the first letter at
    the start of a word.
    """
    if not words:
        return None
    window = words[-min(len(acronym) + 5, 2 * len(acronym)) :]
    start = window[0].start
    end = words[-1].end
    long = text[start:end]
    short = acronym.casefold()
    s_index, l_index = len(short) - 1, len(long) - 1
    while s_index >= 0:
        char = short[s_index]
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            long[l_index].casefold() != char
            or (s_index == 0 and l_index > 0 and long[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    first = l_index + 1
    while first > 0 and long[first - 1].isalnum():
        first -= 1
    return start + first, end


def _acronyms(scan: _Scan, passage: Passage, sentence: Sentence) -> None:
    text = passage.text
    for match in _ACRONYM_DEF.finditer(text, sentence.start, sentence.end):
        acronym = match.group(1)
        if acronym.endswith("s") and sum(char.isupper() for char in acronym[:-1]) >= 2:
            acronym = acronym[:-1]
        if sum(char.isupper() for char in acronym) < 2 or not acronym[0].isalpha():
            continue
        span = _long_form(text, scan.words_before(passage, sentence, match.start()), acronym)
        if span is None:
            continue
        start, end = span
        long = text[start:end]
        if _NOT_IN_LONG_FORMS.search(long):
            continue
        words = [token.text for token in tokens(long) if token.is_word]
        if len(words) < 2 and sum(char.isupper() for char in long) < 2:
            continue
        extra: dict[str, object] = {
            "acronym": acronym,
            "claim_end": match.end(),
            "defined": True,
            "keys": {"acr:" + acronym.replace(" ", "").upper()},
        }
        org = organisation_kind(words)
        if org is not None:
            scan.add(passage, start, end, category=Category.ORGANISATION, kind=org, **extra)
            continue
        last = singular(words[-1].casefold())
        if last in NOT_INITIATIVE_HEADS or any(_is_person([word]) for word in words):
            continue
        if not long[0].isupper() and last not in KIND_HINTS:
            continue
        kind = (
            _kind_of(words) or _nearby_kind(scan, passage, start, match.end(), sentence) or "other"
        )
        scan.add(passage, start, end, category=Category.INITIATIVE, kind=kind, **extra)


def _lexicon_names(scan: _Scan, passage: Passage, sentence: Sentence) -> None:
    entries = scan.lexicon_entries(passage)
    if not entries:
        return
    words = passage.text[sentence.start : sentence.end]
    for entry in entries:
        if entry.needle not in words:
            continue
        for match in entry.pattern.finditer(passage.text, sentence.start, sentence.end):
            keys = {"lex:" + entry.name}
            if entry.acronym:
                keys.add("acr:" + entry.acronym.upper())
            scan.add(
                passage,
                match.start(),
                match.end(),
                category=entry.category,
                kind=entry.kind,
                lexicon=entry.name,
                keys=keys,
            )


def _agreements(scan: _Scan, passage: Passage, sentence: Sentence) -> None:
    for match in _AGREEMENT.finditer(passage.text, sentence.start, sentence.end):
        number = match.group(1)
        scan.add(
            passage,
            match.start(),
            match.end(),
            category=Category.INITIATIVE,
            kind="agreement",
            keys={f"s{number} agreement"},
            forms={f"s{number}", f"S{number}", f"section {number}", f"Section {number}"},
        )


def _cafe_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches ``_CAFE.finditer(text, start, end)`` gives, reading each word once.

    Run from every hyphen of a long hyphenated word, the pattern would read the rest of the
    word each time. Instead each café (the tail) is found first; its modifier lies in the run
    of lower-case letters and hyphens just before it, and starts at the first place in that run
    where the pattern matches: the run's start or just after one of its hyphens.
    """
    searched = start
    for tail in _CAFE_TAIL.finditer(text, start, end):
        stop = tail.start()
        run = stop
        while run > searched and text[run - 1] in _CAFE_MODIFIER_CHARS:
            run -= 1
        begin = run
        while begin < stop:
            match = _CAFE.match(text, begin, end)
            if match is not None:
                yield match
                searched = match.end()
                break
            hyphen = text.find("-", begin, stop)
            if hyphen < 0:
                break
            begin = hyphen + 1


def _cafes(scan: _Scan, passage: Passage, sentence: Sentence) -> None:
    for match in _cafe_matches(passage.text, sentence.start, sentence.end):
        modifier = match.group(1)
        if modifier in STOP_WORDS or modifier in _CAFE_NOT_NAMES:
            continue
        scan.add(passage, match.start(), match.end(), category=Category.INITIATIVE, kind="event")


# --- Title Case runs ------------------------------------------------------------------------


def _runs(words: Sequence[Token]) -> Iterable[list[int]]:
    """Index runs of capitalised words, joined by at most two connectors between capitals.

    ``words`` are word tokens (a stretch between punctuation marks).
    """
    capitals = [word.text[0].isupper() for word in words]
    index = 0
    count = len(words)
    while index < count:
        if not capitals[index]:
            index += 1
            continue
        run = [index]
        cursor = index + 1
        while cursor < count:
            if capitals[cursor]:
                run.append(cursor)
                cursor += 1
                continue
            joined = cursor
            while (
                joined < count
                and joined - cursor < 2
                and words[joined].text.casefold() in CONNECTORS
                and not capitals[joined]
            ):
                joined += 1
            if joined > cursor and joined < count and capitals[joined]:
                run.extend(range(cursor, joined + 1))
                cursor = joined + 1
                continue
            break
        yield run
        index = cursor


def _capital(token: Token) -> bool:
    return token.is_word and token.text[0].isupper()


def _scan_runs(scan: _Scan, passage: Passage, sentence: Sentence) -> None:
    # The sentence's stretches of words between punctuation marks that hold a capital.
    found, first_word = stretches(passage.text, sentence.start, sentence.end)
    for words in found:
        for run in _runs(words):
            run_tokens = [words[index] for index in run]
            _run_candidates(
                scan,
                passage,
                sentence=sentence,
                words=words,
                run_indexes=run,
                run=run_tokens,
                at_start=run_tokens[0].start == first_word,
            )


#: Last words of organisation names, after which "and" starts another name.
_ORGANISATION_HEADS: Final = frozenset(
    {"trust", "council", "icb", "hospital", "police", "society", "charity", "association"}
)
_OWNERS: Final = frozenset({"council", "authority", "borough", "city", "county", "government"})


def _trim(run: list[Token], *, at_start: bool, self_keys: frozenset[str]) -> list[Token]:
    """Drop a leading article, sentence-starting word or owner ("Council’s") and connectors."""
    trimmed = list(run)
    if trimmed and at_start and trimmed[0].text.casefold() in SENTENCE_STARTERS:
        trimmed = trimmed[1:]
    if len(trimmed) > 1 and _POSSESSIVE.search(trimmed[0].text):
        owner = name_key(trimmed[0].text[:-2])
        if owner in _OWNERS or owner in self_keys:
            trimmed = trimmed[1:]
    while trimmed and (
        trimmed[0].text.casefold() in CONNECTORS or trimmed[0].text.casefold() == "the"
    ):
        trimmed = trimmed[1:]
    while trimmed and trimmed[-1].text.casefold() in CONNECTORS:
        trimmed = trimmed[:-1]
    return trimmed


def _split_after_heads(run: list[Token]) -> list[list[Token]]:
    """Split "X Board and the Y Board" into its names; "Board for People …" stays whole."""
    parts: list[list[Token]] = []
    current: list[Token] = []
    index = 0
    while index < len(run):
        token = run[index]
        current.append(token)
        lower = singular(token.text.casefold())
        following = run[index + 1].text.casefold() if index + 1 < len(run) else None
        is_head = lower in INITIATIVE_HEADS or lower in _ORGANISATION_HEADS
        if is_head and following in CONNECTORS and following not in {"for", "of"}:
            parts.append(current)
            current = []
            index += 1
            while index < len(run) and run[index].text.casefold() in CONNECTORS:
                index += 1
            continue
        index += 1
    if current:
        parts.append(current)
    return parts


def _after_person(run: list[Token]) -> tuple[list[Token], bool]:
    """The name after a job title ("Chair of the Safeguarding Adults Board" → the board)."""
    for index, token in enumerate(run[:-1]):
        if singular(token.text.casefold()) in PERSON_HEADS and run[index + 1].text.casefold() in {
            "of",
            "for",
        }:
            rest = run[index + 1 :]
            while rest and rest[0].text.casefold() in CONNECTORS:
                rest = rest[1:]
            return rest, True
    return run, False


def _run_candidates(
    scan: _Scan,
    passage: Passage,
    *,
    sentence: Sentence,
    words: Sequence[Token],
    run_indexes: list[int],
    run: list[Token],
    at_start: bool,
) -> None:
    text = passage.text
    trimmed = _trim(run, at_start=at_start, self_keys=scan.self_keys)
    if not trimmed:
        return
    starts_sentence = at_start and trimmed[0] is run[0]
    for piece in _split_after_heads(trimmed):
        named, after_person = _after_person(piece)
        part = _trim(named, at_start=False, self_keys=scan.self_keys)
        if not part:
            continue
        names = [token.text for token in part]
        start, end = part[0].start, part[-1].end
        org = organisation_kind(names)
        if org is not None and not after_person:
            if len(part) > 1 or part[0].is_acronym:
                scan.add(passage, start, end, category=Category.ORGANISATION, kind=org)
            continue
        person = _is_person(names)
        head = None if person else _head_index(names)
        if (
            head is not None
            and head < len(part) - 1
            and part[head + 1].text.casefold() not in {"for", "of"}
        ):
            part = part[: head + 1]
            names = names[: head + 1]
            end = part[-1].end
        last_word = run_indexes[-1] if part[-1] is run[-1] else None
        extension = (
            _extension(text, words, last_word, part, starts_sentence=starts_sentence, scan=scan)
            if last_word is not None
            else None
        )
        if extension is not None:
            ext_end, ext_kind, ext_words = extension
            forms: set[str] = set()
            keys: set[str] = set()
            if ext_words == 1 and (len(part) >= 2 or part[0].is_acronym):
                # "the X service" is X: the name without its noun is another form of it.
                base = text[start:end]
                forms.add(base)
                keys.add(name_key(base))
                if part[0].is_acronym and len(part) == 1:
                    keys.add("acr:" + part[0].text.upper())
            scan.add(
                passage,
                start,
                ext_end,
                category=Category.INITIATIVE,
                kind=ext_kind,
                keys=keys,
                forms=forms,
            )
            continue
        if person:
            continue
        if head is not None:
            if after_person and INITIATIVE_HEADS[singular(names[head].casefold())] == "service":
                continue
            if len([name for name in names if name.casefold() not in CONNECTORS]) < 2:
                continue
            if starts_sentence and len(part) == 2 and part[0].text.casefold() in NOT_NAME_WORDS:
                continue
            keys = set()
            forms = set()
            lower_last = singular(names[-1].casefold())
            if lower_last in WEAK_HEADS and len(part) >= 3:
                base = text[start : part[-2].end]
                keys.add(name_key(base))
                forms.add(base)
            kind = INITIATIVE_HEADS[singular(names[head].casefold())]
            scan.add(
                passage,
                start,
                end,
                category=Category.INITIATIVE,
                kind=kind,
                keys=keys,
                forms=forms,
            )
            continue
        _unheaded(scan, passage, sentence, part, starts_sentence=starts_sentence)


def _extension(
    text: str,
    words: Sequence[Token],
    last_index: int,
    part: list[Token],
    *,
    starts_sentence: bool,
    scan: _Scan,
) -> tuple[int, str, int] | None:
    """A lower-case continuation ending in an initiative noun: (end, kind, word count)."""
    caps = text[part[0].start : part[-1].end]
    key = name_key(caps)
    if key in GENERIC_DEPARTMENTS or not scan.allowed(caps):
        return None
    single = len(part) == 1
    if single:
        word = part[0]
        if word.is_acronym:
            if word.text in GENERIC_ACRONYMS:
                return None
        elif starts_sentence or word.text.casefold() in NOT_NAME_WORDS:
            return None
    following: list[Token] = []
    for token in words[last_index + 1 : last_index + 5]:
        lower = token.text.casefold()
        if _capital(token) or lower in STOP_WORDS or not token.text[0].isalpha():
            break
        if lower.endswith("ly"):
            break
        following.append(token)
    best: int | None = None
    for index, token in enumerate(following):
        if singular(token.text.casefold()) in EXTENSION_HEADS:
            best = index
    if best is None:
        return None
    if single and not part[0].is_acronym and best != 0:
        return None
    noun = singular(following[best].text.casefold())
    return following[best].end, INITIATIVE_HEADS.get(noun, "other"), best + 1


def _unheaded(
    scan: _Scan,
    passage: Passage,
    sentence: Sentence,
    part: list[Token],
    *,
    starts_sentence: bool,
) -> None:
    """A capitalised name without an initiative noun: named by its context, or nothing."""
    text = passage.text
    start, end = part[0].start, part[-1].end
    before = text[max(sentence.start, start - 40) : start]
    names = [token.text for token in part]
    if _NAMING.search(before):
        kind = _kind_of(names) or "other"
        scan.add(passage, start, end, category=Category.INITIATIVE, kind=kind)
        return
    if starts_sentence and len(part) == 1:
        return
    if len(part) == 1 and part[0].text.casefold() in NOT_NAME_WORDS:
        return
    appositive = _APPOSITIVE.match(text, end, sentence.end)
    if appositive is not None:
        noun = singular(appositive.group(1).casefold())
        hinted = KIND_HINTS.get(noun)
        if hinted is not None and noun not in {"day", "week", "line", "point", "door"}:
            scan.add(passage, start, end, category=Category.INITIATIVE, kind=hinted)


# --- overlaps and the whole scan ------------------------------------------------------------


def _resolve(found: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping spans, folding what a contained span knew into it."""
    ordered = sorted(found, key=lambda c: (c.passage.order, c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for candidate in ordered:
        # Candidates come in order of start and are not empty, and a span is kept only when
        # it starts at or after the claimed end of every span kept before it in its passage;
        # so only the last one kept can hold a later candidate.
        last = kept[-1] if kept else None
        holder = (
            last
            if last is not None
            and last.passage is candidate.passage
            and candidate.start < last.claim_end
            and last.start < candidate.end
            else None
        )
        if holder is None:
            kept.append(candidate)
            continue
        same = holder.start == candidate.start and holder.end == candidate.end
        if same or name_key(candidate.text) in holder.keys:
            holder.keys |= candidate.keys
            holder.forms |= candidate.forms
            holder.lexicon = holder.lexicon or candidate.lexicon
            if same and candidate.lexicon:
                holder.kind = candidate.kind
            if same and candidate.category is Category.ORGANISATION and not holder.lexicon:
                holder.category = candidate.category
                holder.kind = candidate.kind
        if candidate.acronym and candidate.end == holder.end and holder.acronym is None:
            holder.acronym = candidate.acronym
            holder.defined = True
            holder.claim_end = max(holder.claim_end, candidate.claim_end)
            holder.keys.add("acr:" + candidate.acronym.replace(" ", "").upper())
    return kept


_RULES: Final = (_titles, _quoted, _acronyms, _lexicon_names, _agreements, _cafes, _scan_runs)


def scan(authority: Authority) -> tuple[tuple[Passage, ...], list[Candidate]]:
    """The passages of ``authority`` and the candidate names found in them."""
    state = _Scan(self_keys=_self_keys(authority))
    texts = passages(authority)
    for passage in texts:
        for sentence in passage.sentences:
            for rule in _RULES:
                rule(state, passage, sentence)
    return texts, _resolve(state.found)


@lru_cache(maxsize=16)
def cached_scan(authority: Authority) -> tuple[tuple[Passage, ...], tuple[Candidate, ...]]:
    """:func:`scan`, once per authority: initiatives and organisations share one scan."""
    texts, candidates = scan(authority)
    return texts, tuple(candidates)


__all__ = ["Candidate", "Category", "all_caps_key", "cached_scan", "organisation_kind", "scan"]
