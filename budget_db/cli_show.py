"""`budget-db show N`: print a 附表 from its view, with its Chinese headers, like the printed table."""

from __future__ import annotations

import re
from decimal import Decimal

import typer
from rich.table import Table
from rich.text import Text

from budget_db.appendix import (APPENDIX, PROJECT_INDICATORS_VIEW, PROJECT_TABLE, TEMPLATE_VIEWS, has_project_table,
                                printed_columns, printed_rows, qualified, report_template, table_missing,
                                view_headers, view_title)
from budget_db.checks import format_money
from budget_db.cli import EXIT_REFUSED, app, database_url, fail, out, select_reports, session
from budget_db.terminal import printable

TABLE_NUMBER = re.compile(r"(\d+)(?:-(\d+))?")  # 7, or 15-3 (one project's table)


def format_value(value) -> str:
    """A cell as printed; control characters in report text escaped (stored verbatim)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, list):
        return printable("、".join(map(str, value)))
    return printable(str(value))


def view_columns(conn, view: str) -> list[tuple[str, str]]:
    """(column, Chinese header) of a 附表 view as printed; exits 2 if the view is missing."""
    if not view_headers(conn, view):
        raise fail(f"the view {'.'.join(qualified(view))} does not exist (is the database migrated?)")
    return printed_columns(conn, view)


def choose_report(conn, department: str | None, year: int | None,
                  kind: str | None = None) -> tuple[int, str, int]:
    reports = select_reports(conn, department, year, kind)
    if not reports:
        raise fail("no loaded report matches; see `budget-db reports`", EXIT_REFUSED)
    if len(reports) > 1:
        names = "; ".join(f"{d} {y}" for _, d, y in reports[:5])  # fail() escapes and bounds it
        raise fail(f"{len(reports)} reports match ({names}…): choose one with --department, --year (and --kind)")
    return reports[0]


def print_view(conn, view: str, report_id: int, *, where: tuple[str, str] | None = None,
               title: str | None = None) -> int:
    columns = view_columns(conn, view)
    rows = printed_rows(conn, view, columns, report_id, where)
    table = Table(title=Text(printable(title or view_title(conn, view))), show_lines=False, header_style="bold")
    for (name, header), sample in zip(columns, zip(*rows) if rows else [[]] * len(columns)):
        numeric = any(isinstance(v, (Decimal, int)) for v in sample)
        table.add_column(Text(printable(header)), justify="right" if numeric else "left", overflow="fold")
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
    matched = TABLE_NUMBER.fullmatch(number)
    known = set(APPENDIX).union(*TEMPLATE_VIEWS.values())
    if not matched or matched.group(1) not in known or (matched.group(2) and matched.group(1) != PROJECT_TABLE):
        raise fail(f"no 附表 {number}: use 1 … {max(map(int, APPENDIX))} or {PROJECT_TABLE}-N")
    url = database_url()
    with session(url) as conn:
        report_id, dept, fiscal_year = choose_report(conn, department, year, kind)
        template = report_template(conn, report_id)
        own = TEMPLATE_VIEWS.get(template)
        missing = table_missing(template, number)
        if missing:
            raise fail(missing)
        if own is None and matched.group(2) and not has_project_table(conn, report_id, number):
            raise fail(f"{dept} {fiscal_year} has no 表{number}", EXIT_REFUSED)  # the error only, no empty table
        out.print(printable(f"{dept} · {fiscal_year} · report {report_id}"), highlight=False, markup=False)
        if own is not None:  # a template with views of its own, numbered in its printed order
            print_view(conn, own[number], report_id)
        elif matched.group(2):
            goals = APPENDIX[PROJECT_TABLE].view
            print_view(conn, goals, report_id, where=("table_no", number), title=f"表{number}")
            print_view(conn, PROJECT_INDICATORS_VIEW, report_id, where=("table_no", number),
                       title=f"表{number} 年度绩效指标")
        else:
            print_view(conn, APPENDIX[number].view, report_id)
