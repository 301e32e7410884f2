"""Parsing, rendering and JSON from several threads at once give the serial results.

The Lark parser is built once per process (under a lock) and shared: a parse keeps its
state in objects of its own (the lexer state, the LALR parser state, the builder), and the
shared line lexer, parse table and tree callbacks are only read.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from cqcmodel import Authority, ParseError, parse, render
from cqcmodel import parser as parser_module
from cqcmodel.serialise import dumps, loads

from .conftest import CORPUS

THREADS = 8
ROUNDS = 4

TEXTS: list[str] = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
# Texts that fail, so that error translation runs concurrently too.
TEXTS += [text[: len(text) // 3] + "\nScore: 7\n" for text in TEXTS[:8]]
TEXTS += [text.replace("\n", "\r\n", 3) + "\nPublished: 1 May 2024" for text in TEXTS[:8]]


@pytest.fixture(autouse=True)
def frequent_thread_switches() -> Iterator[None]:
    """Switch threads every few microseconds, so that parses interleave mid-way."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def outcome(text: str) -> tuple[str, Any]:
    """What parsing ``text`` gives: the model, or the error's location and message."""
    try:
        return ("model", parse(text))
    except ParseError as error:
        return ("error", (error.line, error.column, str(error)))


def round_trip(text: str) -> tuple[str, Any]:
    """Parse, then render and dump/load the model: every step's result."""
    kind, value = outcome(text)
    if kind == "error":
        return kind, value
    assert isinstance(value, Authority)
    json = dumps(value)
    return ("model", (value, render(value), json, loads(json)))


def run_concurrently(function: Any, texts: list[str]) -> list[Any]:
    """``function`` over every text, ROUNDS times, spread over THREADS threads at once."""
    work = texts * ROUNDS
    start = threading.Barrier(THREADS)

    def task(index: int) -> list[tuple[int, Any]]:
        start.wait()  # every thread begins together
        return [(i, function(work[i])) for i in range(index, len(work), THREADS)]

    results: list[Any] = [None] * len(work)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        for chunk in pool.map(task, range(THREADS)):
            for i, value in chunk:
                results[i] = value
    return results


@pytest.mark.timeout(120)
def test_concurrent_parses_equal_serial_parses() -> None:
    serial = [outcome(text) for text in TEXTS]
    assert any(kind == "error" for kind, _ in serial)
    assert any(kind == "model" for kind, _ in serial)
    concurrent = run_concurrently(outcome, TEXTS)
    assert concurrent == serial * ROUNDS


@pytest.mark.timeout(120)
def test_concurrent_render_and_json_equal_serial_results() -> None:
    serial = [round_trip(text) for text in TEXTS]
    concurrent = run_concurrently(round_trip, TEXTS)
    assert concurrent == serial * ROUNDS


@pytest.mark.timeout(120)
def test_the_parser_is_built_once_when_first_used_from_many_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parser_module, "_parser", None)
    start = threading.Barrier(THREADS)

    def first_use(_: int) -> object:
        start.wait()
        return parser_module._get_parser()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        built = list(pool.map(first_use, range(THREADS)))
    assert all(parser is built[0] for parser in built)
    assert run_concurrently(outcome, TEXTS[:4]) == [outcome(text) for text in TEXTS[:4]] * ROUNDS
