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
        assert conn.execute("SELECT count(*) FROM budget.economic_classification").fetchone() == (67,)  # 5 codes the 决算 prints added (issue 13)
        assert conn.execute(
            "SELECT name FROM budget.functional_classification WHERE fiscal_year = 2020 AND code = '204'"
        ).fetchone() == ("公共安全支出",)

    direct_keys = ("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = 'budget.report'::regclass "
                   "AND conrelid <> 'budget.report_table'::regclass AND conname LIKE '%%_report_id_fkey'")
    with psycopg.connect(url, autocommit=True) as conn:  # facts reach their report through their table (0013)
        assert conn.execute(direct_keys).fetchone() == (6,)  # project, narrative (2), validation (2), source_line
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
