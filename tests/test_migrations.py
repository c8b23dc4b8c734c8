"""The alembic revisions: upgrade from empty, downgrade to base, upgrade again."""

from budget_db import migrate


def _schema(conn):
    tables = conn.execute(
        "SELECT table_schema || '.' || table_name FROM information_schema.tables "
        "WHERE table_schema IN ('budget', 'appendix') ORDER BY 1"
    ).fetchall()
    return [t for (t,) in tables]


def test_upgrade_downgrade_upgrade(fresh_database):
    import psycopg

    url = fresh_database("budget_migrations")
    migrate.upgrade(url)
    with psycopg.connect(url, autocommit=True) as conn:
        first = _schema(conn)
        assert "budget.report" in first and "appendix.t07_general_budget_expenditure" in first
        assert conn.execute("SELECT count(*) FROM budget.economic_classification").fetchone() == (67,)
        assert conn.execute("SELECT label FROM budget.funding_source_label WHERE source_code = 'other_funds'"
                            ).fetchall() == [("其他资金",)]  # 5 codes the 决算 prints added (issue 13)
        assert conn.execute(
            "SELECT name FROM budget.functional_classification WHERE fiscal_year = 2020 AND code = '204'"
        ).fetchone() == ("公共安全支出",)

    direct_keys = ("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = 'budget.report'::regclass "
                   "AND conrelid <> 'budget.report_table'::regclass AND conname LIKE '%%_report_id_fkey'")
    with psycopg.connect(url, autocommit=True) as conn:  # facts reach their report through their table (0013)
        # project, narrative (2), validation (2), source_line, report_total (0016), report_document (0017)
        assert conn.execute(direct_keys).fetchone() == (8,)
    # facts' keys to their table and project: statement triggers (0015), deferred foreign keys before
    key_checks = ("SELECT count(*) FROM pg_trigger WHERE tgname ~ '_has_its_(table|target_project|project)_on_'")
    deferred_keys = "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND condeferred"
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute(key_checks).fetchone() == (42,) and conn.execute(deferred_keys).fetchone() == (0,)
    migrate.downgrade(url, "0018")  # the index of the 合计 rows (0019)
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT to_regclass('budget.functional_expenditure_total_rows')").fetchone() == (None,)
    migrate.downgrade(url, "0017")  # the printed lines that name a funding source (0018)
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT to_regclass('budget.funding_source_label')").fetchone() == (None,)
    migrate.downgrade(url, "0016")  # the documents of each report (0017)
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT to_regclass('budget.report_document')").fetchone() == (None,)
    migrate.downgrade(url, "0015")  # each report's stored totals (0016)
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT to_regclass('budget.report_total')").fetchone() == (None,)
        assert conn.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'report_superseded_total'").fetchone() == (0,)
    migrate.downgrade(url, "0014")
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute(key_checks).fetchone() == (0,) and conn.execute(deferred_keys).fetchone() == (21,)
        assert conn.execute("SELECT count(*) FROM pg_proc WHERE pronamespace = 'budget'::regnamespace").fetchone() == (0,)
    index = "SELECT to_regclass('budget.report_department_year') IS NOT NULL"
    with psycopg.connect(url, autocommit=True) as conn:  # a report's series found by department (0014)
        assert conn.execute(index).fetchone() == (True,)
    migrate.downgrade(url, "0013")
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute(index).fetchone() == (False,)
    migrate.downgrade(url, "0012")
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute(direct_keys).fetchone() == (6 + 14,)

    assert "budget.source_line" in first and "appendix.source_lines" in first
    migrate.downgrade(url, "0009")  # below 0010: the line map goes, the rest stays
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT to_regclass('budget.source_line'), to_regclass('budget.repeated_row') IS NOT NULL"
                            ).fetchone() == (None, True)

    migrate.downgrade(url, "base")
    with psycopg.connect(url, autocommit=True) as conn:
        assert _schema(conn) == []
        assert conn.execute("SELECT to_regnamespace('budget')").fetchone() == (None,)

    migrate.upgrade(url)
    with psycopg.connect(url, autocommit=True) as conn:
        assert _schema(conn) == first
        views = conn.execute(
            "SELECT count(*) FROM information_schema.views WHERE table_schema = 'appendix'"
        ).fetchone()[0]
        assert views >= 10


def test_views_are_granted_to_the_reader_role(db):
    granted = db.execute(
        "SELECT has_table_privilege('budget_reader', 'appendix.t07_general_budget_expenditure', 'SELECT')"
    ).fetchone()
    assert granted == (True,)


def test_upgrade_at_head_leaves_views_alone_until_their_files_change(fresh_database, tmp_path, monkeypatch):
    import psycopg

    from budget_db import views

    url = fresh_database("budget_views")
    migrate.upgrade(url)
    oid = "SELECT 'appendix.t07_general_budget_expenditure'::regclass::oid"
    with psycopg.connect(url, autocommit=True) as conn:
        before = conn.execute(oid).fetchone()
        assert views.applied_checksum(conn) == views.views_checksum()
    migrate.upgrade(url)  # nothing to do: no view is dropped (no lock taken on BI queries)
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute(oid).fetchone() == before

    monkeypatch.setattr(views, "views_checksum", lambda directory=None: "views sha256:changed")
    migrate.upgrade(url)  # the view files changed: replaced in place (CREATE OR REPLACE), never dropped
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute(oid).fetchone() == before
        assert views.applied_checksum(conn) == "views sha256:changed"


def test_a_changed_code_list_file_is_synced_at_head(fresh_database, tmp_path, monkeypatch):
    """Code lists are files: a changed file reaches a database already at head (update changed)."""
    import shutil

    import psycopg

    from budget_db import code_lists

    url = fresh_database("budget_code_lists")
    migrate.upgrade(url)
    name = "SELECT name FROM budget.funding_source WHERE code = 'other_funds'"
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute(name).fetchone() == ("其他资金",)
        assert code_lists.synced_checksum(conn) == code_lists.files_checksum()
    folder = tmp_path / "reference"
    shutil.copytree(code_lists.REFERENCE_DIR, folder)
    csv = folder / "funding_sources.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("other_funds,其他资金", "other_funds,其他资金（改）"),
                   encoding="utf-8")
    monkeypatch.setattr(code_lists, "REFERENCE_DIR", folder)
    code_lists.rows.cache_clear()
    try:
        migrate.upgrade(url)
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute(name).fetchone() == ("其他资金（改）",)
            assert code_lists.synced_checksum(conn) == code_lists.files_checksum()
    finally:
        code_lists.rows.cache_clear()


def test_0015_downgrades_and_upgrades_a_loaded_report(fresh_database):
    """The keys go from triggers back to foreign keys over loaded rows (PostgreSQL checks each row as
    it creates them) and to triggers again; either way a delete takes the report's rows."""
    import psycopg

    from budget_db.batch import load_file
    from tests.conftest import SAMPLE

    url = fresh_database("budget_0015")
    migrate.upgrade(url)
    assert load_file(url, SAMPLE).outcome == "loaded"
    rows = "SELECT (SELECT count(*) FROM budget.performance_indicator), (SELECT count(*) FROM budget.funding_amount)"
    with psycopg.connect(url, autocommit=True) as conn:
        before = conn.execute(rows).fetchone()
    assert before[0] > 100 and before[1] > 100
    for revision in ("0014", "head"):
        migrate.downgrade(url, revision) if revision == "0014" else migrate.upgrade(url)
        with psycopg.connect(url) as conn:
            assert conn.execute(rows).fetchone() == before
            conn.execute("DELETE FROM budget.report")
            assert conn.execute(rows).fetchone() == (0, 0)
            conn.rollback()
