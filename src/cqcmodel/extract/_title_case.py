"""The Title Case rule: runs of capitalised words, cut into the names they hold.

A run (capitalised words joined by at most two connectors, between punctuation marks) is
trimmed of a sentence's first word, articles and owners, split after head nouns and between
coordinated names, and each piece becomes a body, a name ending in an initiative noun, a
name continued in lower case up to such a noun, or a name without a head noun that its
context or its shape names (:func:`_unheaded`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from ._candidates import Scan
from ._classify import head_index, is_person, kind_of, mixed_case, organisation_kind
from ._classify import names_a_thing as _names_a_thing
from ._lexicon import (
    ARTICLE_LINK_WORDS,
    BODY_LIKE_HEADS,
    BRANCH_LINKS,
    BRANCHED_BODIES,
    COLLECTIVE_NOUNS,
    COMPASS_WORDS,
    CONNECTORS,
    DATE_WORDS,
    EXTENSION_HEADS,
    GENERIC_ACRONYMS,
    GENERIC_DEPARTMENTS,
    INITIATIVE_HEADS,
    KIND_HINTS,
    LINK_WORDS,
    LISTED_BODY_NOUNS,
    LISTING_CUES,
    LOCAL_UNDERTAKING_ENDINGS,
    MEMBER_NOUNS,
    NAMING_VERBS,
    NATIONAL_BODY_NAMES,
    NOT_INITIATIVE_HEADS,
    NOT_NAME_WORDS,
    NOT_UNHEADED_WORDS,
    NUMBERED_WORDS,
    ORGANISATION_CUES_AFTER,
    ORGANISATION_CUES_BEFORE,
    ORGANISATION_ENDINGS,
    ORGANISATION_HEADS,
    ORGANISATION_HEADS_OF,
    ORGANISATION_NOUNS,
    OWN_SERVICE_CUES,
    OWNERS,
    PERSON_HEADS,
    PHRASAL_PARTICLES,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    PREDICATE_VERBS,
    PREFIX_BODY_WORDS,
    PROGRAMME_NAMES,
    SAINT_WORDS,
    SENTENCE_STARTERS,
    SINGLE_NAME_CUES,
    STOP_WORDS,
    WEAK_HEADS,
)
from ._text import (
    CAPITAL_WORD,
    WORD_START,
    Passage,
    Sentence,
    Token,
    acronym,
    capital_windows,
    match_token_list,
    name_key,
    singular,
    singular_forms,
    stretches,
    words_from,
)
from .kinds import Category, InitiativeKind, OrganisationKind

#: A naming phrase just before a name: "known as", "called", "referred to locally as". Each
#: verb starts a word (``(?<!\w)`` after its first letter, which says what ``\b`` before it
#: would): every branch starts with a letter, which Python skips to.
_NAMING: Final = re.compile(
    "(?:"
    + "|".join(
        phrase[0] + r"(?<!\w" + phrase[0] + ")" + phrase[1:]
        for phrase in (r"\s+".join(verb.split()) for verb in sorted(NAMING_VERBS))
    )
    + r")(?:\s+[a-z]+ly)?(?:\s+as)?\s+$"
)
#: How the words of a naming phrase (:data:`_NAMING`) may end: a verb, "as" or an adverb.
_NAMING_ENDS: Final = (
    *sorted(verb.rsplit(" ", 1)[-1] for verb in NAMING_VERBS),
    "as",
    "ly",
)


def _named_before(text: str, start: int, sentence: Sentence) -> bool:
    """Whether a naming phrase (:data:`_NAMING`) ends just before ``start``.

    It is searched for only where the words before end as one can: most names follow none.
    """
    before = max(sentence.start, start - 40)
    if not text[before:start].rstrip().endswith(_NAMING_ENDS):
        return False
    return _NAMING.search(text, before, start) is not None


#: The start of an apposition after a name: ", which was a …", ", a …" (its nouns are read
#: by :func:`_apposition`). A bare article needs the comma.
_APPOSITION: Final = re.compile(
    r"(?:,\s++(?:(?:which|that|who)\s++(?:was|is|were|are)\s++)?"
    r"|\s++(?:which|that|who)\s++(?:was|is|were|are)\s++)(?:a|an|the|our|their)\s"
)
#: A possessive's end: "’s", "'s", or a plural's apostrophe ("Thomas’").
_POSSESSIVE_END: Final = re.compile(r"[’'](?:s)?$")


#: The length of the longest connector. Case folding makes no word shorter (a test checks
#: every character), so a longer word is no connector in any case, and is not folded to
#: tell: most capitalised words are longer.
_LONGEST_CONNECTOR: Final = max(len(word) for word in CONNECTORS)
#: The length of the longest connector or sentence starter (see :func:`_trimmed_away`).
_LONGEST_OPENING: Final = max(_LONGEST_CONNECTOR, *(len(word) for word in SENTENCE_STARTERS))


def _runs(words: Sequence[Token]) -> list[tuple[int, int]]:
    """Runs of capitalised words, joined by at most two connectors between capitals.

    ``words`` are word tokens (a stretch between punctuation marks); each run is the slice
    ``words[begin:end]``, given as ``(begin, end)``.
    """
    capitals = [word.text[0].isupper() for word in words]
    found: list[tuple[int, int]] = []
    index = 0
    count = len(words)
    while index < count:
        if not capitals[index]:
            index += 1
            continue
        cursor = index + 1
        while cursor < count:
            if capitals[cursor]:
                cursor += 1
                continue
            joined = cursor
            while (
                joined < count
                and joined - cursor < 2
                and (
                    words[joined].text.casefold() in CONNECTORS
                    or (words[joined].text[0].isdigit() and _numbered(words, joined))
                )
                and not capitals[joined]
            ):
                joined += 1
            if joined > cursor and joined < count and capitals[joined]:
                cursor = joined + 1
                continue
            break
        found.append((index, cursor))
        index = cursor
    return found


def _numbered(words: Sequence[Token], index: int) -> bool:
    """Whether the word at ``index`` is a number after a word that takes one ("Section 75")."""
    return (
        index > 0
        and words[index].text.isdigit()
        and words[index - 1].text.casefold() in NUMBERED_WORDS
    )


def _capital(token: Token) -> bool:
    return token.is_word and token.text[0].isupper()


def has_later_capital(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a capital letter.

    A sentence with none after its first character holds no Title Case name: its first
    word alone never is one. Lower-casing a part without capitals leaves it equal.
    """
    part = text[start:end]
    return part.lower() != part


def scan_runs(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    if has_later_capital(passage.text, sentence.start + 1, sentence.end):
        scan_capital_runs(scan, passage, sentence)


def scan_capital_runs(scan: Scan, passage: Passage, sentence: Sentence) -> None:
    """:func:`scan_runs` on a sentence known to have a capital after its first letter."""
    text = passage.text
    written = sentence.text
    # (Stretches are joined only at a plural's apostrophe before a capital, or at a comma
    # after a capitalised word: in a plain sentence, one that starts with an ASCII capital.)
    apostrophes = ("’ " in written or "' " in written) and _PLURAL_JOIN.search(written) is not None
    listed = ", " in written and (" and " in written or " & " in written)
    if (
        not apostrophes
        and _plain_sentence(written)
        and not (listed and _capital_before_comma(written))
    ):
        found = _pattern_runs(text, sentence)
    else:
        found = _window_runs(text, sentence, apostrophes=apostrophes, listed=listed)
    for words, last_index, run, at_start in found:
        _run_candidates(scan, passage, sentence, words, last_index, run, at_start)


#: Where :func:`_join_apostrophes` may join two stretches: an "s", an apostrophe, a space
#: and a capital.
_PLURAL_JOIN: Final = re.compile(r"[sS][’'] (?=[A-Z])")
#: A character that is no part of a word token.
_NOT_IN_TOKEN: Final = re.compile(r"[^\w’'-]")


def _capital_before_comma(written: str) -> bool:
    """Whether a comma and a space may follow a capitalised word (in a plain sentence).

    Only there may :func:`_join_listed_places` join two stretches. What
    :func:`_capital_before_comma_as_read` reads, searched for: a capital at most 40 word
    characters before a comma, or 40 word characters before one.
    """
    return (
        _CAPITAL_BEFORE_COMMA.search(written) is not None
        or _LONG_BEFORE_COMMA.search(written) is not None
    )


#: A capital that the word characters after it join to a comma and a space (at most 40 of
#: them from the capital on), and a comma and a space after 40 word characters.
#: (In a plain sentence, every word character is an ASCII letter or digit.)
_CAPITAL_BEFORE_COMMA: Final = re.compile(r"[A-Z](?=[0-9A-Za-z’'-]{0,39}+, )")
_LONG_BEFORE_COMMA: Final = re.compile(r", (?<=[0-9A-Za-z’'-]{40}, )")


def _capital_before_comma_as_read(written: str) -> bool:
    """:func:`_capital_before_comma` as it reads: the word characters just before each comma.

    Up to 40 are read (a longer word may be one); a capital among them (in a plain sentence,
    an ASCII one) may start the word.
    """
    at = written.find(", ")
    while at >= 0:
        before = written[max(0, at - 40) : at]
        word = _NOT_IN_TOKEN.split(before)[-1]
        if len(word) == 40 or word.lower() != word:
            return True
        at = written.find(", ", at + 2)
    return False


#: A run as its candidates read it: the words it is in (at least the four after it), the
#: index of its last word there, its words, and whether it starts its sentence.
_FoundRun = tuple[Sequence[Token], int, list[Token], bool]


def _window_runs(
    text: str, sentence: Sentence, *, apostrophes: bool, listed: bool
) -> list[_FoundRun]:
    """The runs of a sentence, read from its windows (or stretches) of words.

    Stretches cut by a plural's apostrophe, or by commas between listed places, are joined
    first. A run of one word that trimming leaves nothing of is left out.
    """
    # The words around the sentence's capitals (or else its stretches of words between
    # punctuation marks that hold a capital): all that its runs read.
    windows = capital_windows(text, sentence.start, sentence.end)
    found, first_word = windows or stretches(text, sentence.start, sentence.end)
    if apostrophes:
        found = _join_apostrophes(text, found)
    if listed:
        found = _join_listed_places(text, found)
    runs: list[_FoundRun] = []
    for words in found:
        for begin, end in _runs(words):
            at_start = words[begin].start == first_word
            if end - begin == 1 and _trimmed_away(words[begin].text, at_start=at_start):
                continue
            runs.append((words, end - 1, list(words[begin:end]), at_start))
    return runs


def _plain_sentence(written: str) -> bool:
    """Whether a sentence's runs may be read by :data:`_RUN` (:func:`_pattern_runs`).

    Its word characters are ASCII (so a connector is one whatever the case of its later
    letters, and a number is one of ASCII digits), and no token starts with "_".
    """
    if "_" in written:
        return False
    return written.isascii() or not any(map(str.isalnum, _NON_ASCII.findall(written)))


#: A character that is not ASCII.
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")


def _cased(word: str) -> str:
    """A pattern for ``word`` with its later letters in either case (ASCII letters)."""
    return word[0] + "".join(f"[{char}{char.upper()}]" for char in word[1:])


#: A connector as a whole token, its first letter in lower case (ASCII text): a word of
#: :data:`CONNECTORS` in any case after that letter, or an ampersand.
_CONNECTOR: Final = (
    "(?:(?:"
    + "|".join(_cased(word) for word in sorted(CONNECTORS - {"&"}, key=lambda w: (-len(w), w)))
    + r")(?!\w|[’'-]\w)|&)"
)
#: Just after a token that is a word of :data:`NUMBERED_WORDS` ("Section", any case after
#: its capital): the token reaches no further back.
_AFTER_NUMBERED: Final = (
    "(?:"
    + "|".join(
        rf"(?<={word})(?<!\w{word})(?<!\w[’'-]{word})"
        for word in (f"[{name[0].upper()}]" + _cased(name)[1:] for name in sorted(NUMBERED_WORDS))
    )
    + ")"
)
#: A run as :func:`_runs` reads one, in text whose word characters are ASCII: capitalised
#: words, with one or two connectors between two of them, or a number after a word that
#: takes one ("Section 75 Agreement") and at most one connector (a digit is looked for
#: first, before the words that take a number).
_RUN: Final = re.compile(
    CAPITAL_WORD
    + "(?:(?:"
    + rf"(?=\s*+[0-9]){_AFTER_NUMBERED}\s*+[0-9]++(?!\w|[’'-]\w)\s*+(?:{_CONNECTOR}\s*+)?"
    + rf"|\s*+(?:{_CONNECTOR}\s*+(?:{_CONNECTOR}\s*+)?)?"
    + f"){CAPITAL_WORD})*+"
)
#: Up to four word tokens (or ampersands) after a run, before any punctuation mark.
_FOLLOWING: Final = re.compile(
    r"\s*+((?:\w++(?:[’'-]\w++)*+|&)(?:\s*+(?:\w++(?:[’'-]\w++)*+|&)){0,3}+)"
)


#: :data:`_RUN`, and the words after the run that :data:`_FOLLOWING` reads (group 1, when
#: there are any): one search reads both, and no match is made for the words after each run.
_RUN_FOLLOWED: Final = re.compile(_RUN.pattern + "(?=(?:" + _FOLLOWING.pattern + ")?)")
#: :data:`_RUN_FOLLOWED` with ASCII word characters. In a plain sentence
#: (:func:`_plain_sentence`) every word character is an ASCII letter or digit, and testing
#: for one is faster than the Unicode test of ``\w``: the pattern reads the sentence and the
#: two characters before it, which :func:`_pattern_runs` checks are no word's.
_PLAIN_RUN: Final = re.compile(_RUN_FOLLOWED.pattern.replace(r"\w", "[0-9A-Za-z]"))


def _may_extend(following: str) -> bool:
    """Whether the words after a run (as :data:`_FOLLOWING` reads them) may end an extension.

    One of them is a form of an initiative noun, or an ampersand splits them.
    """
    if "&" in following:
        return True
    for word in following.casefold().split():  # noqa: SIM110 - native when compiled
        if word in _EXTENSION_FORMS:
            return True
    return False


def _pattern_runs(text: str, sentence: Sentence) -> list[_FoundRun]:
    """The runs of a plain sentence (:func:`_plain_sentence`), found by :data:`_RUN`.

    What :func:`_window_runs` finds, without making the tokens of words no run reads: each
    run's words are followed by the (up to four) words after it, which its extension reads,
    where one of them may be an initiative noun (:func:`_initiative_noun_in`; elsewhere
    the extension reads none).
    """
    first_word = _first_word(text, sentence)
    start = sentence.start
    # (Before a sentence is a space: where none is, the Unicode pattern reads what is.)
    ascii_words = start == 0 or text[start - 1].isspace()
    pattern = _PLAIN_RUN if ascii_words else _RUN_FOLLOWED
    runs: list[_FoundRun] = []
    for found in pattern.finditer(text, start, sentence.end):
        begin = found.start()
        at_start = begin == first_word
        written: str = found[0]  # (an item, not group(): compiled, no method is looked up)
        if _trimmed_away(written, at_start=at_start):
            continue  # (only a single word is a connector or a sentence's opening word)
        run = match_token_list(text, begin, written)
        following: str | None = found[1]
        words: Sequence[Token] = run
        if following is not None and _may_extend(following):
            words = run + match_token_list(text, found.start(1), following)
        runs.append((words, len(run) - 1, run, at_start))
    return runs


def _first_word(text: str, sentence: Sentence) -> int | None:
    """Where the first word of a sentence starts (as :data:`WORD_START` finds it).

    Most sentences start with one: it is searched for only where the first character is no
    word character (a letter, digit or "_") or ampersand.
    """
    start = sentence.start
    if start < sentence.end and (text[start].isalnum() or text[start] in "_&"):
        return start
    first = WORD_START.search(text, start, sentence.end)
    return first.start() if first is not None else None


def _trimmed_away(word: str, *, at_start: bool) -> bool:
    """Whether :func:`_trim` leaves nothing of a run of this one word ("The", "There").

    Most runs of one word are a sentence's opening word: they are skipped before their run
    is made.
    """
    if len(word) > (_LONGEST_OPENING if at_start else _LONGEST_CONNECTOR):
        return False  # (longer than any word it may be)
    lower = word.casefold()
    return lower in CONNECTORS or (at_start and lower in SENTENCE_STARTERS)


#: An apostrophe after a plural "s" that a capitalised word follows ("St Thomas’ NHS"):
#: it belongs to the name rather than ending it.
_PLURAL_APOSTROPHE: Final = re.compile(r"[’'] (?=[A-Z])")


def _join_apostrophes(text: str, found: list[tuple[Token, ...]]) -> list[tuple[Token, ...]]:
    """Join stretches cut by a plural's apostrophe: "Guy’s and St Thomas’ NHS Foundation Trust".

    The apostrophe is kept in the word before it ("Thomas’"); a quotation mark that closes
    a quote is not after an "s" followed by a capital, or the quote rule reads it.
    """
    joined: list[list[Token]] = []
    for words in found:
        if joined and words and joined[-1]:
            last = joined[-1][-1]
            if (
                last.text[-1] in "sS"
                and last.end + 2 == words[0].start
                and _PLURAL_APOSTROPHE.match(text, last.end)
            ):
                joined[-1][-1] = Token(last.start, last.end + 1, text[last.start : last.end + 1])
                joined[-1].extend(words)
                continue
        joined.append(list(words))
    return [tuple(words) for words in joined]


def _trailing_capitals(words: tuple[Token, ...], *, ands: bool = True) -> int:
    """How many of the last words are capitalised (with an "and" between two, if ``ands``)."""
    count = 0
    while count < len(words):
        word = words[-1 - count]
        inner = ands and word.text in {"and", "&"} and 0 < count < len(words) - 1
        if not (_capital(word) or inner):
            break
        count += 1
    while count and not _capital(words[-count]):
        count -= 1
    return count


def _leading_name(words: tuple[Token, ...]) -> list[Token]:
    """The capitalised words (and connectors between them) that start a stretch."""
    names: list[Token] = []
    for word in words:
        if not (_capital(word) or word.text.casefold() in CONNECTORS):
            break
        names.append(word)
    return names


def _listed_name_end(words: tuple[Token, ...]) -> list[str] | None:
    """The words of the name that ends a list of places, if a stretch starts with one.

    "Enfield and Haringey Mental Health NHS Trust": a headed name or body whose first part,
    before its "and", is no name by itself, and that stays one name (its "and" joins no two
    names: "Sheffield Flourish and Sheffield Mind" are two). The name ends at its shortest
    end that names a thing: the words after it ("… Integrated Care Board on the …") are none
    of it.
    """
    tokens = _leading_name(words)
    names = [token.text for token in tokens]
    ands = [index for index, word in enumerate(names) if word in {"and", "&"}]
    if not ands or ands[0] == 0 or _names_a_thing(names[: ands[0]]):
        return None
    for end in range(ands[0] + 2, min(len(names), 14) + 1):
        if _names_a_thing(names[:end]):
            return names[:end] if len(_split_coordinated(tokens[:end])) == 1 else None
    return None


#: How many places listed with commas may join a name ("Cumbria, Northumberland, Tyne and
#: Wear …" lists three).
_MOST_LISTED: Final = 4


def _join_listed_places(text: str, found: list[tuple[Token, ...]]) -> list[tuple[Token, ...]]:
    """Join places listed with commas before a name: "Barnet, Enfield and Haringey … Trust".

    The words before each comma must be capitalised, one or two (or up to six after a prefix
    word: "NHS Bath and North East Somerset"), and no name by themselves (or a body only by
    a prefix); the stretch after the last comma must end the name
    (:func:`_listed_name_end`).
    """
    joined: list[tuple[Token, ...]] = []
    for stretch in found:
        words = stretch
        if (
            words
            and joined
            and text.startswith(", ", joined[-1][-1].end)
            and any(word.text in {"and", "&"} for word in words[1:8])
            and (following := _listed_name_end(words)) is not None
        ):
            listed = 0
            while joined and listed < _MOST_LISTED and text.startswith(", ", joined[-1][-1].end):
                listed += 1
                before = joined[-1]
                if before[-1].end + 2 != words[0].start:
                    break
                count = _trailing_capitals(before)
                if count and before[-count].text.casefold() not in PREFIX_BODY_WORDS:
                    count = _trailing_capitals(before, ands=False)
                place = [token.text for token in before[-count:]] if count else []
                if not place or count > _most_listed_words(place):
                    break  # (a place is a word or two: "Voluntary Action Sheffield" is none)
                if _names_a_thing(place) and not _prefix_only(place, following):
                    break
                joined.pop()
                if count < len(before):
                    joined.append(before[:-count])
                words = (*before[-count:], *words)
                if count < len(before):
                    break
        joined.append(words)
    return joined


def _most_listed_words(place: Sequence[str]) -> int:
    """How many words the first of a list of places or fields before a comma may have.

    A word or two; up to six after a prefix word ("NHS Bath and North East Somerset"); a
    word or two after a department ("Adult Social Care Equality, Diversity and …"); three
    that end in a field ("Older People’s Housing, Accommodation and Support Strategy").
    """
    if place[0].casefold() in PREFIX_BODY_WORDS:
        return 6
    for size in range(min(len(place) - 1, 4), 0, -1):
        if _generic(name_key(" ".join(place[:size]))):
            return size + 2
    return 3 if _generic(name_key(place[-1])) else 2


def _phrasal(run: list[Token]) -> bool:
    """Whether a capitalised particle ends a name after a verb's "-ing" ("Moving On")."""
    return (
        len(run) >= 2
        and run[-1].text[0].isupper()
        and run[-1].text.casefold() in PHRASAL_PARTICLES
        and run[-2].text.endswith("ing")
    )


def _trim(run: list[Token], *, at_start: bool, self_keys: frozenset[str]) -> list[Token]:
    """Drop a leading article, sentence-starting word or owner ("Council’s") and connectors.

    A connector and a month or day that end the run go too, and the possessive of a last
    word that is a body's or an undertaking's noun ("the Trust’s") or ends a name of two
    words or more ("Voluntary Action Sheffield’s survey"), but a saint's ("St Mungo’s").
    """
    trimmed = list(run)
    if trimmed and at_start and trimmed[0].text.casefold() in SENTENCE_STARTERS:
        trimmed = trimmed[1:]
    if len(trimmed) > 1 and trimmed[0].text.endswith(("’s", "'s")):
        owner = name_key(trimmed[0].text[:-2])
        if owner in OWNERS or owner in self_keys:
            trimmed = trimmed[1:]
    while trimmed and ((first := trimmed[0].text.casefold()) in CONNECTORS or first == "the"):
        trimmed = trimmed[1:]
    while trimmed and trimmed[-1].text.casefold() in CONNECTORS and not _phrasal(trimmed):
        trimmed = trimmed[:-1]
    while (
        len(trimmed) > 2
        and trimmed[-1].text.casefold() in DATE_WORDS
        and trimmed[-2].text.casefold() in CONNECTORS
    ):
        trimmed = trimmed[:-2]  # "Healthwatch Kent in March"
    if trimmed and trimmed[-1].text.endswith(("’s", "'s")):
        last = trimmed[-1]
        # "Hull City Council’s own team", "Voluntary Action Sheffield’s survey": the body is
        # named without its possessive; one word ("Barnardo’s") or a saint ("St Mungo’s")
        # keeps it.
        owned = len(trimmed) >= 2 and trimmed[-2].text.casefold() not in SAINT_WORDS
        if owned or singular(last.text[:-2].casefold()) in BODY_WORDS:
            trimmed[-1] = Token(last.start, last.end - 2, last.text[:-2])
    return trimmed


def _split_possessives(run: list[Token]) -> list[list[Token]]:
    """Split a run after a possessive that ends a name of its own: owner and owned thing.

    "the Health and Wellbeing Board’s Thrive Plymouth programme", "the Oxfordshire Mental
    Health Partnership’s Safe Haven": the words before the possessive name a thing by
    themselves (:func:`_names_a_thing`), and a capitalised word follows; the owner keeps
    its possessive here (:func:`_trim` drops it). One word ("Barnardo’s") or a saint's name
    ("St Mungo’s Recovery College") names no owner apart.
    """
    if len(run) < 3:
        return [run]
    parts: list[list[Token]] = []
    begin = 0
    for index in range(1, len(run) - 1):
        token = run[index]
        if not token.text.endswith(("’s", "'s")) or not _capital(run[index + 1]):
            continue
        words = [t.text for t in run[begin:index]] + [token.text[:-2]]
        if len(words) >= 2 and _names_a_thing(words):
            parts.append(run[begin : index + 1])
            begin = index + 1
    parts.append(run[begin:])
    return parts


#: Connectors after a head noun that start another name ("X Board and the Y Board").
_SPLITTING: Final = CONNECTORS - {"for", "of", "at"}


def _is_head(token: Token, current: list[Token], following: str) -> bool:
    """Whether ``token`` is a head noun that ends a name before ``following``.

    "Carers Trust in Bexley" is the body's branch: a branched body's own head does not end
    it before a word of :data:`BRANCH_LINKS`; nor does a head alone end a name before "to".
    """
    lower = singular(token.text.casefold())
    if lower not in INITIATIVE_HEADS and lower not in ORGANISATION_HEADS:
        return False
    if following == "to" and len(current) == 1:
        return False  # "the Hospital to Home service": a head alone starts a "to" name
    return following not in BRANCH_LINKS or " ".join(t.text for t in current) not in BRANCHED_BODIES


def _split_after_heads(run: list[Token]) -> list[list[Token]]:
    """Split "X Board and the Y Board" into its names; "Board for People …" stays whole."""
    parts: list[list[Token]] = []
    current: list[Token] = []
    index = 0
    while index < len(run):
        token = run[index]
        current.append(token)
        # (Only a connector splits: a longer word is not folded.)
        after = run[index + 1].text if index + 1 < len(run) else ""
        following = after.casefold() if 0 < len(after) <= _LONGEST_CONNECTOR else None
        if following in _SPLITTING and _is_head(token, current, following):
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


def _may_be_unheaded(words: Sequence[str]) -> bool:
    """Whether ``words`` could be a name without a head noun: two content words, no place."""
    return _content(words) >= 2 and not _place_like(words)


def _prefix_only(left: Sequence[str], right: Sequence[str]) -> bool:
    """Whether ``left`` is a body only by a prefix word and ``right`` ends the same name.

    "NHS North East" names a body, but in "NHS North East and North Cumbria Integrated
    Care Board" the places are coordinated inside one name that the right part's head ends
    (a right part with a prefix word of its own is a name of its own: "NHS Devon and Royal
    Devon University Healthcare NHS Foundation Trust").
    """
    return (
        left[0].casefold() in PREFIX_BODY_WORDS
        and not any(word.casefold() in PREFIX_BODY_WORDS for word in right)
        and " ".join(left) not in NATIONAL_BODY_NAMES
        and organisation_kind(left[1:]) is None
        and organisation_kind(right) is not None
    )


def _link_at(run: list[Token], index: int) -> int | None:
    """Where the name after a linking word at ``index`` starts, if it links two names."""
    word = run[index].text.casefold()
    if word not in _ALL_LINK_WORDS:
        return None
    after = index + 1
    while after < len(run) and run[after].text.casefold() == "the":
        after += 1
    if after >= len(run):
        return None
    if word in _PREPOSITIONS and run[index - 1].text.casefold() == "and":
        return after  # "by Gateshead and by Bluebird Care": a phrase of its own
    if word not in LINK_WORDS and not (word in ARTICLE_LINK_WORDS and after > index + 1):
        return None
    right = [t.text for t in run[after:]]
    left = [t.text for t in run[:index]]
    left_body = organisation_kind(left) is not None
    if organisation_kind(right) is not None or (left_body and _names_a_thing(right)):
        return after
    if word in LINK_WORDS and after > index + 1 and _article_link(left, right, body=left_body):
        return after
    return None


def _article_link(left: Sequence[str], right: Sequence[str], *, body: bool) -> bool:
    """Whether a link word and "the" join two names: "X on the Y …", both sides names.

    "Livewell Southwest on the Healthy Homes project", "the University of Plymouth on the
    High Intensity User project": the left side is a body or may be a name without a head
    (two content words, no place), and two content words follow the article.
    """
    return (body or _may_be_unheaded(left)) and _content(right) >= 2


#: Connectors that start a phrase of their own after "and" ("… and by Bluebird Care").
_PREPOSITIONS: Final = CONNECTORS - {"and", "&", "the", "of"}
_ALL_LINK_WORDS: Final = LINK_WORDS | ARTICLE_LINK_WORDS | _PREPOSITIONS
#: The length of the longest of them: a longer word is none (see :data:`_LONGEST_CONNECTOR`).
_LONGEST_LINK_WORD: Final = max(len(word) for word in _ALL_LINK_WORDS)


def _split_links(run: list[Token]) -> list[list[Token]]:
    """Split a run at a word that links two names rather than sits inside one.

    "the Personal Assistant Register with Northumberland CVA", "the University of Portsmouth
    on the Adult Social Care Research Partnership": a word of :data:`LINK_WORDS` (and an
    article after it), or one of :data:`ARTICLE_LINK_WORDS` and an article ("the … NHS
    Foundation Trust for the Intermediate Care Service"), splits where the words after it
    name a body, or a body before it is followed by a headed name ("Accommodation with Care
    Programme" stays whole).
    """
    if len(run) < 3 or not _holds_link_word(run):
        return [run]
    parts: list[list[Token]] = []
    index = 1
    while index < len(run) - 1:
        after = _link_at(run, index)
        if after is None:
            index += 1
            continue
        parts.append(run[:index])
        run = run[after:]
        index = 1
    parts.append(run)
    return parts


def _holds_link_word(run: list[Token]) -> bool:
    """Whether a word of ``run`` is one of :data:`_ALL_LINK_WORDS` (in any case)."""
    for token in run:  # (a native loop when compiled, not a generator)
        text = token.text
        if len(text) <= _LONGEST_LINK_WORD and text.casefold() in _ALL_LINK_WORDS:
            return True
    return False


def _repeats(run: list[Token], begin: int, index: int) -> bool:
    """Whether the word after the "and" at ``index`` repeats a place before it.

    A name does not name a place twice: in "Age UK Lewisham and Southwark and Southwark
    Pensioners Centre" the second "and" joins two names, and so does the "and" of
    "Sheffield Flourish and Sheffield Mind" (the word after it repeats the first word of the
    part that starts at ``begin``, and is no word of a field: "Mental Health and Mental
    Capacity Team" stays one).
    """
    if not 0 < index < len(run) - 1:
        return False
    after = run[index + 1].text
    if after == run[index - 1].text:
        return True
    return after == run[begin].text and after.casefold() not in _FIELD_WORDS


def _content(words: Sequence[str]) -> int:
    """How many of ``words`` are not connectors."""
    count = 0
    for word in words:
        if len(word) > _LONGEST_CONNECTOR or word.casefold() not in CONNECTORS:
            count += 1
    return count


def _starts_with_body(words: Sequence[str]) -> bool:
    """Whether ``words`` are, or start with, a national body of the lexicon ("Age UK …")."""
    joined = " ".join(words)
    return joined in NATIONAL_BODY_NAMES or joined.startswith(_BODY_PREFIXES)


_BODY_PREFIXES: Final = tuple(sorted(body + " " for body in NATIONAL_BODY_NAMES))


def _joins_names(
    left: Sequence[str], right: Sequence[str], *, article: bool = False, listed: bool = False
) -> bool:
    """Whether an "and" between ``left`` and ``right`` joins two names (not one name's words).

    It does after a job title ("the Principal Social Worker and the … Group"); where the
    left part is a name by itself and the right part is, or may be, one too; where a left
    part of two words or more is followed by a national body of the lexicon ("Cloverleaf
    Advocacy and Age UK Sheffield") or, after "and the" (``article``), by a name ("Sheffield
    Young Carers and the Carers Centre"), or where a name without a head is followed by a
    body (:func:`_name_beside_body`), unless the left part lists places (``listed``:
    "Tees, Esk and Wear Valleys NHS Foundation Trust").
    """
    if not right:
        return False
    if is_person(left):
        return True
    if _names_a_thing(left):
        return not _prefix_only(left, right) and (_names_a_thing(right) or _may_be_unheaded(right))
    if article and _whole_body(right) and not _place_like(left):
        return True
    if _content(left) < 2 or _place_like(left):
        return False
    if _starts_with_body(right) or (article and _names_a_thing(right)):
        return True
    return not listed and _name_beside_body(left, right)


def _name_beside_body(left: Sequence[str], right: Sequence[str]) -> bool:
    """Whether a name without a head and a body by its own head are joined by an "and".

    "One Manchester and Southway Housing Trust", "Livewell Southwest and University
    Hospitals Plymouth NHS Trust": the left side may be a name without a head (two content
    words, no place: :func:`_may_be_unheaded`), the right side is a whole body
    (:func:`_whole_body`). A field word on either side of the "and" ("Sheffield Health and
    Social Care NHS Foundation Trust") or a place first on the right ("… and South Humber
    NHS Foundation Trust") makes one name of places or fields. NHS bodies are named for
    their places ("Tees Esk and Wear Valleys NHS Foundation Trust"): an NHS body on the
    right is a name of its own only where a body's noun starts it ("University …").
    """
    if not (
        _may_be_unheaded(left)
        and left[-1].casefold() not in _FIELD_WORDS
        and right[0].casefold() not in _FIELD_WORDS
        and not _place_like(right[:1])
        and _whole_body(right)
    ):
        return False
    if organisation_kind(right) not in _NHS_KINDS:
        return True
    first = singular(right[0].casefold())
    return first in ORGANISATION_HEADS_OF or first in ORGANISATION_ENDINGS


_NHS_KINDS: Final = frozenset(
    {OrganisationKind.NHS_TRUST, OrganisationKind.NHS_BODY, OrganisationKind.ICB}
)


def _whole_body(words: Sequence[str]) -> bool:
    """Whether ``words`` name a body by their own head, and start with no place noun.

    After "and the", such a name is one of its own whatever comes before the "and"
    ("Sense and the Royal National Institute of Blind People", "CDDFT and the North East
    Ambulance Service NHS Foundation Trust"); a place noun first continues a place ("…
    and the Isles of Scilly Integrated Care Board").
    """
    return organisation_kind(words) is not None and not _land_noun(words[:3])


#: Words of departments, fields and other generic names: their repeat is no new name.
_FIELD_WORDS: Final = (
    frozenset(word for name in GENERIC_DEPARTMENTS for word in name.split())
    | NOT_NAME_WORDS
    | NOT_UNHEADED_WORDS
    | CONNECTORS
)


def _split_coordinated(run: list[Token]) -> list[list[Token]]:
    """Split "X and Y" where X is a name and Y is, or may be, one.

    "Age UK Lancashire and Lancashire and South Cumbria Integrated Care Board" is two names;
    "Health and Wellbeing Board" stays whole. An "and" between a word and its repeat splits
    first.
    """
    if len(run) < 3 or not _holds_and(run):
        return [run]
    pieces: list[list[Token]] = []
    begin = 0
    for index in range(1, len(run) - 1):
        if _is_and(run[index].text) and _repeats(run, begin, index):
            pieces.append(run[begin:index])
            begin = index + 1
    pieces.append(run[begin:])
    return [part for piece in pieces for part in _split_names(piece) if part]


def _split_names(run: list[Token]) -> list[list[Token]]:
    """Split a run at each "and" that joins two names (:func:`_joins_names`), left to right."""
    parts: list[list[Token]] = []
    while True:
        for index in range(1, len(run) - 1):
            if not _is_and(run[index].text):
                continue
            right = run[index + 1 :]
            article = right[0].text.casefold() == "the"
            while right and right[0].text.casefold() == "the":
                right = right[1:]
            left_words = [t.text for t in run[:index]]
            # Words apart by more than a space were listed ("Tees, Esk and …").
            listed = _spaced(run, index)
            joined = _joins_names(
                left_words, [t.text for t in right], article=article, listed=listed
            )
            if joined:
                parts.append(run[:index])
                run = right
                break
        else:
            parts.append(run)
            return parts


def _is_and(word: str) -> bool:
    """Whether a word is "and" (in any case) or an ampersand; a longer word is not folded."""
    return len(word) <= 3 and word.casefold() in {"and", "&"}


def _holds_and(run: list[Token]) -> bool:
    """Whether a word of ``run`` is "and" (in any case) or an ampersand."""
    for token in run:  # noqa: SIM110 - native when compiled, not a generator
        if _is_and(token.text):
            return True
    return False


def _spaced(run: list[Token], index: int) -> bool:
    """Whether two of the words of ``run`` up to ``index`` are more than a space apart."""
    for before in range(index):  # noqa: SIM110 - native when compiled
        if run[before + 1].start - run[before].end > 1:
            return True
    return False


def _after_person(run: list[Token]) -> tuple[list[Token], bool]:
    """The name after a job title ("Chair of the Safeguarding Adults Board" → the board)."""
    for index, token in enumerate(run[:-1]):
        following = run[index + 1].text
        if (
            len(following) <= 3
            and following.casefold() in {"of", "for"}
            and singular(token.text.casefold()) in PERSON_HEADS
        ):
            rest = run[index + 1 :]
            while rest and rest[0].text.casefold() in CONNECTORS:
                rest = rest[1:]
            return rest, True
    return run, False


class _Run(NamedTuple):
    """Where a run of capitalised words sits: what its pieces need to know of it.

    A named tuple: one is made for each run, in a third of the time of a frozen attrs class.
    """

    passage: Passage
    sentence: Sentence
    #: The stretch of words the run is in, and the index of the run's last word there.
    words: Sequence[Token]
    last_index: int
    last: Token
    starts_sentence: bool


#: Makes a :class:`_Run` from a tuple, without the named tuple's ``__new__`` (a Python
#: function): one is made for each run.
_new_run: Final = tuple.__new__


def _run_candidates(  # noqa: PLR0917 - one call site, in a hot loop
    scan: Scan,
    passage: Passage,
    sentence: Sentence,
    words: Sequence[Token],
    last_index: int,
    run: list[Token],
    at_start: bool,
) -> None:
    """The candidates of one run: ``run`` is ``words[…:last_index + 1]``."""
    plain = _plain(run)
    if plain:
        # Without connectors or possessives, only a sentence's opening word is trimmed.
        starter = at_start and run[0].text.casefold() in SENTENCE_STARTERS
        trimmed = run[1:] if starter else run
    else:
        trimmed = _trim(run, at_start=at_start, self_keys=scan.self_keys)
    if not trimmed:
        return
    where = _new_run(
        _Run, (passage, sentence, words, last_index, run[-1], at_start and trimmed[0] is run[0])
    )
    if plain or len(trimmed) == 1:
        # Nothing to split: one word, or words without connectors or possessives (each
        # split gives them back, and so does reading the piece: tests check it).
        _piece_candidates(scan, where, trimmed, plain=plain)
        return
    for part, beside_body in _parts(trimmed):
        _piece_candidates(scan, where, part, beside_body=beside_body)


def _plain(run: list[Token]) -> bool:
    """Whether no word of ``run`` is a connector or ends in a possessive's "’s".

    Such a run is split nowhere (:func:`_parts`), and only its opening word may be trimmed.
    """
    for token in run:
        text = token.text
        if (len(text) <= _LONGEST_CONNECTOR and text.casefold() in CONNECTORS) or text.endswith(
            ("’s", "'s")
        ):
            return False
    return True


def _parts(trimmed: list[Token]) -> list[tuple[list[Token], bool]]:
    """The parts of a trimmed run, each with whether it is coordinated with a body."""
    found: list[tuple[list[Token], bool]] = []
    # (Loops, not generators: compiled, each is native code.)
    for owned in _split_possessives(trimmed):
        for piece in _split_after_heads(owned):
            for linked in _split_links(piece) if len(piece) > 2 else [piece]:
                _add_parts(found, linked)
    return found


def _add_parts(found: list[tuple[list[Token], bool]], linked: list[Token]) -> None:
    """Add the coordinated parts of a piece, each with whether it is beside a body."""
    parts = _split_coordinated(linked)
    beside_body = False
    if len(parts) > 1:  # a coordinated part may hold a link of its own
        parts = [part for coordinated in parts for part in _split_links(coordinated)]
        for part in parts:
            if _a_body(part):
                beside_body = True
                break
    found.extend([(part, beside_body) for part in parts])


def _a_body(part: list[Token]) -> bool:
    """Whether a part names a body by its own words (a head of two words or more)."""
    return len(part) > 1 and organisation_kind([token.text for token in part]) is not None


def _piece_candidates(
    scan: Scan, where: _Run, piece: list[Token], *, beside_body: bool = False, plain: bool = False
) -> None:
    """The candidate one piece of a run names: a body, a headed or extended name, or else.

    A name without a head coordinated with a body (``beside_body``) is a body too. A
    ``plain`` piece (:func:`_plain`) names no person's thing and has nothing to trim.
    """
    if plain:
        part, after_person = piece, False
    else:
        part, after_person = _named_part(piece, scan.self_keys)
    if not part:
        return
    names = tuple([token.text for token in part])  # (each class of the name reads a tuple)
    org = organisation_kind(names)
    if org is not None and not after_person:
        if len(part) > 1 or acronym(part[0].text):
            start, end = part[0].start, part[-1].end
            local = _local_undertaking(names, scan.self_keys)
            if local is not None or _own_service(where.passage.text, end):
                kind = local or kind_of(names) or InitiativeKind.SERVICE
                scan.add(where.passage, start, end, category=Category.INITIATIVE, kind=kind)
            else:
                scan.add(where.passage, start, end, category=Category.ORGANISATION, kind=org)
        return
    person = is_person(names)
    head = None if person else head_index(names)
    if (
        head is not None
        and head < len(part) - 1
        and part[head + 1].text.casefold() not in {"for", "of"}
        and not _own_place_after(scan, part, head)
    ):
        part, names = part[: head + 1], names[: head + 1]
    if (
        part[-1] is where.last
        and where.last_index + 1 < len(where.words)  # (else no word after it extends it)
        and not (head is None and _names_a_thing(names) and " ".join(names) not in PROGRAMME_NAMES)
        and _add_extended(scan, where, part)
    ):
        return
    if person:
        return
    if head is not None:
        _add_headed(scan, where, part, names, head, after_person=after_person)
        return
    if beside_body and _coordinated_with_body(scan, where.passage, part, names):
        return
    _unheaded(
        scan, where.passage, where.sentence, part, names, starts_sentence=where.starts_sentence
    )


def _named_part(piece: list[Token], self_keys: frozenset[str]) -> tuple[list[Token], bool]:
    """The piece trimmed after any job title (:func:`_after_person`), and whether one was."""
    named, after_person = _after_person(piece)
    return _trim(named, at_start=False, self_keys=self_keys), after_person


def _own_place_after(scan: Scan, part: list[Token], head: int) -> bool:
    """Whether the one word after a head noun is the authority's own place, part of the name.

    "Carers Hub Plymouth" in Plymouth's report: a service named for its place after its
    noun.
    """
    return head == len(part) - 2 and name_key(part[-1].text) in scan.self_keys


def _coordinated_with_body(
    scan: Scan, passage: Passage, part: list[Token], names: Sequence[str]
) -> bool:
    """Add a name without a head that an "and" joins to a body, as a body; whether it was.

    "Sense and the Royal National Institute of Blind People": a single word that may name
    a body alone, or a run that may be a brand-like name (:func:`_may_be_brand_like`).
    """
    if len(part) == 1:
        named = _may_name_alone(part[0]) and not _people_plural(part[0])
    else:
        named = _may_be_brand_like(part, names, passage.text[part[0].start : part[-1].end])
    if named:
        _add_kind(scan, passage, part[0].start, part[-1].end, OrganisationKind.OTHER)
    return named


def _local_undertaking(names: Sequence[str], self_keys: frozenset[str]) -> InitiativeKind | None:
    """The kind of the authority's undertaking a national body's ending after its place names.

    "the Sheffield Race Equality Commission" in Sheffield's report
    (:data:`LOCAL_UNDERTAKING_ENDINGS`).
    """
    kind = LOCAL_UNDERTAKING_ENDINGS.get(singular(names[-1].casefold()))
    if kind is None or len(names) < 3:
        return None
    return kind if name_key(names[0]) in self_keys else None


def _own_service(text: str, end: int) -> bool:
    """Whether a body's name is followed by a phrase of :data:`OWN_SERVICE_CUES`.

    "the Portsmouth Carers Centre, run by the local authority" names the authority's own
    service, an undertaking.
    """
    after = text[end : end + 40].lstrip(", ")
    return after.startswith(OWN_SERVICE_CUES)


def _add_extended(scan: Scan, where: _Run, part: list[Token]) -> bool:
    """Add the name continued in lower case up to a head noun, if it is ("Home First model")."""
    if where.last_index + 1 >= len(where.words):
        return False  # (no word after the run is read: most runs of a plain sentence)
    after = where.words[where.last_index + 1 : where.last_index + 5]
    if not _initiative_noun_in(after):
        return False  # (no word after is an initiative noun: most runs)
    text = where.passage.text
    extension = _extension(text, after, part, starts_sentence=where.starts_sentence, scan=scan)
    if extension is None:
        return False
    ext_end, ext_kind, ext_words = extension
    start, end = part[0].start, part[-1].end
    forms: set[str] = set()
    keys: set[str] = set()
    if ext_words == 1 and (len(part) >= 2 or acronym(part[0].text)):
        # "the X service" is X: the name without its noun is another form of it.
        base = text[start:end]
        forms.add(base)
        keys.add(name_key(base))
        if acronym(part[0].text) and len(part) == 1:
            keys.add("acr:" + part[0].text.upper())
    scan.add(
        where.passage,
        start,
        ext_end,
        category=Category.INITIATIVE,
        kind=ext_kind,
        keys=keys,
        forms=forms,
    )
    return True


def _add_headed(
    scan: Scan,
    where: _Run,
    part: list[Token],
    names: Sequence[str],
    head: int,
    *,
    after_person: bool,
) -> None:
    """Add a capitalised name ending in an initiative noun ("Autism Partnership Board").

    ``names`` are the words of ``part``. An age range just before it is part of it ("the
    0-25 Service").
    """
    noun = singular(names[head].casefold())
    kind = INITIATIVE_HEADS[noun]
    if after_person and kind == "service":
        return
    text = where.passage.text
    start, end = part[0].start, part[-1].end
    ages = _age_range(text, start, where.sentence)
    if ages is not None:
        start = ages.start()
    if _content(names) + (ages is not None) < 2:
        return
    if where.starts_sentence and len(part) == 2 and part[0].text.casefold() in NOT_NAME_WORDS:
        return
    last_noun = noun if head == len(part) - 1 else singular(names[-1].casefold())
    if head == len(part) - 1 and noun in BODY_LIKE_HEADS:
        body = _headed_body(scan, where, start, end)
        if body is not None:
            _add_kind(scan, where.passage, start, end, body)
            return
    keys: set[str] = set()
    forms: set[str] = set()
    if last_noun in WEAK_HEADS and len(part) >= 3:
        base = text[start : part[-2].end]
        keys.add(name_key(base))
        forms.add(base)
    scan.add(
        where.passage,
        start,
        end,
        category=Category.INITIATIVE,
        kind=kind,
        keys=keys,
        forms=forms,
    )


def _headed_body(scan: Scan, where: _Run, start: int, end: int) -> OrganisationKind | None:
    """The kind of body a strong cue makes of a name headed by a word of BODY_LIKE_HEADS.

    "Healthwatch Luton and the Disability Resource Centre told us", "It funded Plymouth
    Octopus Project to support groups", "Coventry Citizens Advice, Coventry Law Centre and
    …": a cue that makes even a single word a body (:func:`_body_cue`), or a list of bodies.
    """
    text, sentence = where.passage.text, where.sentence
    cued = body_cue(text, start, end, sentence, single=True, speaks=True)
    if cued is not None:
        return cued
    return _listed_member(text, start, sentence) or _listed_after_body(scan, where.passage, start)


#: An age range written just before a name: "the 0-25 Service", "the 16+ Team".
_AGE_RANGE: Final = re.compile(r"(?<![\w.,/£-])\d{1,2}(?:[-–]\d{1,2}|\+)\s$")


def _age_range(text: str, start: int, sentence: Sentence) -> re.Match[str] | None:
    """The age range just before ``start`` (:data:`_AGE_RANGE`), searched only after a digit.

    The range's last mark is a digit or a "+" before the space (or before a space and the
    line end that ``$`` may match before): most names have neither.
    """
    marks = text[max(0, start - 3) : max(0, start - 1)]
    if "+" not in marks and not (marks[:1].isdigit() or marks[1:].isdigit()):
        return None
    return _AGE_RANGE.search(text, max(sentence.start, start - 12), start)


def _generic(key: str) -> bool:
    """Whether a name key is a department or field, or fields joined by "and"."""
    return key in GENERIC_DEPARTMENTS or (
        " and " in key and all(part in GENERIC_DEPARTMENTS for part in key.split(" and "))
    )


def _extension(
    text: str,
    after: Sequence[Token],
    part: list[Token],
    *,
    starts_sentence: bool,
    scan: Scan,
) -> tuple[int, InitiativeKind, int] | None:
    """A lower-case continuation ending in an initiative noun: (end, kind, word count).

    ``after`` are the (up to four) words after the run, one of which may be an initiative
    noun (:func:`_add_extended` reads them first: most runs have none, and then the tests of
    the name itself need not run, each only ruling an extension out).
    """
    following = _lower_case_continuation(after)
    best: int | None = None
    for index, token in enumerate(following):
        if singular(token.text.casefold()) in EXTENSION_HEADS:
            best = index
    if best is None:
        return None
    caps = text[part[0].start : part[-1].end]
    if _generic(name_key(caps)) or not scan.allowed(caps) or caps.endswith(("’s", "'s")):
        return None  # (after an owner, "Hull City Council’s own team", the noun is the owner's)
    if text.startswith(("’s", "'s"), part[-1].end):
        return None  # (the owner's possessive was trimmed: "Voluntary Action Sheffield’s team")
    if part[0].text.casefold() in NOT_NAME_WORDS and all(
        token.text.casefold() in NOT_NAME_WORDS or token.text.casefold() in CONNECTORS
        for token in part
    ):
        return None  # "Monday to Friday services"
    if len(part) == 1:
        word = part[0]
        if acronym(word.text):
            if word.text in GENERIC_ACRONYMS:
                return None
        elif starts_sentence or word.text.casefold() in NOT_NAME_WORDS or best != 0:
            return None
    noun = singular(following[best].text.casefold())
    return following[best].end, INITIATIVE_HEADS.get(noun, InitiativeKind.OTHER), best + 1


#: The words whose singular is a word of :data:`EXTENSION_HEADS`.
_EXTENSION_FORMS: Final = singular_forms(EXTENSION_HEADS)


def _initiative_noun_in(words: Sequence[Token]) -> bool:
    """Whether a word of ``words`` may be a noun of :data:`EXTENSION_HEADS` (or its plural)."""
    for token in words:  # noqa: SIM110 - native when compiled
        if token.text.casefold() in _EXTENSION_FORMS:
            return True
    return False


def _lower_case_continuation(after: Sequence[Token]) -> list[Token]:
    """The lower-case words that continue a name, of the (up to four) words after it."""
    following: list[Token] = []
    for token in after:
        lower = token.text.casefold()
        if _capital(token) or lower in STOP_WORDS or not token.text[0].isalpha():
            break
        if lower.endswith("ly") or lower in PREDICATE_VERBS:
            break  # "the Board oversaw local plans": the verb ends the name
        following.append(token)
    return following


def _apposition(text: str, end: int, stop: int) -> InitiativeKind | OrganisationKind | None:
    """The kind an apposition after a name gives: ", a charity", ", which was an initiative".

    The first of the next four words that is an organisation noun or an initiative kind noun
    gives it; an apposition with neither says nothing.
    """
    found = _APPOSITION.match(text, end, stop) if _may_appose(text, end, stop) else None
    if found is None:
        return None
    following = list(itertools.islice(words_from(text, found.end(), stop), 7))
    for index, token in enumerate(following[:4]):
        noun = singular(token.text.casefold())
        if noun in COLLECTIVE_NOUNS and index + 1 < len(following):
            members = _members(following[index + 1 :])
            if members is not None:
                return members
        if noun in ORGANISATION_NOUNS:
            return ORGANISATION_NOUNS[noun]
        if noun in KIND_HINTS:
            return KIND_HINTS[noun]
    return None


def _may_appose(text: str, end: int, stop: int) -> bool:
    """Whether :data:`_APPOSITION` may match at ``end`` (before ``stop``), read from two marks.

    It starts with a comma, or with space before "which", "that" or "who": after most names
    is a space and another word, and the pattern is not tried there.
    """
    if end + 1 >= stop:
        return False  # (a match is at least four characters long)
    char = text[end]
    if char == ",":
        return True
    following = text[end + 1]
    return char.isspace() and (following in "wt" or following.isspace())


def _members(words: Sequence[Token]) -> OrganisationKind | None:
    """The kind of body "of" and the members after a collective noun make, if any.

    "a network of local charities" is a body; "a network of carers" says nothing.
    """
    if not words or words[0].text != "of":
        return None
    for token in words[1:4]:
        kind = MEMBER_NOUNS.get(token.text.casefold())
        if kind is not None:
            return kind
    return None


def _brand_token(word: str) -> bool:
    """Whether a single word is shaped like a brand, not an acronym.

    A capital starting a word part inside the word: after a hyphen ("N-Compass") or after a
    lower-case letter ("MyCare"), followed by lower-case letters ("DoLS" is an acronym); or,
    in a word of five letters or more, a lower-case letter before a capital ("POhWER",
    "LeDeR"), unless it is a generic acronym; or a digit between a word's parts
    ("Step2Home").
    """
    return _BRAND.search(word) is not None or mixed_case(word)


_BRAND: Final = re.compile(r"[a-z-][A-Z][a-z]{2}|[a-z][0-9][A-Z][a-z]")


def _word_after(text: str, end: int, sentence: Sentence) -> str:
    """The lower-case word just after ``end`` in its sentence ("" when there is none)."""
    after = text[end : min(sentence.end, end + 20)].split()
    return after[0] if after and after[0].islower() else ""


def _cue_before(text: str, start: int, sentence: Sentence) -> str:
    """The lower-case word just before ``start`` in its sentence ("" when there is none)."""
    before = text[max(sentence.start, start - 20) : start].split()
    return before[-1] if before and before[-1].islower() else ""


def _after_last_and(words: Sequence[str]) -> Sequence[str]:
    """The words after the last "and" of ``words`` (all of them when there is none)."""
    ands = [index for index, word in enumerate(words) if word.casefold() in {"and", "&"}]
    return words[ands[-1] + 1 :] if ands else words


def _place_like(words: Sequence[str]) -> bool:
    """Whether the words read as a place.

    A compass point first ("East Kent", "North-West London"), a noun of the land last or
    first before "of" ("Firth Park", "Isles of Scilly"), or only generic capitalised words.
    """
    content = [lower for word in words if (lower := word.casefold()) not in CONNECTORS]
    parts = [part for word in content for part in word.split("-")]
    if parts and (parts[0] in COMPASS_WORDS or parts[0] in PLACE_PREFIXES or _land_noun(words)):
        return True
    if len(content) == 2 and content[0] in SAINT_WORDS and not _POSSESSIVE_END.search(content[1]):
        return True  # "St Helens", "St Albans": a saint's name without a possessive
    return all(part in NOT_UNHEADED_WORDS or part in NOT_NAME_WORDS for part in parts)


def _land_noun(words: Sequence[str]) -> bool:
    """Whether a noun of :data:`PLACE_NOUNS` ends the words, or starts them before "of"."""
    if len(words) >= 2 and words[-1].casefold() in PLACE_NOUNS:
        return True
    return len(words) >= 3 and words[0].casefold() in PLACE_NOUNS and words[1].casefold() == "of"


def _add_kind(
    scan: Scan, passage: Passage, start: int, end: int, kind: InitiativeKind | OrganisationKind
) -> None:
    category = Category.ORGANISATION if isinstance(kind, OrganisationKind) else Category.INITIATIVE
    scan.add(passage, start, end, category=category, kind=kind)


def _words_before(text: str, start: int, sentence: Sentence) -> str:
    """The lower-case words just before ``start`` in its sentence, at most three."""
    before = text[max(sentence.start, start - 40) : start].split()[-3:]
    while before and not all(word.islower() for word in before):
        before = before[1:]
    return " ".join(before)


#: The last words before a name, and the words after it, of the strong cues.
_STRONG_LAST: Final = frozenset(ORGANISATION_NOUNS) | {
    phrase.rsplit(" ", 1)[-1] for phrase, _ in SINGLE_NAME_CUES if phrase
}
_STRONG_AFTER: Final = frozenset(following for phrase, following in SINGLE_NAME_CUES if not phrase)


_LISTING_LAST: Final = frozenset(cue.rsplit(" ", 1)[-1] for cue in LISTING_CUES)
#: A plural noun, an optional comma and a listing cue, then the list's earlier members
#: (capitalised words, each followed by a comma or "and"), just before a name.
_LISTING: Final = re.compile(
    r"(?<![\w-])([A-Za-z]+),?\s+(?:"
    + "|".join(cue.replace(" ", r"\s+") for cue in LISTING_CUES)
    + r")\s+(?:[A-Z][\w’'&-]*+(?:\s[A-Z][\w’'&-]*+){0,5}(?:,\s|\s(?:and|&)\s))*(?:The\s)?$"
)
#: What just before a name shows it may be in a list: a listing cue, a comma or "and" (and
#: an article written with a capital, "including The Zone").
_LISTED_BEFORE: Final = re.compile(
    r"(?:\s(?:" + "|".join(sorted(_LISTING_LAST)) + r"|and|&)|,)\s(?:The\s)?$"
)


def _listed_member(text: str, start: int, sentence: Sentence) -> OrganisationKind | None:
    """The kind of body a plural noun before a list gives a name listed ("partners, including").

    Every member of the list is one: "providers including The Zone, Shekinah and Harbour".
    """
    found = _LISTING.search(text, max(sentence.start, start - 120), start)
    return LISTED_BODY_NOUNS.get(found.group(1).casefold()) if found else None


def body_cue(
    text: str, start: int, end: int, sentence: Sentence, *, single: bool, speaks: bool = False
) -> OrganisationKind | None:
    """The kind of body the words around a name without a head noun say it is, if any.

    An organisation noun just before it names its kind ("the charity Refuge"); a phrase of
    :data:`SINGLE_NAME_CUES` ("commissioned Refuge to") makes even a single word a body
    (one without words before it, "Refuge told us", only where the name ``speaks``: a single
    word that is no acronym); unless ``single``, a name is also one after a word of
    :data:`ORGANISATION_CUES_BEFORE` or before one of :data:`ORGANISATION_CUES_AFTER`.
    """
    last = _cue_before(text, start, sentence)
    if _LISTED_BEFORE.search(text, max(sentence.start, start - 16), start):
        listed = _listed_member(text, start, sentence)
        if listed is not None:
            return listed
    after = _word_after(text, end, sentence)
    if single and singular(last) not in _STRONG_LAST and after not in _STRONG_AFTER:
        return None  # no strong cue can match: the words before are not read
    before = _words_before(text, start, sentence)
    noun = ORGANISATION_NOUNS.get(singular(last)) if last else None
    if noun is not None:
        return noun
    if not (speaks or before in _CUE_PHRASES or before.endswith(_CUE_ENDINGS)):
        return _weak_cue(last, after, single=single)  # (no cue's phrase is before the name)
    for phrase, following in SINGLE_NAME_CUES:
        if not phrase and not speaks:
            continue  # only a single word that is no acronym ("the MASH told us")
        preceded = not phrase or before == phrase or before.endswith(" " + phrase)
        if preceded and following in {"", after}:
            return OrganisationKind.OTHER
    return _weak_cue(last, after, single=single)


#: The phrases of :data:`SINGLE_NAME_CUES`, and how the words before a name end in one.
_CUE_PHRASES: Final = frozenset(phrase for phrase, _ in SINGLE_NAME_CUES if phrase)
_CUE_ENDINGS: Final = tuple(sorted(" " + phrase for phrase in _CUE_PHRASES))


def _weak_cue(last: str, after: str, *, single: bool) -> OrganisationKind | None:
    """The body a word of the weaker cues before or after a name makes of it (not ``single``)."""
    if single:
        return None
    if last in ORGANISATION_CUES_BEFORE or after in ORGANISATION_CUES_AFTER:
        return OrganisationKind.OTHER
    return None


def _unheaded(
    scan: Scan,
    passage: Passage,
    sentence: Sentence,
    part: list[Token],
    names: Sequence[str],
    *,
    starts_sentence: bool,
) -> None:
    """A capitalised name without a head noun, named by its context or by its own shape.

    A naming phrase before it ("known as") or an apposition after it (", a charity") names
    anything; a single word is a body after a strong cue (:func:`_body_cue`) or has a
    brand's shape; otherwise a run of two capitalised words or more that is not a place, a
    department or a law is a brand-like name ("Carers First", "Connect to Support Kent"):
    an organisation where its context says so, else an initiative. ``names`` are the words
    of ``part``.
    """
    text = passage.text
    start, end = part[0].start, part[-1].end
    if _named_before(text, start, sentence):
        _add_kind(scan, passage, start, end, kind_of(names) or InitiativeKind.OTHER)
        return
    if len(part) == 1 and (starts_sentence or part[0].text.casefold() in NOT_NAME_WORDS):
        return
    apposed = _apposition(text, end, sentence.end)
    if apposed is not None:
        _add_kind(scan, passage, start, end, apposed)
        return
    if len(part) == 1:
        _single_word(scan, passage, sentence, part[0])
        return
    if ("and" in names or "&" in names) and _coordinated_bodies(
        scan, passage, sentence, part, names
    ):
        return
    if not _may_be_brand_like(part, names, text[start:end]):
        return
    cued = body_cue(text, start, end, sentence, single=False) or _listed_after_body(
        scan, passage, start
    )
    if cued is not None:
        _add_bodies(scan, passage, part, cued)
        return
    scan.add(
        passage, start, end, category=Category.INITIATIVE, kind=InitiativeKind.OTHER, guessed=True
    )


def _coordinated_bodies(
    scan: Scan, passage: Passage, sentence: Sentence, part: list[Token], names: Sequence[str]
) -> bool:
    """Add the bodies an "and" joins where a strong cue or a list of bodies names them.

    "funded Locala Health and Wellbeing to" names one body after a strong cue; inside a list
    of bodies ("partners including …", or just after a body: "Bluebird Care, Home Instead
    and Caremark told us") each side of the "and" may be a single word. Whether one was.
    """
    text = passage.text
    start, end = part[0].start, part[-1].end
    if "the" in names[1:] or _place_like(names) or _generic(name_key(text[start:end])):
        return False
    listed = _listed_member(text, start, sentence) or _listed_after_body(scan, passage, start)
    strong = body_cue(text, start, end, sentence, single=True)
    if strong is not None:
        _add_bodies(scan, passage, part, strong, listed=listed is not None)
        return True
    return listed is not None and _add_bodies(scan, passage, part, listed, listed=True, whole=False)


def _add_bodies(
    scan: Scan,
    passage: Passage,
    part: list[Token],
    kind: OrganisationKind,
    *,
    listed: bool = False,
    whole: bool = True,
) -> bool:
    """Add the body a cue names, or two where an "and" joins two brand-like names.

    "commissioned Ammerdown Care and Sunrise Homecare to": each side of the one "and" has
    two words or more and is no place or field; "Locala Health and Wellbeing" is one body.
    In a list of bodies (``listed``), or before a name that starts with the authority's own
    place, a side may be a single word that may name one alone.
    Where the "and" joins no two names, the whole is one body, or (unless ``whole``) none.
    Whether any was added.
    """
    ands = [index for index, token in enumerate(part) if token.text in {"and", "&"}]
    if len(ands) == 1:
        left, right = part[: ands[0]], part[ands[0] + 1 :]
        # A body named for the authority's place starts a name of its own: "Sense and
        # Croydon Vision" in Croydon's report are two.
        local = len(left) == 1 and name_key(right[0].text) in scan.self_keys
        # The authority's place, "and" and one word are places paired inside one name
        # ("Grapevine Coventry and Warwickshire" in Coventry's report).
        paired = len(right) == 1 and name_key(left[-1].text) in scan.self_keys
        if not paired and all(
            _body_side(passage.text, side, listed=listed or local) for side in (left, right)
        ):
            _add_kind(scan, passage, left[0].start, left[-1].end, kind)
            _add_kind(scan, passage, right[0].start, right[-1].end, kind)
            return True
    if whole:
        _add_kind(scan, passage, part[0].start, part[-1].end, kind)
    return whole


def _body_side(text: str, side: list[Token], *, listed: bool) -> bool:
    """Whether one side of an "and" may name a body by itself (see :func:`_add_bodies`)."""
    if listed and len(side) == 1:
        return _may_name_alone(side[0]) and not _people_plural(side[0])
    words = [token.text for token in side]
    return (
        _content(words) >= 2
        and _may_be_unheaded(words)
        and not _generic(name_key(text[side[0].start : side[-1].end]))
    )


def _listed_after_body(scan: Scan, passage: Passage, start: int) -> OrganisationKind | None:
    """The kind of a name listed just after a body: a body too, or ``None``.

    "Voluntary Action Sheffield, Sheffield Flourish and …": the name found last in the
    passage is a body, and only a comma is between them.
    """
    last = scan.found[-1] if scan.found else None
    if (
        last is None
        or last.passage is not passage
        or last.category is not Category.ORGANISATION
        or passage.text[last.end : start] not in {", ", ", and "}
    ):
        return None
    return OrganisationKind.OTHER


#: Nouns that end or name bodies and undertakings: alone, they name none ("the Trust").
BODY_WORDS: Final = (
    ORGANISATION_HEADS
    | frozenset(ORGANISATION_ENDINGS)
    | frozenset(ORGANISATION_NOUNS)
    | frozenset(INITIATIVE_HEADS)
    | PERSON_HEADS
)


#: A comma and "and" before a word: they join clauses, not names ("…, and Step2Home
#: offered short stays"; but "Mencap and SAYiT told us").
_CLAUSE_AND: Final = re.compile(r",\s+and\s+$")


#: What follows a word inside a list: a comma, or "and".
_LIST_GOES_ON: Final = re.compile(r",\s|\s++(?:and|&)\s")


def _people_plural(word: Token) -> bool:
    """Whether a word is a plural, no acronym: in a list, mostly a group of people.

    "Friends, Families and Travellers" lists no three bodies; "Curo" and "RNIB" may be ones.
    """
    lower = word.text.casefold()
    return not acronym(word.text) and singular(lower) != lower


def _may_name_alone(word: Token) -> bool:
    """Whether a single capitalised word may name a body or undertaking by itself.

    Not a place, a sentence's opening word, a department or field, a body's generic noun
    ("the Trust said"), or a generic acronym.
    """
    lower = word.text.casefold()
    if lower in NOT_UNHEADED_WORDS or lower in SENTENCE_STARTERS or lower in _FIELD_WORDS:
        return False
    if lower in GENERIC_DEPARTMENTS or singular(lower) in BODY_WORDS:
        return False
    return not (word.text in GENERIC_ACRONYMS and acronym(word.text))


def _single_word(scan: Scan, passage: Passage, sentence: Sentence, word: Token) -> None:
    """A single capitalised word: a body after a strong cue, or a brand by its shape."""
    text = passage.text
    if not _may_name_alone(word):
        return
    speaks = not acronym(word.text)  # an acronym that tells us is mostly a team's
    cued = body_cue(text, word.start, word.end, sentence, single=True, speaks=speaks)
    if (
        cued is None
        and _LIST_GOES_ON.match(text, word.end, sentence.end)
        and not _people_plural(word)
    ):
        # "run with HCRG Care Group, Curo and voluntary partners": inside a list of bodies.
        cued = _listed_after_body(scan, passage, word.start)
    if cued is not None:
        _add_kind(scan, passage, _article_start(text, word.start, sentence), word.end, cued)
        return
    if _brand_token(word.text):
        before = _cue_before(text, word.start, sentence)
        clause = _CLAUSE_AND.search(text, max(sentence.start, word.start - 12), word.start)
        body = before in ORGANISATION_CUES_BEFORE and clause is None
        kind = OrganisationKind.OTHER if body else InitiativeKind.OTHER
        _add_kind(scan, passage, word.start, word.end, kind)


def _article_start(text: str, start: int, sentence: Sentence) -> int:
    """Where a single-word name starts: at a capitalised "The" just before it, inside a sentence.

    "providers including The Zone": the article written with a capital is the name's own.
    """
    before = start - 4
    if before > sentence.start and text.startswith("The ", before) and text[before - 1] == " ":
        return before
    return start


def _may_be_brand_like(part: list[Token], names: Sequence[str], written: str) -> bool:
    """Whether a run of two words or more without a head noun may be a brand-like name.

    Not with "the" inside, not a place, a department, a law or a generic acronym, and with
    two content words after its last "and". ``names`` are the words of ``part``.
    """
    if "the" in names[1:] or _content(names) < 2 or _place_like(names):
        return False
    last_part = _after_last_and(names)
    if last_part is not names and not _may_be_unheaded(last_part):
        return False  # (without an "and", the words may be unheaded: tested just above)
    if _generic(name_key(written)):
        return False
    return singular(names[-1].casefold()) not in NOT_INITIATIVE_HEADS and not any(
        token.text in GENERIC_ACRONYMS and acronym(token.text) for token in part
    )


__all__ = ["BODY_WORDS", "body_cue", "has_later_capital", "scan_capital_runs", "scan_runs"]
