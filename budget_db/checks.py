"""Consistency rules: the catalog sql/checks/catalog.toml names them, one SQL file each.

A rule's query reads one report (it filters every table to `%(report_id)s` itself) and returns
only the offending rows (place, left_value, right_value, terms, source_line, message). The runner
binds the report id, derives difference = left_value - right_value, calls a difference of at
most (n + 1) × 0.005 for n summed terms `rounding`, and stores the findings in budget.validation_finding inside
the caller's transaction (the load's, on load). A rule runs for a report whose template it
holds in and that has a table of every kind it reads; the others are recorded as skipped.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from decimal import Decimal
from pathlib import Path

import psycopg
from psycopg import sql

from budget_db.code_lists import rows as code_list_rows
from budget_db.config import CHECKS_DIR

CATALOG = "catalog.toml"
KINDS = ("within", "across", "narrative", "link")
SEVERITIES = ("error", "warning")
ROUNDING = "rounding"
NOT_CHECKED = "not_checked"  # a row the rule compares is missing: terms is NULL
ROUNDING_PER_AMOUNT = Decimal("0.005")  # half a cent: each printed amount is rounded to the cent
RESULT_COLUMNS = ("place", "left_value", "right_value", "terms", "source_line", "message")
REPORT_PARAMETER = "%(report_id)s"
# Every % of a rule file but the report parameter is SQL's own (format('%s …')): psycopg must see %%.
_SQL_PERCENT = re.compile(r"%(?!\(report_id\)s)")
# The table kinds a rule may read (budget.table_kind's file).
TABLE_KINDS = frozenset(code for (code,) in code_list_rows("table_kinds.csv", ("code",)))


class CatalogError(ValueError):
    """The catalog and the rule files disagree."""


class StrictRefusal(Exception):
    """A load refused for its findings (--strict: any error; --keep-cleaner: more errors than the
    version it would replace): the load's transaction must roll back."""


def _statement_text(rule_text: str) -> str:
    """A rule's SQL as a statement's text: a literal % doubled, %(report_id)s its parameter."""
    return _SQL_PERCENT.sub("%%", rule_text)


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    severity: str
    kinds: tuple[str, ...]  # budget.table_kind codes of the tables it reads
    templates: tuple[str, ...]  # the templates it holds in; () for every template
    reads: tuple[str, ...]
    description: str
    path: Path

    @cached_property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8").strip().rstrip(";")

    def query(self) -> sql.SQL:
        """The rule as a statement with one parameter, report_id."""
        return sql.SQL(_statement_text(self.text))


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: str  # error | warning | rounding
    place: str
    left_value: Decimal | None
    right_value: Decimal | None
    difference: Decimal | None
    source_line: int | None
    message: str | None


@dataclass(frozen=True)
class CheckRun:
    """What one run over one report did."""

    report_id: int
    rules_run: tuple[Rule, ...]
    rules_skipped: tuple[Rule, ...]  # another template's, or the report lacks a table kind they read
    findings: tuple[Finding, ...]
    template: str = ""  # the report's

    def holds(self, rule: Rule) -> bool:
        """The rule holds in the report's template (else it was skipped as another template's)."""
        return not rule.templates or self.template in rule.templates

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.findings)


def load_catalog(directory: Path = CHECKS_DIR) -> tuple[Rule, ...]:
    """The rules in catalog order; every entry has its file and every file its entry.

    Read once per process and again only when a file in the folder changes (every load runs them).
    """
    signature = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(directory.iterdir()))
    return _read_catalog(directory, signature)


@lru_cache(maxsize=4)
def _read_catalog(directory: Path, signature: tuple) -> tuple[Rule, ...]:
    with open(directory / CATALOG, "rb") as f:
        entries = tomllib.load(f).get("rule", [])
    rules, seen = [], set()
    for entry in entries:
        rule_id = entry.get("id", "")
        if not rule_id or rule_id in seen:
            raise CatalogError(f"{CATALOG}: missing or repeated rule id {rule_id!r}")
        seen.add(rule_id)
        if entry.get("kind") not in KINDS or entry.get("severity") not in SEVERITIES:
            raise CatalogError(f"{CATALOG}: rule {rule_id}: kind must be one of {KINDS}, severity one of {SEVERITIES}")
        path = directory / f"{rule_id}.sql"
        if not path.exists():
            raise CatalogError(f"{CATALOG}: rule {rule_id} has no file {path.name}")
        kinds = tuple(entry.get("kinds", ()))
        unknown = sorted(set(kinds) - TABLE_KINDS)
        if unknown:
            raise CatalogError(f"{CATALOG}: rule {rule_id}: unknown table kinds {', '.join(unknown)}")
        if REPORT_PARAMETER not in path.read_text(encoding="utf-8"):
            raise CatalogError(f"{CATALOG}: rule {rule_id} does not filter to the report ({REPORT_PARAMETER})")
        rules.append(Rule(rule_id, entry["kind"], entry["severity"], kinds, tuple(entry.get("templates", ())),
                          tuple(entry.get("reads", ())), entry.get("description", ""), path))
    unlisted = sorted(p.stem for p in directory.glob("*.sql") if p.stem not in seen)
    if unlisted:
        raise CatalogError(f"{CATALOG}: rule files not in the catalog: {', '.join(unlisted)}")
    return tuple(rules)


def rule_by_id(rule_id: str, directory: Path = CHECKS_DIR) -> Rule:
    for rule in load_catalog(directory):
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)


def classify(rule: Rule, difference: Decimal | None, terms: int | None) -> str:
    """`rounding` for a non-zero difference within half a cent per printed amount (the n summed
    terms and the total they are compared with: (n + 1) × 0.005), else the rule's severity;
    `not_checked` where the rule says it could not compare (terms NULL: a row it needs is missing)."""
    if terms is None:
        return NOT_CHECKED
    if difference is None or difference == 0 or not terms:
        return rule.severity
    return ROUNDING if abs(difference) <= ROUNDING_PER_AMOUNT * (terms + 1) else rule.severity


def _rule_query(rule: Rule) -> str:
    return _finding_query(rule.text)


@lru_cache(maxsize=None)
def _finding_query(rule_text: str) -> str:
    # The rule filters to the report itself: no outer WHERE, which would not reach its CTEs' tables.
    # Composed once a rule's text (every report runs every rule: composing was part of each load).
    return sql.SQL("SELECT {}, finding.left_value - finding.right_value FROM ({}) AS finding").format(
        sql.SQL(", ").join(sql.Identifier("finding", c) for c in RESULT_COLUMNS),
        sql.SQL(_statement_text(rule_text))).as_string()


def _findings(rule: Rule, rows: list[tuple]) -> list[Finding]:
    return [
        Finding(rule.id, classify(rule, difference, terms), place, left, right, difference, line, message)
        for place, left, right, terms, line, message, difference in rows
    ]


@contextmanager
def _generic_plans(conn: psycopg.Connection) -> Iterator[None]:
    # A rule reads one report, so it is planned for an average report (a generic plan). A custom plan
    # for a report just written is costed from statistics that do not know it: while every loaded
    # report is a most-common value, the new one is estimated at 1 row a table, and the nested loops
    # chosen for that rescan whole tables (seconds instead of milliseconds).
    (previous,) = conn.execute(
        "SELECT current_setting('plan_cache_mode'), set_config('plan_cache_mode', 'force_generic_plan', true)"
    ).fetchone()[:1]
    try:
        yield
    finally:
        conn.execute("SELECT set_config('plan_cache_mode', %s, true)", (previous,))


def run_rule(conn: psycopg.Connection, rule: Rule, report_id: int) -> list[Finding]:
    with _generic_plans(conn):
        return _findings(rule, conn.execute(_rule_query(rule), {"report_id": report_id}).fetchall())


def run_rules(conn: psycopg.Connection, rules: list[Rule], report_id: int) -> list[Finding]:
    """All rules in one pipeline: the queries go out together instead of one round trip each."""
    with _generic_plans(conn), conn.pipeline():
        cursors = [conn.execute(_rule_query(rule), {"report_id": report_id}) for rule in rules]
    return [finding for rule, cursor in zip(rules, cursors) for finding in _findings(rule, cursor.fetchall())]


@dataclass(frozen=True)
class ReportTables:
    """What decides which rules a report gets: its template and the kinds of its printed tables."""

    template: str
    kinds: frozenset[str]  # kinds of the tables it has
    # Kinds of tables named in report.missing_tables (--allow-partial) that budget.report_table
    # still lists; a missing table it does not list has no kind here (its template would know it).
    missing_kinds: frozenset[str]


def report_tables(conn: psycopg.Connection, report_id: int) -> ReportTables:
    """The report's template and table kinds, from budget.report and budget.report_table."""
    row = conn.execute(
        "SELECT r.template, "
        "coalesce(array_agg(DISTINCT t.kind) FILTER (WHERE NOT t.table_no = ANY (r.missing_tables)), '{}'), "
        "coalesce(array_agg(DISTINCT t.kind) FILTER (WHERE t.table_no = ANY (r.missing_tables)), '{}') "
        "FROM budget.report r LEFT JOIN budget.report_table t ON t.report_id = r.id "
        "WHERE r.id = %s GROUP BY r.id",
        (report_id,),
    ).fetchone()
    if row is None:
        raise ValueError(f"no report {report_id}")
    return ReportTables(row[0], frozenset(row[1]), frozenset(row[2]))


def applicable(rules: tuple[Rule, ...], report: ReportTables) -> tuple[list[Rule], list[Rule]]:
    """(rules to run, rules skipped: another template's, or reading a kind the report lacks).

    A kind is lacking when the report has no table of it, or one of its tables is missing
    (cut off in a partial load): the rule would compare part of the report with the whole.
    """
    def runs(rule: Rule) -> bool:
        return ((not rule.templates or report.template in rule.templates)
                and set(rule.kinds) <= report.kinds and not set(rule.kinds) & report.missing_kinds)

    decided = [(rule, runs(rule)) for rule in rules]
    return [rule for rule, ok in decided if ok], [rule for rule, ok in decided if not ok]


def sync_rules(conn: psycopg.Connection, rules: tuple[Rule, ...]) -> None:
    """Keep budget.validation_rule equal to the catalog; writes (and locks) only on a change."""
    stored = {row[0]: row for row in conn.execute(
        "SELECT id, kind, severity, kinds, templates, reads, description FROM budget.validation_rule")}
    changed = [row for row in ((r.id, r.kind, r.severity, list(r.kinds), list(r.templates), list(r.reads),
                                r.description) for r in rules) if stored.get(row[0]) != row]
    if changed:
        conn.cursor().executemany(
            "INSERT INTO budget.validation_rule (id, kind, severity, kinds, templates, reads, description) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
            "severity = excluded.severity, kinds = excluded.kinds, templates = excluded.templates, "
            "reads = excluded.reads, description = excluded.description",
            changed,
        )


def store_findings(conn: psycopg.Connection, report_id: int, rules: list[Rule], findings: list[Finding]) -> None:
    conn.execute("DELETE FROM budget.validation_finding WHERE report_id = %s AND rule_id = ANY(%s)",
                 (report_id, [r.id for r in rules]))
    numbers: dict[str, int] = {}
    with conn.cursor().copy(
        "COPY budget.validation_finding (report_id, rule_id, finding_no, severity, place, left_value, "
        "right_value, difference, source_line, message) FROM STDIN"
    ) as copy:
        for f in findings:
            numbers[f.rule_id] = numbers.get(f.rule_id, 0) + 1
            copy.write_row((report_id, f.rule_id, numbers[f.rule_id], f.severity, f.place, f.left_value,
                            f.right_value, f.difference, f.source_line, f.message))


def run_checks(conn: psycopg.Connection, report_id: int, rule_ids: list[str] | None = None) -> CheckRun:
    """Run the catalog (or the rules named) over one report and store the findings."""
    catalog = load_catalog()
    chosen = catalog if rule_ids is None else tuple(r for r in catalog if r.id in rule_ids)
    tables = report_tables(conn, report_id)
    to_run, skipped = applicable(chosen, tables)
    sync_rules(conn, catalog)
    findings = run_rules(conn, to_run, report_id)
    store_findings(conn, report_id, list(chosen), findings)
    run = CheckRun(report_id, tuple(to_run), tuple(skipped), tuple(findings), tables.template)
    if rule_ids is None:
        conn.execute(
            "INSERT INTO budget.validation_run (report_id, checked_at, rules_run, rules_skipped) "
            "VALUES (%s, now(), %s, %s) ON CONFLICT (report_id) DO UPDATE SET checked_at = excluded.checked_at, "
            "rules_run = excluded.rules_run, rules_skipped = excluded.rules_skipped",
            (report_id, len(to_run), [r.id for r in skipped]),
        )
    return run


def after_write(conn: psycopg.Connection, report_id: int) -> None:
    """The load hook: every load runs the whole catalog."""
    run_checks(conn, report_id)


def refuse_errors(conn: psycopg.Connection, report_id: int) -> None:
    """For a strict load: raise StrictRefusal if the report has error findings."""
    rows = conn.execute(
        "SELECT rule_id, place, left_value, right_value FROM budget.validation_finding "
        "WHERE report_id = %s AND severity = 'error' ORDER BY rule_id, finding_no",
        (report_id,),
    ).fetchall()
    if rows:
        shown = "; ".join(f"{rule} {place}: {format_money(left)} vs {format_money(right)}"
                          for rule, place, left, right in rows[:3])
        more = f"; and {len(rows) - 3} more" if len(rows) > 3 else ""
        raise StrictRefusal(f"refused by --strict: {len(rows)} error finding{'s' if len(rows) > 1 else ''} "
                            f"({shown}{more})")


FINDING_SEVERITIES = ("error", "warning", ROUNDING)


def finding_counts(conn: psycopg.Connection, report_ids: list[int]) -> dict[int, dict[str, int]]:
    """Stored findings by severity (error, warning, rounding) of each report, in one query."""
    counts = {report_id: dict.fromkeys(FINDING_SEVERITIES, 0) for report_id in report_ids}
    for report_id, severity, count in conn.execute(
        "SELECT report_id, severity, count(*) FROM budget.validation_finding WHERE report_id = ANY(%s) "
        "GROUP BY report_id, severity", (report_ids,),
    ):
        counts[report_id][severity] = count
    return counts


def format_money(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.2f}"
