"""The `budget-db` command line.

Exit codes: 0 success; 1 a refused report or a failed check; 2 a usage error or an
unreachable database (the message names the URL without its password).
"""

from __future__ import annotations

import sys

import psycopg
import sqlalchemy.exc
import typer
from rich.console import Console

from budget_db import migrate
from budget_db.config import DATABASE_NAME, Settings
from budget_db.database import DatabaseUnreachable, embedded_server, first_line, redact, resolve_url
from budget_db.embedded import ServerError

app = typer.Typer(help="budget-db: a PostgreSQL warehouse for departmental budget disclosures (部门预算公开).",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="The database server: start, stop, status, url.", no_args_is_help=True)
app.add_typer(db_app, name="db")

# Off a terminal, rich would wrap at 80 columns: printed tables need more.
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 200)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    err.print(f"budget-db: {message}", markup=False, highlight=False, soft_wrap=True)
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


def select_reports(conn, department: str | None, year: int | None,
                   kind: str | None = None) -> list[tuple[int, str, int]]:
    """(report_id, department, fiscal_year) of the current reports matching the options."""
    return conn.execute(
        "SELECT report_id, department, fiscal_year FROM appendix.reports "
        "WHERE (%(d)s::text IS NULL OR department = %(d)s) AND (%(y)s::int IS NULL OR fiscal_year = %(y)s) "
        "AND (%(k)s::text IS NULL OR kind = %(k)s) ORDER BY department, fiscal_year, kind",
        {"d": department, "y": year, "k": kind},
    ).fetchall()


# -- db -------------------------------------------------------------------------------------
@db_app.command("start")
def db_start() -> None:
    """Start the embedded PostgreSQL (initialising it on first use); it keeps running."""
    settings = Settings.from_env()
    if settings.database_url:
        out.print(f"DATABASE_URL is set: using {redact(settings.database_url)}; no embedded server started.")
        return
    server = embedded_server(settings)
    try:
        started = server.start()
        server.ensure_database(DATABASE_NAME)
    except ServerError as exc:
        raise fail(str(exc)) from exc
    state = "started" if started else "already running"
    out.print(f"embedded PostgreSQL {state} on 127.0.0.1:{settings.port} (data: {server.data_dir})")


@db_app.command("stop")
def db_stop() -> None:
    """Stop the embedded PostgreSQL."""
    settings = Settings.from_env()
    if settings.database_url:
        out.print("DATABASE_URL is set: the external server is not ours to stop.")
        return
    try:
        stopped = embedded_server(settings).stop()
    except ServerError as exc:
        raise fail(str(exc)) from exc
    out.print("embedded PostgreSQL stopped" if stopped else "embedded PostgreSQL was not running")


@db_app.command("status")
def db_status() -> None:
    """Say whether the server is running (exit 1 if not)."""
    settings = Settings.from_env()
    if settings.database_url:
        out.print(f"using DATABASE_URL: {redact(settings.database_url)}")
        return
    server = embedded_server(settings)
    if server.running():
        out.print(f"running on 127.0.0.1:{settings.port} (data: {server.data_dir})")
        return
    out.print(f"not running (data: {server.data_dir}{'' if server.initialized() else ', not initialised'})")
    raise typer.Exit(EXIT_REFUSED)


@db_app.command("url")
def db_url() -> None:
    """Print a connection URL for psql, pandas and BI tools (starts the embedded server if needed)."""
    print(database_url())


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
from budget_db import cli_check, cli_export, cli_load, cli_profile, cli_show  # noqa: E402,F401
