"""Print a readable overview of every page in a folder: authority, statements, scores.

Usage: python examples/overview.py [FOLDER]   (default: examples/data)
"""

from __future__ import annotations

import sys
from pathlib import Path

import cqcmodel

folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "data")

for path in sorted(folder.rglob("*.txt")):
    # Each file is one saved page; parse_file names the file in any error message.
    authority = cqcmodel.parse_file(path)
    print(f"{path.relative_to(folder)} — {authority.name or '(no title line)'}")
    if authority.summary is not None and authority.summary.rating is not None:
        summary = authority.summary
        score = f" ({summary.percentage}%)" if summary.percentage is not None else ""
        print(f"    summary: rated {summary.rating.value}{score}")
    if authority.about is not None and authority.about.published is not None:
        print(f"    about: assessment published {authority.about.published:%d %B %Y}")
    for statement in authority.statements:
        score = statement.score.value if statement.score is not None else "-"
        print(
            f"    {statement.statement_id}. {statement.title}: score {score}, "
            f"{len(statement.findings)} findings"
        )
