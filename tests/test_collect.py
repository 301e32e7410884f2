"""Many files → one record per authority: finding files, merging pages, conflicts, rows."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

import cqcmodel
from cqcmodel import (
    About,
    Authority,
    Finding,
    PageDates,
    ParseError,
    QualityStatement,
    Rating,
    Score,
    StatementScore,
    Summary,
    cli,
)
from cqcmodel.collect import (
    Skipped,
    find_files,
    load,
    load_all,
    page_key,
    page_sources,
    with_authority,
)
from cqcmodel.errors import (
    ConflictError,
    CqcModelError,
    EmptyPathError,
    NoFilesError,
    SourceIsFolderError,
    SourceNotFoundError,
)
from cqcmodel.export import published
from cqcmodel.framework import STATEMENTS, statement_by_code

from .conftest import CORPUS
from .htmlpages import page_html

EALING = "London Borough of Ealing"


def statement_page(
    name: str | None,
    code: str,
    score: int,
    *,
    findings: tuple[str, ...] = ("People told us they were supported well.",),
    dates: PageDates | None = None,
) -> str:
    info = statement_by_code(code)
    statement = QualityStatement(
        title=info.title,
        score=Score(score),
        commitment=info.we_statements[0],
        findings=tuple(Finding(text=text) for text in findings),
    )
    authority = Authority(name=name, statements=(statement,), page_dates=(dates,) if dates else ())
    return cqcmodel.render(authority)


def summary_page(name: str, scores: list[int], rating: Rating, percentage: int) -> str:
    summary = Summary(
        name=name,
        rating=rating,
        percentage=percentage,
        statement_scores=tuple(
            StatementScore(title=info.title, score=Score(value))
            for info, value in zip(STATEMENTS, scores, strict=True)
        ),
    )
    return cqcmodel.render(Authority(name=name, summary=summary))


def about_page(name: str, published_on: dt.date) -> str:
    about = About(published=published_on, subject=name, demographics=("A place with people.",))
    return cqcmodel.render(Authority(name=name, about=about))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the corpus ------------------------------------------------------------------------------


def test_corpus_groups_into_one_record_per_authority() -> None:
    authorities = load([CORPUS])
    names = [authority.name for authority in authorities]
    assert names == [
        "London Borough of Ealing",
        "London Borough of Hillingdon",
        "London Borough of Hounslow",
        "Nottingham City Council",
        "Royal Borough of Windsor & Maidenhead",
        "Sunderland City Council",
        "Westminster City Council",
        None,  # the seed Hillingdon page has no title line: it stays on its own, last
    ]
    sunderland = authorities[5]
    assert sunderland.summary is not None
    assert [s.code for s in sunderland.statements] == [
        "needs",
        "equity",
        "care",
        "partnerships",
        "pathways",
        "safeguarding",
        "governance",
        "learning",
    ]
    assert sunderland.page_count == 9
    westminster = authorities[6]
    assert westminster.about is not None
    assert westminster.summary is not None
    assert [s.statement_id for s in westminster.statements] == [1, 3, 6, 7, 8]
    assert authorities[-1].source == str(CORPUS / "seed-hillingdon-partnerships.txt")


def test_merged_records_round_trip_through_render() -> None:
    for authority in load(CORPUS):
        assert cqcmodel.parse(cqcmodel.render(authority)) == authority


def test_records_name_the_file_of_each_page() -> None:
    loaded = load_all([CORPUS])
    ealing = loaded.records[0]
    assert dict(ealing.pages) == {
        "about": str(CORPUS / "ealing-0125.txt"),
        "summary": str(CORPUS / "ealing-0125-summary.txt"),
    }
    assert len(ealing.parts) == 2
    assert len(loaded.files) == len(list(CORPUS.glob("*.txt")))
    assert loaded.errors == ()


# --- finding files ---------------------------------------------------------------------------


def test_find_files_recurses_sorts_skips_hidden_and_deduplicates(tmp_path: Path) -> None:
    write(tmp_path, "b/two.txt", "x")
    write(tmp_path, "a/one.txt", "x")
    write(tmp_path, "a/notes.md", "x")
    write(tmp_path, ".hidden/three.txt", "x")
    write(tmp_path, "a/.draft.txt", "x")
    extra = write(tmp_path, "page.text", "x")
    found = find_files([tmp_path, tmp_path / "a" / "one.txt", extra])
    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "a/one.txt",
        "b/two.txt",
        "page.text",
    ]


def test_a_single_path_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "one.txt", statement_page("Alpha Council", "needs", 3))
    assert [a.name for a in load(path)] == ["Alpha Council"]
    assert [a.name for a in load(str(path))] == ["Alpha Council"]


def test_missing_paths_raise(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as caught:
        find_files([tmp_path / "absent"])
    assert caught.value.filename == str(tmp_path / "absent")


# --- merging ---------------------------------------------------------------------------------


def test_pages_merge_on_folded_names_and_order_by_casefolded_name(tmp_path: Path) -> None:
    write(tmp_path, "1.txt", statement_page("beta Council", "care", 2))
    write(tmp_path, "2.txt", statement_page("Alpha Council", "learning", 3))
    write(tmp_path, "3.txt", statement_page("Alpha council", "needs", 4))
    write(tmp_path, "4.txt", statement_page("Gamma Council", "safeguarding", 1))
    authorities = load(tmp_path)
    assert [a.name for a in authorities] == ["Alpha Council", "beta Council", "Gamma Council"]
    alpha = authorities[0]
    assert [s.code for s in alpha.statements] == ["needs", "learning"]
    assert alpha.scores() == {1: Score.EXCEPTIONAL_STANDARD, 9: Score.GOOD_STANDARD}


def test_unnamed_pages_stay_separate_and_come_last_in_path_order(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", statement_page(None, "needs", 3))
    write(tmp_path, "b.txt", statement_page("Zeta Council", "needs", 2))
    write(tmp_path, "c.txt", statement_page(None, "needs", 3))
    authorities = load(tmp_path)
    assert [a.name for a in authorities] == ["Zeta Council", None, None]
    assert [a.source for a in authorities[1:]] == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]


def test_summary_about_and_statements_merge_with_dates(tmp_path: Path) -> None:
    name = "Alpha Council"
    write(
        tmp_path,
        "s1.txt",
        statement_page(name, "care", 3, dates=PageDates(published=dt.date(2024, 6, 2))),
    )
    write(tmp_path, "summary.txt", summary_page(name, [3] * 9, Rating.GOOD, 75))
    write(tmp_path, "about.txt", about_page(name, dt.date(2024, 6, 1)))
    write(
        tmp_path,
        "s2.txt",
        statement_page(name, "needs", 3, dates=PageDates(published=dt.date(2024, 6, 3))),
    )
    (authority,) = load(tmp_path)
    assert authority.about is not None
    assert authority.summary is not None
    assert [s.code for s in authority.statements] == ["needs", "care"]
    # Statement pages' dates follow in framework order: needs (2024-06-03) before care.
    assert [d.published for d in authority.page_dates] == [dt.date(2024, 6, 3), dt.date(2024, 6, 2)]
    assert published(authority) == dt.date(2024, 6, 1)  # about.published wins
    assert cqcmodel.parse(cqcmodel.render(authority)) == authority


def test_identical_pages_in_two_files_merge_silently(tmp_path: Path) -> None:
    text = statement_page("Alpha Council", "needs", 3)
    write(tmp_path, "a.txt", text)
    write(tmp_path, "copy/a.txt", text)
    loaded = load_all(tmp_path)
    assert loaded.errors == ()
    assert len(loaded.records) == 1
    assert len(loaded.records[0].authority.statements) == 1
    assert loaded.records[0].pages["needs"] == str(tmp_path / "a.txt")


def test_two_scores_for_one_statement_conflict_naming_both_files(tmp_path: Path) -> None:
    first = write(tmp_path, "a.txt", statement_page("Alpha Council", "needs", 3))
    second = write(tmp_path, "b.txt", statement_page("Alpha Council", "needs", 2))
    with pytest.raises(ConflictError) as caught:
        load(tmp_path)
    error = caught.value
    assert error.sources == (str(first), str(second))
    assert error.source == str(second)
    assert str(first) in str(error)
    assert str(error).startswith(f"{second}:{error.line}:1: ")
    assert "two different scores" in error.message
    assert "2 here, 3 in" in error.message
    assert isinstance(error, cqcmodel.CqcModelError)
    assert isinstance(error, ValueError)


def test_load_all_keeps_the_first_of_two_conflicting_pages(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", statement_page("Alpha Council", "needs", 3))
    write(tmp_path, "b.txt", statement_page("Alpha Council", "needs", 2))
    write(tmp_path, "c.txt", statement_page("Alpha Council", "care", 4))
    loaded = load_all(tmp_path)
    assert len(loaded.errors) == 1
    (authority,) = loaded.authorities
    assert authority.scores() == {1: Score.GOOD_STANDARD, 4: Score.EXCEPTIONAL_STANDARD}


def test_same_score_different_text_is_a_conflict(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", statement_page("Alpha Council", "needs", 3))
    write(
        tmp_path,
        "b.txt",
        statement_page("Alpha Council", "needs", 3, findings=("Staff told us otherwise.",)),
    )
    with pytest.raises(ConflictError, match="two different versions"):
        load(tmp_path)


def test_two_different_summaries_conflict(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", summary_page("Alpha Council", [3] * 9, Rating.GOOD, 75))
    write(
        tmp_path, "b.txt", summary_page("Alpha Council", [2] * 9, Rating.REQUIRES_IMPROVEMENT, 50)
    )
    with pytest.raises(ConflictError, match="two different summary pages") as caught:
        load(tmp_path)
    assert caught.value.sources == (str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))


def test_two_different_about_pages_conflict(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", about_page("Alpha Council", dt.date(2024, 1, 1)))
    write(tmp_path, "b.txt", about_page("Alpha Council", dt.date(2024, 2, 1)))
    with pytest.raises(ConflictError, match="two different about pages"):
        load(tmp_path)


def test_parse_errors_are_raised_by_load_and_collected_by_load_all(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", statement_page("Alpha Council", "needs", 3))
    bad = write(tmp_path, "b.txt", "Not a CQC page at all.\n")
    with pytest.raises(ParseError) as caught:
        load(tmp_path)
    assert caught.value.source == str(bad)
    loaded = load_all(tmp_path)
    assert [type(error) for error in loaded.errors] == [ParseError]
    assert [a.name for a in loaded.authorities] == ["Alpha Council"]


def test_progress_is_reported_per_file(tmp_path: Path) -> None:
    for index in range(3):
        write(tmp_path, f"{index}.txt", statement_page("Alpha Council", "needs", 3))
    calls: list[tuple[int, int]] = []
    load_all(tmp_path, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_page_keys() -> None:
    assert page_key(About()) == "about"
    assert page_key(Summary()) == "summary"
    assert page_key(QualityStatement(title="Safeguarding", score=Score.GOOD_STANDARD)) == (
        "safeguarding"
    )


# --- provenance ------------------------------------------------------------------------------


def test_a_merged_authority_keeps_every_source_in_read_order(tmp_path: Path) -> None:
    first = write(tmp_path, "a.txt", statement_page("Alpha Council", "needs", 3))
    second = write(tmp_path, "b.txt", statement_page("Alpha Council", "care", 2))
    (authority,) = load(tmp_path)
    assert authority.sources == (str(first), str(second))
    assert authority.source == str(first)
    assert page_sources(authority) == {"needs": str(first), "care": str(second)}


def test_page_sources_of_a_parsed_text_name_its_source() -> None:
    authority = cqcmodel.parse(statement_page("Alpha Council", "needs", 3), source="x.txt")
    assert page_sources(authority) == {"needs": "x.txt"}
    untitled = cqcmodel.parse(statement_page(None, "needs", 3))
    assert page_sources(untitled) == {"needs": "<string>"}


def test_an_unnamed_page_keeps_its_file_as_its_source(tmp_path: Path) -> None:
    path = write(tmp_path, "seed.txt", statement_page(None, "needs", 3))
    (authority,) = load(path)
    assert authority.name is None
    assert authority.sources == (str(path),)


# --- globs, empty folders and standard input -------------------------------------------------


def test_load_expands_glob_patterns(tmp_path: Path) -> None:
    write(tmp_path, "alpha/one.txt", statement_page("Alpha Council", "needs", 3))
    write(tmp_path, "beta/two.txt", statement_page("Beta Council", "care", 2))
    write(tmp_path, "beta/notes.md", "not a page")
    names = [a.name for a in load(str(tmp_path / "*" / "*.txt"))]
    assert names == ["Alpha Council", "Beta Council"]
    assert [a.name for a in load([str(tmp_path / "a*")])] == ["Alpha Council"]
    with pytest.raises(FileNotFoundError, match="matches"):
        load(str(tmp_path / "*.pdf"))


def test_a_pattern_naming_no_suffix_matches_pages_and_folders_only(tmp_path: Path) -> None:
    write(tmp_path, "pages/one.txt", statement_page("Alpha Council", "needs", 3))
    write(tmp_path, "pages/README.md", "not a page")
    write(tmp_path, "pages/beta/two.html", "<p>x</p>")
    found = find_files(str(tmp_path / "pages" / "*"))
    assert [path.name for path in found] == ["two.html", "one.txt"]
    assert [path.name for path in find_files(str(tmp_path / "pages" / "*.md"))] == ["README.md"]
    write(tmp_path, "notes/README.md", "not a page")
    with pytest.raises(FileNotFoundError, match="matches"):
        find_files(str(tmp_path / "notes" / "*"))


def test_an_empty_folder_is_an_error_as_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    write(tmp_path, "empty/notes.md", "not a page")
    with pytest.raises(NoFilesError) as caught:
        load(tmp_path / "empty")
    assert isinstance(caught.value, CqcModelError)
    assert isinstance(caught.value, FileNotFoundError)
    assert str(caught.value) == f"{tmp_path / 'empty'}: no page files in this folder"
    with pytest.raises(NoFilesError):
        load_all([tmp_path / "empty"])
    assert load([]) == []


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    page = statement_page("Alpha Council", "needs", 3).encode("utf-8")
    monkeypatch.setattr("sys.stdin", type("Stdin", (), {"buffer": io.BytesIO(page)})())
    (authority,) = load("-")
    assert authority.name == "Alpha Council"
    assert authority.source == "<stdin>"


# --- naming the authority of a page without a title line -------------------------------------


def test_with_authority_names_an_untitled_page() -> None:
    untitled = cqcmodel.parse(statement_page(None, "needs", 3))
    named = with_authority(untitled, "  Hillingdon ")
    assert named.name == "Hillingdon"
    assert named.council is not None
    assert named.council.ons_code == "E09000017"


def test_with_authority_accepts_the_same_council_and_refuses_another() -> None:
    titled = cqcmodel.parse(
        statement_page("London Borough of Hillingdon", "needs", 3), source="p.txt"
    )
    assert with_authority(titled, "Hillingdon") is titled
    assert with_authority(titled, "E09000017") is titled
    with pytest.raises(ParseError, match=r"Hillingdon.*Ealing") as caught:
        with_authority(titled, "Ealing")
    assert caught.value.source == "p.txt"
    other = cqcmodel.parse(statement_page("Borsetshire Council", "needs", 3))
    assert with_authority(other, "borsetshire council") is other
    with pytest.raises(ParseError):
        with_authority(other, "Ambridge Council")
    with pytest.raises(ValueError, match="one non-empty line"):
        with_authority(other, " ")


def test_parse_and_parse_file_take_the_authority(tmp_path: Path) -> None:
    text = statement_page(None, "needs", 3)
    assert cqcmodel.parse(text, authority="Wirral Council").name == "Wirral Council"
    path = write(tmp_path, "seed.txt", text)
    assert cqcmodel.parse_file(path, authority="Wirral").name == "Wirral"
    titled = statement_page("Sefton Council", "needs", 3)
    with pytest.raises(ParseError, match="Sefton"):
        cqcmodel.parse(titled, authority="Wirral")


def test_load_names_the_untitled_pages_and_merges_them(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", statement_page("Metropolitan Borough of Wirral", "needs", 3))
    write(tmp_path, "b.txt", statement_page(None, "care", 2))
    authorities = load(tmp_path, authority="Metropolitan Borough of Wirral")
    (authority,) = authorities
    assert [statement.code for statement in authority.statements] == ["needs", "care"]
    loaded = load_all(tmp_path, authority="Sefton")
    assert isinstance(loaded.errors[0], ParseError)
    assert len(loaded.records) == 1


def test_pages_of_one_council_merge_whatever_form_of_its_name_they_use(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", statement_page("Westminster City Council", "needs", 3))
    write(tmp_path, "b.txt", statement_page("City of Westminster", "care", 2))
    write(tmp_path, "c.txt", statement_page(None, "equity", 3))
    (authority, untitled) = load(tmp_path)
    assert authority.name == "Westminster City Council"
    assert [statement.code for statement in authority.statements] == ["needs", "care"]
    assert untitled.name is None
    (named,) = load(tmp_path, authority="Westminster")
    assert [statement.code for statement in named.statements] == ["needs", "equity", "care"]


def test_merged_pages_keep_every_set_aside_line_with_its_file(tmp_path: Path) -> None:
    chrome = "Skip to main content\nCookies on the CQC website\nAccept all cookies\n"
    summary = (CORPUS / "sunderland-0525__summary.txt").read_text(encoding="utf-8")
    statement = (CORPUS / "sunderland-0525__theme1__needs.txt").read_text(encoding="utf-8")
    (tmp_path / "summary.txt").write_text(chrome + summary, encoding="utf-8")
    (tmp_path / "needs.txt").write_text(chrome + statement, encoding="utf-8")
    (authority,) = load(tmp_path)
    files = {Path(entry.source or "").name for entry in authority.set_aside}
    assert files == {"summary.txt", "needs.txt"}
    assert {entry.text for entry in authority.set_aside} >= {"Skip to main content"}
    assert all(entry.line in (1, 2, 3) for entry in authority.set_aside)


def test_missing_and_folder_paths_raise_cqcmodel_errors(tmp_path: Path) -> None:
    absent = tmp_path / "absent.txt"
    with pytest.raises(SourceNotFoundError) as missing:
        load(absent)
    assert isinstance(missing.value, FileNotFoundError)
    assert str(missing.value) == f"{absent}: no such file or folder"
    with pytest.raises(SourceNotFoundError) as unread:
        cqcmodel.parse_file(absent)
    assert isinstance(unread.value, FileNotFoundError)
    assert str(unread.value) == f"{absent}: no such file"
    with pytest.raises(SourceIsFolderError) as folder:
        cqcmodel.parse_file(tmp_path)
    assert isinstance(folder.value, IsADirectoryError)
    assert isinstance(folder.value, cqcmodel.CqcModelError)
    assert str(folder.value).startswith(f"{tmp_path}: is a folder")


@pytest.mark.parametrize("paths", ["", [""], [Path("x.txt"), ""]])
def test_an_empty_path_is_refused(
    paths: str | list[str | Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "x.txt", statement_page("Alpha Council", "needs", 3))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(EmptyPathError, match="empty path") as caught:
        load(paths)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("untitled_first", [True, False])
def test_a_records_name_does_not_depend_on_the_order_of_its_files(
    tmp_path: Path, untitled_first: bool
) -> None:
    first, second = ("a", "b") if untitled_first else ("b", "a")
    write(tmp_path, f"{first}-needs.txt", statement_page(None, "needs", 3))
    write(tmp_path, f"{second}-care.txt", statement_page("London Borough of Hillingdon", "care", 2))
    write(
        tmp_path,
        f"{second}-equity.txt",
        statement_page("London Borough of Hillingdon", "equity", 2),
    )
    (record,) = load(tmp_path, authority="Hillingdon")
    assert record.name == "London Borough of Hillingdon"
    assert len(record.statements) == 3


def test_an_ons_code_given_as_the_authority_names_the_record_by_the_council(tmp_path: Path) -> None:
    path = write(tmp_path, "untitled.txt", statement_page(None, "needs", 3))
    (record,) = load(path, authority="E09000033")
    assert record.name == "Westminster City Council"
    assert record.council is not None and record.council.ons_code == "E09000033"


def test_a_pattern_whose_matches_are_all_skipped_says_why(tmp_path: Path) -> None:
    write(tmp_path, "g/noext", "not a page")
    listed = r"\(.txt, .html, .htm, .pdf, .mhtml, .mht, .webarchive\)"
    with pytest.raises(FileNotFoundError, match=rf"no page file {listed}"):
        load(str(tmp_path / "g" / "no*"))


# --- a browser's "save complete" folders -------------------------------------------------------

#: What a browser saves in ``<page>_files``: the frames of the page, each an HTML file.
RESOURCES = {
    "ns.html": "<!DOCTYPE html><html><head></head><body><p>Loading…</p></body></html>\n",
    "saved_resource.html": "<html><head><script>var x = 1;</script></head><body></body></html>",
    "sub/frame.htm": "<html><body><iframe src='about:blank'></iframe></body></html>",
}


def save_complete(folder: Path, page: str, name: str, ending: str = "_files") -> Path:
    """Save ``page`` as a browser does "save complete": ``name`` and its resource folder."""
    path = write(folder, name, page_html(page, "chrome"))
    for resource, text in RESOURCES.items():
        write(folder / f"{path.stem}{ending}", resource, text)
    return folder / f"{path.stem}{ending}"


def test_a_saved_pages_resource_folder_is_not_read_and_is_listed(tmp_path: Path) -> None:
    text = (CORPUS / "ealing-0125.txt").read_text(encoding="utf-8")
    resources = save_complete(tmp_path / "ealing", text, "Ealing about.html")
    write(tmp_path / "ealing", "ealing-summary.txt", text)
    loaded = load_all(tmp_path)
    assert loaded.errors == ()
    assert loaded.skipped == (
        Skipped(
            path=str(resources),
            reason="the resources of the saved web page 'Ealing about.html', not a report",
        ),
    )
    assert [Path(name).name for name in loaded.files] == ["Ealing about.html", "ealing-summary.txt"]
    assert load(tmp_path) == load([CORPUS / "ealing-0125.txt"])
    assert resources not in {path.parent for path in find_files(tmp_path)}


@pytest.mark.parametrize(
    ("name", "ending"),
    [("Report.htm", "_files"), ("REPORT.HTML", "_files"), ("Bericht.html", "-Dateien")],
)
def test_resource_folders_of_every_saved_page_name_are_skipped(
    tmp_path: Path, name: str, ending: str
) -> None:
    save_complete(tmp_path, (CORPUS / "Hounslow4.txt").read_text("utf-8"), name, ending)
    loaded = load_all(tmp_path)
    assert (loaded.errors, len(loaded.skipped), len(loaded.files)) == ((), 1, 1)


def test_a_files_folder_without_its_page_is_read(tmp_path: Path) -> None:
    page = write(tmp_path / "notes_files", "page.txt", statement_page("Alpha Council", "needs", 3))
    write(tmp_path, "notes.txt", statement_page("Beta Council", "needs", 2))  # not a web page
    loaded = load_all(tmp_path)
    assert str(page) in loaded.files
    assert loaded.skipped == ()


def test_patterns_skip_resource_folders_unless_they_name_them(tmp_path: Path) -> None:
    text = (CORPUS / "Hounslow4.txt").read_text("utf-8")
    resources = save_complete(tmp_path / "pages", text, "Hounslow.html")
    for pattern in ("pages/*", "pages/**/*.html", "**/*.htm*"):
        loaded = load_all(str(tmp_path / pattern))
        assert [Path(name).name for name in loaded.files] == ["Hounslow.html"], pattern
        assert [entry.path for entry in loaded.skipped] == [str(resources)], pattern
    named = load_all(str(resources / "*.html"))  # asked for: read, and bad
    assert len(named.files) == 2
    assert named.skipped == ()
    with pytest.raises(SourceNotFoundError, match="only the resources of saved web pages"):
        find_files(str(tmp_path / "pages" / "*" / "ns.html"))


def test_check_says_which_folders_it_did_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (CORPUS / "Hounslow4.txt").read_text("utf-8")
    resources = save_complete(tmp_path, text, "Hounslow.html")
    assert cli.main(["check", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert f"note: {resources}: not read: the resources of the saved web page" in err
    assert "1 file (1 folder not read), 1 record: 0 errors" in err
    assert cli.main(["scores", str(tmp_path)]) == 0
    assert f"note: {resources}: not read" in capsys.readouterr().err
