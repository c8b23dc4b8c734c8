"""Which view reproduces which 附表 (for `budget-db show` and `export`), and reading those views."""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import sql

# Columns every view starts with; `show` prints what follows them.
KEY_COLUMNS = ("department", "fiscal_year", "report_id", "row_no")
# A column whose comment starts with this is derived by us, not printed in the report.
DERIVED_MARK = "（派生）"


@dataclass(frozen=True)
class Appendix:
    number: str
    view: str


APPENDIX = {
    a.number: a
    for a in (
        Appendix("1", "t01_budget_summary"),
        Appendix("2", "t02_income_budget"),
        Appendix("3", "t03_expenditure_budget"),
        Appendix("4", "t04_basic_expenditure"),
        Appendix("5", "t05_project_expenditure"),
        Appendix("6", "t06_fiscal_appropriation_summary"),
        Appendix("7", "t07_general_budget_expenditure"),
        Appendix("8", "t08_gov_fund_expenditure"),
        Appendix("9", "t09_state_capital_expenditure"),
        Appendix("10", "t10_transfer_payment"),
        Appendix("11", "t11_procurement"),
        Appendix("12", "t12_three_public_expenses"),
        Appendix("13", "t13_performance_projects"),
        Appendix("14", "t14_department_performance_goals"),
        Appendix("15", "t15_project_performance_goals"),
    )
}
# 表15-N: one project's table, its header from the goals view and its rows from this one.
PROJECT_INDICATORS_VIEW = "t15_project_performance_indicators"


def view_headers(conn, view: str, schema: str = "appendix") -> list[tuple[str, str]]:
    """(column, comment) of a view in order; the column's name where it has no comment."""
    return conn.execute(
        "SELECT a.attname, coalesce(col_description(a.attrelid, a.attnum), a.attname) "
        "FROM pg_attribute a WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY a.attnum",
        (f"{schema}.{view}",),
    ).fetchall()


def printed_columns(conn, view: str) -> list[tuple[str, str]]:
    """(column, Chinese header) of a 附表 view as printed: without key and derived columns."""
    return [(name, header) for name, header in view_headers(conn, view)
            if name not in KEY_COLUMNS and not header.startswith(DERIVED_MARK)]


def view_title(conn, view: str, schema: str = "appendix") -> str:
    row = conn.execute("SELECT obj_description(to_regclass(%s), 'pg_class')", (f"{schema}.{view}",)).fetchone()
    return row[0] if row and row[0] else view


def printed_rows(conn, view: str, columns: list[tuple[str, str]], report_id: int,
                 where: tuple[str, str] | None = None) -> list[tuple]:
    """The rows of one report in a 附表 view, in printed order (optionally where column = value)."""
    condition = sql.SQL("")
    params: list = [report_id]
    if where:
        condition = sql.SQL(" AND {} = %s").format(sql.Identifier(where[0]))
        params.append(where[1])
    query = sql.SQL("SELECT {} FROM appendix.{} WHERE report_id = %s{} ORDER BY row_no").format(
        sql.SQL(", ").join(sql.Identifier(name) for name, _ in columns), sql.Identifier(view), condition,
    )
    return conn.execute(query, params).fetchall()
