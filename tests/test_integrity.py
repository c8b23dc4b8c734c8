"""Every fact belongs to a report: an orphan is refused, and a delete takes everything.

The fact tables reach budget.report through budget.report_table (report_id, table_no), not by a
key of their own (alembic 0013), and that key, like those to budget.project and
budget.performance_target_project, is checked once per statement by a trigger, not per row by a
foreign key (alembic 0015): these tests hold that this refuses every row the keys would.
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
# alembic 0015: the function that checks a child's rows -> the parent it checks them against
KEY_CHECKS = {"rows_have_their_table": "report_table", "rows_have_their_target_project": "performance_target_project",
              "rows_have_their_project": "project"}


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
    with psycopg.connect(url) as conn:
        checked = conn.execute(
            "SELECT c.relname, p.proname, array_agg(t.tgtype::int & 28 ORDER BY t.tgname) FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE c.relnamespace = 'budget'::regnamespace AND p.proname = ANY (%s) GROUP BY 1, 2",
            (list(KEY_CHECKS),)).fetchall()
        cascades = {name for (name,) in conn.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relnamespace = 'budget'::regnamespace AND t.tgname = c.relname || '_cascade'")}
    for child, check, events in checked:
        assert events == [4, 16], f"{child}: {check} runs after INSERT and after UPDATE"
        parents.setdefault(child, set()).add(KEY_CHECKS[check])
    assert cascades == set(KEY_CHECKS.values())
    assert len(checked) == 21

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
    assert refused["basic_expenditure_item", ("report_id",)] == "basic_expenditure_item_has_its_table_on_insert"
    assert refused["funding_amount", ("table_no", "row_no")] == "funding_amount_has_its_table_on_insert"
    assert refused["performance_goal", ("table_no", "row_no")] == "performance_goal_has_its_target_project_on_insert"


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


def test_a_row_moved_to_a_table_or_project_the_report_lacks_is_refused(two_reports):
    url, (_, report_id) = two_reports  # the first may be deleted by now
    # (table, the change, which of the report's rows may change, the key that refuses it)
    moves = [("functional_expenditure", "table_no = '99'", "TRUE", "functional_expenditure_has_its_table_on_update"),
             ("performance_indicator", "table_no = '15-9999'", "TRUE",
              "performance_indicator_has_its_target_project_on_update"),
             ("project_expenditure_item", "project_no = 9999", "project_no IS NOT NULL",
              "project_expenditure_item_has_its_project_on_update")]
    for table, change, rows, key in moves:
        with psycopg.connect(url) as conn:
            with pytest.raises(psycopg.errors.ForeignKeyViolation) as violation:
                conn.execute(sql.SQL("UPDATE budget.{t} SET {} WHERE ctid = (SELECT ctid FROM budget.{t} "
                                     "WHERE report_id = %s AND {} LIMIT 1)").format(
                    sql.SQL(change), sql.SQL(rows), t=sql.Identifier(table)), (report_id,))
            assert violation.value.diag.constraint_name == key
            assert violation.value.diag.table_name == table


def test_a_row_without_a_project_points_to_none(two_reports):
    url, (_, report_id) = two_reports
    with psycopg.connect(url) as conn:
        updated = conn.execute("UPDATE budget.project_expenditure_item SET project_no = NULL WHERE report_id = %s",
                               (report_id,)).rowcount
        assert updated > 0
        conn.rollback()


def test_deleting_a_table_or_a_project_takes_the_rows_that_point_to_it(two_reports):
    url, (_, report_id) = two_reports
    with psycopg.connect(url) as conn:
        def count(table: str, where: str = "TRUE") -> int:
            return conn.execute(sql.SQL("SELECT count(*) FROM budget.{} WHERE report_id = %s AND {}").format(
                sql.Identifier(table), sql.SQL(where)), (report_id,)).fetchone()[0]

        assert count("functional_expenditure", "table_no = '7'") > 0 and count("performance_indicator") > 0
        functional_rows, other_indicators = count("functional_expenditure"), count(
            "performance_indicator", "table_no <> '15-1'")
        conn.execute("DELETE FROM budget.report_table WHERE report_id = %s AND table_no IN ('7', '15-1')", (report_id,))
        assert count("functional_expenditure", "table_no = '7'") == 0
        assert count("functional_expenditure") < functional_rows  # 表8 and 表9 stay
        assert count("performance_goal", "table_no = '15-1'") == count("performance_indicator", "table_no = '15-1'") == 0
        assert count("performance_indicator") == other_indicators
        project = conn.execute("SELECT min(project_no) FROM budget.project_expenditure_item WHERE report_id = %s",
                               (report_id,)).fetchone()[0]
        conn.execute("DELETE FROM budget.project WHERE report_id = %s AND project_no = %s", (report_id, project))
        assert count("project_expenditure_item", f"project_no = {int(project)}") == 0
        conn.rollback()


def test_a_parent_is_not_truncated_under_its_rows_nor_its_key_changed(two_reports):
    url, (_, report_id) = two_reports
    for statement in ("TRUNCATE budget.report_table", "TRUNCATE budget.project",
                      "TRUNCATE budget.performance_target_project, budget.report_table"):
        with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute(statement)
    with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.ForeignKeyViolation) as violation:
        conn.execute("UPDATE budget.report_table SET table_no = '7x' WHERE report_id = %s AND table_no = '7'",
                     (report_id,))
    assert violation.value.diag.constraint_name == "report_table_key_unchanged"
    with psycopg.connect(url) as conn:  # the parents with every table pointing to them: allowed
        tables = [t for t in tables_with(conn, "report_id") if t not in ("report", "narrative_section", "narrative_fact",
                                                                          "validation_run", "validation_finding",
                                                                          "source_line")]
        conn.execute(sql.SQL("TRUNCATE {}").format(sql.SQL(", ").join(sql.Identifier("budget", t) for t in tables)))
        conn.rollback()


def test_a_delete_waits_for_a_load_that_points_to_its_rows(two_reports):
    """The check locks the rows it finds (FOR KEY SHARE), as a foreign key does: a concurrent delete
    of the report waits instead of leaving the new row behind without its table."""
    url, (_, second) = two_reports
    with psycopg.connect(url) as loading, psycopg.connect(url) as deleting:
        copy_of_a_row(loading, "three_public_expense", second, {"row_no": 9999, "source_line": 99999})
        deleting.execute("SET lock_timeout = '300ms'")
        with pytest.raises(psycopg.errors.LockNotAvailable):
            deleting.execute("DELETE FROM budget.report_table WHERE report_id = %s", (second,))
        loading.rollback()
