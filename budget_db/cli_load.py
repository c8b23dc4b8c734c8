"""`budget-db load`, `budget-db reports` and `budget-db delete`."""

from __future__ import annotations

import codecs
import logging
import time
from collections import Counter

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from budget_db.batch import delete_report, iter_load
from budget_db.paths import DEFAULT_GLOBS, UsageError, expand_paths
from budget_db.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, app, database_url, err, fail, out, session
from budget_db.database import DatabaseUnreachable
from budget_db.load import LoadResult
from budget_db.terminal import json_text, one_line, printable
from loaders.completeness import describe
from loaders.source import DEFAULT_MAX_BYTES, MB

OUTCOMES = ("loaded", "replaced", "unchanged", "refused")


def _findings(result: LoadResult) -> str:
    """'0 errors, 3 warnings, 16 rounding', each with its change against a replaced version."""
    change = result.findings_change()
    parts = []
    for severity, label in (("error", "errors"), ("warning", "warnings"), ("rounding", "rounding")):
        part = f"{result.findings.get(severity, 0)} {label}"
        if change is not None:
            part += f" ({change[severity]:+d})" if change[severity] else " (±0)"
        parts.append(part)
    against = f" against version {result.replaced_version}" if change is not None else ""
    return f"findings{against}: " + ", ".join(parts)


def _describe(result: LoadResult) -> str:
    """One line for the terminal: report text escaped, bounded in length."""
    if result.outcome == "refused":
        return one_line(f"refused: {result.message}")
    text = (f"{result.outcome}: {result.source} → {result.department} {result.fiscal_year} "
            f"(report {result.report_id if result.report_id is not None else '-'}, version {result.version})")
    if result.rows:
        text += f", {sum(result.rows.values())} rows in {len(result.rows)} tables"
    if result.missing_tables:
        text += f", missing {describe(result.missing_tables)}"
    if result.findings:
        text += f"; {_findings(result)}"
    if result.message:
        text += f"; {result.message}"
    return one_line(text)


def _summary(results: list[LoadResult], seconds: float, dry_run: bool) -> dict:
    counts = Counter(r.outcome for r in results)
    return {"files": len(results), **{o: counts.get(o, 0) for o in OUTCOMES},
            "rows": sum(sum(r.rows.values()) for r in results), "seconds": round(seconds, 3), "dry_run": dry_run}


def _print_result(result: LoadResult, *, detail: bool, console) -> None:
    if result.outcome == "refused":
        err.print(_describe(result), markup=False, highlight=False, soft_wrap=True)
        return
    console.print(_describe(result), markup=False, highlight=False, soft_wrap=True)
    if detail:
        for table, count in result.rows.items():
            console.print(f"  {table}: {count} rows", markup=False, highlight=False, soft_wrap=True)


def _summary_table(summary: dict) -> Table:
    table = Table(title="dry run: nothing was written" if summary["dry_run"] else "load summary")
    for header in ("files", *OUTCOMES, "rows", "seconds", "reports/s"):
        table.add_column(header, justify="right")
    rate = (summary["loaded"] + summary["replaced"]) / summary["seconds"] if summary["seconds"] else 0
    table.add_row(*(str(summary[k]) for k in ("files", *OUTCOMES, "rows", "seconds")), f"{rate:.1f}")
    return table


@app.command("load")
def load(
    paths: list[str] = typer.Argument(..., help="report files (text or PDF), folders (searched recursively) or globs"),
    glob: list[str] | None = typer.Option(None, "--glob", metavar="PATTERN", help="file name pattern used inside folders (repeatable; "
                                          f"default {' and '.join(DEFAULT_GLOBS)})"),
    json_output: bool = typer.Option(False, "--json", help="one JSON object per file, then a summary"),
    dry_run: bool = typer.Option(False, "--dry-run", help="parse and validate, write nothing"),
    encoding: str | None = typer.Option(None, "--encoding", help="decode files with this encoding (no detection)"),
    allow_partial: bool = typer.Option(False, "--allow-partial",
                                       help="load reports that end early after 表7, recording the missing tables"),
    strict: bool = typer.Option(False, "--strict", help="refuse reports with validation errors"),
    keep_cleaner: bool = typer.Option(False, "--keep-cleaner",
                                      help="refuse a replacement with more error findings than the current version"),
    max_size: float = typer.Option(DEFAULT_MAX_BYTES / MB, "--max-size", min=0,
                                   help="refuse, unread, files larger than this many MB (2^20 bytes)"),
    workers: int | None = typer.Option(None, "--workers", min=1, help="parsing processes (default: CPU count)"),
    writers: int | None = typer.Option(None, "--writers", min=1,
                                       help="connections writing at once (default 2, at most --workers)"),
) -> None:
    """Load reports (migrating the database first); one transaction per report.

    Each file ends loaded, replaced (a new version of a loaded report), unchanged (same bytes)
    or refused (with the reason). Exit code 0 if none was refused, 1 if one was, 2 on a usage
    error or an unreachable database.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise fail(f"unknown encoding: {encoding}") from None
    max_bytes = round(max_size * MB)
    patterns = tuple(glob) if glob else DEFAULT_GLOBS
    try:
        files = expand_paths(paths, patterns)
    except UsageError as exc:
        raise fail(str(exc)) from exc
    url = database_url(migrate_to_head=True)
    # A lost connection is reported below in one line; psycopg would also log its own cleanup.
    logging.getLogger("psycopg").setLevel(logging.CRITICAL)
    if not files and not json_output:
        err.print(one_line(f"budget-db: no files matched ({', '.join(patterns)} in folders)"), markup=False,
                  highlight=False, soft_wrap=True)
    show_bar = out.is_terminal and not json_output and len(files) > 1
    results: list[LoadResult] = []
    started = time.perf_counter()
    progress = Progress(TextColumn("loading"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                        TextColumn("{task.fields[rate]} reports/s"), TimeElapsedColumn(),
                        console=out, transient=True, disable=not show_bar)
    try:
        with progress:
            task = progress.add_task("load", total=len(files), rate="0.0")
            for result in iter_load(url, files, encoding=encoding, allow_partial=allow_partial, dry_run=dry_run,
                                    strict=strict, keep_cleaner=keep_cleaner, workers=workers, writers=writers,
                                    max_bytes=max_bytes):
                results.append(result)
                if json_output:
                    print(json_text(result.as_dict()), flush=True)
                else:
                    _print_result(result, detail=len(files) == 1, console=progress.console)
                elapsed = time.perf_counter() - started
                progress.update(task, advance=1, rate=f"{len(results) / elapsed:.1f}" if elapsed else "0.0")
    except DatabaseUnreachable as exc:
        # One line however long (fail() would wrap it at the console width).
        err.print(one_line(f"budget-db: {exc} (stopped after {len(results)} of {len(files)} files)"), markup=False,
                  highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from exc
    summary = _summary(results, time.perf_counter() - started, dry_run)
    if json_output:
        print(json_text({"summary": summary}))
    elif out.is_terminal:
        out.print(_summary_table(summary))
    elif len(files) > 1 or dry_run:
        line = ", ".join(f"{summary[k]} {k}" for k in ("files", *OUTCOMES))
        out.print(line + (" (dry run: nothing written)" if dry_run else ""), markup=False, highlight=False,
                  soft_wrap=True)
    raise typer.Exit(EXIT_REFUSED if summary["refused"] else EXIT_OK)


@app.command("reports")
def reports(
    history: bool = typer.Option(False, "--history", help="every version, also those replaced"),
    department: str | None = typer.Option(None, "--department", "-d", help="only this department"),
    year: int | None = typer.Option(None, "--year", "-y", help="only this fiscal year"),
) -> None:
    """List the loaded reports (current versions; --history: all versions)."""
    url = database_url(migrate_to_head=True)
    with session(url) as conn:
        rows = conn.execute(
            "SELECT r.id, d.name, r.fiscal_year, r.kind, r.scope, r.version, "
            "CASE WHEN r.superseded_at IS NULL THEN '当前' ELSE to_char(r.superseded_at, 'YYYY-MM-DD HH24:MI:SS') END, "
            "r.source_file, left(r.sha256, 12), r.missing_tables, r.loaded_at "
            "FROM budget.report r JOIN budget.department d ON d.id = r.department_id "
            "WHERE (%(history)s OR r.superseded_at IS NULL) "
            "AND (%(d)s::text IS NULL OR d.name = %(d)s) AND (%(y)s::int IS NULL OR r.fiscal_year = %(y)s) "
            "ORDER BY d.name, r.fiscal_year, r.kind, r.version",
            {"history": history, "d": department, "y": year},
        ).fetchall()
    table = Table(title="all versions of the loaded reports" if history else "loaded reports")
    headers = ["id", "单位名称", "年度", "类型", "范围", "版本"]
    headers += ["替换时间", "文件", "sha256", "缺表", "载入时间"] if history else ["文件", "缺表", "载入时间"]
    for header in headers:
        table.add_column(header)
    for row in rows:
        cells = [str(v) if v is not None else "" for v in row[:-2]] + [describe(row[-2])]
        if not history:
            del cells[8], cells[6]  # replaced-at and sha256 say nothing about current versions
        # Text(): names and file names are data, not rich markup; control characters escaped.
        table.add_row(*(Text(printable(cell)) for cell in cells), f"{row[-1]:%Y-%m-%d %H:%M:%S}")
    out.print(table)


@app.command("delete")
def delete(
    department: str = typer.Option(..., "--department", "-d", help="the department (单位名称) as loaded"),
    year: int = typer.Option(..., "--year", "-y", help="the fiscal year"),
    kind: str | None = typer.Option(None, "--kind", help="部门预算 or 部门决算 (default: both)"),
) -> None:
    """Delete a report: every version and all its rows, in one transaction."""
    url = database_url(migrate_to_head=True)
    deleted = delete_report(url, department, year, kind)
    if not deleted:
        raise fail(f"no loaded report of {department} for {year}; see `budget-db reports`", EXIT_REFUSED)
    versions = ", ".join(str(version) for _, version in sorted(deleted, key=lambda d: d[1]))
    out.print(one_line(f"deleted {department} {year}: {len(deleted)} version(s) ({versions})"), markup=False,
              highlight=False, soft_wrap=True)
