"""Every rule of sql/checks/ with a report that passes it and one that fails it.

The passing report is the sample (its 0.01 gaps are `rounding`, not failures); for the two rules
the sample itself fails, a one-row edit makes it pass. The failing report is the sample with one
printed value changed in the database, inside a transaction that is rolled back.
"""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from budget_db import checks, migrate
from budget_db.batch import load_file
from tests.conftest import SAMPLE

D = Decimal

# rule -> (statements that make the sample fail it, the findings that are not rounding:
#          (severity, place, left, right))
FAILING = {
    "functional_hierarchy": (
        ["UPDATE budget.functional_expenditure SET total = 35469.15 WHERE table_no = '7' AND functional_code = '2040202'"],
        [("error", "表7 20402 公安 · 支出总计", D("120703.64"), D("120803.63"))],
    ),
    "functional_base_plus_project": (
        ["UPDATE budget.functional_expenditure SET project_expenditure = 1100.00 "
         "WHERE table_no = '7' AND functional_code = '2040203'"],
        [("error", "表7 2040203 机关服务", D("1000.00"), D("1100.00"))],
    ),
    "expenditure_total_sum": (
        ["UPDATE budget.expenditure_budget SET basic_expenditure = 92723.86"],
        [("error", "表3 深圳市公安局罗湖分局 · 支出总计", D("145863.63"), D("145963.62"))],
    ),
    "basic_items_sum": (
        ["UPDATE budget.basic_expenditure_item SET total = 37932.02 WHERE item_name = '基本工资'"],
        [("error", "表4 工资福利支出 · 总计", D("84701.75"), D("85301.76"))],
    ),
    "project_items_sum": (
        ["UPDATE budget.project_expenditure_item SET total = 3836.15 WHERE item_name = '经常性业务费'"],
        [("error", "表5 一般性项目 · 总计", D("49244.32"), D("49144.33"))],
    ),
    "funding_columns_sum": (
        ["UPDATE budget.funding_amount SET amount = 141868.91 WHERE table_no = '2' AND source_code = 'general_funds'"],
        [("error", "表2 深圳市公安局罗湖分局 · 一般公共预算拨款 小计", D("145863.63"), D("145864.35"))],
    ),
    "repeated_rows": (
        # as if the 基本工资 row of 表4 had been printed again on the next line
        ["INSERT INTO budget.repeated_row (report_id, table_no, source_line, first_line) "
         "SELECT report_id, table_no, source_line + 1, source_line FROM budget.basic_expenditure_item "
         "WHERE item_name = '基本工资'"],
        [("error", "表4 第314行", None, None)],
    ),
    "unit_rows_total": (
        # as if 表3 printed a 合计 row and one 预算单位 row whose 基本支出 is 1.00 short
        ["UPDATE budget.expenditure_budget SET budget_unit = '合计'",
         "INSERT INTO budget.expenditure_budget (report_id, table_no, row_no, budget_unit, expenditure_total, "
         "basic_expenditure, project_expenditure, procurement, procurement_sme, procurement_small_micro, source_line) "
         "SELECT report_id, table_no, 2, '罗湖分局机关', expenditure_total, basic_expenditure - 1, project_expenditure, "
         "procurement, procurement_sme, procurement_small_micro, source_line + 1 FROM budget.expenditure_budget"],
        [("error", "表3 合计 · 基本支出", D("92623.86"), D("92622.86"))],
    ),
    "funding_columns_t02_t04_t05": (
        # a project's 一般性经费拨款 printed in 表5's unit row 100.00 higher
        ["UPDATE budget.funding_amount SET amount = amount + 100 WHERE table_no = '5' AND row_no = 1 "
         "AND source_code = 'general_funds'"],
        [("error", "表2 一般性经费拨款 / 表4 + 表5", D("141868.19"), D("141968.18"))],
    ),
    "two_sided_balance": (
        ["UPDATE budget.two_sided_summary_line SET amount = 145863.36 WHERE table_no = '6' AND label = '收入总计'"],
        [("error", "表6 收入总计 / 支出总计", D("145863.36"), D("145863.63"))],
    ),
    "two_sided_subtotals": (
        ["UPDATE budget.two_sided_summary_line SET amount = 141868.91 WHERE table_no = '1' AND label = '一般性经费拨款'"],
        [("error", "表1 收入 一般公共预算拨款", D("145863.63"), D("145864.35"))],
    ),
    "functional_lines_t01_t06_t07": (
        ["UPDATE budget.two_sided_summary_line SET amount = 599.75 WHERE table_no = '6' AND label = '执法办案'",
         "UPDATE budget.two_sided_summary_line SET label = '信息化建设费' WHERE table_no = '1' AND label = '信息化建设'"],
        [("error", "表1 信息化建设费 / 表7 2040219 信息化建设", D("12971.69"), D("12971.69")),
         ("error", "表6 执法办案 / 表7 2040220 执法办案", D("599.75"), D("599.57"))],
    ),
    "summary_totals_t01_t02_t03": (
        ["UPDATE budget.income_budget SET total = 145683.63"],
        [("error", "表1 收入总计 / 表2 收入总计", D("145863.63"), D("145683.63")),
         ("error", "表2 收入总计 / 表3 支出总计", D("145683.63"), D("145863.63"))],
    ),
    "income_sources_t01_t06_t02": (
        ["UPDATE budget.funding_amount SET amount = 3959.44 WHERE table_no = '2' AND source_code = 'government_investment'"],
        [("error", "表1 政府投资项目拨款 / 表2 政府投资项目拨款", D("3995.44"), D("3959.44")),
         ("error", "表6 政府投资项目拨款 / 表2 政府投资项目拨款", D("3995.44"), D("3959.44"))],
    ),
    "unit_totals_t04_t05_t03": (
        ["UPDATE budget.basic_expenditure_item SET total = 92632.86 WHERE row_kind = 'unit'",
         "UPDATE budget.project_expenditure_item SET total = 53293.76 WHERE row_kind = 'unit'"],
        [("error", "表4 总计 / 表3 基本支出", D("92632.86"), D("92623.86")),
         ("error", "表5 总计 / 表3 项目支出", D("53293.76"), D("53239.76"))],
    ),
    "functional_columns_t07_t03": (
        ["UPDATE budget.functional_expenditure SET project_expenditure = 53293.76 WHERE table_no = '7' AND row_no = 1"],
        [("error", "表7 项目支出 / 表3 项目支出", D("53293.76"), D("53239.76"))],
    ),
    "transfer_hierarchy": (
        ["UPDATE budget.transfer_payment SET amount = 80.00 WHERE functional_code = '2040202'"],
        [("error", "表10 20402 公安 · 项目金额", D("800.00"), D("80.00"))],
    ),
    "three_public_vehicle_subtotal": (
        ["UPDATE budget.three_public_expense SET vehicle_operation = 775.00 WHERE year = 2020"],
        [("error", "表12 2020 · 公务用车购置及运行维护费 小计", D("1685.00"), D("1705.00"))],
    ),
    "three_public_total": (
        ["UPDATE budget.three_public_expense SET official_reception = 10.92 WHERE year = 2019"],
        [("error", "表12 2019 · “三公”经费财政拨款预算总额", D("5504.02"), D("5504.65"))],
    ),
    "performance_project_funds": (
        ["UPDATE budget.performance_project SET general_public_budget = 990.00 WHERE project_name = '预算准备金'"],
        [("error", "表13 预算准备金 · 合计", D("900.00"), D("990.00"))],
    ),
    "department_performance_funds": (
        ["UPDATE budget.department_performance_row SET amount = 1.00 WHERE row_kind = 'amount' AND label = '其他'"],
        [("error", "表14 资金总额", D("145863.63"), D("145864.63"))],
    ),
    "target_project_funds": (
        ["UPDATE budget.performance_target_project SET fiscal_appropriation = 9380.41 WHERE table_no = '15-1'"],
        [("error", "表15-1 辅警保障经费 · 资金总额", D("9380.14"), D("9380.41"))],
    ),
    "procurement_t11_t03": (
        ["UPDATE budget.procurement_item SET annual_amount = 59676.80 WHERE row_no = 1"],
        [("error", "表11 一年采购指标 合计 / 表3 政府采购项目", D("74460.73"), D("74451.73"))],
    ),
    "three_public_t12_t04": (
        ["UPDATE budget.basic_expenditure_item SET total = 12.29 WHERE item_name = '公务接待费'"],
        [("warning", "表12 公务接待费 / 表4 公务接待费", D("10.29"), D("12.29"))],
    ),
    "project_total_t13_t05": (
        ["UPDATE budget.performance_project SET total = 990.00 WHERE project_name = '预算准备金'"],
        [("error", "表13 合计 / 表5 总计", D("53329.77"), D("53239.76"))],
    ),
    "project_columns_t13_t05": (
        # 100.00 of 预算准备金 moved from 一般公共预算拨款 to 其他资金 in 表13: its 合计 still adds up
        ["UPDATE budget.performance_project SET general_public_budget = general_public_budget - 100, "
         "other_funds = coalesce(other_funds, 0) + 100 WHERE project_name = '预算准备金'"],
        [("error", "表13 预算准备金 · 一般公共预算拨款 / 表5 预算准备金", D("800.00"), D("900.00")),
         ("error", "表13 预算准备金 · 其他资金 / 表5 预算准备金", D("100.00"), D("0.00"))],
    ),
    "project_amount_t15_t13": (
        ["UPDATE budget.performance_target_project SET total = 9830.14 WHERE table_no = '15-1'"],
        [("error", "表15-1 辅警保障经费 / 表13 辅警保障经费", D("9830.14"), D("9380.14"))],
    ),
    "department_performance_t14_t03": (
        ["UPDATE budget.department_performance_row SET amount = 53293.76 WHERE row_kind = 'amount' AND label = '项目支出'"],
        [("error", "表14 项目支出 / 表3 项目支出", D("53293.76"), D("53239.76"))],
    ),
    "narrative_budget_totals": (
        ["UPDATE budget.narrative_fact SET value = 84710.75 WHERE section = '第二部分' AND fact_key = 'personnel_expenditure'"],
        [("error", "第二部分 人员支出 / 表4 工资福利支出", D("84710.75"), D("84701.75")),
         ("error", "第二部分 部门预算支出 / the components it states", D("145863.63"), D("145872.62"))],
    ),
    "narrative_project_items": (
        ["UPDATE budget.narrative_fact SET value = 990.00 WHERE fact_key = 'project_item' AND label = '预算准备金'",
         "UPDATE budget.narrative_fact SET label = '扶贫工作经费' WHERE fact_key = 'project_item' AND label = '扶贫工作'"],
        [("warning", "第三部分 扶贫工作经费 / 表5 (no line)", D("23.35"), None),
         ("warning", "第三部分 预算准备金 / 表5 预算准备金", D("990.00"), D("900.00"))],
    ),
    "narrative_procurement": (
        ["UPDATE budget.narrative_fact SET value = 28489.83 WHERE fact_key = 'procurement_actual'"],
        [("error", "第四部分 实际指标 / 表11 实际指标 合计", D("28489.83"), D("28498.83"))],
    ),
    "narrative_three_public": (
        ["UPDATE budget.narrative_fact SET value = 903.00 WHERE fact_key = 'vehicle_purchase'"],
        [("error", "第五部分 公务用车购置费 / 表12 公务用车购置费", D("903.00"), D("930.00"))],
    ),
    "narrative_three_public_changes": (
        ["UPDATE budget.narrative_fact SET value = 157.00 WHERE fact_key = 'vehicle_operation_change'"],
        [("warning", "第五部分 公务接待费 与 2019 年增加 / 表12 2020 − 2019", D("10.29"), D("0.00")),
         ("warning", "第五部分 公务用车运行维护费 比2019年预算数减少 / 表12 2020 − 2019", D("-157.00"), D("-175.00"))],
    ),
    "narrative_operating_expenses": (
        ["UPDATE budget.narrative_fact SET value = 5491.21 WHERE fact_key = 'operating_expenses'"],
        [("warning", "第七部分 机关运行经费财政拨款预算 / 表4 商品和服务支出 + 资本性支出", D("5491.21"), D("5419.21"))],
    ),
    "narrative_transfer_payment": (
        ["UPDATE budget.narrative_fact SET value = 8000.00 WHERE fact_key = 'superior_transfer_payment'"],
        [("error", "第七部分 上级专项转移支付支出预算 / 表10 项目金额", D("8000.00"), D("800.00"))],
    ),
    "narrative_change_percent": (
        ["UPDATE budget.narrative_fact SET value = 1.40 WHERE fact_key = 'budget_total_change_percent'"],
        [("warning", "第二部分 部门预算支出 减少1.40", D("-1.40"), D("-1.04"))],
    ),
    "project_link_similar": (
        [],  # the sample itself: two 表15 projects reach 表13 only by a similar name
        [("warning", "表15-5 娱乐服务场所治安管理系统 / 表13 娱乐服务场所治安管理信息系统", D("1100.00"), D("1100.00")),
         ("warning", "表15-12 公安特经费 / 表13 公安特情经费", D("720.00"), D("720.00"))],
    ),
    "project_unlinked_t15_t13": (
        # as if no 表13 line named the project of 表15-1
        ["UPDATE budget.performance_project SET project_no = NULL, project_match = NULL, project_match_score = NULL "
         "WHERE project_no = (SELECT project_no FROM budget.performance_target_project WHERE table_no = '15-1')"],
        [("warning", "表15-1 辅警保障经费", D("9380.14"), None)],
    ),
}

# The two rules the sample fails (with warnings): the edit that makes it pass.
PASSING_EDITS = {
    "narrative_three_public_changes": [
        # as if the narrative said 与 2019 年持平, which is what 表12 shows
        "UPDATE budget.narrative_fact SET direction = '持平', value = NULL WHERE fact_key = 'official_reception_change'",
    ],
    "project_link_similar": [
        # as if 表15 printed the 表13 names: the link step would then link them by name
        "UPDATE budget.performance_target_project t SET project_name = p.project_name FROM budget.performance_project p "
        "WHERE p.report_id = t.report_id AND p.project_no = t.project_no AND p.project_match = 'similar'",
        "UPDATE budget.performance_project SET project_match = 'exact', project_match_score = 1 "
        "WHERE project_match = 'similar'",
    ],
}


@pytest.fixture(scope="module")
def rules_database(fresh_database):
    """A database of its own holding the sample: every test edits it in a rolled-back transaction."""
    url = fresh_database("budget_rules")
    migrate.upgrade(url)
    result = load_file(url, SAMPLE)
    assert result.outcome == "loaded", result.message
    return url, result.report_id


def findings_after(rules_database, rule_id: str, statements: list[str]) -> list[checks.Finding]:
    url, report_id = rules_database
    rule = checks.rule_by_id(rule_id)
    with psycopg.connect(url) as conn:
        for statement in statements:
            assert conn.execute(statement).rowcount >= 1, statement
        found = checks.run_rule(conn, rule, report_id)
        conn.rollback()
    return found


def not_rounding(found: list[checks.Finding]) -> list[tuple]:
    return sorted((f.severity, f.place, f.left_value, f.right_value) for f in found if f.severity != checks.ROUNDING)


def test_every_rule_has_a_pair():
    from tests.test_issue13_rules import FAILING as ISSUE13  # the Shanghai and 决算 rules, on those reports
    from tests.test_jiangsu import JIANGSU_FAILING  # Jiangsu's rules fail and pass on a Jiangsu report

    assert set(FAILING) | set(ISSUE13) | set(JIANGSU_FAILING) == {rule.id for rule in checks.load_catalog()}


@pytest.mark.parametrize("rule_id", sorted(FAILING))
def test_rule_passes(rules_database, rule_id):
    found = findings_after(rules_database, rule_id, PASSING_EDITS.get(rule_id, []))
    assert not_rounding(found) == []


@pytest.mark.parametrize("rule_id", sorted(FAILING))
def test_rule_fails(rules_database, rule_id):
    statements, expected = FAILING[rule_id]
    found = findings_after(rules_database, rule_id, statements)
    assert not_rounding(found) == sorted(expected)
    for finding in found:
        if finding.left_value is not None and finding.right_value is not None:
            assert finding.difference == finding.left_value - finding.right_value


# A rule that cannot compare because a row it needs is missing says so (`not_checked`), never passes.
NOT_CHECKED = {
    "unit_totals_t04_t05_t03": (
        ["DELETE FROM budget.basic_expenditure_item WHERE row_kind = 'unit'"],
        [("not_checked", "表4 总计 / 表3 基本支出", "not checked: 表4 prints no unit row")],
    ),
    "functional_columns_t07_t03": (
        ["DELETE FROM budget.functional_expenditure WHERE table_no = '7' AND functional_code IS NULL"],
        [("not_checked", "表7 / 表3", "not checked: 表7 prints no unit row")],
    ),
}


@pytest.mark.parametrize("rule_id", sorted(NOT_CHECKED))
def test_rule_without_its_row_is_not_checked(rules_database, rule_id):
    statements, expected = NOT_CHECKED[rule_id]
    found = findings_after(rules_database, rule_id, statements)
    assert [(f.severity, f.place, f.message) for f in found] == expected


def test_rules_run_on_generic_plans_and_restore_the_setting(rules_database):
    # A custom plan for a report just written is costed from statistics that do not know it yet
    # (seconds a rule); rules run on generic plans, and the session's own setting comes back after.
    url, report_id = rules_database
    with psycopg.connect(url) as conn:
        conn.execute("SET plan_cache_mode = force_custom_plan")
        with checks._generic_plans(conn):
            assert conn.execute("SELECT current_setting('plan_cache_mode')").fetchone() == ("force_generic_plan",)
        assert conn.execute("SELECT current_setting('plan_cache_mode')").fetchone() == ("force_custom_plan",)
        rules = [checks.rule_by_id("basic_items_sum"), checks.rule_by_id("funding_columns_sum")]
        found = checks.run_rules(conn, rules, report_id)
        assert conn.execute("SELECT current_setting('plan_cache_mode')").fetchone() == ("force_custom_plan",)
    assert [f.rule_id for f in found] == [f.rule_id for rule in rules for f in findings_after(rules_database, rule.id, [])]
    assert not_rounding(found) == []
