"""Rows a report prints twice (the row before a page break printed again after it, or a
project row printed on two lines): read once, and kept here so that a rule reports them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "repeated_row",
        sa.Column("report_id", sa.BigInteger, nullable=False),
        sa.Column("table_no", sa.Text, nullable=False),
        sa.Column("source_line", sa.Integer, nullable=False),  # the repeat, not read
        sa.Column("first_line", sa.Integer, nullable=False),  # the row it repeats, read
        sa.PrimaryKeyConstraint("report_id", "source_line"),
        sa.ForeignKeyConstraint(["report_id", "table_no"], ["budget.report_table.report_id", "budget.report_table.table_no"],
                                ondelete="CASCADE", deferrable=True, initially="DEFERRED"),
        sa.CheckConstraint("first_line < source_line", name="repeated_row_after_its_first"),
        schema="budget",
    )


def downgrade() -> None:
    op.drop_table("repeated_row", schema="budget")
