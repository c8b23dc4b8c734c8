"""Tables for 表15 project performance targets, projects and their links.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from alembic import op  # noqa: F401

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Being written; this revision is reserved so the chain stays linear.
    return None


def downgrade() -> None:
    return None
