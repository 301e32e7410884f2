"""The report site in a real browser (headless Chromium): rows, sorting, filters, marks, safety.

Skipped when no Chromium is installed, unless ``CQCMODEL_REQUIRE_BROWSER=1`` (as in CI),
which turns the skip into a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cqcmodel
from cqcmodel import Authority
from cqcmodel.site.views import slugs

from .browser import ARGS, REQUIRE_ENV, chromium_path
from .conftest import CORPUS
from .report_helpers import expected_marks, hostile, samples

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable, reason = chromium_path()
    if executable is None:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=list(ARGS))
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def authorities() -> list[Authority]:
    return samples()


@pytest.fixture(scope="module")
def site(authorities: list[Authority], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cqcmodel.report(authorities, tmp_path_factory.mktemp("site")).parent


class Visit:
    """A page that records every request and blocks any that leaves the site's folder."""

    def __init__(self, browser: Any, folder: Path, *, scripts: bool = True) -> None:
        self.prefix = folder.resolve().as_uri() + "/"
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(java_script_enabled=scripts)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route: Any) -> None:
        if route.request.url.startswith(self.prefix):
            route.continue_()
        else:
            route.abort()

    def open(self, name: str) -> Any:
        self.page.goto(self.prefix + name)
        return self.page

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.prefix)]


@pytest.fixture
def visit(browser: Any, site: Path) -> Iterator[Visit]:
    opened = Visit(browser, site)
    yield opened
    assert opened.outside() == []
    assert opened.errors == []
    opened.context.close()


def visible_names(page: Any) -> list[str]:
    result: list[str] = page.eval_on_selector_all(
        "#league tbody tr:not([hidden]) th a", "links => links.map(link => link.textContent)"
    )
    return result


def test_every_authority_is_listed_once(visit: Visit, authorities: list[Authority]) -> None:
    page = visit.open("index.html")
    assert page.locator("#league tbody tr").count() == len(authorities)
    assert visible_names(page) == [authority.name for authority in authorities]


def test_sorting_by_a_column_both_ways(visit: Visit) -> None:
    page = visit.open("index.html")
    header = page.locator("#league thead th", has=page.get_by_role("button", name="Published %"))
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    # Ealing published 56%, Westminster 75%; Sunderland's summary gives no percentage: last.
    assert visible_names(page) == [
        "London Borough of Ealing",
        "Westminster City Council",
        "Sunderland City Council",
    ]
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert visible_names(page) == [
        "Westminster City Council",
        "London Borough of Ealing",
        "Sunderland City Council",
    ]
    assert page.locator("#league thead th[aria-sort]").count() == 1
    name = page.get_by_role("button", name="Authority", exact=True)
    name.click()
    assert visible_names(page) == [
        "London Borough of Ealing",
        "Sunderland City Council",
        "Westminster City Council",
    ]
    name.click()
    assert visible_names(page)[0] == "Westminster City Council"


@pytest.mark.parametrize(
    ("label", "value", "expected"),
    [
        ("Region", "North East", ["Sunderland City Council"]),
        ("Region", "London", ["London Borough of Ealing", "Westminster City Council"]),
        ("Council type", "Metropolitan district", ["Sunderland City Council"]),
        ("Rating", "Requires improvement", ["London Borough of Ealing"]),
        ("Rating", "Good", ["Sunderland City Council", "Westminster City Council"]),
    ],
)
def test_each_filter_hides_the_rows_that_do_not_match(
    visit: Visit, label: str, value: str, expected: list[str]
) -> None:
    page = visit.open("index.html")
    page.get_by_label(label, exact=True).select_option(value)
    assert visible_names(page) == expected
    assert page.locator("#league-status").text_content() == (
        f"Showing {len(expected)} of 3 authorities."
    )
    page.get_by_label(label, exact=True).select_option("")
    assert len(visible_names(page)) == 3


def test_the_search_box(visit: Visit) -> None:
    page = visit.open("index.html")
    search = page.get_by_label("Search", exact=True)
    search.fill("westm")
    assert visible_names(page) == ["Westminster City Council"]
    search.fill("E09")  # ONS codes of London boroughs
    assert visible_names(page) == ["London Borough of Ealing", "Westminster City Council"]
    search.fill("no such council")
    assert visible_names(page) == []


def test_the_own_script_and_stylesheet_run_under_the_policy(visit: Visit, site: Path) -> None:
    page = visit.open("index.html")
    assert page.locator("#filters").is_visible()
    colour = page.eval_on_selector(
        "#league td.s3", "cell => getComputedStyle(cell).backgroundColor"
    )
    assert colour == "rgb(146, 197, 222)"
    assert {url.rsplit("/", 1)[1] for url in visit.requests} == {
        "index.html",
        "style.css",
        "site.js",
    }


def test_readable_with_scripts_off(browser: Any, site: Path) -> None:
    visit = Visit(browser, site, scripts=False)
    page = visit.open("index.html")
    assert page.locator("#league tbody tr").count() == 3
    assert page.locator("#league tbody tr:not([hidden])").count() == 3
    assert not page.locator("#filters").is_visible()
    assert visit.outside() == []
    visit.context.close()


def test_marks_on_each_page_equal_the_extracted_mentions(
    visit: Visit, authorities: list[Authority]
) -> None:
    for authority, slug in zip(authorities, slugs(authorities), strict=True):
        page = visit.open(f"{slug}.html")
        found = page.eval_on_selector_all(
            "mark[data-mention]",
            """marks => {
                const result = {};
                for (const mark of marks) {
                    const key = mark.dataset.mention;
                    const [kind, text] = result[key] || [mark.dataset.kind, ""];
                    result[key] = [kind, text + mark.textContent];
                }
                return result;
            }""",
        )
        expected = expected_marks(authority)
        assert {key: tuple(value) for key, value in found.items()} == expected
        firsts = page.eval_on_selector_all("mark[id]", "marks => marks.map(m => m.id)")
        assert sorted(firsts) == sorted(expected)
        titles = page.eval_on_selector_all("mark", "marks => marks.map(m => m.title)")
        assert all(titles)


def test_the_initiative_index_links_to_its_mentions(visit: Visit) -> None:
    page = visit.open("sunderland-city-council.html")
    links = page.locator('.index a[href^="#initiative-"]')
    assert links.count() > 0
    first = links.first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(f"mark{target}").count() == 1


def test_markup_in_the_text_never_runs(browser: Any, tmp_path: Path) -> None:
    cqcmodel.report([hostile()], tmp_path)
    visit = Visit(browser, tmp_path)
    for name in ("index.html", *(p.name for p in tmp_path.glob("evil*.html"))):
        page = visit.open(name)
        page.mouse.move(10, 10)
        page.locator("main").hover()
        assert page.evaluate("window.__pwned") is None
        assert page.locator("main img").count() == 0
        assert page.locator("main script").count() == 0
        assert "Evil <img src=x" in page.locator("main").text_content()
    assert "<script>window.__pwned=1</script>" in page.locator("p.finding").text_content()
    assert visit.outside() == []
    assert not [url for url in visit.requests if url.endswith("/x")]
    visit.context.close()


def test_screenshot(visit: Visit, tmp_path: Path) -> None:
    page = visit.open("index.html")
    target = tmp_path / "index.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert target.stat().st_size > 10_000


def test_pages_never_seen_in_the_browser(browser: Any, tmp_path: Path) -> None:
    corpus = cqcmodel.load(CORPUS)
    cqcmodel.report(corpus, tmp_path)
    visit = Visit(browser, tmp_path)
    page = visit.open("index.html")
    assert page.locator("#league tbody tr").count() == len(corpus)
    for authority, slug in zip(corpus, slugs(corpus), strict=True):
        page = visit.open(f"{slug}.html")
        found = page.eval_on_selector_all(
            "mark[id]", "marks => marks.map(mark => [mark.id, mark.dataset.kind])"
        )
        assert dict(found) == {
            key: kind for key, (kind, _text) in expected_marks(authority).items()
        }
    assert visit.outside() == []
    assert visit.errors == []
    visit.context.close()
