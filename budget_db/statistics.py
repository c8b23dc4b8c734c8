"""The planner's statistics kept in proportion while a batch grows the tables (issue 15).

With stale statistics the rules and the key checks of the next reports are planned for tables
far smaller than they are (several times slower). A batch refreshes them each time the reports
in the database have doubled since the last refresh (its start counts as one): at 1, 2, 4, 8 …
reports into an empty database, not at all for a night's few reports into thousands, which
autovacuum's analyze keeps up with.
"""

from __future__ import annotations

import psycopg
from psycopg import sql

# The refreshes are for proportions (how many rows a report has among how many), not for the
# distributions of values: a sample of 3,000 rows a table instead of 30,000 costs ≈ 40 % as much
# (a 500-report load: 2.1–2.4 s of ANALYZE → 0.9 s). Autovacuum's analyze, once 10 % of a
# table's rows have changed, computes the full statistics again.
REFRESH_STATISTICS_TARGET = 10


def refresh_statistics(conn: psycopg.Connection) -> None:
    """ANALYZE every table of the budget schema (with REFRESH_STATISTICS_TARGET), and commit."""
    conn.execute("SELECT set_config('default_statistics_target', %s, true)", (str(REFRESH_STATISTICS_TARGET),))
    tables = [name for (name,) in conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'budget' ORDER BY tablename")]
    for table in tables:
        conn.execute(sql.SQL("ANALYZE {}").format(sql.Identifier("budget", table)))
    conn.commit()


class GrowthSchedule:
    """When a batch refreshes the statistics: as the reports it has written bring the database to
    twice what it held at the last refresh (or at the start)."""

    def __init__(self, start: int) -> None:
        self.start = self.known = start  # the reports in the database when the batch starts

    @classmethod
    def of(cls, conn: psycopg.Connection) -> GrowthSchedule:
        (start,) = conn.execute("SELECT count(*) FROM budget.report").fetchone()
        return cls(start)

    def due(self, written: int) -> bool:
        """True once a doubling: `written` is the reports this batch has written so far."""
        if self.start + written < 2 * self.known:
            return False
        self.known = self.start + written
        return True
