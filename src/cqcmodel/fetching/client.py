"""A polite HTTP client for one site: one request at a time, spaced, retried, checked.

Every request waits at least the delay after the previous one ended; timeouts, dropped
connections and 5xx answers are retried with exponential backoff, 429 and 503 after the time
their ``Retry-After`` asks for (capped); ``robots.txt`` is read once and obeyed; redirects are
followed by hand, within the site only and at most a few hops; an answer that is not HTML or
is larger than the size cap is refused while it streams in.
"""

from __future__ import annotations

import email.utils
import re
import time
import urllib.parse
from collections.abc import Callable
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Final

import attrs

from .._version import __version__
from .errors import PageFailedError, WebExtraMissingError

if TYPE_CHECKING:
    import urllib.robotparser

    import httpx

__all__ = ["PROJECT_URL", "USER_AGENT", "Answer", "PoliteClient", "retry_after_seconds"]

#: The project's address, named in the User-Agent so a site's operators can reach us.
PROJECT_URL: Final = "https://github.com/cqcmodel/cqcmodel"
#: The User-Agent of every request: who we are and where to read about us.
USER_AGENT: Final = f"cqcmodel/{__version__} (+{PROJECT_URL})"
#: The name matched against ``User-agent`` lines in ``robots.txt``.
ROBOTS_AGENT: Final = "cqcmodel"

_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
#: Types that say nothing about the content: the body is looked at instead, as browsers do.
_UNTYPED: Final = ("", "application/octet-stream")
_HTML_START: Final = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_MAX_REDIRECTS: Final = 5


@attrs.frozen(kw_only=True)
class Answer:
    """A whole HTML answer: the address asked for, where it ended, its status and its bytes."""

    #: The address that was asked for.
    url: str
    #: The address that answered, after redirects within the site.
    final_url: str
    #: The HTTP status (200).
    status: int
    #: The body as received (after any content encoding is undone).
    body: bytes


@attrs.frozen(kw_only=True)
class _Outcome:
    """What one request gave: a status, its redirect target, its body (when it was read)."""

    status: int
    reason: str
    location: str | None = None
    retry_after: str | None = None
    body: bytes = b""


class _TransientError(Exception):
    """A failure worth retrying: a timeout or a connection that broke."""


def _require_httpx() -> ModuleType:
    try:
        import httpx  # noqa: PLC0415 - the optional extra loads only when fetching
    except ImportError as error:
        raise WebExtraMissingError from error
    return httpx


def _looks_like_html(body: bytes) -> bool:
    """Whether a body sent without a useful content type starts like an HTML document."""
    return _HTML_START.match(body.removeprefix(b"\xef\xbb\xbf")[:4096]) is not None


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """The wait a ``Retry-After`` header asks for, in seconds (``None`` when absent or unreadable).

    The header holds either a number of seconds or an HTTP date; a date in the past means no
    wait at all.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


@attrs.define(eq=False)
class PoliteClient:
    """Fetches HTML pages of one site the way a well-behaved crawler does.

    ``site`` is the site's root address (scheme, host and port are "the site"). Use it as a
    context manager; :meth:`get` returns an :class:`Answer` or raises
    :class:`~cqcmodel.fetching.PageFailedError` with the reason. ``client`` is an
    ``httpx.Client`` to send requests through (the caller closes it); ``sleep`` is how the
    client waits.
    """

    site: str
    #: Seconds from the end of one request to the start of the next (robots.txt may ask more).
    delay: float = attrs.field(default=1.0, kw_only=True)
    #: Seconds one request may take as a whole.
    timeout: float = attrs.field(default=30.0, kw_only=True)
    #: Tries after the first, after timeouts, broken connections, 5xx and 429 answers.
    retries: int = attrs.field(default=3, kw_only=True)
    #: Seconds before the first retry, doubled before each next one.
    backoff: float = attrs.field(default=1.0, kw_only=True)
    #: The largest body accepted, in bytes.
    max_bytes: int = attrs.field(default=5_000_000, kw_only=True)
    #: The longest ``Retry-After`` obeyed, in seconds.
    max_retry_after: float = attrs.field(default=120.0, kw_only=True)
    _given: httpx.Client | None = attrs.field(
        default=None, kw_only=True, alias="client", repr=False
    )
    _sleep: Callable[[float], None] = attrs.field(
        default=time.sleep, kw_only=True, alias="sleep", repr=False
    )
    #: HTTP requests made so far (retries and robots.txt included).
    requests: int = attrs.field(default=0, init=False)
    _http: httpx.Client = attrs.field(init=False, repr=False)
    _last_end: float | None = attrs.field(default=None, init=False, repr=False)
    _robots: urllib.robotparser.RobotFileParser | str | None = attrs.field(
        default=None, init=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        web = _require_httpx()
        self._http = self._given or web.Client(
            headers={"User-Agent": USER_AGENT}, follow_redirects=False
        )

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections this client opened (not those of a client it was given)."""
        if self._given is None:
            self._http.close()

    def same_site(self, url: str) -> bool:
        """Whether ``url`` is on this client's site (same scheme, host and port)."""
        ours, theirs = urllib.parse.urlsplit(self.site), urllib.parse.urlsplit(url)
        return (ours.scheme, ours.netloc.lower()) == (theirs.scheme, theirs.netloc.lower())

    def get(self, url: str) -> Answer:
        """Fetch the HTML page at ``url``, following redirects within the site."""
        current, visited = url, [url]
        for _ in range(_MAX_REDIRECTS + 1):
            self._check_robots(current)
            outcome = self._retrying(current, html=True)
            if outcome.location is None:
                return self._answer(url, current, outcome)
            target = urllib.parse.urldefrag(urllib.parse.urljoin(current, outcome.location))[0]
            if not self.same_site(target):
                raise PageFailedError(url, f"redirected off the site, to {target}")
            if target in visited:
                hops = [*visited[visited.index(target) :], target]
                loop = " -> ".join(urllib.parse.urlsplit(hop).path or "/" for hop in hops)
                raise PageFailedError(url, f"redirect loop: {loop}")
            visited.append(target)
            current = target
        raise PageFailedError(url, f"more than {_MAX_REDIRECTS} redirects")

    def _answer(self, url: str, final_url: str, outcome: _Outcome) -> Answer:
        if outcome.status != 200:
            raise PageFailedError(url, f"HTTP {outcome.status} {outcome.reason}".rstrip())
        return Answer(url=url, final_url=final_url, status=outcome.status, body=outcome.body)

    # --- robots.txt ---------------------------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        robots = self._read_robots()
        if isinstance(robots, str):
            raise PageFailedError(url, robots)
        if not robots.can_fetch(ROBOTS_AGENT, url):
            raise PageFailedError(url, "disallowed by the site's robots.txt")

    def _read_robots(self) -> urllib.robotparser.RobotFileParser | str:
        """The site's rules, read on first use; a reason string when they could not be read.

        As RFC 9309 says: no ``robots.txt`` (a 4xx answer) allows everything; one that cannot
        be read (a 5xx answer, no connection) allows nothing.
        """
        if self._robots is not None:
            return self._robots
        import urllib.robotparser  # noqa: PLC0415 - only a crawl needs it

        parser = urllib.robotparser.RobotFileParser()
        address = urllib.parse.urljoin(self.site, "/robots.txt")
        try:
            outcome = self._follow_plain(address)
        except PageFailedError as failure:
            self._robots = f"robots.txt could not be read ({failure.reason}); nothing fetched"
            return self._robots
        if 400 <= outcome.status < 500:
            parser.parse([])
        elif outcome.status != 200:
            self._robots = f"robots.txt could not be read (HTTP {outcome.status}); nothing fetched"
            return self._robots
        else:
            parser.parse(outcome.body.decode("utf-8", "replace").splitlines())
            crawl_delay = parser.crawl_delay(ROBOTS_AGENT)
            if crawl_delay is not None:
                self.delay = max(self.delay, float(crawl_delay))
        self._robots = parser
        return parser

    def _follow_plain(self, url: str) -> _Outcome:
        """Fetch a non-HTML resource of the site (robots.txt), following redirects on the site."""
        current = url
        for _ in range(_MAX_REDIRECTS + 1):
            outcome = self._retrying(current, html=False)
            if outcome.location is None:
                return outcome
            current = urllib.parse.urljoin(current, outcome.location)
            if not self.same_site(current):
                raise PageFailedError(url, f"redirected off the site, to {current}")
        raise PageFailedError(url, f"more than {_MAX_REDIRECTS} redirects")

    # --- one request, retried -----------------------------------------------------------------

    def _retrying(self, url: str, *, html: bool) -> _Outcome:
        """One request, tried again after timeouts, broken connections, 5xx and 429."""
        attempts = self.retries + 1
        reason, unreachable = "", False
        for attempt in range(attempts):
            wait = self.backoff * 2**attempt
            try:
                outcome = self._once(url, html=html)
            except _TransientError as error:
                reason, unreachable = str(error), True
            else:
                unreachable = False
                if outcome.status != 429 and outcome.status < 500:
                    return outcome
                reason = f"HTTP {outcome.status} {outcome.reason}".rstrip()
                asked = retry_after_seconds(outcome.retry_after)
                if outcome.status in (429, 503) and asked is not None:
                    wait = min(asked, self.max_retry_after)
            if attempt + 1 < attempts:
                self._pause(wait)
        plural = "s" if attempts != 1 else ""
        message = f"{reason} (after {attempts} attempt{plural})"
        raise PageFailedError(url, message, unreachable=unreachable)

    def _pause(self, at_least: float = 0.0) -> None:
        """Wait until the delay (or ``at_least``, if longer) has passed since the last request."""
        if self._last_end is None:
            if at_least > 0:
                self._sleep(at_least)
            return
        remaining = max(self.delay, at_least) - (time.monotonic() - self._last_end)
        if remaining > 0:
            self._sleep(remaining)

    def _once(self, url: str, *, html: bool) -> _Outcome:
        web = _require_httpx()
        self._pause()
        self.requests += 1
        try:
            return self._stream(url, html=html)
        except web.TimeoutException as error:
            raise _TransientError(f"timed out ({type(error).__name__})") from error
        except web.TransportError as error:
            raise _TransientError(f"connection failed ({error or type(error).__name__})") from error
        except web.HTTPError as error:
            raise PageFailedError(url, f"{type(error).__name__}: {error}") from error
        finally:
            self._last_end = time.monotonic()

    def _stream(self, url: str, *, html: bool) -> _Outcome:
        started = time.monotonic()
        headers = {"User-Agent": USER_AGENT}
        if html:
            headers["Accept"] = "text/html,application/xhtml+xml;q=0.9"
        with self._http.stream(
            "GET", url, headers=headers, timeout=self.timeout, follow_redirects=False
        ) as response:
            status, reason = response.status_code, response.reason_phrase
            if status in _REDIRECTS and "location" in response.headers:
                return _Outcome(status=status, reason=reason, location=response.headers["location"])
            if status != 200:
                retry_after = response.headers.get("retry-after")
                return _Outcome(status=status, reason=reason, retry_after=retry_after)
            kind = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if html and kind not in _HTML_TYPES and kind not in _UNTYPED:
                raise PageFailedError(url, f"not an HTML page ({kind})")
            body = self._read_capped(url, response, started)
        if html and kind in _UNTYPED and not _looks_like_html(body):
            raise PageFailedError(url, f"not an HTML page ({kind or 'no content type'})")
        return _Outcome(status=status, reason=reason, body=body)

    def _read_capped(self, url: str, response: httpx.Response, started: float) -> bytes:
        """The body, read as it streams in, refused as soon as it passes the size cap.

        An answer that takes longer than the timeout as a whole is given up, to be tried again.
        """
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise PageFailedError(url, f"larger than {self.max_bytes} bytes ({declared} declared)")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if time.monotonic() - started > self.timeout:
                raise _TransientError(f"timed out (the page took over {self.timeout:g} s)")
            if size > self.max_bytes:
                raise PageFailedError(url, f"larger than {self.max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)
