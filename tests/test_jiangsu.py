"""Issue 12: the ten Jiangsu 部门预算 reports load from their text files (a narrative and its
tables as one report), their printed tables come back row for row, and their rules find no
inconsistency (none of these publications has one that the rules compare)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from budget_db import checks, migrate
from budget_db.batch import load_file, load_files
from tests.conftest import OTHER_LAYOUTS

pytestmark = pytest.mark.skipif(not OTHER_LAYOUTS.exists(), reason="shared/reports/other-layouts is not beside the repo")

JIANGSU = sorted(OTHER_LAYOUTS.glob("js_*.txt"))
# department, year -> the documents of the report
REPORTS = {
    ("中共江苏省委办公厅", 2018): ("js_party_office_budget_2018_text.txt", "js_party_office_budget_2018_tables.txt"),
    ("中共江苏省委办公厅", 2019): ("js_party_office_budget_2019_text.txt", "js_party_office_budget_2019_tables.txt"),
    ("江苏省政协办公厅", 2018): ("js_cppcc_office_budget_2018_text.txt", "js_cppcc_office_budget_2018_tables.txt"),
    ("江苏省政协办公厅", 2019): ("js_cppcc_office_budget_2019_text.txt", "js_cppcc_office_budget_2019_tables.txt"),
    ("江苏省人大常委会办公厅", 2018): ("js_npc_office_budget_2018.txt",),
    ("江苏省人大常委会办公厅", 2019): ("js_npc_budget_2019_text.txt", "js_npc_office_budget_2019_tables.txt"),
    ("江苏省高级人民法院", 2018): ("js_high_court_budget_2018.txt",),
    ("江苏省高级人民法院", 2019): ("js_high_court_budget_2019.txt",),
    ("江苏省人民检察院", 2018): ("js_procuratorate_budget_2018.txt",),
    ("江苏省人民检察院", 2019): ("js_procuratorate_budget_2019.txt",),
}


@pytest.fixture(scope="module")
def jiangsu(fresh_database):
    """A database of its own with the ten reports: url and {(department, year): report_id}."""
    url = fresh_database("budget_jiangsu")
    migrate.upgrade(url)
    results = load_files(url, JIANGSU, workers=1)
    assert [r.outcome for r in results] == ["loaded"] * 10, [r.message for r in results]
    loaded = {(r.department, r.fiscal_year): r for r in results}
    assert {key: tuple(Path(p).name for p in r.source.split(" + ")) for key, r in loaded.items()} == REPORTS
    return url, {key: r.report_id for key, r in loaded.items()}


def rows(url: str, view: str, report_id: int, columns: tuple[str, ...]) -> list[tuple]:
    query = sql.SQL("SELECT {} FROM {} WHERE report_id = %s ORDER BY row_no").format(
        sql.SQL(", ").join(map(sql.Identifier, columns)), sql.Identifier("jiangsu", view))
    with psycopg.connect(url) as conn:
        return conn.execute(query, (report_id,)).fetchall()


SUMMARY = ("income_label", "income_amount", "function_label", "function_amount", "use_label", "use_amount")
_CLASSES_2019 = ["六、科学技术支出", "七、文化旅游体育与传媒支出", "八、社会保障和就业支出", "九、卫生健康支出",
                 "十、节能环保支出", "十一、城乡社区支出", "十二、农林水支出", "十三、交通运输支出", "十四、资源勘探信息等支出",
                 "十五、商业服务业等支出", "十六、金融支出", "十七、自然资源海洋气象等支出", "十八、住房保障支出",
                 "十九、粮油物资储备支出", "二十、灾害防治及应急管理支出", "二十一、其他支出"]
_CLASS_AMOUNTS_2019 = {"八、社会保障和就业支出": D("1374.63"), "十八、住房保障支出": D("3894.09")}


def test_party_office_2019_summary_whole(jiangsu):
    url, ids = jiangsu
    expected = [
        ("一、财政拨款", D("27664.22"), "一、一般公共服务支出", D("22395.50"), "一、基本支出", D("11700.63")),
        ("1.一般公共预算", D("27664.22"), "二、外交支出", None, "二、项目支出", D("13025.38")),
        ("2.政府性基金预算", None, "三、国防支出", None, "三、单位预留机动经费", D("2938.21")),
        ("二、财政专户管理资金", None, "四、公共安全支出", None, None, None),
        ("三、其他资金", None, "五、教育支出", None, None, None),
        *[(None, None, label, _CLASS_AMOUNTS_2019.get(label), None, None) for label in _CLASSES_2019],
        ("当年收入小计", D("27664.22"), "当年支出小计", None, None, D("27664.22")),
        ("上年结转资金", None, "结转下年资金", None, None, None),
        ("收入合计", D("27664.22"), "支出合计", None, None, D("27664.22")),
    ]
    assert rows(url, "t01_budget_summary", ids["中共江苏省委办公厅", 2019], SUMMARY) == expected


def test_party_office_2019_functional_and_income_tables_whole(jiangsu):
    url, ids = jiangsu
    report = ids["中共江苏省委办公厅", 2019]
    functional = [
        ("合计", None, D("27664.22")), ("201", "一般公共服务支出", D("22395.50")),
        ("20131", "党委办公厅（室）及相关机构事务", D("22395.50")), ("2013101", "行政运行", D("9370.12")),
        ("2013102", "一般行政管理事务", D("13025.38")), ("208", "社会保障和就业支出", D("1374.63")),
        ("20805", "行政事业单位离退休", D("1374.63")), ("2080504", "未归口管理的行政单位离退休", D("275.54")),
        ("2080505", "机关事业单位基本养老保险缴费支出", D("785.06")),
        ("2080506", "机关事业单位职业年金缴费支出", D("314.03")), ("221", "住房保障支出", D("3894.09")),
        ("22102", "住房改革支出", D("3894.09")), ("2210201", "住房公积金", D("965.87")),
        ("2210202", "提租补贴", D("2928.22")),
    ]
    columns = ("functional_code", "functional_name", "total")
    assert rows(url, "t05_fiscal_functional", report, columns) == functional
    assert rows(url, "t07_general_functional", report, columns) == functional
    assert rows(url, "t10_gov_fund_functional", report, columns) == [("合计", None, None)]
    assert rows(url, "t02_income_summary", report, ("label_group", "label", "amount"))[:5] == [
        ("收入总计", None, D("27664.22")), ("一般公共预算资金", "小计", D("27664.22")),
        (None, "公共财政拨款(补助)资金", D("27664.22")), (None, "专项收入", None), ("政府性基金", "小计", None)]
    assert rows(url, "t03_expenditure_summary", report,
                ("total", "basic_expenditure", "project_expenditure", "reserve_fund", "carried_forward")) == [
        (D("27664.22"), D("11700.63"), D("13025.38"), D("2938.21"), None)]
    assert rows(url, "t09_three_public_meetings_training", report,
                ("grand_total", "total", "overseas_travel", "vehicle_subtotal", "vehicle_purchase",
                 "vehicle_operation", "official_reception", "meeting_fee", "training_fee")) == [
        (D("1471.70"), D("508.20"), D("70.00"), D("411.20"), None, D("411.20"), D("27.00"), D("933.50"), D("30.00"))]


def test_totals_of_every_report(jiangsu):
    url, ids = jiangsu
    with psycopg.connect(url) as conn:
        found = dict(conn.execute(
            "SELECT report_id, income_amount FROM jiangsu.t01_budget_summary WHERE income_label = '收入合计'"))
    assert {key: found[report] for key, report in ids.items()} == {
        ("中共江苏省委办公厅", 2018): D("24458.43"), ("中共江苏省委办公厅", 2019): D("27664.22"),
        ("江苏省政协办公厅", 2018): D("10150.48"), ("江苏省政协办公厅", 2019): D("13377.11"),
        ("江苏省人大常委会办公厅", 2018): D("15897.44"), ("江苏省人大常委会办公厅", 2019): D("18330.37"),
        ("江苏省高级人民法院", 2018): D("33172.15"), ("江苏省高级人民法院", 2019): D("37188.34"),
        ("江苏省人民检察院", 2018): D("21955.35"), ("江苏省人民检察院", 2019): D("24169.74"),
    }


def test_procuratorate_2018_cells_wrapped_over_lines_and_spacer_columns(jiangsu):
    """Exported from Excel: labels wrapped above and below their row, rows that lose the spacer
    columns after a page break, amounts on a line of their own, a number cut by a column rule."""
    url, ids = jiangsu
    report = ids["江苏省人民检察院", 2018]
    assert rows(url, "t01_budget_summary", report, SUMMARY)[:5] == [
        ("一、财政拨款", D("21940.96"), "一、一般公共服务支出", None, "一、基本支出", D("13994.31")),
        ("1.一般公共预算", D("21940.96"), "二、外交支出", None, "二、项目支出", D("5573.00")),
        ("2.政府性基金预算", None, "三、国防支出", None, "三、单位预留机动经费", D("2388.04")),
        ("二、财政专户管理资金", None, "四、公共安全支出", D("16458.75"), None, None),
        ("三、其他资金", D("14.39"), "五、教育支出", None, None, None),
    ]
    economic = rows(url, "t06_fiscal_basic_economic", report, ("economic_code", "item_name", "total"))
    assert economic[:3] == [("合计", None, D("13979.92")), ("301", "工资福利支出", D("10204.52")),
                            ("30101", "基本工资", D("2117.68"))]
    assert economic[15:17] == [("30207", "邮电费", D("60.00")), ("30213", "维修（护）费", D("65.00"))]
    assert economic[26] == ("303", "对个人和家庭的补助", D("1052.83"))
    assert len(economic) == 30
    assert rows(url, "t09_three_public_meetings_training", report, ("vehicle_operation", "training_fee")) == [
        (D("267.80"), D("700.00"))]


def test_high_court_2018_borderless_row_wrapped_around_its_amount(jiangsu):
    url, ids = jiangsu
    lines = rows(url, "t12_procurement", ids["江苏省高级人民法院", 2018],
                 ("row_kind", "economic_item", "item_name", "organisation_form", "total"))
    assert lines[27:30] == [("item", None, "其他信息技术服务", "分散自行组织", D("9.00")),
                            ("item", None, "计算机设备维修和保养服务", "分散自行组织", D("2.00")),
                            ("economic", "会议费", None, None, D("1.51"))]
    assert (len(lines), lines[0]) == (54, ("total", None, None, None, D("4641.62")))


def test_narrative_facts_of_the_joined_report(jiangsu):
    url, ids = jiangsu
    with psycopg.connect(url) as conn:
        facts = conn.execute("SELECT fact_key, value, source_line FROM budget.narrative_fact WHERE report_id = %s "
                             "ORDER BY row_no", (ids["中共江苏省委办公厅", 2019],)).fetchall()
    assert facts == [
        ("budget_total", D("27664.22"), 106), ("basic_expenditure", D("11700.63"), 138),
        ("project_expenditure", D("13025.38"), 141), ("reserve_fund", D("2938.21"), 145),
        ("overseas_travel", D("70.00"), 235), ("vehicle_total", D("411.20"), 236),
        ("vehicle_purchase", D("0.00"), 241), ("vehicle_operation", D("411.20"), 242),
        ("official_reception", D("27.00"), 237), ("meeting_fee", D("933.50"), 246), ("training_fee", D("30.00"), 248),
        ("operating_expenses", D("2232.91"), 254), ("procurement_total", D("1422.50"), 258),
        ("vehicles_held_total", D("127"), 261),
    ]


def test_the_published_reports_have_no_findings(jiangsu):
    url, ids = jiangsu
    with psycopg.connect(url) as conn:
        findings = conn.execute("SELECT report_id, rule_id, severity, place FROM budget.validation_finding "
                                "WHERE report_id = ANY(%s)", (list(ids.values()),)).fetchall()
        compared = conn.execute("SELECT count(*) FROM jiangsu.relations WHERE terms IS NOT NULL").fetchone()[0]
        checked = conn.execute("SELECT count(*) FROM appendix.subtotals s JOIN appendix.reports r USING (report_id) "
                               "WHERE r.template = 'jiangsu_budget'").fetchone()[0]
    assert findings == []
    assert (compared, checked) == (328, 520)  # relations compared; 类/款/项 and economic subtotals checked


def test_a_row_that_does_not_fit_its_header_is_refused(fresh_database, tmp_path):
    url = fresh_database("budget_jiangsu_refused")
    migrate.upgrade(url)
    lines = (OTHER_LAYOUTS / "js_party_office_budget_2019_tables.txt").read_text(encoding="utf-8").split("\n")
    assert lines[65] == "\t2013101\t行政运行\t9,370.12"
    lines[65] += "\t1.00"
    path = tmp_path / "extra_cell.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = load_file(url, path)
    assert (result.outcome, result.message) == ("refused", (
        f"{path}: 表财政拨款支出预算表, line 66: the row does not fit the table's columns "
        "(functional_code / functional_name / total): '2013101 | 行政运行 | 9,370.12 | 1.00'"))


# Jiangsu's rules, with the edit of the 中共江苏省委办公厅 2019 report that makes each fail:
# rule -> (statements, findings (severity, place, left, right)).
JIANGSU_FAILING = {
    "jiangsu_relations_within": (
        ["UPDATE budget.two_sided_summary_line SET amount = 27664.00 WHERE report_id = %(report)s "
         "AND table_no = '收支预算总表' AND label = '收入合计'"],
        [("error", "收支预算总表 收入合计 / 支出合计", D("27664.00"), D("27664.22"))],
    ),
    "jiangsu_relations_across": (
        ["UPDATE budget.functional_expenditure SET total = 27000.00 WHERE report_id = %(report)s "
         "AND table_no = '财政拨款支出预算表' AND functional_code IS NULL"],
        [("error", "财政拨款支出预算表 合计 / 一般公共预算支出 + 政府性基金支出 合计", D("27000.00"), D("27664.22")),
         ("error", "财政拨款收支预算总表 支出合计 / 财政拨款支出预算表 合计", D("27664.22"), D("27000.00"))],
    ),
    "jiangsu_relations_narrative": (
        ["UPDATE budget.narrative_fact SET value = 930.00 WHERE report_id = %(report)s AND fact_key = 'meeting_fee'"],
        [("error", "情况说明 会议费 / 三公经费表 会议费", D("930.00"), D("933.50"))],
    ),
}


def _findings(url: str, report: int, rule_id: str, statements: list[str]) -> list[tuple]:
    with psycopg.connect(url) as conn:
        for statement in statements:
            assert conn.execute(statement, {"report": report}).rowcount >= 1, statement
        found = checks.run_rule(conn, checks.rule_by_id(rule_id), report)
        conn.rollback()
    return sorted((f.severity, f.place, f.left_value, f.right_value) for f in found)


@pytest.mark.parametrize("rule_id", sorted(JIANGSU_FAILING))
def test_jiangsu_rule_passes_and_fails(jiangsu, rule_id):
    url, ids = jiangsu
    report = ids["中共江苏省委办公厅", 2019]
    statements, expected = JIANGSU_FAILING[rule_id]
    assert _findings(url, report, rule_id, []) == []
    assert _findings(url, report, rule_id, statements) == sorted(expected)


def test_a_missing_total_row_is_not_checked(jiangsu):
    url, ids = jiangsu
    found = _findings(url, ids["中共江苏省委办公厅", 2019], "jiangsu_relations_across",
                      ["DELETE FROM budget.procurement_item WHERE report_id = %(report)s AND row_kind = 'total'",
                       "DELETE FROM budget.basic_expenditure_item WHERE report_id = %(report)s "
                       "AND table_no = '一般公共预算基本支出预算表' AND row_kind = 'unit'"])
    assert found == [("not_checked", "财政拨款基本支出预算表 合计 / 一般公共预算基本支出预算表 合计", D("11700.63"), None)]
