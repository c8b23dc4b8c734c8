"""Who may read what: BI tools read the views, analysts also the normalized tables.

- budget_reader: USAGE and SELECT on the schemas our views live in (appendix, and analysis or
  a template's schema when a view file names one); not budget.*, so a dashboard sees current
  versions only, as the views show them.
- budget_analyst: a member of budget_reader that also reads budget.* (every version).
Both roles are NOLOGIN; `budget-db db reader NAME` makes a LOGIN role that is a member of one.
The grants are made again after every migration to head (views.apply_views), so new views and
tables are covered.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import psycopg
from psycopg import sql

READER_ROLE = "budget_reader"
ANALYST_ROLE = "budget_analyst"
TABLES_SCHEMA = "budget"
ANALYSIS_SCHEMA = "analysis"  # the analyses' views; readable once it exists, whoever made it
# A forgotten open transaction of a BI session would hold its locks and stop migrations.
IDLE_IN_TRANSACTION_TIMEOUT = "10min"
SCRAM_ITERATIONS = 4096


class RoleError(RuntimeError):
    """A login role that cannot be made or rotated, worded for the user."""


def _exists(raw, role: str) -> bool:
    return raw.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is not None


def _grant_schema(raw, schema: str, role: str) -> None:
    names = {"schema": sql.Identifier(schema), "role": sql.Identifier(role)}
    raw.execute(sql.SQL("GRANT USAGE ON SCHEMA {schema} TO {role}").format(**names))
    raw.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}").format(**names))


def grant_roles(raw, view_schemas: list[str]) -> None:
    """Grant the views' schemas to budget_reader and budget.* to budget_analyst (roles that the
    migrating role could not create are left out)."""
    if raw.execute("SELECT to_regnamespace(%s)", (ANALYSIS_SCHEMA,)).fetchone()[0] is not None:
        view_schemas = sorted({*view_schemas, ANALYSIS_SCHEMA})
    if _exists(raw, READER_ROLE):
        for schema in view_schemas:
            _grant_schema(raw, schema, READER_ROLE)
    if _exists(raw, ANALYST_ROLE):
        _grant_schema(raw, TABLES_SCHEMA, ANALYST_ROLE)


def scram_verifier(password: str, salt: bytes | None = None) -> str:
    """PostgreSQL's SCRAM-SHA-256 form of a password (RFC 5802/7677): the server stores and logs
    this, never the password itself."""
    salt = salt or secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    b64 = lambda data: base64.b64encode(data).decode()  # noqa: E731
    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(hashlib.sha256(client_key).digest())}:{b64(server_key)}"


def _memberships(raw, name: str) -> tuple[bool, set[str]] | None:
    """(has a privilege beyond logging in, groups it is a member of) of an existing role, else None."""
    row = raw.execute(
        "SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls, "
        "coalesce(array_agg(g.rolname) FILTER (WHERE g.rolname IS NOT NULL), '{}') "
        "FROM pg_roles r LEFT JOIN pg_auth_members m ON m.member = r.oid LEFT JOIN pg_roles g ON g.oid = m.roleid "
        "WHERE r.rolname = %s GROUP BY 1", (name,),
    ).fetchone()
    return None if row is None else (row[0], set(row[1]))


def make_login(conn: psycopg.Connection, name: str, *, analyst: bool = False) -> tuple[str, bool]:
    """Create or rotate the LOGIN role `name`, a member of budget_reader (or budget_analyst) only.

    Returns (the new password, whether the role was created). A role that exists and is not one
    of ours (a member of another group or of neither of ours, or one that may create roles or
    databases, replicate, bypass row security or is a superuser) is refused, never changed:
    the login must be able to do what the reader roles allow, nothing else.
    """
    if name.startswith("pg_") or name in (READER_ROLE, ANALYST_ROLE):
        raise RoleError(f"{name!r} is a reserved role name; choose another")
    group, other = (ANALYST_ROLE, READER_ROLE) if analyst else (READER_ROLE, ANALYST_ROLE)
    if not _exists(conn, group):
        raise RoleError(f"the role {group} does not exist (the migrating role may not create roles)")
    existing = _memberships(conn, name)
    ours = {READER_ROLE, ANALYST_ROLE}
    if existing is not None and (existing[0] or not existing[1] & ours or existing[1] - ours):
        raise RoleError(f"the role {name} exists and is not a budget-db reader; choose another name")
    password = secrets.token_urlsafe(24)
    names = {"role": sql.Identifier(name), "verifier": sql.Literal(scram_verifier(password)),
             "group": sql.Identifier(group), "other": sql.Identifier(other)}
    with conn.transaction():
        if existing is None:
            conn.execute(sql.SQL("CREATE ROLE {role} LOGIN PASSWORD {verifier} IN ROLE {group}").format(**names))
        else:
            conn.execute(sql.SQL("ALTER ROLE {role} LOGIN PASSWORD {verifier}").format(**names))
            conn.execute(sql.SQL("GRANT {group} TO {role}").format(**names))
            if other in existing[1]:  # the role is made exactly what was asked for
                conn.execute(sql.SQL("REVOKE {other} FROM {role}").format(**names))
        conn.execute(sql.SQL("ALTER ROLE {role} SET idle_in_transaction_session_timeout = {timeout}").format(
            role=names["role"], timeout=sql.Literal(IDLE_IN_TRANSACTION_TIMEOUT)))
    return password, existing is None
