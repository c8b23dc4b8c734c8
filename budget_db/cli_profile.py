"""`budget-db profile`: a static HTML page per report (and an index when several match)."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from budget_db.cli import EXIT_REFUSED, app, database_url, fail, out, select_reports
from budget_db.database import connect
from budget_db.profile import gather, render, render_index


UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\s]+')


def page_name(department: str, year: int, report_id: int) -> str:
    """A file name for a report's page: its department and year, safe on every file system."""
    return f"{UNSAFE_IN_FILE_NAMES.sub('_', department)}_{year}_{report_id}.html"


@app.command("profile")
def profile(
    output: Path = typer.Option(..., "--output", "-o",
                                help="page.html for one report; a folder for several (one page each + index.html)"),
    department: str = typer.Option(None, "--department", "-d", help="单位名称"),
    year: int = typer.Option(None, "--year", "-y", help="fiscal year"),
    kind: str = typer.Option(None, "--kind", help="部门预算, 单位预算 or 部门决算"),
) -> None:
    """Write the profile page of a report: totals, funding, functions, 三公, projects, validation, charts."""
    url = database_url()
    with connect(url) as conn:
        reports = select_reports(conn, department, year, kind)
        if not reports:
            raise fail("no loaded report matches; see `budget-db reports`", EXIT_REFUSED)
        if output.suffix == ".html":
            if len(reports) > 1:
                raise fail(f"{len(reports)} reports match: give a folder as --output for one page each and an index, "
                           "or choose one with --department, --year and --kind")
            output.write_text(render(gather(conn, reports[0][0])), encoding="utf-8")
            out.print(f"wrote {output}", highlight=False, markup=False)
            return
        output.mkdir(parents=True, exist_ok=True)
        pages = []
        for report_id, name, fiscal_year in reports:
            page = gather(conn, report_id)
            href = page_name(name, fiscal_year, report_id)
            (output / href).write_text(render(page), encoding="utf-8")
            pages.append((href, page))
        (output / "index.html").write_text(render_index(pages), encoding="utf-8")
    out.print(f"wrote {len(pages)} pages and {output / 'index.html'}", highlight=False, markup=False)
