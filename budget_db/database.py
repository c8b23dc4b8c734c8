"""Which PostgreSQL to use, and connections to it."""

from __future__ import annotations

import psycopg

from budget_db.config import DATABASE_NAME, Settings
from budget_db.embedded import EmbeddedServer
from budget_db.urls import libpq_url, redact, sqlalchemy_url  # noqa: F401 (imported from here too)


class DatabaseUnreachable(RuntimeError):
    """The database cannot be reached; the message names the URL without its password."""


def embedded_server(settings: Settings) -> EmbeddedServer:
    return EmbeddedServer(settings.home, settings.port)


def resolve_url(settings: Settings | None = None, *, start: bool = True) -> str:
    """DATABASE_URL if set, else the embedded server's URL (started on demand)."""
    settings = settings or Settings.from_env()
    if settings.database_url:
        return libpq_url(settings.database_url)
    server = embedded_server(settings)
    if start:
        server.start()
        server.ensure_database(DATABASE_NAME)
    return server.url(DATABASE_NAME)


def connect(url: str, **kwargs) -> psycopg.Connection:
    try:
        return psycopg.connect(url, **kwargs)
    except psycopg.OperationalError as exc:
        raise DatabaseUnreachable(f"cannot connect to {redact(url)}: {first_line(exc)}") from exc


def first_line(exc: Exception) -> str:
    """The first non-empty line of an error (libpq's says what happened), for one-line messages."""
    lines = [line.strip() for line in str(getattr(exc, "orig", None) or exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
