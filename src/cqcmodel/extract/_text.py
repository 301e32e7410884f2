"""Shared text helpers for extraction: sentence spans, word tokens, passages and name keys."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Collection, Iterator
from typing import Final, NamedTuple

from ..framework import fold
from ..model import Authority

#: A candidate sentence end: terminal punctuation, closing quotes or brackets, then space.
#: It starts only at the first mark of a run and gives nothing back, so a long run of full
#: stops is read once rather than once from each of its marks. The look-behind comes after
#: the first mark, so that the pattern starts with a class Python skips to.
_BOUNDARY: Final = re.compile(r"[.!?](?<![.!?]{2})[.!?]*+['\"’”)\]]*+\s+")
#: Words after which a full stop does not end a sentence.
_ABBREVIATIONS: Final = frozenset(
    {"e.g", "i.e", "eg", "ie", "etc", "dr", "mr", "mrs", "ms", "st", "no", "vs", "approx", "cllr"}
)
#: A word (letters and digits, with inner apostrophes or hyphens), an ampersand, or one mark.
#: Space or hyphens between the words of a name.
WORD_GAP: Final = re.compile(r"[\s-]+")
_TOKEN: Final = re.compile(r"\w+(?:[’'-]\w+)*|&|[^\w\s]")


#: Characters a case-insensitive pattern matches to an ASCII letter that :meth:`str.lower`
#: does not turn into it: dotted and dotless i, long s and the Kelvin sign.
_CASE_EXCEPTIONS: Final = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered(text: str) -> str | None:
    """``text`` in lower case for :class:`Caseless` patterns (``None`` where that is unsafe).

    ``None`` when the text holds one of ``_CASE_EXCEPTIONS``: the lower-cased pattern would
    not find there what the case-insensitive one finds.
    """
    if _CASE_EXCEPTIONS.search(text):
        return None
    lower = text.lower()
    return lower if len(lower) == len(text) else None


class Caseless:
    r"""A case-insensitive pattern, matched in lower case where that finds the same spans.

    Python tries a case-insensitive pattern by folding each character it compares. In a text
    for which :func:`lowered` gives a lower-cased copy, the pattern with its letters in lower
    case finds the same spans in that copy, two or three times faster: lower-casing keeps
    each character's place and whether it is a word character or space, and maps to an
    ASCII letter only that letter's capital. So the pattern's letters must be ASCII, and it
    may use no escape in capitals (``\S``, ``\W``).
    """

    def __init__(self, pattern: str) -> None:
        if re.search(r"\\[A-Z]", pattern) or any(
            char.isalpha() and not char.isascii() for char in pattern
        ):
            msg = f"not a pattern of ASCII letters without capital escapes: {pattern!r}"
            raise ValueError(msg)
        self.caseless = re.compile(pattern, re.IGNORECASE)
        self.lowered = re.compile(pattern.lower())

    def finditer(
        self, text: str, lower: str | None, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches in ``text[start:end]``, given ``lower = lowered(text)``.

        Their spans are those of ``finditer`` of the case-insensitive pattern (from ``start``
        to ``end``, as ``pos`` and ``endpos`` say); what they matched is to be read from
        ``text`` by span (a match may hold the lower-cased copy).
        """
        stop = len(text) if end is None else end
        if lower is None:
            return self.caseless.finditer(text, start, stop)
        return self.lowered.finditer(lower, start, stop)


def first_characters(pattern: re.Pattern[str]) -> str:
    """The characters one of which starts every match of ``pattern`` ("" when it cannot tell).

    Read from the parsed pattern: a literal, or a branch whose alternatives each start with
    one, after any look-around or boundary (which match no character). A sentence without
    any of them holds no match. Anything else (classes, repeats that may be empty, flags)
    gives "", as does a Python whose parser is not at hand.
    """
    if pattern.flags & re.IGNORECASE:
        return ""
    try:
        from re import _parser  # noqa: PLC0415
    except ImportError:  # pragma: no cover - Python before 3.11
        return ""
    found = _first_characters(_parser.parse(pattern.pattern, pattern.flags).data)
    return "".join(sorted(found)) if found else ""


def _first_characters(items: list[tuple[object, object]]) -> set[str] | None:
    from re import _constants as c  # noqa: PLC0415

    for op, argument in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # matches no character
        if op is c.LITERAL:
            return {chr(argument)}  # type: ignore[arg-type]
        if op is c.BRANCH:
            found: set[str] = set()
            for alternative in argument[1]:  # type: ignore[index]
                first = _first_characters(alternative.data)
                if first is None:
                    return None
                found |= first
            return found
        if op is c.SUBPATTERN and not argument[1]:  # type: ignore[index]
            return _first_characters(argument[3].data)  # type: ignore[index]
        return None
    return None


class Sentence:
    """One sentence of a text, with its character span in that text.

    A plain class, not an attrs one (as :class:`Passage`): the compiled build makes it a
    native class, whose fields every rule reads directly. Equal to a sentence of the same
    span and text; not to be changed once made.
    """

    start: int
    end: int
    text: str

    def __init__(self, *, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    def _fields(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentence) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Sentence(start={self.start!r}, end={self.end!r}, text={self.text!r})"


class Token(NamedTuple):
    """One word or punctuation mark of a sentence, with its span in the whole text.

    A named tuple: a sentence has many, and a tuple is made in about half the time of an
    attrs instance.
    """

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        """Whether the token is a word (or ``&``) rather than a punctuation mark."""
        return self.text == "&" or self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        """Whether the word starts with a capital letter."""
        return self.text[0].isupper()

    @property
    def is_acronym(self) -> bool:
        """Whether the word reads as an acronym: two or more capitals, starting with one."""
        return acronym(self.text)


def acronym(word: str) -> bool:
    """Whether a word reads as an acronym (:attr:`Token.is_acronym`).

    A function, not only a property: compiled, a property of a named tuple is looked up and
    called as a Python attribute, a function is called natively.
    """
    return word[0].isupper() and any(map(str.isupper, word[1:]))


#: Makes a :class:`Token` from a tuple: ``Token(start, end, text)`` without the named
#: tuple's ``__new__`` (a Python function), which costs a third more on the many tokens made.
_token: Final = tuple.__new__


#: Findings up to this long have their sentences cached (the names, figures and voices of a
#: finding each read them), and names up to the second their keys: a bounded number of
#: bounded texts is kept alive, however long the input.
_CACHED_LENGTH: Final = 20_000
_CACHED_NAME_LENGTH: Final = 200


def sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences whose spans cover it in order, without surrounding space.

    A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets) followed by
    space and a capital, digit, quote or bracket; common abbreviations (``e.g.``) do not end one.
    """
    if len(text) <= _CACHED_LENGTH:
        return _cached_sentences(text)
    return _sentences(text)


def _sentences(text: str) -> tuple[Sentence, ...]:
    result: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        following = text[match.end() : match.end() + 1]
        if not following or not (following[0].isupper() or following[0] in "0123456789‘“'\"(£"):
            continue
        if _last_word(text, start, match.start()).strip("(").casefold() in _ABBREVIATIONS:
            continue
        end = match.end() - (len(match.group()) - len(match.group().rstrip()))
        result.append(Sentence(start=start, end=end, text=text[start:end]))
        start = match.end()
    tail = text[start:].rstrip()
    if tail.strip():
        offset = len(tail) - len(tail.lstrip())
        result.append(Sentence(start=start + offset, end=start + len(tail), text=tail.lstrip()))
    return tuple(result)


_cached_sentences: Final = functools.lru_cache(maxsize=512)(_sentences)


def _last_word(text: str, start: int, end: int) -> str:
    """The last run of non-space characters of ``text[start:end]`` ("" when there is none).

    Read backwards from ``end``, so that the words of a long sentence are not split again at
    each of its candidate ends.
    """
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    begin = stop
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:stop]


def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """The words and punctuation marks of ``text[start:end]``, spans relative to ``text``."""
    stop = len(text) if end is None else end
    return tuple(
        [
            _token(Token, (match.start(), match.end(), match.group()))
            for match in _TOKEN.finditer(text, start, stop)
        ]
    )


def words_from(text: str, start: int, end: int) -> Iterator[Token]:
    """The word tokens of ``text[start:end]`` in order, made only as far as they are read."""
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if word == "&" or word[0].isalnum():
            yield _token(Token, (match.start(), match.end(), word))


def stretches(text: str, start: int, end: int) -> tuple[list[tuple[Token, ...]], int | None]:
    """The runs of words between punctuation marks in ``text[start:end]`` that hold a capital.

    Each is a tuple of word tokens (as :func:`tokens` reads them) with at least one word that
    starts with a capital letter; a run without one cannot hold a name, and its tokens are not
    made. Also where the first word of the text starts (``None`` when it has no word).
    """
    found: list[tuple[Token, ...]] = []
    run: list[re.Match[str]] = []
    capital = False
    first: int | None = None
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if word == "&" or word[0].isalnum():
            if first is None:
                first = match.start()
            run.append(match)
            capital = capital or word[0].isupper()
            continue
        if capital:
            found.append(tuple([_token(Token, (m.start(), m.end(), m.group())) for m in run]))
        run = []
        capital = False
    if capital:
        found.append(tuple([_token(Token, (m.start(), m.end(), m.group())) for m in run]))
    return found, first


_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")
#: How many words after a capitalised word a Title Case run reads: two connectors and the
#: capital that follows them, or the four words of a lower-case extension.
WINDOW: Final = 4
#: A word token (as :data:`_TOKEN` reads one) that starts with an ASCII capital, read from its
#: capital: the look-behinds (after the capital, so that the pattern starts with a class of
#: letters Python skips to) say that it starts a token rather than sits inside one ("co-Op").
CAPITAL_WORD: Final = r"[A-Z](?<!\w[A-Z])(?<!\w[’'-][A-Z])\w*+(?:[’'-]\w++)*+"
#: Any other word token, or an ampersand.
_OTHER_WORD: Final = r"(?:(?![A-Z])\w++(?:[’'-]\w++)*+|&)"
#: A window (see :func:`capital_windows`): a capitalised word, any words up to and including
#: a capitalised one at most :data:`WINDOW` + 1 words on, again and again, then at most
#: :data:`WINDOW` other words. Words are read whole and nothing is given back, and between
#: words only space is read, so a window never crosses a punctuation mark.
_WINDOW: Final = re.compile(
    CAPITAL_WORD
    + rf"(?:(?:\s*+{_OTHER_WORD}){{0,{WINDOW}}}+\s*+{CAPITAL_WORD})*+"
    + rf"(?:\s*+{_OTHER_WORD}){{0,{WINDOW}}}+"
)
#: Where a text's first word starts.
WORD_START: Final = re.compile(r"[\w&]")


def capital_windows(
    text: str, start: int, end: int
) -> tuple[list[tuple[Token, ...]], int | None] | None:
    """The words of ``text[start:end]`` that a Title Case run can read, in windows.

    Like :func:`stretches`, but each window holds only the words from a capitalised word to
    :data:`WINDOW` words after the last capitalised word that follows within that many:
    words further from every capital are never read by a run, and are not made. ``None``
    where capitals are not all ASCII, or a token starts with "_" (then use
    :func:`stretches`). Also where the first word of the text starts.
    """
    if text.find("_", start, end) >= 0:
        return None
    if not text[start:end].isascii() and any(
        map(str.isupper, _NON_ASCII.findall(text, start, end))
    ):
        return None
    first = WORD_START.search(text, start, end)
    if first is None:
        return [], None
    found = [
        match_tokens(text, window.start(), window.group())
        for window in _WINDOW.finditer(text, start, end)
    ]
    return found, first.start()


def match_tokens(text: str, start: int, written: str) -> tuple[Token, ...]:
    """The tokens (as :data:`_TOKEN` reads them) of ``written``, found in ``text`` at ``start``.

    For words with only space between them (none only next to an ampersand), as a window
    holds: where they are one space apart and hold no ampersand, they are its split, and
    their places follow from their lengths; no match is made for each.
    """
    return tuple(match_token_list(text, start, written))


def match_token_list(text: str, start: int, written: str) -> list[Token]:
    """:func:`match_tokens` as a list (for a run's words, which are read as one)."""
    words = written.split()
    if "&" in written or " ".join(words) != written:
        return [
            _token(Token, (match.start(), match.end(), match.group()))
            for match in _TOKEN.finditer(text, start, start + len(written))
        ]
    found: list[Token] = []
    position = start
    for word in words:
        end = position + len(word)
        found.append(_token(Token, (position, end, word)))
        position = end + 1
    return found


class WordIndex:
    """The word tokens of one sentence, to take those before a point without reading again.

    A plain class (a native one when compiled); not to be changed once made.
    """

    text: str
    start: int
    words: tuple[Token, ...]
    ends: tuple[int, ...]

    def __init__(
        self, text: str, start: int, words: tuple[Token, ...], ends: tuple[int, ...]
    ) -> None:
        self.text = text
        self.start = start
        self.words = words
        self.ends = ends

    @classmethod
    def of(cls, text: str, sentence: Sentence) -> WordIndex:
        """The index of ``sentence`` of ``text``."""
        words = tuple(
            [
                _token(Token, (match.start(), match.end(), word))
                for match in _TOKEN.finditer(text, sentence.start, sentence.end)
                if (word := match.group()) == "&" or word[0].isalnum()
            ]
        )
        return cls(text, sentence.start, words, tuple([word.end for word in words]))

    def before(self, end: int) -> tuple[Token, ...]:
        """The word tokens of ``tokens(text, sentence.start, end)``.

        When no word straddles ``end`` they are the sentence's words that end by it; else
        (``end`` inside "co-Production") the words up to ``end`` are read again.
        """
        count = bisect.bisect_right(self.ends, end)
        if count < len(self.words) and self.words[count].start < end:
            return tuple(words_from(self.text, self.start, end))
        return self.words[:count]


class Passage:
    """One finding's text and where it sits in the authority: the unit extraction reads.

    A plain class, as :class:`Sentence` is (a native class when compiled); equal to a
    passage of the same fields, not to be changed once made.
    """

    #: Order of the passage in the authority, for sorting mentions.
    order: int
    statement_id: int | None
    finding_index: int
    text: str
    sentences: tuple[Sentence, ...]

    def __init__(
        self,
        *,
        order: int,
        statement_id: int | None,
        finding_index: int,
        text: str,
        sentences: tuple[Sentence, ...],
    ) -> None:
        self.order = order
        self.statement_id = statement_id
        self.finding_index = finding_index
        self.text = text
        self.sentences = sentences

    def _fields(self) -> tuple[int, int | None, int, str, tuple[Sentence, ...]]:
        return (self.order, self.statement_id, self.finding_index, self.text, self.sentences)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Passage) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Passage(order={self.order!r}, statement_id={self.statement_id!r}, "
            f"finding_index={self.finding_index!r}, text={self.text!r}, "
            f"sentences={self.sentences!r})"
        )


def passages(authority: Authority) -> tuple[Passage, ...]:
    """The key findings of every statement of ``authority``, in published order."""
    result: list[Passage] = []
    for statement in authority.statements:
        statement_id = statement.statement_id  # a look-up of the title: once per statement
        for index, finding in enumerate(statement.findings):
            result.append(
                Passage(
                    order=len(result),
                    statement_id=statement_id,
                    finding_index=index,
                    text=finding.text,
                    sentences=sentences(finding.text),
                )
            )
    return tuple(result)


@functools.lru_cache(maxsize=16)
def cached_passages(authority: Authority) -> tuple[Passage, ...]:
    """:func:`passages`, kept for the last few authorities: names and figures both read them."""
    return passages(authority)


def singular(word: str) -> str:
    """A crude singular of a lower-case word, enough to merge "Boards" with "Board"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


def singular_forms(words: Collection[str]) -> frozenset[str]:
    """The lower-case words whose :func:`singular` may be one of ``words``.

    Each word, with an "s" added, and a "y" at its end read as "ies": a word that is none of
    them has no singular among ``words``, which a set tells without making its singular.
    """
    forms = set(words)
    forms |= {word + "s" for word in words}
    forms |= {word[:-1] + "ies" for word in words if word.endswith("y")}
    return frozenset(forms)


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_key(name: str) -> str:
    """The identity of a name for merging and matching.

    Typography folded, accents dropped, ``&`` read as "and", hyphens as spaces, a leading
    "the" dropped and each word made singular: "the Health and Wellbeing Boards" and
    "Health & Wellbeing Board" share a key.
    """
    if len(name) > _CACHED_NAME_LENGTH:
        return _name_key(name)
    found = _NAME_KEYS.get(name)
    if found is None:
        if len(_NAME_KEYS) >= _MOST_NAME_KEYS:
            _NAME_KEYS.clear()
        found = _NAME_KEYS[name] = _name_key(name)
    return found


def _name_key(name: str) -> str:
    text = _strip_accents(name).replace("&", " and ").replace("-", " ").replace("–", " ")
    words = fold(text).strip(" '\"").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join([singular(word) for word in words])


#: The keys :func:`name_key` has made of names up to :data:`_CACHED_NAME_LENGTH` long,
#: emptied when full: compiled, a dictionary's lookup is native, an LRU cache's call generic.
_NAME_KEYS: Final[dict[str, str]] = {}
_MOST_NAME_KEYS: Final = 4096


def clear_caches() -> None:
    """Empty the passage, sentence and name-key caches."""
    _cached_sentences.cache_clear()
    _NAME_KEYS.clear()
    cached_passages.cache_clear()


def compact_key(name: str) -> str:
    """The key of an acronym-like name with its spaces removed ("NWL ICB" → ``nwlicb``)."""
    return name_key(name).replace(" ", "")


def initials(name: str) -> str:
    """The capital initials of a name's capitalised words ("Better Care Fund" → ``BCF``)."""
    return "".join(word[0] for word in WORD_GAP.split(name) if word and word[0].isupper())
