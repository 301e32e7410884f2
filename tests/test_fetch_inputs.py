"""What fetching is asked for: a listing that links to no report, report names, the folder.

A fetch that finds nothing says so and fails; a name that is not a report, or an output folder
that is a file, is refused with words that say what is wrong, before any request is made. No
test touches the network: the site is served on 127.0.0.1 by :mod:`tests.sitecopy`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cqcmodel
from cqcmodel.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main
from cqcmodel.fetching import FetchError, OutDirError

from .sitecopy import PREFIX, REPORTS, SiteServer, all_pages


def _argv(server: SiteServer, out: Path, *rest: str) -> list[str]:
    return ["fetch", "--out", str(out), "--base-url", server.url, "--delay", "0.01", *rest]


# --- a listing that links to no report -------------------------------------------------------


def test_a_listing_with_no_report_is_a_failure_that_says_what_was_looked_at(
    tmp_path: Path,
) -> None:
    with SiteServer(listing="none") as server:
        result = cqcmodel.fetch(all=True, out_dir=tmp_path, base_url=server.url, delay=0.01)
    assert not result.ok
    assert result.reports == ()
    assert result.saved == ()
    (failed,) = result.failed
    assert failed.url == f"{server.url}{PREFIX}"
    assert "links to no report" in failed.reason
    assert "3 pages" in failed.reason
    assert f"{server.url}{PREFIX}/" in failed.reason


def test_fetch_all_of_a_listing_with_no_report_exits_1_and_says_so(tmp_path: Path, capsys) -> None:
    with SiteServer(listing="none") as server:
        status = main(_argv(server, tmp_path, "--all"))
    err = capsys.readouterr().err
    assert status == EXIT_BAD_INPUT
    assert f"{server.url}{PREFIX}: the listing links to no report" in err
    assert "0 reports: 0 pages saved, 0 already saved, 1 failed" in err


def test_named_reports_are_still_fetched_beside_a_listing_with_no_report(tmp_path: Path) -> None:
    with SiteServer(listing="none") as server:
        result = cqcmodel.fetch(
            ["Hounslow1"], all=True, out_dir=tmp_path, base_url=server.url, delay=0.01
        )
    assert not result.ok
    assert len(result.saved) == len(REPORTS["Hounslow1"][1])
    assert [failure.url for failure in result.failed] == [f"{server.url}{PREFIX}"]


def test_listing_entries_are_reports_by_their_address_whatever_their_text(
    tmp_path: Path, capsys
) -> None:
    """Entries that read the council's name or "Read the report" still lead to every report."""
    with SiteServer(listing="names") as server:
        status = main(_argv(server, tmp_path, "--all"))
    err = capsys.readouterr().err
    assert status == EXIT_OK, err
    assert f"{len(REPORTS)} reports: {len(all_pages())} pages saved" in err


# --- report names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "report",
    [
        "../../etc/x",
        "..",
        ".",
        "",
        "   ",
        "hillingdon-1224/../../etc",
        "sunderland-0525/theme1/needs",
        "/etc/passwd",
        "hillingdon 1224",
        "hillingdon-1224?page=2",
        f"https://www.cqc.org.uk{PREFIX}/../../etc/x",
        f"https://www.cqc.org.uk{PREFIX}/%2e%2e/%2e%2e/etc/x",
        f"https://www.cqc.org.uk{PREFIX}/hillingdon-1224.pdf",
    ],
)
def test_a_name_that_is_not_a_report_is_refused_before_any_request(
    tmp_path: Path, report: str
) -> None:
    with SiteServer() as server:
        with pytest.raises(FetchError, match="letters, digits, '-' and '_'"):
            cqcmodel.fetch([report], out_dir=tmp_path / "out", base_url=server.url, delay=0.01)
        assert server.paths() == []
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "report", ["Hounslow1", "hillingdon-1224", f"https://www.cqc.org.uk{PREFIX}/Hounslow1/"]
)
def test_a_slug_or_an_address_is_a_report(tmp_path: Path, report: str) -> None:
    with SiteServer() as server:
        result = cqcmodel.fetch([report], out_dir=tmp_path, base_url=server.url, delay=0.01)
    assert result.ok
    assert len(result.reports) == 1


def test_a_path_outside_the_reports_is_a_usage_error_on_the_command_line(
    tmp_path: Path, capsys
) -> None:
    with SiteServer() as server:
        with pytest.raises(SystemExit) as caught:
            main(_argv(server, tmp_path / "out", "../../etc/x"))
        assert server.paths() == []
    assert caught.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "cqcmodel fetch: error: '../../etc/x': not a report" in err
    assert not (tmp_path / "out").exists()


# --- the output folder -----------------------------------------------------------------------


def test_an_output_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    taken = tmp_path / "pages.txt"
    taken.write_text("mine", "utf-8")
    with pytest.raises(OutDirError, match="out_dir names a file, not a folder") as caught:
        cqcmodel.fetch(["Hounslow1"], out_dir=taken, base_url="http://127.0.0.1:9")
    assert isinstance(caught.value, FetchError)
    assert taken.read_text("utf-8") == "mine"


def test_an_output_folder_inside_a_file_is_refused(tmp_path: Path) -> None:
    taken = tmp_path / "pages.txt"
    taken.write_text("mine", "utf-8")
    with pytest.raises(OutDirError, match=f"{taken} is a file, not a folder"):
        cqcmodel.fetch(["Hounslow1"], out_dir=taken / "sub", base_url="http://127.0.0.1:9")


def test_out_naming_a_file_is_a_usage_error_that_says_so(tmp_path: Path, capsys) -> None:
    taken = tmp_path / "pages.txt"
    taken.write_text("mine", "utf-8")
    with SiteServer() as server:
        with pytest.raises(SystemExit) as caught:
            main(_argv(server, taken, "Hounslow1"))
        assert server.paths() == []
    assert caught.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"cqcmodel fetch: error: --out names a file, not a folder: {taken}" in err
    assert taken.read_text("utf-8") == "mine"
