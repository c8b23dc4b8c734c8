"""表13 部门预算绩效管理项目情况表: the projects under performance management.

预算执行时间 is printed as a range ('2020.01.01-2020.12.31'): the text is kept and read into
its start and end dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar

from loaders.errors import ReportError
from loaders.common import has_amount
from loaders.grid import parse_amount
from loaders.table_layout import labelled_rows


HEADER = {
    "implementing_unit": r"实施单位|单位名称",
    "project_name": r"项目名称",
    "total": r"^合计$",
    "general_public_budget": r"一般公共预算",
    "other_funds": r"其他资金",
    "period_text": r"执行时间|执行期|实施期",
}
_DATE = r"((?:19|20)\d{2})\s*[./年-]\s*(\d{1,2})\s*[./月-]\s*(\d{1,2})\s*日?"
_PERIOD = re.compile(rf"^{_DATE}\s*(?:-|－|—+|~|～|至|到)\s*{_DATE}$")


@dataclass(kw_only=True)
class PerformanceProject:
    TABLE: ClassVar[str] = "performance_project"
    row_no: int
    implementing_unit: str | None  # 实施单位
    project_name: str
    total: Decimal | None  # 合计
    general_public_budget: Decimal | None  # 一般公共预算拨款
    other_funds: Decimal | None  # 其他资金
    period_text: str | None  # 预算执行时间 as printed
    period_start: date | None
    period_end: date | None
    source_line: int
    table_no: str = ""  # the printed table, set by loaders.report
    project_no: int | None = None  # set by loaders.project_links
    project_match: str | None = None
    project_match_score: Decimal | None = None


def period(text: str, where: str) -> tuple[date | None, date | None]:
    """'2020.01.01-2020.12.31' -> (2020-01-01, 2020-12-31); an empty cell -> (None, None)."""
    if not text:
        return None, None
    match = _PERIOD.match(text)
    if not match:
        raise ReportError(f"预算执行时间 is not a date range such as 2020.01.01-2020.12.31: {text!r}", where=where)
    numbers = [int(n) for n in match.groups()]
    try:
        start, end = date(*numbers[:3]), date(*numbers[3:])
    except ValueError as exc:
        raise ReportError(f"预算执行时间 has an impossible date: {text!r}", where=where) from exc
    if end < start:
        raise ReportError(f"预算执行时间 ends before it starts: {text!r}", where=where)
    return start, end


def parse(grid, meta) -> list[PerformanceProject]:
    """表13 of a grid in the Shenzhen template (for tests and tools)."""
    block = grid.table("13")
    return read(block, None, meta) if block else []


def _without_rows_printed_twice(block) -> None:
    """A project row printed again on the next line is one project: kept once, reported as repeated."""
    kept = []
    for row in block.rows:
        if kept and has_amount(row) and row.key == kept[-1].key and row.line_no == kept[-1].line_no + 1:
            block.repeats.append((row.line_no, kept[-1].line_no))
            continue
        kept.append(row)
    block.rows = kept


def read(block, spec, meta) -> list[PerformanceProject]:
    _without_rows_printed_twice(block)
    records = []
    for row_no, row, cell in labelled_rows(
        block, HEADER, is_data=has_amount,
        amount_fields=("total", "general_public_budget", "other_funds"),
    ):
        where = block.where(row)
        if not cell["project_name"]:
            raise ReportError("a project row without a project name", where=where)
        start, end = period(cell["period_text"], where)
        records.append(PerformanceProject(
            row_no=row_no,
            implementing_unit=cell["implementing_unit"] or None,
            project_name=cell["project_name"],
            total=parse_amount(cell["total"], where=where),
            general_public_budget=parse_amount(cell["general_public_budget"], where=where),
            other_funds=parse_amount(cell["other_funds"], where=where),
            period_text=cell["period_text"] or None,
            period_start=start,
            period_end=end,
            source_line=row.line_no,
        ))
    return records
