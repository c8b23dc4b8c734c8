"""Load throughput on the embedded server, in one run.

    python -m benchmarks.load_throughput -n 500

1. Generates N distinct reports from the sample (benchmarks/variants.py).
2. Parse: time per report, one process, over the first --parse-sample files.
3. Write: time per report of write_report alone (those parsed reports, one transaction each,
   statistics refreshed at 1, 2, 4 … reports as a batch refreshes them).
4. End to end: budget_db.batch.iter_load over all N files into a fresh database (parsing in
   worker processes, writing on --writers connections, one transaction per report): reports/s and rows/s.
5. COPY floor: the same rows, exported from that database, COPYed into another fresh one with
   nothing else: (a) one COPY per table in one transaction; (b) one transaction per report;
   (c) as (b) without key checks (foreign keys and key triggers off: the FK-free floor).
Prints a Markdown table and the machine it ran on, or with --json one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg import sql

from benchmarks.variants import write_variants
from budget_db import checks, load, migrate
from budget_db.batch import iter_load
from budget_db.embedded import EmbeddedServer, free_port
from budget_db.load import write_report
from budget_db.parsing import parse_file, parsing_pool
from budget_db.statistics import refresh_statistics
from budget_db.table_rows import parent_rank
from budget_db.writers import DEFAULT_WRITERS

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "shenzhen_luohu_police_2020.txt"


def new_database(server_url: str, name: str) -> str:
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = server_url.rsplit("/", 1)[0] + "/" + name
    migrate.upgrade(url)
    return url


def _timed_parse(path: Path) -> tuple[float, object]:
    started = time.perf_counter()
    report = parse_file(path)
    seconds = time.perf_counter() - started
    report.grid = None
    return seconds, report


def measure_parse(files: list[Path]) -> tuple[list, list[float]]:
    """One by one in a parsing process, as a batch parses (its collector settings included)."""
    with parsing_pool(1) as pool:
        timed = list(pool.map(_timed_parse, files))
    return [(path, report) for path, (_, report) in zip(files, timed)], [seconds for seconds, _ in timed]


def measure_write(url: str, parsed: list) -> list[float]:
    """write_report's time per report, statistics refreshed as a batch refreshes them (at 1, 2, 4 …
    reports: without, the rules run on plans made for empty tables)."""
    seconds = []
    with psycopg.connect(url) as conn:
        for done, (path, report) in enumerate(parsed, start=1):
            started = time.perf_counter()
            with conn.transaction():
                write_report(conn, report, path.name)
            seconds.append(time.perf_counter() - started)
            if done & (done - 1) == 0:
                refresh_statistics(conn)
    return seconds


def resident_mb() -> float:
    """This process's resident set now (VmRSS), in MB."""
    line = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str]:
    """/proc/PID/stat from its third field (state) on: the command name may hold spaces."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2:].split()


def postgres_cpu_seconds(server: EmbeddedServer) -> float:
    """The server's CPU so far: the postmaster's own and that of the processes it has reaped
    (backends that ended: cutime, cstime), and its processes' still running."""
    postmaster = int((server.data_dir / "postmaster.pid").read_text().split()[0])
    ticks = sum(map(int, _stat_fields(postmaster)[11:15]))  # utime stime cutime cstime
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = _stat_fields(int(entry.name))
            except (OSError, ValueError):
                continue  # ended meanwhile
            if fields[1] == str(postmaster):
                ticks += int(fields[11]) + int(fields[12])
    return ticks / _TICKS


def _own_cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def measure_end_to_end(url: str, files: list[Path], workers: int | None,
                       writers: int | None = None, server: EmbeddedServer | None = None) -> tuple[float, int, dict, dict]:
    """Seconds, rows, outcomes, the writing process's resident MB after 10% of the reports and at
    the end (flat if nothing accumulates per report), and with `server` the CPU a report of
    PostgreSQL, the parsing processes and the writing process (its threads) during the load."""
    cpu_before = (postgres_cpu_seconds(server) if server else 0.0, _own_cpu_seconds(resource.RUSAGE_CHILDREN),
                  _own_cpu_seconds(resource.RUSAGE_SELF))
    started = time.perf_counter()
    outcomes: dict[str, int] = {}
    rows = 0
    for done, result in enumerate(iter_load(url, files, workers=workers, writers=writers), start=1):
        outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
        rows += sum(result.rows.values())
        if result.outcome == "refused":
            raise SystemExit(f"a generated report was refused: {result.message}")
        if done == max(1, len(files) // 10):
            resident_early = resident_mb()
    seconds = time.perf_counter() - started
    measures = {"rss_mb_after_10pct": round(resident_early, 1), "rss_mb_at_end": round(resident_mb(), 1)}
    if server:
        time.sleep(0.5)  # the writers' backends end and are reaped: their CPU moves to the postmaster's
        spent = [after - before for before, after in zip(cpu_before, (
            postgres_cpu_seconds(server), _own_cpu_seconds(resource.RUSAGE_CHILDREN),
            _own_cpu_seconds(resource.RUSAGE_SELF)))]
        per_report = dict(zip(("postgres", "parsing", "writing"), (round(x / len(files) * 1000, 1) for x in spent)))
        measures["cpu_ms_per_report"] = {**per_report, "total": round(sum(spent) / len(files) * 1000, 1)}
        measures["cores_busy"] = round(sum(spent) / seconds, 2)
    return seconds, rows, outcomes, measures


# -- the COPY floor ----------------------------------------------------------------------------
def _parents_first(tables: list[str]) -> list[str]:
    """Tables ordered as the loader writes them: those other rows point to first (their keys are
    checked at the end of each statement), then by name."""
    return sorted(tables, key=lambda table: (parent_rank(table), table))


def fact_tables(conn) -> list[tuple[str, list[str]]]:
    """Tables of schema budget with a report_id (except report itself), parents first, with columns."""
    tables = _parents_first([name for (name,) in conn.execute(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'budget' "
        "AND column_name = 'report_id' AND table_name <> 'report' ORDER BY table_name")])
    result = []
    for table in tables:
        names = [name for (name,) in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'budget' AND table_name = %s "
            "AND is_generated = 'NEVER' AND coalesce(identity_generation, '') <> 'ALWAYS' ORDER BY ordinal_position",
            (table,))]
        result.append((table, names))
    return result


def _copy_out(conn, table: str, names: list[str], where: sql.Composable = sql.SQL("")) -> bytes:
    query = sql.SQL("COPY (SELECT {} FROM budget.{}{}) TO STDOUT").format(
        sql.SQL(", ").join(map(sql.Identifier, names)), sql.Identifier(table), where)
    with conn.cursor().copy(query) as copy:
        return b"".join(bytes(chunk) for chunk in copy)


def _copy_in(conn, table: str, names: list[str], data: bytes) -> None:
    query = sql.SQL("COPY budget.{} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, names)))
    with conn.cursor().copy(query) as copy:
        copy.write(data)


def _reference_tables(conn) -> list[tuple[str, list[str]]]:
    """Tables without report_id (reports, departments, code lists): copied before the timing."""
    tables = [name for (name,) in conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'budget' AND c.relkind = 'r' AND NOT EXISTS (SELECT 1 FROM pg_attribute a "
        "WHERE a.attrelid = c.oid AND a.attname = 'report_id') ORDER BY c.relname")]
    result = []
    for table in tables:
        names = [name for (name,) in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'budget' AND table_name = %s "
            "AND is_generated = 'NEVER' ORDER BY ordinal_position", (table,))]
        result.append((table, names))
    return result


def measure_copy_floor(source_url: str, target_url: str) -> tuple[float, float, float, int]:
    with psycopg.connect(source_url) as source, psycopg.connect(target_url) as target:
        facts = fact_tables(source)
        reference = [(t, n) for t, n in _reference_tables(source)]
        # Untimed: what the facts point to, with foreign-key triggers off while it goes in.
        target.execute("SET session_replication_role = replica")
        for table, names in reference:
            target.execute(sql.SQL("TRUNCATE budget.{} CASCADE").format(sql.Identifier(table)))
            _copy_in(target, table, names, _copy_out(source, table, names))
        target.execute("SET session_replication_role = origin")
        target.commit()
        everything = {table: _copy_out(source, table, names) for table, names in facts}
        rows = sum(data.count(b"\n") for data in everything.values())

        # (a) One COPY per table, one transaction.
        started = time.perf_counter()
        with target.transaction():
            for table, names in facts:
                _copy_in(target, table, names, everything[table])
        one_transaction = time.perf_counter() - started

        # (b) One transaction per report, one COPY per table, as the loader writes.
        target.execute(sql.SQL("TRUNCATE {}").format(
            sql.SQL(", ").join(sql.Identifier("budget", table) for table, _ in facts)))
        target.commit()
        report_ids = [rid for (rid,) in source.execute("SELECT id FROM budget.report ORDER BY id")]
        per_report = []
        for report_id in report_ids:
            where = sql.SQL(" WHERE report_id = {}").format(sql.Literal(report_id))
            per_report.append([(t, n, _copy_out(source, t, n, where)) for t, n in facts])
        def copy_per_report() -> float:
            started = time.perf_counter()
            for batch in per_report:
                with target.transaction():
                    for table, names, data in batch:
                        if data:
                            _copy_in(target, table, names, data)
            return time.perf_counter() - started

        per_report_seconds = copy_per_report()
        # (c) The same without key checks (foreign-key and key triggers off): the FK-free floor.
        target.execute(sql.SQL("TRUNCATE {}").format(
            sql.SQL(", ").join(sql.Identifier("budget", table) for table, _ in facts)))
        target.execute("SET session_replication_role = replica")
        target.commit()
        fk_free_seconds = copy_per_report()
        target.execute("SET session_replication_role = origin")
    return one_transaction, per_report_seconds, fk_free_seconds, rows


def max_rss_mb() -> float:
    """The largest resident set of this process or of a parsing worker, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def machine(server_url: str) -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    with psycopg.connect(server_url) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
        fsync = conn.execute("SHOW fsync").fetchone()[0]
        commit = conn.execute("SHOW synchronous_commit").fetchone()[0]
    return (f"{cpu}, {os.cpu_count()} cores, {memory} GB RAM; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; PostgreSQL {version} (embedded, fsync={fsync}, "
            f"synchronous_commit={commit}) on 127.0.0.1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--reports", type=int, default=500, help="how many reports to generate")
    parser.add_argument("--workers", type=int, default=None, help="parsing processes (default: CPU count)")
    parser.add_argument("--writers", type=int, default=None, help="writing connections (default: iter_load's)")
    parser.add_argument("--parse-sample", type=int, default=40, help="reports parsed one by one for the parse time")
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--without-rules", action="store_true",
                        help="also time the end-to-end load without the validation rules (a diagnosis)")
    args = parser.parse_args()
    writers = min(args.writers or DEFAULT_WRITERS, args.workers or os.cpu_count())  # as iter_load takes them

    home = Path(tempfile.mkdtemp(prefix="budget-db-bench-"))
    home.chmod(0o755)  # as root the server runs as an unprivileged user
    server = EmbeddedServer(home, free_port())
    try:
        server.start()
        server_url = server.url("postgres")
        files = write_variants(args.sample, home / "reports", args.reports)
        print(f"generated {len(files)} reports in {home / 'reports'}", file=sys.stderr)

        parsed, parse_seconds = measure_parse(files[:args.parse_sample])
        write_seconds = measure_write(new_database(server_url, "bench_write"), parsed)
        del parsed

        url = new_database(server_url, "bench_load")
        e2e_seconds, rows, outcomes, measures = measure_end_to_end(url, files, args.workers, args.writers, server)
        floor_one, floor_per_report, floor_fk_free, floor_rows = measure_copy_floor(
            url, new_database(server_url, "bench_copy"))
        bare_seconds = None
        if args.without_rules:
            hooks = list(load.AFTER_WRITE_HOOKS)
            load.AFTER_WRITE_HOOKS.remove(checks.after_write)  # the workers only parse: the hooks run here
            try:
                bare_seconds, *_ = measure_end_to_end(new_database(server_url, "bench_bare"), files, args.workers,
                                                     args.writers)
            finally:
                load.AFTER_WRITE_HOOKS[:] = hooks

        per = statistics.median
        n = len(files)
        if args.json:
            print(json.dumps({
                "reports": n, "rows": rows, "workers": args.workers or os.cpu_count(),
                "writers": writers,
                "reports_per_s": round(n / e2e_seconds, 2), "rows_per_s": round(rows / e2e_seconds),
                "parse_ms_per_report": round(per(parse_seconds) * 1000, 2),
                "parse_ms_mean": round(statistics.mean(parse_seconds) * 1000, 2),
                "write_ms_per_report": round(per(write_seconds) * 1000, 2),
                "floor_one_transaction_reports_per_s": round(n / floor_one, 2),
                "floor_per_report_reports_per_s": round(n / floor_per_report, 2),
                "floor_fk_free_reports_per_s": round(n / floor_fk_free, 2),
                "ratio_to_fk_free_floor": round(e2e_seconds / floor_fk_free, 2),
                "without_rules_reports_per_s": round(n / bare_seconds, 2) if bare_seconds else None,
                "max_rss_mb": round(max_rss_mb(), 1), **measures, "machine": machine(server_url),
            }))
            return
        print()
        print(f"Machine: {machine(server_url)}")
        print(f"Reports: N = {n} ({rows / n:.0f} rows each, {rows} rows), outcomes {outcomes}, "
              f"workers = {args.workers or os.cpu_count()}, "
              f"writers = {writers}")
        print()
        print("| measure | value |")
        print("|---|---|")
        print(f"| parse, in a parsing process (median of {len(parse_seconds)}) | {per(parse_seconds) * 1000:.1f} ms/report "
              f"(mean {statistics.mean(parse_seconds) * 1000:.1f}) |")
        print(f"| write_report alone, one transaction each (median) | {per(write_seconds) * 1000:.1f} ms/report |")
        print(f"| end to end (iter_load, N = {n}) | {e2e_seconds:.2f} s = {n / e2e_seconds:.1f} reports/s, "
              f"{rows / e2e_seconds:,.0f} rows/s |")
        print(f"| COPY floor (a): one COPY per table, one transaction | {floor_one:.2f} s "
              f"({floor_rows / floor_one:,.0f} rows/s) |")
        print(f"| COPY floor (b): COPY only, one transaction per report | {floor_per_report:.2f} s "
              f"({n / floor_per_report:.1f} reports/s) |")
        if bare_seconds:
            print(f"| end to end without the validation rules (diagnosis) | {bare_seconds:.2f} s = "
                  f"{n / bare_seconds:.1f} reports/s, {rows / bare_seconds:,.0f} rows/s |")
        print(f"| COPY floor (c): as (b), without key checks | {floor_fk_free:.2f} s "
              f"({n / floor_fk_free:.1f} reports/s) |")
        print(f"| end to end / floor (a) | {e2e_seconds / floor_one:.1f}x |")
        print(f"| end to end / floor (b) | {e2e_seconds / floor_per_report:.1f}x |")
        print(f"| end to end / floor (c) | {e2e_seconds / floor_fk_free:.1f}x |")
        cpu = measures["cpu_ms_per_report"]
        print(f"| CPU a report during the load: PostgreSQL / parsing / writing process | {cpu['postgres']} / "
              f"{cpu['parsing']} / {cpu['writing']} ms = {cpu['total']} ms ({measures['cores_busy']} cores busy) |")
        print(f"| writing process, resident after 10% / at the end | {measures['rss_mb_after_10pct']:.0f} / "
              f"{measures['rss_mb_at_end']:.0f} MB |")
    finally:
        server.destroy()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
