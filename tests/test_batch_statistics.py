"""A batch keeps the planner's statistics fresh as it grows (issue 15): ANALYZE after the 1st,
2nd, 4th, 8th … report written, so that the rules of later reports are not planned for empty tables."""

from __future__ import annotations

import psycopg

from budget_db import migrate
from budget_db.batch import load_files
from tests.conftest import SAMPLE


def test_a_batch_analyzes_what_it_writes(fresh_database):
    url = fresh_database("budget_statistics")
    migrate.upgrade(url)
    with psycopg.connect(url) as conn:
        before = conn.execute("SELECT analyze_count FROM pg_stat_user_tables "
                              "WHERE schemaname = 'budget' AND relname = 'functional_expenditure'").fetchone()[0]
    results = load_files(url, [SAMPLE], workers=1)
    assert [r.outcome for r in results] == ["loaded"]
    with psycopg.connect(url) as conn:
        after, rows = conn.execute(
            "SELECT s.analyze_count, c.reltuples FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
            "WHERE s.schemaname = 'budget' AND s.relname = 'functional_expenditure'").fetchone()
    assert after == before + 1
    assert rows == 28  # the planner knows the sample's 28 表7–表9 rows
