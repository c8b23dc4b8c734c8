"""Basic expenditure by economic code printed over 类 | 款 columns (301⇥01⇥基本工资).

Shanghai prints one list with 合计 / 人员经费 / 公用经费; the 决算 prints two lists side by side
(人员经费: 301, 303 | 公用经费: 302, 310), each ending in its own total row. Rows land in
budget.basic_expenditure_item in printed order (left before right on a printed line): a total row
is `unit`, a 类 `category`, a 款 `item` under it.
"""

from __future__ import annotations

from loaders.basic_expenditure import BasicExpenditureItem
from loaders.coded_tables import CODE_PARTS, coded_rows, code_of, total_label
from loaders.economic_codes import economic_codes
from loaders.grid import parse_amount

SIDES = ("left:", "right:")


def _known(code: str) -> str | None:
    """The code if the national code list has it (the fact keeps its printed name either way)."""
    return code if any(entry.code == code for entry in economic_codes()) else None


def _item(block, row, cell: dict[str, str], prefix: str, row_no: int, categories: dict) -> BasicExpenditureItem | None:
    where = block.where(row)
    parts = tuple(f"{prefix}{p}" for p in CODE_PARTS[:2])
    label = total_label(cell, (f"{prefix}code_class", f"{prefix}name"))
    name = label or cell[f"{prefix}name"]
    if not name and not cell[f"{prefix}total"]:
        return None  # this side of the printed line is empty
    code = None if label else code_of(block, row, {p.removeprefix(prefix): cell[p] for p in parts},
                                      CODE_PARTS[:2])
    kind = "unit" if label else "category" if code and len(code) == 3 else "item"
    if kind == "category":
        categories[prefix] = name
    return BasicExpenditureItem(
        table_no=block.number, row_no=row_no, item_name=name, row_kind=kind,
        category_name=categories.get(prefix) if kind == "item" else None,
        economic_code=_known(code) if code else None, total=parse_amount(cell[f"{prefix}total"], where=where),
        source_line=row.line_no,
        personnel_expenses=parse_amount(cell.get(f"{prefix}personnel_expenses", ""), where=where),
        public_expenses=parse_amount(cell.get(f"{prefix}public_expenses", ""), where=where),
    )


def read(block, spec, meta) -> list:
    sides = SIDES if any(f.startswith(SIDES[1]) for f in spec.header.fields()) else ("",)
    records: list = []
    categories: dict[str, str] = {}
    for _, row, cell in coded_rows(block, spec):
        for prefix in sides:
            item = _item(block, row, cell, prefix, len(records) + 1, categories)
            if item is not None:
                records.append(item)
    return records
