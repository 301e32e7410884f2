"""Report-like PDFs (and their pdftotext-style text) built from page text, for reader tests.

No real CQC PDF is available, so the tests lay pages out as a report would: a bold title and
headings in larger type, body text wrapped to the margins, bullets with hanging indents, a
running header and a "Page N of M" footer on every page, and paragraphs that run on from one
page to the next (small pages make that happen on every report). :func:`report_pdf` draws it
with reportlab; :func:`report_text` writes the same layout as pdftotext writes a PDF's text
(wrapped lines, a blank line between blocks, the furniture lines, a form feed between pages).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

import reportlab
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .htmlpages import blocks

_FONTS = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
# Embedded TrueType fonts (Bitstream Vera, shipped with reportlab) carry the map from glyphs
# to characters that PDFs made by word processors carry.
pdfmetrics.registerFont(TTFont("Vera", os.path.join(_FONTS, "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Bold", os.path.join(_FONTS, "VeraBd.ttf")))

HEADER = "Care Quality Commission - Local authority assessment report"


@dataclass(frozen=True)
class Paper:
    """A page size with its margins and type: font, size and indent of each kind of block."""

    size: tuple[float, float]
    margin: float
    styles: dict[str, tuple[str, float, float]]
    bottom: float = 40.0

    @property
    def top(self) -> float:
        return self.size[1] - 40.0


#: The layouts the tests use: a small page (A6), on which every page of text runs over several
#: PDF pages, A5 (for two columns on a small page), and A4 with a report's usual type sizes.
PAPERS = {
    "a6": Paper(
        (298.0, 420.0),
        28.0,
        {
            "h1": ("Vera-Bold", 14.0, 0.0),
            "h2": ("Vera-Bold", 12.0, 0.0),
            "h3": ("Vera-Bold", 10.5, 0.0),
            "p": ("Vera", 9.0, 0.0),
            "li": ("Vera", 9.0, 10.0),
            "li+": ("Vera", 9.0, 20.0),
        },
    ),
    "a5": Paper(
        (420.0, 595.0),
        40.0,
        {
            "h1": ("Vera-Bold", 16.0, 0.0),
            "h2": ("Vera-Bold", 12.0, 0.0),
            "h3": ("Vera-Bold", 10.0, 0.0),
            "p": ("Vera", 9.0, 0.0),
            "li": ("Vera", 9.0, 10.0),
            "li+": ("Vera", 9.0, 20.0),
        },
        bottom=50.0,
    ),
    "a4": Paper(
        (595.0, 842.0),
        56.0,
        {
            "h1": ("Vera-Bold", 18.0, 0.0),
            "h2": ("Vera-Bold", 14.0, 0.0),
            "h3": ("Vera-Bold", 11.0, 0.0),
            "p": ("Vera", 10.0, 0.0),
            "li": ("Vera", 10.0, 12.0),
            "li+": ("Vera", 10.0, 24.0),
        },
        bottom=60.0,
    ),
}

#: One line drawn: font, size, x, y, text, and whether it opens a block.
Drawn = tuple[str, float, float, float, str, bool]


def layout(
    text: str, paper: str = "a6", spacing: float = 1.3, room: float = 0.0
) -> list[list[Drawn]]:
    """The lines of each page of ``text`` laid out as a report on ``paper``.

    ``spacing`` is the line pitch as a share of the font size (1.5 for "1.5 lines"); ``room``
    is kept free above the page's bottom margin (for footnotes).
    """
    form = PAPERS[paper]
    bottom = form.bottom + room
    pages: list[list[Drawn]] = [[]]
    y = form.top
    for tag, content, continuation in blocks(text):
        font, size, indent = form.styles["li+" if continuation else tag]
        shown = f"• {content}" if tag == "li" and not continuation else content
        width = form.size[0] - 2 * form.margin - indent
        leading = size * spacing
        if tag.startswith("h") and y - 3 * leading < bottom:
            pages.append([])  # keep a heading with what follows it
            y = form.top
        for number, line in enumerate(simpleSplit(shown, font, size, width)):
            if y < bottom:
                pages.append([])
                y = form.top
            pages[-1].append((font, size, form.margin + indent, y, line, number == 0))
            y -= leading
        y -= size * (0.3 if tag == "li" else 0.9)
    return pages


def report_pdf(text: str, paper: str = "a6", spacing: float = 1.3) -> bytes:
    """``text`` (clean page text) drawn as a report-like PDF."""
    return drawn_pdf(layout(text, paper, spacing), paper)


#: A block drawn as given: its style (a key of :attr:`Paper.styles`) and its lines, already
#: wrapped.
Block = tuple[str, list[str]]


def blocks_pdf(pages: list[list[Block]], paper: str = "a6", spacing: float = 1.3) -> bytes:
    """Pages of blocks whose line breaks (and page breaks) the caller chose, as a PDF.

    Lines of a block are ``spacing`` times the font size apart, blocks a paragraph space
    apart, as :func:`layout` places them; each page has the running header and page number.
    """
    form = PAPERS[paper]
    drawn: list[list[Drawn]] = []
    for blocks_of_page in pages:
        y = form.top
        drawn.append([])
        for tag, lines in blocks_of_page:
            font, size, indent = form.styles[tag]
            for number, line in enumerate(lines):
                drawn[-1].append((font, size, form.margin + indent, y, line, number == 0))
                y -= size * spacing
            y -= size * (0.3 if tag.startswith("li") else 0.9)
    return drawn_pdf(drawn, paper)


#: Footnotes drawn at a page's foot: the page's index and the lines of its notes.
Notes = dict[int, list[str]]
#: The footnotes' type size and line pitch.
NOTE_SIZE = 6.5
NOTE_PITCH = 8.0


def drawn_pdf(
    pages: list[list[Drawn]],
    paper: str = "a6",
    notes: Notes | None = None,
    *,
    rule: bool = True,
    refs: dict[int, str] | None = None,
) -> bytes:
    """The lines of each page drawn on ``paper``, with a running header and page numbers.

    ``notes`` are drawn at the foot of their pages in small type, under a short rule unless
    ``rule`` is false, above the page number (the page's text must leave room for them).
    ``refs`` are reference marks drawn as superscripts after the first body line of their
    pages.
    """
    form = PAPERS[paper]
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=form.size, invariant=True)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Vera", 7)
        pdf.drawString(form.margin, form.size[1] - 22, HEADER)
        pdf.drawCentredString(form.size[0] / 2, 18, f"Page {number} of {len(pages)}")
        ref = (refs or {}).get(number - 1)
        for font, size, x, y, line, _ in lines:
            pdf.setFont(font, size)
            pdf.drawString(x, y, line)
            if ref is not None and font == "Vera" and size == form.styles["p"][1]:
                pdf.setFont("Vera", size * 0.6)
                pdf.drawString(x + pdfmetrics.stringWidth(line, font, size), y + size * 0.4, ref)
                ref = None
        note = (notes or {}).get(number - 1, [])
        if note:
            y = 30 + NOTE_PITCH * (len(note) - 1)
            if rule:
                pdf.line(form.margin, y + NOTE_PITCH + 1, form.margin + 60, y + NOTE_PITCH + 1)
            pdf.setFont("Vera", NOTE_SIZE)
            for line in note:
                pdf.drawString(form.margin, y, line)
                y -= NOTE_PITCH
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def footnoted_pdf(
    text: str, notes: Notes, paper: str = "a6", *, rule: bool = True, refs: bool = False
) -> bytes:
    """``text`` drawn as a report-like PDF with footnotes at the foot of some pages.

    With ``refs``, the mark a page's first footnote starts with (its number) is drawn as a
    superscript after the page's first body line, as word processors mark a footnote.
    """
    room = NOTE_PITCH * (1 + max(map(len, notes.values()), default=0))
    marks = {page: note[0].split()[0] for page, note in notes.items() if note} if refs else {}
    return drawn_pdf(layout(text, paper, room=room), paper, notes, rule=rule, refs=marks)


#: Points between the two columns of a two-column layout.
GUTTER = 18.0


#: A line to set in a column: font, size, indent, text, whether it opens its block, and the
#: space it takes (its leading, and the block's space after its last line).
_Setting = tuple[str, float, float, str, bool, float]


def column_layout(
    text: str,
    paper: str = "a4",
    spacing: float = 1.3,
    span: frozenset[str] = frozenset({"h1"}),
    columns_after: str | None = None,
) -> list[list[Drawn]]:
    """``text`` laid out in two columns as a report tool lays them out.

    The blocks of the kinds in ``span`` (the title line by default) span the page; so does
    everything from a title line to the heading ``columns_after`` when one is given (one
    column for a page's opening, two for its findings). The blocks between spanning ones
    fill the left column, then the right one, page after page; where they end on a page the
    two columns are balanced (each about half of the lines), as word processors balance the
    columns of a section. A heading that would end a column moves to the next one.
    """
    form = PAPERS[paper]
    width = (form.size[0] - 2 * form.margin - GUTTER) / 2
    pages: list[list[Drawn]] = [[]]
    y = form.top
    run: list[_Setting] = []
    spanning = columns_after is not None
    for tag, content, continuation in blocks(text):
        font, size, indent = form.styles["li+" if continuation else tag]
        shown = f"• {content}" if tag == "li" and not continuation else content
        leading = size * spacing
        after = size * (0.3 if tag == "li" else 0.9)
        if tag == "h1":
            spanning = columns_after is not None
        if not (spanning or tag in span):
            lines = simpleSplit(shown, font, size, width - indent)
            for number, line in enumerate(lines):
                gap = leading + (after if number == len(lines) - 1 else 0.0)
                run.append((font, size, indent, line, number == 0, gap))
            continue
        y = _set_columns(pages, run, y, form, width)
        run = []
        lines = simpleSplit(shown, font, size, form.size[0] - 2 * form.margin - indent)
        if y - leading * (len(lines) + 2) < form.bottom:
            pages.append([])
            y = form.top
        for number, line in enumerate(lines):
            pages[-1].append((font, size, form.margin + indent, y, line, number == 0))
            y -= leading
        y -= after
        if content == columns_after:
            spanning = False
    _set_columns(pages, run, y, form, width)
    return pages


def _set_columns(
    pages: list[list[Drawn]], run: list[_Setting], y: float, form: Paper, width: float
) -> float:
    """The lines of ``run`` set in two columns from ``y`` down: the place below them."""
    while run:
        room = y - form.bottom
        total = sum(setting[-1] for setting in run)
        # Balanced when the rest fits on this page, else the left column is filled first.
        share = total / 2 if total <= 2 * room else room
        used, count = 0.0, 0
        while count < len(run) and (used < share or count == 0) and used < room:
            used += run[count][-1]
            count += 1
        while count > 1 and run[count - 1][0] == "Vera-Bold":
            count -= 1  # keep a heading with what follows it
        left, rest = run[:count], run[count:]
        right: list[_Setting] = []
        used = 0.0
        while rest and used < room:
            used += rest[0][-1]
            right.append(rest.pop(0))
        lowest = y
        for column, settings in enumerate((left, right)):
            here = y
            for font, size, indent, line, opens, gap in settings:
                x = form.margin + column * (width + GUTTER) + indent
                pages[-1].append((font, size, x, here, line, opens))
                here -= gap
            lowest = min(lowest, here)
        run = rest
        if run:
            pages.append([])
            y = form.top
        else:
            y = lowest
    return y


def columns_pdf(
    text: str,
    paper: str = "a4",
    span: frozenset[str] = frozenset({"h1"}),
    columns_after: str | None = None,
) -> bytes:
    """``text`` drawn as a two-column report-like PDF (see :func:`column_layout`)."""
    return drawn_pdf(column_layout(text, paper, span=span, columns_after=columns_after), paper)


def report_text(text: str, paper: str = "a6") -> str:
    """``text`` laid out as a report, written as pdftotext writes a PDF's text."""
    pages = layout(text, paper)
    written: list[str] = []
    for number, lines in enumerate(pages, start=1):
        out = [HEADER, ""]
        for index, (_, _, _, _, line, opens) in enumerate(lines):
            if opens and index:
                out.append("")
            out.append(line)
        out.extend(["", f"Page {number} of {len(pages)}"])
        written.append("\n".join(out) + "\n")
    return "\f".join(written)


def split_paragraphs(text: str) -> int:
    """How many blocks of ``text``'s layout a page break cuts in two."""
    pages = layout(text)
    return sum(1 for page in pages[1:] if page and not page[0][5])
