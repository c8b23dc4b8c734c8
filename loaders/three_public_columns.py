"""“三公” tables with one row of amounts and no 年度 column (Shanghai, 部门决算): the year is the report's.

The header map names each column `field` or `field@measure`: the 决算 prints every item twice,
预算数 then 决算数, and becomes one record per measure.
"""

from __future__ import annotations

from loaders.common import has_amount, located_rows
from loaders.errors import ReportError
from loaders.grid import parse_amount
from loaders.three_public_expenses import ThreePublicExpenseRow


def read(block, spec, meta) -> list[ThreePublicExpenseRow]:
    rows = list(located_rows(block, spec, lambda row: has_amount(row) or not any(row.cells), names_wrap=False))
    if len(rows) > 1:
        raise ReportError(f"{len(rows)} rows of amounts, the table prints one", where=block.where(rows[1][1]))
    records = []
    for _, row, cell in rows:
        by_measure: dict[str | None, dict] = {}
        for field, text in cell.items():
            name, _, measure = field.partition("@")
            by_measure.setdefault(measure or None, {})[name] = parse_amount(text, where=block.where(row))
        for row_no, (measure, amounts) in enumerate(by_measure.items(), start=1):
            records.append(ThreePublicExpenseRow(
                row_no=row_no, budget_unit=None, year=meta.fiscal_year, source_line=row.line_no,
                table_no=block.number, measure=measure, **amounts,
            ))
    return records
