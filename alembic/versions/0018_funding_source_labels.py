"""The printed lines that name a funding source (the code list budget.funding_source_label).

A Jiangsu report prints where its money comes from as lines of its 收支预算总表's income side
(一、财政拨款 / 1.一般公共预算 / … / 三、其他资金 / 上年结转资金), not as columns of a table by
unit; analysis.funding_sources reads those lines through this list (budget_db/reference/
funding_source_labels.csv, synced by every migration): a label, its numbering and spaces
removed, and the source it names.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "funding_source_label",
        sa.Column("label", sa.Text, primary_key=True),  # as printed, numbering (一、 1.) and spaces removed
        sa.Column("source_code", sa.Text, sa.ForeignKey("budget.funding_source.code"), nullable=False),
        schema="budget",
    )


def downgrade() -> None:
    op.drop_table("funding_source_label", schema="budget")
