"""The demo script (examples/overview.py) runs on the bundled samples and reports them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_overview_reports_every_authority() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "overview.py")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    blocks = result.stdout.strip().split("\n\n")
    assert [block.splitlines()[0] for block in blocks] == [
        "London Borough of Ealing",
        "Sunderland City Council",
        "Westminster City Council",
    ]
    assert "published rating: Requires improvement (56%)" in blocks[0]
    assert "computed from 9 statement scores: 56% Requires improvement" in blocks[0]
    assert "  7. Safeguarding: score 3, 2 findings" in blocks[1]
    assert result.stderr == ""
