"""Each current report's totals, kept beside its rows: what a ranking or a matrix of every report needs.

`analysis.three_public` ranks a report among every report of its region, year and stage, and
`analysis.department_year_totals` is a row of totals per report: computed from the rows at each
query, one report's rank read every report's 三公 (issue 15: 120 ms at 10,000 reports). The
loader writes the report's row here in its load transaction, from the view
analysis.report_totals_live (the same rows, summed as the views sum them); a version that is
superseded loses its row (a trigger), so the table holds current reports only; applying changed
view files computes every row again (budget_db.totals); deleting a report deletes its row.
Region, year and stage are kept too: a rank partitions by them and reads this table only.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_total",
        sa.Column("report_id", sa.BigInteger, sa.ForeignKey("budget.report.id", ondelete="CASCADE"),
                  primary_key=True),
        # byte order ("C"): the rank groups by them, which needs no linguistic order
        sa.Column("region", sa.Text(collation="C"), nullable=False),
        sa.Column("fiscal_year", sa.Integer, nullable=False),
        sa.Column("stage", sa.Text(collation="C"), nullable=False),  # 预算 / 决算
        sa.Column("expenditure_total", sa.Numeric),  # 万元, exact: amount × wan_yuan
        sa.Column("basic_expenditure", sa.Numeric),
        sa.Column("project_expenditure", sa.Numeric),
        sa.Column("income_total", sa.Numeric),
        sa.Column("functional_total", sa.Numeric),
        sa.Column("three_public_printed", sa.Boolean, nullable=False),  # 三公 printed for the report's own year
        sa.Column("three_public_total", sa.Numeric),
        schema="budget",
    )
    # three_public's rank reads the reports of each region, year and stage in the order of their 三公
    op.create_index("report_total_three_public_rank", "report_total",
                    ["region", "fiscal_year", "stage", sa.text("three_public_total DESC NULLS LAST")],
                    postgresql_include=["report_id"], postgresql_where=sa.text("three_public_printed"),
                    schema="budget")
    op.execute("""
CREATE FUNCTION budget.drop_superseded_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM budget.report_total WHERE report_id = new.id;
    RETURN NULL;
END $$""")
    op.execute("CREATE TRIGGER report_superseded_total AFTER UPDATE OF superseded_at ON budget.report FOR EACH ROW "
               "WHEN (new.superseded_at IS NOT NULL) EXECUTE FUNCTION budget.drop_superseded_total()")


def downgrade() -> None:
    op.execute("DROP TRIGGER report_superseded_total ON budget.report")
    op.execute("DROP FUNCTION budget.drop_superseded_total()")
    op.drop_table("report_total", schema="budget")
