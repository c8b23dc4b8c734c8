"""Validation findings.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from alembic import op  # noqa: F401

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Being written; this revision is reserved so the chain stays linear.
    return None


def downgrade() -> None:
    return None
