"""What `budget-db export` writes, as sheets: a 附表 as printed, a whole report, a view, a query,
the department × year matrix. Identifiers are composed with psycopg.sql, values are parameters."""

from __future__ import annotations

import re

from psycopg import sql

from budget_db.appendix import (APPENDIX, DERIVED_MARK, PROJECT_INDICATORS_VIEW, PROJECT_TABLE, TEMPLATE_VIEWS,
                                has_project_table, printed_columns, printed_rows, report_template, table_missing,
                                view_headers, view_title)
from budget_db.export import Sheet

VIEW_SCHEMAS = ("analysis", "appendix")
FILTER_COLUMNS = ("department", "fiscal_year", "stage")  # -d, -y, --stage where a view has them
MATRIX_VIEW = "department_year_totals"
MATRIX_KEYS = (("region", "地区"), ("department", "单位名称"), ("stage", "阶段"), ("scope", "范围"))
MATRIX_MEASURES = ("expenditure_total", "basic_expenditure", "project_expenditure", "income_total",
                   "functional_total", "three_public_total")


def short_header(comment: str) -> str:
    """A column comment as a header: the name and unit, without the explanation that follows."""
    text = comment.removeprefix(DERIVED_MARK)
    name, colon, _ = text.partition("：")
    return re.sub(r"；[^）]*", "", name if colon and name else text)


class ExportError(ValueError):
    """What was asked for does not exist (the message says what does)."""


def _table_unit(conn, report_id: int, number: str) -> str | None:
    """The unit of 表N as printed (表15: of its first 15-N)."""
    row = conn.execute("SELECT unit FROM budget.report_table WHERE report_id = %s "
                       "AND (table_no = %s OR table_no LIKE %s) ORDER BY ordinal LIMIT 1",
                       (report_id, number, f"{number}-%")).fetchone()
    return row[0] if row else None


def _report_unit(conn, report_id: int) -> str | None:
    """The unit every table of the report prints; None where they differ (Shanghai: 元, and 万元 for
    its 三公 table), when the view's own title says it."""
    return conn.execute("SELECT CASE WHEN count(DISTINCT unit) = 1 THEN min(unit) END FROM budget.report_table "
                        "WHERE report_id = %s", (report_id,)).fetchone()[0]


def _printed_sheet(conn, view: str, report_id: int, name: str, caption: str, unit: str | None,
                   where: tuple[str, str] | None = None, extra: tuple[tuple[str, str], ...] = ()) -> Sheet:
    columns = [*extra, *printed_columns(conn, view)]
    printed = view_title(conn, view)
    if unit and f"（{unit}" in printed:  # the title says it already: 部门收入预算总表（元）
        unit = None
    title = "　".join(part for part in (printed, caption, unit and f"单位：{unit}") if part)
    return Sheet(name, [header for _, header in columns], printed_rows(conn, view, columns, report_id, where), title)


def appendix_sheets(conn, number: str, report_id: int, caption: str) -> list[Sheet]:
    """附表 N of one report as printed, by its template's numbers (Shenzhen's 1 … 15 or 15-N, Jiangsu's
    公开01表 … 公开12表 as 1 … 12, …); Shenzhen's 表15 also gives its indicators' sheet."""
    template = report_template(conn, report_id)
    missing = table_missing(template, number)
    if missing:
        raise ExportError(missing)
    own = TEMPLATE_VIEWS.get(template)
    if own is not None:
        return [_printed_sheet(conn, own[number], report_id, f"表{number}", caption, _report_unit(conn, report_id))]
    main = number.split("-")[0]
    view = APPENDIX[main].view
    unit = _table_unit(conn, report_id, number)
    if main != PROJECT_TABLE:
        return [_printed_sheet(conn, view, report_id, f"表{number}", caption, unit)]
    if "-" in number and not has_project_table(conn, report_id, number):
        raise ExportError(f"{caption} has no 表{number}")
    where = ("table_no", number) if "-" in number else None
    table_column = (("table_no", "表号"),)
    return [_printed_sheet(conn, view, report_id, f"表{number}", caption, unit, where, table_column),
            _printed_sheet(conn, PROJECT_INDICATORS_VIEW, report_id, f"表{number} 绩效指标", caption, None, where,
                           table_column)]


def report_sheets(conn, report_id: int, caption: str) -> list[Sheet]:
    """Every 附表 of a report in its template's order, one sheet each (Shenzhen's 表15: projects and
    their indicators in two)."""
    numbers = TEMPLATE_VIEWS.get(report_template(conn, report_id), APPENDIX)
    return [sheet for number in numbers for sheet in appendix_sheets(conn, number, report_id, caption)]


def _qualified(name: str) -> tuple[str, str]:
    schema, _, view = name.rpartition(".")
    return schema or "analysis", view


def view_sheet(conn, name: str, *, department: str | None = None, year: int | None = None,
               stage: str | None = None, column_names: bool = False) -> Sheet:
    """A view of schema analysis (or appendix.NAME), optionally filtered; headers its Chinese comments."""
    schema, view = _qualified(name)
    headers = view_headers(conn, f"{schema}.{view}") if schema in VIEW_SCHEMAS else []
    if not headers:
        known = ", ".join(v for (v,) in conn.execute(
            "SELECT table_name FROM information_schema.views WHERE table_schema = 'analysis' ORDER BY 1"))
        raise ExportError(f"no view {schema}.{view}; the analysis views: {known}")
    columns = [column for column, _ in headers]
    wanted = {"department": department, "fiscal_year": year, "stage": stage}
    conditions = [sql.SQL("{} = %s").format(sql.Identifier(c)) for c in FILTER_COLUMNS
                  if wanted[c] is not None and c in columns]
    params = [wanted[c] for c in FILTER_COLUMNS if wanted[c] is not None and c in columns]
    query = sql.SQL("SELECT * FROM {}{}").format(
        sql.Identifier(schema, view),
        sql.SQL(" WHERE ") + sql.SQL(" AND ").join(conditions) if conditions else sql.SQL(""))
    rows = conn.execute(query, params).fetchall()
    labels = columns if column_names else [short_header(header) for _, header in headers]
    if len(set(labels)) < len(labels):  # two columns would read alike: keep the whole comments
        labels = [header.removeprefix(DERIVED_MARK) for _, header in headers]
    return Sheet(view, labels, rows)


def query_sheet(conn, query: str) -> Sheet:
    """The rows of an analyst's query, run in a read-only transaction; headers its column names."""
    with conn.transaction():
        conn.execute("SET TRANSACTION READ ONLY")
        cursor = conn.execute(query)  # the user's SQL as given: nothing of ours is put into it
        if cursor.description is None:
            raise ExportError("the query returns no rows (is it a SELECT?)")
        return Sheet("query", [column.name for column in cursor.description], cursor.fetchall())


def matrix_sheet(conn, measure: str = "expenditure_total", stage: str | None = None) -> Sheet:
    """Departments down, fiscal years across, one measure of analysis.department_year_totals in the cells."""
    if measure not in MATRIX_MEASURES:
        raise ExportError(f"no measure {measure}: use one of {', '.join(MATRIX_MEASURES)}")
    keys = [key for key, _ in MATRIX_KEYS]
    query = sql.SQL("SELECT {}, fiscal_year, {} FROM {} WHERE %s::text IS NULL OR stage = %s ORDER BY {}").format(
        sql.SQL(", ").join(map(sql.Identifier, keys)), sql.Identifier(measure),
        sql.Identifier("analysis", MATRIX_VIEW), sql.SQL(", ").join(map(sql.Identifier, keys)))
    cells: dict[tuple, dict[int, object]] = {}
    for *key, year, value in conn.execute(query, (stage, stage)).fetchall():
        cells.setdefault(tuple(key), {})[year] = value
    years = sorted({year for row in cells.values() for year in row})
    title = dict(view_headers(conn, f"analysis.{MATRIX_VIEW}")).get(measure, measure)
    return Sheet("matrix", [label for _, label in MATRIX_KEYS] + [f"{year}年" for year in years],
                 [(*key, *(row.get(year) for year in years)) for key, row in cells.items()],
                 title=f"单位 × 年度：{title}")
