"""Rules say which table kinds and templates they read, not which printed table numbers.

validation_rule.appendix (附表 numbers) becomes kinds (budget.table_kind codes); templates lists
the report templates a rule holds in (empty: every template). The column is a copy of
sql/checks/catalog.toml that the runner rewrites on its next run (budget_db.checks.sync_rules), so
both directions empty it rather than keep numbers under the name kinds (or kinds under appendix).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column("validation_rule", "appendix", new_column_name="kinds", schema="budget")
    op.execute("UPDATE budget.validation_rule SET kinds = '{}'")
    op.add_column("validation_rule", sa.Column("templates", sa.ARRAY(sa.Text), nullable=False, server_default="{}"),
                  schema="budget")


def downgrade() -> None:
    op.drop_column("validation_rule", "templates", schema="budget")
    op.alter_column("validation_rule", "kinds", new_column_name="appendix", schema="budget")
    op.execute("UPDATE budget.validation_rule SET appendix = '{}'")
