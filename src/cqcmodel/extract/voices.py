"""Whose evidence each sentence of a finding reports: people, carers, staff, partners, data.

A sentence reports a voice when a reporting verb has it as subject ("Staff told us",
"A senior health leader said", "Partners, staff and leaders described"), when it names its
source after "from" ("we heard from staff", "feedback from partners"), or, for data, when it
cites data or a survey ("Data showed", "the England average", "ASCS"). The subject's head noun
decides the voice and its modifiers refine it: a *health* leader is a partner, a *care home*
manager a provider, a *senior* manager a leader. "The local authority told us" is the leaders'
account. A sentence whose subject is "they", "he" or "she" keeps the voices of the sentence
before it in the same finding.

"We heard" on its own is **not attributed**: the report does not say whose evidence it was, so
the sentence has no voice unless a source follows ("We heard from staff …"). Neither has
"we saw" (case records and processes are not a voice).
"""

from __future__ import annotations

import attrs

from ..model import Finding
from . import _voicing
from .kinds import Voice


@attrs.frozen(kw_only=True)
class VoicedSentence:
    """One sentence of a finding, its span in the finding's text, and the voices it reports."""

    start: int
    end: int
    text: str
    voices: tuple[Voice, ...]


def sentence_voices(text: str) -> tuple[Voice, ...]:
    """The distinct voices one sentence reports, in the order it names them."""
    return _voicing.sentence_voices(text)


def voiced_sentences(finding: Finding) -> tuple[VoicedSentence, ...]:
    """Each sentence of ``finding`` with its span and voices.

    A sentence whose subject is only a pronoun ("They said …") takes the voices of the
    sentence before it.
    """
    return tuple(
        VoicedSentence(start=sentence.start, end=sentence.end, text=sentence.text, voices=voices)
        for sentence, voices in _voicing.sentences_and_voices(finding.text)
    )


def finding_voices(finding: Finding) -> tuple[Voice, ...]:
    """The distinct voices of ``finding``'s sentences, in first-seen order."""
    return _voicing.finding_voices(finding.text)


def voices_of(finding: Finding) -> tuple[Voice, ...]:
    """Whose evidence each sentence of ``finding`` reports (people, staff, partners, …).

    The distinct voices in first-seen order; it replaces the deprecated ``Finding.voices``.
    """
    return _voicing.finding_voices(finding.text)
