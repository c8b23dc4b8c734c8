"""Issue 13: the Shanghai 区级部门预算 (普陀区 2024–2025): the four shared reports load from text,
whole printed tables and totals, their real inconsistencies, and a budget next to its final accounts."""

from __future__ import annotations

from decimal import Decimal as D

import psycopg
import pytest

from budget_db import migrate
from budget_db.batch import load_file
from tests.conftest import SAMPLE
from tests.shared_reports import LAYOUTS

REPORTS = {name: LAYOUTS / f"sh_putuo_{name}.txt" for name in (
    "wanli_budget_2025", "wanli_budget_2024", "govoffice_budget_2025", "commerce_budget_2025")}
WANLI = "上海市普陀区人民政府万里街道办事处"


@pytest.fixture(scope="module")
def url(fresh_database):
    url = fresh_database("budget_shanghai")
    migrate.upgrade(url)
    return url


@pytest.fixture(scope="module")
def loaded(url):
    results = {name: load_file(url, path) for name, path in REPORTS.items()}
    for result in results.values():
        assert result.outcome == "loaded", result.message
    return {name: result.report_id for name, result in results.items()}


def _rows(url, query, *params):
    with psycopg.connect(url) as conn:
        return conn.execute(query, params).fetchall()


def test_each_report_loads_with_its_nine_tables(url, loaded):
    rows = _rows(url, "SELECT department, fiscal_year, kind, template, unit FROM appendix.reports ORDER BY report_id")
    assert rows == [(WANLI, 2025, "部门预算", "shanghai_budget", "元"), (WANLI, 2024, "部门预算", "shanghai_budget", "元"),
                    ("上海市普陀区人民政府办公室", 2025, "部门预算", "shanghai_budget", "元"),
                    ("上海市普陀区商务委员会", 2025, "部门预算", "shanghai_budget", "元")]
    assert _rows(url, "SELECT report_id, count(*), count(*) FILTER (WHERE unit = '万元') FROM budget.report_table "
                      "GROUP BY 1 ORDER BY 1") == [(loaded[n], 9, 1) for n in REPORTS]


def test_wanli_2025_summary_totals(url, loaded):
    rows = _rows(url, "SELECT income_item, income_amount, expenditure_item, expenditure_amount "
                      "FROM shanghai.s01_summary WHERE report_id = %s ORDER BY row_no", loaded["wanli_budget_2025"])
    assert rows == [
        ("一、财政拨款收入", D("189767551.00"), "一、一般公共服务支出", D("3296600.00")),
        ("1. 一般公共预算资金", D("189767551.00"), "二、公共安全支出", D("2878025.00")),
        ("2. 政府性基金", None, "三、教育支出", D("250000.00")),
        ("3. 国有资本经营预算", None, "四、科学技术支出", D("100000.00")),
        ("二、事业收入", None, "五、文化旅游体育与传媒支出", D("200000.00")),
        ("三、事业单位经营收入", None, "六、社会保障和就业支出", D("16091895.00")),
        ("四、其他收入", None, "七、卫生健康支出", D("3216973.00")),
        (None, None, "八、城乡社区支出", D("154369326.00")),
        (None, None, "九、住房保障支出", D("9364732.00")),
        ("收入总计", D("189767551.00"), "支出总计", D("189767551.00"))]


def test_codes_over_three_columns_are_one_code_and_headers_repeated_at_page_breaks_are_dropped(url, loaded):
    report = loaded["wanli_budget_2025"]
    rows = _rows(url, "SELECT code_class, code_section, code_item, functional_code, name, total, basic_expenditure, "
                      "project_expenditure FROM shanghai.s05_general_budget WHERE report_id = %s ORDER BY row_no", report)
    assert len(rows) == 67  # 66 code rows and 合计; the header printed again on four pages is not a row
    assert rows[:3] == [
        ("201", None, None, "201", "一般公共服务支出", D("3296600.00"), D("0.00"), D("3296600.00")),
        ("201", "05", None, "20105", "统计信息事务", D("438300.00"), D("0.00"), D("438300.00")),
        ("201", "05", "07", "2010507", "专项普查活动", D("438300.00"), D("0.00"), D("438300.00"))]
    assert rows[-1] == (None, None, None, None, "合计", D("189767551.00"), D("101341746.00"), D("88425805.00"))


def test_a_total_row_printed_over_the_code_cells(url, loaded):
    # 2024 prints 合计 with its amounts right after it (merged cells), not under the amount columns.
    assert _rows(url, "SELECT name, total, fiscal, business_income FROM shanghai.s02_income WHERE report_id = %s "
                      "AND functional_code IS NULL", loaded["wanli_budget_2024"]) == [
        ("合计", D("156211123.00"), D("156211123.00"), D("0.00"))]


def test_economic_table_and_a_code_without_its_leading_zero(url, loaded):
    rows = _rows(url, "SELECT item_name, row_kind, economic_code, total, personnel_expenses, public_expenses "
                      "FROM budget.basic_expenditure_item WHERE report_id = %s ORDER BY row_no",
                 loaded["wanli_budget_2024"])
    assert rows[2] == ("津贴补贴", "item", "30102", D("16623810.00"), D("16623810.00"), D("0.00"))  # printed 301⇥2
    assert rows[-1] == ("合计", "unit", None, D("99706020.00"), D("88537451.00"), D("11168569.00"))


def test_three_public_in_wan_yuan_and_operating_expenses(url, loaded):
    rows = _rows(url, "SELECT t.report_id, t.total, t.overseas_travel, t.official_reception, t.vehicle_subtotal, "
                      "t.vehicle_purchase, t.vehicle_operation, t.operating_expenses, rt.unit, rt.note "
                      "FROM budget.three_public_expense t JOIN budget.report_table rt USING (report_id, table_no) "
                      "ORDER BY t.report_id")
    assert rows[0] == (loaded["wanli_budget_2025"], D("37.91"), D("0.00"), D("1.35"), D("36.56"), D("15.00"),
                       D("21.56"), D("464.64"), "万元", None)
    # 2024 prints its amounts and a note that the table is empty: both kept as printed.
    assert rows[1][1] == D("47.91") and rows[1][9] == "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。"


def test_the_economic_and_three_public_tables_as_printed(url, loaded):
    rows = _rows(url, "SELECT economic_class, economic_section, item_name, total, personnel_expenses, public_expenses "
                      "FROM shanghai.s08_basic_economic WHERE report_id = %s ORDER BY row_no", loaded["wanli_budget_2024"])
    assert rows[2] == ("301", "02", "津贴补贴", D("16623810.00"), D("16623810.00"), D("0.00"))
    assert rows[-1] == (None, None, "合计", D("99706020.00"), D("88537451.00"), D("11168569.00"))
    assert len(rows) == _rows(url, "SELECT count(*) FROM budget.basic_expenditure_item WHERE report_id = %s",
                              loaded["wanli_budget_2024"])[0][0]
    assert _rows(url, "SELECT total, overseas_travel, official_reception, vehicle_subtotal, vehicle_purchase, "
                      "vehicle_operation, operating_expenses FROM shanghai.s09_three_public_operating "
                      "WHERE report_id = %s", loaded["wanli_budget_2025"]) == [
        (D("37.91"), D("0.00"), D("1.35"), D("36.56"), D("15.00"), D("21.56"), D("464.64"))]
    from tests.test_loading import cli

    shown = cli("show", "9", "-d", WANLI, "-y", "2025", url=url)
    assert shown.returncode == 0, shown.stderr
    assert "部门“三公”经费和机关运行经费预算表（万元）" in shown.stdout and "464.64" in shown.stdout
    missing = cli("show", "10", "-d", WANLI, "-y", "2025", url=url)
    assert missing.returncode == 2 and missing.stderr.strip().endswith("a shanghai_budget report has no 附表 10: use 1 … 9")


def test_member_units_and_the_performance_goal_narrative(url, loaded):
    assert _rows(url, "SELECT value, label FROM budget.narrative_fact WHERE report_id = %s AND fact_key = "
                      "'member_unit' ORDER BY row_no", loaded["wanli_budget_2025"])[:2] == [
        (D("1"), "上海市普陀区人民政府万里街道办事处（本部）"), (D("2"), "上海市普陀区万里街道社区事务受理服务中心")]
    goal = _rows(url, "SELECT heading, text FROM budget.narrative_section WHERE report_id = %s "
                      "AND section = '项目经费情况说明 七'", loaded["wanli_budget_2025"])
    assert goal == [("七、绩效目标", "建成后作为万里街道社区事务受理、社区管理、社区文化艺术活动场所。更有效的整合社区公共服务资源，为周边居民提供便捷、优\n"
                                   "质的社区服务和生活配套设施。")]


def test_findings_are_the_publications_own(url, loaded):
    errors = _rows(url, "SELECT report_id, rule_id, place, left_value, right_value FROM budget.validation_finding "
                        "WHERE severity IN ('error', 'warning') ORDER BY report_id, rule_id, place")
    # 万里街道 2025 prints 21201 城乡社区管理事务 94,995,790 元 in three tables; its 项 rows (and its
    # 基本支出 + 项目支出) add up to 94,995,789, and the 212 类 prints 154,369,326 against 款 that add to …327.
    report = loaded["wanli_budget_2025"]
    assert sorted(errors) == sorted([
        (report, "functional_base_plus_project", "表部门一般公共预算支出功能分类预算表 21201 城乡社区管理事务",
         D("94995790.00"), D("94995789.00")),
        (report, "functional_base_plus_project", "表部门支出预算总表 21201 城乡社区管理事务", D("94995790.00"),
         D("94995789.00")),
        (report, "functional_hierarchy", "表部门一般公共预算支出功能分类预算表 21201 城乡社区管理事务 · 支出总计",
         D("94995790.00"), D("94995789.00")),
        (report, "functional_hierarchy", "表部门一般公共预算支出功能分类预算表 212 城乡社区支出 · 支出总计",
         D("154369326.00"), D("154369327.00")),
        (report, "functional_hierarchy", "表部门支出预算总表 21201 城乡社区管理事务 · 支出总计", D("94995790.00"),
         D("94995789.00")),
        (report, "functional_hierarchy", "表部门支出预算总表 212 城乡社区支出 · 支出总计", D("154369326.00"),
         D("154369327.00")),
        (report, "income_function_rows", "部门收入预算总表 21201 城乡社区管理事务", D("94995790.00"), D("94995789.00")),
        (report, "income_function_rows", "部门收入预算总表 212 城乡社区支出", D("154369326.00"), D("154369327.00"))])


def test_budget_and_final_side_by_side_on_department_year_and_code(url, loaded, tmp_path):
    final = load_file(url, LAYOUTS / "sh_putuo_finance_final_2024.txt")
    # The finance bureau publishes no budget here: its budget is the 区政府办公室 2025 one, renamed.
    text = REPORTS["govoffice_budget_2025"].read_text(encoding="utf-8")
    budget_file = tmp_path / "finance_budget_2024.txt"
    budget_file.write_text(text.replace("上海市普陀区人民政府办公室", "上海市普陀区财政局").replace("2025", "2024"),
                           encoding="utf-8")
    budget = load_file(url, budget_file)
    assert (final.outcome, budget.outcome) == ("loaded", "loaded"), (final.message, budget.message)
    rows = _rows(url, "SELECT functional_code, budget_total, budget_unit, final_total, final_unit, budget_wan_yuan, "
                      "final_wan_yuan, difference_wan_yuan FROM appendix.budget_vs_final WHERE department = "
                      "'上海市普陀区财政局' AND fiscal_year = 2024 AND functional_code IN ('', '2080505')")
    assert sorted(rows) == [
        ("", D("91016775.35"), "元", D("2940.05"), "万元", D("9101.677535"), D("2940.05"), D("-6161.627535")),
        ("2080505", D("1763159.52"), "元", D("160.75"), "万元", D("176.315952"), D("160.75"), D("-15.565952"))]


def test_the_shenzhen_sample_is_unchanged(url):
    result = load_file(url, SAMPLE)
    assert result.outcome == "loaded"
    assert _rows(url, "SELECT template, region FROM appendix.reports WHERE report_id = %s", result.report_id) == [
        ("shenzhen_budget", "深圳市")]
