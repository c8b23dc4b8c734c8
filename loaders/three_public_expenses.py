"""表12 “三公”经费财政拨款预算情况表: one record per printed year row.

The sample prints the previous year beside the budget year: that row is comparison data
inside this report (its `year` says which), not a report of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.errors import ReportError
from loaders.grid import parse_amount
from loaders.table_layout import labelled_rows


HEADER = {
    "budget_unit": r"预算单位|单位名称",
    "year": r"^年度$",
    "total": r"总额|合计",
    "overseas_travel": r"出国",
    "official_reception": r"接待",
    "vehicle_subtotal": r"^小计$",
    "vehicle_purchase": r"车购置费$",
    "vehicle_operation": r"运行维护费$",
}
_YEAR = re.compile(r"^((?:19|20)\d{2})\s*年?$")


@dataclass(kw_only=True)
class ThreePublicExpenseRow:
    TABLE: ClassVar[str] = "three_public_expense"
    row_no: int
    budget_unit: str | None
    year: int  # the printed 年度
    total: Decimal | None
    overseas_travel: Decimal | None  # 因公出国（境）费
    official_reception: Decimal | None  # 公务接待费
    vehicle_subtotal: Decimal | None  # 公务用车购置及运行维护费 小计
    vehicle_purchase: Decimal | None
    vehicle_operation: Decimal | None
    source_line: int
    table_no: str = ""  # the printed table, set by loaders.report
    measure: str | None = None  # 预算数 / 决算数 where a table prints both (部门决算); None: its one amount
    operating_expenses: Decimal | None = None  # 机关运行经费, where the table prints it (Shanghai)
    meeting_fee: Decimal | None = None  # 会议费 (Jiangsu prints it beside the 三公)
    training_fee: Decimal | None = None  # 培训费
    grand_total: Decimal | None = None  # 合计 of the 三公, 会议费 and 培训费


def parse(grid, meta) -> list[ThreePublicExpenseRow]:
    """表12 of a grid in the Shenzhen template (for tests and tools)."""
    block = grid.table("12")
    return read(block, None, meta) if block else []


def read(block, spec, meta) -> list[ThreePublicExpenseRow]:
    records = []
    for row_no, row, cell in labelled_rows(block, HEADER, is_data=lambda row: any(_YEAR.match(c) for c in row.cells),
                                           amount_fields=("total",)):
        where = block.where(row)
        year = _YEAR.match(cell["year"])
        if not year:
            raise ReportError(f"年度 is not a year: {cell['year']!r}", where=where)
        amounts = {field: parse_amount(cell[field], where=where) for field in HEADER if field not in ("budget_unit", "year")}
        records.append(ThreePublicExpenseRow(
            row_no=row_no, budget_unit=cell["budget_unit"] or None, year=int(year[1]),
            source_line=row.line_no, **amounts,
        ))
    return records


def read_with_meetings(block, spec, meta) -> list[ThreePublicExpenseRow]:
    """“三公”经费、会议费、培训费支出预算表: one row of amounts under a 3-level header (the budget year)."""
    from loaders.aligned_rows import aligned_rows
    from loaders.common import has_amount

    records = []
    for row_no, line in enumerate(aligned_rows(block, spec.header, has_amount, lambda line: True), start=1):
        where = f"{block.where()}, line {line.line_no}"
        amounts = {field: parse_amount(text, where=where) for field, text in line.cells.items()}
        records.append(ThreePublicExpenseRow(row_no=row_no, budget_unit=None, year=meta.fiscal_year,
                                             source_line=line.line_no, table_no=block.number, **amounts))
    return records
