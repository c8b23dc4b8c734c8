"""Several connections write a batch (budget_db.writers): outcomes stay in input order, versions of
one report are written in their order, and a deadlock between writers is written again."""

from __future__ import annotations

import threading

import psycopg
import pytest

from benchmarks.variants import make_variant
from budget_db import load, migrate
from budget_db.batch import load_files
from tests.conftest import SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")
DEPARTMENT = "深圳市公安局罗湖分局"


@pytest.fixture
def fresh_url(fresh_database):
    url = fresh_database("budget_writers")
    migrate.upgrade(url)
    return url


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def backend_of_each_write(monkeypatch):
    """The server process that wrote each report (report_id -> pid), recorded by a load hook."""
    seen: dict[int, int] = {}
    monkeypatch.setattr(load, "AFTER_WRITE_HOOKS",
                        [*load.AFTER_WRITE_HOOKS, lambda conn, report_id: seen.update({report_id: conn.info.backend_pid})])
    return seen


def test_two_writers_keep_the_input_order_and_the_order_of_versions(fresh_url, tmp_path, backend_of_each_write):
    others = [write(tmp_path / f"other{n}.txt", make_variant(TEXT, department=f"深圳市光明区局{n}",
                                                             original=(DEPARTMENT, 2020))) for n in range(5)]
    versions = [write(tmp_path / f"v{factor}.txt", make_variant(TEXT, factor=factor)) for factor in (2, 3, 4)]
    files = [versions[0], *others[:2], versions[1], *others[2:], versions[2]]
    results = load_files(fresh_url, files, migrate_first=False, workers=2, writers=2)
    assert [r.source for r in results] == [str(f) for f in files]
    assert [(r.outcome, r.version) for r in results] == [
        ("loaded", 1), ("loaded", 1), ("loaded", 1), ("replaced", 2), ("loaded", 1), ("loaded", 1), ("loaded", 1),
        ("replaced", 3)]
    assert results[3].message.startswith(f"replaces what {versions[0]} loaded earlier in this batch")
    assert results[7].message.startswith(f"replaces what {versions[1]} loaded earlier in this batch")
    assert len(set(backend_of_each_write.values())) == 2  # two connections wrote
    with psycopg.connect(fresh_url) as conn:
        current = conn.execute("SELECT source_file, version FROM budget.report r JOIN budget.department d "
                               "ON d.id = r.department_id WHERE d.name = %s AND superseded_at IS NULL",
                               (DEPARTMENT,)).fetchall()
        assert current == [("v4.txt", 3)]
        assert conn.execute("SELECT count(*) FROM budget.report WHERE superseded_at IS NULL").fetchone() == (6,)


def test_one_worker_writes_on_one_connection(fresh_url, tmp_path, backend_of_each_write):
    files = [write(tmp_path / f"r{n}.txt", make_variant(TEXT, department=f"深圳市龙华区局{n}",
                                                        original=(DEPARTMENT, 2020))) for n in range(4)]
    results = load_files(fresh_url, files, migrate_first=False, workers=1)
    assert [r.outcome for r in results] == ["loaded"] * 4
    assert len(set(backend_of_each_write.values())) == 1


def test_a_write_rolled_back_for_a_deadlock_is_written_again(fresh_url, tmp_path, monkeypatch):
    """The loader waits first, so PostgreSQL's deadlock check runs in it and rolls its transaction back."""
    files = [write(tmp_path / f"d{n}.txt", make_variant(TEXT, department=f"深圳市坪山区局{n}",
                                                        original=(DEPARTMENT, 2020))) for n in range(4)]
    calls: list[int] = []
    other_waits = threading.Event()

    def deadlock_once(conn, report_id):
        calls.append(report_id)
        if len(calls) == 2:  # the second report: take lock 1, then wait for lock 2, which `other` holds
            conn.execute("SET LOCAL deadlock_timeout = '300ms'")
            conn.execute("SELECT pg_advisory_xact_lock(1)")
            other_waits.set()
            conn.execute("SELECT pg_advisory_xact_lock(2)")

    monkeypatch.setattr(load, "AFTER_WRITE_HOOKS", [*load.AFTER_WRITE_HOOKS, deadlock_once])
    with psycopg.connect(fresh_url, autocommit=True) as other:
        other.execute("SET deadlock_timeout = '10s'")
        other.execute("SELECT pg_advisory_lock(2)")

        def wait_for_lock_1():
            other_waits.wait(60)
            other.execute("SELECT pg_advisory_lock(1)")  # waits on the loader: the cycle closes
            other.execute("SELECT pg_advisory_unlock_all()")

        thread = threading.Thread(target=wait_for_lock_1)
        thread.start()
        results = load_files(fresh_url, files, migrate_first=False, workers=2, writers=2)
        thread.join(60)
    assert [(r.outcome, r.version) for r in results] == [("loaded", 1)] * 4
    # the second report checked was rolled back and written again, under a new id
    assert len(calls) == 5 and [c for c in calls if c not in {r.report_id for r in results}] == [calls[1]]
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT count(*) FROM budget.report").fetchone() == (4,)
