"""表1 收支预算总表 and 表6 财政拨款收支预算总表: income and expenditure side by side."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.common import has_amount, require_block
from loaders.errors import ReportError
from loaders.grid import parse_amount

TABLES = ("1", "6")


@dataclass
class TwoSidedSummaryLine:
    TABLE: ClassVar[str] = "two_sided_summary_line"
    table_no: int
    row_no: int
    side: str  # income | expenditure
    label: str | None
    amount: Decimal | None
    source_line: int


def parse(grid, meta) -> list[TwoSidedSummaryLine]:
    records = []
    for number in TABLES:
        block = require_block(grid, number)
        _, data = block.split_header(has_amount)
        for row_no, row in enumerate(data, start=1):
            if any(row.cells[4:]):
                raise ReportError("a row of a two-sided summary has more than 4 cells", where=block.where(row))
            for side, offset in (("income", 0), ("expenditure", 2)):
                label, amount = row.cell(offset), row.cell(offset + 1)
                if label or amount:
                    records.append(TwoSidedSummaryLine(
                        table_no=int(number), row_no=row_no, side=side, label=label or None,
                        amount=parse_amount(amount, where=block.where(row)), source_line=row.line_no,
                    ))
    return records
