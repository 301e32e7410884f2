"""Headless Chromium for the report's tests and screenshots: the system's browser, no download.

Playwright drives the Debian ``chromium`` package through ``executable_path``; the browser of
Playwright's own is never installed. :func:`chromium_path` says where the browser is, or why
there is none.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: Set to ``1`` (as CI does) to make a missing browser a failure instead of a skip.
REQUIRE_ENV = "CQCMODEL_REQUIRE_BROWSER"
#: Names a Chromium binary other than the one on ``PATH``.
PATH_ENV = "CQCMODEL_CHROMIUM"

#: Chromium flags: headless, and nothing that talks to the network by itself.
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def chromium_path() -> tuple[str | None, str]:
    """The Chromium executable, or ``None`` and the reason it cannot be used."""
    try:
        import playwright.sync_api  # noqa: F401, PLC0415
    except ImportError:
        return None, "playwright is not installed (pip install -e '.[dev]')"
    wanted = os.environ.get(PATH_ENV)
    candidates = [wanted] if wanted else ["chromium", "chromium-browser", "/usr/bin/chromium"]
    for candidate in candidates:
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found, ""
    return None, (
        "no Chromium browser found (install it with: apt-get install -y chromium, "
        f"or name one in {PATH_ENV}); set {REQUIRE_ENV}=1 to make this a failure"
    )
