"""The parsing processes collect garbage less often than Python's default and never walk the
objects they imported; the writing process keeps its own settings."""

from __future__ import annotations

import gc

from budget_db.parsing import WORKER_GC_THRESHOLDS, parsing_pool


def collector_state() -> tuple[tuple[int, int, int], int]:
    return gc.get_threshold(), gc.get_freeze_count()


def test_a_parsing_process_collects_less_often_and_not_what_it_imported():
    before = collector_state()
    with parsing_pool(1) as pool:
        thresholds, frozen = pool.submit(collector_state).result()
    assert thresholds == WORKER_GC_THRESHOLDS == (50_000, 20, 100)
    assert frozen > 10_000  # the modules' objects (the parser's, psycopg's …) are out of every pass
    assert collector_state() == before
