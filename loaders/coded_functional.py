"""Amounts by functional code printed over 类 | 款 | 项 columns (Shanghai 收入/支出预算总表 and the
功能分类 tables; the 决算's 收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表).

Rows land in budget.functional_expenditure (one code, 2010507), the 合计 row as the total row
(budget_unit = its label); income columns by source (财政拨款收入, 事业收入 …) as funding rows.
"""

from __future__ import annotations

from loaders.coded_tables import coded_rows, code_of, total_label
from loaders.errors import ReportError
from loaders.functional_expenditure import FunctionalExpenditure, functional_code
from loaders.funding import funding_records
from loaders.grid import parse_amount

# Amount columns a table may print besides 合计 (fields of FunctionalExpenditure).
OPTIONAL = ("basic_expenditure", "project_expenditure", "upper_remittance", "business_expenditure",
            "subsidy_to_subordinate")


def read(block, spec, meta) -> list:
    records: list = []
    for row_no, row, cell in coded_rows(block, spec):
        where = block.where(row)
        label = total_label(cell, ("code_class", "name"))
        code = None if label else code_of(block, row, cell)
        if code is None and label is None:
            raise ReportError("a row with neither a code nor 合计", where=where)
        if code:
            records.append(functional_code(code, cell["name"], meta.fiscal_year, where))
        records.append(FunctionalExpenditure(
            table_no=block.number, row_no=row_no, budget_unit=label, fiscal_year=meta.fiscal_year,
            functional_code=code, functional_name=None if label else cell["name"] or None,
            total=parse_amount(cell["total"], where=where), source_line=row.line_no,
            **{field: parse_amount(cell.get(field, ""), where=where) for field in OPTIONAL},
        ))
        records.extend(funding_records(block, row, row_no, cell))
    return records


# The 决算's 政府性基金 / 国有资本经营 tables also print 年初结转和结余, 本年收入 and 年末结转和结余,
# which budget.functional_expenditure has no place for: a report with amounts there is refused
# (read, not lost) until the model has one; 本年支出 (小计, 基本, 项目) is stored.
_BALANCES = ("opening_balance", "income", "closing_balance")


def read_fund(block, spec, meta) -> list:
    for _, row, cell in coded_rows(block, spec):
        printed = [field for field in _BALANCES if cell.get(field)]
        if printed:
            raise ReportError(f"amounts in {', '.join(printed)}: the model has no place for them yet",
                              where=block.where(row))
    return read(block, spec, meta)
