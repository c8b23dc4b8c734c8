"""Faults: loaders killed with SIGKILL at random moments, and loaders racing for one report."""

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

import psycopg
import pytest
from psycopg import sql

from benchmarks.variants import make_variant
from budget_db import migrate
from budget_db.batch import load_file
from budget_db.parsing import parse_file
from loaders.records import is_shared
from tests.conftest import SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")
DEPARTMENT = "深圳市公安局罗湖分局"
MIGRATION_LOCK = 4242001  # alembic/env.py's advisory lock; every other one is a report's


@pytest.fixture
def fresh_url(fresh_database):
    url = fresh_database("budget_faults")
    migrate.upgrade(url)
    return url


@pytest.fixture(autouse=True)
def temporary_files_of_killed_loaders(tmp_path, monkeypatch):
    """A loader killed with SIGKILL cannot remove its temporary folder: it is left under the test's own."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))


def loader(url: str, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "budget_db", "load", *map(str, args)],
                            env={**os.environ, "DATABASE_URL": url}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def expected_rows() -> Counter:
    """Rows per fact table of one whole report (every variant has the sample's shape)."""
    return Counter(r.TABLE for r in parse_file(SAMPLE).records if not is_shared(type(r)))


def check_whole(conn, expected: Counter) -> dict[tuple, list]:
    """Every stored report has all its rows; versions run 1..n with one current. -> versions by report.

    All reads see one snapshot: a killed client's COMMIT may still land on the server meanwhile.
    """
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        reports = conn.execute(
            "SELECT id, department_id, fiscal_year, kind, version, superseded_at IS NULL FROM budget.report"
        ).fetchall()
        for table, count in expected.items():
            found = dict(conn.execute(sql.SQL("SELECT report_id, count(*) FROM budget.{} GROUP BY report_id").format(
                sql.Identifier(table))).fetchall())
            assert found == {r[0]: count for r in reports}, table
    versions: dict[tuple, list] = {}
    for _, department, year, kind, version, current in reports:
        versions.setdefault((department, year, kind), []).append((version, current))
    for identity, rows in versions.items():
        rows.sort()
        assert [v for v, _ in rows] == list(range(1, len(rows) + 1)), identity
        assert [current for _, current in rows] == [False] * (len(rows) - 1) + [True], identity
    return versions


def report_lock_held(conn) -> bool:
    return conn.execute(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND NOT (classid = 0 AND objid = %s)", (MIGRATION_LOCK,)).fetchone()[0] > 0


def test_kill_9_at_random_moments_leaves_no_partial_report(fresh_url, tmp_path):
    # Three contents of one report: every run writes a new version of it, and of a second report.
    versions = []
    for factor in (1, 2, 3):
        path = tmp_path / f"v{factor}.txt"
        path.write_text(make_variant(TEXT, factor=factor), encoding="utf-8")
        other = tmp_path / f"other{factor}.txt"
        other.write_text(make_variant(TEXT, department="深圳市龙岗区水务局", factor=factor), encoding="utf-8")
        versions.append((path, other))
    expected = expected_rows()
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)

    started = time.monotonic()
    clean = loader(fresh_url, "--workers", "1", *versions[0])
    assert clean.wait(timeout=300) == 0, clean.stderr.read()
    whole_run = time.monotonic() - started

    kills = in_transaction = attempts = 0
    with psycopg.connect(fresh_url, autocommit=True) as watcher:
        while kills < 24 and attempts < 60:
            attempts += 1
            process = loader(fresh_url, "--workers", "1", *versions[attempts % 3])
            if attempts % 2:
                time.sleep(rng.uniform(0, whole_run))  # any moment: start-up, migration, parse, write
            else:
                deadline = time.monotonic() + 30
                while not report_lock_held(watcher) and process.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.001)
                time.sleep(rng.uniform(0, 0.08))  # somewhere inside the report's transaction
            if process.poll() is None:
                in_transaction += report_lock_held(watcher)
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait(timeout=60)
            process.stdout.close()
            process.stderr.close()
            check_whole(watcher, expected)

        print(f"{kills} kills in {attempts} runs, {in_transaction} inside a report's transaction (seed {seed})")
        assert kills >= 20, f"only {kills} kills in {attempts} runs (seed {seed})"
        assert in_transaction >= 5, f"only {in_transaction} kills inside a report's transaction (seed {seed})"

        final = loader(fresh_url, "--json", *versions[0])
        out, err = final.communicate(timeout=300)
        assert final.returncode == 0, err
        outcomes = [json.loads(line)["outcome"] for line in out.splitlines()[:-1]]
        assert all(outcome in ("replaced", "unchanged") for outcome in outcomes), outcomes
        by_report = check_whole(watcher, expected)
        assert len(by_report) == 2
        current = watcher.execute("SELECT department, sha256 FROM appendix.reports ORDER BY department").fetchall()
        assert [d for d, _ in current] == sorted([DEPARTMENT, "深圳市龙岗区水务局"])


def _outcomes(processes) -> list[str]:
    outcomes = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        outcomes += [json.loads(line)["outcome"] for line in out.splitlines()[:-1]]
    return sorted(outcomes)


def test_concurrent_processes_loading_one_report_give_one_version(fresh_url, tmp_path):
    path = tmp_path / "same.txt"
    path.write_text(make_variant(TEXT, department="深圳市福田区民政局"), encoding="utf-8")
    processes = [loader(fresh_url, "--json", path) for _ in range(4)]
    assert _outcomes(processes) == ["loaded", "unchanged", "unchanged", "unchanged"]
    with psycopg.connect(fresh_url, autocommit=True) as conn:
        assert conn.execute("SELECT version, superseded_at FROM budget.report").fetchall() == [(1, None)]
        check_whole(conn, expected_rows())


def test_concurrent_processes_with_different_contents_give_consecutive_versions(fresh_url, tmp_path):
    paths = []
    for factor in (1, 2, 3):
        path = tmp_path / f"v{factor}.txt"
        path.write_text(make_variant(TEXT, factor=factor), encoding="utf-8")
        paths.append(path)
    processes = [loader(fresh_url, "--json", path) for path in paths]
    assert _outcomes(processes) == ["loaded", "replaced", "replaced"]
    with psycopg.connect(fresh_url, autocommit=True) as conn:
        versions = check_whole(conn, expected_rows())
        assert list(versions.values()) == [[(1, False), (2, False), (3, True)]]


def _load_after(barrier, url: str, path: str, results) -> None:
    barrier.wait()
    results.put(load_file(url, path).outcome)


def test_loaders_released_together_race_for_the_lock(fresh_url, tmp_path):
    """Parsing the same file takes the same time, so four writers reach write_report together."""
    path = tmp_path / "race.txt"
    path.write_text(make_variant(TEXT, department="深圳市南山区司法局"), encoding="utf-8")
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(4), context.Queue()
    workers = [context.Process(target=_load_after, args=(barrier, fresh_url, str(path), results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    outcomes = sorted(results.get(timeout=300) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
    assert outcomes == ["loaded", "unchanged", "unchanged", "unchanged"]
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT count(*) FROM budget.report").fetchone()[0] == 1


def test_losing_the_database_mid_batch_exits_2_and_keeps_what_was_loaded(fresh_url, tmp_path):
    paths = []
    for index in range(6):
        path = tmp_path / f"r{index}.txt"
        path.write_text(make_variant(TEXT, department=f"深圳市坪山区局{index}"), encoding="utf-8")
        paths.append(path)
    process = loader(fresh_url, "--workers", "1", *paths)
    with psycopg.connect(fresh_url, autocommit=True) as watcher:
        # Wait for the third report's transaction, then cut the loader's connection.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if watcher.execute("SELECT count(*) FROM budget.report").fetchone()[0] >= 2 and report_lock_held(watcher):
                break
            time.sleep(0.001)
        pids = [pid for (pid,) in watcher.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND NOT (classid = 0 AND objid = %s) "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", (MIGRATION_LOCK,))]
        assert pids, "the loader finished before its connection could be cut"
        watcher.execute("SELECT pg_terminate_backend(%s)", (pids[0],))
        out, err = process.communicate(timeout=120)
        assert process.returncode == 2, err
        password = psycopg.conninfo.conninfo_to_dict(fresh_url)["password"]
        versions = check_whole(watcher, expected_rows())
        loaded = len(versions)  # 2, or 3 if the third committed just before its connection went
        assert loaded in (2, 3)
        assert err.count("\n") == 1 and err.startswith("budget-db: lost the database postgresql://postgres:***@")
        assert err.strip().endswith(f"(stopped after {loaded} of 6 files)") and password not in err + out
        assert "OperationalError" in err or "AdminShutdown" in err
        assert [line.split(":")[0] for line in out.splitlines()] == ["loaded"] * loaded
