"""Cutting a Jiangsu text into its narrative and its tables.

Jiangsu tables are known by their titles (收支预算总表 …), with or without a printed id
(公开01表, 公开 01 表：, 公开表一) on the title line, above it or below it, or at the foot of the
table's page. A title starts a table only when a 部门：/单位：万元 line follows it within three
lines (the table of contents prints the same titles). A 第N部分 heading ends the tables: in
single-document reports the narrative goes on after them. Page numbers, the 部门/单位 lines and
the notes under a table (注：…, 此表为空) are not rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.grid import NarrativeLine, ReportGrid, Row, TableBlock, clean_text, is_amount, squeeze

_PAGE = re.compile(r"^\s*(?:-\s*\d{1,4}\s*-|\d{1,4}|第\s*\d{1,4}\s*页)\s*$")
_MARKER = re.compile(r"^公开(?:(\d{1,2})表|表([一二三四五六七八九十]{1,3}))[：:]?")
_ORDINAL = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_UNIT = re.compile(r"单\s*位\s*[：:]\s*(万|元)")
_DEPARTMENT = re.compile(r"部\s*门(?:名称)?\s*[：::]\s*(?P<name>.*?)\s*(?:单\s*位\s*[：:].*)?$")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_NOTE = re.compile(r"^(?:注[：:]|说明[：:]|此表为空|具体公开表样附后)")
_NUMERALS = "一二三四五六七八九十"


def chinese_number(text: str) -> int:
    """一 … 十二 (the ids 公开表一 … 公开表十二)."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _NUMERALS.index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_NUMERALS.index(tens) + 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)
    return _NUMERALS.index(text) + 1


class UntabbedRow(Row):
    """A row the conversion printed without cell borders (no TAB): its cells' places are unknown."""


@dataclass
class _Marker:
    printed: str  # 公开01表, 公开表一
    number: int


def _marker(text: str) -> _Marker | None:
    match = _MARKER.match(text)
    if not match:
        return None
    number = int(match[1]) if match[1] else chinese_number(match[2])
    return _Marker(match[0].rstrip("：:"), number)


def _untabbed_cells(line: str) -> tuple[str, ...]:
    """Words split where one side is a number or code; words between them are one cell."""
    cells: list[str] = []
    for word in line.split():
        if cells and not is_amount(word) and not is_amount(cells[-1]):
            cells[-1] = clean_text(f"{cells[-1]} {word}")
        else:
            cells.append(word)
    return tuple(cells)


class _Cutter:
    def __init__(self, lines: list[str], source: str, titles: list[re.Pattern]):
        self.lines, self.source, self.titles = lines, source, titles
        self.narrative: list[NarrativeLine] = []
        self.tables: list[TableBlock] = []
        self.current: TableBlock | None = None
        self.pending: _Marker | None = None  # a printed id waiting for the title below it
        self.numbers: dict[int, int] = {}  # id(block) -> printed number
        self.in_notes = False
        self.departments: set[str] = set()  # the names the 部门： lines print

    def title_at(self, index: int) -> tuple[str, int] | None:
        """(title as printed, lines it takes) if the line starts a table."""
        text = squeeze(self.lines[index])
        if not text or _UNIT.search(text) or _DEPARTMENT.match(text):
            return None
        marker = _marker(text)
        body = _ORDINAL.sub("", text[len(marker.printed):].lstrip("：:") if marker else text)
        if not body:
            return None  # a printed id alone: marker_line decides whose it is
        candidates = [(body, 1)]
        nxt = self._next_nonblank(index)
        if nxt is not None:
            candidates.append((body + squeeze(self.lines[nxt]), nxt - index + 1))
        for candidate, taken in candidates:
            if candidate and any(p.fullmatch(candidate) for p in self.titles) and self._unit_follows(index + taken - 1):
                return candidate, taken
        return None

    def _next_nonblank(self, index: int) -> int | None:
        for j in range(index + 1, min(index + 4, len(self.lines))):
            if self.lines[j].strip():
                return j
        return None

    def _is_title_text(self, text: str) -> bool:
        marker = _marker(text)
        body = _ORDINAL.sub("", text[len(marker.printed):].lstrip("：:") if marker else text)
        return bool(body) and any(p.fullmatch(body) for p in self.titles)

    def _unit_follows(self, index: int) -> bool:
        """A 部门/单位 line follows within three lines, before any other title (not a table of contents)."""
        seen = 0
        for j in range(index + 1, len(self.lines)):
            text = squeeze(self.lines[j])
            if not text or _PAGE.match(text):
                continue
            if _UNIT.search(text) or _DEPARTMENT.match(text):
                return True
            if self._is_title_text(text):
                return False
            seen += 1
            if seen >= 3:
                return False
        return False

    def start(self, title: str, line_no: int, printed: _Marker | None) -> None:
        block = TableBlock(number="", marker_line=line_no, title=title, title_line=line_no, source=self.source)
        self.tables.append(block)
        self.current, self.in_notes = block, False
        marker = printed or self.pending
        self.pending = None
        if marker:
            self._assign(block, marker)

    def _assign(self, block: TableBlock, marker: _Marker) -> None:
        block.number = marker.printed
        self.numbers[id(block)] = marker.number

    def marker_line(self, marker: _Marker, index: int) -> None:
        """A printed id on a line of its own: the current table's, or the next one's."""
        block = self.current
        if block is not None and not block.number:
            position = self.tables.index(block)
            before = self.numbers.get(id(self.tables[position - 1])) if position else 0
            if before == marker.number - 1:
                self._assign(block, marker)
                return
        self.pending = marker

    def table_line(self, line_no: int, raw: str) -> None:
        block = self.current
        text = squeeze(raw)
        if _UNIT.search(text) or (_DEPARTMENT.match(text) and not block.rows):
            department = _DEPARTMENT.match(text)
            name = clean_text(department["name"].replace("\t", " ")) if department else ""
            if name and block.unit_name is None:
                block.unit_name = name
                self.departments.add(squeeze(name))
            if _UNIT.search(text):
                block.unit = block.unit or "万元"
            return
        if self.in_notes or _NOTE.match(text):
            self.in_notes = True
            block.subtitles.append(clean_text(raw))
            return
        if "\t" in raw:
            cells = tuple(clean_text(cell) for cell in raw.split("\t"))
            if any(cells):
                block.rows.append(Row(line_no, cells))
            return
        if text in self.departments:
            return  # the department's name repeated at a page foot
        if not block.rows and block.unit_name is not None and not is_amount(text):
            block.unit_name = clean_text(block.unit_name + text)  # a name wrapped below its 单位 line
            return
        block.rows.append(UntabbedRow(line_no, _untabbed_cells(raw)))

    def cut(self) -> ReportGrid:
        skip_to = -1
        for index, raw in enumerate(self.lines):
            if index <= skip_to:
                continue
            line_no = index + 1
            text = squeeze(raw)
            if not text or _PAGE.match(text):
                continue
            title = self.title_at(index)
            if title:
                self.start(title[0], line_no, _marker(text))
                skip_to = index + title[1] - 1
                continue
            marker = _marker(text)
            if marker and text == marker.printed:
                self.marker_line(marker, index)
                continue
            if _PART.match(text):
                self.current = None
            if self.current is None:
                self.narrative.append(NarrativeLine(line_no, raw.strip()))
                continue
            self.table_line(line_no, raw)
        for block in self.tables:
            block.number = block.number or ""
        last = next((n for n in range(len(self.lines), 0, -1) if self.lines[n - 1].strip()), 0)
        return ReportGrid(source=self.source, narrative=self.narrative, tables=self.tables, last_line=last)


def cut_text(text: str, source: str, titles: list[re.Pattern]) -> ReportGrid:
    """Blocks whose `number` is the printed id ('' when the table prints none: the template names it)."""
    return _Cutter(text.split("\n"), source, titles).cut()
