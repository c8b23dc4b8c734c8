"""An index of reports by department and year: the analysis views find a report's series (and its
previous year) by department id, so that one report's query reads its own series only and a query
of every report is not a scan of budget.report a report.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("report_department_year", "report", ["department_id", "fiscal_year"], schema="budget")


def downgrade() -> None:
    op.drop_index("report_department_year", table_name="report", schema="budget")
