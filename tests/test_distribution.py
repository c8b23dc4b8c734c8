"""The schema stays ready to be distributed by report (Citus, issue 15): every table that holds a
report's rows has the report column in each of its primary and unique keys, so that a key is
checked on one shard; the other tables are dimensions and code lists (reference tables)."""

from __future__ import annotations

REFERENCE_TABLES = {"department", "fiscal_year", "economic_classification", "functional_classification", "funding_source",
                    "funding_source_label", "money_unit",
                    "table_kind", "validation_rule", "alembic_version"}


def test_every_key_of_a_report_table_includes_the_report(db):
    keys = db.execute(
        "SELECT c.conrelid::regclass::text, c.conname, array_agg(a.attname::text ORDER BY a.attname) "
        "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
        "WHERE n.nspname = 'budget' AND c.contype IN ('p', 'u') GROUP BY 1, 2").fetchall()
    by_report = [(table, name, columns) for table, name, columns in keys
                 if table.removeprefix("budget.") not in REFERENCE_TABLES and table != "budget.report"]
    assert len(by_report) >= 20
    assert [(t, n, c) for t, n, c in by_report if "report_id" not in c] == []
    # budget.report itself is distributed by its id, which the fact tables carry as report_id
    assert ("budget.report", "report_pkey", ["id"]) in keys


def test_every_table_is_a_report_table_or_a_code_list(db):
    tables = {name for (name,) in db.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'budget' AND c.relkind = 'r'")}
    with_report = {name for (name,) in db.execute(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'budget' "
        "AND column_name = 'report_id'")}
    assert tables - with_report - {"report"} <= REFERENCE_TABLES
