"""The Jiangsu template's facts in the common tables.

- two_sided_summary_line: the sides `function` (功能分类) and `use` (支出用途) of three-sided
  summaries, and label_group, the merged label beside a line (收入预算总表: 一般公共预算资金 | 小计);
- three_public_expense: 会议费, 培训费 and the 合计 of all five, printed beside the 三公;
- basic_expenditure_item, procurement_item, three_public_expense: keyed by table as well as
  row (Jiangsu prints three economic tables: 财政拨款 and 一般公共预算 基本支出, 机关运行经费);
- procurement_item: the lines of a 政府采购预算表 that nests category, project, economic item
  and goods (row_kind, economic_item, item_name, organisation_form, total); project_name may be
  empty on such lines.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(18, 2)
SIDE = "two_sided_side"
ROW_KIND = "procurement_row_kind"
BY_TABLE = ("basic_expenditure_item", "procurement_item", "three_public_expense")


def _key(table: str, columns: list[str]) -> None:
    op.drop_constraint(f"{table}_pkey", table, schema="budget")
    op.create_primary_key(f"{table}_pkey", table, columns, schema="budget")


def upgrade() -> None:
    for table in BY_TABLE:
        _key(table, ["report_id", "table_no", "row_no"])
    op.drop_constraint(SIDE, "two_sided_summary_line", schema="budget")
    op.create_check_constraint(SIDE, "two_sided_summary_line", "side IN ('income', 'expenditure', 'function', 'use')",
                               schema="budget")
    op.add_column("two_sided_summary_line", sa.Column("label_group", sa.Text), schema="budget")
    for column in ("meeting_fee", "training_fee", "grand_total"):
        op.add_column("three_public_expense", sa.Column(column, MONEY), schema="budget")
    op.alter_column("procurement_item", "project_name", nullable=True, schema="budget")
    op.add_column("procurement_item", sa.Column("row_kind", sa.Text), schema="budget")
    for column in ("economic_item", "item_name", "organisation_form"):
        op.add_column("procurement_item", sa.Column(column, sa.Text), schema="budget")
    op.add_column("procurement_item", sa.Column("total", MONEY), schema="budget")
    op.create_check_constraint(
        ROW_KIND, "procurement_item",
        "row_kind IS NULL OR row_kind IN ('total', 'category', 'project', 'economic', 'item')", schema="budget")
    op.create_check_constraint("procurement_project_named", "procurement_item",
                               "project_name IS NOT NULL OR row_kind IS NOT NULL", schema="budget")


def downgrade() -> None:
    op.execute("DELETE FROM budget.procurement_item WHERE row_kind IS NOT NULL")
    op.execute("DELETE FROM budget.two_sided_summary_line WHERE side IN ('function', 'use')")
    op.drop_constraint("procurement_project_named", "procurement_item", schema="budget")
    op.drop_constraint(ROW_KIND, "procurement_item", schema="budget")
    for column in ("total", "organisation_form", "item_name", "economic_item", "row_kind"):
        op.drop_column("procurement_item", column, schema="budget")
    op.alter_column("procurement_item", "project_name", nullable=False, schema="budget")
    for column in ("grand_total", "training_fee", "meeting_fee"):
        op.drop_column("three_public_expense", column, schema="budget")
    op.drop_column("two_sided_summary_line", "label_group", schema="budget")
    op.drop_constraint(SIDE, "two_sided_summary_line", schema="budget")
    op.create_check_constraint(SIDE, "two_sided_summary_line", "side IN ('income', 'expenditure')", schema="budget")
    for table in BY_TABLE:
        _key(table, ["report_id", "row_no"])
