"""The analysis views over the shared real reports of three templates: year-over-year change of
万里街道 (Shanghai, 元 → 万元) 2024 → 2025 and of the Jiangsu departments 2018 → 2019, and the
department × year totals without counting a fund twice."""

from __future__ import annotations

from decimal import Decimal as D

import psycopg
import pytest

from budget_db import migrate
from budget_db.batch import load_files
from tests.conftest import OTHER_LAYOUTS

WANLI = "上海市普陀区人民政府万里街道办事处"
PARTY = "中共江苏省委办公厅"


@pytest.fixture(scope="module")
def real(fresh_database):
    url = fresh_database("budget_analysis_real")
    migrate.upgrade(url)
    results = load_files(url, sorted(OTHER_LAYOUTS.glob("*.txt")), workers=2)
    assert [r.outcome for r in results] == ["loaded"] * 15, [r.message for r in results if r.outcome != "loaded"]
    return url


def _rows(url, query, *params):
    with psycopg.connect(url) as conn:
        return conn.execute(query, params).fetchall()


def test_year_over_year_by_function_across_templates(real):
    query = ("SELECT DISTINCT total, previous_total, change_amount, change_percent FROM analysis.functional_expenditure "
             "WHERE department = %s AND fiscal_year = %s AND functional_code = %s")
    # Shanghai prints 元: 154,369,326 元 in 2025 is 15,436.9326 万元 (exact), 2024 11,938.5303
    assert _rows(real, query, WANLI, 2025, "212") == [
        (D("15436.932600"), D("11938.530300"), D("3498.402300"), D("29.30"))]
    assert _rows(real, query, PARTY, 2019, "201") == [(D("22395.50"), D("20153.75"), D("2241.75"), D("11.12"))]
    # the first year loaded has no previous year
    assert _rows(real, query, PARTY, 2018, "201") == [(D("20153.75"), None, None, None)]


def test_department_year_totals_count_each_fund_once(real):
    totals = dict(((d, y), t) for d, y, t in _rows(
        real, "SELECT department, fiscal_year, functional_total FROM analysis.department_year_totals"))
    # Jiangsu prints 财政拨款 (all fiscal money) and 一般公共预算 tables of the same money: taken once
    assert totals[PARTY, 2019] == D("27664.22")
    assert len(totals) == 15


def test_the_readme_recipes_on_real_reports(real):
    ranking = _rows(real, "SELECT rank_in_region, department, total, previous_total, previous_source, change_percent "
                          "FROM analysis.three_public WHERE region = '江苏省' AND fiscal_year = 2019 AND stage = '预算' "
                          "ORDER BY rank_in_region")
    assert ranking == [
        (1, "江苏省人大常委会办公厅", D("767.60"), D("833.60"), "上年报告", D("-7.92")),
        (2, "江苏省政协办公厅", D("660.10"), D("675.10"), "上年报告", D("-2.22")),
        (3, "江苏省高级人民法院", D("513.75"), D("620.75"), "上年报告", D("-17.24")),
        (4, PARTY, D("508.20"), D("508.20"), "上年报告", D("0.00")),
        (5, "江苏省人民检察院", D("418.26"), D("484.30"), "上年报告", D("-13.64")),
    ]
    by_class = {code: (previous, total, percent) for code, previous, total, percent in _rows(
        real, "SELECT functional_code, previous_total, total, change_percent FROM analysis.functional_expenditure "
              "WHERE department = %s AND fiscal_year = 2025 AND level = '类' AND fund = '全部资金'", WANLI)}
    assert by_class["212"] == (D("11938.530300"), D("15436.932600"), D("29.30"))
    assert by_class["208"] == (D("1960.406400"), D("1609.189500"), D("-17.92"))
    assert by_class["204"] == (D("163.300000"), D("287.802500"), D("76.24"))
    assert len(by_class) == 9


def test_funding_sources_of_the_income_tables_by_function(real):
    rows = _rows(real, "SELECT source_code, amount, income_total, share_percent FROM analysis.funding_sources "
                       "WHERE department = '上海市普陀区财政局' AND fiscal_year = 2024 ORDER BY ordinal")
    assert rows == [("fiscal", D("2940.05"), D("2946.25"), D("99.79")), ("other_income", D("6.20"), D("2946.25"), D("0.21"))]
    wanli = _rows(real, "SELECT amount, share_percent FROM analysis.funding_sources "
                        "WHERE department = %s AND fiscal_year = 2025 AND source_code = 'fiscal'", WANLI)
    assert wanli == [(D("18976.755100"), D("100.00"))]  # 189,767,551 元


def test_totals_of_every_template_from_the_rows_they_print(real):
    """A report without Shenzhen's tables by unit takes its totals from its own 合计 rows."""
    query = ("SELECT template, expenditure_total, basic_expenditure, project_expenditure, income_total, "
             "previous_expenditure_total, change_amount, change_percent FROM analysis.department_year_totals "
             "WHERE department = %s AND fiscal_year = %s")
    # Jiangsu 支出预算总表 合计 | 基本支出 | 项目支出 (and 单位预留机动经费 5,011.40), 收入预算总表 收入总计
    assert _rows(real, query, "江苏省高级人民法院", 2019) == [
        ("jiangsu_budget", D("37188.34"), D("21968.00"), D("10208.94"), D("37188.34"), D("33172.15"), D("4016.19"),
         D("12.11"))]
    # Shanghai 部门支出预算总表 and 部门收入预算总表, 合计 rows in 元
    assert _rows(real, query, WANLI, 2025) == [
        ("shanghai_budget", D("18976.755100"), D("10134.174600"), D("8842.580500"), D("18976.755100"),
         D("15621.112300"), D("3355.642800"), D("21.48"))]
    # the 决算's 支出决算表 (本年支出合计) and 收入决算表
    assert _rows(real, query, "上海市普陀区财政局", 2024) == [
        ("final_accounts", D("2940.05"), D("2336.91"), D("603.14"), D("2946.25"), None, None, None)]
    missing = _rows(real, "SELECT count(*) FROM analysis.department_year_totals WHERE expenditure_total IS NULL "
                          "OR basic_expenditure IS NULL OR project_expenditure IS NULL OR income_total IS NULL")
    assert missing == [(0,)]
    stored = _rows(real, "SELECT * FROM analysis.report_totals_live EXCEPT SELECT report_id, region, fiscal_year, "
                         "stage, expenditure_total, basic_expenditure, project_expenditure, income_total, "
                         "functional_total, three_public_printed, three_public_total FROM budget.report_total")
    assert stored == []


def test_basic_expenditure_by_economic_category_of_a_final_account(real):
    """The 决算's 基本支出决算表 (人员经费 | 公用经费 side by side) reads like a budget's 基本支出预算表."""
    rows = _rows(real, "SELECT level, economic_code, economic_name, category_code, amount, share_percent "
                       "FROM analysis.basic_expenditure_economic WHERE department = '上海市普陀区财政局' "
                       "AND fiscal_year = 2024 AND stage = '决算' ORDER BY row_no")
    assert len(rows) == 64  # 4 类 and 60 款 printed; the two 合计 are not categories
    assert rows[0] == ("类", "301", "工资福利支出", None, D("2082.85"), D("89.13"))
    assert rows[2] == ("款", "30101", "基本工资", "301", D("262.33"), D("11.23"))
    # the 类 add up to the 基本支出 of 支出决算表
    assert sum(amount for level, *_, amount, _share in rows if level == "类") == D("2336.91")


def test_funding_sources_of_a_jiangsu_report_from_its_summary_table(real):
    """Jiangsu prints its sources as lines of 收支预算总表's income side (budget.funding_source_label)."""
    rows = _rows(real, "SELECT table_no, source_code, source_name, parent_code, amount, income_total, share_percent "
                       "FROM analysis.funding_sources WHERE department = '江苏省政协办公厅' AND fiscal_year = 2018 "
                       "ORDER BY ordinal")
    assert rows == [
        ("公开01表", "fiscal", "财政拨款", None, D("10070.48"), D("10150.48"), D("99.21")),  # 一、财政拨款
        ("公开01表", "general_public", "一般公共预算拨款", "fiscal", D("10070.48"), D("10150.48"), D("99.21")),
        ("公开01表", "government_fund", "政府性基金预算拨款", "fiscal", D("0"), D("10150.48"), D("0.00")),  # printed empty
        ("公开01表", "fiscal_special_account", "财政专户拨款", "fiscal", D("0"), D("10150.48"), D("0.00")),
        ("公开01表", "prior_year_carryover", "上年结余、结转", None, D("0"), D("10150.48"), D("0.00")),
        ("公开01表", "other_funds", "其他资金", None, D("80.00"), D("10150.48"), D("0.79"))]  # 三、其他资金
    # "1. 一般公共预算" (a space after the number) is the same line; every Jiangsu report has its six
    counts = _rows(real, "SELECT count(*), count(DISTINCT report_id) FROM analysis.funding_sources "
                         "WHERE template = 'jiangsu_budget'")
    assert counts == [(60, 10)]
    npc = _rows(real, "SELECT amount FROM analysis.funding_sources WHERE department = '江苏省人大常委会办公厅' "
                      "AND fiscal_year = 2018 AND source_code = 'general_public'")
    assert npc == [(D("15897.44"),)]
    # the top-level sources add up to the income total
    top = _rows(real, "SELECT report_id, sum(amount), min(income_total) FROM analysis.funding_sources "
                      "WHERE template = 'jiangsu_budget' AND parent_code IS NULL GROUP BY report_id")
    assert len(top) == 10 and all(total == income for _, total, income in top)
