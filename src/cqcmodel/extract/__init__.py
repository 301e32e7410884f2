"""Extraction: initiatives, organisations, figures and evidence voices from key findings.

Extraction reads the model, not raw text: the key findings of each statement of an
:class:`~cqcmodel.Authority`. Every extracted item carries :class:`Mention` spans that slice
its finding's text exactly, so a tool can highlight it in the source. Results are
deterministic and in first-mention order.
"""

from __future__ import annotations

from .figures import Comparator, Figure, extract_figures
from .initiatives import Initiative, InitiativeKind, extract_initiatives
from .mentions import Mention
from .organisations import Organisation, OrganisationKind, extract_organisations
from .voices import Voice, VoicedSentence, finding_voices, sentence_voices, voiced_sentences

__all__ = [
    "Comparator",
    "Figure",
    "Initiative",
    "InitiativeKind",
    "Mention",
    "Organisation",
    "OrganisationKind",
    "Voice",
    "VoicedSentence",
    "extract_figures",
    "extract_initiatives",
    "extract_organisations",
    "finding_voices",
    "sentence_voices",
    "voiced_sentences",
]
