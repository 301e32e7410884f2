"""The parts of fetching on their own: link families, listing pages, the client, the store."""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cqcmodel.fetching import (
    MANIFEST_NAME,
    FetchError,
    PageFailedError,
    PoliteClient,
    fetch,
    retry_after_seconds,
)
from cqcmodel.fetching.links import Family, Site, listing_links, report_links
from cqcmodel.fetching.store import Store, file_name, write_atomic

from .sitecopy import PREFIX

SITE = Site.at("https://www.cqc.org.uk/")
ROOT = f"https://www.cqc.org.uk{PREFIX}"


def _segments(page: str) -> tuple[str, ...]:
    found = SITE.segments(f"{ROOT}/{page}")
    assert found is not None
    return found


# --- which addresses belong to a report ---------------------------------------------------------

FAMILIES = [
    # (a page of the report, a page that belongs to it, True/False)
    ("hillingdon-1224", "hillingdon-1224-summary", True),
    ("hillingdon-1224", "hillingdon-1224-theme1-needs", True),
    ("hillingdon-1224-theme3-pathways", "hillingdon-1224", True),
    ("hillingdon-1224", "hillingdon-1224/theme1/needs", True),
    ("hillingdon-1224", "hillingdon-0326", False),
    ("hillingdon-1224", "hillingdon-12245-summary", False),
    ("hillingdon-1224", "hillingdon-1224-report.pdf", False),
    ("hillingdon-1224", "hillingdon-1224/downloads/report.DOCX", False),
    ("hillingdon-1224", "hillingdon-1224-summary.html", True),
    ("st.-helens-0125", "st.-helens-0125-theme1-needs", True),
    ("hillingdon-1224", "westminster-1124-theme1-needs", False),
    ("sunderland-0525", "sunderland-0525/theme1/needs", True),
    ("sunderland-0525/theme4/learning", "sunderland-0525/summary", True),
    ("sunderland-0525", "sunderland-1125/theme1/needs", False),
    ("nottingham-city", "nottingham-city/2-providing-support/partnerships-communities", True),
    ("nottingham-city", "nottingham-city-0625", False),
    ("nottingham-city", "nottingham-city-0625/theme1/needs", False),
    ("Hounslow1", "Hounslow11", True),
    ("Hounslow1", "hounslow4", True),
    ("Hounslow8", "Hounslow1", True),
    ("Hounslow1", "Lambeth1", False),
    ("Hounslow1", "hounslow-0526", False),
    ("Hounslow1", "Hounslow1/print", False),
]


@pytest.mark.parametrize(("start", "page", "belongs"), FAMILIES)
def test_a_report_is_the_family_of_its_stem(start: str, page: str, belongs: bool) -> None:
    assert (_segments(page) in Family.of(_segments(start))) is belongs


def test_only_addresses_under_the_listing_are_report_pages() -> None:
    assert SITE.segments("https://www.cqc.org.uk/about-us") is None
    assert SITE.segments(f"http://www.cqc.org.uk{PREFIX}/ealing-0125") is None  # not https
    assert SITE.segments(f"https://elsewhere.example{PREFIX}/ealing-0125") is None
    assert SITE.segments(ROOT) is None
    assert SITE.segments(f"{ROOT}/sunderland-0525/theme1/needs/") == (
        "sunderland-0525",
        "theme1",
        "needs",
    )


# --- links on pages ----------------------------------------------------------------------------


def _page(main: str, *, head: str = "", header: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body><header>{header}</header>"
        f"<main>{main}</main><footer><a href='{PREFIX}/x-0125'>X: local authority "
        "assessment</a></footer></body></html>"
    ).encode()


def test_the_listing_gives_its_reports_and_not_assessments_in_progress() -> None:
    html = _page(
        f"<ul><li><a href='{PREFIX}/barnet-0125'>London Borough of Barnet: local authority "
        "assessment</a></li><li>Cornwall Council: assessment in progress</li>"
        f"<li><a href='{ROOT}/Hounslow1#top'>London Borough of Hounslow: local authority "
        "assessment</a></li>"
        f"<li><a href='{PREFIX}/barnet-0125.pdf'>Download the report</a></li>"
        f"<li><a href='{PREFIX}'>All local authority assessments</a></li>"
        "<li><a href='/care-services'>Care services: assessment</a></li></ul>",
        header=f"<a href='{PREFIX}/featured-0125'>Featured: local authority assessment</a>",
    )
    page = listing_links(html, ROOT, SITE)
    assert page.reports == [f"{ROOT}/barnet-0125", f"{ROOT}/Hounslow1"]
    assert page.next_page is None
    assert page.links == 5


@pytest.mark.parametrize(
    "text",
    ["Read the report", "London Borough of Barnet", "", "Barnet: local authority report"],
)
def test_a_listing_entry_is_a_report_by_its_address_whatever_its_text(text: str) -> None:
    html = _page(
        f"<h2>London Borough of Barnet</h2><a href='{PREFIX}/barnet-0125'>{text}</a>"
        f"<a href='{PREFIX}/nottingham-city'>Nottingham City Council</a>"
        f"<a href='{PREFIX}/page/2'>2</a> <a href='{PREFIX}/page/2'>Next</a>"
    )
    page = listing_links(html, ROOT, SITE)
    assert page.reports == [f"{ROOT}/barnet-0125", f"{ROOT}/nottingham-city"]
    assert page.next_page == f"{ROOT}/page/2"


@pytest.mark.parametrize(
    ("main", "head"),
    [
        ("<a rel='next' href='?page=2'>›</a>", ""),
        ("<a href='?page=1'>Previous</a> <a href='?page=2'>Next page</a>", ""),
        ("", f"<link rel='next' href='{PREFIX}?page=2'>"),
    ],
)
def test_the_listing_says_where_its_next_page_is(main: str, head: str) -> None:
    page = listing_links(_page(main, head=head), f"{ROOT}?page=1", SITE)
    assert (page.reports, page.next_page) == ([], f"{ROOT}?page=2")


def test_a_next_link_off_the_listing_is_not_followed() -> None:
    html = _page("<a rel='next' href='https://elsewhere.example/?page=2'>Next</a>")
    assert listing_links(html, ROOT, SITE).next_page is None


def test_a_report_page_links_to_its_own_pages_in_its_main_content_only() -> None:
    html = _page(
        f"<nav><a href='{PREFIX}/ealing-0125-summary'>Summary</a>"
        f"<a href='ealing-0125-theme1-needs#findings'>Assessing needs</a>"
        f"<a href='{PREFIX}/ealing-0125-summary?x=1'>again</a></nav>"
        f"<a href='{PREFIX}/westminster-1124'>Westminster</a>"
        f"<a href='{PREFIX}/ealing-0125.pdf'>Download</a>"
        "<a href='/guidance'>Framework</a><a href='mailto:a@b.example'>Mail</a>",
        header=f"<a href='{PREFIX}/ealing-0125-theme2-care'>in the header</a>",
    )
    found = report_links(html, f"{ROOT}/ealing-0125", SITE, Family("ealing-0125"))
    assert found == [f"{ROOT}/ealing-0125-summary", f"{ROOT}/ealing-0125-theme1-needs"]


# --- the client ----------------------------------------------------------------------------------


Handler = Callable[[httpx.Request], httpx.Response]


def _client(
    answers: dict[str, list[httpx.Response]], **options: float
) -> tuple[PoliteClient, list[float], list[str]]:
    """A client over a fake transport: each path answers in turn; also the sleeps and paths."""
    asked: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode()
        asked.append(path)
        queue = answers.get(path) or [httpx.Response(404)]
        return queue.pop(0) if len(queue) > 1 else queue[0]

    sleeps: list[float] = []
    settings: dict[str, float] = {"delay": 0.0, "backoff": 1.0} | options
    client = PoliteClient(
        "https://site.example",
        client=httpx.Client(transport=httpx.MockTransport(handle)),
        sleep=sleeps.append,
        **settings,  # type: ignore[arg-type]
    )
    return client, sleeps, asked


def _html(text: str = "<html><body><main>page</main></body></html>") -> httpx.Response:
    return httpx.Response(200, text=text, headers={"Content-Type": "text/html; charset=utf-8"})


def test_server_errors_are_retried_with_exponential_backoff() -> None:
    web, sleeps, asked = _client({"/p": [httpx.Response(500)] * 3 + [_html()]})
    assert web.get("https://site.example/p").body.startswith(b"<html>")
    assert sleeps == pytest.approx([1.0, 2.0, 4.0], abs=0.1)
    assert asked == ["/robots.txt", "/p", "/p", "/p", "/p"]


def test_retries_end_with_the_last_reason() -> None:
    web, sleeps, _ = _client({"/p": [httpx.Response(503)]}, retries=2)
    with pytest.raises(PageFailedError, match=r"HTTP 503 Service Unavailable \(after 3 attempts"):
        web.get("https://site.example/p")
    assert sleeps == pytest.approx([1.0, 2.0], abs=0.1)


def test_retry_after_is_waited_for_up_to_a_cap() -> None:
    answers = {
        "/p": [
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(503, headers={"Retry-After": "3600"}),
            _html(),
        ]
    }
    web, sleeps, _ = _client(answers, max_retry_after=60.0)
    web.get("https://site.example/p")
    assert sleeps == pytest.approx([7.0, 60.0], abs=0.1)


def test_timeouts_and_dropped_connections_are_retried() -> None:
    failures: list[Exception] = [httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("gone")]

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/p" and failures:
            raise failures.pop(0)
        return _html() if request.url.path == "/p" else httpx.Response(404)

    sleeps: list[float] = []
    web = PoliteClient(
        "https://site.example",
        delay=0.0,
        client=httpx.Client(transport=httpx.MockTransport(handle)),
        sleep=sleeps.append,
    )
    assert web.get("https://site.example/p").status == 200
    assert sleeps == pytest.approx([1.0, 2.0], abs=0.1)
    assert web.requests == 4


def test_a_dead_link_is_not_retried() -> None:
    web, sleeps, asked = _client({"/p": [httpx.Response(404)]})
    with pytest.raises(PageFailedError, match=r"HTTP 404 Not Found$"):
        web.get("https://site.example/p")
    assert asked.count("/p") == 1
    assert sleeps == []


def test_redirects_are_followed_on_the_site_a_few_hops_at_most() -> None:
    chain = {f"/r{n}": [httpx.Response(301, headers={"Location": f"/r{n + 1}"})] for n in range(9)}
    web, _, _ = _client({**chain, "/r3": [_html()]})
    answer = web.get("https://site.example/r0")
    assert (answer.url, answer.final_url) == ("https://site.example/r0", "https://site.example/r3")
    web, _, _ = _client(chain)
    with pytest.raises(PageFailedError, match="more than 5 redirects"):
        web.get("https://site.example/r0")


def test_the_size_cap_refuses_a_declared_length_before_reading() -> None:
    big = httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"x" * 5000)
    web, _, _ = _client({"/p": [big]}, max_bytes=4096)
    with pytest.raises(PageFailedError, match="larger than 4096 bytes"):
        web.get("https://site.example/p")


@pytest.mark.parametrize(
    ("content_type", "accepted"),
    [("text/html", True), ("application/xhtml+xml; charset=utf-8", True), ("text/plain", False)],
)
def test_only_html_is_accepted(content_type: str, accepted: bool) -> None:
    answer = httpx.Response(200, headers={"Content-Type": content_type}, content=b"<p>x</p>")
    web, _, _ = _client({"/p": [answer]})
    if accepted:
        assert web.get("https://site.example/p").body == b"<p>x</p>"
    else:
        with pytest.raises(PageFailedError, match=r"not an HTML page \(text/plain\)"):
            web.get("https://site.example/p")


@pytest.mark.parametrize(
    ("content_type", "body", "accepted"),
    [
        (None, b"<!DOCTYPE html><html><body>x</body></html>", True),
        ("application/octet-stream", b"\xef\xbb\xbf\n <!-- saved --> <html lang=en>", True),
        ("application/octet-stream", b"%PDF-1.7 <html>", False),
        (None, b"\x89PNG\r\n", False),
    ],
)
def test_an_answer_without_a_useful_type_is_html_only_if_it_starts_like_html(
    content_type: str | None, body: bytes, accepted: bool
) -> None:
    answer = httpx.Response(200, content=body)
    if content_type is not None:
        answer.headers["Content-Type"] = content_type
    web, _, _ = _client({"/p": [answer]})
    if accepted:
        assert web.get("https://site.example/p").body == body
    else:
        with pytest.raises(PageFailedError, match="not an HTML page"):
            web.get("https://site.example/p")


def test_robots_txt_rules_and_crawl_delay_are_obeyed() -> None:
    robots = httpx.Response(200, text="User-agent: cqcmodel\nDisallow: /no\nCrawl-delay: 5\n")
    web, _, asked = _client({"/robots.txt": [robots], "/yes": [_html()], "/no": [_html()]})
    with pytest.raises(PageFailedError, match=r"robots\.txt"):
        web.get("https://site.example/no")
    web.get("https://site.example/yes")
    assert asked == ["/robots.txt", "/yes"]
    assert web.delay == 5.0


def test_a_site_whose_robots_txt_cannot_be_read_is_not_fetched() -> None:
    web, _, asked = _client({"/robots.txt": [httpx.Response(500)], "/p": [_html()]}, retries=1)
    with pytest.raises(PageFailedError, match=r"robots\.txt could not be read"):
        web.get("https://site.example/p")
    assert asked == ["/robots.txt", "/robots.txt"]


def test_the_delay_separates_requests() -> None:
    web, sleeps, _ = _client({"/p": [_html()]}, delay=30.0)
    web.get("https://site.example/p")
    web.get("https://site.example/p")
    assert len(sleeps) == 2  # before the page (after robots.txt), and before it again
    assert all(29.0 < pause <= 30.0 for pause in sleeps)


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = 1_700_000_000.0
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds(email.utils.formatdate(now + 30, usegmt=True), now=now) == 30.0
    assert retry_after_seconds(email.utils.formatdate(now - 30, usegmt=True), now=now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds("") is None
    assert retry_after_seconds(None) is None


# --- the store -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("segments", "name"),
    [
        (("hillingdon-1224-theme1-needs",), "hillingdon-1224-theme1-needs.html"),
        (("sunderland-0525", "theme1", "needs"), "sunderland-0525__theme1__needs.html"),
        (("Hounslow1",), "Hounslow1.html"),
        (("..", "a b?"), "___a_b_.html"),
        (("page.html",), "page.html"),
    ],
)
def test_file_names_come_from_the_address(segments: tuple[str, ...], name: str) -> None:
    assert file_name(segments) == name


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "page.html"
    target.write_bytes(b"old")

    def interrupted(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["page.html"]


def test_the_store_counts_only_whole_pages_it_recorded(tmp_path: Path) -> None:
    store = Store(tmp_path)
    page = store.save("https://a/p", "https://a/p", 200, b"<html>", tmp_path / "r" / "p.html")
    assert store.saved("https://a/p") == page
    assert page.sha256 == hashlib.sha256(b"<html>").hexdigest()
    (tmp_path / "r" / "p.html").write_bytes(b"<ht")
    assert Store(tmp_path).saved("https://a/p") is None
    (tmp_path / "r" / "p.html").unlink()
    assert Store(tmp_path).saved("https://a/p") is None
    assert Store(tmp_path).saved("https://a/other") is None
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text("utf-8"))
    assert manifest["format"] == "cqcmodel fetch manifest"
    assert [entry["path"] for entry in manifest["pages"]] == ["r/p.html"]


def test_a_new_run_removes_the_temporary_files_of_a_killed_one(tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    stale = tmp_path / "r" / ".p.html.abc123.part"
    stale.write_bytes(b"<ht")
    keep = tmp_path / "r" / "notes.part"
    keep.write_bytes(b"mine")
    Store(tmp_path)
    assert not stale.exists()
    assert keep.exists()


def test_an_answer_that_trickles_in_past_the_timeout_is_tried_again() -> None:
    def trickle():
        for _ in range(5):
            time.sleep(0.03)
            yield b"<p>x</p>"

    answers = {
        "/p": [httpx.Response(200, headers={"Content-Type": "text/html"}, content=trickle())]
    }
    answers["/p"].append(_html())
    web, _, asked = _client(answers, timeout=0.05)
    assert web.get("https://site.example/p").body.startswith(b"<html>")
    assert asked.count("/p") == 2


# --- the crawl over a fake transport ------------------------------------------------------------


def _site(pages: dict[str, httpx.Response | str]) -> tuple[httpx.Client, list[str]]:
    """A client whose transport serves ``pages`` (path -> answer, or HTML for a 200)."""
    asked: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode()
        asked.append(path)
        answer = pages.get(path)
        if answer is None:
            return httpx.Response(404)
        if isinstance(answer, str):
            return _html(answer)
        return answer

    return httpx.Client(transport=httpx.MockTransport(handle)), asked


def _main(*links: str) -> str:
    anchors = "".join(f"<a href='{PREFIX}/{link}'>{link}</a>" for link in links)
    return f"<html><body><main><h1>Page</h1>{anchors}</main></body></html>"


def _moved(to: str) -> httpx.Response:
    return httpx.Response(301, headers={"Location": f"{PREFIX}/{to}"})


def test_a_report_that_moved_is_fetched_at_its_new_address(tmp_path: Path) -> None:
    client, asked = _site(
        {
            f"{PREFIX}/barnet": _moved("barnet-0125"),
            f"{PREFIX}/barnet-0125": _main("barnet-0125-summary", "barnet-0125/theme1/needs"),
            f"{PREFIX}/barnet-0125-summary": _main("barnet-0125"),
            f"{PREFIX}/barnet-0125/theme1/needs": _main("barnet-0125-summary"),
        }
    )
    result = fetch(
        ["barnet"], out_dir=tmp_path, base_url="https://site.example", delay=0, client=client
    )
    assert result.ok
    saved = sorted(page.path.relative_to(tmp_path).as_posix() for page in result.saved)
    assert saved == [
        "barnet-0125/barnet-0125-summary.html",
        "barnet-0125/barnet-0125.html",
        "barnet-0125/barnet-0125__theme1__needs.html",
    ]
    assert asked.count(f"{PREFIX}/barnet-0125") == 1


def test_a_page_redirected_to_another_report_is_not_saved(tmp_path: Path) -> None:
    client, _ = _site(
        {
            f"{PREFIX}/barnet-0125": _main("barnet-0125-summary"),
            f"{PREFIX}/barnet-0125-summary": _moved("brent-0125-summary"),
            f"{PREFIX}/brent-0125-summary": _main(),
        }
    )
    result = fetch(
        ["barnet-0125"], out_dir=tmp_path, base_url="https://site.example", delay=0, client=client
    )
    assert [(failure.url.rsplit("/", 1)[1], failure.reason) for failure in result.failed] == [
        (
            "barnet-0125-summary",
            f"redirected to another report, https://site.example{PREFIX}/brent-0125-summary",
        )
    ]
    assert [page.url.rsplit("/", 1)[1] for page in result.saved] == ["barnet-0125"]


def test_a_report_listed_twice_is_fetched_once(tmp_path: Path) -> None:
    entries = (
        f"<a href='{PREFIX}/barnet-0125'>Barnet: local authority assessment</a>"
        f"<a href='{PREFIX}/barnet-0125-summary'>Barnet: local authority assessment</a>"
        f"<a aria-label='Go to next page' href='{PREFIX}?page=1'>›</a>"
    )
    client, asked = _site(
        {
            PREFIX: f"<html><body><main>{entries}</main></body></html>",
            f"{PREFIX}?page=1": "<html><body><main>No more</main></body></html>",
            f"{PREFIX}/barnet-0125": _main("barnet-0125-summary"),
            f"{PREFIX}/barnet-0125-summary": _main("barnet-0125"),
        }
    )
    result = fetch(
        all=True, out_dir=tmp_path, base_url="https://site.example", delay=0, client=client
    )
    assert result.ok
    assert len(result.reports) == 1
    assert asked == [
        "/robots.txt",
        PREFIX,
        f"{PREFIX}?page=1",
        f"{PREFIX}/barnet-0125",
        f"{PREFIX}/barnet-0125-summary",
    ]


def test_when_the_site_stops_answering_the_rest_is_not_tried(tmp_path: Path) -> None:
    links = [f"barnet-0125-theme1-page{n}" for n in range(9)]
    asked: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode()
        asked.append(path)
        if path == f"{PREFIX}/barnet-0125":
            return _html(_main(*links))
        if path == "/robots.txt":
            return httpx.Response(404)
        raise httpx.ConnectError("the network is down")

    client = httpx.Client(transport=httpx.MockTransport(handle))
    result = fetch(
        ["barnet-0125"],
        out_dir=tmp_path,
        base_url="https://site.example",
        delay=0,
        backoff=0,
        retries=1,
        client=client,
    )
    reasons = [failure.reason for failure in result.failed]
    assert len(reasons) == len(links)
    assert reasons[:5] == ["connection failed (the network is down) (after 2 attempts)"] * 5
    assert reasons[5:] == ["not tried: the site did not answer the 5 pages before"] * 4
    assert len(asked) == 2 + 5 * 2


# --- properties ----------------------------------------------------------------------------------

_SEGMENT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/?#%"),
    min_size=1,
    max_size=20,
).filter(lambda text: text.strip() == text and text not in (".", ".."))


@given(st.lists(_SEGMENT, min_size=1, max_size=4).map(tuple))
def test_a_page_address_round_trips_through_its_segments(segments: tuple[str, ...]) -> None:
    assert SITE.segments(SITE.page_url(segments)) == segments


@given(st.lists(st.text(min_size=0, max_size=30), min_size=1, max_size=4).map(tuple))
def test_a_file_name_is_always_one_safe_name(segments: tuple[str, ...]) -> None:
    name = file_name(segments)
    assert "/" not in name
    assert "\\" not in name
    assert not name.startswith(".")
    assert name.endswith((".html", ".htm"))
    assert name.isascii()


def _moved(location: str) -> httpx.Response:
    return httpx.Response(301, headers={"Location": location})


@pytest.mark.parametrize(
    ("robots", "reason"),
    [
        ([_moved("https://elsewhere.example/robots.txt")], "redirected off the site"),
        ([_moved("/robots-a.txt")], "redirects"),
    ],
)
def test_a_robots_txt_redirected_off_the_site_or_in_a_loop_stops_the_fetch(
    robots: list[httpx.Response], reason: str
) -> None:
    answers = {"/robots.txt": robots, "/robots-a.txt": [_moved("/robots.txt")], "/p": [_html()]}
    web, _, asked = _client(answers)
    with pytest.raises(PageFailedError, match=rf"robots\.txt could not be read \(.*{reason}"):
        web.get("https://site.example/p")
    assert "/p" not in asked


def test_an_http_error_that_is_not_a_transport_fault_fails_the_page_unretried() -> None:
    asked: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.raw_path.decode())
        if request.url.path == "/p":
            raise httpx.DecodingError("bad gzip", request=request)
        return httpx.Response(404)

    web = PoliteClient(
        "https://site.example",
        client=httpx.Client(transport=httpx.MockTransport(handle)),
        sleep=lambda _seconds: None,
        delay=0.0,
    )
    with pytest.raises(PageFailedError, match="DecodingError: bad gzip"):
        web.get("https://site.example/p")
    assert asked == ["/robots.txt", "/p"]


@pytest.mark.parametrize(
    "option", [{"delay": -1.0}, {"retries": -1}, {"timeout": 0.0}, {"max_bytes": 0}]
)
def test_settings_out_of_range_are_refused_before_any_request(
    tmp_path: Path, option: dict[str, float]
) -> None:
    with pytest.raises(FetchError, match="must not be negative"):
        fetch(["ealing-0125"], out_dir=tmp_path, base_url="http://127.0.0.1:9", **option)  # type: ignore[arg-type]
    assert not list(tmp_path.iterdir())


def test_a_listing_that_cannot_be_fetched_is_a_failed_page_not_a_crash(tmp_path: Path) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404 if request.url.path == "/robots.txt" else 410)

    with httpx.Client(transport=httpx.MockTransport(handle)) as client:
        result = fetch(all=True, out_dir=tmp_path, delay=0.0, client=client, retries=0)
    assert not result.ok
    assert result.reports == ()
    (failed,) = result.failed
    assert PREFIX in failed.url
    assert "410" in failed.reason
