"""`budget-db show N`: print a 附表 from its view, with its Chinese headers, like the printed table."""

from __future__ import annotations

from decimal import Decimal

import typer
from rich.table import Table
from rich.text import Text

from budget_db.appendix import (APPENDIX, PROJECT_INDICATORS_VIEW, printed_columns, printed_rows, view_headers,
                                view_title)
from budget_db.checks import format_money
from budget_db.cli import EXIT_REFUSED, app, database_url, fail, out, select_reports
from budget_db.database import connect


def format_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, list):
        return "、".join(map(str, value))
    return str(value)


def view_columns(conn, view: str) -> list[tuple[str, str]]:
    """(column, Chinese header) of a 附表 view as printed; exits 2 if the view is missing."""
    if not view_headers(conn, view):
        raise fail(f"the view appendix.{view} does not exist (is the database migrated?)")
    return printed_columns(conn, view)


def choose_report(conn, department: str | None, year: int | None,
                  kind: str | None = None) -> tuple[int, str, int]:
    reports = select_reports(conn, department, year, kind)
    if not reports:
        raise fail("no loaded report matches; see `budget-db reports`", EXIT_REFUSED)
    if len(reports) > 1:
        names = "; ".join(f"{d} {y}" for _, d, y in reports[:5])
        raise fail(f"{len(reports)} reports match ({names}…): choose one with --department, --year (and --kind)")
    return reports[0]


def print_view(conn, view: str, report_id: int, *, where: tuple[str, str] | None = None,
               title: str | None = None) -> int:
    columns = view_columns(conn, view)
    rows = printed_rows(conn, view, columns, report_id, where)
    table = Table(title=Text(title or view_title(conn, view)), show_lines=False, header_style="bold")
    for (name, header), sample in zip(columns, zip(*rows) if rows else [[]] * len(columns)):
        numeric = any(isinstance(v, (Decimal, int)) for v in sample)
        table.add_column(Text(header), justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        # Text(), not str: report text such as '[b]' is data, not rich markup.
        table.add_row(*(Text(format_value(v)) for v in row))
    out.print(table)
    return len(rows)


@app.command("show")
def show(
    number: str = typer.Argument(..., help="附表 number: 1 … 15, or 15-N for one project's table"),
    department: str = typer.Option(None, "--department", "-d", help="单位名称, as the tables print it"),
    year: int = typer.Option(None, "--year", "-y", help="fiscal year"),
    kind: str = typer.Option(None, "--kind", help="部门预算, 单位预算 or 部门决算 (when a year has several)"),
) -> None:
    """Print 附表 N of a loaded report as the report prints it."""
    main_number = number.split("-")[0]
    if main_number not in APPENDIX:
        raise fail(f"no 附表 {number}: use 1 … {max(map(int, APPENDIX))} or 15-N")
    url = database_url()
    with connect(url) as conn:
        report_id, dept, fiscal_year = choose_report(conn, department, year, kind)
        out.print(f"{dept} · {fiscal_year} · report {report_id}", highlight=False, markup=False)
        if "-" in number:
            goals = APPENDIX[main_number].view
            found = print_view(conn, goals, report_id, where=("table_no", number), title=f"表{number}")
            if not found:
                raise fail(f"the report has no 表{number}", EXIT_REFUSED)
            print_view(conn, PROJECT_INDICATORS_VIEW, report_id, where=("table_no", number),
                       title=f"表{number} 年度绩效指标")
        else:
            print_view(conn, APPENDIX[number].view, report_id)
