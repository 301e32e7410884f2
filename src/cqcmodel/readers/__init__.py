"""Readers: every form a report is held in, turned into page text with a map back to the source.

Each reader ends in the same :class:`ReadText`: the page text one block per line, for each of
those lines the line and column it came from in the source, and what was set aside (site or
page furniture) with its position. The parser sees only that text; errors and the model's line
numbers are mapped back through :attr:`ReadText.positions`.
"""

from __future__ import annotations

import enum
import os

import attrs

from ..errors import ParseError
from ..model import SetAside

__all__ = ["Form", "ReadText", "read_bytes", "read_file", "read_text"]


class Form(enum.StrEnum):
    """The form a source was read as."""

    TEXT = "text"
    HTML = "html"
    PDF = "pdf"
    PDF_TEXT = "pdf-text"


@attrs.frozen(kw_only=True)
class ReadText:
    """A source read into page text: what the parser sees, and the way back to the source."""

    #: The page text, one block per line.
    text: str
    #: Where it came from (a path or an address), for messages.
    source: str | None = None
    #: The form the source was read as.
    form: Form = Form.TEXT
    #: For line *i* of :attr:`text` (index ``i - 1``), the 1-based ``(line, column)`` in the
    #: source where it starts; ``None`` when the text is the source, line for line.
    positions: tuple[tuple[int, int], ...] | None = None
    #: Source lines that are not content, with their positions.
    set_aside: tuple[SetAside, ...] = ()
    #: The source's own lines (an HTML file's, say) for error snippets, when they differ
    #: from :attr:`text`'s.
    source_lines: tuple[str, ...] | None = None

    def position(self, line: int) -> tuple[int, int]:
        """The source ``(line, column)`` of 1-based text line ``line`` (its first column)."""
        if self.positions is None or not 1 <= line <= len(self.positions):
            return line, 1
        return self.positions[line - 1]

    def locate(self, error: ParseError) -> ParseError:
        """``error`` (at a line and column of :attr:`text`) moved to the source's position."""
        if self.positions is None:
            return error
        line, column = self.position(error.line)
        column += max(error.column - 1, 0)
        lines = self.source_lines
        line_text = lines[line - 1] if lines is not None and 1 <= line <= len(lines) else None
        return ParseError(
            error.message, line=line, column=column, source=error.source, line_text=line_text
        )


def read_text(text: str, *, source: str | None = None) -> ReadText:
    """Read a source already decoded to ``str``."""
    return ReadText(text=text, source=source)


def read_bytes(data: bytes, *, source: str | None = None, encoding: str | None = None) -> ReadText:
    """Read the bytes of a source: decode them, then read the text."""
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", "replace")) + 1
        end = data.find(b"\n", error.start)
        line_text = data[line_start : end if end >= 0 else len(data)].decode("utf-8", "replace")
        raise ParseError(
            f"byte 0x{data[error.start]:02X} is not UTF-8 text: is this a binary file?",
            line=line,
            column=column,
            source=source,
            line_text=line_text,
        ) from None
    return read_text(text, source=source)


def read_file(path: str | os.PathLike[str], *, encoding: str | None = None) -> ReadText:
    """Read a file of any supported form; its path names it in messages."""
    name = os.fspath(path)
    with open(name, "rb") as file:
        data = file.read()
    return read_bytes(data, source=name, encoding=encoding)
