"""表8-表14: the parsers on the sample and on small made-up tables, and the views on the loaded sample."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from tests.conftest import SAMPLE, rows_of
from loaders import department_performance, performance_projects, procurement
from loaders.errors import ReportError
from loaders.functional_expenditure import FunctionalClassification
from loaders.grid import read_grid
from loaders.report import parse_text
from loaders.table_layout import join_page_split_rows
from loaders.transfer_payment import TransferPaymentRow

UNIT = "深圳市公安局罗湖分局"
KEY = ("department", "fiscal_year", "report_id", "row_no")


@pytest.fixture(scope="module")
def parsed():
    return parse_text(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)


def printed(conn, view, report_id):
    """The view's rows without the key columns (department, fiscal_year, report_id, row_no)."""
    return [row[len(KEY):] for row in rows_of(conn, view, report_id)]


# -- 表8 / 表9 -------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["t08_gov_fund_expenditure", "t09_state_capital_expenditure"])
def test_tables_8_and_9_are_one_unit_row_of_zeros(db, sample_report_id, view):
    rows = rows_of(db, view, sample_report_id)
    assert rows == [(UNIT, 2020, sample_report_id, 1, UNIT, None, None, D("0"), D("0"), D("0"))]
    assert all(value is not None for value in rows[0][-3:])  # printed 0, not an empty cell


# -- 表10 --------------------------------------------------------------------------------

PROJECT_10 = "深财预〔2019〕171号提前下达2020年转移支付，2020年度政法转移支付资金-公安部门"


def test_table_10_view(db, sample_report_id):
    assert printed(db, "t10_transfer_payment", sample_report_id) == [
        (UNIT, None, None, None, D("800.00"), None, None),
        (None, "204", "公共安全支出", None, D("800.00"), "类", None),
        (None, "20402", "公安", None, D("800.00"), "款", "204"),
        (None, "2040202", "一般行政管理事务", PROJECT_10, D("800.00"), "项", "20402"),
    ]


def test_table_10_records_and_codes(parsed):
    rows = parsed.of(TransferPaymentRow)
    assert [(r.row_no, r.source_line, r.functional_code) for r in rows] == [
        (1, 501, None), (2, 502, "204"), (3, 503, "20402"), (4, 504, "2040202")]
    codes = {c.code: c for c in parsed.of(FunctionalClassification)}
    assert codes["2040202"].name == "一般行政管理事务" and codes["2040202"].parent_code == "20402"


# -- 表11 --------------------------------------------------------------------------------

SVC100 = "预算金额在 100 万元以上（含 100 万元）的其他服务"
REPAIR = "预算金额在 50 万元以上（含 50 万元）的修缮、装修、装饰工程"
Y1, Y3 = "服务期 1 年", "服务期 3 年"
SEP = date(2020, 9, 1)
TABLE_11 = [
    ("辅助人员劳务派遣经费", SVC100, 3, "18166.67", "59667.80", "2020-09", Y3, SEP),
    ("房屋零星修缮项目", REPAIR, 1, "110.00", "110.00", "2020-09", Y1, SEP),
    ("房屋零星修缮项目", REPAIR, 1, "120.00", "120.00", "2020-09", Y1, SEP),
    ("购买法医伤情鉴定第三方服务经费", SVC100, 1, "90.00", "100.00", "2020-09", Y1, SEP),
    ("大围合+视频经费（二期）", "预算金额在 100 万元以上的网络设备", 1, "210.00", "380.00", "2020-09", Y1, SEP),
    ("科技护村以租代建经费", SVC100, 3, "2200.00", "2200.00", "2020-06", Y3, date(2020, 6, 1)),
    ("大围合+视频维护经费(三期)", SVC100, 1, "160.00", "160.00", "2020-09", Y1, SEP),
    ("警务云终端手机服务费", "预算金额在 100 万元以上（含 100 万元）的租赁（含设备、车辆租赁项目）", 1, "873.60", "873.60",
     "2020-09", Y1, SEP),
    ("全区 10 个街道办事处社区戒毒社区康复社工购买服务", SVC100, 3, "837.00", "2511.00", "往年采购",
     "2018 年 09 月招标，合同期限 3 年，延续合同", None),
    ("应急保障及快速布控购买服务", SVC100, 1, "150.00", "150.00", "2020-09", Y1, SEP),
    ("350 兆 PDT 数字集群终端无线通信指挥设备采购", "警用设备", 1, "315.00", "315.00", "2020-09", Y1, SEP),
    ("城中村“门禁+视频”租用经费", SVC100, 3, "1660.00", "1660.00", "往年采购",
     "2018 年 06 月招标，合同期限 3 年，延续合同", None),
    ("老旧住宅区“大围合+视频”一期高清改造租用", SVC100, 3, "385.00", "385.00", "往年采购",
     "2019 年 09 月招标，合同期限 3 年，延续合同", None),
    ("重点区域高空瞭望视频监控购买服务经费", SVC100, 3, "154.00", "154.00", "往年采购",
     "2017 年 12 月招标，合同期限 3 年，延续合同", None),
    ("购买民警人身意外伤害保险项目", SVC100, 1, "168.00", "168.00", "2020-09", Y1, SEP),
    ("出入境管理大队购置“三合一”一体机经费", "警用设备", 1, "440.00", "440.00", "2020-09", Y1, SEP),
    ("分局网络黑产监控系统数据服务", SVC100, 3, "38.00", "38.00", "2020-09", Y3, SEP),
    ("分局网络黑产监控系统数据服务", SVC100, 3, "405.00", "2427.00", "2020-09", Y3, SEP),
    ("网吧视频巡查服务项目", SVC100, 3, "345.60", "345.60", "往年采购", "2018 年 07 月招标，合同期限 3 年，延续合同", None),
    ("网络综合治理体系建设经费", SVC100, 1, "110.00", "150.00", "2020-09", Y1, SEP),
    ("娱乐服务场所治安管理信息系统", "其他专用及特种设备", 1, "975.44", "975.44", "2020-01", Y1, date(2020, 1, 1)),
    ("户政档案电子化工作经费", SVC100, 2, "366.80", "833.73", "往年采购", "2018 年 10 月招标，合同期限 2 年，延续合同", None),
    ("出入境自助设备打印喷头（专用设备耗材）更换费用", "预算金额在 100 万元以上（含 100 万元）的其他通用货物", 1, "118.72",
     "118.72", "2020-09", Y1, SEP),
    ("特行管理信息化系统运维和旅业从业人员培训经费",
     "预算金额在 100 万元以上（含 100 万元）的系统设备和技术项目后续经常性维修维护服务", 1, "100.00", "168.84", "2020-09",
     Y1, SEP),
]


def test_table_11_view_every_row(db, sample_report_id):
    expected = [(p, c, y, D(a), D(b), t, rem, m) for p, c, y, a, b, t, rem, m in TABLE_11]
    assert printed(db, "t11_procurement", sample_report_id) == expected


def test_table_11_totals_and_repeated_projects(db, sample_report_id):
    count, actual, annual = db.execute(
        "SELECT count(*), sum(actual_amount), sum(annual_amount) FROM appendix.t11_procurement WHERE report_id = %s",
        (sample_report_id,),
    ).fetchone()
    assert (count, actual, annual) == (24, D("28498.83"), D("74451.73"))
    twice = db.execute(
        "SELECT project_name, array_agg(actual_amount ORDER BY row_no) FROM appendix.t11_procurement "
        "WHERE report_id = %s GROUP BY project_name HAVING count(*) > 1 ORDER BY min(row_no)", (sample_report_id,),
    ).fetchall()
    assert twice == [("房屋零星修缮项目", [D("110.00"), D("120.00")]),
                     ("分局网络黑产监控系统数据服务", [D("38.00"), D("405.00")])]


def test_table_11_rows_after_page_breaks_keep_their_lines(parsed):
    lines = {r.row_no: r.source_line for r in parsed.of(procurement.ProcurementItem)}
    assert (lines[9], lines[10], lines[20], lines[21], lines[24]) == (523, 525, 535, 537, 540)


def _grid(table_lines: list[str]):
    return read_grid("\n".join(["表.11", "", "政府采购项目支出预算表", "", "单位名称：某局", "", "单位：万元", "",
                                *table_lines]), "made-up.txt")


HEADER_11 = "采购项目\t采购品目\t服务年限\t实际指标\t一年采购指标\t需求时间\t备注"


def test_table_11_row_cut_by_a_page_break_is_joined():
    grid = _grid([HEADER_11, "甲项目\t其他服务\t1\t10.00\t20.00\t2021.3\t服务期", "", "单位名称：某局", "", HEADER_11,
                  "\t\t\t\t\t\t 1 年", "乙项目\t警用设备\t2\t5.00\t5.00\t往年采购\t"])
    items = procurement.parse(grid, None)
    assert [(i.project_name, i.remark, i.demand_month, i.source_line) for i in items] == [
        ("甲项目", "服务期 1 年", date(2021, 3, 1), 10), ("乙项目", None, None, 16)]


def test_table_11_head_of_a_cut_row_before_the_page_break():
    grid = _grid([HEADER_11, "甲项目\t其他服务\t1\t10.00\t20.00\t2020-09\t", "乙项目前半\t\t\t\t\t\t", "",
                   "乙项目后半\t设备\t1\t3.00\t3.00\t2020-10\t"])
    items = procurement.parse(grid, None)
    assert [(i.project_name, i.actual_amount) for i in items] == [("甲项目", D("10.00")), ("乙项目前半乙项目后半", D("3.00"))]


def test_table_11_incomplete_row_inside_a_page_is_refused():
    grid = _grid([HEADER_11, "甲项目\t其他服务\t1\t10.00\t20.00\t2020-09\t", "\t\t\t\t\t\t多出来的", "乙\t设备\t1\t3.00\t3.00\t\t"])
    with pytest.raises(ReportError, match=r"made-up.txt: 表11, line 11: an incomplete row"):
        procurement.parse(grid, None)


@pytest.mark.parametrize("text, month", [("2020-09", date(2020, 9, 1)), ("2021年3月", date(2021, 3, 1)),
                                         ("2020.12", date(2020, 12, 1)), ("往年采购", None), ("", None)])
def test_demand_month(text, month):
    assert procurement.demand_month(text, "x") == month


@pytest.mark.parametrize("text", ["2020-13", "九月 2020 年"])
def test_demand_month_refuses_other_dates(text):
    with pytest.raises(ReportError, match="x: "):
        procurement.demand_month(text, "x")


def test_table_11_missing_column_is_named():
    grid = _grid(["采购项目\t采购品目\t实际指标\t一年采购指标\t需求时间\t备注", "甲\t乙\t1.00\t1.00\t2020-09\t"])
    with pytest.raises(ReportError, match="made-up.txt: 表11, line 9: no column headed like '服务年限'"):
        procurement.parse(grid, None)


# -- 表12 --------------------------------------------------------------------------------


def test_table_12_view(db, sample_report_id):
    assert printed(db, "t12_three_public_expenses", sample_report_id) == [
        (UNIT, 2019, D("5504.02"), None, D("10.29"), D("5493.73"), D("4563.73"), D("930.00")),
        (UNIT, 2020, D("1695.29"), None, D("10.29"), D("1685.00"), D("930.00"), D("755.00")),
    ]


def test_table_12_prior_year_does_not_make_a_report(db, sample_report_id):
    years = db.execute("SELECT fiscal_year FROM appendix.reports WHERE report_id = %s", (sample_report_id,)).fetchall()
    assert years == [(2020,)]
    assert db.execute("SELECT count(*) FROM budget.report WHERE fiscal_year = 2019").fetchone() == (0,)


# -- 表13 --------------------------------------------------------------------------------

PERIOD = ("2020.01.01-2020.12.31", date(2020, 1, 1), date(2020, 12, 31))


def test_table_13_counts_and_sums(db, sample_report_id):
    row = db.execute(
        "SELECT count(*), count(DISTINCT project_name), sum(total), sum(general_public_budget), count(other_funds), "
        "count(*) FILTER (WHERE implementing_unit = %s), "
        "count(*) FILTER (WHERE period_start = '2020-01-01' AND period_end = '2020-12-31'), min(row_no), max(row_no) "
        "FROM appendix.t13_performance_projects WHERE report_id = %s", (UNIT, sample_report_id),
    ).fetchone()
    assert row == (96, 96, D("53239.77"), D("53239.77"), 0, 96, 96, 1, 96)


@pytest.mark.parametrize("row_no, name, total", [
    (1, "汕尾扶贫工作经费", "23.35"),
    (2, "罗湖区反恐重点区域高清人像采集识别预警系统项目(历年)", "19.90"),
    (15, "辅助人员劳务派遣经费", "18166.67"),
    (20, "房屋零星修缮项目", "300.00"),  # last row before a page break
    (21, "业务培训经费", "135.00"),  # first row after it
    (51, "出入境大队 24 小时自助办证大厅（点）自助设备维修、维护费", "48.60"),
    (69, "户政档案电子化工作经费", "366.80"),  # printed with a wrap gap: 工作 经费
    (78, PROJECT_10, "800.00"),
    (96, "特行管理信息化系统运维和旅业从业人员培训经费", "193.75"),
])
def test_table_13_spot_rows(db, sample_report_id, row_no, name, total):
    rows = printed(db, "t13_performance_projects", sample_report_id)
    assert rows[row_no - 1] == (UNIT, name, D(total), D(total), None, *PERIOD)


def test_table_13_largest_and_smallest(db, sample_report_id):
    rows = db.execute(
        "(SELECT project_name, total FROM appendix.t13_performance_projects WHERE report_id = %s "
        " ORDER BY total DESC LIMIT 1) UNION ALL "
        "(SELECT project_name, total FROM appendix.t13_performance_projects WHERE report_id = %s "
        " ORDER BY total LIMIT 1)", (sample_report_id, sample_report_id),
    ).fetchall()
    assert rows == [("辅助人员劳务派遣经费", D("18166.67")), ("车牌识别小天眼系统", D("16.93"))]


@pytest.mark.parametrize("text, expected", [
    ("2020.01.01-2020.12.31", (date(2020, 1, 1), date(2020, 12, 31))),
    ("2021年3月1日至2022年2月28日", (date(2021, 3, 1), date(2022, 2, 28))),
    ("2020-06-01—2020-12-31", (date(2020, 6, 1), date(2020, 12, 31))),
    ("", (None, None)),
])
def test_period(text, expected):
    assert performance_projects.period(text, "x") == expected


@pytest.mark.parametrize("text, reason", [("2020.02.30-2020.12.31", "impossible"), ("全年", "not a date range"),
                                          ("2020.12.31-2020.01.01", "ends before")])
def test_period_refuses(text, reason):
    with pytest.raises(ReportError, match=reason):
        performance_projects.period(text, "x")


# -- 表14 --------------------------------------------------------------------------------

OVERVIEW = (
    "贯彻执行国家、省、市财政、税收、财务、会计管理等方面的法律、法规和政策 and 贯彻执行国家、省、市有关公安工作的法律、法规和政策，"
    "部署、指导、督促、检查全区公安工作；为区政府和上级公安机关提供我区社会治安方面的重要信息，制定有关对策并负责组织实施；"
    "组织开展公安机关侦查工作，查处各类刑事犯罪案件和经济领域犯罪案件；承担治安管理责任；负责管理出入境和外国人在深圳境内居留的有关事务；"
    "依法管理户口、居民身份证、居住证；负责公共信息网络安全保卫和安全监察；负责防范、侦查和打击恐怖活动，指导和协调全区反恐应急工作；"
    "组织实施公安科技工作；负责看守所、拘留所的管理；按照有关规定，负责党和国家领导人、重要外宾来访我区期间的安全保卫工作并承担相应责任；"
    "承办区政府和上级部门交办的其他事项。"
)
FUNDS, GOALS, INDICATORS = "部门总体资金情况（万元）", "部门（单位）总体绩效目标", "年度绩效指标"
OUT1, OUT2, BENEFIT = "(产出指标一)", "(产出指标二)", "效益指标"
TABLE_14 = [
    # row_kind, section, label, amount, 一级指标, 二级指标, content, goal_no
    ("header", None, "部门（单位）名称", None, None, None, UNIT, None),
    ("header", None, "负责人", None, None, None, "牟春生", None),
    ("header", None, "填报人", None, None, None, "彭耘", None),
    ("header", None, "联系方式", None, None, None, "84460057", None),
    ("amount", FUNDS, "资金总额", D("145863.63"), None, None, None, None),
    ("amount", FUNDS, "基本支出", D("92623.87"), None, None, None, None),  # 表3 prints 92,623.86
    ("amount", FUNDS, "项目支出", D("53239.76"), None, None, None, None),
    ("amount", FUNDS, "其他", D("0.00"), None, None, None, None),
    ("overview", "部门（单位）职能概述", None, None, None, None, OVERVIEW, None),
    ("goal", GOALS, "目标 1", None, None, None, "刑事案件数量实现同比下降", 1),
    ("goal", GOALS, "目标 2", None, None, None, "治安防控水平提升，警情指标实现同比下降", 2),
    ("goal", GOALS, "目标 3", None, None, None, "提升禁毒宣传覆盖率以及社区戒毒社区康复报到率", 3),
    ("goal", GOALS, "目标 4", None, None, None, "强化维稳防控力度，确保政治社会面稳定和谐", 4),
    ("goal", GOALS, "目标 5", None, None, None, "提升警务科技水平", 5),
    ("indicator", INDICATORS, None, None, OUT1, "数量指标",
     "1、电信网络诈骗案件破案 560 宗，逮捕 200 人；2、打击传统盗抢骗犯罪，逮捕 350 人；3、破获毒品案件 80 宗，刑拘 120 人；"
     "查处吸毒人员 680 人；4、打击各类经济犯罪，破获经济案件 120 宗，逮捕 20 人；5、打击涉黄赌违法犯罪，破案 70 宗，逮捕 180 人。", None),
    ("indicator", INDICATORS, None, None, OUT1, "质量指标",
     "1、命案现案破案率达到 90%；2、完成本区命案系统内积案总数的 2%；3、刑事案件破案率达 25%，八类暴力性案件破案率达 80%；"
     "4、治安维稳≥1200 场。", None),
    ("indicator", INDICATORS, None, None, OUT2, "数量指标",
     "1、服务我区 69 万户政管理服务常住人口；2、对 96 万流动人口实施人屋管控；3、开展毒品预防教育宣传活动场次≥1200 场；"
     "4、持续性跟踪帮教人数 90 人。", None),
    ("indicator", INDICATORS, None, None, OUT2, "质量指标",
     "1、户政服务管理工作完成率 100%；2、毒品预防宣传教育考核排名全市前六；3、宣传活动覆盖率≥80%；4、社区戒毒社区康复综合报到率≥90%。",
     None),
    ("indicator", INDICATORS, None, None, BENEFIT, "经济效益指标", "不适用", None),
    ("indicator", INDICATORS, None, None, BENEFIT, "社会效益指标",
     "1、八类暴力性警情同比下降 10%，案件下降 5%，命案同比下降 10%；2、维稳防控力度有效增强，群体性事件预警率达到 80%以上，"
     "确保辖区不发生重大群体性事件和社会安全事件；3、进一步强化校园及周边治安防范、反恐防爆工作，切实消除校园及周边治安隐患。", None),
    ("indicator", INDICATORS, None, None, BENEFIT, "生态效益指标", "不适用", None),
    ("indicator", INDICATORS, None, None, BENEFIT, "可持续影响指标", "不适用", None),
    ("indicator", INDICATORS, None, None, BENEFIT, "满意度指标",
     "2020 年，罗湖区公安工作满意度得分力争比 2019 年上升 0.5 个百分点（2019 年上半年为 85.97 分），"
     "安全感得分力争上升 1 个百分点（2019 年上半年为 87.85 分）。", None),
    ("remark", None, "其他说明的问题", None, None, None, None, None),
]


def test_table_14_view_every_row(db, sample_report_id):
    rows = rows_of(db, "t14_department_performance_goals", sample_report_id, (
        "row_kind", "section", "label", "amount", "first_level_indicator", "second_level_indicator", "content",
        "goal_no"))
    assert rows == TABLE_14


def test_table_14_no_markup_and_source_lines(parsed):
    rows = parsed.of(department_performance.DepartmentPerformanceRow)
    assert not any("<p" in (r.content or "") or "</p" in (r.content or "") for r in rows)
    assert [r.source_line for r in rows] == [671, 671, 672, 672, 673, 674, 675, 676, 677, *[678] * 5,
                                             *range(681, 691)]


def test_goals_without_paragraph_markup():
    assert department_performance.goals("目标1：甲乙。目标 2:丙丁") == [("目标1", 1, "甲乙。"), ("目标 2", 2, "丙丁")]
    assert department_performance.goals("<p>提高服务质量</p>") == [(None, None, "提高服务质量")]


MADE_UP_14 = [
    "表.14", "", "部门（单位）整体支出绩效目标申报表", "",
    "部门（单位）名称\t某局\t\t负责人\t",
    "填表人\t李四\t\t联系电话\t123",
    "部门总体资金情况（万元）\t资金总额：\t10.00\t\t",
    "\t基本支出：\t6.00\t\t",
    "部门（单位）职能概述\t<p>负责甲。</p><p>负责乙。</p>\t\t\t",
    "部门（单位）总体绩效目标\t目标1：甲。目标2：乙。\t\t\t",
    "\t一级指标\t二级指标\t具体指标",
    "年度绩效指标\t产出指标\t数量指标\t完成 3 项",
    "\t\t质量指标\t合格率 100%",
    "其他说明的问题\t无\t\t",
]


def test_table_14_made_up_form():
    rows = department_performance.parse(read_grid("\n".join(MADE_UP_14), "made-up.txt"), None)
    got = [(r.row_kind, r.section, r.label, r.amount, r.first_level_indicator, r.second_level_indicator, r.content,
            r.goal_no, r.source_line) for r in rows]
    assert got == [
        ("header", None, "部门（单位）名称", None, None, None, "某局", None, 5),
        ("header", None, "负责人", None, None, None, None, None, 5),
        ("header", None, "填表人", None, None, None, "李四", None, 6),
        ("header", None, "联系电话", None, None, None, "123", None, 6),
        ("amount", "部门总体资金情况（万元）", "资金总额", D("10.00"), None, None, None, None, 7),
        ("amount", "部门总体资金情况（万元）", "基本支出", D("6.00"), None, None, None, None, 8),
        ("overview", "部门（单位）职能概述", None, None, None, None, "负责甲。\n负责乙。", None, 9),
        ("goal", "部门（单位）总体绩效目标", "目标1", None, None, None, "甲。", 1, 10),
        ("goal", "部门（单位）总体绩效目标", "目标2", None, None, None, "乙。", 2, 10),
        ("indicator", "年度绩效指标", None, None, "产出指标", "数量指标", "完成 3 项", None, 12),
        ("indicator", "年度绩效指标", None, None, "产出指标", "质量指标", "合格率 100%", None, 13),
        ("remark", None, "其他说明的问题", None, None, None, "无", None, 14),
    ]


def test_table_14_amount_that_is_not_a_number_is_refused():
    text = "\n".join(["表.14", "", "部门（单位）整体支出绩效目标申报表", "",
                      "部门（单位）名称\t某局\t\t负责人\t张三", "部门总体资金情况（万元）\t资金总额：\t约一百万\t\t"])
    with pytest.raises(ReportError, match=r"made-up.txt: 表14, line 6: not an amount: '约一百万'"):
        department_performance.parse(read_grid(text, "made-up.txt"), None)


def test_page_split_helper_leaves_complete_rows_alone(parsed):
    block = parsed.grid.table("13")
    data = block.rows[2:]
    assert join_page_split_rows(block, data, lambda row: bool(row.cell(2))) == data


# -- revision 0002 -------------------------------------------------------------------------

MY_TABLES = {"transfer_payment", "procurement_item", "three_public_expense", "performance_project",
             "department_performance_row", "narrative_section", "narrative_fact"}


def test_revision_0002_downgrade_drops_exactly_its_tables(fresh_database):
    import psycopg

    from budget_db import migrate

    def tables(url):
        with psycopg.connect(url) as conn:
            return {name for (name,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'budget'")}

    url = fresh_database("budget_0002")
    migrate.upgrade(url, "0001")
    foundation = tables(url)
    migrate.upgrade(url, "0002")
    assert tables(url) - foundation == MY_TABLES
    migrate.downgrade(url, "0001")
    assert tables(url) == foundation


# -- budget-db show ------------------------------------------------------------------------


def _show(number: str, url: str) -> list[str]:
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "budget_db", "show", number], capture_output=True, text=True,
                            env={**os.environ, "DATABASE_URL": url, "COLUMNS": "250"}, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("│")[1:-1]]


def test_show_12_prints_both_year_rows(database_url, sample_report_id):
    lines = _show("12", database_url)
    assert any("表12 “三公”经费财政拨款预算情况表" in line for line in lines)
    rows = [_cells(line) for line in lines if line.startswith("│")]
    assert rows == [[UNIT, "2019", "5,504.02", "", "10.29", "5,493.73", "4,563.73", "930.00"],
                    [UNIT, "2020", "1,695.29", "", "10.29", "1,685.00", "930.00", "755.00"]]


def test_show_14_prints_the_form_in_order(database_url, sample_report_id):
    lines = _show("14", database_url)
    rows = [_cells(line) for line in lines if line.startswith("│")]
    firsts = [(r[1], r[2]) for r in rows if r[1] in ("负责人", "资金总额", "基本支出", "目标 5")]
    assert firsts == [("负责人", ""), ("资金总额", "145,863.63"), ("基本支出", "92,623.87"), ("目标 5", "")]
    assert not any("row_kind" in line or "行类型" in line for line in lines)  # derived columns are not shown
