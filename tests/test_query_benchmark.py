"""The query benchmark (benchmarks/query_times.py), untimed: a clone made in PostgreSQL is its source
report under another department, row for row and in every view; it goes with its report row; and
the benchmark times every view of the appendix and analysis schemas."""

from __future__ import annotations

import hashlib

import psycopg
import pytest
from psycopg import sql

from benchmarks.load_throughput import fact_tables
from benchmarks.query_times import (ONE_REPORT_SCHEMAS, benchmark_queries, clone_into, clone_reports, run_query,
                                    sample_reports, views)
from budget_db import migrate
from budget_db.batch import load_file
from tests.conftest import SAMPLE
from tests.shared_reports import LAYOUTS

SOURCES = (SAMPLE, LAYOUTS / "js_high_court_budget_2019.txt", LAYOUTS / "sh_putuo_finance_final_2024.txt")
COPIES = 3
# What a clone changes: its identity (id, department, report key, sha256) and what is made of it.
IDENTITY = {"report_id", "member_report_id", "budget_report_id", "final_report_id", "department", "report_key",
            "budget_report_key", "final_report_key", "series_key", "sha256"}


@pytest.fixture(scope="module")
def url(fresh_database):
    url = fresh_database("budget_clones")
    migrate.upgrade(url)
    return url


@pytest.fixture(scope="module")
def sources(url) -> list[int]:
    ids = []
    for path in SOURCES:
        result = load_file(url, path)
        assert result.outcome == "loaded", result.message
        ids.append(result.report_id)
    return ids


@pytest.fixture(scope="module")
def clones(url, sources) -> dict[int, int]:
    """clone id -> its source id."""
    with psycopg.connect(url) as conn:
        made = clone_reports(conn, sources, 0, COPIES * len(sources))
    assert len(made) == len(set(made)) == COPIES * len(sources)
    return {clone: sources[i % len(sources)] for i, clone in enumerate(made)}


def _rows(conn, table: sql.Composable, columns: list[str], report_id: int) -> list[tuple]:
    rows = conn.execute(sql.SQL("SELECT {} FROM {} WHERE report_id = %s").format(
        sql.SQL(", ").join(map(sql.Identifier, columns)), table), (report_id,)).fetchall()
    return sorted(rows, key=repr)


def test_a_clone_has_every_row_of_its_source(url, clones):
    with psycopg.connect(url) as conn:
        tables = fact_tables(conn)
        for clone, source in clones.items():
            total = 0
            for table, names in tables:
                columns = [n for n in names if n != "report_id"]
                expected = _rows(conn, sql.Identifier("budget", table), columns, source)
                assert _rows(conn, sql.Identifier("budget", table), columns, clone) == expected, (table, clone)
                total += len(expected)
            assert total > 100


def test_a_clone_is_its_source_in_every_view(url, clones):
    with psycopg.connect(url) as conn:
        found = views(conn, ONE_REPORT_SCHEMAS)
        compared = 0
        for name, columns in found.items():
            if "report_id" not in columns:
                continue
            shown = sorted(columns - IDENTITY)
            table = sql.Identifier(*name.split("."))
            for clone, source in clones.items():
                expected = _rows(conn, table, shown, source)
                assert _rows(conn, table, shown, clone) == expected, (name, clone, source)
                compared += bool(expected)
        assert compared > 50


def test_a_clone_is_a_report_of_its_own(url, clones, sources):
    with psycopg.connect(url) as conn:
        for copy, (clone, source) in enumerate(clones.items()):
            row = conn.execute(
                "SELECT c.department, c.region, c.fiscal_year, c.kind, c.scope, c.template, c.title, c.report_key, "
                "s.department, s.fiscal_year, s.kind, s.template, s.title, c.sha256 <> s.sha256 "
                "FROM appendix.reports c, appendix.reports s WHERE c.report_id = %s AND s.report_id = %s",
                (clone, source)).fetchone()
            department, region, year, kind, scope, template, title, key, *of_source, new_sha = row
            assert department == f"{of_source[0]}（副本{copy // len(sources) + 1}）"
            assert (year, kind, template, title) == tuple(of_source[1:])
            assert new_sha
            # The key the loader would give a report of that department: a later load replaces the clone.
            identity = "|".join((region, department, str(year), kind, scope or ""))
            assert key == hashlib.sha256(identity.encode()).hexdigest()[:16]


def test_deleting_a_clone_removes_every_row_of_it(url, sources, clones):
    with psycopg.connect(url) as conn:
        tables = fact_tables(conn)

        def counts(report_id: int) -> dict[str, int]:
            return {table: conn.execute(sql.SQL("SELECT count(*) FROM {} WHERE report_id = %s").format(
                sql.Identifier("budget", table)), (report_id,)).fetchone()[0] for table, _ in tables}

        before = {source: counts(source) for source in sources}
        for source in sources:
            clone = clone_into(conn, source, "测试用部门")
            assert counts(clone) == before[source]
            with conn.transaction():
                conn.execute("DELETE FROM budget.report WHERE id = %s", (clone,))
            assert set(counts(clone).values()) == {0}
        assert {source: counts(source) for source in sources} == before
        assert len({clone for clone in clones if sum(counts(clone).values())}) == len(clones)


def test_the_benchmark_times_every_view(url, sources, clones):
    with psycopg.connect(url) as conn:
        samples = sample_reports(conn, sources)
        queries = benchmark_queries(conn, samples, project_overview_target=True)
        catalog = {f"{schema}.{view}" for schema, view in conn.execute(
            "SELECT table_schema, table_name FROM information_schema.views "
            "WHERE table_schema IN ('appendix', 'analysis')")}
        for query in queries:  # each statement runs
            run_query(conn, query)
    assert set(samples) == {"shenzhen_budget", "jiangsu_budget", "final_accounts"}
    assert all(sample["report_id"] in clones for sample in samples.values())  # a clone, not its source
    timed = {(q.view, q.template) for q in queries if q.scope == "one report" and q.target_ms == 20}
    assert {(view, template) for view in catalog for template in samples} <= timed
    every = {q.view for q in queries if q.scope == "all reports" and q.target_ms == 1000}
    assert {view for view in catalog if view.startswith("analysis.")} <= every
    overview = [q for q in queries if q.scope == "department and year"]
    assert [(q.view, q.target_ms) for q in overview] == [("appendix.project_overview", 20)]
