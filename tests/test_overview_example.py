"""The demo script (examples/overview.py) runs on the bundled samples and reports them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_overview_reports_every_sample() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "overview.py")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    out = result.stdout
    assert "London Borough of Ealing" in out
    assert "rated Requires improvement (56%)" in out
    assert "7. Safeguarding: score 3" in out
    assert result.stderr == ""
