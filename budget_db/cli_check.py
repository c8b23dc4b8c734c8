"""`budget-db check`: run the consistency rules over loaded reports and print the findings by rule."""

from __future__ import annotations

import typer

from budget_db import checks
from budget_db.checks import format_money
from budget_db.cli import EXIT_OK, EXIT_REFUSED, app, database_url, fail, out, select_reports, session
from budget_db.terminal import json_text, printable


def say(text: str) -> None:
    """A line of output; report text in it (places, names) has its control characters escaped."""
    out.print(printable(text), markup=False, highlight=False, soft_wrap=True)


def finding_dict(finding: checks.Finding, report: tuple[int, str, int]) -> dict:
    report_id, department, fiscal_year = report
    return {
        "report_id": report_id, "department": department, "fiscal_year": fiscal_year,
        "severity": finding.severity, "place": finding.place,
        "left": None if finding.left_value is None else str(finding.left_value),
        "right": None if finding.right_value is None else str(finding.right_value),
        "difference": None if finding.difference is None else str(finding.difference),
        "source_line": finding.source_line, "message": finding.message,
    }


def print_text(rules: tuple[checks.Rule, ...], runs: list[tuple[tuple, checks.CheckRun]]) -> None:
    for rule in rules:
        found = [(report, f) for report, run in runs for f in run.findings if f.rule_id == rule.id]
        if not found:
            continue
        say(f"{rule.id} [{rule.severity}] {rule.description}")
        for (_, department, year), f in found:
            difference = "" if f.difference is None else f" (difference {format_money(f.difference)})"
            say(f"  {f.severity:<8} {department} {year} · {f.place}: {format_money(f.left_value)} vs "
                f"{format_money(f.right_value)}{difference} — {f.message}")
    for (_, department, year), run in runs:
        missed = [r.id for r in run.rules_skipped if run.holds(r)]  # another template's rules are not missed
        if missed:
            say(f"skipped for {department} {year} (a 附表 they read is missing): {', '.join(missed)}")
    totals = {s: sum(run.count(s) for _, run in runs) for s in ("error", "warning", checks.ROUNDING, checks.NOT_CHECKED)}
    not_checked = f", {totals[checks.NOT_CHECKED]} not checked" if totals[checks.NOT_CHECKED] else ""
    held = len({r.id for _, run in runs for r in (*run.rules_run, *run.rules_skipped) if run.holds(r)})
    say(f"{len(runs)} report{'s' if len(runs) != 1 else ''}, {held} rule{'s' if held != 1 else ''}: "
        f"{totals['error']} errors, {totals['warning']} warnings, {totals[checks.ROUNDING]} rounding{not_checked}")


def print_json(rules: tuple[checks.Rule, ...], runs: list[tuple[tuple, checks.CheckRun]]) -> None:
    document = {
        "reports": [
            {"report_id": report[0], "department": report[1], "fiscal_year": report[2],
             "rules_run": [r.id for r in run.rules_run], "rules_skipped": [r.id for r in run.rules_skipped],
             "errors": run.count("error"), "warnings": run.count("warning"), "rounding": run.count(checks.ROUNDING),
             "not_checked": run.count(checks.NOT_CHECKED)}
            for report, run in runs
        ],
        "rules": [
            {"id": rule.id, "kind": rule.kind, "severity": rule.severity, "description": rule.description,
             "findings": [finding_dict(f, report) for report, run in runs for f in run.findings
                          if f.rule_id == rule.id]}
            for rule in rules
        ],
    }
    print(json_text(document, indent=2))


@app.command("check")
def check(
    department: str = typer.Option(None, "--department", "-d", help="单位名称, as the tables print it"),
    year: int = typer.Option(None, "--year", "-y", help="fiscal year"),
    rule: str = typer.Option(None, "--rule", "-r", help="run only this rule (an id in sql/checks/catalog.toml)"),
    as_json: bool = typer.Option(False, "--json", help="print JSON instead of text"),
) -> None:
    """Run the consistency rules over the loaded reports, store the findings, print them by rule.

    Exits 1 if any finding is an error (rounding gaps and warnings are not).
    """
    catalog = checks.load_catalog()
    if rule is not None and rule not in {r.id for r in catalog}:
        raise fail(f"no rule {rule!r} in sql/checks/catalog.toml")
    rules = tuple(r for r in catalog if rule is None or r.id == rule)
    url = database_url(migrate_to_head=True)
    with session(url) as conn:  # one transaction: the stored findings are replaced together
        reports = select_reports(conn, department, year)
        if not reports:
            raise fail("no loaded report matches; see `budget-db reports`", EXIT_REFUSED)
        runs = [(report, checks.run_checks(conn, report[0], None if rule is None else [rule]))
                for report in reports]
    (print_json if as_json else print_text)(rules, runs)
    errors = sum(run.count("error") for _, run in runs)
    raise typer.Exit(EXIT_REFUSED if errors else EXIT_OK)
