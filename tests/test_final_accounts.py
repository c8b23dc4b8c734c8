"""Issue 13: the national 部门决算 (上海市普陀区财政局 2024): whole printed tables, totals, findings,
the blank template refused, and a copy with one changed amount."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import psycopg
import pytest

from budget_db import migrate
from budget_db.batch import load_file
from tests.shared_reports import LAYOUTS

FINAL = LAYOUTS / "sh_putuo_finance_final_2024.txt"
BLANK = Path(__file__).parent / "data" / "final_accounts_template_blank.txt"  # pdfplumber text of the PDF


@pytest.fixture(scope="module")
def url(fresh_database):
    url = fresh_database("budget_final")
    migrate.upgrade(url)
    return url


@pytest.fixture(scope="module")
def report(url):
    result = load_file(url, FINAL)
    assert result.outcome in ("loaded", "unchanged"), result.message
    return result.report_id


def _rows(url, query, *params):
    with psycopg.connect(url) as conn:
        return conn.execute(query, params).fetchall()


def test_the_report_and_its_nine_tables(url, report):
    assert _rows(url, "SELECT department, fiscal_year, kind, template, unit, region FROM appendix.reports "
                      "WHERE report_id = %s", report) == [
        ("上海市普陀区财政局", 2024, "部门决算", "final_accounts", "万元", "上海市")]
    assert _rows(url, "SELECT table_no, kind, fund, unit, note FROM budget.report_table WHERE report_id = %s "
                      "ORDER BY ordinal", report) == [
        ("收入支出决算总表", "two_sided_totals", "全部资金", "万元", None),
        ("收入决算表", "income_by_function", "全部资金", "万元", None),
        ("支出决算表", "functional_expenditure", "全部资金", "万元", None),
        ("财政拨款收入支出决算总表", "two_sided_totals", "财政拨款", "万元", None),
        ("一般公共预算财政拨款支出决算表", "functional_expenditure", "一般公共预算", "万元", None),
        ("一般公共预算财政拨款基本支出决算表", "economic_two_sided", "一般公共预算", "万元", None),
        ("财政拨款三公经费支出决算表", "three_public", "财政拨款", "万元", None),
        ("政府性基金预算财政拨款收入支出决算表", "functional_expenditure", "政府性基金", "万元",
         "注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。"),
        ("国有资本经营预算财政拨款收入支出决算表", "functional_expenditure", "国有资本经营", "万元",
         "注：上海市普陀区财政局无国有资本经营预算财政拨款支出，故本表无数据。")]


def test_the_summary_totals(url, report):
    rows = _rows(url, "SELECT income_item, income_amount, expenditure_item, expenditure_amount "
                      "FROM final_accounts.f01_summary WHERE report_id = %s ORDER BY row_no", report)
    assert len(rows) == 30
    assert rows[0] == ("一、一般公共预算财政拨款收入", D("2940.05"), "一、一般公共服务支出", D("2106.66"))
    assert rows[7] == ("八、其他收入", D("6.20"), "八、社会保障和就业支出", D("326.71"))
    assert rows[-4:] == [
        ("本年收入合计", D("2946.25"), "本年支出合计", D("2940.05")),
        ("使用非财政拨款结余（含专用结余）", None, "结余分配", None),
        ("年初结转和结余", D("49.14"), "年末结转和结余", D("55.34")),
        ("总计", D("2995.39"), "总计", D("2995.39"))]


def test_the_fiscal_summary_with_its_fund_columns_and_a_wrapped_label(url, report):
    rows = _rows(url, "SELECT income_item, income_amount, expenditure_item, expenditure_amount, general_public "
                      "FROM final_accounts.f04_fiscal_summary WHERE report_id = %s ORDER BY row_no", report)
    assert rows[13] == (None, None, "十四、资源勘探工业信息等支出", None, None)  # printed over two lines
    assert rows[-6:] == [
        ("本年收入合计", D("2940.05"), "本年支出合计", D("2940.05"), D("2940.05")),
        ("年初财政拨款结转和结余", D("21.63"), "年末财政拨款结转和结余", D("21.63"), D("21.63")),
        ("一、一般公共预算财政拨款", D("21.63"), None, None, None),
        ("二、政府性基金预算财政拨款", None, None, None, None),
        ("三、国有资本经营预算财政拨款", None, None, None, None),
        ("总计", D("2961.68"), "总计", D("2961.68"), D("2961.68"))]


def test_the_income_table_row_for_row(url, report):
    rows = _rows(url, "SELECT code_class, code_section, code_item, name, total, fiscal, other_income "
                      "FROM final_accounts.f02_income WHERE report_id = %s ORDER BY row_no", report)
    assert rows == [
        (None, None, None, "合计", D("2946.25"), D("2940.05"), D("6.20")),
        ("201", None, None, "一般公共服务支出", D("2112.86"), D("2106.66"), D("6.20")),
        ("201", "06", None, "财政事务", D("2112.86"), D("2106.66"), D("6.20")),
        ("201", "06", "01", "行政运行", D("1511.90"), D("1511.89"), D("0.01")),
        ("201", "06", "02", "一般行政管理事务", D("16.19"), D("10.00"), D("6.19")),
        ("201", "06", "07", "信息化建设", D("135.25"), D("135.25"), None),
        ("201", "06", "08", "财政委托业务支出", D("449.52"), D("449.52"), None),
        ("208", None, None, "社会保障和就业支出", D("326.72"), D("326.72"), None),
        ("208", "05", None, "行政事业单位养老支出", D("326.72"), D("326.72"), None),
        ("208", "05", "01", "行政单位离退休", D("84.65"), D("84.65"), None),
        ("208", "05", "05", "机关事业单位基本养老保险缴费支出", D("160.75"), D("160.75"), None),
        ("208", "05", "06", "机关事业单位职业年金缴费支出", D("80.38"), D("80.38"), None),
        ("208", "05", "99", "其他行政事业单位养老支出", D("0.94"), D("0.94"), None),
        ("210", None, None, "卫生健康支出", D("60.99"), D("60.99"), None),
        ("210", "11", None, "行政事业单位医疗", D("60.99"), D("60.99"), None),
        ("210", "11", "01", "行政单位医疗", D("60.99"), D("60.99"), None),
        ("221", None, None, "住房保障支出", D("445.69"), D("445.69"), None),
        ("221", "02", None, "住房改革支出", D("445.69"), D("445.69"), None),
        ("221", "02", "01", "住房公积金", D("187.19"), D("187.19"), None),
        ("221", "02", "03", "购房补贴", D("258.50"), D("258.50"), None)]


def test_the_expenditure_tables_store_one_code(url, report):
    assert _rows(url, "SELECT functional_code, total, basic_expenditure, project_expenditure "
                      "FROM budget.functional_expenditure WHERE report_id = %s AND table_no = '支出决算表' "
                      "AND row_no IN (1, 4, 5)", report) == [
        (None, D("2940.05"), D("2336.91"), D("603.14")),
        ("2010601", D("1511.89"), D("1503.52"), D("8.37")),
        ("2010602", D("10.00"), None, D("10.00"))]
    rows = _rows(url, "SELECT name, total, basic_expenditure, project_expenditure FROM "
                      "final_accounts.f05_general_budget_expenditure WHERE report_id = %s ORDER BY row_no", report)
    assert len(rows) == 20 and rows[-1] == ("合计", D("2940.05"), D("2336.91"), D("603.14"))
    assert _rows(url, "SELECT count(*) FROM final_accounts.f08_gov_fund WHERE report_id = %s AND total IS NULL",
                 report) == [(1,)]


def test_the_basic_expenditure_table_side_by_side(url, report):
    rows = _rows(url, "SELECT left_class, left_section, left_name, left_total, right_class, right_section, "
                      "right_name, right_total FROM final_accounts.f06_basic_expenditure WHERE report_id = %s "
                      "ORDER BY row_no", report)
    assert len(rows) == 39
    assert rows[0] == ("301", None, "工资福利支出", D("2082.85"), "302", None, "商品和服务支出", D("171.07"))
    assert rows[28] == (None, None, None, None, "310", None, "资本性支出", D("13.58"))
    assert rows[-1] == (None, None, "人员经费合计", D("2152.26"), None, None, "公用经费合计", D("184.65"))


def test_the_three_public_table_budget_and_final(url, report):
    assert _rows(url, "SELECT total_budget, total_final, official_reception_budget, official_reception_final, "
                      "overseas_travel_budget FROM final_accounts.f07_three_public WHERE report_id = %s", report) == [
        (D("0.95"), None, D("0.95"), None, None)]


def test_the_published_report_has_rounding_findings_only(url, report):
    # The publisher rounded each amount: sums differ from printed totals by a cent (the 总表's
    # 社会保障和就业支出 326.71 against 支出决算表's 208 row 326.72); no error.
    findings = _rows(url, "SELECT rule_id, severity, place, left_value, right_value FROM budget.validation_finding "
                          "WHERE report_id = %s ORDER BY rule_id, place", report)
    assert {severity for _, severity, *_ in findings} == {"rounding"}
    assert ("summary_vs_tables", "rounding", "收入支出决算总表 八、社会保障和就业支出 vs 支出决算表 208",
            D("326.71"), D("326.72")) in findings
    assert len(findings) == 8


def test_a_changed_amount_gives_the_right_findings(url, tmp_path):
    text = FINAL.read_text(encoding="utf-8")
    changed = tmp_path / "final_changed.txt"
    line = "201\t06\t07\t信息化建设\t135.25\t135.25\t\t\t\t\t"
    assert text.count(line) == 1
    changed.write_text(text.replace(line, line.replace("135.25\t", "136.25\t", 1)), encoding="utf-8")
    result = load_file(url, changed)
    assert result.outcome == "replaced", result.message
    errors = _rows(url, "SELECT rule_id, place, left_value, right_value FROM budget.validation_finding "
                        "WHERE report_id = %s AND severity = 'error' ORDER BY rule_id, place", result.report_id)
    assert errors == [
        ("income_function_rows", "收入决算表 20106 财政事务", D("2112.86"), D("2113.86")),
        ("income_function_rows", "收入决算表 2010607 信息化建设", D("136.25"), D("135.25"))]
    assert load_file(url, FINAL).outcome == "replaced"  # back to the published report


def test_the_blank_template_is_refused_as_such(url):
    result = load_file(url, BLANK)
    assert result.outcome == "refused"
    assert result.message == f"{BLANK}: a blank template (上海市XX局), not a department's final accounts"


def test_a_report_missing_a_table_is_refused_or_loaded_partial(url, tmp_path):
    text = FINAL.read_text(encoding="utf-8")
    start, end = text.index("国有资本经营预算财政拨款收入支出决算表\n单位"), text.index("第三部分上海市")
    cut = tmp_path / "final_cut.txt"
    cut.write_text(text[:start] + text[end:], encoding="utf-8")
    result = load_file(url, cut)
    assert result.outcome == "refused"
    assert "国有资本经营预算财政拨款收入支出决算表 is missing" in result.message


def test_show_prints_the_final_accounts_tables_by_their_printed_order(url, report):
    from tests.test_loading import cli

    shown = cli("show", "1", "-d", "上海市普陀区财政局", "-y", "2024", url=url)
    assert shown.returncode == 0, shown.stderr
    assert "收入支出决算总表" in shown.stdout and "2,995.39" in shown.stdout
    missing = cli("show", "10", "-d", "上海市普陀区财政局", "-y", "2024", url=url)
    assert missing.returncode == 2 and missing.stderr.strip().endswith("a final_accounts report has no 附表 10: use 1 … 9")
