"""Connection strings: converted and redacted with SQLAlchemy's URL parser and libpq's conninfo
parser (psycopg), never with regular expressions: a password may sit in `user:pw@`, in
`?password=` or in a key=value `password=`, and every one of them is hidden in messages."""

from __future__ import annotations

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

HIDDEN = "***"
HIDDEN_IN_QUERY = "redacted"  # a URL query would show *** as %2A%2A%2A


def _parsed(url: str) -> URL | None:
    """SQLAlchemy's reading of a URL; None for key=value strings and URLs it cannot read (several hosts)."""
    if "://" not in url:
        return None
    try:
        return make_url(url)
    except (ArgumentError, ValueError):
        return None


def redact(url: str) -> str:
    """The connection string without its password, wherever the password was."""
    parsed = _parsed(url)
    if parsed is not None:
        if "password" in parsed.query:
            parsed = parsed.update_query_dict({"password": HIDDEN_IN_QUERY})
        return parsed.render_as_string(hide_password=True)
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "(a connection string that cannot be read)"
    if "password" in params:
        params["password"] = HIDDEN
    return make_conninfo(**params)


def _with_driver(url: str, driver: str) -> str:
    parsed = _parsed(url)
    if parsed is not None:
        return parsed.set(drivername=driver).render_as_string(hide_password=False)
    if driver == "postgresql":
        return url  # libpq reads key=value strings and multi-host URLs itself
    return URL.create(driver, query=conninfo_to_dict(url)).render_as_string(hide_password=False)


def libpq_url(url: str) -> str:
    """For psycopg and psql: postgresql+psycopg://, postgres:// … -> postgresql://."""
    return _with_driver(url, "postgresql")


def sqlalchemy_url(url: str) -> str:
    return _with_driver(url, "postgresql+psycopg")


def with_login(url: str, user: str, password: str | None) -> str:
    """The same server and database, another role."""
    parsed = make_url(url).difference_update_query(["user", "password"])
    return parsed.set(username=user, password=password).render_as_string(hide_password=False)


def without_password(url: str) -> tuple[str, str | None]:
    """(the URL with no password, the password): what psql gets as argument and in its environment."""
    parsed = make_url(url)
    password = parsed.password or parsed.query.get("password")
    parsed = parsed.difference_update_query(["password"])._replace(password=None)  # set() ignores None
    return parsed.render_as_string(hide_password=False), password
