"""Initiatives across authorities: which named services, boards, funds and strategies each runs.

Usage: python examples/initiatives.py [FOLDER ...]   (default: examples/data)

Reads the key findings of every statement page, extracts the named initiatives (see the
extraction docs for what counts as one) and prints them by kind, with the authorities and the
statements whose findings mention them. National programmes (Better Care Fund, Home First, …)
carry one name everywhere, so they line up across authorities.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import cqcmodel
from cqcmodel.framework import statement_by_id

folders = sys.argv[1:] or [str(Path(__file__).parent / "data")]

# name -> kind, and name -> {authority: statement codes}, in first-seen order.
kinds: dict[str, str] = {}
where: dict[str, dict[str, list[str]]] = defaultdict(dict)

for authority in cqcmodel.load(folders):
    for initiative in cqcmodel.extract_initiatives(authority):
        kinds.setdefault(initiative.name, initiative.kind.value)
        # Each mention records the statement (framework id) whose findings it is in.
        codes = [statement_by_id(i).code for i in initiative.statement_ids if i is not None]
        where[initiative.name][authority.name or "(no title line)"] = codes

for kind in sorted(set(kinds.values())):
    print(f"{kind}:")
    for name in sorted(name for name in kinds if kinds[name] == kind):
        places = "; ".join(
            f"{authority} ({', '.join(codes)})" for authority, codes in where[name].items()
        )
        print(f"    {name} — {places}")

# The same initiative in several authorities: national programmes, boards every area has, …
shared = [name for name in kinds if len(where[name]) > 1]
print(f"{len(kinds)} initiatives, {len(shared)} mentioned by more than one authority", end="")
print(f": {', '.join(shared)}" if shared else "")
