"""表2 收入预算表 and 表3 支出预算表: one row per budget unit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.common import amounts, require_block, unit_rows
from loaders.funding import FundingAmounts, funding_amounts

TABLES = ("2", "3")


@dataclass(kw_only=True)
class IncomeBudgetRow(FundingAmounts):
    TABLE: ClassVar[str] = "income_budget"
    row_no: int
    budget_unit: str
    source_line: int


@dataclass(kw_only=True)
class ExpenditureBudgetRow:
    TABLE: ClassVar[str] = "expenditure_budget"
    row_no: int
    budget_unit: str
    expenditure_total: Decimal | None
    basic_expenditure: Decimal | None
    project_expenditure: Decimal | None
    procurement: Decimal | None  # 2020 政府采购项目
    procurement_sme: Decimal | None  # 面向中小企业政府采购项目
    procurement_small_micro: Decimal | None  # 面向小型、微型企业政府采购项目
    source_line: int


def parse(grid, meta) -> list:
    records: list = []
    income = require_block(grid, "2")
    for row_no, row in enumerate(unit_rows(income), start=1):
        records.append(IncomeBudgetRow(
            row_no=row_no, budget_unit=row.cell(0), source_line=row.line_no, **funding_amounts(income, row),
        ))
    expenditure = require_block(grid, "3")
    for row_no, row in enumerate(unit_rows(expenditure), start=1):
        values = amounts(expenditure, row, 1, 6)
        records.append(ExpenditureBudgetRow(
            row_no=row_no, budget_unit=row.cell(0), expenditure_total=values[0], basic_expenditure=values[1],
            project_expenditure=values[2], procurement=values[3], procurement_sme=values[4],
            procurement_small_micro=values[5], source_line=row.line_no,
        ))
    return records
