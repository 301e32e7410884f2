"""Regenerate the screenshots and plots of docs/reports.md from the sample pages.

Run from the repository root (needs the dev extras and Debian's ``chromium``):

    .venv/bin/python docs/screenshots.py

It writes the sample site to a temporary folder, opens it in headless Chromium (the system's
browser, driven by playwright; no browser is downloaded) and saves PNGs under docs/_static/.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import cqcmodel
from cqcmodel import plot

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "_static"
SAMPLES = ROOT / "examples" / "data"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> int:
    chromium = os.environ.get("CQCMODEL_CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        print("no chromium on PATH: apt-get install -y chromium", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    authorities = cqcmodel.load(SAMPLES)
    plot.save(plot.heatmap(authorities), OUT / "plot-heatmap.png")
    plot.save(plot.ratings(authorities), OUT / "plot-ratings.png")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        site = cqcmodel.report(authorities, folder).parent
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.goto((site / "index.html").as_uri())
        page.get_by_label("Region").select_option("London")
        page.screenshot(path=OUT / "report-index.png")
        page.goto((site / "sunderland-city-council.html").as_uri())
        page.screenshot(path=OUT / "report-authority.png")
        page.locator("#partnerships").screenshot(path=OUT / "report-findings.png")
        needs = authorities[1].statement("needs")
        assert needs is not None
        page = browser.new_page(viewport={"width": 900, "height": 600})
        page.set_content(needs._repr_html_())
        page.locator(".cqcmodel-report").screenshot(path=OUT / "notebook-statement.png")
        browser.close()
    for path in sorted(OUT.glob("*.png")):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
