"""League table: the scores of every authority in a folder of saved pages, best first.

Usage: python examples/league_table.py [FOLDER ...]   (default: examples/data)

Save each page of a report (about, summary, quality statements) as a .txt file; any folder
layout works. The overall percentage and rating are computed from the statement scores the
way CQC does, and only when all nine are known (a rating from part of the scores would
mislead); the "of 9" column says how many of the nine statements a row has.
"""

from __future__ import annotations

import sys
from pathlib import Path

import cqcmodel
from cqcmodel.framework import STATEMENTS

folders = sys.argv[1:] or [str(Path(__file__).parent / "data")]

# load() parses every *.txt file under the folders and merges the pages of each authority
# (matched on the name in their title lines) into one Authority.
authorities = cqcmodel.load(folders)

# rows(..., "scores") gives one plain dict per authority: its name and ONS code, the published
# and the computed rating and percentage, "scored" (how many of the nine statements are
# known), one column per statement code (needs, support, ..., learning) and the files read.
table = cqcmodel.rows(authorities, "scores")
codes = [info.code for info in STATEMENTS]


def best_first(row: dict[str, object]) -> tuple[int, bool, str]:
    """Highest percentage first, then by name; pages without a title line after named ones."""
    percentage = row["percentage"]
    rank = -percentage if isinstance(percentage, int) else 1  # unscored rows sort last
    return rank, row["authority"] is None, str(row["authority"] or "")


table.sort(key=best_first)

width = max([len("authority"), *(len(str(row["authority"])) for row in table)])
header = f"{'authority':{width}}  {'rating':20}    %  of 9  "
print(header + " ".join(f"{code[:5]:>5}" for code in codes))
for row in table:
    name = row["authority"] or "(no title line)"
    rating = row["rating"] or "-"
    percentage = row["percentage"] if row["percentage"] is not None else "-"
    scored = row["scored"]
    scores = " ".join(f"{row[code] if row[code] is not None else '-':>5}" for code in codes)
    print(f"{name:{width}}  {rating:20}  {percentage:>3}  {scored:>4}  {scores}")
