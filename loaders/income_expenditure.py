"""Tables by budget unit: 表2 收入预算表 (income by funding source) and 表3 支出预算表."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.common import located_rows
from loaders.funding import funding_records
from loaders.grid import parse_amount


@dataclass(kw_only=True)
class IncomeBudgetRow:
    TABLE: ClassVar[str] = "income_budget"
    table_no: str
    row_no: int
    budget_unit: str
    total: Decimal | None
    source_line: int


@dataclass(kw_only=True)
class ExpenditureBudgetRow:
    TABLE: ClassVar[str] = "expenditure_budget"
    table_no: str
    row_no: int
    budget_unit: str
    expenditure_total: Decimal | None
    basic_expenditure: Decimal | None
    project_expenditure: Decimal | None
    procurement: Decimal | None  # 2020 政府采购项目
    procurement_sme: Decimal | None  # 面向中小企业政府采购项目
    procurement_small_micro: Decimal | None  # 面向小型、微型企业政府采购项目
    source_line: int

    AMOUNTS: ClassVar[tuple[str, ...]] = (
        "expenditure_total", "basic_expenditure", "project_expenditure", "procurement", "procurement_sme",
        "procurement_small_micro",
    )


def read_income(block, spec, meta) -> list:
    records: list = []
    for row_no, row, cell in located_rows(block, spec):
        records.append(IncomeBudgetRow(
            table_no=block.number, row_no=row_no, budget_unit=cell["budget_unit"], source_line=row.line_no,
            total=parse_amount(cell["total"], where=block.where(row)),
        ))
        records.extend(funding_records(block, row, row_no, cell))
    return records


def read_expenditure(block, spec, meta) -> list:
    records: list = []
    for row_no, row, cell in located_rows(block, spec):
        records.append(ExpenditureBudgetRow(
            table_no=block.number, row_no=row_no, budget_unit=cell["budget_unit"], source_line=row.line_no,
            **{field: parse_amount(cell[field], where=block.where(row)) for field in ExpenditureBudgetRow.AMOUNTS},
        ))
    return records
