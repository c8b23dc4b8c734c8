"""`budget-db load` and `budget-db reports`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from budget_db.batch import load_files
from budget_db.cli import EXIT_OK, EXIT_REFUSED, app, database_url, err, out
from budget_db.database import connect


@app.command("load")
def load(paths: list[Path] = typer.Argument(..., help="report text files")) -> None:
    """Load report text files (migrating the database first); one transaction per report."""
    url = database_url(migrate_to_head=True)
    results = load_files(url, paths, migrate_first=False)
    for result in results:
        if result.outcome == "refused":
            err.print(f"refused: {result.message}", markup=False, highlight=False)
            continue
        out.print(f"{result.outcome}: {result.source} → {result.department} {result.fiscal_year} "
                  f"(report {result.report_id}, version {result.version})", highlight=False)
        for table, count in result.rows.items():
            out.print(f"  {table}: {count} rows", highlight=False)
    raise typer.Exit(EXIT_REFUSED if any(r.outcome == "refused" for r in results) else EXIT_OK)


@app.command("reports")
def reports() -> None:
    """List the loaded reports (current versions)."""
    url = database_url(migrate_to_head=True)
    with connect(url) as conn:
        rows = conn.execute(
            "SELECT report_id, department, fiscal_year, kind, scope, version, source_file, loaded_at "
            "FROM appendix.reports ORDER BY department, fiscal_year"
        ).fetchall()
    table = Table(title="loaded reports")
    for header in ("id", "单位名称", "年度", "类型", "范围", "版本", "文件", "载入时间"):
        table.add_column(header)
    for row in rows:
        table.add_row(*(str(v) if v is not None else "" for v in row[:-1]), f"{row[-1]:%Y-%m-%d %H:%M}")
    out.print(table)
