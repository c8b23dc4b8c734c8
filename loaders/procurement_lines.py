"""政府采购预算表 of Jiangsu: 采购品目大类 / 专项名称 / 经济科目 / 采购物品名称 / 采购组织形式 / 总计.

Lines nest: 合计, a category (一、货物A), a project (专项名称 with its 经济科目) or an economic
item of the project above, and the goods or services bought (采购物品名称, 采购组织形式). Each
printed line is a row of budget.procurement_item, as printed (a name is not repeated on the
lines below it); row_kind says which it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.aligned_rows import aligned_rows
from loaders.common import has_amount
from loaders.grid import parse_amount, squeeze


@dataclass(kw_only=True)
class ProcurementLine:
    TABLE: ClassVar[str] = "procurement_item"
    table_no: str
    row_no: int
    row_kind: str  # total | category | project | economic | item
    procurement_category: str | None  # 采购品目大类 (or 合计)
    project_name: str | None  # 专项名称
    economic_item: str | None  # 经济科目
    item_name: str | None  # 采购物品名称
    organisation_form: str | None  # 采购组织形式
    total: Decimal | None  # 总计
    source_line: int


def _kind(cells: dict[str, str]) -> str:
    if squeeze(cells["procurement_category"]) == "合计":
        return "total"
    if cells["procurement_category"]:
        return "category"
    if cells["project_name"]:
        return "project"
    if cells["economic_item"]:
        return "economic"
    if not cells["organisation_form"] and cells["item_name"]:
        # goods always print how they are bought: a borderless line's lone name is an economic item
        cells["economic_item"], cells["item_name"] = cells["item_name"], ""
        return "economic"
    return "item"


def read(block, spec, meta) -> list[ProcurementLine]:
    records = []
    starts = lambda line: bool(line.cells["total"])  # every printed line has its 总计
    for row_no, line in enumerate(aligned_rows(block, spec.header, has_amount, starts), start=1):
        cells = line.cells
        kind = _kind(cells)
        records.append(ProcurementLine(
            table_no=block.number, row_no=row_no, row_kind=kind,
            **{field: cells[field] or None for field in ("procurement_category", "project_name", "economic_item",
                                                          "item_name", "organisation_form")},
            total=parse_amount(cells["total"], where=f"{block.where()}, line {line.line_no}"),
            source_line=line.line_no,
        ))
    return records
