"""表4 基本支出预算表: the unit row, economic categories (类) and their items (款)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from loaders.common import require_block, unit_rows
from loaders.economic_codes import category_code, item_code
from loaders.funding import FundingAmounts, funding_amounts

TABLES = ("4",)


@dataclass(kw_only=True)
class BasicExpenditureItem(FundingAmounts):
    TABLE: ClassVar[str] = "basic_expenditure_item"
    row_no: int
    item_name: str
    row_kind: str  # unit | category | item
    category_name: str | None  # the category the report prints the item under
    economic_code: str | None  # the national code for the printed name
    source_line: int


def parse(grid, meta) -> list[BasicExpenditureItem]:
    block = require_block(grid, "4")
    data = unit_rows(block)
    records = []
    category, category_code_ = None, None
    for row_no, row in enumerate(data, start=1):
        name = row.cell(0)
        code = category_code(name)
        if row_no == 1:
            kind, code = "unit", None
        elif code:
            kind, category, category_code_ = "category", name, code
        else:
            kind, code = "item", item_code(name, category_code_)
        records.append(BasicExpenditureItem(
            row_no=row_no, item_name=name, row_kind=kind, category_name=category if kind == "item" else None,
            economic_code=code, source_line=row.line_no, **funding_amounts(block, row),
        ))
    return records
