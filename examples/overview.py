"""Print a readable overview of a folder of saved pages: one block per authority.

Usage: python examples/overview.py [FOLDER]   (default: examples/data)
"""

from __future__ import annotations

import sys
from pathlib import Path

import cqcmodel

folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "data")

# load() parses every *.txt below the folder and merges the pages of each authority.
for authority in cqcmodel.load(folder):
    print(authority.name or "(pages without a title line)")
    summary = authority.summary
    if summary is not None and summary.rating is not None:
        score = f" ({summary.percentage}%)" if summary.percentage is not None else ""
        print(f"  published rating: {summary.rating.value}{score}")
    overall = authority.overall()
    if overall is not None:
        print(
            f"  computed from {overall.scored} statement scores: "
            f"{overall.percentage}% {overall.rating.value}"
        )
    if authority.about is not None and authority.about.published is not None:
        published = authority.about.published
        print(f"  assessment published {published.day} {published:%B %Y}")
    for statement in authority.statements:
        score = statement.score.value if statement.score is not None else "-"
        print(
            f"  {statement.statement_id}. {statement.title}: score {score}, "
            f"{len(statement.findings)} finding{'s' * (len(statement.findings) != 1)}"
        )
    print()
