"""Funding sources of a printed row (表2, 表4, 表5 columns such as 一般公共预算拨款 小计): one row each.

A header map names such a column `funding:<code>` (a code of budget.funding_source); only
printed cells become rows, so an empty cell stays empty (NULL) in the printed views.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.grid import parse_amount

PREFIX = "funding:"


@dataclass(kw_only=True)
class FundingAmount:
    TABLE: ClassVar[str] = "funding_amount"
    table_no: str
    row_no: int
    source_code: str
    amount: Decimal
    amount_as_printed: str | None  # kept when the print is not the plain number
    source_line: int


def funding_records(block, row, row_no: int, cell: dict[str, str]) -> list[FundingAmount]:
    records = []
    for field, text in cell.items():
        if not field.startswith(PREFIX) or not text:
            continue
        amount = parse_amount(text, where=block.where(row))
        records.append(FundingAmount(
            table_no=block.number, row_no=row_no, source_code=field.removeprefix(PREFIX), amount=amount,
            amount_as_printed=None, source_line=row.line_no,
        ))
    return records
