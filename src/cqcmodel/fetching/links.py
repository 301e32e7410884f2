"""Which links to follow: the listing's report entries and next page, and a report's own pages.

The site's markup is not documented and changes, so pages are found by their links, never by
guessing addresses or relying on CSS classes. A report is a *family* of addresses under the
listing path, recognised by its stem whatever the scheme:

- ``hillingdon-1224``, ``hillingdon-1224-summary``, ``hillingdon-1224-theme1-needs``;
- ``sunderland-0525``, ``sunderland-0525/summary``, ``sunderland-0525/theme1/needs`` (and the
  pilots' ``nottingham-city/2-providing-support/partnerships-communities``);
- ``Hounslow1`` … ``Hounslow11``, the numbered pages of the earliest reports.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from typing import Final, NamedTuple

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["LISTING_PATH", "Family", "ListingPage", "Site", "listing_links", "report_links"]

#: The path of the listing of every report (and of every assessment in progress).
LISTING_PATH: Final = "/care-services/local-authority-assessment-reports"

_NUMBERED: Final = re.compile(r"(?P<stem>[A-Za-z]+)(?P<number>\d{1,2})")
_SUFFIX: Final = re.compile(r"-(?:summary|about|theme\d+(?:-[A-Za-z0-9-]*)?)$", re.IGNORECASE)
_DATED: Final = re.compile(r"\d{4}(?:-|$)")
#: A file's extension at the end of an address (a PDF, a spreadsheet): not a page, unless HTML.
_EXTENSION: Final = re.compile(r"\.(?!html?$)[A-Za-z0-9]{2,5}$", re.IGNORECASE)


@attrs.frozen
class Site:
    """The site being fetched: its root address, and where its reports live."""

    #: The root address, without a trailing slash (``https://www.cqc.org.uk``).
    root: str

    @classmethod
    def at(cls, base_url: str) -> Site:
        """The site whose root is ``base_url``."""
        return cls(base_url.rstrip("/"))

    @property
    def listing_url(self) -> str:
        """The address of the listing's first page."""
        return self.root + LISTING_PATH

    @property
    def prefix(self) -> str:
        """The path every report address starts with (then ``/``)."""
        return urllib.parse.urlsplit(self.listing_url).path

    def same_site(self, url: str) -> bool:
        """Whether ``url`` has the site's scheme, host and port."""
        ours, theirs = urllib.parse.urlsplit(self.root), urllib.parse.urlsplit(url)
        return (ours.scheme, ours.netloc.lower()) == (theirs.scheme, theirs.netloc.lower())

    def segments(self, url: str) -> tuple[str, ...] | None:
        """The path segments of ``url`` after the listing path (``None`` when not under it)."""
        if not self.same_site(url):
            return None
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).rstrip("/")
        if not path.startswith(self.prefix + "/"):
            return None
        parts = tuple(part for part in path[len(self.prefix) + 1 :].split("/") if part)
        return parts or None

    def page_url(self, segments: tuple[str, ...]) -> str:
        """The canonical address of the report page at ``segments``."""
        quoted = "/".join(urllib.parse.quote(part) for part in segments)
        return f"{self.listing_url}/{quoted}"


@attrs.frozen
class Family:
    """The addresses of one report's pages, known by the report's stem."""

    #: The stem shared by the report's addresses (``hillingdon-1224``, ``Hounslow``).
    stem: str
    #: Whether the report uses numbered pages (``Hounslow1`` … ``Hounslow11``).
    numbered: bool = False

    @classmethod
    def of(cls, segments: tuple[str, ...]) -> Family:
        """The family of the report page at ``segments`` (under the listing path)."""
        first = segments[0]
        numbered = _NUMBERED.fullmatch(first)
        if numbered is not None and len(segments) == 1:
            return cls(numbered["stem"], numbered=True)
        return cls(_SUFFIX.sub("", first) or first)

    def __contains__(self, segments: object) -> bool:
        """Whether the page at ``segments`` (under the listing path) belongs to this report."""
        if not isinstance(segments, tuple) or not segments:
            return False
        if _EXTENSION.search(segments[-1]):
            return False
        first, stem = segments[0].lower(), self.stem.lower()
        numbered = _NUMBERED.fullmatch(first)
        if numbered is not None and len(segments) == 1 and numbered["stem"] == stem:
            return True
        if self.numbered:
            return len(segments) == 1 and first == stem
        if first == stem:
            return True
        rest = first[len(stem) + 1 :]
        return (
            len(segments) == 1
            and first.startswith(stem + "-")
            and bool(rest)
            and _DATED.match(rest) is None
        )

    @property
    def folder(self) -> str:
        """The folder name the report's pages are saved in."""
        return self.stem


def _document(html: bytes) -> LexborHTMLParser:
    return LexborHTMLParser(html.decode("utf-8", "replace"))


def _content(tree: LexborHTMLParser) -> LexborNode | None:
    """The page's main content: ``<main>``, else ``role="main"``, else the body."""
    return tree.css_first("main") or tree.css_first('[role="main"]') or tree.body


class _Link(NamedTuple):
    """A link on a page: its absolute address (no fragment), text, ``rel`` and label words."""

    address: str
    text: str
    rel: tuple[str, ...]
    label: str


def _links(node: LexborNode | None, page_url: str, selector: str = "a[href]") -> Iterator[_Link]:
    """Each link under ``node`` (``<a>`` elements, or ``<link>`` ones with ``selector``)."""
    if node is None:
        return
    for anchor in node.css(selector):
        attributes = anchor.attributes
        href = (attributes.get("href") or "").strip()
        if not href or href.startswith(("mailto:", "tel:", "javascript:")):
            continue
        yield _Link(
            address=urllib.parse.urldefrag(urllib.parse.urljoin(page_url, href))[0],
            text=" ".join(anchor.text(separator=" ").split()),
            rel=tuple((attributes.get("rel") or "").lower().split()),
            label=" ".join((attributes.get(name) or "") for name in ("aria-label", "title")),
        )


class ListingPage(NamedTuple):
    """What one page of the listing holds: its report entries, its next page, what else."""

    #: The address of each report the page links to, in order.
    reports: list[str]
    #: The address of the listing's next page (``None`` on the last page).
    next_page: str | None
    #: The number of links inside the page's main content (all of them, reports or not).
    links: int


def listing_links(html: bytes, page_url: str, site: Site) -> ListingPage:
    """The report addresses a listing page links to, and the address of its next page.

    A report entry is a link inside the page's main content to a page under the listing path,
    whatever its text says (``London Borough of Hillingdon: local authority assessment``,
    ``Read the report``, the council's name): the listing's own pagination and links to files
    (the PDF downloads) aside. Assessments in progress have no link and are not reports yet.
    The next page is the link marked ``rel="next"``, or else the link whose text starts with
    "Next" (or whose ``aria-label`` or ``title`` says "next").
    """
    tree = _document(html)
    links = list(_links(_content(tree), page_url))
    reports: list[str] = []
    for link in links:
        segments = site.segments(link.address)
        if segments is not None and not _EXTENSION.search(segments[-1]) and not _paging(link):
            url = site.page_url(segments)
            if url not in reports:
                reports.append(url)
    return ListingPage(reports, _next_page(tree, page_url, site, reports), len(links))


def _paging(link: _Link) -> bool:
    """Whether ``link`` moves through the listing's pages (next, previous, a page number)."""
    paging = {"next", "prev", "previous"}
    words = link.text.lower().split()[:1] + link.label.lower().split()
    return bool(paging & {*link.rel, *words}) or link.text.isdigit()


def _next_page(tree: LexborHTMLParser, page_url: str, site: Site, reports: list[str]) -> str | None:
    links = [*_links(tree.head, page_url, "link[href]"), *_links(tree.body, page_url)]
    candidates = [link for link in links if "next" in link.rel]
    candidates += [link for link in links if link.text.lower().startswith("next")]
    candidates += [link for link in links if "next" in link.label.lower().split()]
    current = urllib.parse.urldefrag(page_url)[0]
    for link in candidates:
        address = link.address
        path = urllib.parse.urlsplit(address).path
        if (
            site.same_site(address)
            and path.startswith(site.prefix)
            and address != current
            and site.page_url(site.segments(address) or ()) not in reports
        ):
            return address
    return None


def report_links(html: bytes, page_url: str, site: Site, family: Family) -> list[str]:
    """The addresses of the report's own pages that a page's main content links to."""
    found: list[str] = []
    for link in _links(_content(_document(html)), page_url):
        segments = site.segments(link.address)
        if segments is not None and segments in family:
            url = site.page_url(segments)
            if url not in found:
                found.append(url)
    return found
