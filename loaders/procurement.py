"""表11 政府采购项目支出预算表: one record per printed line.

The same project may be printed on two lines with different amounts: they stay two rows.
需求时间 is a month ('2020-09') or a phrase ('往年采购'): the text is kept, and the month too
where there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar

from loaders.errors import ReportError
from loaders.grid import is_amount, parse_amount
from loaders.table_layout import labelled_rows


HEADER = {
    "project_name": r"采购项目|项目名称",
    "procurement_category": r"采购品目",
    "service_years": r"服务年限",
    "actual_amount": r"实际指标",
    "annual_amount": r"一年采购指标",
    "demand_time_text": r"需求时间",
    "remark": r"备注",
}
# 2020-09, 2020.9, 2020/09, 2020年9月
_MONTH = re.compile(r"^((?:19|20)\d{2})\s*(?:[-./]|年)\s*(\d{1,2})\s*月?$")
_YEARS = re.compile(r"^(\d{1,2})\s*年?$")


@dataclass(kw_only=True)
class ProcurementItem:
    TABLE: ClassVar[str] = "procurement_item"
    row_no: int
    project_name: str
    procurement_category: str | None  # 采购品目
    service_years: int | None
    actual_amount: Decimal | None  # 实际指标
    annual_amount: Decimal | None  # 一年采购指标
    demand_time_text: str | None  # as printed
    demand_month: date | None  # first day of the printed month
    remark: str | None
    source_line: int
    table_no: str = ""  # the printed table, set by loaders.report
    project_no: int | None = None  # set by loaders.project_links
    project_match: str | None = None
    project_match_score: Decimal | None = None


def demand_month(text: str, where: str) -> date | None:
    """'2020-09' -> 2020-09-01; a phrase without digits ('往年采购') -> None."""
    text = text.strip()
    match = _MONTH.match(text)
    if match:
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ReportError(f"not a month: {text!r}", where=where)
        return date(year, month, 1)
    if re.search(r"\d", text):
        raise ReportError(f"需求时间 is neither a month such as 2020-09 nor a phrase: {text!r}", where=where)
    return None


def _service_years(text: str, where: str) -> int | None:
    if not text:
        return None
    match = _YEARS.match(text)
    if not match:
        raise ReportError(f"服务年限 is not a number of years: {text!r}", where=where)
    return int(match[1])


def parse(grid, meta) -> list[ProcurementItem]:
    """表11 of a grid in the Shenzhen template (for tests and tools)."""
    block = grid.table("11")
    return read(block, None, meta) if block else []


def read(block, spec, meta) -> list[ProcurementItem]:
    records = []
    for row_no, row, cell in labelled_rows(
        block, HEADER, is_data=lambda row: any(is_amount(c) for c in row.cells[1:]),
        amount_fields=("actual_amount", "annual_amount"),
    ):
        where = block.where(row)
        if not cell["project_name"]:
            raise ReportError("a procurement line without a project name", where=where)
        records.append(ProcurementItem(
            row_no=row_no,
            project_name=cell["project_name"],
            procurement_category=cell["procurement_category"] or None,
            service_years=_service_years(cell["service_years"], where),
            actual_amount=parse_amount(cell["actual_amount"], where=where),
            annual_amount=parse_amount(cell["annual_amount"], where=where),
            demand_time_text=cell["demand_time_text"] or None,
            demand_month=demand_month(cell["demand_time_text"], where),
            remark=cell["remark"] or None,
            source_line=row.line_no,
        ))
    return records
