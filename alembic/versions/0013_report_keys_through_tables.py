"""Facts reach their report through their table: no second, row-by-row check of the report.

Each of these tables references budget.report_table on (report_id, table_no) (or
performance_target_project, which does), and report_table references budget.report; both
with ON DELETE CASCADE. Their own `report_id` foreign key to budget.report checked every row a
second time while loading (a third of the COPY's time) and guarded nothing more: a row whose
report does not exist has no report_table row either, and is refused at commit; deleting a report
still removes it, through its table. funding_amount never had the second key.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

THROUGH_THEIR_TABLE = (
    "two_sided_summary_line", "income_budget", "expenditure_budget", "basic_expenditure_item",
    "project_expenditure_item", "functional_expenditure", "transfer_payment", "procurement_item",
    "three_public_expense", "performance_project", "department_performance_row",
    "performance_target_project", "performance_goal", "performance_indicator",
)


def upgrade() -> None:
    for table in THROUGH_THEIR_TABLE:
        op.drop_constraint(f"{table}_report_id_fkey", table, schema="budget", type_="foreignkey")


def downgrade() -> None:
    for table in THROUGH_THEIR_TABLE:
        op.create_foreign_key(f"{table}_report_id_fkey", table, "report", ["report_id"], ["id"],
                              source_schema="budget", referent_schema="budget", ondelete="CASCADE")
