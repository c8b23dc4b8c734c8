"""表14 部门（单位）整体支出绩效目标申报表: a form, stored as rows in printed order.

Row kinds: header (名称, 负责人, 填报人, 联系方式: label and value), amount (资金总额, 基本支出,
项目支出, 其他), overview (职能概述), goal (目标 1 … 目标 N, one row each), indicator
(一级指标, 二级指标, text) and remark (其他说明的问题). The conversion left `<p>` markup in some
cells: it is removed, the text kept. A merged 一级指标 cell is printed once for several rows;
the rows under it carry its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.errors import ReportError
from loaders.goals import paragraphs, split_goals
from loaders.grid import Row, TableBlock, clean_text, is_amount, parse_amount, squeeze


_HEADER_LABEL = re.compile(r"(名称|负责人|填报人|填表人|联系人|联系方式|联系电话|电话|填报日期)$")
_REMARK = re.compile(r"^其他.*(说明|问题)")


@dataclass(kw_only=True)
class DepartmentPerformanceRow:
    TABLE: ClassVar[str] = "department_performance_row"
    row_no: int
    row_kind: str  # header | amount | overview | goal | indicator | remark
    section: str | None  # the printed left-hand label, e.g. 部门总体资金情况（万元）, 年度绩效指标
    label: str | None  # 负责人, 资金总额, 目标 1, 其他说明的问题
    amount: Decimal | None
    first_level_indicator: str | None  # 一级指标
    second_level_indicator: str | None  # 二级指标
    content: str | None  # the value, text or 具体指标
    goal_no: int | None
    source_line: int
    table_no: str = ""  # the printed table, set by loaders.report


def goals(cell: str) -> list[tuple[str | None, int | None, str]]:
    """'<p>目标 1：…</p> <p>目标 2：…</p>' -> [('目标 1', 1, '…'), ('目标 2', 2, '…')]."""
    return [(marker, int(re.sub(r"\D", "", marker)) if marker else None, clean_text(text))
            for marker, text in split_goals(cell)]


def paragraph_text(cell: str) -> str | None:
    return "\n".join(paragraphs(cell)) or None


def _header_pairs(block: TableBlock, row: Row) -> list[tuple[str, str | None]]:
    pairs: list[tuple[str, str | None]] = []
    for cell in row.cells:
        if not cell:
            continue
        if _HEADER_LABEL.search(squeeze(cell)):
            pairs.append((cell, None))
        elif pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], cell)
        else:
            raise ReportError(f"a value without a label in the form's header: {cell!r}", where=block.where(row))
    return pairs


def _indicator_columns(row: Row) -> dict[str, int] | None:
    labels = [squeeze(c) for c in row.cells]
    if "一级指标" in labels and "二级指标" in labels:
        first, second = labels.index("一级指标"), labels.index("二级指标")
        content = next((i for i, label in enumerate(labels) if i > second and label), second + 1)
        return {"first": first, "second": second, "content": content}
    return None


class _Form:
    """Reads the form top to bottom; `section` is the left-hand label in force."""

    def __init__(self, block: TableBlock):
        self.block = block
        self.rows: list[DepartmentPerformanceRow] = []
        self.section: str | None = None
        self.indicators: dict[str, int] | None = None
        self.first_level: str | None = None

    def add(self, row: Row, kind: str, **values) -> None:
        fields = {"section": self.section, "label": None, "amount": None, "first_level_indicator": None,
                  "second_level_indicator": None, "content": None, "goal_no": None} | values
        self.rows.append(DepartmentPerformanceRow(
            row_no=len(self.rows) + 1, row_kind=kind, source_line=row.line_no, **fields))

    def read(self, row: Row) -> None:
        if self.indicators is None and (columns := _indicator_columns(row)):
            self.indicators = columns
            return
        if self.indicators is not None:
            return self._indicator(row)
        if row.cell(0):
            self.section = row.cell(0)
        key = squeeze(self.section or "")
        rest = [c for c in row.cells[1:] if c]
        if "资金" in key:
            label = rest.pop(0) if rest and not is_amount(rest[0]) else None
            if len(rest) > 1:
                raise ReportError(f"more than one amount for {label!r}: {rest!r}", where=self.block.where(row))
            self.add(row, "amount", label=label.rstrip("：:") if label else None,
                     amount=parse_amount(rest[0] if rest else "", where=self.block.where(row)))
        elif "概述" in key or "职能" in key:
            self.add(row, "overview", content=paragraph_text(" ".join(rest)))
        elif "目标" in key:
            for label, number, text in goals(" ".join(rest)):
                self.add(row, "goal", label=label, goal_no=number, content=text)
        else:
            self.section = None
            for label, value in _header_pairs(self.block, row):
                self.add(row, "header", label=label, content=value)

    def _indicator(self, row: Row) -> None:
        columns = self.indicators
        first, second = row.cell(columns["first"]), row.cell(columns["second"])
        content = paragraph_text(row.cell(columns["content"]))
        filled = row.filled
        if filled and _REMARK.match(squeeze(filled[0])):  # 其他说明的问题, in whichever column it is printed
            self.section = None
            self.add(row, "remark", label=filled[0], content=paragraph_text(" ".join(filled[1:])))
            return
        if row.cell(0):
            self.section = row.cell(0)
        if first:
            self.first_level = first
        if not (self.first_level or second or content):
            raise ReportError("an indicator row without 一级指标, 二级指标 or text", where=self.block.where(row))
        self.add(row, "indicator", first_level_indicator=self.first_level, second_level_indicator=second or None,
                 content=content)


def parse(grid, meta) -> list[DepartmentPerformanceRow]:
    """表14 of a grid in the Shenzhen template (for tests and tools)."""
    block = grid.table("14")
    return read(block, None, meta) if block else []


def read(block, spec, meta) -> list[DepartmentPerformanceRow]:
    form = _Form(block)
    for row in block.rows:
        form.read(row)
    return form.rows
