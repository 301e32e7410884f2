"""The one exception hierarchy of cqcmodel: every failure a caller can meet derives from it."""

from __future__ import annotations

__all__ = [
    "ConflictError",
    "CqcModelError",
    "EmptyPathError",
    "NoFilesError",
    "ParseError",
    "SourceIsFolderError",
    "SourceNotFoundError",
    "UnknownCouncilError",
    "UnknownStatementError",
    "ValidationError",
]

#: How many characters of an offending line a snippet shows at most on each side of the caret.
_SNIPPET_HALF_WIDTH = 60


class CqcModelError(Exception):
    """Base class of every error raised by cqcmodel."""


class ParseError(CqcModelError, ValueError):
    """Text that is not a CQC assessment page (or not one this library understands).

    ``line`` and ``column`` are 1-based and refer to the text as the caller gave it (before
    normalisation); ``source`` names where it came from (a path, or ``None`` for a string).
    ``str(error)`` reads ``source:line:column: message`` followed by the offending line and a
    caret under the column, the form editors and CI logs understand.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int,
        column: int,
        source: str | None = None,
        line_text: str | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.source = source
        self.line_text = line_text
        super().__init__(self._format())

    @property
    def location(self) -> str:
        """``source:line:column`` (``<string>`` when the text has no source name)."""
        return f"{self.source or '<string>'}:{self.line}:{self.column}"

    @property
    def snippet(self) -> str:
        """The offending line (shortened around the column when long) with a caret under it."""
        if self.line_text is None:
            return ""
        text, caret = _window(self.line_text, self.column - 1)
        text = text.expandtabs(1)
        return f"    {text}\n    {' ' * caret}^"

    def _format(self) -> str:
        head = f"{self.location}: {self.message}"
        snippet = self.snippet
        return f"{head}\n{snippet}" if snippet else head

    def __reduce__(self) -> tuple[object, ...]:  # pragma: no cover - pickling support
        return (
            _rebuild_parse_error,
            (self.message, self.line, self.column, self.source, self.line_text),
        )


def _rebuild_parse_error(
    message: str, line: int, column: int, source: str | None, line_text: str | None
) -> ParseError:  # pragma: no cover - pickling support
    return ParseError(message, line=line, column=column, source=source, line_text=line_text)


def _window(text: str, index: int) -> tuple[str, int]:
    """Cut ``text`` to at most two half-widths around ``index``; return it and the new index."""
    index = max(0, min(index, len(text)))
    start = max(0, index - _SNIPPET_HALF_WIDTH)
    end = min(len(text), index + _SNIPPET_HALF_WIDTH)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    printable = "".join(ch if ch.isprintable() or ch == "\t" else "?" for ch in text[start:end])
    return prefix + printable + suffix, index - start + len(prefix)


class ValidationError(CqcModelError, ValueError):
    """Data (JSON, dictionaries) that does not describe a valid model.

    ``errors`` lists every problem found, each as ``$.json.path: what is wrong``.
    """

    def __init__(self, errors: list[str] | tuple[str, ...], *, source: str | None = None) -> None:
        self.errors = tuple(errors)
        self.source = source
        where = f"{source}: " if source else ""
        lines = "\n".join(f"  {error}" for error in self.errors)
        count = len(self.errors)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{where}invalid cqcmodel data ({count} {noun}):\n{lines}")


class EmptyPathError(CqcModelError, ValueError):
    """An empty path given to read: refused rather than read as the working folder."""

    def __init__(self) -> None:
        super().__init__("an empty path names no file or folder")


class SourceNotFoundError(CqcModelError, FileNotFoundError):
    """A path to read that does not exist (or a pattern that matches nothing).

    ``filename`` is the path; ``str(error)`` reads ``path: message``.
    """

    def __init__(self, path: str, message: str = "no such file or folder") -> None:
        super().__init__(2, message, path)

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


class SourceIsFolderError(CqcModelError, IsADirectoryError):
    """A folder given where one file is read (:func:`~cqcmodel.parse_file`, say).

    ``filename`` is the folder; ``str(error)`` reads ``folder: message``.
    """

    def __init__(self, path: str) -> None:
        super().__init__(21, "is a folder, not a file (use load() to read a folder)", path)

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


class NoFilesError(CqcModelError, FileNotFoundError):
    """A folder given to :func:`~cqcmodel.load` (or the command line) that holds no page files.

    ``filename`` is the folder; ``str(error)`` reads ``folder: no page files in this folder``.
    """

    def __init__(self, folder: str) -> None:
        super().__init__(2, "no page files in this folder", folder)

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


class UnknownCouncilError(CqcModelError, LookupError):
    """A council name or ONS code the registry (``cqcmodel.councils``) cannot resolve.

    ``name`` is what was asked for; ``closest`` lists the nearest councils as
    ``"Name (code)"``, best first. ``ambiguous`` is true when the name fits several councils
    (``Kingston``) rather than none.
    """

    def __init__(
        self, name: str, closest: tuple[str, ...] = (), *, ambiguous: bool = False
    ) -> None:
        self.name = name
        self.closest = closest
        self.ambiguous = ambiguous
        if ambiguous:
            message = f"{name!r} could be several councils: {'; '.join(closest)}"
        else:
            hint = (
                f"closest: {'; '.join(closest)}"
                if closest
                else "give an ONS code or a name as ONS or the council writes it; "
                "cqcmodel.councils() lists all 153"
            )
            message = f"unknown council {name!r}; {hint}"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownStatementError(CqcModelError, KeyError):
    """A quality statement key (id, code or title) that is not one of the framework's nine.

    ``key`` is what was asked for; the message lists the nine valid ids, codes and titles.
    """

    def __init__(self, key: object, valid: tuple[str, ...]) -> None:
        self.key = key
        self.valid = valid
        lines = "\n".join(f"  {item}" for item in valid)
        super().__init__(f"unknown quality statement {key!r}; the nine statements are:\n{lines}")

    def __str__(self) -> str:
        return str(self.args[0])


class ConflictError(CqcModelError, ValueError):
    """Two files that publish different versions of one page of the same authority.

    Raised (or reported) when pages are merged into one record per authority: two different
    scores for one statement, two different summaries, two different about pages. ``sources``
    names both files, the first one read and then the one that disagrees with it; ``source``,
    ``line`` and ``column`` point at the second, so ``str(error)`` reads
    ``source:line:column: message`` and the message names the first.
    """

    def __init__(
        self,
        message: str,
        *,
        sources: tuple[str, str],
        lines: tuple[int | None, int | None] = (None, None),
    ) -> None:
        self.message = message
        self.sources = sources
        self.lines = lines
        self.source = sources[1]
        self.line = lines[1] or 1
        self.column = 1
        super().__init__(f"{self.location}: {message}")

    @property
    def location(self) -> str:
        """``source:line:column`` of the second, disagreeing page."""
        return f"{self.source}:{self.line}:{self.column}"

    def __reduce__(self) -> tuple[object, ...]:  # pragma: no cover - pickling support
        return (_rebuild_conflict_error, (self.message, self.sources, self.lines))


def _rebuild_conflict_error(
    message: str, sources: tuple[str, str], lines: tuple[int | None, int | None]
) -> ConflictError:  # pragma: no cover - pickling support
    return ConflictError(message, sources=sources, lines=lines)
