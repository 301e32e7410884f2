"""Every paragraph that mentions waiting: waits, waiting lists, delays, timeliness.

Usage: python examples/waiting_times.py [FOLDER ...]   (default: examples/data)

Searches the key findings of every statement page and the summary's people's experiences,
and prints each matching sentence with where it comes from: authority, statement code and
paragraph number (as in rows(..., "findings")), or "summary".
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import cqcmodel

folders = sys.argv[1:] or [str(Path(__file__).parent / "data")]

# What counts as a mention of waiting. Not the Care Act's "prevent, delay or reduce the need
# for care" (the verb), nor "timely sharing of information": "delay" only as a noun, "timely"
# only in "in a timely way/manner".
WAITING = re.compile(
    r"\b(?:wait(?:s|ed|ing)?|waiting lists?|delays|delayed|(?:a|any|the|no) delay"
    r"|backlogs?|time taken|in a (?:more )?timely (?:way|manner|fashion))\b",
    re.IGNORECASE,
)
# A sentence ends at ., ! or ? followed by a space (good enough for report prose).
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def mentions(paragraph: str) -> list[str]:
    """The sentences of a paragraph that mention waiting."""
    return [sentence for sentence in SENTENCE.split(paragraph) if WAITING.search(sentence)]


count = 0
for authority in cqcmodel.load(folders):
    name = authority.name or "(no title line)"
    # Key findings: one row per paragraph, with the statement code and paragraph number.
    for row in cqcmodel.rows([authority], "findings"):
        for sentence in mentions(str(row["text"])):
            print(f"{name} | {row['statement']} #{row['paragraph']} | {sentence}")
            count += 1
    # What people told CQC, on the summary page.
    if authority.summary is not None:
        for number, paragraph in enumerate(authority.summary.people_experience, start=1):
            for sentence in mentions(paragraph):
                print(f"{name} | summary #{number} | {sentence}")
                count += 1

print(f"{count} {'sentence mentions' if count == 1 else 'sentences mention'} waiting")
