"""The `budget-db` command line.

Exit codes: 0 success; 1 a refused report or a failed check; 2 a usage error or an
unreachable database (the message names the URL without its password).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata

import psycopg
import sqlalchemy.exc
import typer
from rich.console import Console

from budget_db import migrate
from budget_db.config import Settings
from budget_db.database import DatabaseUnreachable, connect, first_line, redact, resolve_url
from budget_db.embedded import ServerError
from budget_db.terminal import one_line

HELP = """budget-db: a PostgreSQL warehouse for departmental budget disclosures (部门预算公开).

Environment: DATABASE_URL names a PostgreSQL server to use (else an embedded one is started);
BUDGET_DB_HOME is where the embedded server keeps its data (default: budget-db in the user's
data folder, $XDG_DATA_HOME or ~/.local/share); BUDGET_DB_PORT is the port it starts on
(default 54329; a running server is found on its own port).
"""
app = typer.Typer(help=HELP, no_args_is_help=True, add_completion=False, rich_markup_mode=None)

# Off a terminal, rich would wrap at 80 columns: printed tables need more.
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 200)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    err.print(one_line(f"budget-db: {message}"), markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def database_url(*, migrate_to_head: bool = False) -> str:
    """The URL to use; exits 2 with a clear message if there is no database to reach."""
    settings = Settings.from_env()
    shown = redact(settings.database_url) if settings.database_url else "the embedded server"
    try:
        url = resolve_url(settings)
        if migrate_to_head:
            migrate.upgrade(url)
        return url
    except (ServerError, DatabaseUnreachable) as exc:
        raise fail(str(exc)) from exc
    except (psycopg.OperationalError, sqlalchemy.exc.OperationalError) as exc:
        raise fail(f"cannot connect to {shown}: {first_line(exc)}") from exc
    except (psycopg.Error, sqlalchemy.exc.SQLAlchemyError) as exc:
        raise fail(f"cannot migrate the database at {shown}: {first_line(exc)}") from exc


@contextmanager
def session(url: str) -> Iterator[psycopg.Connection]:
    """A connection (one transaction); an unreachable or lost database ends the command with exit 2, one line."""
    try:
        conn = connect(url)
    except DatabaseUnreachable as exc:
        raise fail(str(exc)) from exc
    try:
        with conn:
            yield conn
    except psycopg.OperationalError as exc:
        raise fail(f"lost the database {redact(url)}: {first_line(exc)}") from exc


def select_reports(conn, department: str | None, year: int | None,
                   kind: str | None = None) -> list[tuple[int, str, int]]:
    """(report_id, department, fiscal_year) of the current reports matching the options."""
    return conn.execute(
        "SELECT report_id, department, fiscal_year FROM appendix.reports "
        "WHERE (%(d)s::text IS NULL OR department = %(d)s) AND (%(y)s::int IS NULL OR fiscal_year = %(y)s) "
        "AND (%(k)s::text IS NULL OR kind = %(k)s) ORDER BY department, fiscal_year, kind",
        {"d": department, "y": year, "k": kind},
    ).fetchall()


def _print_version(requested: bool) -> None:
    if requested:
        print(f"budget-db {metadata.version('budget-db')}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def options(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                         help="print the version and exit")) -> None:
    # The options every command takes; the help text is HELP.
    return None


@app.command("migrate")
def migrate_command() -> None:
    """Upgrade the database schema to the newest revision (load does this too)."""
    database_url(migrate_to_head=True)
    out.print("database is at the newest revision")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


# The other commands live in their own modules and register themselves on `app`.
from budget_db import cli_check, cli_db, cli_export, cli_load, cli_profile, cli_show  # noqa: E402,F401
