"""表10 上级专项转移支付支出预算表: amounts by functional code, with the project on the 项 rows.

Printed as the unit row, then the 类 / 款 / 项 code rows; a 项 row names the project (often a
long title with 〔2019〕-style brackets). The codes also go to the shared code list.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.errors import ReportError
from loaders.functional_expenditure import functional_code
from loaders.common import has_amount
from loaders.grid import parse_amount
from loaders.table_layout import labelled_rows


HEADER = {
    "budget_unit": r"预算单位|单位名称",
    "functional_code": r"科目编码|功能科目编码",
    "functional_name": r"科目名称",
    "project_name": r"项目名称",
    "amount": r"金额|合计",
}


@dataclass(kw_only=True)
class TransferPaymentRow:
    TABLE: ClassVar[str] = "transfer_payment"
    row_no: int
    budget_unit: str | None  # only on the unit (total) row
    fiscal_year: int
    functional_code: str | None
    functional_name: str | None
    project_name: str | None
    amount: Decimal | None
    source_line: int
    table_no: str = ""  # the printed table, set by loaders.report
    project_no: int | None = None  # set by loaders.project_links
    project_match: str | None = None
    project_match_score: Decimal | None = None


def parse(grid, meta) -> list:
    """表10 of a grid in the Shenzhen template (for tests and tools)."""
    block = grid.table("10")
    return read(block, None, meta) if block else []


def read(block, spec, meta) -> list:
    records: list = []
    for row_no, row, cell in labelled_rows(block, HEADER, is_data=has_amount, amount_fields=("amount",)):
        unit, code, name = cell["budget_unit"], cell["functional_code"], cell["functional_name"]
        if code:
            records.append(functional_code(code, name, meta.fiscal_year, block.where(row)))
        elif not unit:
            raise ReportError("a row with neither a unit nor a code", where=block.where(row))
        records.append(TransferPaymentRow(
            row_no=row_no, budget_unit=None if code else unit, fiscal_year=meta.fiscal_year,
            functional_code=code or None, functional_name=name or None,
            project_name=cell["project_name"] or None,
            amount=parse_amount(cell["amount"], where=block.where(row)),
            source_line=row.line_no,
        ))
    return records
