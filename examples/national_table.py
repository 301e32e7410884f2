"""National table: one row per council of England's 153, with what a folder of pages holds.

Usage: python examples/national_table.py [FOLDER ...] [--csv FILE]   (default: examples/data)

Prints how many councils of each region the folder has pages for, and the councils whose
nine scores are all known, with the rating CQC published beside the one the scores give.
With --csv FILE, also writes the whole table (153 rows, ONS codes, regions, scores and the
files read) as a CSV file that spreadsheet programs open as UTF-8.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import cqcmodel
from cqcmodel.export import columns, write

arguments = sys.argv[1:]
output = None
if "--csv" in arguments:
    at = arguments.index("--csv")
    output = Path(arguments[at + 1])
    del arguments[at : at + 2]
folders = arguments or [str(Path(__file__).parent / "data")]

# all_councils=True adds an empty row (scored 0) for every council the folder lacks, so
# the table has one row per council whatever was saved.
table = cqcmodel.rows(cqcmodel.load(folders), "scores", all_councils=True)

coverage: dict[str, list[int]] = defaultdict(lambda: [0, 0])
for row in table:
    if row["region"] is not None:
        coverage[str(row["region"])][0] += row["scored"] != 0
        coverage[str(row["region"])][1] += 1
for region, (found, total) in sorted(coverage.items()):
    print(f"{region:25} {found:3} of {total:3} councils")

# A rating is computed only when all nine scores are known; quote the published one.
print()
for row in table:
    if row["rating"] is not None:
        published = row["published_rating"] or "(no summary page)"
        print(
            f"{row['ons_code']}  {row['authority']:30} published {published:22} "
            f"computed {row['rating']}"
        )

if output is not None:
    with output.open("w", encoding="utf-8", newline="") as stream:
        write(stream, table, columns("scores"), "csv", excel=True)
    print(f"\nwrote {len(table)} rows to {output}")
