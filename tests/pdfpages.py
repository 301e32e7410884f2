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

#: A small page (A6), so that every page of text runs over several PDF pages.
PAGE = (298.0, 420.0)
MARGIN = 28.0
TOP = PAGE[1] - 40.0
BOTTOM = 40.0
HEADER = "Care Quality Commission - Local authority assessment report"
#: Font, size and indent of each kind of block.
STYLES = {
    "h1": ("Vera-Bold", 14.0, 0.0),
    "h2": ("Vera-Bold", 12.0, 0.0),
    "h3": ("Vera-Bold", 10.5, 0.0),
    "p": ("Vera", 9.0, 0.0),
    "li": ("Vera", 9.0, 10.0),
    "li+": ("Vera", 9.0, 20.0),
}

#: One line drawn: font, size, x, y, text, and whether it opens a block.
Drawn = tuple[str, float, float, float, str, bool]


def layout(text: str) -> list[list[Drawn]]:
    """The lines of each page of ``text`` laid out as a report."""
    pages: list[list[Drawn]] = [[]]
    y = TOP
    for tag, content, continuation in blocks(text):
        kind = "li+" if continuation else tag
        font, size, indent = STYLES[kind]
        shown = f"• {content}" if tag == "li" and not continuation else content
        width = PAGE[0] - 2 * MARGIN - indent
        leading = size * 1.3
        if tag.startswith("h") and y - 3 * leading < BOTTOM:
            pages.append([])  # keep a heading with what follows it
            y = TOP
        for number, line in enumerate(simpleSplit(shown, font, size, width)):
            if y < BOTTOM:
                pages.append([])
                y = TOP
            pages[-1].append((font, size, MARGIN + indent, y, line, number == 0))
            y -= leading
        y -= size * (0.3 if tag == "li" else 0.9)
    return pages


def report_pdf(text: str) -> bytes:
    """``text`` (clean page text) drawn as a report-like PDF."""
    pages = layout(text)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=PAGE, invariant=True)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Vera", 7)
        pdf.drawString(MARGIN, PAGE[1] - 22, HEADER)
        pdf.drawCentredString(PAGE[0] / 2, 18, f"Page {number} of {len(pages)}")
        for font, size, x, y, line, _ in lines:
            pdf.setFont(font, size)
            pdf.drawString(x, y, line)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def report_text(text: str) -> str:
    """``text`` laid out as a report, written as pdftotext writes a PDF's text."""
    pages = layout(text)
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
