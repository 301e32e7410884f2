"""Benchmark reading saved web pages against parsing the same pages' text.

For every ``--every``-th page of the synthetic corpus (``corpus.py``: statement pages of about
10 KB, summaries of 4 KB, about pages of 3 KB) and each saved-page shape of
``tests/htmlpages.py`` (the site around the page; a bare ``<article>``; a browser's "save
complete" with scripts, styles and hidden menus), times ``cqcmodel.parse`` of the HTML and of
the clean text, alternating, in CPU time (``time.process_time``), and prints the ratio of the
sums over all pages of each page's fastest of ``--repeats`` runs (the machine is shared: the
fastest run is the least disturbed). Also times the
plain-text reader alone (``cqcmodel.readers.read_text`` of the clean text): the cost that
telling the form and looking for furniture add to every parse of text.

Run ``python benchmarks/reading.py`` from the repository root (the venv's python).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.htmlpages import SHAPES, page_html  # noqa: E402

import corpus  # noqa: E402
import cqcmodel  # noqa: E402
from cqcmodel.readers import read_text  # noqa: E402

#: The budget: reading a saved page costs at most this many times parsing its text.
BUDGET = 2.5


def _time(run: Callable[[], object]) -> float:
    """The CPU time of one run: what another process on the machine does not add to."""
    start = time.process_time()
    run()
    return time.process_time() - start


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    options.add_argument("--repeats", type=int, default=15)
    options.add_argument("--every", type=int, default=11)
    args = options.parse_args()
    corpus.ensure()
    paths = corpus.files()[:: args.every]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    size = sum(len(text.encode()) for text in texts) / 1e6
    print(f"{len(texts)} pages, {size:.2f} MB of text; each page's fastest of {args.repeats} runs")
    print(f"{'form':<22} {'MB':>6} {'ms':>8} {'× text':>7}")
    failed = False
    for shape in SHAPES:
        pages = [page_html(text, shape) for text in texts]
        html_size = sum(len(page.encode()) for page in pages) / 1e6
        # Per page, the fastest of the repeats, text and HTML alternating: the least
        # disturbed runs of each (the machine is shared).
        text_time = html_time = 0.0
        for text, page in zip(texts, pages, strict=True):
            text_best = html_best = float("inf")
            for _ in range(args.repeats):
                text_best = min(text_best, _time(lambda text=text: cqcmodel.parse(text)))
                html_best = min(html_best, _time(lambda page=page: cqcmodel.parse(page)))
            text_time += text_best
            html_time += html_best
        ratio = html_time / text_time
        failed |= ratio > BUDGET
        print(f"{'text':<22} {size:6.2f} {text_time * 1000:8.1f} {1:7.2f}")
        print(f"{'html: ' + shape:<22} {html_size:6.2f} {html_time * 1000:8.1f} {ratio:7.2f}")
    reader = sum(
        min(_time(lambda text=text: read_text(text)) for _ in range(args.repeats)) for text in texts
    )
    print(f"{'read_text (text only)':<22} {size:6.2f} {reader * 1000:8.1f}")
    if failed:
        print(f"over budget: reading HTML costs more than {BUDGET}× parsing text")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
