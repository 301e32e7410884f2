"""Every code example in the docs and the README runs, and prints what the page says it prints.

How a page's examples are read (one mechanism for every page in ``docs/*.md`` and README.md):

- A ```` ```python ```` block is executed, in page order, in one namespace per page (so a page
  can build on its earlier blocks), with the repository root as the working directory.
- A ```` ```text ```` block right after a Python block, introduced by an ``<!-- output -->``
  comment, is what that Python block must print (trailing whitespace ignored).
- A Python block (or a ```` ```pycon ```` block) whose first line starts with ``>>>`` is a
  doctest, run in the same namespace.
- A block introduced by ``<!-- no-run: reason -->`` is not run; the test is skipped with that
  reason (a reason is required).
- A block introduced by ``<!-- requires: pandas -->`` runs when the named modules are
  installed (the dev extras install them) and is skipped otherwise.

The layout examples in ``docs/layouts/`` (included in the format reference) must all parse and
round-trip.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib.util
import io
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import cqcmodel

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`\s]*)[^`]*$")
_NO_RUN = re.compile(r"^<!--\s*no-run(?::\s*(?P<reason>.*?))?\s*-->$")
_REQUIRES = re.compile(r"^<!--\s*requires:\s*(?P<modules>[\w., ]+?)\s*-->$")
_OUTPUT = re.compile(r"^<!--\s*output\s*-->$")
_PYTHON = {"python", "py", "python3", "pycon"}


@dataclass
class Block:
    """One fenced code block of a page."""

    path: Path
    line: int  # 1-based line of the opening fence
    language: str
    code: str
    marker: str | None = None  # the comment line just before the fence, if any
    output: str | None = None  # the expected output, for Python blocks

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    @property
    def is_python(self) -> bool:
        return self.language in _PYTHON

    @property
    def is_doctest(self) -> bool:
        return self.language == "pycon" or self.code.lstrip().startswith(">>>")

    @property
    def skip_reason(self) -> str | None:
        needed = _REQUIRES.match(self.marker or "")
        if needed is not None:
            names = [name.strip() for name in needed["modules"].split(",")]
            missing = [name for name in names if importlib.util.find_spec(name) is None]
            return f"needs {', '.join(missing)}" if missing else None
        found = _NO_RUN.match(self.marker or "")
        if found is None:
            return None
        return found["reason"] or ""


def read_blocks(path: Path) -> list[Block]:
    """The fenced blocks of a Markdown page, with markers and expected outputs attached."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence = opening["fence"]
        start = index
        index += 1
        body: list[str] = []
        while index < len(lines) and not (
            lines[index].startswith(fence[0] * len(fence)) and not lines[index].strip(fence[0])
        ):
            body.append(lines[index])
            index += 1
        index += 1  # the closing fence
        marker = None
        before = start - 1
        while before >= 0 and not lines[before].strip():
            before -= 1
        if before >= 0 and lines[before].strip().startswith("<!--"):
            marker = lines[before].strip()
        block = Block(
            path=path,
            line=start + 1,
            language=opening["info"].strip().lower(),
            code="\n".join(body) + "\n",
            marker=marker,
        )
        if marker is not None and _OUTPUT.match(marker):
            previous = blocks[-1] if blocks else None
            if previous is None or not previous.is_python or previous.is_doctest:
                msg = f"{block.name}: an <!-- output --> block must follow a Python block"
                raise AssertionError(msg)
            previous.output = block.code
            continue
        blocks.append(block)
    return blocks


def _python_blocks(path: Path) -> list[Block]:
    return [block for block in read_blocks(path) if block.is_python]


@dataclass
class PageRun:
    """Runs a page's Python blocks in order in one namespace, each at most once."""

    blocks: list[Block]
    namespace: dict[str, Any] = field(default_factory=lambda: {"__name__": "__docs__"})
    done: int = 0
    failed: str | None = None

    def run_through(self, index: int) -> None:
        """Run every block up to and including ``index``; fail if any of them fails."""
        while self.done <= index:
            block = self.blocks[self.done]
            self.done += 1
            if self.failed is not None:
                break
            if block.skip_reason is not None:
                continue
            try:
                _run_block(block, self.namespace)
            except BaseException as error:
                self.failed = f"{block.name}: {error}"
                if block is self.blocks[index]:
                    raise
        if self.failed is not None and not self.failed.startswith(self.blocks[index].name):
            pytest.fail(f"an earlier block of this page failed: {self.failed}")


def _run_block(block: Block, namespace: dict[str, Any]) -> None:
    if block.is_doctest:
        parser = doctest.DocTestParser()
        test = parser.get_doctest(block.code, namespace, block.name, str(block.path), block.line)
        flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        output = io.StringIO()
        runner = doctest.DocTestRunner(optionflags=flags)
        runner.run(test, out=output.write, clear_globs=False)
        if runner.failures:
            pytest.fail(f"doctest {block.name} failed:\n{output.getvalue()}", pytrace=False)
        return
    code = compile(block.code, block.name, "exec")
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        try:
            exec(code, namespace)
        except Exception:
            pytest.fail(f"{block.name} raised:\n{traceback.format_exc()}", pytrace=False)
    if block.output is not None:
        assert _clean(stdout.getvalue()) == _clean(block.output), f"output of {block.name}"


def _clean(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


_RUNS: dict[Path, PageRun] = {}
_CASES = [
    pytest.param(path, index, id=block.name)
    for path in PAGES
    if path.exists()
    for index, block in enumerate(_python_blocks(path))
]


@pytest.mark.parametrize(("path", "index"), _CASES)
def test_python_block(path: Path, index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    run = _RUNS.setdefault(path, PageRun(_python_blocks(path)))
    block = run.blocks[index]
    monkeypatch.chdir(ROOT)
    reason = block.skip_reason
    if reason is not None:
        run.run_through(index)
        pytest.skip(f"not run ({reason})")
    run.run_through(index)


def test_the_reader_finds_examples_and_their_outputs() -> None:
    """The fence reader finds the quickstart's examples and attaches their outputs."""
    blocks = _python_blocks(DOCS / "quickstart.md")
    assert len(blocks) >= 5
    assert all(block.output for block in blocks[1:])
    assert not any(block.skip_reason for block in blocks)


@pytest.mark.parametrize("path", [p for p in PAGES if p.exists()], ids=lambda p: p.name)
def test_skipped_blocks_give_a_reason(path: Path) -> None:
    for block in read_blocks(path):
        if block.skip_reason is not None:
            assert block.skip_reason.strip(), f"{block.name}: <!-- no-run: … --> needs a reason"


@pytest.mark.parametrize("path", [p for p in PAGES if p.exists()], ids=lambda p: p.name)
def test_python_blocks_are_valid_python(path: Path) -> None:
    """Even blocks that are not run must at least compile."""
    for block in _python_blocks(path):
        if not block.is_doctest:
            compile(block.code, block.name, "exec")


LAYOUTS = sorted((DOCS / "layouts").glob("*.txt"))


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_layout_examples_parse_and_round_trip(path: Path) -> None:
    authority = cqcmodel.parse_file(path)
    assert authority.page_count >= 1
    assert cqcmodel.parse(cqcmodel.render(authority)) == authority


def test_layout_examples_are_all_shown() -> None:
    """Every layout file is included in a page, so none is stale."""
    text = "\n".join(page.read_text(encoding="utf-8") for page in DOCS.glob("*.md"))
    assert LAYOUTS
    missing = [p.name for p in LAYOUTS if f"layouts/{p.name}" not in text]
    assert not missing, f"layout examples no page shows: {missing}"


_AUTODOC = re.compile(
    r"^\.\. auto(?:function|class|exception|data|attribute|module)::\s+(?P<name>[\w.]+)\s*$",
    re.MULTILINE,
)


def test_every_public_name_is_in_the_reference() -> None:
    """Each name in ``cqcmodel.__all__`` is documented by an autodoc directive on some page."""
    text = "\n".join(page.read_text(encoding="utf-8") for page in DOCS.glob("*.md"))
    documented = {found["name"] for found in _AUTODOC.finditer(text)}
    missing = [
        name
        for name in cqcmodel.__all__
        if not name.startswith("_") and f"cqcmodel.{name}" not in documented
    ]
    assert not missing, f"public names without an autodoc entry in docs/: {missing}"


def test_the_format_reference_lists_every_line_kind() -> None:
    """The line-kind table in format.md names every terminal the grammar has."""
    from cqcmodel.text import Kind  # noqa: PLC0415 - only this test needs the lexer's names

    table = (DOCS / "format.md").read_text(encoding="utf-8")
    kinds = [kind.value for kind in Kind]
    grammar = (ROOT / "src" / "cqcmodel" / "report.lark").read_text(encoding="utf-8")
    assert len(kinds) >= 20
    assert all(kind in grammar for kind in kinds)
    missing = [kind for kind in kinds if f"| `{kind}` |" not in table]
    assert not missing, f"line kinds missing from the table in docs/format.md: {missing}"
