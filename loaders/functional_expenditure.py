"""Expenditure by functional classification code (表7, 表8, 表9: 类 204 / 款 20402 / 项 2040201).

Also yields the codes themselves: the 款 and 项 names exist only in the reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.aligned_rows import aligned_rows
from loaders.common import has_amount, located_rows
from loaders.errors import ReportError
from loaders.grid import clean_text, parse_amount, squeeze

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


def prints_code_or_total(row) -> bool:
    """A data line prints a classification code or the table's 合计."""
    return any(_CODE.match(cell) or squeeze(cell) == "合计" for cell in row.cells) or has_amount(row)


def starts_coded_row(line) -> bool:
    return any(_CODE.match(text) or squeeze(text) == "合计" for text in line.cells.values() if text)


def read_aligned(block, spec, meta) -> list:
    """Functional tables with the code in one column (3/5/7 digits) and one or more amounts.

    The 合计 row is the unit total: its label as printed stands where a unit name would.
    """
    records: list = []
    amount_fields = [c.field for c in spec.header.columns if c.kind == "amount"]
    for row_no, line in enumerate(aligned_rows(block, spec.header, prints_code_or_total, starts_coded_row), start=1):
        code, name = line.cells["functional_code"], line.cells["functional_name"]
        where = f"{block.where()}, line {line.line_no}"
        if not _CODE.match(code):
            total_label, code, name = clean_text(code or name), None, None
        else:
            total_label = None
            records.append(functional_code(code, name, meta.fiscal_year, where))
        amounts = {field: parse_amount(line.cells[field], where=where) for field in amount_fields}
        records.append(FunctionalExpenditure(
            table_no=block.number, row_no=row_no, budget_unit=total_label, fiscal_year=meta.fiscal_year,
            functional_code=code, functional_name=name or None, total=amounts.get("total"),
            basic_expenditure=amounts.get("basic_expenditure"), project_expenditure=amounts.get("project_expenditure"),
            source_line=line.line_no,
        ))
    return records
