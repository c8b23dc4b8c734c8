"""`budget-db export`: 附表, reports, analysis views and queries to .xlsx or .csv."""

from __future__ import annotations

from pathlib import Path

import psycopg
import typer

from budget_db.cli import EXIT_REFUSED, app, database_url, fail, out
from budget_db.cli_show import choose_report
from budget_db.database import connect
from budget_db.export import SUFFIXES, write
from budget_db.export_sheets import (ExportError, appendix_sheets, matrix_sheet, query_sheet, report_sheets,
                                     view_sheet)


@app.command("export")
def export(
    what: str = typer.Argument(None, help="附表 N (1 … 15, 15-N), 'report' (every 附表, one sheet each), "
                                           "'matrix' (departments × years), or a view: three_public, "
                                           "analysis.projects, appendix.report_quality …"),
    output: Path = typer.Option(..., "--output", "-o", help="the file to write: .xlsx or .csv"),
    department: str = typer.Option(None, "--department", "-d", help="单位名称"),
    year: int = typer.Option(None, "--year", "-y", help="fiscal year"),
    kind: str = typer.Option(None, "--kind", help="部门预算, 单位预算 or 部门决算 (附表 and report)"),
    stage: str = typer.Option(None, "--stage", help="预算 or 决算 (views and matrix)"),
    query: str = typer.Option(None, "--query", help="a SELECT to export instead (run read-only)"),
    measure: str = typer.Option("expenditure_total", "--measure", help="the matrix's cells"),
    names: bool = typer.Option(False, "--names", help="column names as headers instead of the Chinese ones"),
) -> None:
    """Write a 附表 as printed, a whole report, an analysis view or a query to Excel or CSV."""
    if output.suffix not in SUFFIXES:
        raise fail(f"{output}: the file must end in .xlsx or .csv")
    if (what is None) == (query is None):
        raise fail("say what to export: a 附表 number, 'report', 'matrix', a view, or --query SQL")
    url = database_url()
    with connect(url) as conn:
        try:
            if query is not None:
                sheets = [query_sheet(conn, query)]
            elif what == "matrix":
                sheets = [matrix_sheet(conn, measure, stage)]
            elif what == "report" or what.split("-")[0].isdigit():
                report_id, name, fiscal_year = choose_report(conn, department, year, kind)
                caption = f"{name}　{fiscal_year}年"
                sheets = (report_sheets(conn, report_id, caption) if what == "report"
                          else appendix_sheets(conn, what, report_id, caption))
            else:
                sheets = [view_sheet(conn, what, department=department, year=year, stage=stage, column_names=names)]
            write(output, sheets)
        except ExportError as exc:
            raise fail(str(exc), EXIT_REFUSED) from exc
        except ValueError as exc:  # e.g. several sheets into one CSV
            raise fail(str(exc)) from exc
        except psycopg.Error as exc:
            raise fail(f"the query failed: {str(exc).strip().splitlines()[0]}") from exc
    rows = sum(len(sheet.rows) for sheet in sheets)
    out.print(f"wrote {output} ({len(sheets)} sheet{'s' if len(sheets) > 1 else ''}, {rows} rows)",
              highlight=False, markup=False)
