"""Where each line of a report read from a PDF is printed: its page, and its table and row
there. Every fact keeps its source_line; this map gives that line's page and row (text input
has no rows here: its line numbers are those of the file). Written with the report, in one
COPY, and deleted with it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_line",
        sa.Column("report_id", sa.BigInteger, nullable=False),
        sa.Column("line_no", sa.Integer, nullable=False),  # the 1-based line of the text read (source_line of facts)
        sa.Column("page", sa.Integer, nullable=False),  # 1-based page of the PDF
        sa.Column("page_table", sa.Integer),  # the table's 1-based index on its page; NULL for a text line
        sa.Column("row_no", sa.Integer, nullable=False),  # the table's row, or the page's n-th text line
        sa.PrimaryKeyConstraint("report_id", "line_no"),
        sa.ForeignKeyConstraint(["report_id"], ["budget.report.id"], ondelete="CASCADE"),
        sa.CheckConstraint("line_no >= 1 AND page >= 1 AND row_no >= 1 AND (page_table IS NULL OR page_table >= 1)",
                           name="source_line_positive"),
        schema="budget",
    )
    op.execute("COMMENT ON TABLE budget.source_line IS '报告各行在 PDF 中的位置（页、表、行）；文本输入无此记录'")


def downgrade() -> None:
    op.drop_table("source_line", schema="budget")
