"""Findings may say `not_checked`: a rule could not compare because a row it needs is missing
(e.g. 表7 without its unit row), which must show, not pass silently.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CONSTRAINT = "validation_finding_severity"


def upgrade() -> None:
    op.drop_constraint(CONSTRAINT, "validation_finding", schema="budget")
    op.create_check_constraint(CONSTRAINT, "validation_finding",
                               "severity IN ('error', 'warning', 'rounding', 'not_checked')", schema="budget")


def downgrade() -> None:
    op.execute("DELETE FROM budget.validation_finding WHERE severity = 'not_checked'")
    op.drop_constraint(CONSTRAINT, "validation_finding", schema="budget")
    op.create_check_constraint(CONSTRAINT, "validation_finding", "severity IN ('error', 'warning', 'rounding')",
                               schema="budget")
