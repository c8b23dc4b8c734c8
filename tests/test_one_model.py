"""Issue 9: one model for every template — identity and key, declared templates, views that
others build on, parser versions, code lists, and the upgrade of a populated database."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

import psycopg
import pytest

from budget_db import code_lists, migrate, views
from budget_db.batch import load_file
from loaders import templates
from loaders.report import parser_version
from tests.conftest import SAMPLE
from tests.templates import made_up

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def url(fresh_database):
    url = fresh_database("budget_model")
    migrate.upgrade(url)
    return url


def _load(url, path):
    result = load_file(url, path)
    assert result.outcome in ("loaded", "replaced"), result.message
    return result


def test_a_made_up_template_is_a_declaration_and_loads_end_to_end(url, tmp_path):
    path = tmp_path / "made_up.txt"
    path.write_text(made_up.TEXT, encoding="utf-8")
    templates.register(made_up.TEMPLATE)
    try:
        result = _load(url, path)
    finally:
        templates.unregister(made_up.TEMPLATE.id)
    with psycopg.connect(url) as conn:
        assert conn.execute(
            "SELECT department, region, fiscal_year, template, unit FROM appendix.reports WHERE report_id = %s",
            (result.report_id,)).fetchone() == ("某市测试局", "某市", 2021, "made_up_budget", "元")
        assert conn.execute(
            "SELECT table_no, kind, fund, unit FROM budget.report_table WHERE report_id = %s ORDER BY ordinal",
            (result.report_id,)).fetchall() == [
            ("1", "two_sided_summary", "全部资金", "元"), ("2", "functional_expenditure", "一般公共预算", "元"),
            ("3", "three_public", "财政拨款", "元")]
        # Amounts stay as printed (元); the common unit (万元) is exact.
        assert conn.execute(
            "SELECT f.functional_code, f.total, f.total * u.wan_yuan FROM budget.functional_expenditure f "
            "JOIN budget.report_table t USING (report_id, table_no) JOIN budget.money_unit u ON u.unit = t.unit "
            "WHERE f.report_id = %s ORDER BY f.row_no", (result.report_id,)).fetchall() == [
            (None, D("1000000.00"), D("100.00000000")), ("201", D("1000000.00"), D("100.00000000")),
            ("20101", D("1000000.00"), D("100.00000000"))]
        assert conn.execute("SELECT year, total, official_reception, vehicle_operation FROM budget.three_public_expense "
                            "WHERE report_id = %s", (result.report_id,)).fetchall() == [
            (2021, D("30000.00"), D("10000.00"), D("20000.00"))]


def test_an_unregistered_template_is_refused_in_one_line(url, tmp_path):
    path = tmp_path / "made_up.txt"
    path.write_text(made_up.TEXT, encoding="utf-8")
    result = load_file(url, path)
    assert result.outcome == "refused"
    assert result.message == (f"{path}: not a budget report in a supported template "
                              "(shenzhen_budget, jiangsu_budget, final_accounts, shanghai_budget): "
                              "no '表.1 收支预算总表' table marker or other first table found")


def test_a_unit_report_and_a_department_report_are_both_current(url, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    department = tmp_path / "department.txt"
    department.write_text(text.replace("罗湖分局（本级）", "罗湖分局（部门）", 1), encoding="utf-8")
    first, second = _load(url, SAMPLE), _load(url, department)
    assert (first.outcome, second.outcome) == ("loaded", "loaded")
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT scope, version FROM appendix.reports ORDER BY scope").fetchall()
        keys = conn.execute("SELECT count(DISTINCT report_key) FROM appendix.reports").fetchone()
    assert rows == [("本级", 1), ("部门", 1)] and keys == (2,)


def test_the_report_key_is_the_same_across_versions(url, tmp_path):
    corrected = tmp_path / "corrected.txt"
    corrected.write_text(SAMPLE.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    first, second = _load(url, SAMPLE), _load(url, corrected)
    assert second.outcome == "replaced" and second.version == 2
    with psycopg.connect(url) as conn:
        keys = conn.execute("SELECT id, report_key, superseded_at IS NULL FROM budget.report ORDER BY id").fetchall()
        current = conn.execute("SELECT report_id, report_key FROM appendix.t07_general_budget_expenditure "
                               "GROUP BY 1, 2").fetchall()
    assert keys[0][1] == keys[1][1] and [k[2] for k in keys] == [False, True]
    assert current == [(second.report_id, keys[0][1])]


def _copy_views(tmp_path: Path) -> Path:
    target = tmp_path / "views"
    shutil.copytree(ROOT / "sql" / "views", target)
    return target


def test_an_analyst_view_and_a_grant_survive_a_changed_view_file(url, tmp_path):
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA analyst")
        conn.execute("CREATE VIEW analyst.big_items AS SELECT functional_code, total "
                     "FROM appendix.t07_general_budget_expenditure WHERE total > 10000")
        conn.execute("DROP ROLE IF EXISTS model_test_bi")
        conn.execute("CREATE ROLE model_test_bi")
        conn.execute("GRANT SELECT ON appendix.t07_general_budget_expenditure TO model_test_bi")
    changed = _copy_views(tmp_path)
    shared = changed / "t07_t08_t09_functional_expenditure.sql"
    shared.write_text(shared.read_text(encoding="utf-8").replace("'支出总计'", "'支出总计（万元）'"), encoding="utf-8")
    with psycopg.connect(url) as conn:
        views.apply_views(conn, changed)
        conn.commit()
        assert conn.execute("SELECT count(*) FROM analyst.big_items").fetchone() == (0,)
        assert conn.execute("SELECT has_table_privilege('model_test_bi', "
                            "'appendix.t07_general_budget_expenditure', 'SELECT')").fetchone() == (True,)
        assert conn.execute("SELECT col_description('appendix.t07_general_budget_expenditure'::regclass, 8)"
                            ).fetchone() == ("支出总计（万元）",)
    # A change that needs the view dropped stops, naming what depends on it; nothing changes.
    shared.write_text(shared.read_text(encoding="utf-8").replace("t.total,", "t.total AS total_amount,"),
                      encoding="utf-8")
    with psycopg.connect(url) as conn:
        with pytest.raises(views.ViewChangeBlocked) as blocked:
            views.apply_views(conn, changed)
        conn.rollback()
    assert str(blocked.value) == (
        "t07_t08_t09_functional_expenditure.sql changes the columns of appendix.t07_general_budget_expenditure, "
        "and analyst.big_items depends on it: drop it, migrate, and create again")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA analyst CASCADE")
        conn.execute("REVOKE ALL ON appendix.t07_general_budget_expenditure FROM model_test_bi")
        conn.execute("DROP ROLE model_test_bi")


def test_a_changed_parser_source_gives_a_new_parser_version(tmp_path):
    copy = tmp_path / "loaders"
    shutil.copytree(ROOT / "loaders", copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert parser_version(copy) == parser_version()
    grid = copy / "grid.py"
    grid.write_text(grid.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert parser_version(copy) != parser_version()
    assert parser_version().startswith("2.")


def test_code_list_sync_takes_a_changed_name_and_keeps_the_facts(url, tmp_path, monkeypatch):
    report = _load(url, SAMPLE)
    reference = tmp_path / "reference"
    shutil.copytree(ROOT / "budget_db" / "reference", reference)
    classes = reference / code_lists.FUNCTIONAL_CLASSES
    classes.write_text(classes.read_text(encoding="utf-8").replace("204,公共安全支出", "204,公共安全"),
                       encoding="utf-8")
    monkeypatch.setattr(code_lists, "REFERENCE_DIR", reference)
    code_lists.rows.cache_clear()
    try:
        with psycopg.connect(url) as conn:
            code_lists.sync(conn)
            code_lists.sync(conn)  # idempotent
            conn.commit()
            assert conn.execute("SELECT name, origin FROM budget.functional_classification "
                                "WHERE fiscal_year = 2020 AND code = '204'").fetchone() == ("公共安全", "file")
            # The facts keep the name as printed and their code.
            assert conn.execute(
                "SELECT functional_name, total FROM appendix.t07_general_budget_expenditure "
                "WHERE report_id = %s AND functional_code = '204'", (report.report_id,)).fetchone() == (
                "公共安全支出", D("121423.64"))
            assert conn.execute("SELECT origin, count(*) FROM budget.functional_classification "
                                "WHERE fiscal_year = 2020 GROUP BY 1 ORDER BY 1").fetchall() == [
                ("file", 23), ("report", 20)]
    finally:
        code_lists.rows.cache_clear()


def test_upgrade_from_the_previous_head_with_a_report_loaded(fresh_database):
    url = fresh_database("budget_upgrade")
    migrate.upgrade(url, "0004")
    with psycopg.connect(url) as conn:
        conn.execute("INSERT INTO budget.department (name) VALUES ('某局')")
        report = conn.execute(
            "INSERT INTO budget.report (department_id, fiscal_year, title, title_line, scope, source_file, sha256, "
            "parser_version) SELECT id, 2020, '2020年某局（本级）部门预算', 1, '本级', 'x.txt', repeat('0', 64), '1.0' "
            "FROM budget.department RETURNING id").fetchone()[0]
        conn.execute("INSERT INTO budget.income_budget (report_id, row_no, budget_unit, total, fiscal_subtotal, "
                     "general_funds, source_line) VALUES (%s, 1, '某局', 10.00, 10.00, 10.00, 5)", (report,))
        conn.execute("INSERT INTO budget.functional_expenditure (report_id, table_no, row_no, budget_unit, "
                     "fiscal_year, total, source_line) VALUES (%s, 7, 1, '某局', 2020, 10.00, 9)", (report,))
        conn.execute("INSERT INTO budget.performance_target_project (report_id, table_no, row_no, project_name, "
                     "total, source_line) VALUES (%s, '15-1', 1, '办案经费', 10.00, 20)", (report,))
        conn.execute("INSERT INTO budget.performance_project (report_id, row_no, project_name, total, source_line) "
                     "VALUES (%s, 1, '办案经费', 10.00, 15)", (report,))
        conn.execute("INSERT INTO budget.project_link (report_id, table_no, linked_table, link_no, linked_row_no, "
                     "linked_name, method, score) VALUES (%s, '15-1', '13', 1, 1, '办案经费', 'exact', 1)", (report,))
        conn.commit()
    migrate.upgrade(url)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT table_no, source_code, amount FROM budget.funding_amount ORDER BY 2").fetchall() == [
            ("2", "fiscal", D("10.00")), ("2", "general_funds", D("10.00"))]
        assert conn.execute("SELECT fiscal_subtotal, general_funds, special_funds FROM appendix.t02_income_budget"
                            ).fetchall() == [(D("10.00"), D("10.00"), None)]
        assert conn.execute("SELECT budget_unit, level FROM appendix.t07_general_budget_expenditure").fetchall() == [
            ("某局", "单位合计")]
        assert conn.execute("SELECT project_no, project_match FROM budget.performance_project").fetchall() == [
            (1, "exact")]
        assert conn.execute("SELECT linked_table, method FROM appendix.project_links").fetchall() == [("13", "exact")]
        key, region, template = conn.execute("SELECT report_key, region, template FROM appendix.reports").fetchone()
        assert (region, template, len(key)) == ("深圳市", "shenzhen_budget", 16)
    migrate.downgrade(url, "0004")  # and back, with the data
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT general_funds FROM budget.income_budget").fetchall() == [(D("10.00"),)]
        assert conn.execute("SELECT method FROM budget.project_link").fetchall() == [("exact",)]
