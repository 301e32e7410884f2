"""The crawl: from report addresses (or the listing) to every page of each report, saved whole."""

from __future__ import annotations

import os
import re
import urllib.parse
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from .client import Answer, PoliteClient
from .errors import FetchError, PageFailedError
from .links import Family, Site, listing_links, report_links
from .store import SavedPage, Store, file_name, safe_name

if TYPE_CHECKING:
    import httpx

__all__ = ["DEFAULT_BASE_URL", "UNANSWERED_LIMIT", "FailedPage", "FetchResult", "Progress", "fetch"]

#: The CQC website.
DEFAULT_BASE_URL: Final = "https://www.cqc.org.uk"
#: The CQC website's hosts: their report addresses name reports on any copy of the site.
_CQC_HOSTS: Final = frozenset({"www.cqc.org.uk", "cqc.org.uk"})
#: A callback told ``(pages done, pages known so far)`` after each page.
Progress = Callable[[int, int], None]
#: The listing has a few dozen pages at most; more means its "next" links go round in circles.
_MAX_LISTING_PAGES: Final = 500
#: A report's last path segment, as it may be named alone (``hillingdon-1224``, ``Hounslow1``).
_SLUG: Final = re.compile(r"[A-Za-z0-9_-]+")
#: After this many pages in a row that the site did not answer at all, the rest are not tried.
UNANSWERED_LIMIT: Final = 5


@attrs.frozen(kw_only=True)
class FailedPage:
    """A page that could not be fetched after its retries, and why, in words."""

    #: The address.
    url: str
    #: Why (``HTTP 404 Not Found``, ``timed out (ReadTimeout) (after 4 attempts)`` …).
    reason: str


@attrs.frozen(kw_only=True)
class FetchResult:
    """What a fetch did: the reports it found, the pages it saved, kept and could not fetch."""

    #: The output folder.
    out_dir: Path
    #: The address of each report's first page (its overview), in the order fetched.
    reports: tuple[str, ...]
    #: Pages fetched and saved by this run.
    saved: tuple[SavedPage, ...]
    #: Pages already saved whole by an earlier run, so not fetched again.
    skipped: tuple[SavedPage, ...]
    #: Pages (and listing pages) that could not be fetched, and a listing that links to no
    #: report (its first page's address, with what was looked at).
    failed: tuple[FailedPage, ...]
    #: The number of HTTP requests made (retries and robots.txt included).
    requests: int

    @property
    def ok(self) -> bool:
        """Whether every page was saved: nothing failed, and the listing linked to reports.

        A listing that links to no report is one of :attr:`failed` (its address, and why).
        """
        return not self.failed


def fetch(
    reports: Iterable[str] | str = (),
    *,
    all: bool = False,
    out_dir: str | os.PathLike[str],
    base_url: str = DEFAULT_BASE_URL,
    delay: float = 1.0,
    refresh: bool = False,
    progress: Progress | None = None,
    client: httpx.Client | None = None,
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 1.0,
    max_bytes: int = 5_000_000,
    max_retry_after: float = 120.0,
) -> FetchResult:
    """Fetch reports' pages from the CQC website (or a copy of it) into ``out_dir``.

    ``reports`` are report addresses or their last path segment (``hillingdon-1224``,
    ``Hounslow1``, ``https://www.cqc.org.uk/care-services/local-authority-assessment-reports/
    sunderland-0525``); ``all=True`` fetches every report the listing links to. Each report's
    pages are found by following the links of its main content that belong to that report.
    Requests go one at a time, ``delay`` seconds apart at least (more if ``robots.txt`` asks),
    each given ``timeout`` seconds and tried ``retries`` more times after a timeout, a broken
    connection or a 5xx answer (waiting ``backoff``, then twice as long, …; or as long as a
    ``Retry-After`` asks, up to ``max_retry_after``); answers over ``max_bytes`` are refused.
    Pages already saved are not fetched again unless ``refresh``. ``progress`` is told
    ``(pages done, pages known)`` after each page; ``client`` is an :class:`httpx.Client` to
    send the requests through (a proxy, a custom transport).

    Raises :class:`~cqcmodel.fetching.FetchError` when nothing can be fetched as asked and
    :class:`~cqcmodel.fetching.WebExtraMissingError` without ``cqcmodel[web]``; a page that
    fails is recorded in :attr:`FetchResult.failed`, and the rest carries on.
    """
    site = _site(base_url)
    starts = [_report_url(site, report) for report in _names(reports)]
    if not starts and not all:
        raise FetchError("name at least one report, or ask for all of them")
    if min(delay, retries, backoff, max_retry_after) < 0 or min(timeout, max_bytes) <= 0:
        raise FetchError("delay, retries and waits must not be negative; timeout and size > 0")
    store = Store(out_dir)
    with PoliteClient(
        site.root,
        delay=delay,
        timeout=timeout,
        retries=retries,
        backoff=backoff,
        max_bytes=max_bytes,
        max_retry_after=max_retry_after,
        client=client,
    ) as web:
        crawl = _Crawl(site, store, web, refresh=refresh, progress=progress)
        if all:
            starts = [*crawl.listing(), *starts]
        for start in starts:
            crawl.report(start)
        return crawl.result()


def _names(reports: Iterable[str] | str) -> list[str]:
    return [reports] if isinstance(reports, str) else list(reports)


def _site(base_url: str) -> Site:
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{base_url}: the base address must be an http:// or https:// address")
    return Site.at(base_url)


def _report_url(site: Site, report: str) -> str:
    """The canonical address of a report named by its address or its last path segment.

    An address on the CQC website names the same report on the copy at ``site`` (a mirror).
    Anything else (a path, ``..``, an empty name) is refused, before any request is made.
    """
    text = report.strip()
    if "://" in text:
        parts = urllib.parse.urlsplit(text)
        if not site.same_site(text) and parts.netloc.lower() not in _CQC_HOSTS:
            raise FetchError(f"{report}: not an address on {site.root} or the CQC website")
        address = site.root + urllib.parse.urlunsplit(("", "", parts.path, "", ""))
    elif _SLUG.fullmatch(text):
        address = f"{site.listing_url}/{text}"
    else:
        raise FetchError(
            f"{report!r}: not a report: name it by its address ({site.listing_url}/"
            "hillingdon-1224) or by its last path segment, made of letters, digits, '-' "
            "and '_' (hillingdon-1224)"
        )
    segments = site.segments(address)
    if segments is None or not all(_SLUG.fullmatch(part) for part in segments):
        raise FetchError(
            f"{report}: not a report address (they start {site.listing_url}/, "
            "then path segments of letters, digits, '-' and '_')"
        )
    return site.page_url(segments)


class _Crawl:
    """One run's state: the pages seen, saved, kept and failed."""

    def __init__(
        self,
        site: Site,
        store: Store,
        web: PoliteClient,
        *,
        refresh: bool,
        progress: Progress | None,
    ) -> None:
        self.site, self.store, self.web = site, store, web
        self.refresh, self.progress = refresh, progress
        self.reports: list[str] = []
        self.saved: list[SavedPage] = []
        self.skipped: list[SavedPage] = []
        self.failed: list[FailedPage] = []
        self.seen: set[str] = set()
        self.families: set[Family] = set()
        self.done = 0
        self.unanswered = 0

    def result(self) -> FetchResult:
        """What the crawl did, so far."""
        return FetchResult(
            out_dir=self.store.root,
            reports=tuple(self.reports),
            saved=tuple(self.saved),
            skipped=tuple(self.skipped),
            failed=tuple(self.failed),
            requests=self.web.requests,
        )

    def listing(self) -> list[str]:
        """Every report address the listing links to, following its pages to the last.

        A listing that is read but links to no report is recorded as failed, with what was
        looked at, so that a fetch of nothing never passes for a fetch of everything.
        """
        url: str | None = self.site.listing_url
        visited: list[str] = []
        found: list[str] = []
        links = 0
        while url is not None and url not in visited and len(visited) < _MAX_LISTING_PAGES:
            visited.append(url)
            try:
                answer = self._get(url)
            except PageFailedError as failure:
                self._fail(url, failure)
                return found
            page = listing_links(answer.body, answer.final_url, self.site)
            found += [link for link in page.reports if link not in found]
            links, url = links + page.links, page.next_page
        if not found:
            self.failed.append(FailedPage(url=visited[0], reason=self._no_report(visited, links)))
        return found

    def _no_report(self, visited: list[str], links: int) -> str:
        """Why the listing gave no report, in words: what was read, and what was looked for."""
        pages = f"{len(visited)} page{'s' * (len(visited) != 1)}"
        return (
            f"the listing links to no report: of the {links} links inside the main content "
            f"of its {pages}, none leads to a page under {self.site.listing_url}/ "
            "(a report's address, such as …/hillingdon-1224); nothing was fetched"
        )

    def report(self, start: str) -> None:
        """Fetch a report's pages: ``start``, then every page of its family it links to."""
        family = Family.of(self.site.segments(start) or ("",))
        if start in self.seen or family in self.families:
            return
        self.reports.append(start)
        self.seen.add(start)
        self.families.add(family)
        queue = deque([start])
        while queue:
            url = queue.popleft()
            page = self._page(url, family, first=url == start)
            self.done += 1
            if page is not None:
                body, final_url, family = page
                self.seen.add(final_url)
                for link in report_links(body, final_url, self.site, family):
                    if link not in self.seen:
                        self.seen.add(link)
                        queue.append(link)
            if self.progress is not None:
                self.progress(self.done, len(self.seen))
        self.families.add(family)

    def _page(self, url: str, family: Family, *, first: bool) -> tuple[bytes, str, Family] | None:
        """The page's bytes, its address and its report: saved earlier, or fetched and saved now.

        A report's first page may answer from another address (the report moved); any other
        page that is redirected to another report's page fails.
        """
        kept = None if self.refresh else self.store.saved(url)
        if kept is not None:
            self.skipped.append(kept)
            return kept.path.read_bytes(), kept.final_url, self._landed(kept.final_url, family)
        try:
            answer = self._get(url)
            moved = self._landed(answer.final_url, family)
            if moved != family and not first:
                raise PageFailedError(url, f"redirected to another report, {answer.final_url}")
        except PageFailedError as failure:
            self._fail(url, failure)
            return None
        segments = self.site.segments(answer.final_url) or self.site.segments(url) or ("",)
        path = self.store.root / safe_name(moved.folder) / file_name(segments)
        self.saved.append(self.store.save(url, answer.final_url, answer.status, answer.body, path))
        return answer.body, answer.final_url, moved

    def _landed(self, final_url: str, family: Family) -> Family:
        """The report of the page that answered at ``final_url`` (``family`` unless it moved)."""
        landed = self.site.segments(final_url)
        if landed is None or landed in family:
            return family
        return Family.of(landed)

    def _get(self, url: str) -> Answer:
        """Fetch ``url``, unless the site has stopped answering."""
        if self.unanswered >= UNANSWERED_LIMIT:
            reason = f"not tried: the site did not answer the {UNANSWERED_LIMIT} pages before"
            raise PageFailedError(url, reason, unreachable=True)
        answer = self.web.get(url)
        self.unanswered = 0
        return answer

    def _fail(self, url: str, failure: PageFailedError) -> None:
        self.failed.append(FailedPage(url=url, reason=failure.reason))
        self.unanswered = self.unanswered + 1 if failure.unreachable else 0
