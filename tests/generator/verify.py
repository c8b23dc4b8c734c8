"""Loading generated reports and comparing what the views show with the answer key."""

from __future__ import annotations

from pathlib import Path

import psycopg
from psycopg import sql

from budget_db.batch import load_files
from tests.generator.report import Key

# Views whose row_no restarts per 表15-N table are ordered by the table first.
ORDER = {"t15_project_performance_indicators": ("sub_no", "row_no")}


def view_rows(conn: psycopg.Connection, view: str, report_id: int, columns: list[str]) -> list[dict]:
    order = ORDER.get(view, ("row_no",))
    query = sql.SQL("SELECT {} FROM appendix.{} WHERE report_id = %s ORDER BY {}").format(
        sql.SQL(", ").join(map(sql.Identifier, columns)), sql.Identifier(view),
        sql.SQL(", ").join(map(sql.Identifier, order)))
    return [dict(zip(columns, row)) for row in conn.execute(query, (report_id,))]


def view_differences(conn: psycopg.Connection, report_id: int, key: Key) -> list[str]:
    """One line per view whose rows differ from the key (empty: every view is as the key says)."""
    problems = []
    for view, expected in key.views.items():
        columns = list(expected[0]) if expected else ["row_no"]
        actual = view_rows(conn, view, report_id, columns)
        if actual != expected:
            problems.append(f"{view}: {_first_difference(actual, expected)}")
    identity = conn.execute(
        "SELECT d.name, r.fiscal_year FROM budget.report r JOIN budget.department d ON d.id = r.department_id "
        "WHERE r.id = %s", (report_id,)).fetchone()
    if identity != (key.department, key.fiscal_year):
        problems.append(f"report: {identity} instead of {(key.department, key.fiscal_year)}")
    return problems


def _first_difference(actual: list[dict], expected: list[dict]) -> str:
    for index, (got, want) in enumerate(zip(actual, expected)):
        if got != want:
            columns = [c for c in want if got.get(c) != want[c]]
            return f"row {index + 1}: " + ", ".join(f"{c}={got.get(c)!r} (key {want[c]!r})" for c in columns)
    return f"{len(actual)} rows, the key has {len(expected)}"


def findings(conn: psycopg.Connection, report_id: int, severity: str | None = None) -> list[tuple]:
    """(rule, severity, place, message) of the findings stored for a report."""
    return conn.execute(
        "SELECT rule_id, severity, place, message FROM budget.validation_finding "
        "WHERE report_id = %s AND (%s::text IS NULL OR severity = %s) ORDER BY rule_id, finding_no",
        (report_id, severity, severity)).fetchall()


def report_problems(conn: psycopg.Connection, report, result) -> list[str]:
    """Why a generated consistent report is not (a): refused, a view unlike the key, an error finding."""
    if result.outcome != "loaded":
        return [f"{result.outcome}: {result.message}"]
    errors = findings(conn, result.report_id, "error")
    return view_differences(conn, result.report_id, report.key) + [f"error finding {e[0]}: {e[2]}" for e in errors]


def load_texts(url: str, folder: Path, texts: dict[str, str], *, workers: int = 2):
    """Write each text to folder/<name>.txt and load them in one batch: {name: LoadResult}."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    results = load_files(url, list(paths.values()), migrate_first=False, workers=workers)
    return dict(zip(paths, results))
