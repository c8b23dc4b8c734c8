"""`budget-db db start|stop|status|url|reader` and `budget-db psql`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import psycopg
import typer
from sqlalchemy.engine import make_url

from budget_db import roles
from budget_db.cli import EXIT_REFUSED, EXIT_USAGE, app, database_url, fail, out
from budget_db.config import DATABASE_NAME, Settings
from budget_db.database import connect, embedded_server, first_line
from budget_db.embedded import ServerError, wheel_binaries
from budget_db.private_files import read_pgpass, write_pgpass
from budget_db.urls import redact, with_login, without_password

db_app = typer.Typer(help="The database server: start, stop, status, url; logins for BI tools.",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")


def _say(text: str) -> None:
    out.print(text, markup=False, highlight=False, soft_wrap=True)


@db_app.command("start")
def db_start() -> None:
    """Start the embedded PostgreSQL (initialising it on first use); it keeps running."""
    settings = Settings.from_env()
    if settings.database_url:
        _say(f"DATABASE_URL is set: using {redact(settings.database_url)}; no embedded server started.")
        return
    server = embedded_server(settings)
    try:
        started = server.start()
        server.ensure_database(DATABASE_NAME)
    except ServerError as exc:
        raise fail(str(exc)) from exc
    running = server.running_server()
    state = "started" if started else "already running"
    _say(f"embedded PostgreSQL {state} on 127.0.0.1:{running.port} (pid {running.pid}, data: {server.data_dir})")


@db_app.command("stop")
def db_stop() -> None:
    """Stop the embedded PostgreSQL."""
    settings = Settings.from_env()
    if settings.database_url:
        _say("DATABASE_URL is set: the external server is not ours to stop.")
        return
    try:
        stopped = embedded_server(settings).stop()
    except ServerError as exc:
        raise fail(str(exc)) from exc
    _say("embedded PostgreSQL stopped" if stopped else "embedded PostgreSQL was not running")


def _external_status(url: str) -> None:
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
            revision = conn.execute("SELECT CASE WHEN to_regclass('public.alembic_version') IS NOT NULL "
                                    "THEN (SELECT version_num FROM alembic_version) END").fetchone()[0]
    except psycopg.Error as exc:
        raise fail(f"cannot connect to {redact(url)}: {first_line(exc)}") from exc
    schema = f"schema revision {revision}" if revision else "not migrated yet"
    _say(f"using DATABASE_URL: {redact(url)}: reachable, PostgreSQL {version}, {schema}")


@db_app.command("status")
def db_status() -> None:
    """Say where the server is and whether it answers: exit 0 if it does, 1 if the embedded
    server is not running, 2 if DATABASE_URL's server cannot be reached."""
    settings = Settings.from_env()
    if settings.database_url:
        _external_status(settings.database_url)
        return
    server = embedded_server(settings)
    where = f"home: {server.home}, data: {server.data_dir}"
    running = server.running_server()
    if running is None:
        _say(f"not running ({where}{'' if server.initialized() else ', not initialised'})")
        raise typer.Exit(EXIT_REFUSED)
    note = (f"; BUDGET_DB_PORT={settings.port} applies when it starts"
            if settings.port_set and settings.port != running.port else "")
    if not server.accepting(running.port):
        _say(f"running (pid {running.pid}, port {running.port}) but not accepting connections ({where}){note}")
        raise typer.Exit(EXIT_REFUSED)
    _say(f"running on 127.0.0.1:{running.port}, pid {running.pid}, accepting connections ({where}){note}")


# -- logins for BI tools ---------------------------------------------------------------------
def password_file(name: str) -> Path:
    return Settings.from_env().home / "readers" / f"{name}.pgpass"


def _server_of(url: str) -> tuple[str, int, str]:
    parsed = make_url(url)
    return parsed.host or "localhost", parsed.port or 5432, parsed.database or ""


@db_app.command("reader")
def db_reader(
    name: str = typer.Argument(..., help="the login role to create, or whose password to rotate"),
    analyst: bool = typer.Option(False, "--analyst", help="also read the normalized tables budget.* (every version)"),
    print_password: bool = typer.Option(False, "--print-password",
                                        help="print the password once instead of writing the password file"),
) -> None:
    """Create a LOGIN role for a BI tool (a member of budget_reader: the views), or give an existing
    one a new password. The password goes to a 0600 file in BUDGET_DB_HOME/readers/ (a pgpass
    file), or is printed once with --print-password; `budget-db db url --reader NAME` prints the URL."""
    url = database_url(migrate_to_head=True)
    try:
        with connect(url, autocommit=True) as conn:
            password, created = roles.make_login(conn, name, analyst=analyst)
    except roles.RoleError as exc:
        raise fail(str(exc), EXIT_REFUSED) from exc
    except psycopg.Error as exc:
        raise fail(f"cannot create the role {name}: {first_line(exc)}") from exc
    group = roles.ANALYST_ROLE if analyst else roles.READER_ROLE
    action = "created" if created else "given a new password"
    file = password_file(name)
    if print_password:
        file.unlink(missing_ok=True)  # the old password no longer works
        print(password)
        return
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_pgpass(file, *_server_of(url), name, password)
    _say(f"reader {name} {action} (member of {group}); password in {file} (mode 0600); "
         f"URL: budget-db db url --reader {name}")


def reader_url(name: str, url: str) -> str:
    file = password_file(name)
    if not file.exists():
        raise fail(f"no password file for reader {name} ({file}); `budget-db db reader {name}` makes one")
    _, _, database, user, password = read_pgpass(file)
    # The host and port may change (the embedded server restarted on another port): the login stays.
    if (user, database) != (name, _server_of(url)[2]):
        raise fail(f"the password in {file} is for {user} on database {database}, not this one; "
                   f"`budget-db db reader {name}` makes a new one")
    return with_login(url, name, password)


@db_app.command("url")
def db_url(reader: str | None = typer.Option(None, "--reader", help="the URL of this BI login instead")) -> None:
    """Print a connection URL for psql, pandas and BI tools (starts the embedded server if needed)."""
    url = database_url()
    print(reader_url(reader, url) if reader else url)


# -- psql ------------------------------------------------------------------------------------
def psql_command(url: str, arguments: list[str]) -> tuple[list[str], dict[str, str]]:
    """psql's argv and environment: the password travels in PGPASSWORD, never in argv (which any
    user can read in the process list)."""
    program = wheel_binaries() / "psql"
    if not program.exists():
        program = Path(shutil.which("psql") or "psql")
    bare, password = without_password(url)
    env = {key: value for key, value in os.environ.items() if key != "PGPASSWORD"}
    if password is not None:
        env["PGPASSWORD"] = password
    return [str(program), bare, *arguments], env


@app.command("psql", context_settings={"allow_interspersed_args": False})
def psql(
    arguments: list[str] = typer.Argument(None, help="passed to psql (after --), e.g. -- -c 'SELECT 1'"),
    reader: str | None = typer.Option(None, "--reader", help="connect as this BI login"),
) -> None:
    """Open psql on the database (the password is passed in the environment, not on the command line)."""
    url = database_url()
    argv, env = psql_command(reader_url(reader, url) if reader else url, arguments or [])
    try:
        os.execve(argv[0], argv, env)  # psql takes over this process: its terminal, its signals
    except OSError as exc:
        raise fail(f"cannot run psql ({argv[0]}): {exc.strerror}", EXIT_USAGE) from exc

