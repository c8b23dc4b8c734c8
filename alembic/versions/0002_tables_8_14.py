"""Tables for 表10-表14 and the narrative facts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from alembic import op  # noqa: F401

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Being written; this revision is reserved so the chain stays linear.
    return None


def downgrade() -> None:
    return None
