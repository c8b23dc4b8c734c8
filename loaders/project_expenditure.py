"""表5 项目支出预算表: the unit row, the groups 一般性项目 / 政府投资项目, and their projects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from loaders.common import require_block, unit_rows
from loaders.funding import PROJECT_FUNDING_COLUMNS, FundingAmounts, funding_amounts

TABLES = ("5",)
GROUPS = ("一般性项目", "政府投资项目")


@dataclass(kw_only=True)
class ProjectExpenditureItem(FundingAmounts):
    TABLE: ClassVar[str] = "project_expenditure_item"
    row_no: int
    item_name: str
    row_kind: str  # unit | group | project
    project_group: str | None
    source_line: int


def parse(grid, meta) -> list[ProjectExpenditureItem]:
    block = require_block(grid, "5")
    data = unit_rows(block)
    records = []
    group = None
    for row_no, row in enumerate(data, start=1):
        name = row.cell(0)
        if row_no == 1:
            kind = "unit"
        elif name in GROUPS and name != group:
            # A group's first row is its subtotal; a project may bear the group's name
            # (the sample's 政府投资项目 group holds one project called 政府投资项目).
            kind, group = "group", name
        else:
            kind = "project"
        records.append(ProjectExpenditureItem(
            row_no=row_no, item_name=name, row_kind=kind, project_group=group if kind != "unit" else None,
            source_line=row.line_no, **funding_amounts(block, row, PROJECT_FUNDING_COLUMNS),
        ))
    return records
