"""Two-sided summaries (表1 收支预算总表, 表6 财政拨款收支预算总表): income and expenditure side by side."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.common import has_amount, located_rows
from loaders.grid import parse_amount

SIDES = ("income", "expenditure")  # Jiangsu's summaries print the sides function and use instead


@dataclass
class TwoSidedSummaryLine:
    TABLE: ClassVar[str] = "two_sided_summary_line"
    table_no: str
    row_no: int
    side: str  # income | expenditure
    label: str | None
    amount: Decimal | None
    source_line: int
    label_group: str | None = None  # the merged label beside it (收入预算总表: 一般公共预算资金 | 小计)


def read(block, spec, meta) -> list[TwoSidedSummaryLine]:
    records = []
    for row_no, row, cell in located_rows(block, spec, has_amount, names_wrap=False):
        for side in SIDES:
            label, amount = cell[f"{side}_label"], cell[f"{side}_amount"]
            if label or amount:
                records.append(TwoSidedSummaryLine(
                    table_no=block.number, row_no=row_no, side=side, label=label or None,
                    amount=parse_amount(amount, where=block.where(row)), source_line=row.line_no,
                ))
    return records
