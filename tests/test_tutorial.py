"""The tutorial's shell commands run, and print what the tutorial shows.

In ``docs/tutorial.md`` and ``docs/cli.md``, each ```` ```console ```` block holds commands (lines
starting with ``$ ``) each followed by its expected output, if shown. Every tutorial command
is a ``cqcmodel`` command: it is run as ``python -m cqcmodel`` from the repository root, with
stderr merged into stdout as a terminal would show it, and must exit 0. Where output is shown,
it must match, with ``...`` standing for any text. (The reference page's examples use
placeholder folders: they are only checked to be valid commands.)
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from cqcmodel.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"
REFERENCE = ROOT / "docs" / "cli.md"

_FENCE = re.compile(r"^(`{3,})\s*(\S*)")


@dataclass
class Command:
    line: int
    args: list[str]
    expected: list[str]

    @property
    def name(self) -> str:
        return f"tutorial.md:{self.line}: {' '.join(self.args)}"


def console_commands(path: Path) -> list[Command]:
    """The ``$ `` commands of the console blocks of a page, with the output shown after each."""
    commands: list[Command] = []
    fence: str | None = None
    current: Command | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        opening = _FENCE.match(line)
        if fence is None:
            if opening is not None and opening[2] == "console":
                fence = opening[1]
            continue
        if line.strip() == fence:
            fence = current = None
            continue
        if line.startswith("$ "):
            current = Command(line=number, args=shlex.split(line[2:]), expected=[])
            commands.append(current)
        elif current is not None:
            current.expected.append(line)
    return commands


def matches(expected: str, actual: str) -> bool:
    """Whether ``actual`` is ``expected`` with each ``...`` standing for any text."""
    pattern = ".*?".join(re.escape(piece) for piece in expected.split("..."))
    return re.fullmatch(pattern, actual, flags=re.DOTALL) is not None


def clean(lines: list[str]) -> str:
    return "\n".join(line.rstrip() for line in lines).strip("\n")


TUTORIAL_COMMANDS = console_commands(TUTORIAL)


def test_the_tutorial_has_commands_with_outputs() -> None:
    assert len(TUTORIAL_COMMANDS) >= 5
    assert all(command.args[0] == "cqcmodel" for command in TUTORIAL_COMMANDS)
    shown = {command.args[1] for command in TUTORIAL_COMMANDS if command.expected}
    assert {"check", "scores", "findings"} <= shown


@pytest.mark.parametrize("command", TUTORIAL_COMMANDS, ids=lambda command: command.name)
def test_tutorial_command(command: Command) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cqcmodel", *command.args[1:]],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stdout
    if command.expected:
        expected = clean(command.expected)
        actual = clean(result.stdout.splitlines())
        assert matches(expected, actual), (
            f"{command.name}\n--- shown\n{expected}\n--- got\n{actual}"
        )


def test_the_reference_examples_are_valid_commands() -> None:
    commands = console_commands(REFERENCE)
    assert commands
    parser = build_parser()
    for command in commands:
        assert command.args[0] == "cqcmodel"
        words = []
        for word in command.args[1:]:
            if word in {">", "&&", "|"}:
                break
            words.append(word)
        parser.parse_args(words)  # exits with status 2 on an invalid command line


def test_the_matcher() -> None:
    assert matches("a ... c", "a b c")
    assert matches("a...", "a\nb\nc")
    assert not matches("a ... c", "a b d")
    assert not matches("abc", "abcd")
