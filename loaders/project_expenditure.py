"""Project expenditure (表5 项目支出预算表): the unit row, the groups 一般性项目 / 政府投资项目, their projects."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.common import located_rows
from loaders.funding import funding_records
from loaders.grid import parse_amount

GROUPS = ("一般性项目", "政府投资项目")


@dataclass(kw_only=True)
class ProjectExpenditureItem:
    TABLE: ClassVar[str] = "project_expenditure_item"
    table_no: str
    row_no: int
    item_name: str
    row_kind: str  # unit | group | project
    project_group: str | None
    total: Decimal | None
    source_line: int
    project_no: int | None = None  # set by loaders.project_links
    project_match: str | None = None
    project_match_score: Decimal | None = None


def read(block, spec, meta) -> list:
    records: list = []
    group = None
    for row_no, row, cell in located_rows(block, spec):
        name = cell["budget_unit"]
        if row_no == 1:
            kind = "unit"
        elif name in GROUPS and name != group:
            # A group's first row is its subtotal; a project may bear the group's name
            # (the sample's 政府投资项目 group holds one project called 政府投资项目).
            kind, group = "group", name
        else:
            kind = "project"
        records.append(ProjectExpenditureItem(
            table_no=block.number, row_no=row_no, item_name=name, row_kind=kind,
            project_group=group if kind != "unit" else None,
            total=parse_amount(cell["total"], where=block.where(row)), source_line=row.line_no,
        ))
        records.extend(funding_records(block, row, row_no, cell))
    return records
