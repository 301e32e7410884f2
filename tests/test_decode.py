"""Bytes to text: UTF-8 that is not all UTF-8, encoding labels as browsers read them, BOMs."""

from __future__ import annotations

import codecs
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cqcmodel
from cqcmodel import ParseError, cli
from cqcmodel.collect import load_all
from cqcmodel.readers import read_bytes
from cqcmodel.readers._decode import decode, text_encoding
from cqcmodel.text import SourceText

from .conftest import CORPUS

#: A statement page in UTF-8, with ’ “ ”.
REPORT = (CORPUS / "hillingdon-1224-theme1-needs.txt").read_text(encoding="utf-8")
#: An about page, whose only letters beyond ASCII are £ signs.
ABOUT = (CORPUS / "ealing-0125.txt").read_text(encoding="utf-8")
#: Two sentences of one of its paragraphs.
SENTENCES = "Northwest London. It is made"


def _error(data: bytes, **options: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        decode(data, source="page.txt", **options)
    return caught.value


def _line_and_column(text: str) -> tuple[int, int]:
    """Where the character after ``text`` is, counted as a ParseError counts."""
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


# --- UTF-8 text with bytes that are not UTF-8 -------------------------------------------------


def test_utf8_cut_inside_its_last_character_is_an_error_at_that_character() -> None:
    text = REPORT.rstrip("\n") + " such as ‘Blokes Losing Timbers’"
    data = text.encode("utf-8")[:-2]  # the file was cut inside the closing quote
    error = _error(data)
    assert (error.line, error.column) == _line_and_column(text[:-1])
    assert "ends inside a UTF-8 character" in error.message
    assert "byte E2" in error.message
    assert "encoding=" in error.message


def test_utf8_with_a_windows_1252_line_is_an_error_at_its_byte() -> None:
    data = REPORT.encode("utf-8") + "Carers’ centre was opened.\n".encode("cp1252")
    error = _error(data)
    assert (error.line, error.column) == (REPORT.count("\n") + 1, 7)
    assert error.line_text == "Carers\ufffd centre was opened."
    assert error.message.startswith("byte 92 is not UTF-8, but the rest of the text is UTF-8")
    first = REPORT.index("’")
    assert f"'’' at line {REPORT[:first].count(chr(10)) + 1}" in error.message
    assert "windows-1252" in error.message
    assert "encoding=" in error.message


def test_the_error_reaches_parse_file_load_and_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "ealing.txt"
    page.write_bytes(REPORT.encode("utf-8") + "Carers’ centre.\n".encode("cp1252"))
    with pytest.raises(ParseError, match="byte 92 is not UTF-8") as caught:
        cqcmodel.parse_file(page)
    assert caught.value.source == str(page)
    with pytest.raises(ParseError, match="byte 92 is not UTF-8"):
        cqcmodel.load(tmp_path)
    assert cli.main(["check", str(tmp_path)]) == 1
    line = REPORT.count("\n") + 1
    assert f"{page}:{line}:7: byte 92 is not UTF-8" in capsys.readouterr().err


def test_windows_1252_with_a_utf8_character_by_accident_is_an_error_saying_so() -> None:
    data = "“CAFÉ’s” menu – £5\n".encode("cp1252")  # É’ is C9 92: UTF-8's ɒ
    error = _error(data)
    assert (error.line, error.column) == (1, 1)
    assert "('ɒ' at line 1, column 5)" in error.message
    assert decode(data, encoding="windows-1252") == "“CAFÉ’s” menu – £5\n"


#: Windows-1252 text as people write it: words (with an accented letter now and then),
#: apostrophes, curly quotes, dashes, pounds, an ellipsis.
_WORDS = st.builds(
    lambda head, accent, tail: head + accent + tail,
    st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8),
    st.sampled_from(["", "", "", "é", "è", "à", "ç", "ï", "ô", "ü", "ñ", "ø"]),
    st.text("abcdefghijklmnopqrstuvwxyz", max_size=5),
)
_TOKENS = st.one_of(
    _WORDS,
    _WORDS.map(lambda word: word + "’s"),
    _WORDS.map(lambda word: f"‘{word}’"),
    _WORDS.map(lambda word: f"“{word}”"),
    st.sampled_from(["–", "—", "…", "£5", "€10", "½", "°C", "©", "•", "12%", "(a)", "3 × 2"]),
)
_CP1252_LINES = st.lists(
    st.lists(_TOKENS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=8
).map(lambda lines: "\n".join(lines) + "\n")


@given(_CP1252_LINES)
def test_windows_1252_text_reads(text: str) -> None:
    assert decode(text.encode("cp1252")) == text


#: UTF-8 text holding at least one character beyond ASCII (no line breaks but ``\n``).
_UTF8_TEXT = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85")
        | st.just("\n"),
        max_size=60,
    )
    .flatmap(
        lambda text: st.tuples(
            st.just(text), st.sampled_from("’é£–“”→中😀"), st.integers(0, len(text))
        )
    )
    .map(lambda parts: parts[0][: parts[2]] + parts[1] + parts[0][parts[2] :])
)


@given(_UTF8_TEXT, st.data())
def test_utf8_text_with_one_bad_byte_is_an_error_at_that_byte(
    text: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(text)))
    bad = data.draw(st.integers(0x80, 0xFF))
    encoded = text[:at].encode("utf-8") + bytes([bad]) + text[at:].encode("utf-8")
    error = _error(encoded)
    assert (error.line, error.column) == _line_and_column(text[:at])
    assert f"{bad:02X}" in error.message


# --- a byte order mark ------------------------------------------------------------------------


def test_with_a_utf8_bom_the_error_names_the_byte_line_and_column() -> None:
    error = _error(codecs.BOM_UTF8 + "ab\nx’s".encode("cp1252"))
    assert (error.line, error.column) == (2, 2)
    assert error.message.startswith("byte 92 is not UTF-8 text, as the file's byte order mark")


def test_a_utf8_bom_on_windows_1252_text_is_an_error_at_its_first_pound() -> None:
    error = _error(codecs.BOM_UTF8 + ABOUT.encode("cp1252"))
    assert (error.line, error.column) == _line_and_column(ABOUT[: ABOUT.index("£")])
    assert error.message.startswith("byte A3 is not UTF-8 text")


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_with_a_utf16_or_utf32_bom_the_error_is_at_the_bad_character(codec: str) -> None:
    data = "ab\nxy".encode(codec)  # with its byte order mark
    width = len("a".encode(codec + ("-le" if data[0] == 0xFF else "-be")))
    error = _error(data[: -width + 1])  # the last character cut short
    assert (error.line, error.column) == (2, 2)


# --- encoding labels --------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["latin-1", "latin1", "iso-8859-1", "l1", "us-ascii", "ascii"])
def test_latin1_and_ascii_labels_are_read_as_windows_1252(label: str) -> None:
    assert text_encoding(label) == "windows-1252"
    assert decode(b"People\x92s views \x85 \x93good\x94", encoding=label) == (
        "People’s views … “good”"
    )


def test_a_cp1252_ellipsis_read_as_latin1_keeps_the_paragraph(tmp_path: Path) -> None:
    text = ABOUT.replace(SENTENCES, "Northwest London… It is made")
    path = tmp_path / "ealing.txt"
    path.write_bytes(text.encode("cp1252"))
    assert cqcmodel.parse_file(path, encoding="latin-1") == cqcmodel.parse(text)


def test_a_line_separator_inside_a_paragraph_is_a_space(tmp_path: Path) -> None:
    path = tmp_path / "ealing.txt"
    path.write_bytes(ABOUT.replace(SENTENCES, "Northwest London.\u2028It is made").encode())
    assert cqcmodel.parse_file(path) == cqcmodel.parse(ABOUT)


def test_a_next_line_inside_a_paragraph_is_a_space(tmp_path: Path) -> None:
    path = tmp_path / "ealing.txt"
    path.write_bytes(ABOUT.replace(SENTENCES, "Northwest London.\x85It is made").encode())
    assert cqcmodel.parse_file(path) == cqcmodel.parse(ABOUT)


def test_next_line_ends_lines_in_a_text_with_no_other_line_end() -> None:
    page = "Safeguarding\x85Score: 3\x85People felt safe.\x85"
    assert decode(page.encode()) == page
    assert decode(page.encode("cp037"), encoding="cp037") == page  # EBCDIC's own line end


def test_a_paragraph_separator_stays_a_line_break() -> None:
    text = decode("one\u2029two\u2028three\x85four\n".encode())
    assert SourceText(text).lines == ("one", "two three four", "")


def test_a_string_and_a_file_read_line_separators_alike(tmp_path: Path) -> None:
    """The normalisation reads them, so ``parse`` of a string agrees with ``parse_file``."""
    text = ABOUT.replace(SENTENCES, "Northwest London.\u2028It is made")
    path = tmp_path / "ealing.txt"
    path.write_bytes(text.encode())
    assert cqcmodel.parse(text) == cqcmodel.parse_file(path) == cqcmodel.parse(ABOUT)


# --- encodings that are not text encodings ----------------------------------------------------


NOT_TEXT = ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri"]


@pytest.mark.parametrize("name", NOT_TEXT)
def test_a_codec_that_is_not_a_text_encoding_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "ealing.txt"
    path.write_text(REPORT, encoding="utf-8")
    message = f"{name!r} is not a text encoding"
    with pytest.raises(ParseError, match=message) as caught:
        cqcmodel.parse_file(path, encoding=name)
    assert caught.value.source == str(path)
    with pytest.raises(ParseError, match=message):
        cqcmodel.load(tmp_path, encoding=name)
    with pytest.raises(ParseError, match=message):
        load_all(tmp_path, encoding=name)  # before reading: nothing could be read


@pytest.mark.parametrize("name", ["bogus", "", "utf\x008"])
def test_an_unknown_encoding_is_refused(name: str) -> None:
    with pytest.raises(ParseError, match="unknown encoding"):
        read_bytes(b"text", encoding=name)


def test_a_codec_that_refuses_all_bytes_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not undefined text"):
        read_bytes(b"text", encoding="undefined")


@pytest.mark.parametrize("command", [name for name, c in cli.COMMANDS.items() if c.reads_pages])
@pytest.mark.parametrize("name", ["rot13", "base64", "bogus"])
def test_every_command_refuses_an_encoding_that_is_not_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    extra = {"plot": ["heatmap"]}.get(command, [])
    outputs = {"report": ["--out", str(tmp_path / "site")], "plot": ["-o", "x.png"]}
    argv = [command, *extra, "--encoding", name, *outputs.get(command, []), str(tmp_path)]
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --encoding: {name!r} is " in err or f"unknown encoding {name!r}" in err
    result = subprocess.CompletedProcess(argv, 2, "", err)
    assert "Traceback" not in result.stderr
