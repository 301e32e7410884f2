"""The extraction docs page: its examples run, in order, and print what the page shows."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from .conftest import TESTS

ROOT = TESTS.parent
PAGE = ROOT / "docs" / "extraction.md"
#: A Python block, optionally followed by ``<!-- output -->`` and the text it prints.
_EXAMPLE = re.compile(
    r"^```python\n(?P<code>.*?)^```\n(?:\n<!-- output -->\n```text\n(?P<output>.*?)^```$)?",
    re.MULTILINE | re.DOTALL,
)


def _clean(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def test_the_page_shows_extracted_initiatives_for_a_sample_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    examples = list(_EXAMPLE.finditer(PAGE.read_text(encoding="utf-8")))
    assert len(examples) >= 5
    assert "extract_initiatives(report)" in examples[0]["code"]
    namespace: dict[str, object] = {"__name__": "__extraction_docs__"}
    for example in examples:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(example["code"], str(PAGE), "exec"), namespace)
        assert example["output"] is not None, example["code"]
        assert _clean(printed.getvalue()) == _clean(example["output"])
