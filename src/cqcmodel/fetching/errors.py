"""The errors of fetching: a missing extra, a report address that is not one, a failed page."""

from __future__ import annotations

from ..errors import CqcModelError

__all__ = [
    "FetchError",
    "ManifestError",
    "OutDirError",
    "PageFailedError",
    "WebExtraMissingError",
]


class FetchError(CqcModelError, ValueError):
    """What to fetch cannot be done as asked: an address off the site, no report named."""


class OutDirError(FetchError):
    """The output folder cannot be one: it names a file, or a file stands in its path.

    ``problem`` says what is wrong in words (``names a file, not a folder``) and ``path`` is
    the folder asked for, so that a command can name its own option.
    """

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"out_dir {problem}: {path}")


class ManifestError(CqcModelError, ValueError):
    """The output folder holds a ``manifest.json`` that is not a fetch manifest (or is damaged)."""


class WebExtraMissingError(CqcModelError, ImportError):
    """Fetching needs the optional HTTP client: ``pip install 'cqcmodel[web]'``."""

    def __init__(self) -> None:
        super().__init__(
            "fetching reports needs the HTTP client httpx: install cqcmodel[web] "
            "(pip install 'cqcmodel[web]')"
        )


class PageFailedError(CqcModelError):
    """One page could not be fetched (after its retries); ``reason`` says why in words.

    ``unreachable`` is true when the site did not answer at all (timeouts, no connection),
    as opposed to answering with an error.
    """

    def __init__(self, url: str, reason: str, *, unreachable: bool = False) -> None:
        self.url = url
        self.reason = reason
        self.unreachable = unreachable
        super().__init__(f"{url}: {reason}")
