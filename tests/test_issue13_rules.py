"""The issue-13 rules, each with a report that passes it and the same report with one printed value
changed in the database (inside a rolled-back transaction) that fails it: the 部门决算 of 上海市普陀区
财政局 2024 and the Shanghai budget of 万里街道 2024, both clean as published (rounding only)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from budget_db import migrate
from budget_db.batch import load_file
from tests.shared_reports import LAYOUTS
from tests.test_check_rules import findings_after, not_rounding

FINAL, BUDGET = "final", "budget"
FILES = {FINAL: "sh_putuo_finance_final_2024.txt", BUDGET: "sh_putuo_wanli_budget_2024.txt"}

# rule -> (the report, statements that make it fail, the findings that are not rounding)
FAILING = {
    "summary_totals_sides": (FINAL, [
        "UPDATE budget.two_sided_summary_line SET amount = 50.14 WHERE table_no = '收入支出决算总表' "
        "AND label = '年初结转和结余'"], [
        ("error", "收入支出决算总表 income 总计", D("2995.39"), D("2996.39"))]),
    "summary_fund_columns": (BUDGET, [
        "UPDATE budget.funding_amount SET amount = 2932701 WHERE table_no = '部门财政拨款收支预算总表' AND row_no = 1"], [
        ("error", "部门财政拨款收支预算总表 一、一般公共服务支出", D("2932700.00"), D("2932701.00"))]),
    "income_function_rows": (FINAL, [
        "UPDATE budget.funding_amount SET amount = 85.65 WHERE table_no = '收入决算表' AND row_no = 10"], [
        ("error", "收入决算表 2080501 行政单位离退休", D("84.65"), D("85.65"))]),
    "summary_vs_tables": (BUDGET, [
        "UPDATE budget.functional_expenditure SET total = 100001 WHERE table_no = '部门支出预算总表' "
        "AND functional_code = '206'"], [
        ("error", "部门财务收支预算总表 四、科学技术支出 vs 部门支出预算总表 206", D("100000.00"), D("100001.00"))]),
    "economic_two_sided_totals": (FINAL, [
        "UPDATE budget.basic_expenditure_item SET total = 2152.36 WHERE item_name = '人员经费合计'"], [
        ("error", "一般公共预算财政拨款基本支出决算表 人员经费合计", D("2152.36"), D("2152.26")),
        ("error", "一般公共预算财政拨款基本支出决算表 人员经费合计 + 公用经费合计 vs 一般公共预算财政拨款支出决算表 合计 基本支出",
         D("2337.01"), D("2336.91"))]),
    "three_public_economic_items": (FINAL, [
        "UPDATE budget.basic_expenditure_item SET total = 0.50 WHERE economic_code = '30217'"], [
        ("error", "一般公共预算财政拨款基本支出决算表 公务接待费 (30217) vs the “三公” table", D("0.50"), D("0"))]),
}


@pytest.fixture(scope="module")
def databases(fresh_database):
    url = fresh_database("budget_rules13")
    migrate.upgrade(url)
    ids = {}
    for name, file in FILES.items():
        result = load_file(url, LAYOUTS / file)
        assert result.outcome == "loaded", result.message
        ids[name] = (url, result.report_id)
    return ids


@pytest.mark.parametrize("rule_id", sorted(FAILING))
def test_rule_passes(databases, rule_id):
    assert not_rounding(findings_after(databases[FAILING[rule_id][0]], rule_id, [])) == []


@pytest.mark.parametrize("rule_id", sorted(FAILING))
def test_rule_fails(databases, rule_id):
    report, statements, expected = FAILING[rule_id]
    statements = [s.replace("WHERE ", f"WHERE report_id = {databases[report][1]} AND ", 1) for s in statements]
    assert not_rounding(findings_after(databases[report], rule_id, statements)) == sorted(expected)
