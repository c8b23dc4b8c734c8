"""The shared reader of the report's text grid.

A PDF-to-text conversion gives one line per printed table row with cells joined by TAB.
This module cuts the text into the narrative and the 附表 blocks, drops what page breaks
repeat (单位名称 / 单位 lines and the table's header rows), and cleans cells.
Table modules work on `TableBlock.rows` and never see the raw text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from loaders.errors import ReportError

from loaders.template import Layout

CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’"  # a regex character range
# A space between two CJK characters is a line wrap or a stray gap of the conversion.
_CJK_GAP = re.compile(rf"(?<=[{CJK}])\s+(?=[{CJK}])")
_AMOUNT = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$")


@lru_cache(maxsize=65536)  # cells and labels repeat across rows and reports
def clean_text(text: str) -> str:
    """Text as printed: outer whitespace stripped, wrap gaps between CJK characters removed."""
    return _CJK_GAP.sub("", text.strip())


@lru_cache(maxsize=65536)
def squeeze(text: str) -> str:
    """All whitespace removed: for comparing labels and headers, never for storing."""
    return "".join(text.split())  # str.split() splits on what re's \s matches


# What conversions and publishers print for an amount, besides 145,863.63: full-width digits
# and punctuation (NFKC makes them ASCII), spaces as thousands separators (145 863.63) or
# stray ones next to a separator, (0.10) for a negative, a lone dash for zero.
_DASHES = frozenset("-—–－")
_SPACED_GROUPS = re.compile(r"^-?\d{1,3}( \d{3})+(\.\d+)?$")
# A page number the conversion left between rows: '12', '- 12 -', '第 12 页'.
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d{1,4}\s*-|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?)\s*$")


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line))


# Whitespace before or after a separator. (Replaced by "", not by the separator through a group:
# a template with a group calls back into Python for each match.)
_GAP_AT_SEPARATOR = re.compile(r"\s+(?=[,.])|(?<=[,.])\s+")


@lru_cache(maxsize=65536)  # amounts repeat (0.00, totals): parsed once each
def _amount_text(text: str) -> str | None:
    """The canonical amount text of a printed cell ('-1234.50'), or None if it is no amount."""
    text = unicodedata.normalize("NFKC", text).strip()
    if text in _DASHES:
        return "0"
    negative = len(text) > 2 and text[0] == "(" and text[-1] == ")"
    if negative:
        text = text[1:-1].strip()
    text = _GAP_AT_SEPARATOR.sub("", text)
    if _SPACED_GROUPS.match(text):
        text = text.replace(" ", "")
    if not _AMOUNT.match(text):
        return None
    text = text.replace(",", "")
    if negative:
        text = text[1:] if text.startswith("-") else f"-{text}"
    return text


def is_amount(text: str) -> bool:
    return bool(text.strip()) and _amount_text(text) is not None


def parse_amount(text: str, *, where: str = "") -> Decimal | None:
    """'145,863.63' -> Decimal('145863.63'); an empty cell -> None; '-' -> 0; '(0.10)' -> -0.10."""
    text = text.strip()
    if not text:
        return None
    canonical = _amount_text(text)
    if canonical is None:
        raise ReportError(f"not an amount: {text!r}", where=where)
    return Decimal(canonical)


class _cached_key:
    """functools.cached_property without its lock (Python 3.11 takes one on every first read, and
    most rows are keyed once): the value goes into the instance's __dict__, later reads find it there."""

    def __init__(self, function):
        self.function, self.name = function, function.__name__

    def __get__(self, row, owner=None):
        if row is None:
            return self
        value = row.__dict__[self.name] = self.function(row)
        return value


@dataclass(frozen=True)
class Row:
    """One printed row: its 1-based source line and its cells, cleaned, positions kept."""

    line_no: int
    cells: tuple[str, ...]

    def __init__(self, line_no: int, cells: tuple[str, ...], key: str | None = None):
        # Rows are many: written straight into __dict__ (a frozen dataclass's own __init__ goes
        # through object.__setattr__ per field). `key`: squeeze("".join(cells)), when the caller has it.
        fields = self.__dict__
        fields["line_no"], fields["cells"] = line_no, cells
        if key is not None:
            fields["key"] = key

    def cell(self, index: int) -> str:
        return self.cells[index] if index < len(self.cells) else ""

    @property
    def filled(self) -> list[str]:
        """The non-empty cells in order (for rows whose columns shift)."""
        return list(filter(None, self.cells))

    @_cached_key  # compared often (page-break repeats, header rows)
    def key(self) -> str:
        return squeeze("".join(self.cells))


def split_rows(rows: list[Row], is_data) -> tuple[list[Row], list[Row]]:
    """Header rows are those before the first row that `is_data` accepts."""
    for index, row in enumerate(rows):
        if is_data(row):
            return rows[:index], rows[index:]
    return rows, []


@dataclass
class TableBlock:
    """One 附表 as printed: '表.N', its title, and its rows with page-break repeats removed."""

    number: str  # "1", "7", "15-17"
    marker_line: int
    title: str = ""
    title_line: int = 0
    subtitles: list[str] = field(default_factory=list)
    unit_name: str | None = None
    unit: str | None = None
    rows: list[Row] = field(default_factory=list)
    source: str = ""  # file name, for messages
    repeats: list[tuple[int, int]] = field(default_factory=list)  # (line, the line it repeats), dropped
    dropped: list[Row] = field(default_factory=list)  # the rows `repeats` dropped, as read
    notes: list[str] = field(default_factory=list)  # notes printed under the table (Layout.note)

    @property
    def main_number(self) -> int:
        return int(self.number.split("-")[0])

    @property
    def sub_number(self) -> int | None:
        parts = self.number.split("-")
        return int(parts[1]) if len(parts) > 1 else None

    def where(self, row: Row | None = None) -> str:
        # Made for every amount read (for its error message): one string, not two.
        if row is None:
            return f"{self.source}: 表{self.number}"
        return f"{self.source}: 表{self.number}, line {row.line_no}"

    def split_header(self, is_data: callable) -> tuple[list[Row], list[Row]]:
        return split_rows(self.rows, is_data)


@dataclass
class NarrativeLine:
    line_no: int
    text: str


@dataclass
class ReportGrid:
    source: str
    narrative: list[NarrativeLine]
    tables: list[TableBlock]
    last_line: int = 0  # the last non-empty line of the text

    def table(self, number: str) -> TableBlock | None:
        for block in self.tables:
            if block.number == number:
                return block
        return None

    def tables_numbered(self, main: int) -> list[TableBlock]:
        return [b for b in self.tables if b.main_number == main]


_TITLE_QUOTES = re.compile(r"[“”\"]")


def _tabbed_row(line_no: int, line: str) -> Row:
    """A line with TABs as a row of cleaned cells."""
    # Most lines have no whitespace but their TABs, so nothing to clean, and the line without
    # its TABs is the row's key. (Every whitespace character but ' ' is unprintable; other
    # unprintable characters take the long way.)
    if " " not in line:
        joined = line.replace("\t", "")
        if joined.isprintable():
            return Row(line_no, tuple(line.split("\t")), joined)
    return Row(line_no, tuple(map(clean_text, line.split("\t"))))


def read_grid(text: str, source: str, layout: Layout | None = None) -> ReportGrid:
    """Cut the text into the narrative (before the first table) and the table blocks.

    `layout` is the template's page furniture (default: the Shenzhen template's).
    """
    if layout is None:
        from loaders.templates.shenzhen import LAYOUT as layout
    marker_of, unit_name_of, unit_of = layout.marker.match, layout.unit_name.match, layout.unit.match
    both_of = layout.unit_name_and_unit.match if layout.unit_name_and_unit else (lambda line: None)
    page_number_of = _PAGE_NUMBER.match
    resumes = layout.narrative_resumes.match if layout.narrative_resumes else None
    lines = text.split("\n")
    if "\r" in text:  # CR LF line ends (most texts have none: no line to strip)
        lines = [line.rstrip("\r") for line in lines]
    narrative: list[NarrativeLine] = []
    tables: list[TableBlock] = []
    current: TableBlock | None = None
    # Rows seen since the last 单位名称 line: a page break repeats the table's first rows.
    after_page_header = False
    repeat_index = 0

    for line_no, line in enumerate(lines, start=1):
        marker = marker_of(line)
        if marker:
            number = squeeze(marker.group(1)).replace("－", "-")
            current = TableBlock(number=number, marker_line=line_no, source=source)
            if layout.title_marker:
                current.number = current.title = _TITLE_QUOTES.sub("", number)
                current.title_line = line_no
            tables.append(current)
            after_page_header = False
            continue
        if current is not None and resumes and resumes(line):
            current = None  # the text explains the tables after them
        if current is None:
            if line.strip():
                narrative.append(NarrativeLine(line_no, line.strip()))
            continue
        if not line or line.isspace():  # a blank line
            continue
        both = both_of(line)  # 单位名称：X 单位：万元 on one line (spaces or a TAB between)
        if both:
            line = both["name"]
            current.unit = current.unit or clean_text(both["unit"])
        if "\t" not in line:
            if page_number_of(line):
                continue
            unit_name, unit = unit_name_of(line), unit_of(line)
            if unit_name:
                if current.unit_name is None:
                    current.unit_name = clean_text(unit_name.group(1))
                elif current.rows:
                    after_page_header, repeat_index = True, 0
            elif unit:
                current.unit = current.unit or clean_text(unit.group(1))
            elif layout.note and layout.note.match(line):
                current.notes.append(clean_text(line))
            elif current.rows:
                # A line without TAB among the rows: a row whose trailing TABs the conversion
                # stripped, or the first part of a cell wrapped onto a line of its own.
                current.rows.append(Row(line_no, (clean_text(line),)))
            elif not current.title:
                current.title, current.title_line = clean_text(line), line_no
            else:
                current.subtitles.append(clean_text(line))
            continue
        row = _tabbed_row(line_no, line)
        if after_page_header:
            if repeat_index < len(current.rows) and row.key == current.rows[repeat_index].key:
                repeat_index += 1
                continue
            after_page_header = False
            if current.rows and row.key == current.rows[-1].key:
                # The last row before the page break printed again after it: kept once, reported.
                current.repeats.append((row.line_no, current.rows[-1].line_no))
                current.dropped.append(row)
                continue
        current.rows.append(row)
    last_line = next((n for n in range(len(lines), 0, -1) if lines[n - 1].strip()), 0)
    return ReportGrid(source=source, narrative=narrative, tables=tables, last_line=last_line)
