"""A local copy of the CQC report site, built from the corpus pages, for the fetch tests.

:class:`SiteServer` serves it on 127.0.0.1 (an ephemeral port) with the standard library's
``ThreadingHTTPServer`` and records every request (path, start and end times, User-Agent,
requests in flight). The copy has:

- six reports in all three address schemes (``hillingdon-1224-theme1-needs``,
  ``sunderland-0525/theme1/needs``, ``Hounslow1`` … and a pilot's
  ``nottingham-city/2-providing-support/partnerships-communities``), each page with site
  chrome (header, footer), report navigation inside ``<main>``, links to other reports and to
  the rest of the site;
- a listing in three pages (``rel="next"``, then a redirect, then a "Next page" link), with
  assessments in progress that have no link; its entries read "…: local authority
  assessment", or other words (``listing="names"``), or it links to no report
  (``listing="none"``);
- a ``robots.txt`` that disallows some paths;
- with ``faults=True``: 503 and 429 with ``Retry-After``, 500s, a dropped connection, a slow
  answer, a dead link, a redirect loop, a redirect off the site, an oversize page and a PDF.
"""

from __future__ import annotations

import email.utils
import html
import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "corpus"
PREFIX = "/care-services/local-authority-assessment-reports"

#: Each report: its authority, then its pages as (path under PREFIX, corpus file); the first
#: page is the report's overview, the address the listing links to.
REPORTS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "hillingdon-1224": (
        "London Borough of Hillingdon",
        [
            ("hillingdon-1224", "hillingdon-1224.txt"),
            ("hillingdon-1224-theme1-needs", "hillingdon-1224-theme1-needs.txt"),
            ("hillingdon-1224-theme1-support", "hillingdon-1224-theme1-support.txt"),
            ("hillingdon-1224-theme1-equity", "hillingdon-1224-theme1-equity.txt"),
            ("hillingdon-1224-theme2-care", "hillingdon-1224-theme2-care.txt"),
            ("hillingdon-1224-theme3-pathways", "hillingdon-1224-theme3-pathways.txt"),
        ],
    ),
    "westminster-1124": (
        "Westminster City Council",
        [
            ("westminster-1124", "westminster-1124.txt"),
            ("westminster-1124-summary", "westminster-1124-summary.txt"),
            ("westminster-1124-theme1-needs", "westminster-1124-theme1-needs.txt"),
            ("westminster-1124-theme1-equity", "westminster-1124-theme1-equity.txt"),
            ("westminster-1124-theme3-pathways", "westminster-1124-theme3-pathways.txt"),
            ("westminster-1124-theme3-safeguarding", "westminster-1124-theme3-safeguarding.txt"),
            ("westminster-1124-theme4-governance", "westminster-1124-theme4-governance.txt"),
        ],
    ),
    "ealing-0125": (
        "London Borough of Ealing",
        [
            ("ealing-0125", "ealing-0125.txt"),
            ("ealing-0125-summary", "ealing-0125-summary.txt"),
        ],
    ),
    "sunderland-0525": (
        "Sunderland City Council",
        [
            ("sunderland-0525", "sunderland-0525__summary.txt"),
            *(
                (f"sunderland-0525/{theme}/{code}", f"sunderland-0525__{theme}__{code}.txt")
                for theme, code in [
                    ("theme1", "needs"),
                    ("theme1", "equity"),
                    ("theme2", "care"),
                    ("theme2", "partnerships"),
                    ("theme3", "pathways"),
                    ("theme3", "safeguarding"),
                    ("theme4", "governance"),
                    ("theme4", "learning"),
                ]
            ),
        ],
    ),
    "nottingham-city": (
        "Nottingham City Council",
        [
            ("nottingham-city", "nottingham-city.txt"),
            (
                "nottingham-city/2-providing-support/partnerships-communities",
                "nottingham-city__2-providing-support__partnerships-communities.txt",
            ),
        ],
    ),
    "Hounslow1": (
        "London Borough of Hounslow",
        [
            ("Hounslow1", "Hounslow1.txt"),
            ("Hounslow4", "Hounslow4.txt"),
            ("Hounslow8", "Hounslow8.txt"),
        ],
    ),
}

#: Assessments in progress: listed, without a link.
IN_PROGRESS = ["London Borough of Barnet", "Cornwall Council", "Derby City Council"]

#: Links inside a report's main content that lead to other reports (never to be followed when
#: fetching that report alone); none of them is served.
OTHER_REPORTS: dict[str, list[str]] = {
    "hillingdon-1224": ["westminster-1124", "hillingdon-0326", "hillingdon-0326-summary"],
    "westminster-1124": ["hillingdon-1224-theme1-needs", "westminster-city-0126"],
    "nottingham-city": ["nottingham-city-0625", "nottingham-city-0625/theme1/needs"],
    "Hounslow1": ["Lambeth1", "hounslow-0526", "Hounslow.pdf"],
    "sunderland-0525": ["sunderland-1125/theme1/needs", "sunderland-0525.pdf"],
}

ROBOTS = f"""User-agent: *
Disallow: /private/
Disallow: {PREFIX}/ealing-0125-private

User-agent: SomeOtherBot
Disallow: /
"""

#: Faulty pages: what each request to the path gets, in turn (the last step repeats).
#: ``ok`` serves the page itself.
TRANSIENT_FAULTS: dict[str, list[tuple[Any, ...]]] = {
    "hillingdon-1224-theme1-support": [("status", 503, {"Retry-After": "1"}), ("ok",)],
    "hillingdon-1224-theme2-care": [("status", 429, {"Retry-After": "date"}), ("ok",)],
    "hillingdon-1224-theme3-pathways": [("status", 500, {}), ("status", 502, {}), ("ok",)],
    "westminster-1124-theme1-needs": [("drop",), ("ok",)],
    "westminster-1124-theme1-equity": [("slow", 1.5), ("ok",)],
}
#: Links in Ealing's main content (with ``faults=True``) to pages that can never be fetched.
PERMANENT_FAULTS: dict[str, list[tuple[Any, ...]]] = {
    "ealing-0125-theme9-gone": [("status", 404, {})],
    "ealing-0125-loop-a": [("redirect", f"{PREFIX}/ealing-0125-loop-b")],
    "ealing-0125-loop-b": [("redirect", f"{PREFIX}/ealing-0125-loop-a")],
    "ealing-0125-moved": [("redirect", "https://elsewhere.example/ealing")],
    "ealing-0125-huge": [("huge", 12_000_000)],
    "ealing-0125-download": [("pdf",)],
    "ealing-0125-private": [("ok",)],
    "ealing-0125-broken": [("status", 500, {})],
}
#: What fetching Ealing finds wrong with each faulty page (words its reason must contain).
PERMANENT_REASONS = {
    "ealing-0125-theme9-gone": "404",
    "ealing-0125-loop-a": "redirect loop",
    "ealing-0125-loop-b": "redirect loop",
    "ealing-0125-moved": "off the site",
    "ealing-0125-huge": "larger than",
    "ealing-0125-download": "not an HTML page",
    "ealing-0125-private": "robots.txt",
    "ealing-0125-broken": "HTTP 500",
}


def report_of(path: str) -> str:
    """The report (its overview's path) that a page path belongs to."""
    for report, (_, pages) in REPORTS.items():
        if any(page == path for page, _ in pages):
            return report
    raise KeyError(path)


def all_pages() -> dict[str, str]:
    """Every report page of the copy: path under PREFIX -> corpus file name."""
    return {page: source for _, pages in REPORTS.values() for page, source in pages}


def _nav(report: str, extra: list[str]) -> str:
    _, pages = REPORTS[report]
    items = [f'<li><a href="{PREFIX}/{page}">{html.escape(page)}</a></li>' for page, _ in pages]
    items += [f'<li><a href="{PREFIX}/{page}#top">{html.escape(page)}</a></li>' for page in extra]
    return '<nav aria-label="Report navigation"><ul>' + "".join(items) + "</ul></nav>"


def _chrome(title: str, content: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<link rel="stylesheet" href="/assets/site.css"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/about-us">About us</a>
<a href="{PREFIX}">Local authority assessments</a>
<a href="{PREFIX}/barnet-0125">London Borough of Barnet: local authority assessment</a>
<a href="/private/admin">Staff</a></nav></header>
<main id="main-content">
{content}
</main>
<footer><a href="/contact-us">Contact us</a> <a href="{PREFIX}/croydon-0325-summary">Croydon</a>
</footer>
</body></html>
"""


def page_html(path: str, *, faults: bool = False) -> str:
    """The HTML of the report page at ``path``: its corpus text as paragraphs, with chrome."""
    report = report_of(path)
    source = dict(REPORTS[report][1])[path]
    lines = [line.strip() for line in (CORPUS / source).read_text("utf-8").splitlines()]
    lines = [line for line in lines if line]
    body = [f"<h1>{html.escape(lines[0])}</h1>"]
    body += [f"<p>{html.escape(line)}</p>" for line in lines[1:]]
    extra = list(PERMANENT_FAULTS) if faults and report == "ealing-0125" else []
    others = "".join(
        f'<li><a href="{PREFIX}/{other}">Another local authority assessment</a></li>'
        for other in OTHER_REPORTS.get(report, [])
    )
    aside = (
        f'<aside><ul>{others}<li><a href="/guidance/assessment-framework">Framework</a></li>'
        f'<li><a href="mailto:enquiries@example.org">Email us</a></li></ul></aside>'
    )
    return _chrome(lines[0], _nav(report, extra) + "\n" + "\n".join(body) + "\n" + aside)


#: How the listing's entries link to the reports: with the text the site uses, with other
#: words (the council's name, "Read the report"), or not at all (no report is published).
LISTING_STYLES = ("assessment", "names", "none")


def _entry(report: str, name: str, style: str) -> str:
    if style == "none":
        return f"<li>{html.escape(name)}: assessment in progress</li>"
    if style == "names":
        text = html.escape(name) if report != "Hounslow1" else "Read the report"
        return f'<li><h2>{html.escape(name)}</h2><a href="{PREFIX}/{report}">{text}</a></li>'
    return (
        f'<li><a href="{PREFIX}/{report}">{html.escape(name)}: local authority assessment</a></li>'
    )


def listing_pages(style: str = "assessment") -> list[str]:
    """The listing's three pages of entries: reports with links, assessments in progress not."""
    entries = [_entry(report, name, style) for report, (name, _) in REPORTS.items()]
    entries += [f"<li>{html.escape(name)}: assessment in progress</li>" for name in IN_PROGRESS]
    if style == "none":
        entries.append('<li><a href="/guidance/assessment-framework">How we assess</a></li>')
    pages = [entries[:3], entries[3:6], entries[6:]]
    return ["<ul>" + "".join(page) + "</ul>" for page in pages]


def listing_html(number: int, style: str = "assessment") -> str:
    """Listing page ``number`` (1-3), each with its own way to say where the next one is."""
    content = "<h1>Local authority assessments</h1>" + listing_pages(style)[number - 1]
    if number == 1:
        content += f'<a rel="next" href="{PREFIX}?page=2">›</a>'
    elif number == 2:
        content += f'<a href="{PREFIX}">Previous page</a> <a href="?page=3">Next page</a>'
    else:
        content += f'<a href="{PREFIX}?page=2&amp;view=list">Previous</a>'
    return _chrome("Local authority assessments", content)


@dataclass
class Hit:
    """One request the server received: when it arrived, and when its answer began."""

    path: str
    start: float
    end: float = 0.0  # when the answer began (or the connection was dropped)
    user_agent: str = ""
    in_flight: int = 0


@dataclass
class SiteServer:
    """The copy of the site, served on 127.0.0.1 while the context is open."""

    faults: bool = False
    #: How the listing links to the reports (one of :data:`LISTING_STYLES`).
    listing: str = "assessment"
    hits: list[Hit] = field(default_factory=list)
    _counts: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _in_flight: int = 0

    def __enter__(self) -> SiteServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.handle(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Quiet(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass

        self._server = Quiet(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        """The root address of the copy."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def paths(self) -> list[str]:
        """The paths requested, in order (queries included)."""
        with self._lock:
            return [hit.path for hit in self.hits]

    def page_paths(self) -> list[str]:
        """The report pages requested (paths under PREFIX), in order."""
        return [
            path[len(PREFIX) + 1 :]
            for path in self.paths()
            if path.startswith(PREFIX + "/") and "?" not in path
        ]

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self._in_flight += 1
            hit = Hit(
                path=request.path,
                start=time.monotonic(),
                user_agent=request.headers.get("User-Agent", ""),
                in_flight=self._in_flight,
            )
            self.hits.append(hit)
            count = self._counts[request.path] = self._counts.get(request.path, 0) + 1
        request.hit = hit  # type: ignore[attr-defined]
        try:
            self._respond(request, count)
        finally:
            self._finish(request)

    def _finish(self, request: BaseHTTPRequestHandler) -> None:
        """The request is answered: its end is now, before its body is written, so that the
        client can only have read the answer (and sent another request) after this time.
        """
        hit: Hit = request.hit  # type: ignore[attr-defined]
        with self._lock:
            if not hit.end:
                hit.end = time.monotonic()
                self._in_flight -= 1

    def _respond(self, request: BaseHTTPRequestHandler, count: int) -> None:
        path = request.path
        if path == "/robots.txt":
            self._send(request, 200, ROBOTS.encode(), "text/plain")
            return
        if path.startswith(PREFIX) and (path == PREFIX or path[len(PREFIX)] == "?"):
            self._listing(request, path)
            return
        page = path[len(PREFIX) + 1 :] if path.startswith(PREFIX + "/") else None
        steps = self._steps(page)
        if steps is None:
            self._send(request, 404, b"<html><body><main>Not found</main></body></html>")
            return
        self._step(request, steps[min(count, len(steps)) - 1], page or "")

    def _listing(self, request: BaseHTTPRequestHandler, path: str) -> None:
        pages = {PREFIX: 1, f"{PREFIX}?page=2&view=list": 2, f"{PREFIX}?page=3": 3}
        if path == f"{PREFIX}?page=2":
            self._redirect(request, f"{PREFIX}?page=2&view=list")
        elif path in pages:
            self._send(request, 200, listing_html(pages[path], self.listing).encode())
        else:
            self._send(request, 404, b"<html><body>Not found</body></html>")

    def _steps(self, page: str | None) -> list[tuple[Any, ...]] | None:
        if page is None:
            return None
        if self.faults and page in PERMANENT_FAULTS:
            return PERMANENT_FAULTS[page]
        if page not in all_pages():
            return None
        if self.faults and page in TRANSIENT_FAULTS:
            return TRANSIENT_FAULTS[page]
        return [("ok",)]

    def _step(self, request: BaseHTTPRequestHandler, step: tuple[Any, ...], page: str) -> None:
        kind = step[0]
        actions: dict[str, Callable[[], None]] = {
            "ok": lambda: self._send(request, 200, self._page(page)),
            "status": lambda: self._status(request, step[1], step[2]),
            "drop": lambda: None,
            "slow": lambda: (time.sleep(step[1]), self._send(request, 200, self._page(page))),
            "redirect": lambda: self._redirect(request, step[1]),
            "huge": lambda: self._huge(request, step[1]),
            "pdf": lambda: self._send(request, 200, b"%PDF-1.4\n", "application/pdf"),
        }
        actions[kind]()

    def _page(self, page: str) -> bytes:
        if page in PERMANENT_FAULTS:
            return page_html("ealing-0125-summary").encode()
        return page_html(page, faults=self.faults).encode()

    def _status(self, request: BaseHTTPRequestHandler, code: int, headers: dict[str, str]) -> None:
        extra = dict(headers)
        if extra.get("Retry-After") == "date":
            extra["Retry-After"] = email.utils.formatdate(time.time() + 2, usegmt=True)
        self._send(request, code, b"<html><body>Try again</body></html>", headers=extra)

    def _redirect(self, request: BaseHTTPRequestHandler, location: str) -> None:
        self._send(request, 302, b"", headers={"Location": location})

    def _huge(self, request: BaseHTTPRequestHandler, size: int) -> None:
        """An HTML page larger than any cap, with no Content-Length: the body is streamed."""
        request.send_response(200)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.end_headers()
        self._finish(request)
        chunk = b"<p>" + b"x" * 65_536 + b"</p>\n"
        sent = 0
        try:
            while sent < size:
                request.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass

    def _send(
        self,
        request: BaseHTTPRequestHandler,
        code: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        try:
            request.send_response(code)
            request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                request.send_header(name, value)
            self._finish(request)
            request.end_headers()
            request.wfile.write(body)
        except OSError:
            pass


def gaps(hits: list[Hit]) -> Iterator[float]:
    """For each request after the first, the time since the previous one was answered."""
    for before, after in itertools.pairwise(hits):
        yield after.start - before.end
