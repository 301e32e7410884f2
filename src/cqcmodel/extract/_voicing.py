"""How the voices of a finding's sentences are read: the cue search and the subjects.

The reading behind :mod:`cqcmodel.extract.voices`, which keeps the public classes and
functions (and says what a voice is): this module defines none, so the optional compiled build
can compile it (a compiled module's classes and functions lose their docstrings and
signatures).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Final

from ._cues import WordCues, is_word_character
from ._lexicon import (
    PARTNER_MODIFIERS,
    PRONOUNS,
    PROVIDER_MODIFIERS,
    SENIOR_MODIFIERS,
    SUBJECT_FILLERS,
    VOICE_HEADS,
)
from ._text import Caseless, Sentence, lowered, sentences, singular
from .kinds import Voice

#: The reporting verbs: each alternative starts with a word, so a match starts where one does.
_VERBS: Final = (
    r"(?:told|tell|tells|said|say|says|described|describe|describes|reported(?!\s+to\b)|"
    r"explained|"
    r"felt|feel|feels|acknowledged|noted|highlighted|raised|commented|spoke|confirmed|praised|"
    r"expressed|stated|mentioned|gave|informed|emphasised|talked|cited|shared\s+(?:with\s+us|"
    r"that|their|concerns|examples|feedback|positive|experiences))\b"
)
#: Case-insensitive patterns (see :class:`~cqcmodel.extract._text.Caseless`). Each starts with
#: a word, so ``(?<!\w)`` says what a leading ``\b`` would (and the matcher tries it faster).
_REPORTING: Final = Caseless(r"(?<!\w)" + _VERBS)
_FROM: Final = Caseless(
    r"(?<!\w)(?:heard|feedback|comments?|responses?|views|evidence|input|concerns)\b"
    r"(?:\s+[\w’'-]+){0,7}?\s+from\s+"
)
#: A word (as :data:`~cqcmodel.extract._text.tokens` reads one), an ampersand or a comma.
_WORD_OR_COMMA: Final = re.compile(r"\w+(?:[’'-]\w+)*|&|,")
_DATA: Final = Caseless(
    r"(?<!\w)(?:(?:data|figures|statistics|survey|surveys)\b[^.;]{0,80}?\b(?:showed|shows|show|"
    r"indicated|indicates|suggested|suggests|demonstrated|demonstrates|confirmed|reflected|"
    r"highlighted|found|told\s+us)\b|(?:England|national)\s+average\b|(?:ASCS|SACE|ASCOF)\b|"
    r"Adult Social Care Survey\b|Survey of Adult Carers\b|"
    r"(?:national|published)\s+data\b)"
)

_COORDINATORS: Final = frozenset({"and", "or", ",", "&"})


def _each(words: str, kind: int) -> dict[str, int]:
    """``kind`` for each of the space-separated ``words``."""
    return dict.fromkeys(words.split(), kind)


#: The patterns read over a whole finding, by cue kind: reporting verbs, "from" sources, data.
_VERB, _SOURCE, _CITED = 0, 1, 2
_PATTERNS: Final = (_REPORTING, _FROM, _DATA)
#: Each pattern, lower-cased, tried at one place (``match(lower, place, endpos)``).
_MATCHERS: Final = tuple(pattern.lowered.match for pattern in _PATTERNS)
#: The first word of every alternative of each pattern (lower case), and its pattern: each
#: match starts with one of them (a test checks every alternative).
_CUE_KINDS: Final[dict[str, int]] = {
    **_each(
        """told tell tells said say says described describe describes reported explained felt
        feel feels acknowledged noted highlighted raised commented spoke confirmed praised
        expressed stated mentioned gave informed emphasised talked cited shared""",
        _VERB,
    ),
    **_each(
        """heard feedback comment comments response responses views evidence input concerns""",
        _SOURCE,
    ),
    **_each(
        """data figures statistics survey surveys england national ascs sace ascof adult
        published""",
        _CITED,
    ),
}
_CUES: Final = WordCues(_CUE_KINDS)
#: The verbs that are an alternative of ``_REPORTING`` on their own (the word and ``\b``): at
#: a cue place, where the word is whole, the pattern matches the word unless a word
#: character is before it (a test checks them).
_BARE_VERBS: Final = frozenset(
    word
    for word, kind in _CUE_KINDS.items()
    if kind == _VERB and word not in {"reported", "shared"}
)

#: A sentence's voices, and whether its pronoun subject asks for the previous sentence's.
_Voiced = tuple[tuple[Voice, ...], bool]
_NONE: Final[_Voiced] = ((), False)


#: The modifiers that make an authority or council head the leaders' (with "council" itself).
_AUTHORITY_MODIFIERS: Final = frozenset({"local", "the"})
#: The modifiers that make a member or head a leader.
_MEMBER_MODIFIERS: Final = frozenset({"elected", "cabinet", "lead", "board"})
#: The voices a partner modifier makes partners.
_PARTNER_VOICES: Final = frozenset({Voice.STAFF, Voice.LEADERS, Voice.PARTNERS})
#: The modifiers that make a group a voice.
_GROUP_MODIFIERS: Final = PARTNER_MODIFIERS | {"sector", "support", "carers"}
#: The words that end a subject's modifiers (read backwards).
_MODIFIERS_END: Final = _COORDINATORS | SUBJECT_FILLERS


def _voice(head: str, modifiers: Sequence[str]) -> Voice | None:
    """The voice of a subject with head noun ``head`` and the words before it."""
    voice = VOICE_HEADS.get(head)
    if voice is None:
        return None
    mods = {singular(modifier) for modifier in modifiers}
    if head in {"authority", "council"}:
        return voice if not mods.isdisjoint(_AUTHORITY_MODIFIERS) or head == "council" else None
    if head in {"member", "head"} and mods.isdisjoint(_MEMBER_MODIFIERS):
        return None if head == "member" else voice
    if not mods.isdisjoint(PROVIDER_MODIFIERS) and voice is not Voice.PEOPLE:
        return Voice.PROVIDERS
    if not mods.isdisjoint(PARTNER_MODIFIERS) and voice in _PARTNER_VOICES:
        return Voice.PARTNERS
    if head in {"manager", "officer"} and not mods.isdisjoint(SENIOR_MODIFIERS):
        return Voice.LEADERS
    if head == "group" and mods.isdisjoint(_GROUP_MODIFIERS):
        return None
    return voice


def _phrase_backwards(words: Sequence[str], index: int) -> tuple[list[tuple[int, Voice]], int]:
    """Voices of the noun phrase ending at ``index`` (and phrases coordinated before it)."""
    found: list[tuple[int, Voice]] = []
    while index >= 0:
        head = singular(words[index])
        if head not in VOICE_HEADS:
            break  # no voice, whatever the modifiers
        modifiers: list[str] = []
        cursor = index - 1
        while cursor >= 0 and len(modifiers) < 3:
            word = words[cursor]
            if word in _MODIFIERS_END or word.endswith((".", ";")):
                break
            modifiers.append(word)
            cursor -= 1
        voice = _voice(head, modifiers)
        if voice is None:
            break
        found.append((index, voice))
        # Skip determiners and modifiers, then look for a coordinated phrase.
        cursor = index - 1
        while cursor >= 0 and words[cursor] not in _COORDINATORS and index - cursor <= 3:
            cursor -= 1
        if cursor < 0 or words[cursor] not in _COORDINATORS:
            break
        while cursor >= 0 and words[cursor] in _COORDINATORS:
            cursor -= 1
        index = cursor
    return found, index


class _Subjects:
    """The subjects of one sentence's reporting verbs, asked about in order.

    Each verb's subject is the phrase before it once fillers are skipped. Many verbs in one
    sentence ("told told told …") must not each read back over the words before them: the
    fillers are read back only to the verb asked about before (whose subject is known), and
    the voices of the last subject's phrase are kept, so each word is read about once.
    """

    def __init__(self, words: Sequence[str]) -> None:
        self.words = words
        #: The word before the verb asked about last, and the last word up to it that is not
        #: a filler (-1: none).
        self.before = -1
        self.last_other = -1
        #: The last subject's index, and the voices of its phrase.
        self.subject = -1
        self.phrase: list[tuple[int, Voice]] = []

    def _last_other(self, index: int) -> int:
        """The index of the last word up to ``index`` that is not a filler (or -1)."""
        words = self.words
        known = self.before if self.before <= index else -1
        at = index
        while at > known and words[at] in SUBJECT_FILLERS:
            at -= 1
        if at == known:
            at = self.last_other if known >= 0 else -1
        self.before, self.last_other = index, at
        return at

    def voices(self, verb: int) -> tuple[list[tuple[int, Voice]], bool]:
        """Voices of the subject before the verb at ``verb``; and whether it was a pronoun."""
        index = self._last_other(verb - 1) if verb > 0 else -1
        if index < 0:
            return [], False
        if self.words[index] in PRONOUNS:
            return [], True
        if index != self.subject:
            self.subject, self.phrase = index, _phrase_backwards(self.words, index)[0]
        return self.phrase, False


def _phrase_forwards(words: Sequence[str], index: int) -> list[tuple[int, Voice]]:
    """Voices of the coordinated noun phrases starting at ``index`` ("staff, leaders and …")."""
    found: list[tuple[int, Voice]] = []
    modifiers: list[str] = []
    while index < len(words) and len(modifiers) <= 4:
        word = words[index]
        voice = _voice(singular(word), modifiers)
        following = singular(words[index + 1]) if index + 1 < len(words) else ""
        if voice is not None and _voice(following, [*modifiers, word]) is None:
            found.append((index, voice))
            modifiers = []
            index += 1
            if index >= len(words) or words[index] not in _COORDINATORS:
                break
            while index < len(words) and words[index] in _COORDINATORS:
                index += 1
            continue
        if not word.isalpha():
            break
        modifiers.append(word)
        index += 1
    return found


def _words(text: str, end: int | None = None) -> tuple[list[str], list[int]]:
    """The words and commas of a sentence (case folded), and where each starts.

    These are the word tokens of :func:`~cqcmodel.extract._text.tokens` and its commas: the
    other punctuation marks, which are single characters, only separate words. Only those
    before ``end`` (a word's end) when it is given.
    """
    segment = text if end is None else text[:end]
    if "_" in segment:
        # A word character that is not a letter or digit ("_") starts no word.
        matches = [m for m in _WORD_OR_COMMA.finditer(segment) if m.group()[0] != "_"]
        return [m.group().casefold() for m in matches], [m.start() for m in matches]
    return _spaced_words(segment)


#: The ASCII characters other than letters and digits that a word (or a word of its own) may
#: hold, and "?", which every other character stands for in :func:`_spaced_words`.
_WORD_MARKS: Final = ",&'-?"
#: Each byte of an ASCII text (or one encoded with "?" for every other character) as
#: :func:`_spaced_words` reads it: letters in lower case, digits and ``_WORD_MARKS`` as they
#: are, every other byte a space.
_WORD_BYTES: Final = bytes(
    ord(chr(byte).lower())
    if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) in _WORD_MARKS)
    else ord(" ")
    for byte in range(256)
)


def _spaced_words(segment: str) -> tuple[list[str], list[int]]:
    """:func:`_words` of a ``segment`` without underscores.

    No word holds a space once every ASCII character that no word holds is one: the words
    are those of the parts between spaces, split in C (a pattern's split costs a match per
    word and per separator). A part of ASCII letters and digits is a word (in lower case);
    only a part with one of ``_WORD_MARKS`` (or a character outside ASCII) is read with the
    pattern, in ``segment``.
    """
    spaced = segment.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii")
    marked = False
    for mark in _WORD_MARKS:
        if mark in spaced:
            marked = True
            break
    words: list[str] = []
    starts: list[int] = []
    at = 0
    for part in spaced.split(" "):
        if not part:
            at += 1
            continue
        if marked and not part.isalnum():
            for match in _WORD_OR_COMMA.finditer(segment, at, at + len(part)):
                words.append(match.group().casefold())
                starts.append(match.start())
        else:
            words.append(part)
            starts.append(at)
        at += len(part) + 1
    return words, starts


#: Words one of which every match of ``_DATA`` holds (in lower case).
_DATA_NEEDLES: Final = (
    "data",
    "figures",
    "statistics",
    "survey",
    "average",
    "ascs",
    "sace",
    "ascof",
)


#: The cue words of ``_DATA`` that start only its first alternative ("data … showed"), the
#: start of each verb that alternative ends with, and how far after the cue word's end such a
#: start can be (at most 80 characters between) with room for the longest of them.
_DATA_SUBJECTS: Final = frozenset({"data", "figures", "statistics"})
_DATA_VERBS: Final = (
    "show",
    "indicate",
    "suggest",
    "demonstrate",
    "confirmed",
    "reflected",
    "highlighted",
    "found",
    "told",
)
_DATA_VERB_REACH: Final = 81 + max(len(verb) for verb in _DATA_VERBS)


def _may_show_data(lower: str, place: int, end: int) -> bool:
    """Whether ``_DATA`` may match at ``place`` (before ``end``), where a subject word starts.

    Its match there holds one of the verbs soon after the word: most such places (a finding's
    "data" that shows nothing) are told by a few bounded searches, not the pattern's lazy
    reading of every character up to 80 after the word.
    """
    stop = min(end, place + len("statistics") + _DATA_VERB_REACH)
    # A loop, not a generator: this runs on every such cue.
    for verb in _DATA_VERBS:  # noqa: SIM110
        if lower.find(verb, place, stop) >= 0:
            return True
    return False


def _may_cite_data(lower: str | None) -> bool:
    """Whether ``_DATA`` may match a text whose :func:`lowered` copy is ``lower``."""
    if lower is None:
        return True
    # A loop, not a generator: this runs on every sentence.
    for needle in _DATA_NEEDLES:  # noqa: SIM110
        if needle in lower:
            return True
    return False


def _voices(text: str) -> _Voiced:
    """The voices of one sentence, and whether a pronoun subject asks for the previous ones."""
    lower = lowered(text)
    verbs = [match.start() for match in _REPORTING.finditer(text, lower)]
    sources = [match.end() for match in _FROM.finditer(text, lower)]
    data = [match.start() for match in _DATA.finditer(text, lower)] if _may_cite_data(lower) else []
    return _voices_at(text, verbs, sources, data)


def _voices_at(text: str, verbs: list[int], sources: list[int], data: list[int]) -> _Voiced:
    """:func:`_voices`, given where the matches of its patterns start (``_FROM``'s: end)."""
    if not verbs and not sources:
        # Only a sentence with a verb or a source is split into words.
        return ((Voice.DATA,), False) if data else _NONE
    # A verb's subject is before it, so without a source the words after the last verb are
    # not read.
    last = _WORD_OR_COMMA.match(text, verbs[-1]) if verbs and not sources else None
    words, starts = _words(text, last.end() if last is not None else None)
    positions: list[tuple[int, Voice]] = []
    pronoun = False
    if verbs:
        subjects = _Subjects(words)
        for verb in _indices(starts, verbs):
            found, is_pronoun = subjects.voices(verb)
            if found:
                positions += [(starts[i], voice) for i, voice in found]
            elif is_pronoun:
                pronoun = True
    for start in _indices(starts, sources) if sources else ():
        positions += [(starts[i], voice) for i, voice in _phrase_forwards(words, start)]
    if data:
        positions += [(start, Voice.DATA) for start in data]
    if not positions:
        return (), pronoun
    if len(positions) == 1:
        return (positions[0][1],), False
    return _distinct([voice for _, voice in sorted(positions, key=lambda p: p[0])]), False


def _distinct(voices: Iterable[Voice]) -> tuple[Voice, ...]:
    """The distinct ``voices`` in first-seen order.

    Compared by identity in a list of at most one of each voice (an enum member's hash is
    worked out in Python, slower than going over the few seen).
    """
    seen: list[Voice] = []
    for voice in voices:
        if voice not in seen:
            seen.append(voice)
    return tuple(seen)


def _indices(starts: list[int], positions: list[int]) -> list[int]:
    """The index in ``starts`` of each of ``positions`` (both in order) that is one."""
    indices: list[int] = []
    low = 0
    for position in positions:
        index = bisect.bisect_left(starts, position, low)
        if index < len(starts) and starts[index] == position:
            indices.append(index)
            low = index + 1
    return indices


def _active(text: str, parts: Sequence[Sentence], lower: str) -> list[tuple[int, _Voiced]]:
    """The sentences of ``text`` that may report a voice, by index, with :func:`_voices_at`.

    The others report none. ``lower`` is the finding in lower case. Each pattern is tried
    only where one of its first words starts (:data:`_CUES`, one search for all of them),
    anchored, as ``finditer`` would try it: the verbs over the whole finding (no verb
    matches a sentence mark), the others within the sentence.
    """
    if not parts:
        return []
    found: dict[int, tuple[list[int], list[int], list[int]]] = {}
    # Where the last match of each pattern ended: ``finditer`` goes on from there.
    reach = [0, 0, 0]
    # Per sentence, where the next "from" was found (-1: none to its end), searched again
    # only once a cue is past it: every sentence is searched for "from" at most once over.
    next_from: dict[int, int] = {}
    size = len(lower)
    last = len(parts) - 1
    # The sentence ending after the place (the places come in order).
    index = 0
    sentence = parts[0]
    for place, word in _CUES.places(lower):
        kind = _CUE_KINDS[word]
        if place < reach[kind]:
            continue
        while sentence.end <= place and index < last:
            index += 1
            sentence = parts[index]
        if place < sentence.start or sentence.end <= place:
            continue  # between sentences, or after the last
        if kind == _SOURCE:
            at = next_from.get(index, place)
            if 0 <= at < place:
                at = place
            if at == place:
                at = next_from[index] = lower.find("from", place, sentence.end)
            if at < 0:
                continue  # every match holds "from"
        if word in _DATA_SUBJECTS and not _may_show_data(lower, place, sentence.end):
            continue
        if word in _BARE_VERBS:
            # The verb's match is its word: no need to run the pattern (most cues are verbs).
            if place and is_word_character(lower[place - 1]):
                continue  # ``(?<!\w)``
            end = place + len(word)
        else:
            match = _MATCHERS[kind](lower, place, size if kind == _VERB else sentence.end)
            if match is None:
                continue
            end = match.end()
        reach[kind] = end
        lists = found.get(index) or found.setdefault(index, ([], [], []))
        lists[kind].append((end if kind == _SOURCE else place) - sentence.start)
    # The lists are passed one by one: a call with ``*`` is a generic call when compiled.
    return [
        (index, _voices_at(parts[index].text, verbs, sources, data))
        for index, (verbs, sources, data) in found.items()
    ]


#: The characters for which :func:`~cqcmodel.extract._text.lowered` gives no lower case (a
#: test checks them against it).
_CASE_EXCEPTIONS: Final = ("\u0130", "\u0131", "\u017f", "\u212a")


def _lowered(text: str) -> str | None:
    """:func:`~cqcmodel.extract._text.lowered`, without its search for a few characters.

    At once for ASCII text (always safe there); otherwise each character is looked for on its
    own (``in``, faster than a pattern's search for any of them).
    """
    if text.isascii():
        return text.lower()
    for char in _CASE_EXCEPTIONS:
        if char in text:
            return None
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def sentences_and_voices(text: str) -> list[tuple[Sentence, tuple[Voice, ...]]]:
    """Each sentence of ``text`` and its voices (a pronoun subject's: the sentence before's)."""
    parts = sentences(text)
    lower = _lowered(text)
    if lower is None:
        return _plain_reading(text, parts)
    voiced = dict(_active(text, parts, lower))
    result: list[tuple[Sentence, tuple[Voice, ...]]] = []
    previous: tuple[Voice, ...] = ()
    for index, sentence in enumerate(parts):
        voices, inherits = voiced.get(index, _NONE)
        if inherits:
            voices = previous
        result.append((sentence, voices))
        previous = voices
    return result


def _plain_reading(
    text: str, parts: Sequence[Sentence]
) -> list[tuple[Sentence, tuple[Voice, ...]]]:
    """:func:`sentences_and_voices` sentence by sentence, each read on its own.

    For a text :func:`lowered` cannot lower-case: the patterns then match case-insensitively.
    """
    result: list[tuple[Sentence, tuple[Voice, ...]]] = []
    previous: tuple[Voice, ...] = ()
    for sentence in parts:
        voices, inherits = _voices(sentence.text)
        if inherits:
            voices = previous
        result.append((sentence, voices))
        previous = voices
    return result


def sentence_voices(text: str) -> tuple[Voice, ...]:
    """The distinct voices one sentence reports, in the order it names them."""
    return _voices(text)[0]


def finding_voices(text: str) -> tuple[Voice, ...]:
    """The distinct voices of the sentences of a finding's ``text``, in first-seen order."""
    parts = sentences(text)
    lower = _lowered(text)
    if lower is None:
        pairs = _plain_reading(text, parts)
        return tuple(dict.fromkeys(voice for _, voices in pairs for voice in voices))
    # A sentence that takes the voices of the one before adds none: they were seen there.
    active = _active(text, parts, lower)
    if len(active) == 1:
        return active[0][1][0]  # one sentence's voices are distinct
    return _distinct(voice for _, (voices, _) in active for voice in voices)
