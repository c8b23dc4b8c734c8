"""Views in schema `appendix`: dropped and re-created together, then re-granted.

Each file under sql/views/ defines one view. Files run in name order, so a view may use only
views whose file name sorts before its own (00_reports.sql comes first). Re-creating all of
them after every migration keeps them in step with the tables (openFEC's convention).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from psycopg import sql

from budget_db.config import VIEWS_DIR

READER_ROLE = "budget_reader"


def view_files(directory: Path = VIEWS_DIR) -> list[Path]:
    return sorted(directory.glob("*.sql"))


def drop_views(connection) -> None:
    """Drop every view in appendix (all of them depend only on budget tables and each other)."""
    raw = _driver(connection)
    rows = raw.execute(
        "SELECT table_name FROM information_schema.views WHERE table_schema = 'appendix'"
    ).fetchall()
    for (name,) in rows:
        raw.execute(sql.SQL("DROP VIEW IF EXISTS appendix.{} CASCADE").format(sql.Identifier(name)))


def views_checksum(directory: Path = VIEWS_DIR) -> str:
    """Identifies the set of view definitions, so that unchanged views are left alone."""
    digest = hashlib.sha256()
    for path in view_files(directory):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"views sha256:{digest.hexdigest()}"


def applied_checksum(raw) -> str | None:
    row = raw.execute("SELECT obj_description(to_regnamespace('appendix'), 'pg_namespace')").fetchone()
    return row[0] if row else None


def create_views(connection, directory: Path = VIEWS_DIR) -> None:
    raw = _driver(connection)
    for path in view_files(directory):
        raw.execute(path.read_text(encoding="utf-8"))
    grant_reader(connection)
    raw.execute(sql.SQL("COMMENT ON SCHEMA appendix IS {}").format(sql.Literal(views_checksum(directory))))


def grant_reader(connection) -> None:
    """The read-only role for BI tools: may read the views and the normalized tables."""
    role = sql.Identifier(READER_ROLE)
    raw = _driver(connection)
    if not raw.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (READER_ROLE,)).fetchone():
        return
    for schema in ("appendix", "budget"):
        raw.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(sql.Identifier(schema), role))
        raw.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(sql.Identifier(schema), role))


def _driver(connection):
    """The psycopg connection under a SQLAlchemy one (same transaction)."""
    return connection.connection.driver_connection
