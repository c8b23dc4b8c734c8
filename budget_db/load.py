"""Writing a parsed report: one transaction, all rows of a table in one COPY.

A report is identified by its report_key (region, department, fiscal year, kind and scope:
loaders.report.ReportMeta.report_key), the same for all its versions. The same bytes again are
`unchanged`; new bytes for a loaded report become a new version that replaces the current
one atomically (the old one stays, marked superseded_at).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import psycopg
from psycopg import sql

from budget_db import checks, code_lists, documents, totals
from budget_db.table_rows import TableRows, encode, with_report_id
from budget_db.terminal import MESSAGE_LIMIT
from loaders.errors import ReportError, shorten
from loaders.report import PARSER_VERSION, ParsedReport


@dataclass
class LoadResult:
    source: str
    outcome: str  # loaded | replaced | unchanged | refused
    report_id: int | None = None
    department: str | None = None
    fiscal_year: int | None = None
    version: int | None = None
    rows: dict[str, int] = field(default_factory=dict)
    message: str = ""
    missing_tables: list[str] = field(default_factory=list)
    dry_run: bool = False
    findings: dict[str, int] = field(default_factory=dict)  # stored findings by severity
    replaced_version: int | None = None  # the version this one replaced, and its findings
    replaced_report_id: int | None = None
    replaced_findings: dict[str, int] = field(default_factory=dict)

    def findings_change(self) -> dict[str, int] | None:
        """Findings by severity against the replaced version (+2: two more)."""
        if self.replaced_version is None:
            return None
        return {s: self.findings.get(s, 0) - self.replaced_findings.get(s, 0) for s in checks.FINDING_SEVERITIES}

    def more_errors(self) -> int:
        change = self.findings_change()
        return change["error"] if change else 0

    @classmethod
    def refused(cls, source: str, message: str, *, dry_run: bool = False) -> "LoadResult":
        return cls(source=source, outcome="refused", message=shorten(message, MESSAGE_LIMIT), dry_run=dry_run)

    def as_dict(self) -> dict:
        return {
            "file": self.source, "outcome": self.outcome, "report_id": self.report_id,
            "department": self.department, "fiscal_year": self.fiscal_year, "version": self.version,
            "rows": self.rows, "missing_tables": self.missing_tables, "dry_run": self.dry_run,
            "findings": self.findings,
            "replaces": None if self.replaced_version is None else {
                "report_id": self.replaced_report_id, "version": self.replaced_version,
                "findings": self.replaced_findings},
            "findings_change": self.findings_change(),
            "message": self.message,
        }


# Hooks run inside the load transaction after the rows are written: (connection, report_id).
# The report's totals are stored (budget.report_total); the consistency rules (sql/checks/) run
# on every load and store their findings.
AFTER_WRITE_HOOKS: list = [totals.after_write, checks.after_write]


def _department_id(conn: psycopg.Connection, region: str, name: str) -> int:
    # Two statements: the SELECT takes a new snapshot, so it sees a row that a concurrent
    # load committed while this INSERT waited on it (one statement with a CTE would not).
    conn.execute("INSERT INTO budget.department (region, name) VALUES (%s, %s) ON CONFLICT (region, name) "
                 "DO NOTHING", (region, name))
    return conn.execute("SELECT id FROM budget.department WHERE region = %s AND name = %s",
                        (region, name)).fetchone()[0]


def lock_identity(conn: psycopg.Connection, report_key: str) -> None:
    """Serialize loads of one report (two loaders, one version), held until commit."""
    conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (f"budget-report:{report_key}",))


def _fiscal_year(conn: psycopg.Connection, year: int) -> None:
    """A year seen for the first time gets its code lists from the files."""
    added = conn.execute("INSERT INTO budget.fiscal_year (year) VALUES (%s) ON CONFLICT DO NOTHING RETURNING year",
                         (year,)).fetchone()
    if added:
        code_lists.sync_functional_classes(conn, [year])


@lru_cache(maxsize=None)
def _copy_statement(table: str, names: tuple[str, ...]) -> str:
    """Composed once a table (each report writes every table)."""
    return sql.SQL("COPY budget.{} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, names))).as_string()


def _copy(conn: psycopg.Connection, table: str, names: list[str], rows: list[tuple]) -> None:
    with conn.cursor().copy(_copy_statement(table, tuple(names))) as copy:
        for row in rows:
            copy.write_row(row)


def _insert_shared(conn: psycopg.Connection, table: str, names: list[str], rows: list[tuple]) -> None:
    statement = sql.SQL("INSERT INTO budget.{} ({}) VALUES ({}) ON CONFLICT DO NOTHING").format(
        sql.Identifier(table),
        sql.SQL(", ").join(map(sql.Identifier, names)),
        sql.SQL(", ").join(sql.Placeholder() * len(names)),
    )
    with conn.cursor() as cursor:
        cursor.executemany(statement, rows)


def write_tables(conn: psycopg.Connection, report_id: int, tables: tuple[TableRows, ...]) -> dict[str, int]:
    """A report's tables as table_rows.encode grouped and ordered them: a shared code list by
    INSERT … ON CONFLICT, each fact table in one COPY."""
    counts: dict[str, int] = {}
    for rows in tables:
        if rows.shared:
            _insert_shared(conn, rows.table, list(rows.names), list(rows.rows))
            continue
        with conn.cursor().copy(_copy_statement(rows.table, ("report_id", *rows.names))) as copy:
            text = with_report_id(rows.copy_text, report_id)
            # bytes are UTF-8; a connection in another encoding gets text, which psycopg encodes
            copy.write(text if conn.info.encoding == "utf-8" else text.decode("utf-8"))
        counts[rows.table] = counts.get(rows.table, 0) + rows.count
    return counts


def write_line_sources(conn: psycopg.Connection, report_id: int, line_sources) -> None:
    """PDF input: the page, table and row of every line the facts' source_line counts (one COPY)."""
    if line_sources:
        _copy(conn, "source_line", ["report_id", "line_no", "page", "page_table", "row_no"],
              [(report_id, n, s.page, s.table, s.row) for n, s in enumerate(line_sources, start=1)])


def write_report(conn: psycopg.Connection, parsed: ParsedReport, source_file: str, *,
                 strict: bool = False, keep_cleaner: bool = False,
                 tables: tuple[TableRows, ...] | None = None) -> LoadResult:
    """Write one parsed report inside the caller's transaction.

    `strict` (budget-db load --strict) raises checks.StrictRefusal if the rules find errors,
    `keep_cleaner` (--keep-cleaner) if they find more errors than in the version it would
    replace: the caller's transaction rolls back and nothing is written. `tables`: the records
    already encoded (table_rows.encode, as batch loads do where they parse), else encoded here.
    """
    meta = parsed.meta
    result = LoadResult(source=source_file, outcome="loaded", department=meta.department,
                        fiscal_year=meta.fiscal_year, missing_tables=list(parsed.missing_tables))
    _fiscal_year(conn, meta.fiscal_year)
    department_id = _department_id(conn, meta.region, meta.department)
    key = meta.report_key
    lock_identity(conn, key)
    current = conn.execute(
        "SELECT id, sha256, version, parser_version, missing_tables FROM budget.report "
        "WHERE report_key = %s AND superseded_at IS NULL", (key,),
    ).fetchone()
    # The same bytes read by the same parser: nothing to do. A newer parser makes a new version.
    if current and current[1] == parsed.sha256 and current[3] == PARSER_VERSION:
        result.outcome, result.report_id, result.version = "unchanged", current[0], current[2]
        result.findings = checks.finding_counts(conn, [current[0]])[current[0]]
        return result
    if current and parsed.missing_tables and not current[4]:
        # A cut file (--allow-partial) must not push a complete report out of the views.
        raise ReportError(
            f"a partial report (missing {len(parsed.missing_tables)} tables) would replace the complete "
            f"version {current[2]}; delete that first if this is intended", where=source_file,
        )
    if current:
        conn.execute("UPDATE budget.report SET superseded_at = now() WHERE id = %s", (current[0],))
        result.outcome = "replaced"
    latest = conn.execute("SELECT coalesce(max(version), 0) FROM budget.report WHERE report_key = %s",
                          (key,)).fetchone()[0]
    result.version = latest + 1
    result.report_id = conn.execute(
        documents.INSERT_REPORT,
        (department_id, meta.fiscal_year, meta.kind, meta.title, meta.title_line, meta.scope, meta.unit,
         source_file, parsed.sha256, PARSER_VERSION, result.version, parsed.missing_tables, meta.template, key,
         *documents.names_and_digests(source_file, parsed.documents or (parsed.sha256,))),
    ).fetchone()[0]
    result.rows = write_tables(conn, result.report_id, encode(parsed.records) if tables is None else tables)
    write_line_sources(conn, result.report_id, parsed.line_sources)
    for hook in AFTER_WRITE_HOOKS:
        hook(conn, result.report_id)
    if strict:
        checks.refuse_errors(conn, result.report_id)
    counts = checks.finding_counts(conn, [result.report_id, *([current[0]] if current else [])])
    result.findings = counts[result.report_id]
    if current:
        result.replaced_report_id, result.replaced_version = current[0], current[2]
        result.replaced_findings = counts[current[0]]
        _say_if_worse(result, meta, keep_cleaner)
    return result


def _say_if_worse(result: LoadResult, meta, keep_cleaner: bool) -> None:
    """A correction with more error findings than the version it replaces says so (or, with
    keep_cleaner, is refused and the current version stays)."""
    more = result.more_errors()
    if more <= 0:
        return
    errors, before = result.findings["error"], result.replaced_findings["error"]
    if keep_cleaner:
        raise checks.StrictRefusal(
            f"refused by --keep-cleaner: {errors} error finding{'s' if errors != 1 else ''} against {before} in "
            f"the current version {result.replaced_version}, which stays")
    result.message = (f"{more} more error finding{'s' if more != 1 else ''} than version {result.replaced_version} "
                      f"({errors} against {before}): budget-db check -d {meta.department} -y {meta.fiscal_year}")
