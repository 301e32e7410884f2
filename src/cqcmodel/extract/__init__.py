"""Extraction: initiatives, organisations, figures and evidence voices from key findings.

Extraction reads the model, not raw text: the key findings of each statement of an
:class:`~cqcmodel.Authority` (and, for figures, its about page's financial facts). Every
extracted item carries :class:`Mention` spans that slice its finding's text exactly, so a
tool can highlight it in the source. Results are deterministic and in first-mention order.

The published wheels run extraction compiled (mypyc), about 40% faster than the pure-Python
source install, with the same results; :data:`COMPILED` tells which build is loaded.
"""

from __future__ import annotations

from typing import Final

from ..model import VOICE_READERS
from ._build import compiled
from .figures import Comparator, Figure, FigureKind, FinancialFact, extract_figures, financial_facts
from .grouping import NameGroup, group_initiatives, group_organisations
from .initiatives import Initiative, extract_initiatives
from .kinds import InitiativeKind, OrganisationKind, Voice
from .mentions import Mention
from .organisations import Organisation, extract_organisations
from .voices import (
    VoicedSentence,
    finding_voices,
    sentence_voices,
    voiced_sentences,
    voices_of,
)

if not VOICE_READERS:
    VOICE_READERS.append(voices_of)

#: Whether extraction runs compiled (a published wheel, or ``make compiled``) rather than as
#: pure Python (a source install or a checkout). The results are the same either way.
COMPILED: Final[bool] = compiled()

__all__ = [
    "COMPILED",
    "Comparator",
    "Figure",
    "FigureKind",
    "FinancialFact",
    "Initiative",
    "InitiativeKind",
    "Mention",
    "NameGroup",
    "Organisation",
    "OrganisationKind",
    "Voice",
    "VoicedSentence",
    "extract_figures",
    "extract_initiatives",
    "extract_organisations",
    "financial_facts",
    "finding_voices",
    "group_initiatives",
    "group_organisations",
    "sentence_voices",
    "voiced_sentences",
    "voices_of",
]
