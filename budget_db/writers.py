"""Writing reports on several connections at once, each report still one transaction.

On a small machine one writing connection leaves a core idle while PostgreSQL checks a report
and this process waits (issue 15: two lanes load about 1.45 times as many reports a second on
2 cores). A report goes to the lane of its report_key, so that two versions of one report in a
batch are written in their input order, on one connection.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import psycopg

from budget_db.database import connect

DEFAULT_WRITERS = 2


class WriterLanes:
    """`count` connections, each written by one thread; with one, writes run in the caller's
    thread on `conn` as they are submitted."""

    def __init__(self, url: str, count: int, conn: psycopg.Connection):
        self.count = count
        self._main = conn
        self._connections: list[psycopg.Connection] = []
        self._lanes = [ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"writer-{n}") for n in range(count)] \
            if count > 1 else []
        if count > 1:
            self._connections = [connect(url) for _ in range(count)]

    @property
    def in_flight(self) -> int:
        """How many writes may run ahead of the one the caller waits for."""
        return 2 * self.count if self._lanes else 0

    def submit(self, key: str, write: Callable[[psycopg.Connection], object]) -> Future:
        if not self._lanes:
            done: Future = Future()
            try:
                done.set_result(write(self._main))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller with the result
                done.set_exception(exc)
            return done
        lane = zlib.crc32(key.encode()) % self.count  # stable: the same report, the same lane
        return self._lanes[lane].submit(write, self._connections[lane])

    def close(self) -> None:
        """Wait for the writes already running (each commits or rolls back whole); drop the rest."""
        for lane in self._lanes:
            lane.shutdown(wait=True, cancel_futures=True)
        for conn in self._connections:
            conn.close()
