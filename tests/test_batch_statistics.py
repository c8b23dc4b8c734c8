"""A batch keeps the planner's statistics in proportion as it grows (issue 15): ANALYZE each time
the reports in the database have doubled since the batch started or last refreshed them (at the
1st, 2nd, 4th, 8th … report into an empty database), with a small sample."""

from __future__ import annotations

import psycopg

from benchmarks.variants import write_variants
from budget_db import migrate
from budget_db.batch import load_files
from budget_db.statistics import REFRESH_STATISTICS_TARGET, GrowthSchedule
from tests.conftest import SAMPLE

ANALYZED = ("SELECT s.analyze_count, c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
            "WHERE s.schemaname = 'budget' AND s.relname = 'functional_expenditure'")


def test_a_batch_analyzes_what_it_writes(fresh_database):
    url = fresh_database("budget_statistics")
    migrate.upgrade(url)
    with psycopg.connect(url) as conn:
        before = conn.execute(ANALYZED).fetchone()[0]
    results = load_files(url, [SAMPLE], workers=1)
    assert [r.outcome for r in results] == ["loaded"]
    with psycopg.connect(url) as conn:
        after, rows = conn.execute(ANALYZED).fetchone()
        (bounds,) = conn.execute(
            "SELECT cardinality(histogram_bounds::text::int[]) FROM pg_stats "
            "WHERE schemaname = 'budget' AND tablename = 'functional_expenditure' AND attname = 'source_line'").fetchone()
        (target,) = conn.execute("SHOW default_statistics_target").fetchone()
    assert after == before + 1
    assert rows == 28  # the planner knows the sample's 28 表7–表9 rows
    # 28 distinct lines: a histogram of REFRESH_STATISTICS_TARGET buckets (11 bounds), not one of 28
    assert REFRESH_STATISTICS_TARGET == 10 and bounds == 11
    assert target == "100"  # the small sample was the refresh's own, not the session's


def test_refreshes_follow_the_doublings_of_the_database():
    def due(start: int, batch: int) -> list[int]:
        schedule = GrowthSchedule(start)
        return [written for written in range(1, batch + 1) if schedule.due(written)]

    assert due(0, 40) == [1, 2, 4, 8, 16, 32]
    assert due(3, 40) == [3, 9, 21]  # 6, 12, 24 reports in the database
    assert due(10_000, 300) == []  # a night's reports into thousands: autovacuum keeps up


def test_a_small_batch_into_a_larger_database_does_not_analyze(fresh_database, tmp_path):
    url = fresh_database("budget_statistics_later")
    first, second, third = write_variants(SAMPLE, tmp_path, 3)
    assert [r.outcome for r in load_files(url, [first, second], workers=1)] == ["loaded", "loaded"]
    with psycopg.connect(url) as conn:
        before, rows = conn.execute(ANALYZED).fetchone()
    assert rows == 56  # refreshed after the 2nd report
    assert [r.outcome for r in load_files(url, [third], workers=1)] == ["loaded"]  # 3 < 2 × 2
    with psycopg.connect(url) as conn:
        assert conn.execute(ANALYZED).fetchone() == (before, 56)
