"""Every fact belongs to a report: an orphan is refused at commit, and a delete takes everything.

The fact tables reach budget.report through budget.report_table (report_id, table_no), not by a
key of their own (alembic 0013): these tests hold that this refuses every row a direct key would.
"""

from __future__ import annotations

import psycopg
import pytest
from psycopg import sql

from benchmarks.variants import write_variants
from budget_db import migrate
from budget_db.batch import load_file
from tests.conftest import SAMPLE

NO_SUCH_REPORT = 2_000_000_000


def tables_with(conn, column: str) -> list[str]:
    rows = conn.execute(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'budget' AND column_name = %s "
        "AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'budget' "
        "AND table_type = 'BASE TABLE') ORDER BY 1", (column,)).fetchall()
    return [name for (name,) in rows]


@pytest.fixture(scope="module")
def two_reports(fresh_database, tmp_path_factory):
    url = fresh_database("budget_integrity")
    migrate.upgrade(url)
    second = write_variants(SAMPLE, tmp_path_factory.mktemp("variants"), 2)[1]
    ids = []
    for path in (SAMPLE, second):
        result = load_file(url, path)
        assert result.outcome == "loaded", result.message
        ids.append(result.report_id)
    return url, ids


def copy_of_a_row(conn, table: str, report_id: int, changed: dict) -> None:
    """Insert a copy of one of the report's rows with some columns changed."""
    conn.execute(sql.SQL(
        "INSERT INTO budget.{t} SELECT (jsonb_populate_record(NULL::budget.{t}, to_jsonb(x) || %s::jsonb)).* "
        "FROM budget.{t} x WHERE report_id = %s LIMIT 1").format(t=sql.Identifier(table)),
        (psycopg.types.json.Jsonb(changed), report_id))


def test_every_table_of_a_report_reaches_it_through_cascading_keys(two_reports):
    url, _ = two_reports
    with psycopg.connect(url) as conn:
        keys = conn.execute(
            "SELECT conrelid::regclass::text, confrelid::regclass::text, confdeltype FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = 'budget'::regnamespace "
            "AND 'report_id' = ANY (SELECT attname FROM pg_attribute WHERE attrelid = conrelid AND attnum = ANY (conkey))"
        ).fetchall()
        tables = tables_with(conn, "report_id")
    parents = {}
    for child, parent, on_delete in keys:
        assert on_delete == "c", f"{child} → {parent} does not cascade"
        parents.setdefault(child.removeprefix("budget."), set()).add(parent.removeprefix("budget."))

    def reaches_report(table: str, seen: frozenset = frozenset()) -> bool:
        return "report" in parents.get(table, ()) or any(
            reaches_report(p, seen | {table}) for p in parents.get(table, ()) if p not in seen)

    assert len(tables) >= 20
    assert [t for t in tables if not reaches_report(t)] == []


def test_an_orphan_row_is_refused_in_every_table(two_reports):
    url, (report_id, _) = two_reports
    with psycopg.connect(url) as conn:
        tables = tables_with(conn, "report_id")
        with_table_no, with_row_no = set(tables_with(conn, "table_no")), set(tables_with(conn, "row_no"))
        filled = [t for t in tables if conn.execute(
            sql.SQL("SELECT EXISTS (SELECT FROM budget.{} WHERE report_id = %s)").format(sql.Identifier(t)),
            (report_id,)).fetchone()[0]]
    # the sample fills every table but the line map of a PDF and the repeats of a faulty report
    assert set(tables) - set(filled) == {"repeated_row", "source_line"}
    orphans = [(t, {"report_id": NO_SUCH_REPORT}) for t in filled]
    # a table the report does not print (a row number free in it, so that no other key objects; and
    # 15-n, as 表15-n must be numbered by its row)
    orphans += [(t, {"table_no": "15-9999"} | ({"row_no": 9999} if t in with_row_no else {}))
                for t in filled if t in with_table_no - {"report_table"}]
    refused = {}
    for table, changed in orphans:
        with psycopg.connect(url) as conn:
            with pytest.raises(psycopg.errors.ForeignKeyViolation) as violation:
                copy_of_a_row(conn, table, report_id, changed)
                conn.commit()  # a deferred key is checked here, as at the end of a load
            refused[table, tuple(changed)] = violation.value.diag.constraint_name
    assert len(refused) == len(orphans)
    assert refused["basic_expenditure_item", ("report_id",)] == "basic_expenditure_item_report_table_fk"
    assert refused["funding_amount", ("table_no", "row_no")] == "funding_amount_report_table_fk"
    assert refused["performance_goal", ("table_no", "row_no")] == "performance_goal_report_id_table_no_fkey"


def test_deleting_a_report_removes_every_row_of_it_and_nothing_else(two_reports):
    url, (first, second) = two_reports
    with psycopg.connect(url) as conn:
        tables = [t for t in tables_with(conn, "report_id")]

        def counts(report_id: int) -> dict[str, int]:
            return {t: conn.execute(sql.SQL("SELECT count(*) FROM budget.{} WHERE report_id = %s").format(
                sql.Identifier(t)), (report_id,)).fetchone()[0] for t in tables}

        before, other = counts(first), counts(second)
        assert before["basic_expenditure_item"] == 36 and before["functional_expenditure"] > 0
        conn.execute("DELETE FROM budget.report WHERE id = %s", (first,))
        conn.commit()
        assert conn.execute("SELECT count(*) FROM budget.report WHERE id = %s", (first,)).fetchone() == (0,)
        assert {t: n for t, n in counts(first).items() if n} == {}
        assert counts(second) == other
