"""Validation: the rule catalog, one run per report, and the findings.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(18, 2)


def upgrade() -> None:
    # A copy of sql/checks/catalog.toml, kept in step by the runner, so BI tools can read
    # each finding's rule (description, kind) next to it.
    op.create_table(
        "validation_rule",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("severity", sa.Text, nullable=False),
        sa.Column("appendix", sa.ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("reads", sa.ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("description", sa.Text, nullable=False),
        sa.CheckConstraint("kind IN ('within', 'across', 'narrative', 'link')", name="validation_rule_kind"),
        sa.CheckConstraint("severity IN ('error', 'warning')", name="validation_rule_severity"),
        schema="budget",
    )
    # The last full run of the catalog over a report: a report with no row was never checked.
    op.create_table(
        "validation_run",
        sa.Column("report_id", sa.BigInteger, sa.ForeignKey("budget.report.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("rules_run", sa.Integer, nullable=False),
        sa.Column("rules_skipped", sa.ARRAY(sa.Text), nullable=False, server_default="{}"),
        schema="budget",
    )
    op.create_table(
        "validation_finding",
        sa.Column("report_id", sa.BigInteger, sa.ForeignKey("budget.report.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("rule_id", sa.Text, sa.ForeignKey("budget.validation_rule.id"), nullable=False),
        sa.Column("finding_no", sa.Integer, nullable=False),
        sa.Column("severity", sa.Text, nullable=False),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("left_value", MONEY),
        sa.Column("right_value", MONEY),
        sa.Column("difference", MONEY),
        sa.Column("source_line", sa.Integer),  # the line of the text file the left value is printed on
        sa.Column("message", sa.Text),
        sa.PrimaryKeyConstraint("report_id", "rule_id", "finding_no"),
        sa.CheckConstraint("severity IN ('error', 'warning', 'rounding')", name="validation_finding_severity"),
        sa.CheckConstraint("difference IS NULL OR difference = left_value - right_value",
                           name="validation_difference_is_left_minus_right"),
        schema="budget",
    )


def downgrade() -> None:
    op.drop_table("validation_finding", schema="budget")
    op.drop_table("validation_run", schema="budget")
    op.drop_table("validation_rule", schema="budget")
