"""benchmarks.load_throughput counts the server's CPU of a load: its backends' while they run and
after they end (the postmaster's reaped children), so that a report's CPU is split by process."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import psycopg

from benchmarks.load_throughput import postgres_cpu_seconds
from budget_db.embedded import EmbeddedServer, free_port


def test_the_servers_cpu_counts_a_backend_running_and_after_it_ended():
    home = Path(tempfile.mkdtemp(prefix="budget-db-cpu-"))
    home.chmod(0o755)  # the unprivileged server user must reach its data folder
    server = EmbeddedServer(home, free_port())
    server.start()
    try:
        before = postgres_cpu_seconds(server)
        with psycopg.connect(server.url("postgres")) as conn:
            started = time.perf_counter()
            assert conn.execute("SELECT count(*) FROM generate_series(1, 5000000)").fetchone() == (5000000,)
            busy = time.perf_counter() - started
            running = postgres_cpu_seconds(server) - before
        time.sleep(0.5)  # the backend ends and the postmaster reaps it
        ended = postgres_cpu_seconds(server) - before
        assert busy > 0.1 and running >= 0.5 * busy
        assert running - 0.05 <= ended <= running + 1.0  # not lost, nor counted twice, when it ended
    finally:
        server.destroy()
        shutil.rmtree(home, ignore_errors=True)
