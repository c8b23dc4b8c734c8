"""The narrative: sections and stated figures, from the sample (views) and from a made-up report (parser)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from psycopg import sql

from tests.conftest import SAMPLE, rows_of
from loaders import narrative
from loaders.grid import read_grid

UNIT = "深圳市公安局罗湖分局"

SECTIONS = [
    ("第一部分", "第一部分 部门概况", 25, 25),
    ("第一部分 一", "一、主要职能", 27, 29),
    ("第一部分 二", "二、机构编制及交通工具情况", 31, 33),
    ("第一部分 三", "三、2020 年主要工作目标", 35, 71),
    ("第二部分", "第二部分 部门预算收支总体情况", 73, 75),
    ("第三部分", "第三部分 部门预算支出具体情况", 77, 135),
    ("第四部分", "第四部分 政府采购预算情况", 137, 139),
    ("第五部分", "第五部分 “三公”经费财政拨款预算情况", 141, 151),
    ("第六部分", "第六部分 部门预算绩效管理情况", 153, 157),
    ("第七部分", "第七部分 其他需要说明情况", 159, 159),
    ("第七部分 一", "一、机关运行经费", 161, 163),
    ("第七部分 二", "二、国有资产占有使用情况", 165, 169),
    ("第七部分 三", "三、其他", 171, 175),
    ("第八部分", "第八部分 名词解释", 177, 205),
]

# Every stated figure except the 22 project items of 第三部分 (checked below):
# section, fact_key, label, value, unit, direction, compared_year, source_line.
FACTS = [
    ("第一部分 二", "staff_admin_authorized", "行政编制", "2105", "人", None, None, 33),
    ("第一部分 二", "staff_admin_actual", "行政实有在编", "2034", "人", None, None, 33),
    ("第一部分 二", "staff_institution_authorized", "事业编制", "28", "人", None, None, 33),
    ("第一部分 二", "staff_institution_actual", "事业实有在编", "14", "人", None, None, 33),
    ("第一部分 二", "retired", "退休", "358", "人", None, None, 33),
    ("第一部分 二", "employees", "雇员", "2", "人", None, None, 33),
    ("第一部分 二", "vehicles", "实有车辆", "151", "辆", None, None, 33),
    ("第一部分 二", "vehicles_authorized", "定编车辆", "151", "辆", None, None, 33),
    ("第一部分 二", "vehicles_unauthorized", "非定编车辆", "0", "辆", None, None, 33),
    ("第二部分", "budget_total", "部门预算支出", "145863.63", "万元", None, None, 75),
    ("第二部分", "budget_total_change", "比2019年", "1532.98", "万元", "减少", 2019, 75),
    ("第二部分", "budget_total_change_percent", "比2019年", "1.04", "%", "减少", 2019, 75),
    ("第二部分", "personnel_expenditure", "人员支出", "84701.75", "万元", None, None, 75),
    ("第二部分", "public_expenditure", "公用支出", "5419.21", "万元", None, None, 75),
    ("第二部分", "public_expenditure_change", "与2019年", None, None, "持平", 2019, 75),
    ("第二部分", "household_subsidy", "对个人和家庭的补助支出", "2502.90", "万元", None, None, 75),
    ("第二部分", "household_subsidy_change", "比2019年", "384", "万元", "增加", 2019, 75),
    ("第二部分", "project_expenditure", "项目支出", "53239.76", "万元", None, None, 75),
    ("第二部分", "project_expenditure_change", "比2019年", "1175", "万元", "减少", 2019, 75),
    ("第三部分", "budget_total", "预算", "145863.63", "万元", None, None, 79),
    ("第三部分", "personnel_expenditure", "人员支出", "84701.75", "万元", None, None, 79),
    ("第三部分", "public_expenditure", "公用支出", "5419.21", "万元", None, None, 81),  # '公用支' wraps to line 81
    ("第三部分", "household_subsidy", "对个人和家庭的补助支出", "2502.90", "万元", None, None, 81),
    ("第三部分", "project_expenditure", "项目支出", "53239.76", "万元", None, None, 81),
    ("第三部分", "personnel_expenditure", "人员支出", "84701.75", "万元", None, None, 83),
    ("第三部分", "public_expenditure", "公用支出", "5419.21", "万元", None, None, 85),
    ("第三部分", "household_subsidy", "对个人和家庭补助支出", "2502.90", "万元", None, None, 87),
    ("第三部分", "project_expenditure", "项目支出", "53239.76", "万元", None, None, 89),
    ("第四部分", "procurement_actual", "实际指标", "28498.83", "万元", None, None, 139),
    ("第四部分", "procurement_annual", "一年采购指标", "74451.73", "万元", None, None, 139),
    ("第五部分", "three_public_total", "“三公”经费财政拨款预算", "1695.29", "万元", None, None, 145),
    ("第五部分", "three_public_total_change", "比 2019 年“三公”经费财政拨款预算", "3808.73", "万元", "减少", 2019, 145),
    ("第五部分", "overseas_travel", "因公出国（境）费用", "0", "万元", None, None, 147),
    ("第五部分", "official_reception", "公务接待费", "10.29", "万元", None, None, 149),
    # printed as '与 2019 年增加 10.29 万元持平' (表12 prints 10.29 for both years): stored as printed
    ("第五部分", "official_reception_change", "与 2019 年", "10.29", "万元", "增加", 2019, 149),
    ("第五部分", "vehicle_total", "公务用车购置和运行维护费", "1685.00", "万元", None, None, 151),
    ("第五部分", "vehicle_purchase", "公务用车购置费", "930.00", "万元", None, None, 151),
    ("第五部分", "vehicle_purchase_change", "比2019年预算数", "3633.73", "万元", "减少", 2019, 151),
    ("第五部分", "vehicle_operation", "公务用车运行维护费", "755.00", "万元", None, None, 151),
    ("第五部分", "vehicle_operation_change", "比2019年预算数", "175.00", "万元", "减少", 2019, 151),
    ("第七部分 一", "operating_expenses", "机关运行经费财政拨款预算", "5419.21", "万元", None, None, 163),
    ("第七部分 一", "operating_expenses_change", "比2019年", "33.12", "万元", "减少", 2019, 163),
    ("第七部分 一", "operating_expenses_change_percent", "比2019年", "0.61", "%", "减少", 2019, 163),
    ("第七部分 二", "vehicles_held_total", "车辆", "151", "辆", None, None, 167),
    ("第七部分 二", "vehicles_held", "一般公务用车", "0", "辆", None, None, 167),
    ("第七部分 二", "vehicles_held", "一般执法执勤用车", "151", "辆", None, None, 167),
    ("第七部分 二", "vehicles_held", "特种专业技术用车", "0", "辆", None, None, 167),
    ("第七部分 二", "vehicles_held", "其他用车", "0", "辆", None, None, 167),
    ("第七部分 二", "equipment_held", "单位价值50万以上通用设备", "0", "台（套）", None, None, 167),
    ("第七部分 二", "equipment_held", "单位价值100万以上专用设备", "0", "台（套）", None, None, 167),
    ("第七部分 二", "vehicles_planned_purchase", "一般公务用车", "0", "辆", None, None, 169),
    ("第七部分 二", "equipment_planned_purchase", "单位价值50万元以上通用设备", "0", "台（套）", None, None, 169),
    ("第七部分 二", "equipment_planned_purchase", "单位价值100以上专用设备", "0", "台（套）", None, None, 169),
    ("第七部分 三", "superior_transfer_payment", "上级专项转移支付支出预算", "800.00", "万元", None, None, 175),
]
FACT_COLUMNS = ("section", "fact_key", "label", "value", "unit", "direction", "compared_year", "source_line")


def _expected(rows):
    return [(s, k, label, None if v is None else D(v), *rest) for s, k, label, v, *rest in rows]


def _facts(conn, report_id, where=sql.SQL("TRUE"), params=()):
    query = sql.SQL("SELECT {} FROM appendix.narrative_facts WHERE report_id = %s AND {} ORDER BY row_no").format(
        sql.SQL(", ").join(map(sql.Identifier, FACT_COLUMNS)), where)
    return conn.execute(query, (report_id, *params)).fetchall()


# -- views on the loaded sample --------------------------------------------------------------


def test_department_profile(db, sample_report_id):
    assert rows_of(db, "department_profile", sample_report_id) == [
        (UNIT, 2020, sample_report_id, 1, 2105, 2034, 28, 14, 358, 2, 151, 151, 0, 151)]


def test_every_stated_figure_in_order(db, sample_report_id):
    facts = _facts(db, sample_report_id, sql.SQL("fact_key <> 'project_item'"))
    assert facts == _expected(FACTS)


def test_total_budget_and_its_change(db, sample_report_id):
    rows = db.execute(
        "SELECT fact_key, value, signed_value, text_as_printed FROM appendix.narrative_facts "
        "WHERE report_id = %s AND section = '第二部分' AND fact_key LIKE 'budget_total%%' ORDER BY row_no",
        (sample_report_id,),
    ).fetchall()
    assert rows == [
        ("budget_total", D("145863.63"), D("145863.63"), "部门预算支出145,863.63万元"),
        ("budget_total_change", D("1532.98"), D("-1532.98"), "比2019年减少1,532.98万元"),
        ("budget_total_change_percent", D("1.04"), D("-1.04"), "减少1.04%"),
    ]


def test_project_items_of_part_three(db, sample_report_id):
    facts = _facts(db, sample_report_id, sql.SQL("fact_key = 'project_item'"))
    assert len(facts) == 22
    assert sum(f[3] for f in facts) == D("53239.77")  # 0.01 over the stated 53,239.76, as 表13's projects are
    assert facts[0] == ("第三部分", "project_item", "政府投资项目", D("3995.44"), "万元", None, None, 91)
    assert facts[9][2:4] == ("****专案侦办", D("180.00"))
    assert facts[14] == ("第三部分", "project_item", "特别办案（业务）费", D("720.00"), "万元", None, None, 119)
    assert facts[-1] == ("第三部分", "project_item", "预算准备金", D("900.00"), "万元", None, None, 135)


def test_narrative_agrees_with_the_tables(db, sample_report_id):
    """Cross-checks that hold in the sample: the same figures printed in two places."""
    fact = dict(db.execute(
        "SELECT fact_key, value FROM appendix.narrative_facts WHERE report_id = %s AND section IN "
        "('第四部分', '第五部分', '第七部分 三')", (sample_report_id,)).fetchall())
    procurement = db.execute("SELECT sum(actual_amount), sum(annual_amount) FROM appendix.t11_procurement "
                             "WHERE report_id = %s", (sample_report_id,)).fetchone()
    assert procurement == (fact["procurement_actual"], fact["procurement_annual"])
    three = db.execute("SELECT total, official_reception, vehicle_subtotal, vehicle_purchase, vehicle_operation "
                       "FROM appendix.t12_three_public_expenses WHERE report_id = %s AND year = 2020",
                       (sample_report_id,)).fetchone()
    assert three == tuple(fact[k] for k in ("three_public_total", "official_reception", "vehicle_total",
                                            "vehicle_purchase", "vehicle_operation"))
    transfer = db.execute("SELECT amount FROM appendix.t10_transfer_payment WHERE report_id = %s AND row_no = 1",
                          (sample_report_id,)).fetchone()
    assert transfer == (fact["superior_transfer_payment"],)


def test_sections(db, sample_report_id):
    rows = rows_of(db, "narrative_sections", sample_report_id, ("section", "heading", "first_line", "last_line"))
    assert rows == SECTIONS


def test_section_text_is_searchable(db, sample_report_id):
    rows = db.execute(
        "SELECT section FROM appendix.narrative_sections WHERE report_id = %s AND text LIKE %s ORDER BY row_no",
        (sample_report_id, "%机关运行经费：为保障行政单位%"),
    ).fetchall()
    assert rows == [("第八部分",)]
    duties, goals, terms = (db.execute(
        "SELECT text FROM appendix.narrative_sections WHERE report_id = %s AND section = %s",
        (sample_report_id, section)).fetchone()[0] for section in ("第一部分 一", "第一部分 三", "第八部分"))
    assert duties.startswith("贯彻执行国家、省、市财政") and duties.endswith("承办区政府和上级部门交办的其他事项。")
    assert "\n" not in duties
    assert goals.split("\n")[1] == "（一）一个问题导向、一种创新思维" and goals.endswith("构建现代警察职业训练体系。")
    assert len(goals.split("\n")) == 18
    assert terms.split("\n")[0] == "一、一般公共预算拨款收入：指本级财政当年拨付的资金。"
    assert terms.endswith("其他公安支出:预算准备金、发改委安排的基本建设和信息化建设项目及上述科目以外的用于其他公安方面的支出。")
    assert "附表" not in terms  # the list of 附表 after 第八部分 is not part of it


# -- the parser on a made-up narrative: other names, other numbers -------------------------------

MADE_UP = """
2021 年某市某区文化广电旅游体育局（本级） 部门预算

目 录

第一部分 部门概况

第二部分 部门预算收支总体情况

2021年某市某区文化广电旅游体育局（本级） 部门预算

第一部分 部门概况

一、主要职能

负责全区文化、广电、旅游和体育工作。

二、机构编制及交通工具情况

某区文化广电旅游体育局行政编制数 12 人，实有在编人数 11 人；事业编制数 30 人，实有在编人数 27 人；退休 6 人。从基本支出工资福利列支的雇员 4 人。实有车辆 3 辆，包括定编车辆 2 辆和非定编车辆 1 辆。

第二部分 部门预算收支总体情况

2021年某区文化广电旅游体育局部门预算支出2,345.60万元，比2020年增加120.50万元，增长5.42%。其中：人员支出1,200.00万元比2020年增加20万元、项目支出1,145.60万元与2020年持平。

第五部分 “三公”经费财政拨款预算情况

2021 年“三公”经费财政拨款预算 8.50 万元，比 2020 年“三公”经费财政拨款预算减少 1.50 万元。

2. 公务接待费。2021 年预算数 2.50 万元，比 2020 年减少 0.50 万元。

第七部分 其他需要说明情况

一、机关运行经费

2021年某区文化广电旅游体育局机关运行经费财政拨款预算300.00万元，比2020年增加12.00万元，增长4.17%。

二、国有资产占有使用情况

截止2020年12月31日，本单位共有车辆3辆，其中：一般公务用车1辆、其他用车2辆。单位价值50万以上通用设备2台（套）。

附表:

1. 收支预算总表
"""


@pytest.fixture(scope="module")
def made_up():
    records = narrative.parse(read_grid(MADE_UP, "made-up.txt"), None)
    return ([r for r in records if isinstance(r, narrative.NarrativeSection)],
            [r for r in records if isinstance(r, narrative.NarrativeFact)])


def test_made_up_sections_skip_the_contents_and_the_appendix_list(made_up):
    sections, _ = made_up
    assert [(s.section, s.heading, s.first_line) for s in sections] == [
        ("第一部分", "第一部分 部门概况", 12), ("第一部分 一", "一、主要职能", 14),
        ("第一部分 二", "二、机构编制及交通工具情况", 18), ("第二部分", "第二部分 部门预算收支总体情况", 22),
        ("第五部分", "第五部分 “三公”经费财政拨款预算情况", 26), ("第七部分", "第七部分 其他需要说明情况", 32),
        ("第七部分 一", "一、机关运行经费", 34), ("第七部分 二", "二、国有资产占有使用情况", 38),
    ]
    assert sections[-1].last_line == 40 and "收支预算总表" not in sections[-1].text


def test_made_up_facts(made_up):
    _, facts = made_up
    got = [(f.fact_key, f.value, f.unit, f.direction, f.compared_year, f.source_line) for f in facts]
    assert got == [
        ("staff_admin_authorized", D("12"), "人", None, None, 20),
        ("staff_admin_actual", D("11"), "人", None, None, 20),
        ("staff_institution_authorized", D("30"), "人", None, None, 20),
        ("staff_institution_actual", D("27"), "人", None, None, 20),
        ("retired", D("6"), "人", None, None, 20),
        ("employees", D("4"), "人", None, None, 20),
        ("vehicles", D("3"), "辆", None, None, 20),
        ("vehicles_authorized", D("2"), "辆", None, None, 20),
        ("vehicles_unauthorized", D("1"), "辆", None, None, 20),
        ("budget_total", D("2345.60"), "万元", None, None, 24),
        ("budget_total_change", D("120.50"), "万元", "增加", 2020, 24),
        ("budget_total_change_percent", D("5.42"), "%", "增长", 2020, 24),
        ("personnel_expenditure", D("1200.00"), "万元", None, None, 24),
        ("personnel_expenditure_change", D("20"), "万元", "增加", 2020, 24),
        ("project_expenditure", D("1145.60"), "万元", None, None, 24),
        ("project_expenditure_change", None, None, "持平", 2020, 24),
        ("three_public_total", D("8.50"), "万元", None, None, 28),
        ("three_public_total_change", D("1.50"), "万元", "减少", 2020, 28),
        ("official_reception", D("2.50"), "万元", None, None, 30),
        ("official_reception_change", D("0.50"), "万元", "减少", 2020, 30),
        ("operating_expenses", D("300.00"), "万元", None, None, 36),
        ("operating_expenses_change", D("12.00"), "万元", "增加", 2020, 36),
        ("operating_expenses_change_percent", D("4.17"), "%", "增长", 2020, 36),
        ("vehicles_held_total", D("3"), "辆", None, None, 40),
        ("vehicles_held", D("1"), "辆", None, None, 40),
        ("vehicles_held", D("2"), "辆", None, None, 40),
        ("equipment_held", D("2"), "台（套）", None, None, 40),
    ]
    assert [f.row_no for f in facts] == list(range(1, len(facts) + 1))


def test_a_report_without_a_narrative_gives_no_sections_or_facts():
    assert narrative.parse(read_grid("表.1\n\n收支预算总表\n", "x.txt"), None) == []


def test_sample_parses_the_same_as_loaded(db, sample_report_id):
    """The parser's facts for the sample are exactly what the view shows (nothing dropped by the writer)."""
    from loaders.report import parse_text
    parsed = parse_text(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    facts = parsed.of(narrative.NarrativeFact)
    assert len(facts) == db.execute("SELECT count(*) FROM appendix.narrative_facts WHERE report_id = %s",
                                    (sample_report_id,)).fetchone()[0] == len(FACTS) + 22
