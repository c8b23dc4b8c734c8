"""Expenditure by functional classification code (表7, 表8, 表9: 类 204 / 款 20402 / 项 2040201).

Also yields the codes themselves: the 款 and 项 names exist only in the reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.common import has_amount, located_rows
from loaders.errors import ReportError
from loaders.grid import parse_amount

_CODE = re.compile(r"^\d{3}(\d{2}(\d{2})?)?$")
LEVELS = {3: "类", 5: "款", 7: "项"}


@dataclass
class FunctionalClassification:
    TABLE: ClassVar[str] = "functional_classification"
    SHARED: ClassVar[bool] = True
    fiscal_year: int
    code: str
    name: str
    level: str
    parent_code: str | None

    @staticmethod
    def insert_order(record: "FunctionalClassification") -> int:
        return len(record.code)  # 类 before 款 before 项: parents first


@dataclass(kw_only=True)
class FunctionalExpenditure:
    TABLE: ClassVar[str] = "functional_expenditure"
    table_no: str
    row_no: int
    budget_unit: str | None  # only on the unit (total) row
    fiscal_year: int
    functional_code: str | None
    functional_name: str | None
    total: Decimal | None
    basic_expenditure: Decimal | None
    project_expenditure: Decimal | None
    source_line: int
    # Printed by the 决算's 支出决算表 only.
    upper_remittance: Decimal | None = None  # 上缴上级支出
    business_expenditure: Decimal | None = None  # 经营支出
    subsidy_to_subordinate: Decimal | None = None  # 对附属单位补助支出


def functional_code(code: str, name: str, fiscal_year: int, where: str) -> FunctionalClassification:
    """The code-list entry for a printed code and name."""
    if not _CODE.match(code):
        raise ReportError(f"not a functional classification code: {code!r}", where=where)
    return FunctionalClassification(
        fiscal_year=fiscal_year, code=code, name=name, level=LEVELS[len(code)],
        parent_code=code[:-2] if len(code) > 3 else None,
    )


def read(block, spec, meta) -> list:
    records: list = []
    for row_no, row, cell in located_rows(block, spec, has_amount):
        unit, code, name = cell["budget_unit"], cell["functional_code"], cell["functional_name"]
        if code:
            records.append(functional_code(code, name, meta.fiscal_year, block.where(row)))
        elif not unit:
            raise ReportError("a row with neither a unit nor a code", where=block.where(row))
        where = block.where(row)
        records.append(FunctionalExpenditure(
            table_no=block.number, row_no=row_no, budget_unit=None if code else unit,
            fiscal_year=meta.fiscal_year, functional_code=code or None, functional_name=name or None,
            total=parse_amount(cell["total"], where=where),
            basic_expenditure=parse_amount(cell["basic_expenditure"], where=where),
            project_expenditure=parse_amount(cell["project_expenditure"], where=where), source_line=row.line_no,
        ))
    return records
