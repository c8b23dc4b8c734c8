"""Rows encoded for COPY where they are parsed (budget_db.table_rows): what PostgreSQL reads back is
what was parsed, whatever the text holds, and a report written from its encoded rows equals one
written holds every parsed row."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

import psycopg
import pytest
from psycopg import sql

from budget_db import load, migrate
from budget_db.batch import load_files
from budget_db.parsing import parse_file, prepare
from budget_db.table_rows import PARENTS_FIRST, copy_text, encode, with_report_id
from loaders.records import columns, is_shared, row_getter
from tests.conftest import SAMPLE

AWKWARD = [
    ("tab\there", Decimal("1234.50"), date(2020, 1, 31), ["张三", 'say "hi"', "a,b", None], None),
    ("line\nbreak and back\\slash", Decimal("-0.001"), None, [], "\r carriage"),
    ("深圳市公安局罗湖分局 \\N", Decimal("0"), date(1999, 12, 31), ["{braces}"], ""),
]


def test_the_report_id_goes_in_front_of_every_row_and_a_newline_inside_a_value_stays_in_its_row():
    text = copy_text([("a", "x\ny"), ("b", None)])
    assert text == b"a\tx\\ny\nb\t\\N\n"
    assert with_report_id(text, 42) == b"42\ta\tx\\ny\n42\tb\t\\N\n"
    assert with_report_id(b"", 42) == b""


def test_postgresql_reads_back_what_was_encoded(db):
    db.execute("CREATE TEMP TABLE awkward (report_id bigint, name text, amount numeric, day date, "
               "people text[], note text)")
    with db.cursor().copy("COPY awkward (report_id, name, amount, day, people, note) FROM STDIN") as copy:
        copy.write(with_report_id(copy_text(AWKWARD), 7))
    back = db.execute("SELECT report_id, name, amount, day, people, note FROM awkward").fetchall()
    assert back == [(7, *row) for row in AWKWARD]
    assert back[0][2].as_tuple() == Decimal("1234.50").as_tuple()  # the scale as printed


def test_the_tables_are_grouped_shared_code_lists_first_then_the_parents():
    tables = encode(parse_file(SAMPLE).records)
    shared = [t.table for t in tables if t.shared]
    facts = [t.table for t in tables if not t.shared]
    assert [t.shared for t in tables] == [True] * len(shared) + [False] * len(facts)
    assert facts[:len(PARENTS_FIRST)] == list(PARENTS_FIRST)
    by_table = {t.table: t for t in tables}
    assert by_table["report_table"].count == by_table["report_table"].copy_text.count(b"\n") == 110
    assert len(set(facts)) == len(facts)  # one COPY a table


def _hashable(row: tuple) -> tuple:
    """A row to count (an array column as a tuple; numeric compares by value: the table's scale)."""
    return tuple(tuple(value) if isinstance(value, list) else value for value in row)


def test_what_the_workers_send_holds_no_records_and_the_database_holds_every_parsed_row(fresh_database):
    prepared = prepare(str(SAMPLE))
    assert prepared.parsed.records == [] and prepared.parsed.grid is None and prepared.tables
    url = fresh_database("budget_rows")
    migrate.upgrade(url)
    (result,) = load_files(url, [SAMPLE], migrate_first=False)
    assert result.outcome == "loaded" and sum(result.rows.values()) == 2443
    parsed: dict[type, list] = {}
    for record in parse_file(SAMPLE).records:
        if type(record).TABLE and not is_shared(type(record)):
            parsed.setdefault(type(record), []).append(row_getter(type(record))(record))
    with psycopg.connect(url) as conn:
        for record_class, rows in parsed.items():
            stored = conn.execute(sql.SQL("SELECT {} FROM budget.{} WHERE report_id = %s").format(
                sql.SQL(", ").join(map(sql.Identifier, columns(record_class))),
                sql.Identifier(record_class.TABLE)), (result.report_id,)).fetchall()
            assert Counter(map(_hashable, stored)) == Counter(map(_hashable, rows)), record_class.TABLE
    assert len(parsed) >= 15


@pytest.mark.parametrize("encoding", ["GB18030", "UTF8"])
def test_a_connection_in_another_encoding_gets_the_same_text(fresh_database, encoding):
    url = fresh_database("budget_rows_enc")
    migrate.upgrade(url)
    with psycopg.connect(url) as conn:
        conn.execute(sql.SQL("SET client_encoding = {}").format(sql.Literal(encoding)))
        with conn.transaction():
            report_id = load.write_report(conn, parse_file(SAMPLE), SAMPLE.name).report_id
        conn.execute("SET client_encoding = 'UTF8'")
        names = [n for (n,) in conn.execute(
            "SELECT name FROM budget.project WHERE report_id = %s ORDER BY project_no LIMIT 2", (report_id,))]
    assert names == ["辅警保障经费", "科技护村以租代建经费"]
