"""read_pdf: a PDF's text layer -> the lines of the text path, each with its page and row.

pdfplumber reads each page (loaders.pdf.page makes its lines); glyphs a PDF draws twice at
one place (fake bold, or text drawn once per layer: 部部门门) are dropped first with
pdfplumber's dedupe_chars, which compares positions, so real repeats such as 谢谢, printed
side by side, stay. A PDF without any text (a scan) or one that cannot be opened is refused
with one line naming the file.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import ReportError
from loaders.pdf import cache
from loaders.pdf.page import PageLine, page_lines
from loaders.pdf.tables import PdfTable, table_fragments


@dataclass(frozen=True)
class PdfLine:
    """One line of the text made of the PDF, and where it is printed."""

    text: str
    page: int  # 1-based
    table: int | None  # the table's 1-based index on its page; None for a text line
    row: int  # the table's row (1-based, blank rows counted), or the n-th text line of the page


@dataclass(frozen=True)
class PdfText:
    path: str
    sha256: str  # of the file's bytes
    pages: int
    lines: tuple[PdfLine, ...]
    tables: tuple[PdfTable, ...]  # each table as printed on one page, with its continuation

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def page_starts(self) -> tuple[int, ...]:
        """The 1-based line number where each page begins (a page break precedes each but the first)."""
        starts: dict[int, int] = {}
        for line_no, line in enumerate(self.lines, start=1):
            starts.setdefault(line.page, line_no)
        return tuple(starts[page] for page in sorted(starts))

    def source(self, line_no: int) -> PdfLine:
        """Where the 1-based line `line_no` is printed."""
        return self.lines[line_no - 1]


def _may_have_doubles(chars: list[dict]) -> bool:
    """Whether two glyphs of one text, font and size lie within a point of each other (what
    dedupe_chars removes): one pass over position buckets instead of its sort of every char."""
    seen: set[tuple] = set()
    for char in chars:
        x, y = int(char["x0"]), int(char["top"])
        key = (char["text"], char["fontname"], char["size"])
        if any((*key, x + dx, y + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            return True
        seen.add((*key, x, y))
    return False


def _numbered(page: int, lines: list[PageLine]) -> list[PdfLine]:
    text_rows = 0
    numbered = []
    for line in lines:
        if line.table is None:
            text_rows += 1
        numbered.append(PdfLine(line.text, page, line.table, line.row if line.table else text_rows))
    return numbered


def _open_error(exc: Exception) -> str:
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, PDFPasswordIncorrect):
        return "the PDF is encrypted (it needs a password to open), not read"
    detail = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    return f"the PDF cannot be read (damaged?): {type(cause).__name__}" + (f": {detail}" if detail else "")


def _data(path: str | Path, data: bytes | None) -> bytes:
    if data is not None:
        return data
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ReportError(f"cannot read the file: {exc.strerror or exc}", where=str(path)) from exc


def _pages(data: bytes, where: str):
    """(page count, images on the page, the page's lines) page by page; a PDF that cannot be read
    is a ReportError."""
    import pdfplumber  # imported here: the text path does not need it

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                deduped = page.dedupe_chars() if _may_have_doubles(page.chars) else page
                yield len(pdf.pages), len(page.images), _numbered(number, page_lines(deduped))
                page.close()  # pdfplumber caches every page's objects otherwise
    except ReportError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds of errors on a damaged file
        raise ReportError(_open_error(exc), where=where) from exc


def read_pdf(path: str | Path, *, data: bytes | None = None, keep: bool = False) -> PdfText:
    """The text of the PDF at `path` (`data`: its bytes, if already read). In a batch, a text
    kept (`keep`) is not read again (loaders.pdf.cache)."""
    where, data = str(path), _data(path, data)
    sha256 = hashlib.sha256(data).hexdigest()
    kept = cache.load(sha256, where)
    if kept is not None:
        return kept
    lines: list[PdfLine] = []
    images = pages = 0
    for pages, page_images, numbered in _pages(data, where):
        images += page_images
        lines += numbered
    if not any(line.text.strip() for line in lines):
        reason = ("no text layer (scanned?), not read: OCR is not supported" if images
                  else "the PDF has no text (blank pages?)")
        raise ReportError(reason, where=where)
    pdf = PdfText(path=where, sha256=sha256, pages=pages, lines=tuple(lines), tables=table_fragments(lines))
    if keep:
        cache.keep(pdf)
    return pdf


def leading_text(path: str | Path, chars: int, *, data: bytes | None = None) -> str:
    """The first `chars` characters of read_pdf(path).text, reading only the pages they are on."""
    lines: list[str] = []
    length = 0
    for _, _, numbered in _pages(_data(path, data), str(path)):
        lines += (line.text for line in numbered)
        length += sum(len(line.text) + 1 for line in numbered)
        if length > chars:
            break
    return "\n".join(lines)[:chars]
