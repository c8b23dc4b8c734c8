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
PROJECT_TABLE = "15"

# Templates whose tables have views of their own (schema-qualified), by the number `show` takes:
# their printed order (Jiangsu 公开01表 … 公开12表; Shanghai 1. … 9.; the 决算's nine tables).
TEMPLATE_VIEWS = {
    "jiangsu_budget": {
        "1": "jiangsu.t01_budget_summary", "2": "jiangsu.t02_income_summary", "3": "jiangsu.t03_expenditure_summary",
        "4": "jiangsu.t04_fiscal_appropriation_summary", "5": "jiangsu.t05_fiscal_functional",
        "6": "jiangsu.t06_fiscal_basic_economic", "7": "jiangsu.t07_general_functional",
        "8": "jiangsu.t08_general_basic_economic", "9": "jiangsu.t09_three_public_meetings_training",
        "10": "jiangsu.t10_gov_fund_functional", "11": "jiangsu.t11_operating_expenses", "12": "jiangsu.t12_procurement",
    },
    "shanghai_budget": {
        "1": "shanghai.s01_summary", "2": "shanghai.s02_income", "3": "shanghai.s03_expenditure",
        "4": "shanghai.s04_fiscal_summary", "5": "shanghai.s05_general_budget", "6": "shanghai.s06_gov_fund",
        "7": "shanghai.s07_state_capital", "8": "shanghai.s08_basic_economic",
        "9": "shanghai.s09_three_public_operating",
    },
    "final_accounts": {
        "1": "final_accounts.f01_summary", "2": "final_accounts.f02_income", "3": "final_accounts.f03_expenditure",
        "4": "final_accounts.f04_fiscal_summary", "5": "final_accounts.f05_general_budget_expenditure",
        "6": "final_accounts.f06_basic_expenditure", "7": "final_accounts.f07_three_public",
        "8": "final_accounts.f08_gov_fund", "9": "final_accounts.f09_state_capital",
    },
}


def report_template(conn, report_id: int) -> str:
    return conn.execute("SELECT template FROM appendix.reports WHERE report_id = %s", (report_id,)).fetchone()[0]


def table_missing(template: str, number: str) -> str | None:
    """Why a report of this template has no 附表 number (None: it has); `number` is N or N-M."""
    own = TEMPLATE_VIEWS.get(template)
    if own is not None:
        return None if number in own else f"a {template} report has no 附表 {number}: use 1 … {len(own)}"
    main, _, project = number.partition("-")
    if main in APPENDIX and (not project or main == PROJECT_TABLE):
        return None
    return f"no 附表 {number}: use 1 … {max(map(int, APPENDIX))} or {PROJECT_TABLE}-N"


def has_project_table(conn, report_id: int, number: str) -> bool:
    query = sql.SQL("SELECT EXISTS (SELECT FROM appendix.{} WHERE report_id = %s AND table_no = %s)").format(
        sql.Identifier(APPENDIX[PROJECT_TABLE].view))
    return conn.execute(query, (report_id, number)).fetchone()[0]


def qualified(view: str) -> tuple[str, str]:
    """(schema, name): appendix unless the name says another schema (jiangsu.t01_…)."""
    schema, _, name = view.rpartition(".")
    return schema or "appendix", name


def view_headers(conn, view: str) -> list[tuple[str, str]]:
    """(column, comment) of a view in order; the column's name where it has no comment."""
    return conn.execute(
        "SELECT a.attname, coalesce(col_description(a.attrelid, a.attnum), a.attname) "
        "FROM pg_attribute a WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY a.attnum",
        (".".join(qualified(view)),),
    ).fetchall()


def printed_columns(conn, view: str) -> list[tuple[str, str]]:
    """(column, Chinese header) of a 附表 view as printed: without key and derived columns."""
    return [(name, header) for name, header in view_headers(conn, view)
            if name not in KEY_COLUMNS and not header.startswith(DERIVED_MARK)]


def view_title(conn, view: str) -> str:
    row = conn.execute("SELECT obj_description(to_regclass(%s), 'pg_class')", (".".join(qualified(view)),)).fetchone()
    return row[0] if row and row[0] else view


def printed_rows(conn, view: str, columns: list[tuple[str, str]], report_id: int,
                 where: tuple[str, str] | None = None) -> list[tuple]:
    """The rows of one report in a 附表 view, in printed order (optionally where column = value)."""
    condition = sql.SQL("")
    params: list = [report_id]
    if where:
        condition = sql.SQL(" AND {} = %s").format(sql.Identifier(where[0]))
        params.append(where[1])
    query = sql.SQL("SELECT {} FROM {} WHERE report_id = %s{} ORDER BY row_no").format(
        sql.SQL(", ").join(sql.Identifier(name) for name, _ in columns), sql.Identifier(*qualified(view)), condition,
    )
    return conn.execute(query, params).fetchall()
