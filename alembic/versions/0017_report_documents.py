"""The documents each report version was read from, with the sha256 of each one's bytes.

A Jiangsu report may be two documents (its narrative and its tables), and the report's sha256
is of the two together; a nightly batch could tell that such a pair was already loaded only by
reading both again to pair them (≈ 0.5–1 s a PDF). With each document's sha256 stored, a batch
whose files are all documents of current reports pairs them as they were loaded, reading none.
Single-file versions are filled in here (their sha256 is the file's); the documents of joined
versions loaded before this revision are stored when a batch next sees them.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_document",
        sa.Column("report_id", sa.BigInteger, sa.ForeignKey("budget.report.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.SmallInteger, nullable=False),  # 1: the narrative of a pair, 2: its tables
        sa.Column("source_file", sa.Text, nullable=False),  # the file's name, as the report's source_file
        sa.Column("sha256", sa.Text, nullable=False),  # of the document's bytes
        sa.PrimaryKeyConstraint("report_id", "position"),
        schema="budget",
    )
    op.create_index("report_document_sha256", "report_document", ["sha256"], schema="budget")
    op.execute("INSERT INTO budget.report_document (report_id, position, source_file, sha256) "
               "SELECT id, 1, source_file, sha256 FROM budget.report WHERE strpos(source_file, ' + ') = 0")


def downgrade() -> None:
    op.drop_table("report_document", schema="budget")
