"""Basic expenditure by economic category (表4 基本支出预算表): the unit row, categories (类), items (款)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.aligned_rows import aligned_rows
from loaders.common import located_rows
from loaders.errors import ReportError
from loaders.functional_expenditure import prints_code_or_total, starts_coded_row
from loaders.economic_codes import category_code, item_code
from loaders.funding import funding_records
from loaders.grid import clean_text, parse_amount


@dataclass(kw_only=True)
class BasicExpenditureItem:
    TABLE: ClassVar[str] = "basic_expenditure_item"
    table_no: str
    row_no: int
    item_name: str
    row_kind: str  # unit | category | item
    category_name: str | None  # the category the report prints the item under
    economic_code: str | None  # the national code for the printed name
    total: Decimal | None
    source_line: int
    personnel_expenses: Decimal | None = None  # 人员经费 column (Shanghai)
    public_expenses: Decimal | None = None  # 公用经费 column (Shanghai)


def read(block, spec, meta) -> list:
    records: list = []
    category, category_code_ = None, None
    for row_no, row, cell in located_rows(block, spec):
        name = cell["budget_unit"]
        code = category_code(name)
        if row_no == 1:
            kind, code = "unit", None
        elif code:
            kind, category, category_code_ = "category", name, code
        else:
            kind, code = "item", item_code(name, category_code_)
        records.append(BasicExpenditureItem(
            table_no=block.number, row_no=row_no, item_name=name, row_kind=kind,
            category_name=category if kind == "item" else None, economic_code=code,
            total=parse_amount(cell["total"], where=block.where(row)), source_line=row.line_no,
        ))
        records.extend(funding_records(block, row, row_no, cell))
    return records


def read_aligned(block, spec, meta) -> list:
    """Economic tables printing the code (类 301, 款 30101) beside the name, one amount (Jiangsu).

    The printed code is kept where the national list has it; a code it lacks is refused.
    """
    from loaders.economic_codes import economic_codes

    known = {entry.code for entry in economic_codes()}
    records: list = []
    category = None
    for row_no, line in enumerate(aligned_rows(block, spec.header, prints_code_or_total, starts_coded_row), start=1):
        code, name = line.cells["economic_code"], line.cells["item_name"]
        where = f"{block.where()}, line {line.line_no}"
        if not code.isdigit():
            kind, name, code = "unit", clean_text(code or name), None
        elif code not in known:
            raise ReportError(f"economic code {code} ({name}) is not in the national classification", where=where)
        elif len(code) == 3:
            kind, category = "category", name
        else:
            kind = "item"
        records.append(BasicExpenditureItem(
            table_no=block.number, row_no=row_no, item_name=name, row_kind=kind,
            category_name=category if kind == "item" else None, economic_code=code,
            total=parse_amount(line.cells["total"], where=where), source_line=line.line_no,
        ))
    return records
