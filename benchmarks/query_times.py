"""Query times with many reports loaded, in one run.

    python -m benchmarks.query_times -n 10000

1. Loads the real reports of every template into a fresh database (budget_db.batch.iter_load):
   Shenzhen (shared/reports/*.txt), Jiangsu, Shanghai and the national 部门决算
   (shared/reports/other-layouts/*.txt), and one published PDF (a second version of one of them,
   with its page map). The 决算 is also cloned into the department of a budget of the same year, so
   that budget_vs_final has pairs.
2. Grows the database to each stage (1,200 reports, then N) by cloning those reports inside
   PostgreSQL (clone_reports: set-based INSERT … SELECT, one statement a table per batch); then
   VACUUM ANALYZE.
3. Times, at each stage, the median of --runs runs after a warm-up:
   - every view of the schemas appendix, analysis, jiangsu, shanghai and final_accounts, filtered to
     one report (report_id = %s; department and fiscal_year where a view has no report_id) for a
     report of each template it applies to: target 20 ms;
   - every analysis view over all reports, every row fetched (COPY … TO STDOUT, as a BI tool's
     extract; the rows are counted, not kept): target 1 s;
   - appendix.project_overview by department and year: target 20 ms at 1,200 reports.
Prints a Markdown table per stage and the machine it ran on, or with --json one JSON object.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from benchmarks.load_throughput import fact_tables, machine, max_rss_mb, new_database
from budget_db.batch import iter_load
from budget_db.embedded import EmbeddedServer, free_port

ROOT = Path(__file__).resolve().parent.parent
# shared/ lies beside the repository (../shared) or, in a git worktree under it, further up.
SHARED_REPORTS = next((parent / "shared" / "reports" for parent in ROOT.parents
                       if (parent / "shared" / "reports").is_dir()), ROOT.parent / "shared" / "reports")
PDF = "sh_putuo_govoffice_budget_2025.pdf"  # the smallest published PDF (about 5 s to read)
PAIR_DEPARTMENT = "上海市普陀区人民政府万里街道办事处"  # has a 2024 budget; gets a copy of the 2024 决算

ONE_REPORT_MS = 20.0
ALL_REPORTS_MS = 1000.0
PROJECT_OVERVIEW_AT = 1200
# The schemas whose views are timed for one report; a template's own schema only for its reports.
ONE_REPORT_SCHEMAS = ("appendix", "analysis", "jiangsu", "shanghai", "final_accounts")
ALL_REPORTS_SCHEMAS = ("analysis",)
SCHEMA_TEMPLATE = {"jiangsu": "jiangsu_budget", "shanghai": "shanghai_budget", "final_accounts": "final_accounts"}


# -- cloning -----------------------------------------------------------------------------------
_MAP = sql.Identifier("clone_map")


def _report_columns(conn) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'budget' "
        "AND table_name = 'report' AND is_generated = 'NEVER' ORDER BY ordinal_position")]


def _clone(conn, mapping: sql.Composable, params: Sequence) -> list[int]:
    """Clone reports as `mapping` says: a query of (source_id, department, region), one row a clone.

    Each clone is a new budget.report row (a new id; the department, created if it is new; its
    report_key as the loader computes it, from region, department, year, kind and scope; a sha256 of
    its own) and a copy of every row of every table with a report_id, report_id remapped. One
    transaction (a savepoint inside the caller's); returns the new report ids in mapping order."""
    seq = sql.SQL("pg_get_serial_sequence('budget.report', 'id')")
    with conn.transaction():
        conn.execute(sql.SQL(
            "CREATE TEMP TABLE {map} ON COMMIT DROP AS SELECT m.source_id::bigint AS source_id, "
            "m.department::text AS department, m.region::text AS region, m.ord, nextval({seq}) AS new_id "
            "FROM (SELECT s.*, row_number() OVER () AS ord FROM ({mapping}) s(source_id, department, region)) m "
            "ORDER BY m.ord"
        ).format(map=_MAP, seq=seq, mapping=mapping), params)
        conn.execute(sql.SQL(
            "INSERT INTO budget.department (name, region) SELECT DISTINCT department, region FROM {map} "
            "ON CONFLICT (region, name) DO NOTHING").format(map=_MAP))
        key = sql.SQL("left(encode(sha256(convert_to(concat_ws('|', d.region, d.name, r.fiscal_year::text, "
                      "r.kind, coalesce(r.scope, '')), 'UTF8')), 'hex'), 16)")
        overrides = {
            "id": sql.SQL("m.new_id"),
            "department_id": sql.SQL("d.id"),
            "report_key": key,
            "sha256": sql.SQL("encode(sha256(convert_to(r.sha256 || ':' || m.new_id::text, 'UTF8')), 'hex')"),
        }
        columns = _report_columns(conn)
        conn.execute(sql.SQL(
            "INSERT INTO budget.report ({columns}) SELECT {values} FROM {map} m "
            "JOIN budget.report r ON r.id = m.source_id "
            "JOIN budget.department d ON d.name = m.department AND d.region = m.region"
        ).format(columns=sql.SQL(", ").join(map(sql.Identifier, columns)),
                 values=sql.SQL(", ").join(overrides.get(c, sql.SQL("r.{}").format(sql.Identifier(c)))
                                           for c in columns),
                 map=_MAP))
        for table, names in fact_tables(conn):  # parents first
            values = [sql.SQL("m.new_id") if name == "report_id" else sql.SQL("x.{}").format(sql.Identifier(name))
                      for name in names]
            conn.execute(sql.SQL(
                "INSERT INTO {table} ({columns}) SELECT {values} FROM {map} m "
                "JOIN {table} x ON x.report_id = m.source_id"
            ).format(table=sql.Identifier("budget", table), columns=sql.SQL(", ").join(map(sql.Identifier, names)),
                     values=sql.SQL(", ").join(values), map=_MAP))
        made = [new_id for (new_id,) in conn.execute(sql.SQL("SELECT new_id FROM {} ORDER BY ord").format(_MAP))]
        conn.execute(sql.SQL("DROP TABLE {}").format(_MAP))  # inside a caller's transaction too
    return made


def clone_reports(conn, base_ids: Sequence[int], start: int, count: int) -> list[int]:
    """Clones number start … start + count - 1 of base_ids: clone i copies base_ids[i % len(base_ids)]
    into the department '<its department>（副本k）', k = i // len(base_ids) + 1. Reports of one
    department stay in one department (a series year after year keeps its previous year; a budget
    and a 决算 of one department stay a pair), and no clone's report_key is another's."""
    mapping = sql.SQL(
        "SELECT b.ids[1 + mod(g, cardinality(b.ids))], d.name || '（副本' || (1 + g / cardinality(b.ids)) || '）', "
        "d.region FROM (SELECT %s::bigint[] AS ids) b CROSS JOIN generate_series(%s::bigint, %s::bigint) g "
        "JOIN budget.report r ON r.id = b.ids[1 + mod(g, cardinality(b.ids))] "
        "JOIN budget.department d ON d.id = r.department_id ORDER BY g")
    return _clone(conn, mapping, (list(base_ids), start, start + count - 1))


def clone_into(conn, source_id: int, department: str) -> int:
    """One clone of a report in another department of its region (e.g. a 决算 beside a budget)."""
    mapping = sql.SQL("SELECT r.id, %s, d.region FROM budget.report r "
                      "JOIN budget.department d ON d.id = r.department_id WHERE r.id = %s")
    return _clone(conn, mapping, (department, source_id))[0]


def vacuum_analyze(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        for (table,) in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'budget' ORDER BY tablename").fetchall():
            conn.execute(sql.SQL("VACUUM (ANALYZE) {}").format(sql.Identifier("budget", table)))


# -- the base set ------------------------------------------------------------------------------
def base_files(reports: Path = SHARED_REPORTS, pdf: bool = True) -> list[Path]:
    files = sorted(reports.glob("*.txt")) + sorted((reports / "other-layouts").glob("*.txt"))
    if pdf and (reports / "pdf" / PDF).exists():
        files.append(reports / "pdf" / PDF)  # after its text: a second version, read from the PDF
    return files


def load_base(url: str, files: list[Path]) -> dict:
    outcomes: dict[str, int] = {}
    started = time.perf_counter()
    for result in iter_load(url, files):
        outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
        if result.outcome == "refused":
            print(f"refused: {result.message}", file=sys.stderr)
    seconds = time.perf_counter() - started
    with psycopg.connect(url) as conn:
        final = conn.execute("SELECT report_id, fiscal_year FROM appendix.reports WHERE template = 'final_accounts' "
                             "ORDER BY report_id LIMIT 1").fetchone()
        if final and conn.execute("SELECT 1 FROM appendix.reports WHERE department = %s AND fiscal_year = %s",
                                  (PAIR_DEPARTMENT, final[1])).fetchone():
            clone_into(conn, final[0], PAIR_DEPARTMENT)
    return {"files": len(files), "outcomes": outcomes, "seconds": round(seconds, 2)}


def current_reports(conn) -> list[int]:
    return [rid for (rid,) in conn.execute("SELECT report_id FROM appendix.reports ORDER BY report_id")]


def grow(url: str, base_ids: list[int], target: int, batch: int) -> float:
    """Clone base reports until `target` current reports, `batch` clones a transaction."""
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:  # a transaction a batch
        have = len(current_reports(conn))
        while have < target:
            count = min(batch, target - have)
            clone_reports(conn, base_ids, have - len(base_ids), count)
            have += count
    vacuum_analyze(url)
    return time.perf_counter() - started


# -- the queries -------------------------------------------------------------------------------
@dataclass
class Query:
    label: str
    statement: sql.Composable
    params: tuple
    target_ms: float | None
    view: str
    scope: str  # "one report", "all reports" or "department and year"
    template: str | None = None


def views(conn, schemas: Sequence[str]) -> dict[str, set[str]]:
    """schema.view -> its column names, for every view of the schemas."""
    found: dict[str, set[str]] = {}
    for schema, view, column in conn.execute(
            "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c "
            "JOIN information_schema.views v ON v.table_schema = c.table_schema AND v.table_name = c.table_name "
            "WHERE c.table_schema = ANY(%s) ORDER BY 1, 2", (list(schemas),)):
        found.setdefault(f"{schema}.{view}", set()).add(column)
    return found


def sample_reports(conn, base_ids: Sequence[int]) -> dict[str, dict]:
    """For each template, its largest base report's latest clone (else the base report itself):
    report_id, department, fiscal_year."""
    sizes = {rid: 0 for rid in base_ids}
    for table, _ in fact_tables(conn):
        for rid, rows in conn.execute(sql.SQL("SELECT report_id, count(*) FROM {} WHERE report_id = ANY(%s) "
                                              "GROUP BY 1").format(sql.Identifier("budget", table)),
                                      (list(base_ids),)):
            sizes[rid] += rows
    chosen: dict[str, dict] = {}
    for rid in sorted(base_ids, key=lambda r: -sizes[r]):
        template, department, year, region = conn.execute(
            "SELECT template, department, fiscal_year, region FROM appendix.reports WHERE report_id = %s",
            (rid,)).fetchone()
        if template in chosen:
            continue
        latest = conn.execute(
            "SELECT report_id, department FROM appendix.reports WHERE region = %s AND fiscal_year = %s "
            "AND template = %s AND (department = %s OR department LIKE %s || '（副本%%）') "
            "ORDER BY report_id DESC LIMIT 1", (region, year, template, department, department)).fetchone()
        chosen[template] = {"report_id": latest[0], "department": latest[1], "fiscal_year": year,
                            "base_report_id": rid, "rows": sizes[rid]}
    if "final_accounts" in chosen:  # the 决算 copied beside a budget: budget_vs_final has its rows
        pair = conn.execute(
            "SELECT report_id, department FROM appendix.reports WHERE template = 'final_accounts' "
            "AND (department = %s OR department LIKE %s || '（副本%%）') ORDER BY report_id DESC LIMIT 1",
            (PAIR_DEPARTMENT, PAIR_DEPARTMENT)).fetchone()
        if pair:
            chosen["final_accounts"].update(report_id=pair[0], department=pair[1])
    return chosen


def one_report_queries(found: dict[str, set[str]], samples: dict[str, dict]) -> list[Query]:
    queries = []
    for name, columns in sorted(found.items()):
        schema, view = name.split(".")
        table = sql.Identifier(schema, view)
        for template, sample in samples.items():
            if SCHEMA_TEMPLATE.get(schema, template) != template:
                continue
            if "report_id" in columns:
                statement = sql.SQL("SELECT * FROM {} WHERE report_id = %s").format(table)
                params, where = (sample["report_id"],), "report_id"
            elif {"department", "fiscal_year"} <= columns:
                statement = sql.SQL("SELECT * FROM {} WHERE department = %s AND fiscal_year = %s").format(table)
                params, where = (sample["department"], sample["fiscal_year"]), "department, year"
            else:
                raise ValueError(f"{name} has neither report_id nor department and fiscal_year: add a filter")
            queries.append(Query(f"{name} ({where} of {template})", statement, params, ONE_REPORT_MS, name,
                                 "one report", template))
    return queries


def all_reports_queries(found: dict[str, set[str]]) -> list[Query]:
    return [Query(f"{name} (all reports)", sql.SQL("SELECT * FROM {}").format(sql.Identifier(*name.split("."))),
                  (), ALL_REPORTS_MS, name, "all reports")
            for name in sorted(found) if name.split(".")[0] in ALL_REPORTS_SCHEMAS]


def project_overview_query(sample: dict, target: bool) -> Query:
    return Query("appendix.project_overview (department and year of shenzhen_budget)",
                 sql.SQL("SELECT * FROM appendix.project_overview WHERE department = %s AND fiscal_year = %s"),
                 (sample["department"], sample["fiscal_year"]), ONE_REPORT_MS if target else None,
                 "appendix.project_overview", "department and year", "shenzhen_budget")


def benchmark_queries(conn, samples: dict[str, dict], project_overview_target: bool) -> list[Query]:
    """Every query the benchmark times at one stage."""
    one = one_report_queries(views(conn, ONE_REPORT_SCHEMAS), samples)
    every = all_reports_queries(views(conn, ALL_REPORTS_SCHEMAS))
    extra = [project_overview_query(samples["shenzhen_budget"], project_overview_target)] \
        if "shenzhen_budget" in samples else []
    return extra + one + every


# -- timing ------------------------------------------------------------------------------------
def run_query(conn, query: Query) -> int:
    if query.scope == "all reports":  # every row over the wire, counted as it comes
        rows = 0
        with conn.cursor().copy(sql.SQL("COPY ({}) TO STDOUT").format(query.statement)) as copy:
            for chunk in copy:
                rows += bytes(chunk).count(b"\n")
        return rows
    return len(conn.execute(query.statement, query.params).fetchall())


def time_query(conn, query: Query, runs: int) -> dict:
    started = time.perf_counter()
    try:
        rows = run_query(conn, query)  # warm-up
    except psycopg.errors.QueryCanceled:
        return {"rows": None, "median_ms": None, "runs": 0, "error": "statement timeout"}
    warm_up = time.perf_counter() - started
    seconds = []
    for _ in range(min(runs, 3) if warm_up > 1 else runs):  # a slow query: fewer runs
        started = time.perf_counter()
        run_query(conn, query)
        seconds.append(time.perf_counter() - started)
    return {"rows": rows, "median_ms": round(statistics.median(seconds) * 1000, 2), "runs": len(seconds)}


def measure(url: str, queries: list[Query], runs: int, timeout_s: int) -> list[dict]:
    results = []
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("SET statement_timeout = {}").format(sql.Literal(f"{timeout_s}s")))
        for query in queries:
            timed = time_query(conn, query, runs)
            ok = None
            if query.target_ms is not None:
                ok = timed["median_ms"] is not None and timed["median_ms"] < query.target_ms
            results.append({"query": query.label, "view": query.view, "scope": query.scope,
                            "template": query.template, **timed, "target_ms": query.target_ms, "ok": ok})
            print(f"  {query.label}: {timed}", file=sys.stderr)
    return results


def markdown(stage: dict) -> list[str]:
    lines = [f"### {stage['reports']} reports ({stage['rows']:,} fact rows)", "",
             "| query | rows | median ms | target | ok |", "|---|---:|---:|---:|---|"]
    for r in stage["queries"]:
        target = f"< {r['target_ms']:g} ms" if r["target_ms"] is not None else "—"
        ok = {True: "ok", False: "MISS", None: "—"}[r["ok"]]
        median = r.get("error") or f"{r['median_ms']:.1f}"
        lines.append(f"| {r['query']} | {r['rows'] if r['rows'] is not None else '—'} | {median} | {target} | {ok} |")
    return lines


def fact_rows(url: str) -> int:
    with psycopg.connect(url) as conn:
        return sum(conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier("budget", t))).fetchone()[0]
                   for t, _ in fact_tables(conn))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--reports", type=int, default=10000, help="current reports at the last stage")
    parser.add_argument("--stages", type=int, nargs="*", default=[PROJECT_OVERVIEW_AT],
                        help="smaller stages measured on the way (default: 1200)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs a query, after one warm-up")
    parser.add_argument("--batch", type=int, default=500, help="clones a transaction")
    parser.add_argument("--timeout", type=int, default=120, help="statement timeout in seconds")
    parser.add_argument("--shared-reports", type=Path, default=SHARED_REPORTS)
    parser.add_argument("--no-pdf", action="store_true", help="no PDF in the base set")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the tables")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="budget-db-bench-"))
    home.chmod(0o755)  # as root the server runs as an unprivileged user
    server = EmbeddedServer(home, free_port())
    try:
        server.start()
        server_url = server.url("postgres")
        url = new_database(server_url, "bench_queries")
        base = load_base(url, base_files(args.shared_reports, pdf=not args.no_pdf))
        with psycopg.connect(url) as conn:
            base_ids = current_reports(conn)
        base.update(reports=len(base_ids))
        print(f"base: {base}", file=sys.stderr)
        stages = []
        for target in sorted({s for s in args.stages if s < args.reports} | {args.reports}):
            clone_seconds = grow(url, base_ids, target, args.batch)
            print(f"grew to {target} reports in {clone_seconds:.1f} s", file=sys.stderr)
            with psycopg.connect(url) as conn:
                queries = benchmark_queries(conn, sample_reports(conn, base_ids), target == PROJECT_OVERVIEW_AT)
            stages.append({"reports": target, "rows": fact_rows(url), "clone_and_vacuum_seconds": round(clone_seconds, 1),
                           "queries": measure(url, queries, args.runs, args.timeout)})
        info = {"base": base, "machine": machine(server_url), "max_rss_mb": round(max_rss_mb(), 1), "runs": args.runs}
        if args.json:
            print(json.dumps({**info, "stages": stages}, ensure_ascii=False))
            return
        print()
        print(f"Machine: {info['machine']}")
        print(f"Base: {base['reports']} current reports from {base['files']} files ({base['outcomes']}, "
              f"{base['seconds']} s), grown by cloning in PostgreSQL; median of {args.runs} runs after a warm-up")
        for stage in stages:
            print()
            print(f"Grown to {stage['reports']} reports in {stage['clone_and_vacuum_seconds']} s "
                  "(cloning, then VACUUM ANALYZE)")
            print()
            print("\n".join(markdown(stage)))
        misses = [r["query"] for s in stages for r in s["queries"] if r["ok"] is False]
        print()
        print(f"Missed: {len(misses)}" + "".join(f"\n- {m}" for m in misses))
    finally:
        server.destroy()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
