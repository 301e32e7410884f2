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
from typing import Final

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["LISTING_PATH", "Family", "Site", "listing_links", "report_links"]

#: The path of the listing of every report (and of every assessment in progress).
LISTING_PATH: Final = "/care-services/local-authority-assessment-reports"

_NUMBERED: Final = re.compile(r"(?P<stem>[A-Za-z]+)(?P<number>\d{1,2})")
_SUFFIX: Final = re.compile(r"-(?:summary|about|theme\d+(?:-[A-Za-z0-9-]*)?)$", re.IGNORECASE)
_DATED: Final = re.compile(r"\d{4}(?:-|$)")
_PAGE_EXTENSIONS: Final = ("", ".html", ".htm")


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
        last = segments[-1]
        if "." in last and not last.lower().endswith(_PAGE_EXTENSIONS[1:]):
            return False
        first = segments[0]
        if self.numbered:
            found = _NUMBERED.fullmatch(first)
            return (
                len(segments) == 1
                and found is not None
                and found["stem"].lower() == self.stem.lower()
            )
        if first == self.stem:
            return True
        rest = first[len(self.stem) + 1 :]
        return (
            len(segments) == 1
            and first.startswith(self.stem + "-")
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


def _anchors(node: LexborNode | None, page_url: str) -> Iterator[tuple[str, str, str]]:
    """``(absolute address without fragment, link text, rel)`` for each link under ``node``."""
    if node is None:
        return
    for anchor in node.css("a[href]"):
        href = (anchor.attributes.get("href") or "").strip()
        if not href or href.startswith(("mailto:", "tel:", "javascript:")):
            continue
        address = urllib.parse.urldefrag(urllib.parse.urljoin(page_url, href))[0]
        text = " ".join(anchor.text(separator=" ").split())
        yield address, text, (anchor.attributes.get("rel") or "").lower()


def listing_links(html: bytes, page_url: str, site: Site) -> tuple[list[str], str | None]:
    """The report addresses a listing page links to, and the address of its next page.

    A report entry links to a single segment under the listing path with a text that names an
    assessment (``London Borough of Hillingdon: local authority assessment``); assessments in
    progress have no link and are not reports yet. The next page is the link marked
    ``rel="next"``, or else the link whose text starts with "Next".
    """
    tree = _document(html)
    reports: list[str] = []
    for address, text, _ in _anchors(_content(tree), page_url):
        segments = site.segments(address)
        if segments is not None and len(segments) == 1 and "assessment" in text.lower():
            url = site.page_url(segments)
            if url not in reports:
                reports.append(url)
    return reports, _next_page(tree, page_url, site)


def _next_page(tree: LexborHTMLParser, page_url: str, site: Site) -> str | None:
    marked = [
        urllib.parse.urljoin(page_url, (link.attributes.get("href") or "").strip())
        for link in tree.css("link[rel][href]")
        if "next" in (link.attributes.get("rel") or "").lower().split()
    ]
    anchors = list(_anchors(tree.body, page_url))
    marked += [address for address, _, rel in anchors if "next" in rel.split()]
    marked += [address for address, text, _ in anchors if text.lower().startswith("next")]
    current = urllib.parse.urldefrag(page_url)[0]
    for address in marked:
        path = urllib.parse.urlsplit(address).path.rstrip("/")
        if site.same_site(address) and path.startswith(site.prefix) and address != current:
            return address
    return None


def report_links(html: bytes, page_url: str, site: Site, family: Family) -> list[str]:
    """The addresses of the report's own pages that a page's main content links to."""
    found: list[str] = []
    for address, _, _ in _anchors(_content(_document(html)), page_url):
        segments = site.segments(address)
        if segments is not None and segments in family:
            url = site.page_url(segments)
            if url not in found:
                found.append(url)
    return found
