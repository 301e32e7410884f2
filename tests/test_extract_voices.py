"""Evidence voices: whose evidence each sentence of a finding reports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cqcmodel import Finding, parse_file
from cqcmodel.extract import Voice, finding_voices, sentence_voices, voiced_sentences, voices_of

from .conftest import CORPUS

P, C, S, L, PA, PR, D = (
    Voice.PEOPLE,
    Voice.UNPAID_CARERS,
    Voice.STAFF,
    Voice.LEADERS,
    Voice.PARTNERS,
    Voice.PROVIDERS,
    Voice.DATA,
)

SENTENCES = [
    ("People told us they felt listened to.", (P,)),
    ("Staff told us they had manageable caseloads.", (S,)),
    ("Leaders said the budget was under pressure.", (L,)),
    ("Partners told us joint working was good.", (PA,)),
    ("Providers told us fees were fair.", (PR,)),
    ("Data showed waiting lists had fallen.", (D,)),
    ("Unpaid carers told us they could not get respite.", (C,)),
    # "We heard" without a source is not attributed; with one, the source is the voice.
    ("We heard the front door was busy.", ()),
    ("We heard from staff and leaders there were positive relationships.", (S, L)),
    ("We heard positive feedback about the forums from staff, leaders, and partners.", (S, L, PA)),
    ("Feedback from partners was positive.", (PA,)),
    # coordinated subjects, in the order written
    ("People and their carers gave us mixed feedback.", (P, C)),
    ("Partners, staff, and leaders all described positive relationships.", (PA, S, L)),
    # modifiers refine the head noun
    ("A senior health leader told us the relationship was good.", (PA,)),
    ("A key health partner said the borough was well placed.", (PA,)),
    ("Commissioning staff told us about the market.", (S,)),
    ("Care home managers said they felt supported.", (PR,)),
    ("Senior managers told us about the plan.", (L,)),
    ("Team managers said supervision was regular.", (S,)),
    ("Elected members told us adult social care was a priority.", (L,)),
    ("One voluntary sector group noted there had been stronger links.", (PA,)),
    ("The commissioned carers organisation told us carers were a priority.", (PA,)),
    ("The local authority told us they were working with the trust.", (L,)),
    ("Some people we spoke to said it was difficult to get in touch.", (P,)),
    # data: surveys and comparisons
    ("National data was lower, compared to the England average of 87.12% (ASCS, 2023).", (D,)),
    ("Further data provided by the local authority suggested this had improved.", (D,)),
    # no voice
    ("We saw case records that were detailed.", ()),
    ("It was noted the focus was on discharge.", ()),
    ("No data about the impact of this technology was available.", ()),
    ("People could ring or email the service to request support.", ()),
    ("The Director of Adult Social Services reported to the Chief Executive.", ()),
]


@pytest.mark.parametrize(("text", "voices"), SENTENCES)
def test_sentence_voices(text: str, voices: tuple[Voice, ...]) -> None:
    assert sentence_voices(text) == voices


def test_a_pronoun_subject_keeps_the_voices_of_the_sentence_before() -> None:
    finding = Finding(
        text="A senior health leader told us relationships were excellent. They said it was "
        "the best relationship they had. The local authority was the strategic lead."
    )
    assert [sentence.voices for sentence in voiced_sentences(finding)] == [(PA,), (PA,), ()]


def test_voiced_sentences_carry_spans_into_the_finding() -> None:
    finding = Finding(
        text="Staff told us it worked. Data showed it did. Leaders agreed (e.g. the DASS)."
    )
    sentences = voiced_sentences(finding)
    assert [sentence.text for sentence in sentences] == [
        "Staff told us it worked.",
        "Data showed it did.",
        "Leaders agreed (e.g. the DASS).",
    ]
    for sentence in sentences:
        assert finding.text[sentence.start : sentence.end] == sentence.text


def test_finding_voices_are_distinct_in_first_seen_order() -> None:
    finding = Finding(
        text="Partners told us it worked. Staff told us it worked. Partners said so again."
    )
    assert finding_voices(finding) == (PA, S)
    assert voices_of(finding) == (PA, S)


def test_the_deprecated_finding_voices_still_answers_with_a_warning() -> None:
    finding = Finding(text="Partners told us it worked.")
    with pytest.warns(DeprecationWarning, match="voices_of"):
        assert finding.voices == (PA,)


def test_the_model_imports_no_extraction() -> None:
    code = "import sys, cqcmodel.model; print('cqcmodel.extract' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_voices_of_a_real_page() -> None:
    parsed = parse_file(CORPUS / "seed-windsor-maidenhead-partnerships.txt")
    first = parsed.statements[0].findings[0]
    assert voices_of(first) == (S, L, PA)
