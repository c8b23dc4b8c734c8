"""Views (schema `appendix`, and others such as `analysis`): applied from sql/views/ with
CREATE OR REPLACE, never CASCADE.

Each file defines one view, or one shape for several views: a file whose first lines are
`-- @view [SCHEMA.]NAME key=value …` is rendered once per such line, with {view} and each {key}
bound as identifier and literal (the schema defaults to appendix). Files run in name order, so a view may use only views whose file sorts
before its own (00_reports.sql comes first). CREATE OR REPLACE keeps users' views on ours and
their grants; a change it cannot make (a column renamed or dropped) re-creates the view, unless
an object that is not ours depends on it: then the migration stops with a message naming it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from budget_db import roles, totals
from budget_db.config import VIEWS_DIR

SCHEMA = "appendix"
_INSTANCE = re.compile(r"^--\s*@view\s+(?:(\w+)\.)?(\w+)(.*)$")
_ARGUMENT = re.compile(r"(\w+)=(\S.*?)(?=\s+\w+=|$)")
_CREATE = re.compile(r"CREATE\s+OR\s+REPLACE\s+VIEW\s+(\w+)\.(\w+)", re.IGNORECASE)


# Columns many views share, commented here once rather than in every file.
STANDARD_COMMENTS = {
    "department": "单位名称",
    "fiscal_year": "预算年度",
    "row_no": "行号（印刷顺序）",
    "report_key": "（派生）报告标识（各版本不变）",
}
# Columns the analysis views share: a comment where the view's file gives none.
ANALYSIS_COMMENTS = {
    "region": "地区",
    "stage": "（派生）阶段：预算 / 决算（由报告类型）",
    "scope": "范围（如 本级、部门）",
    "series_key": "（派生）逐年序列：地区、单位、阶段、范围相同的报告（上年即同一序列的上一年度）",
    "report_id": "（派生）报告编号（当前版本）",
    "template": "报告模板（如 shenzhen_budget）",
    "change_amount": "（派生）比上年增减（万元）",
    "change_percent": "（派生）比上年增减（%，保留两位；上年为 0 或无上年时为空）",
}


class ViewChangeBlocked(RuntimeError):
    """A view must be re-created, and an object that is not ours depends on it."""


@dataclass(frozen=True)
class ViewDefinition:
    schema: str
    name: str
    path: Path
    statement: sql.Composable

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"


def view_files(directory: Path = VIEWS_DIR) -> list[Path]:
    return sorted(directory.glob("*.sql"))


def definitions(directory: Path = VIEWS_DIR) -> list[ViewDefinition]:
    """Every view the files define, in the order they are applied."""
    found = []
    for path in view_files(directory):
        text = path.read_text(encoding="utf-8")
        instances = [_INSTANCE.match(line) for line in text.splitlines() if line.startswith("-- @view")]
        if not instances:
            match = _CREATE.search(text)
            if match is None:
                raise ValueError(f"{path.name}: no 'CREATE OR REPLACE VIEW <schema>.<name>'")
            found.append(ViewDefinition(match.group(1), match.group(2), path, sql.SQL(text)))
            continue
        body = "\n".join(line for line in text.splitlines() if not line.startswith("-- @view"))
        for instance in instances:
            if instance is None:
                raise ValueError(f"{path.name}: a '-- @view' line is not 'NAME key=value …'")
            schema, name = instance.group(1) or SCHEMA, instance.group(2)
            arguments = {key: sql.Literal(value.strip()) for key, value in _ARGUMENT.findall(instance.group(3))}
            found.append(ViewDefinition(schema, name, path, sql.SQL(body).format(
                view=sql.Identifier(schema, name), **arguments)))
    return found


def views_checksum(directory: Path = VIEWS_DIR) -> str:
    """Identifies the set of view definitions, so that unchanged views are left alone."""
    digest = hashlib.sha256()
    for path in view_files(directory):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"views sha256:{digest.hexdigest()}"


def applied_checksum(raw) -> str | None:
    row = raw.execute("SELECT obj_description(to_regnamespace('appendix'), 'pg_namespace')").fetchone()
    return row[0] if row else None


def apply_views(connection, directory: Path = VIEWS_DIR) -> None:
    raw = _driver(connection)
    ours = definitions(directory)
    names = {view.qualified for view in ours}
    for schema in sorted({view.schema for view in ours}):
        raw.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
    for view in ours:
        try:
            with raw.transaction():  # a savepoint: a failed replace leaves the view as it was
                raw.execute(view.statement)
        except (psycopg.errors.InvalidTableDefinition, psycopg.errors.FeatureNotSupported,
                psycopg.errors.DatatypeMismatch):
            _recreate(raw, view, names)
    _comment_standard_columns(raw, ours)
    if totals.LIVE_VIEW in names:  # the stored totals follow the views that sum them
        totals.recompute(raw)
    roles.grant_roles(raw, sorted({view.schema for view in ours}))
    raw.execute(sql.SQL("COMMENT ON SCHEMA appendix IS {}").format(sql.Literal(views_checksum(directory))))


def _comment_standard_columns(raw, ours: list[ViewDefinition]) -> None:
    rows = raw.execute(
        "SELECT c.table_schema, c.table_name, c.column_name, "
        "       col_description(to_regclass(quote_ident(c.table_schema) || '.' || quote_ident(c.table_name)), "
        "                       c.ordinal_position::int) IS NOT NULL "
        "FROM information_schema.columns c "
        "WHERE (c.table_schema || '.' || c.table_name) = ANY(%s) AND c.column_name = ANY(%s)",
        ([view.qualified for view in ours], [*STANDARD_COMMENTS, *ANALYSIS_COMMENTS]),
    ).fetchall()
    for schema, name, column, commented in rows:
        if column in STANDARD_COMMENTS:
            comment = STANDARD_COMMENTS[column]
        elif schema == "analysis" and not commented:
            comment = ANALYSIS_COMMENTS[column]
        else:
            continue
        raw.execute(sql.SQL("COMMENT ON COLUMN {} IS {}").format(
            sql.Identifier(schema, name, column), sql.Literal(comment)))


def _dependents(raw, qualified: str) -> list[str]:
    """Views (anyone's) that read the view `qualified`, those reading them too, nearest first."""
    rows = raw.execute(
        "WITH RECURSIVE dep(oid, depth) AS ("
        "  SELECT to_regclass(%s)::oid, 0"
        "  UNION SELECT w.ev_class, dep.depth + 1 FROM dep JOIN pg_depend d ON d.refobjid = dep.oid "
        "  JOIN pg_rewrite w ON w.oid = d.objid WHERE w.ev_class <> dep.oid AND dep.depth < 50) "
        "SELECT oid::regclass::text, max(depth) FROM dep WHERE depth > 0 GROUP BY oid ORDER BY max(depth)",
        (qualified,),
    ).fetchall()
    return [row[0] for row in rows]


def _recreate(raw, view: ViewDefinition, ours: set[str]) -> None:
    dependents = _dependents(raw, view.qualified)
    foreign = [d for d in dependents if d not in ours]
    if foreign:
        raise ViewChangeBlocked(
            f"{view.path.name} changes the columns of {view.qualified}, and {', '.join(foreign)} "
            f"depend{'s' if len(foreign) == 1 else ''} on it: drop {'it' if len(foreign) == 1 else 'them'}, "
            "migrate, and create again"
        )
    acl = _grants(raw, view.qualified)
    # Our own views on it are re-created after it (their files sort later).
    for dependent in reversed(dependents):
        raw.execute(sql.SQL("DROP VIEW {}").format(sql.Identifier(*dependent.split(".", 1))))
    raw.execute(sql.SQL("DROP VIEW {}").format(sql.Identifier(view.schema, view.name)))
    raw.execute(view.statement)
    for grantee, privilege in acl:
        raw.execute(sql.SQL("GRANT {} ON {} TO {}").format(
            sql.SQL(privilege), sql.Identifier(view.schema, view.name), sql.Identifier(grantee)))


def _grants(raw, qualified: str) -> list[tuple[str, str]]:
    """Direct grants on a view to roles other than its owner, to restore after re-creating it."""
    return raw.execute(
        "SELECT r.rolname, a.privilege_type FROM pg_class c, aclexplode(c.relacl) a "
        "JOIN pg_roles r ON r.oid = a.grantee WHERE c.oid = to_regclass(%s) AND a.grantee <> c.relowner "
        "AND a.privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')",
        (qualified,),
    ).fetchall()


def drop_views(connection, directory: Path = VIEWS_DIR) -> None:
    """Drop our views, the last file's first, without CASCADE (going below head)."""
    raw = _driver(connection)
    for view in reversed(definitions(directory)):
        raw.execute(sql.SQL("DROP VIEW IF EXISTS {}").format(sql.Identifier(view.schema, view.name)))


def _driver(connection):
    """The psycopg connection under a SQLAlchemy one (same transaction)."""
    return getattr(getattr(connection, "connection", None), "driver_connection", connection)
