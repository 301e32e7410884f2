"""``cqcmodel fetch``: its defaults, exit statuses, what it says on stderr, and a killed run."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cqcmodel
from cqcmodel.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, build_parser, main
from cqcmodel.fetching import DEFAULT_BASE_URL, MANIFEST_NAME

from .sitecopy import PERMANENT_FAULTS, PREFIX, REPORTS, SiteServer, all_pages, page_html


def test_the_defaults_are_the_cqc_website_and_one_second_between_requests() -> None:
    args = build_parser().parse_args(["fetch", "--out", "pages", "hillingdon-1224"])
    assert args.delay == 1.0
    assert args.base_url == DEFAULT_BASE_URL
    assert (args.refresh, args.all, args.retries, args.timeout) == (False, False, 3, 30.0)
    assert args.reports == ["hillingdon-1224"]


@pytest.mark.parametrize(
    "argv",
    [
        ["fetch", "--out", "pages"],
        ["fetch", "hillingdon-1224"],
        ["fetch", "--out", "pages", "--delay", "-1", "hillingdon-1224"],
        ["fetch", "--out", "pages", "--delay", "soon", "hillingdon-1224"],
        ["fetch", "--out", "pages", "https://elsewhere.example/hillingdon-1224"],
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == EXIT_USAGE
    assert "cqcmodel fetch: error:" in capsys.readouterr().err
    assert not (tmp_path / "pages").exists()


def _argv(server: SiteServer, out: Path, *rest: str) -> list[str]:
    return ["fetch", "--out", str(out), "--base-url", server.url, "--delay", "0.01", *rest]


def test_all_saved_exits_0_and_says_what_it_did(tmp_path: Path, capsys) -> None:
    with SiteServer() as server:
        status = main(_argv(server, tmp_path, "Hounslow1"))
    captured = capsys.readouterr()
    assert status == EXIT_OK
    assert captured.out == ""
    assert (
        captured.err
        == f"1 report: 3 pages saved, 0 already saved, 0 failed (4 requests) in {tmp_path}\n"
    )
    assert sorted(path.name for path in (tmp_path / "Hounslow").iterdir()) == [
        "Hounslow1.html",
        "Hounslow4.html",
        "Hounslow8.html",
    ]


def test_a_dead_link_is_named_on_stderr_and_exits_1(tmp_path: Path, capsys) -> None:
    with SiteServer(faults=True) as server:
        status = main(_argv(server, tmp_path, "--retries", "0", "ealing-0125"))
    err = capsys.readouterr().err
    assert status == EXIT_BAD_INPUT
    dead = f"{server.url}{PREFIX}/ealing-0125-theme9-gone: HTTP 404 Not Found\n"
    assert dead in err
    for page in PERMANENT_FAULTS:
        assert f"{server.url}{PREFIX}/{page}: " in err
    assert err.endswith(f"2 pages saved, 0 already saved, 8 failed (12 requests) in {tmp_path}\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_shows_on_a_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    with SiteServer() as server:
        main(_argv(server, tmp_path / "plain", "ealing-0125"))
        assert "\r" not in capsys.readouterr().err
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        main(_argv(server, tmp_path / "terminal", "ealing-0125"))
    shown = terminal.getvalue()
    assert "\r[###############---------------] 1/2 pages" in shown
    assert "\r[##############################] 2/2 pages\n" in shown


def test_without_the_web_extra_it_says_which_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setitem(sys.modules, "httpx", None)
    assert main(["fetch", "--out", str(tmp_path), "ealing-0125"]) == EXIT_BAD_INPUT
    assert "install cqcmodel[web]" in capsys.readouterr().err


# --- a run killed mid-way ----------------------------------------------------------------------


def _manifest_urls(out: Path) -> set[str]:
    path = out / MANIFEST_NAME
    if not path.exists():
        return set()
    return {entry["url"] for entry in json.loads(path.read_text("utf-8"))["pages"]}


def _kill_mid_run(server: SiteServer, out: Path) -> None:
    """Start ``python -m cqcmodel fetch --all`` and SIGKILL it once some pages are saved."""
    command = [sys.executable, "-m", "cqcmodel", *_argv(server, out, "--all")]
    command[command.index("0.01")] = "0.1"
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(_manifest_urls(out)) < 8 and time.monotonic() < deadline:
            assert process.poll() is None, "the run ended before it could be killed"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_run_leaves_whole_pages_and_the_rerun_fetches_only_the_rest(
    tmp_path: Path,
) -> None:
    with SiteServer() as server:
        _kill_mid_run(server, tmp_path)
        kept = _manifest_urls(tmp_path)
        assert 8 <= len(kept) < len(all_pages())
        for path in tmp_path.rglob("*.html"):
            page = path.relative_to(tmp_path / path.parent.name).with_suffix("").as_posix()
            assert path.read_bytes() == page_html(page.replace("__", "/")).encode()

        start = len(server.hits)
        result = cqcmodel.fetch(all=True, out_dir=tmp_path, base_url=server.url, delay=0.01)
        requested = {f"{server.url}{hit.path}" for hit in server.hits[start:]}
        assert result.ok
        assert not requested & kept
        assert {page.url for page in result.saved} | kept == {
            f"{server.url}{PREFIX}/{page}" for page in all_pages()
        }
        assert not list(tmp_path.rglob("*.part"))

        start = len(server.hits)
        again = cqcmodel.fetch(all=True, out_dir=tmp_path, base_url=server.url, delay=0.01)
        assert again.saved == ()
        assert not [hit for hit in server.hits[start:] if hit.path.startswith(PREFIX + "/")]
    assert len(REPORTS) == len(result.reports) == len(again.reports)


def test_ctrl_c_says_that_the_saved_pages_are_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cqcmodel.fetching, "fetch", interrupted)
    assert main(["fetch", "--out", str(tmp_path), "ealing-0125"]) == 130
    assert capsys.readouterr().err == (
        f"interrupted: the pages saved in {tmp_path} are whole; the same command fetches the rest\n"
    )
