"""Links from the 96 表15 projects to 表13, 表5, 表11 and 表10 in the sample, and their reporting."""

from dataclasses import replace
from decimal import Decimal

import pytest

from loaders.performance_projects import PerformanceProject
from loaders.project_links import ProjectLink, link_projects, normalize, unlinked
from loaders.project_performance import PerformanceTargetProject
from loaders.report import parse_text
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def report():
    return parse_text(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)


def links_to(report, table: str) -> dict[str, list[ProjectLink]]:
    found: dict[str, list[ProjectLink]] = {}
    for link in report.of(ProjectLink):
        if link.linked_table == table:
            found.setdefault(link.table_no, []).append(link)
    return found


def test_every_project_links_one_to_one_to_table_13_with_equal_amounts(report):
    t13 = links_to(report, "13")
    assert sorted(t13, key=lambda t: int(t[3:])) == [f"15-{n}" for n in range(1, 97)]
    assert all(len(links) == 1 for links in t13.values())
    links = [links[0] for links in t13.values()]
    assert all(link.linked_amount == link.project_amount for link in links)
    assert sorted(link.linked_row_no for link in links) == list(range(1, 97))
    assert unlinked(report.of(ProjectLink)) == []


def test_how_the_table_13_names_matched(report):
    t13 = {table_no: links[0] for table_no, links in links_to(report, "13").items()}
    not_exact = {t: (link.method, link.score, link.linked_row_no, link.linked_name)
                 for t, link in t13.items() if link.method != "exact"}
    assert not_exact == {
        "15-5": ("similar", Decimal("0.923"), 56, "娱乐服务场所治安管理信息系统"),
        "15-11": ("normalized", Decimal(1), 78,
                  "深财预〔2019〕171号提前下达2020年转移支付，2020年度政法转移支付资金-公安部门"),
        "15-12": ("similar", Decimal("0.909"), 43, "公安特情经费"),
        "15-68": ("normalized", Decimal(1), 10, "互联网资讯(数据)查询服务"),
    }
    # Near-twins in 表13 go to their own projects.
    assert (t13["15-31"].linked_name, t13["15-51"].linked_name) == ("DNA 实验室项目", "DNA 实验室")
    assert (t13["15-27"].linked_name, t13["15-96"].linked_name) == ("车牌识别小天眼系统项目", "车牌识别小天眼系统")


def test_procurement_lines(report):
    t11 = links_to(report, "11")
    assert sum(len(links) for links in t11.values()) == 24  # every 表11 line
    lines = {t: [(link.linked_row_no, link.linked_amount) for link in links] for t, links in t11.items()}
    assert lines["15-18"] == [(17, Decimal("38.00")), (18, Decimal("405.00"))]
    assert lines["15-26"] == [(2, Decimal("110.00")), (3, Decimal("120.00"))]
    # 表11 prints the 表13 name of 15-5's project, and a part of its amount.
    (link,) = t11["15-5"]
    assert (link.method, link.linked_row_no, link.linked_name, link.linked_amount) == (
        "via_13", 21, "娱乐服务场所治安管理信息系统", Decimal("975.44"))
    assert "15-1" not in t11


def test_transfer_payment_and_table_5_lines(report):
    (link,) = links_to(report, "10")["15-11"]
    assert (link.method, link.linked_row_no, link.linked_amount) == ("normalized", 4, Decimal("800.00"))
    assert len(links_to(report, "10")) == 1
    t5 = {t: (links[0].method, links[0].score, links[0].linked_row_no, links[0].linked_name)
          for t, links in links_to(report, "5").items()}
    assert t5 == {
        "15-6": ("exact", Decimal(1), 23, "预算准备金"),
        "15-38": ("similar", Decimal("0.714"), 17, "公安民警购买人身意外伤害保险"),
        "15-86": ("similar", Decimal("0.941"), 19, "民警大病医疗补助和特困民警生活补助"),
        "15-93": ("similar", Decimal("0.667"), 8, "扶贫工作"),
    }


def test_normalize():
    assert normalize("深财预〔2019〕171号提前下达，政法") == normalize("深财预(2019)171号提前下达,政法")
    assert normalize("互联网资讯（数据）查询服务") == normalize("互联网资讯(数据)查询服务")
    assert normalize("DNA 实验室") == "dna实验室"


def _with_table_13_row(records, name, **changes):
    return [replace(r, **changes) if isinstance(r, PerformanceProject) and r.project_name == name else r
            for r in records if not isinstance(r, ProjectLink)]


def test_a_similar_name_needs_an_equal_amount(report):
    records = _with_table_13_row(report.records, "公安特情经费", total=Decimal("721.00"))
    links = link_projects(records)
    assert unlinked(links) == ["15-12"]
    (row,) = [l for l in links if l.table_no == "15-12" and l.linked_table == "13"]
    assert (row.method, row.linked_row_no, row.linked_name, row.project_amount) == (
        "unlinked", None, None, Decimal("720.00"))


def test_a_project_without_its_table_13_line_is_reported(report):
    records = _with_table_13_row(report.records, "辅警保障经费", project_name="完全不同的名字")
    assert unlinked(link_projects(records)) == ["15-1"]


def test_no_table_13_no_unlinked_rows(report):
    records = [r for r in report.records if not isinstance(r, (PerformanceProject, ProjectLink))]
    links = link_projects(records)
    assert not [l for l in links if l.linked_table == "13"]
    assert len([r for r in records if isinstance(r, PerformanceTargetProject)]) == 96


# -- in the database ---------------------------------------------------------------------


def test_links_are_stored(db, sample_report_id):
    rows = db.execute(
        "SELECT linked_table, method, count(*) FROM appendix.project_links WHERE report_id = %s "
        "GROUP BY 1, 2 ORDER BY 1, 2", (sample_report_id,),
    ).fetchall()
    assert rows == [("10", "normalized", 1), ("11", "exact", 23), ("11", "via_13", 1), ("13", "exact", 92),
                    ("13", "normalized", 2), ("13", "similar", 2), ("5", "exact", 1), ("5", "similar", 3)]


def test_project_overview(db, sample_report_id):
    rows = {r[0]: r for r in db.execute(
        "SELECT table_no, project_name, total, t05_group, t05_row_no, t05_amount, t13_row_no, t13_amount, "
        "t13_link_method, procurement_lines, procurement_amount, transfer_amount, input_indicators, "
        "output_indicators, effect_indicators, satisfaction_indicators, numeric_targets, has_numeric_target "
        "FROM appendix.project_overview WHERE report_id = %s ORDER BY row_no",
        (sample_report_id,),
    ).fetchall()}
    assert len(rows) == 96
    money = Decimal
    assert rows["15-1"] == ("15-1", "辅警保障经费", money("9380.14"), None, None, None, 14, money("9380.14"),
                            "exact", 0, None, None, 1, 16, 7, 1, 15, True)
    assert rows["15-6"] == ("15-6", "预算准备金", money("900.00"), "一般性项目", 23, money("900.00"), 47,
                            money("900.00"), "exact", 0, None, None, 1, 3, 4, 1, 2, True)
    assert rows["15-11"][8:12] == ("normalized", 0, None, money("800.00"))
    assert rows["15-12"][6:9] == (43, money("720.00"), "similar")
    assert rows["15-18"][9:11] == (2, money("443.00"))
    # 分局网络黑产监控系统数据服务: 表11 prints it twice, 一年采购指标 38.00 + 2,427.00.
    annual = db.execute(
        "SELECT procurement_annual_amount FROM appendix.project_overview WHERE report_id = %s AND table_no = '15-18'",
        (sample_report_id,),
    ).fetchone()
    assert annual == (money("2465.00"),)
    assert rows["15-93"][3:6] == ("一般性项目", 8, money("23.35"))
    assert all(r[16] > 0 and r[17] for r in rows.values())
