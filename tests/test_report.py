"""The static report site without a browser: files, structure, escaping, CSP, marks, extras."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given

import cqcmodel
from cqcmodel import Authority, QualityStatement
from cqcmodel.cli import main
from cqcmodel.framework import STATEMENTS
from cqcmodel.site import CSP, Mark, MissingExtraError, highlight, page_html, render
from cqcmodel.site.views import slugs

from .conftest import CORPUS
from .report_helpers import EXAMPLES, Elements, expected_marks, hostile, samples
from .strategies import texts_with_marks

pytest.importorskip("jinja2")


@pytest.fixture(scope="module")
def authorities() -> list[Authority]:
    return samples()


@pytest.fixture(scope="module")
def site(authorities: list[Authority], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cqcmodel.report(authorities, tmp_path_factory.mktemp("site")).parent


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


# --- the folder ------------------------------------------------------------------------------


def test_report_writes_an_index_and_a_page_per_authority(
    site: Path, authorities: list[Authority]
) -> None:
    names = {path.name for path in site.iterdir()}
    assert names == {
        "index.html",
        "style.css",
        "site.js",
        "london-borough-of-ealing.html",
        "sunderland-city-council.html",
        "westminster-city-council.html",
    }
    assert len(authorities) == 3


def test_the_site_is_small(site: Path) -> None:
    total = sum(path.stat().st_size for path in site.iterdir())
    assert total < 150_000


def test_every_page_has_the_csp_and_refers_only_to_files_in_the_folder(site: Path) -> None:
    for page in pages(site):
        elements = Elements(page.read_text("utf-8"))
        policies = [
            attrs["content"]
            for attrs in elements.find("meta")
            if attrs.get("http-equiv") == "Content-Security-Policy"
        ]
        assert policies == [CSP], page.name
        for tag, attrs in elements.tags:
            for name in ("src", "href", "action", "srcset", "poster"):
                value = attrs.get(name)
                if value is None or value.startswith("#"):
                    continue
                assert "//" not in value and ":" not in value, (page.name, tag, value)
                assert (site / value.split("#")[0]).is_file(), (page.name, value)


def test_the_policy_allows_nothing_remote() -> None:
    directives = dict(part.strip().split(" ", 1) for part in CSP.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in CSP
    assert "http" not in CSP
    assert "*" not in CSP


def test_no_inline_script_or_style_or_handlers(site: Path) -> None:
    for page in pages(site):
        text = page.read_text("utf-8")
        elements = Elements(text)
        assert all(attrs.get("src") == "site.js" for attrs in elements.find("script"))
        assert not elements.find("style")
        for _tag, attrs in elements.tags:
            assert not [name for name in attrs if name.startswith("on") or name == "style"]


# --- the national page -----------------------------------------------------------------------


def league_rows(site: Path) -> list[str]:
    text = (site / "index.html").read_text("utf-8")
    start = text.index("<tbody>", text.index('id="league"'))
    body = text[start : text.index("</tbody>", start)]
    return re.findall(r"<tr .*?</tr>", body, flags=re.S)


def test_league_table_has_one_row_per_authority_linking_to_its_page(
    site: Path, authorities: list[Authority]
) -> None:
    found = league_rows(site)
    assert len(found) == len(authorities)
    for row, authority in zip(found, authorities, strict=True):
        link = re.search(r'<a href="([^"]+)">([^<]+)</a>', row)
        assert link is not None
        assert link.group(2) == authority.name
        assert (site / link.group(1)).is_file()


def test_heat_map_cells_show_their_score(site: Path, authorities: list[Authority]) -> None:
    for row, authority in zip(league_rows(site), authorities, strict=True):
        cells = re.findall(r'<td class="score s(\d)" data-sort="([^"]*)"[^>]*>(.*?)</td>', row)
        assert len(cells) == len(STATEMENTS)
        scores = authority.scores()
        for (colour, sort, shown), info in zip(cells, STATEMENTS, strict=True):
            score = scores.get(info.id)
            if score is None:
                assert (colour, sort) == ("0", "")
                assert "no score" in shown
            else:
                assert colour == sort == shown == str(int(score))


def test_computed_rating_only_when_all_nine_are_known(site: Path) -> None:
    row = next(r for r in league_rows(site) if "Westminster" in r)
    assert 'Good <span class="pct">75%</span>' in row
    partial = Authority(
        name="Sunderland City Council",
        statements=(QualityStatement(title="Assessing needs", score=cqcmodel.Score(3)),),
    )
    text = render.index_html([partial])
    assert "1 of 9 scores known" in text
    assert "Good <span" not in text.split('id="league"')[1].split("</tbody>")[0]


def test_filters_and_sort_buttons_are_labelled_native_controls(site: Path) -> None:
    text = (site / "index.html").read_text("utf-8")
    for label, control in (
        ("Region", "select"),
        ("Council type", "select"),
        ("Rating", "select"),
        ("Search", "input"),
    ):
        match = re.search(
            rf'<label for="([^"]+)">{label}</label>\s*<{control}[^>]* id="([^"]+)"', text
        )
        assert match is not None, label
        assert match.group(1) == match.group(2)
    headers = re.findall(r'<th scope="col" data-type="(?:text|number)"[^>]*><button', text)
    assert len(headers) == 6 + len(STATEMENTS)
    assert text.count("aria-sort=") == 1


def test_index_shows_counts_coverage_and_theme_averages(site: Path) -> None:
    text = (site / "index.html").read_text("utf-8")
    assert "3 of 153 councils" in text
    assert '<th scope="row">Requires improvement</th><td>1</td><td>1</td>' in text
    assert '<th scope="row">Good</th><td>2</td><td>2</td>' in text
    assert "Theme averages" in text
    # Working with people: Ealing 2, 2, 2; Sunderland 3, 3, 3; Westminster 3, 3, 3.
    assert '<th scope="row">Working with people</th>' in text
    assert "<td>2.67</td><td>9</td>" in text


# --- authority pages -------------------------------------------------------------------------


def test_authority_page_marks_exactly_the_extracted_mentions(
    site: Path, authorities: list[Authority]
) -> None:
    for authority, slug in zip(authorities, slugs(authorities), strict=True):
        page = site / f"{slug}.html"
        marks = Elements(page.read_text("utf-8")).marks()
        assert marks == expected_marks(authority), page.name


def test_authority_page_has_statements_facts_index_and_sources(site: Path) -> None:
    text = (site / "sunderland-city-council.html").read_text("utf-8")
    for needed in (
        "<h1>Sunderland City Council</h1>",
        "<dt>ONS code</dt><dd><code>E08000024</code></dd>",
        "<dt>Region</dt><dd>North East</dd>",
        "<h3>What people expect</h3>",
        "<h3>The local authority commitment</h3>",
        "<h3>Key findings</h3>",
        "Initiatives named in the findings",
        "sunderland-0525__summary.txt",
    ):
        assert needed in text
    elements = Elements(text)
    ids = {attrs["id"] for attrs in elements.find("mark") if attrs.get("id")}
    links = [
        attrs["href"]
        for attrs in elements.find("a")
        if (attrs["href"] or "")[:12] == "#initiative-"
    ]
    assert links
    assert {link[1:] for link in links} <= ids
    assert len(elements.find("section")) >= 9


def test_sub_headings_group_the_findings() -> None:
    authority = cqcmodel.parse_file(EXAMPLES / "sunderland" / "sunderland-0525__theme1__needs.txt")
    text = page_html(authority)
    for finding in authority.statements[0].findings:
        if finding.heading:
            assert f"<h4>{finding.heading}</h4>" in text


# --- safety ----------------------------------------------------------------------------------


def test_markup_in_the_text_is_escaped(tmp_path: Path) -> None:
    index = cqcmodel.report([hostile()], tmp_path)
    for page in (index, *tmp_path.glob("evil*.html")):
        text = page.read_text("utf-8")
        assert "<script>window" not in text
        assert "<img src=x" not in text
        assert 'onmouseover="window' not in text
        elements = Elements(text)
        assert not elements.find("img")
        assert not [attrs for _tag, attrs in elements.tags if "onmouseover" in attrs]
        assert [attrs.get("src") for attrs in elements.find("script")] == ["site.js"]
    page = next(tmp_path.glob("evil*.html")).read_text("utf-8")
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert Elements(page).marks() == {"initiative-1-1": ("initiative", "Better Care Fund")}


# --- highlighting ----------------------------------------------------------------------------


def mark(start: int, end: int, kind: str = "initiative", anchor: str = "a") -> Mark:
    return Mark(start=start, end=end, kind=kind, title=f"t {anchor}", anchor=anchor)


def test_highlight_wraps_a_span_and_escapes() -> None:
    result = highlight("a <b> c", [mark(2, 5)])
    assert result == (
        'a <mark id="a" data-kind="initiative" data-mention="a" title="t a">&lt;b&gt;</mark> c'
    )


def test_highlight_nests_contained_spans() -> None:
    result = highlight(
        "Better Care Fund 2024", [mark(0, 21, anchor="o"), mark(7, 11, "figure", "i")]
    )
    assert result.count("<mark") == 2
    assert result.index('id="o"') < result.index('id="i"')
    assert result.endswith("</mark> Fund 2024</mark>")


def test_highlight_splits_crossing_spans_the_same_way_every_time() -> None:
    marks = [mark(0, 6, anchor="x"), mark(3, 9, "organisation", "y")]
    result = highlight("abcdefghi", marks)
    assert result == highlight("abcdefghi", marks[::-1])
    assert result.count('data-mention="y"') == 2
    assert result.count('id="y"') == 1
    assert 'data-part="continued"' in result
    assert Elements(result).marks() == {
        "x": ("initiative", "abcdef"),
        "y": ("organisation", "defghi"),
    }


def test_highlight_rejects_a_span_past_the_end() -> None:
    with pytest.raises(ValueError, match="past the text"):
        highlight("abc", [mark(1, 4)])


@given(texts_with_marks())
def test_highlight_keeps_the_text_and_marks_each_span_exactly(
    case: tuple[str, list[Mark]],
) -> None:
    text, marks = case
    result = highlight(text, marks)
    elements = Elements(f"<p>{result}</p>")
    assert html.unescape(re.sub(r"<[^>]+>", "", result)) == text
    assert elements.marks() == {m.anchor: (m.kind, text[m.start : m.end]) for m in marks}
    assert result.count("<mark") == result.count("</mark>")


# --- notebooks, extras, the command ----------------------------------------------------------


def test_notebook_views_render_like_the_site(authorities: list[Authority]) -> None:
    sunderland = authorities[1]
    fragment = sunderland._repr_html_()
    assert fragment is not None
    assert fragment.startswith('<div class="cqcmodel-report">')
    assert "<html" not in fragment
    assert "<style>" in fragment
    assert Elements(fragment).marks() == expected_marks(sunderland)
    statement = sunderland.statement("needs")
    assert statement is not None
    single = statement._repr_html_()
    assert single is not None
    assert f'<h2 id="needs-title">{statement.title}</h2>' in single
    assert "Key findings" in single
    assert "<mark" in single


def test_missing_jinja2_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    render._environment.cache_clear()
    monkeypatch.setitem(sys.modules, "jinja2", None)
    try:
        with pytest.raises(MissingExtraError, match=r"install cqcmodel\[report\]") as caught:
            cqcmodel.report(samples(), tmp_path)
        assert caught.value.extra == "report"
        assert isinstance(caught.value, cqcmodel.CqcModelError)
        assert main(["report", str(EXAMPLES), "--out", str(tmp_path)]) == 1
        sunderland = samples()[1]
        assert sunderland._repr_html_() is None  # the notebook falls back to repr
        assert sunderland.statements[0]._repr_html_() is None
    finally:
        render._environment.cache_clear()


def test_report_command_writes_the_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLES), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "index.html").is_file()
    assert len(list((tmp_path / "out").glob("*.html"))) == 4
    assert "open index.html" in capsys.readouterr().err


def test_one_authority_is_accepted(tmp_path: Path, authorities: list[Authority]) -> None:
    index = cqcmodel.report(authorities[0], tmp_path)
    assert len(league_rows(tmp_path)) == 1
    assert index == tmp_path / "index.html"


def test_pages_never_seen_list_every_authority_once_with_exact_marks(tmp_path: Path) -> None:
    corpus = cqcmodel.load(CORPUS)
    assert len(corpus) >= 6
    cqcmodel.report(corpus, tmp_path)
    assert len(league_rows(tmp_path)) == len(corpus)
    names = slugs(corpus)
    assert len(set(names)) == len(names)
    assert "seed-hillingdon-partnerships" in names  # a page without a title line: its file
    marked = 0
    for authority, slug in zip(corpus, names, strict=True):
        marks = Elements((tmp_path / f"{slug}.html").read_text("utf-8")).marks()
        assert marks == expected_marks(authority), slug
        marked += len(marks)
    assert marked > 50


def test_report_command_filters_by_council(tmp_path: Path) -> None:
    out = tmp_path / "one"
    assert main(["report", "--council", "Sunderland", str(EXAMPLES), "--out", str(out)]) == 0
    assert sorted(path.name for path in out.glob("*.html")) == [
        "index.html",
        "sunderland-city-council.html",
    ]


def test_a_mention_outside_the_findings_is_counted_not_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cqcmodel.extract import Initiative, InitiativeKind, Mention  # noqa: PLC0415
    from cqcmodel.site import views  # noqa: PLC0415

    stray = Mention(statement_id=9, finding_index=0, start=0, end=1, text="a")
    initiative = Initiative(name="Stray", kind=InitiativeKind.FUND, mentions=(stray,))
    monkeypatch.setattr(views, "extract_initiatives", lambda _authority: (initiative,))
    text = page_html(hostile())
    assert "1 extracted mention could not be placed" in text
    assert "Stray" in text


def test_slugs_are_short_distinct_and_safe() -> None:
    long_name = Authority(name="A" * 300, statements=hostile().statements)
    names = slugs([hostile(), hostile(), long_name])
    assert names[0] == "evil-img-src-x-onerror-window-pwned-2-council"
    assert names[1] == names[0] + "-2"
    assert names[2] == "a" * 60
