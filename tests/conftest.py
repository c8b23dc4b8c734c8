"""A real PostgreSQL for the tests: DATABASE_URL's server if set, else an embedded one.

Either way the session gets a fresh database, migrated to head, dropped at the end.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

from budget_db import migrate
from budget_db.batch import load_file
from budget_db.database import libpq_url
from budget_db.embedded import EmbeddedServer, free_port

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "shenzhen_luohu_police_2020.txt"
# ../shared beside the repo (a git worktree under ../wt/ has it two levels up)
OTHER_LAYOUTS = next((p for p in (base / "shared" / "reports" / "other-layouts" for base in (ROOT.parent, ROOT.parent.parent))
                      if p.exists()), ROOT.parent / "shared" / "reports" / "other-layouts")


def _with_database(url: str, name: str) -> str:
    """The same server URL with another database name."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


@pytest.fixture(scope="session")
def server_url():
    """URL of a maintenance database on the test server."""
    if os.environ.get("DATABASE_URL"):
        yield libpq_url(os.environ["DATABASE_URL"])
        return
    home = Path(tempfile.mkdtemp(prefix="budget-db-test-"))
    home.chmod(0o755)  # the unprivileged server user must reach its data folder
    server = EmbeddedServer(home, free_port())
    server.start()
    yield server.url("postgres")
    server.destroy()
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def fresh_database(server_url):
    """Factory: a new empty database on the test server; all are dropped at the end."""
    created = []

    def make(prefix: str = "budget_test") -> str:
        name = f"{prefix}_{secrets.token_hex(4)}"
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        return _with_database(server_url, name)

    yield make
    with psycopg.connect(server_url, autocommit=True) as conn:
        for name in created:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def database_url(fresh_database):
    """The session's database, migrated to head."""
    url = fresh_database()
    migrate.upgrade(url)
    return url


@pytest.fixture(scope="session")
def sample_report_id(database_url) -> int:
    result = load_file(database_url, SAMPLE)
    assert result.outcome in ("loaded", "unchanged"), result.message
    return result.report_id


@pytest.fixture
def db(database_url):
    with psycopg.connect(database_url, autocommit=True) as conn:
        yield conn


# Columns every view carries after the printed ones (the stable report key; the level of a
# functional row): tests of printed rows compare the columns as printed.
APPENDED_COLUMNS = ("report_key", "level")


def view_columns(conn, view: str) -> tuple[str, ...]:
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'appendix' AND table_name = %s "
        "ORDER BY ordinal_position", (view,)).fetchall()
    return tuple(name for (name,) in rows if name not in APPENDED_COLUMNS)


def rows_of(conn, view: str, report_id: int, columns: tuple[str, ...] = ()) -> list[tuple]:
    """Rows of an appendix view for one report in printed order (the printed columns, or those named)."""
    selected = sql.SQL(", ").join(map(sql.Identifier, columns or view_columns(conn, view)))
    query = sql.SQL("SELECT {} FROM appendix.{} WHERE report_id = %s ORDER BY row_no").format(
        selected, sql.Identifier(view)
    )
    return conn.execute(query, (report_id,)).fetchall()
