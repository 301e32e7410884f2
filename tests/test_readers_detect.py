"""Telling the form of a source, and the furniture vocabulary, line by line."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cqcmodel
from cqcmodel.readers import Form, read_text
from cqcmodel.readers.detect import (
    is_html,
    is_mhtml,
    is_pdf,
    is_pdf_text,
    is_webarchive,
    mime_type,
)
from cqcmodel.readers.furniture import FURNITURE, Where, clean, mark, reason_for

from .conftest import CORPUS
from .htmlpages import browser_copy
from .pdfpages import report_text
from .strategies import authorities

TEXTS = {path.name: path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))}


@pytest.mark.parametrize(
    ("start", "html"),
    [
        ("<!DOCTYPE html><html>", True),
        ("\ufeff  <!doctype HTML>", True),
        ("<html lang='en'>", True),
        ("<!-- saved --><html>", True),
        ("<article><h1>x</h1>", True),
        ("Title\n<p>a</p><div>b</div><span>c</span>", True),
        ("Westminster City Council: local authority assessment\n", False),
        ("Score: 3 <- not a tag\n", False),
    ],
)
def test_html_is_told_by_its_start(start: str, html: bool) -> None:
    assert is_html(start.lstrip("\ufeff")) is html


def test_pdf_and_pdf_text_are_told_by_their_content() -> None:
    assert is_pdf(b"%PDF-1.7\n")
    assert not is_pdf(b"Safeguarding\n")
    assert is_pdf_text("people with\nneeds\fPage two")
    # Whole lines with a form feed between pages are page text, read line for line.
    assert not is_pdf_text("Safeguarding\nScore: 3\fSafeguarding\nScore: 3\n")
    assert is_pdf_text("Title\n\nPage 1 of 3\n")
    assert is_pdf_text("care and\nsupport for people, and\nthe local authority with\npartners\n")
    assert not any(is_pdf_text(text) for text in TEXTS.values())


@pytest.mark.parametrize(
    ("start", "kind"),
    [
        (
            b"From: <Saved by Blink>\r\nContent-Type: multipart/related;\r\n\tboundary=x\r\n\r\n",
            "m",
        ),
        (b'MIME-Version: 1.0\nContent-Type: Multipart/Related; boundary="x"\n\nbody', "m"),
        (b"Content-Type: text/html; charset=utf-8\n\n<html>", None),
        (b"bplist00\xd1\x01\x02_\x10\x0fWebMainResource", "w"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE plist>\n<plist><dict><key>WebMainResource</key>', "w"),
        (b"bplist00\xd1\x01\x02_\x10\x0cCFBundleName", None),
        (b"Safeguarding\nContent-Type: multipart/related\n\n", None),
        (b"<!DOCTYPE html><html><body>WebMainResource", None),
    ],
)
def test_archives_are_told_by_their_start(start: bytes, kind: str | None) -> None:
    assert is_mhtml(start) is (kind == "m")
    assert is_webarchive(start) is (kind == "w")
    assert (mime_type(start) is not None) is start.startswith((b"From", b"MIME", b"Content"))


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_clean_pages_are_plain_text_without_furniture(name: str) -> None:
    read = read_text(TEXTS[name])
    assert read.form is Form.TEXT
    assert read.set_aside == ()
    assert read.text is TEXTS[name]  # the text itself, not a copy


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_cheap_clean_test_agrees_with_marking(name: str) -> None:
    for text in (TEXTS[name], browser_copy(TEXTS[name]), report_text(TEXTS[name])):
        reasons = mark([line.strip() for line in text.split("\n")])
        if clean(text):
            assert not any(reasons)


@given(authorities(), st.sampled_from([phrase for phrase, _, _ in FURNITURE]))
def test_clean_never_hides_furniture(authority: cqcmodel.Authority, phrase: str) -> None:
    lines = cqcmodel.render(authority).split("\n")
    for index in (1, len(lines) - 1):
        text = "\n".join([*lines[:index], phrase.upper(), *lines[index:]])
        reasons = mark([line.strip() for line in text.split("\n")])
        assert not clean(text) or not any(reasons)


@pytest.mark.parametrize(
    ("line", "edge", "reason"),
    [
        ("Back to top", False, "site furniture"),
        ("BACK  TO   TOP", False, "site furniture"),
        ("Page 3 of 12", False, "page number"),
        ("Yes", True, "page feedback widget"),
        ("Yes", False, None),
        ("Is this page useful?", False, "page feedback widget"),
        ("Privacy notice", True, "site footer"),
        ("Privacy notice", False, None),
        ("Back to top of the findings, we heard", False, None),
        ("3", False, None),
    ],
)
def test_reason_for(line: str, edge: bool, reason: str | None) -> None:
    assert reason_for(line, edge=edge) == reason


def test_every_anywhere_phrase_is_furniture_inside_a_page() -> None:
    text = TEXTS["Hounslow4.txt"].split("\n")
    for phrase, reason, where in FURNITURE:
        lines = [*text[:5], phrase, *text[5:]]
        marked = mark([line.strip() for line in lines])
        assert marked[5] == (reason if where is Where.ANYWHERE else None), phrase


def test_a_text_mentioning_pdf_is_not_a_pdf() -> None:
    assert not is_pdf(b"Downloads\nReport (%PDF-1.4 inside)\n")
    assert is_pdf(b"\n%PDF-1.4\n")


def test_html_string_with_a_byte_order_mark() -> None:
    text = TEXTS["Hounslow4.txt"]
    html = "\ufeff<!DOCTYPE html><html><body><main>" + "".join(
        f"<p>{line}</p>" for line in text.splitlines() if line.strip()
    )
    assert read_text(html).form is Form.HTML
    assert cqcmodel.parse(html) == cqcmodel.parse(text)


_TITLED = sorted(
    name
    for name, text in TEXTS.items()
    if text.split("\n", 1)[0].endswith("local authority assessment")
)


@pytest.mark.parametrize("name", _TITLED)
def test_the_sites_caption_before_the_title_is_set_aside(name: str) -> None:
    text = TEXTS[name]
    authority = cqcmodel.parse("Skip to main content\nLocal authority assessment\n" + text)
    assert authority == cqcmodel.parse(text)
    (entry,) = [e for e in authority.set_aside if e.text == "Local authority assessment"]
    assert (entry.line, entry.reason) == (2, "site furniture before the page")
    with pytest.raises(cqcmodel.ParseError, match="found a paragraph 'Local authority assessment'"):
        cqcmodel.parse("Local authority assessment\n" + text)  # not a second authority


def test_a_pilot_title_is_a_name_then_assessment_not_the_caption() -> None:
    pilot = cqcmodel.parse("Kent County Council assessment\nAssessing needs\nIndicative score: 3\n")
    assert pilot.name == "Kent County Council"
    assert cqcmodel.text.match(cqcmodel.text.Kind.TITLE, "Local authority assessment") is None


_PAGE = (CORPUS / "westminster-1124-theme3-safeguarding.txt").read_text("utf-8")


@pytest.mark.parametrize(
    "after",
    [
        "Is this page useful?\nYes\nNo\nGet updates\n",
        "Is this page useful?\nYes\nNo\n© Care Quality Commission\nCookies on the CQC website\n"
        "We use some essential cookies to make this service work.\n",
    ],
)
def test_the_answers_of_the_feedback_widget_go_with_its_question(after: str) -> None:
    copied = cqcmodel.parse(_PAGE.rstrip("\n") + "\n" + after)
    clean_findings = [f.text for s in cqcmodel.parse(_PAGE).statements for f in s.findings]
    assert [f.text for s in copied.statements for f in s.findings] == clean_findings
    reasons = {entry.text: entry.reason for entry in copied.set_aside}
    assert reasons["Yes"] == reasons["No"] == "page feedback widget"


def test_yes_inside_a_page_without_a_question_is_content() -> None:
    assert reason_for("Yes", edge=False) is None


@pytest.mark.parametrize("opener", ["London Borough of Ealing assessment", "Downloads"])
def test_a_page_start_looks_past_furniture_to_the_next_line_once(opener: str) -> None:
    # The line after the furniture was read twice, so a page cut after its statement title
    # seemed to go on, and the pilot title (or "Downloads") was set aside as the site's.
    text = f"Skip to main content\nShare\n{opener}\nSkip to main content\nAssessing needs\n"
    authority = cqcmodel.parse(text)
    assert [statement.title for statement in authority.statements] == ["Assessing needs"]
    assert [entry.line for entry in authority.set_aside] == [1, 2, 4]


def test_a_pilot_title_before_edge_furniture_still_opens_the_page() -> None:
    # "Menu" is furniture at a page's edge only: the title is not set aside with it, and the
    # line inside the page is an error at its own line, not a page silently without a name.
    text = "Skip to main content\nNottingham City Council assessment\nMenu\nAssessing needs\n"
    with pytest.raises(cqcmodel.ParseError, match="found a paragraph 'Menu'") as caught:
        cqcmodel.parse(text + "Indicative score: 3\n")
    assert caught.value.line == 3


@pytest.mark.parametrize(
    "tail", ["Sign up to our newsletter", "Subscribe to our newsletter", "Newsletter"]
)
def test_newsletter_links_after_the_page_are_furniture(tail: str) -> None:
    copy = _PAGE.rstrip("\n") + f"\nIs this page useful?\nYes\nNo\nGet updates\n{tail}\n"
    assert cqcmodel.parse(copy) == cqcmodel.parse(_PAGE)


def test_a_viewer_copy_is_told_by_page_numbers_between_wrapped_lines() -> None:
    # One wrap that reads on in lower case, and two page numbers that cut a sentence.
    text = (
        "Westminster City Council: local authority assessment\nSafeguarding\nScore: 3\n"
        "Staff worked with partners to support people who\n"
        "1\n"
        "needed care. People said they felt safe at home and\n"
        "2\n"
        "in the community with the support they had.\n"
        "Another paragraph went on and\n"
        "on to its end.\n"
    )
    assert is_pdf_text(text)
    # Numbers after a sentence's end, or after a "Score:" line, tell nothing.
    whole = text.replace("who\n1\nneeded", "who needed.\n1\nNeeded")
    whole = whole.replace("and\n2\nin", "and in\nScore:\n2\nIn")
    assert not is_pdf_text(whole)


def test_a_viewer_copy_is_told_by_lines_cut_at_one_width() -> None:
    # One line goes on in lower case, every other in upper case: the width tells the wraps.
    words = [
        "People",
        "Said",
        "The",
        "Staff",
        "Who",
        "Supported",
        "Them",
        "Listened",
        "Well",
        "To",
        "Them",
    ]
    lines = textwrap.wrap(" ".join(words * 12), 76)
    lines[3:5] = [f"{lines[3]} and", f"said {lines[4]}"]
    assert is_pdf_text("Safeguarding\nScore: 3\n" + "\n".join(lines) + "\n")
    # Lines of many lengths, one wrap among them, are whole lines of page text.
    ragged = [" ".join(words[: 2 + index % 9]) for index in range(len(lines))]
    ragged[3:5] = [f"{ragged[3]} and", f"said {ragged[4]}"]
    assert not is_pdf_text("Safeguarding\nScore: 3\n" + "\n".join(ragged) + "\n")
