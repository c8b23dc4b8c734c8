"""PDFs the tests draw (reportlab) instead of shipping: a report text as a ruled PDF, a scan,
a blank one, an encrypted one, and glyphs drawn twice.

A report text becomes a PDF the way publishers print it: each run of TAB lines with the same
number of cells is one ruled table (one row a line, columns as wide as their widest cell),
other lines are text; pages break every `rows_per_page` lines, cutting tables, which go on
on the next page with the same columns.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"  # a CID font every PDF reader knows (Adobe-GB1): no font file needed
SIZE = 7
ROW = SIZE + 6  # a row's height
MARGIN = 30
PAD = 4  # between a cell's rule and its text
EMPTY_CELL = 14  # the width of a column that is empty in every row

pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _width(text: str) -> float:
    return pdfmetrics.stringWidth(text, FONT, SIZE)


def _runs(lines: list[str]) -> list[list[list[str]]]:
    """Consecutive lines grouped: a TAB line run of one cell count is a table (rows of cells);
    a text line is a run of its own, one row of one cell."""
    runs: list[list[list[str]]] = []
    previous = None
    for line in lines:
        cells = line.split("\t")
        shape = len(cells) if len(cells) > 1 else None
        if shape is not None and shape == previous:
            runs[-1].append(cells)
        else:
            runs.append([cells])
        previous = shape
    return runs


def report_pdf(text: str, path: Path, *, rows_per_page: int = 45) -> Path:
    """Draw the non-blank lines of `text` as a PDF (see the module's docstring)."""
    lines = [line for line in text.split("\n") if line.strip()]
    runs = _runs(lines)
    column_widths = []
    for run in runs:
        if len(run[0]) > 1:
            column_widths.append([max(max(_width(row[i]) for row in run) + 2 * PAD, EMPTY_CELL)
                                  for i in range(len(run[0]))])
        else:
            column_widths.append(None)
    page_width = 2 * MARGIN + max(sum(w) if w else _width(run[0][0]) for run, w in zip(runs, column_widths))
    page_height = 2 * MARGIN + rows_per_page * (ROW + 4)
    pdf = canvas.Canvas(str(path), pagesize=(page_width, page_height))
    pdf.setFont(FONT, SIZE)
    pdf.setLineWidth(0.5)
    y = page_height - MARGIN
    on_page = 0
    for run, widths in zip(runs, column_widths):
        for index, row in enumerate(run):
            if on_page == rows_per_page:
                pdf.showPage()
                pdf.setFont(FONT, SIZE)
                pdf.setLineWidth(0.5)
                y, on_page = page_height - MARGIN, 0
            if widths is None:
                pdf.drawString(MARGIN, y - ROW + PAD, row[0])
                y -= ROW + 4
            else:
                # A new table (or a table's first row on a new page) stands apart from what is above it.
                if index == 0 or on_page == 0:
                    y -= 4
                # The row's rules: its top and bottom, and a rule left of each cell and at its end.
                right = MARGIN + sum(widths)
                pdf.line(MARGIN, y, right, y)
                pdf.line(MARGIN, y - ROW, right, y - ROW)
                x = MARGIN
                for cell, width in zip(row, widths):
                    pdf.line(x, y, x, y - ROW)
                    pdf.drawString(x + PAD, y - ROW + PAD, cell)
                    x += width
                pdf.line(right, y, right, y - ROW)
                y -= ROW
            on_page += 1
        if widths is not None:
            y -= 4
    pdf.save()
    return path


def doubled_glyphs_pdf(path: Path) -> Path:
    """A title whose every glyph is drawn twice at one place (as some publishers' PDFs do), and a
    line with real repeats side by side (谢谢, 2,222.22)."""
    pdf = canvas.Canvas(str(path), pagesize=(400, 200))
    pdf.setFont(FONT, 12)
    x = 40
    for char in "部门预算":
        pdf.drawString(x, 150, char)
        pdf.drawString(x + 0.3, 150, char)  # fake bold: the same glyph a fraction of a point over
        x += 12
    pdf.drawString(40, 120, "谢谢 2,222.22")
    pdf.save()
    return path


def scan_pdf(path: Path, pages: int = 2) -> Path:
    """Pages that are images only (what a scanner makes): no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (200, 100), 255)
    ImageDraw.Draw(image).rectangle((20, 20, 180, 80), outline=0)
    pdf = canvas.Canvas(str(path), pagesize=(300, 200))
    for _ in range(pages):
        pdf.drawInlineImage(image, 50, 50, 200, 100)
        pdf.showPage()
    pdf.save()
    return path


def blank_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=(300, 200))
    pdf.rect(20, 20, 100, 50)  # a ruled frame, nothing in it
    pdf.showPage()
    pdf.save()
    return path


def encrypted_pdf(path: Path) -> Path:
    """Text behind a user password (the file opens only with it)."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    pdf = canvas.Canvas(str(path), pagesize=(300, 200),
                        encrypt=StandardEncryption("secret", ownerPassword="owner", strength=128))
    pdf.setFont(FONT, 12)
    pdf.drawString(40, 100, "2020年部门预算")
    pdf.save()
    return path
