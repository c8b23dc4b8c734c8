"""Schema analysis: every view against the sample's printed figures and the generated reports' keys."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

import pandas as pd
import psycopg
import pytest
import sqlalchemy
from psycopg.rows import dict_row

from budget_db.database import sqlalchemy_url
from budget_db.views import definitions
from tests.analysis.reports import BAOAN, FUTIAN, NANSHAN

SAMPLE_DEPARTMENT = "深圳市公安局罗湖分局"
ANALYSIS_VIEWS = [v.name for v in definitions() if v.schema == "analysis"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def rows(conn, query: str, *params) -> list[dict]:
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(query, params).fetchall()


def one(conn, query: str, *params) -> dict:
    (row,) = rows(conn, query, *params)
    return row


def percent(change: Decimal, base: Decimal) -> Decimal | None:
    return None if not base else (100 * change / base).quantize(Decimal("0.01"))


def key_rows(loaded, case: str, view: str) -> list[dict]:
    return loaded.reports[case].key.views[view]


# -- every view ---------------------------------------------------------------------------
def test_the_analysis_views_exist(conn):
    assert set(ANALYSIS_VIEWS) >= {
        "reports", "report_tables", "functional_expenditure", "funding_sources", "basic_expenditure_economic",
        "three_public", "procurement_by_category", "projects", "performance_indicators", "budget_vs_final",
        "department_year_totals"}


@pytest.mark.parametrize("view", ANALYSIS_VIEWS)
def test_every_view_and_column_has_a_chinese_comment_and_the_reader_may_select(conn, view):
    relation = f"analysis.{view}"
    (comment,) = conn.execute("SELECT obj_description(to_regclass(%s), 'pg_class')", (relation,)).fetchone()
    assert comment and CJK.search(comment), relation
    columns = conn.execute(
        "SELECT a.attname, col_description(a.attrelid, a.attnum) FROM pg_attribute a "
        "WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 AND NOT a.attisdropped", (relation,)).fetchall()
    uncommented = [name for name, text in columns if not (text and CJK.search(text))]
    assert not uncommented, f"{relation}: {uncommented}"
    assert conn.execute("SELECT has_table_privilege('budget_reader', %s, 'SELECT')", (relation,)).fetchone()[0]


@pytest.mark.parametrize("view", [v for v in ANALYSIS_VIEWS if v != "budget_vs_final"])
def test_views_show_current_versions_only(conn, loaded, view):
    query = f"SELECT count(*) FILTER (WHERE report_id = %s), count(*) FILTER (WHERE report_id = %s) FROM analysis.{view}"
    old, new = conn.execute(query, (loaded.superseded_id, loaded.ids["futian_2019"])).fetchone()
    assert old == 0 and new > 0


def test_reports_stage_comes_from_the_kind(conn):
    found = rows(conn, "SELECT department, fiscal_year, stage, kind FROM analysis.reports ORDER BY 1, 2, 3")
    assert [(r["department"], r["fiscal_year"], r["stage"]) for r in found] == [
        (SAMPLE_DEPARTMENT, 2020, "预算"), (NANSHAN, 2020, "预算"), (BAOAN, 2020, "预算"),
        (FUTIAN, 2019, "预算"), (FUTIAN, 2020, "决算"), (FUTIAN, 2020, "预算")]
    assert {r["kind"] for r in found if r["stage"] == "决算"} == {"部门决算"}


# -- functional expenditure ---------------------------------------------------------------------
def test_functional_expenditure_of_the_sample_at_each_level(conn):
    found = {r["functional_code"]: r for r in rows(
        conn, "SELECT * FROM analysis.functional_expenditure WHERE department = %s AND fund = '一般公共预算'",
        SAMPLE_DEPARTMENT)}
    assert (found["204"]["level"], found["204"]["total"], found["204"]["basic_expenditure"],
            found["204"]["project_expenditure"]) == ("类", Decimal("121423.64"), Decimal("68207.22"),
                                                    Decimal("53216.41"))
    assert (found["20402"]["level"], found["20402"]["parent_code"]) == ("款", "204")
    # 行政运行 prints no 项目支出: NULL, not 0.
    assert (found["2040201"]["level"], found["2040201"]["total"], found["2040201"]["project_expenditure"]) == (
        "项", Decimal("68207.22"), None)
    assert sum(r["total"] for r in found.values() if r["level"] == "类") == Decimal("145863.62")
    assert found["204"]["previous_total"] is None and found["204"]["change_percent"] is None  # no 2019 report


def test_functional_change_on_the_previous_year_of_the_same_department(conn, loaded):
    before = {r["functional_code"]: r["total"] for r in key_rows(loaded, "futian_2019", "t07_general_budget_expenditure")
              if r["functional_code"]}
    now = {r["functional_code"]: r["total"] for r in key_rows(loaded, "futian_2020", "t07_general_budget_expenditure")
           if r["functional_code"]}
    found = {r["functional_code"]: r for r in rows(
        conn, "SELECT * FROM analysis.functional_expenditure WHERE report_id = %s AND fund = '一般公共预算'",
        loaded.ids["futian_2020"])}
    assert set(found) == set(now)
    common = set(before) & set(now)
    assert len(common) >= 5
    for code in now:
        row = found[code]
        assert row["total"] == now[code]
        if code in common:
            change = now[code] - before[code]
            assert (row["previous_total"], row["change_amount"], row["change_percent"]) == (
                before[code], change, percent(change, before[code])), code
        else:
            assert row["previous_total"] is None and row["change_amount"] is None, code
    # e.g. 公共安全支出 13,362.74 (2019) -> 9,400.35 (2020)
    assert (found["204"]["previous_total"], found["204"]["total"], found["204"]["change_percent"]) == (
        Decimal("13362.74"), Decimal("9400.35"), Decimal("-29.65"))


# -- funding sources, economic categories ------------------------------------------------------
def test_funding_sources_of_the_sample(conn):
    found = {r["source_code"]: r for r in rows(
        conn, "SELECT * FROM analysis.funding_sources WHERE department = %s ORDER BY ordinal", SAMPLE_DEPARTMENT)}
    assert {code: (r["amount"], r["share_percent"]) for code, r in found.items()} == {
        "fiscal": (Decimal("145863.63"), Decimal("100.00")),
        "general_public": (Decimal("145863.63"), Decimal("100.00")),
        "general_funds": (Decimal("141868.19"), Decimal("97.26")),
        "government_investment": (Decimal("3995.44"), Decimal("2.74")),
    }
    assert found["general_funds"]["parent_code"] == "general_public"
    assert found["general_funds"]["source_name"] == "一般性经费拨款"
    assert {r["income_total"] for r in found.values()} == {Decimal("145863.63")}


@pytest.mark.parametrize("case", ["futian_2020", "nanshan_2020", "baoan_2020"])
def test_funding_sources_of_generated_reports(conn, loaded, case):
    (printed,) = key_rows(loaded, case, "t02_income_budget")
    column = {"fiscal": "fiscal_subtotal", "general_public": "general_public_subtotal"}
    found = rows(conn, "SELECT source_code, amount FROM analysis.funding_sources WHERE report_id = %s",
                 loaded.ids[case])
    assert found
    for row in found:
        assert row["amount"] == (printed[column.get(row["source_code"], row["source_code"])] or 0), row


def test_basic_expenditure_by_economic_category(conn, loaded):
    sample = {r["economic_code"]: r for r in rows(
        conn, "SELECT * FROM analysis.basic_expenditure_economic WHERE department = %s", SAMPLE_DEPARTMENT)}
    assert (sample["301"]["level"], sample["301"]["amount"], sample["301"]["share_percent"]) == (
        "类", Decimal("84701.75"), Decimal("91.45"))
    assert (sample["30216"]["level"], sample["30216"]["economic_name"], sample["30216"]["category_code"],
            sample["30216"]["amount"]) == ("款", "培训费", "302", Decimal("0.72"))
    assert sum(r["amount"] for r in sample.values() if r["level"] == "类") == Decimal("92623.86")
    printed = [r for r in key_rows(loaded, "baoan_2020", "t04_basic_expenditure") if r["row_kind"] != "unit"]
    found = rows(conn, "SELECT level, economic_code, amount FROM analysis.basic_expenditure_economic "
                       "WHERE report_id = %s ORDER BY row_no", loaded.ids["baoan_2020"])
    assert [(r["level"], r["economic_code"], r["amount"]) for r in found] == [
        ("类" if p["row_kind"] == "category" else "款", p["economic_code"], p["total"]) for p in printed]


# -- 三公 ---------------------------------------------------------------------------------
def test_three_public_of_the_sample(conn):
    row = one(conn, "SELECT * FROM analysis.three_public WHERE department = %s", SAMPLE_DEPARTMENT)
    assert (row["total"], row["overseas_travel"], row["official_reception"], row["vehicle_total"],
            row["vehicle_purchase"], row["vehicle_operation"]) == (
        Decimal("1695.29"), None, Decimal("10.29"), Decimal("1685.00"), Decimal("930.00"), Decimal("755.00"))
    # No 2019 report loaded: 表12's own 2019 row is the previous year, and says so.
    assert (row["previous_total"], row["previous_source"], row["change_amount"], row["change_percent"]) == (
        Decimal("5504.02"), "本报告上年数", Decimal("-3808.73"), Decimal("-69.20"))
    # 2,034 行政 + 14 事业 实有在编: 1,695.29 / 2,048 = 0.8278 万元 per head.
    assert (row["staff"], row["total_per_staff"]) == (2048, Decimal("0.8278"))
    assert (row["meeting_expense"], row["training_expense"], row["operating_expenses"]) == (
        None, Decimal("0.72"), Decimal("5419.21"))
    assert (row["rank_in_region"], row["departments_in_region"]) == (1, 4)


def test_three_public_previous_year_from_the_loaded_report(conn, loaded):
    now = loaded.reports["futian_2020"].spec
    before = loaded.reports["futian_2019"].spec
    row = one(conn, "SELECT * FROM analysis.three_public WHERE report_id = %s", loaded.ids["futian_2020"])
    assert row["previous_source"] == "上年报告"
    # the 2019 report's own 2019 figures, not the 2019 column printed in the 2020 report
    assert row["previous_total"] == before.three_public[1].total != now.three_public[0].total
    assert row["change_amount"] == now.three_public[1].total - before.three_public[1].total
    assert row["previous_official_reception"] == before.three_public[1].reception
    staff = now.staff[0] - now.staff[1]
    assert (row["staff"], row["total_per_staff"]) == (
        staff, (now.three_public[1].total / staff).quantize(Decimal("0.0001")))


def test_three_public_rank_within_region_and_year(conn, loaded):
    totals = {SAMPLE_DEPARTMENT: Decimal("1695.29")} | {
        loaded.reports[c].spec.department: loaded.reports[c].spec.three_public[1].total
        for c in ("futian_2020", "nanshan_2020", "baoan_2020")}
    expected = sorted(totals, key=totals.get, reverse=True)
    found = rows(conn, "SELECT department, total, rank_in_region FROM analysis.three_public "
                       "WHERE fiscal_year = 2020 AND stage = '预算' ORDER BY rank_in_region")
    assert [r["department"] for r in found] == expected
    assert [r["rank_in_region"] for r in found] == [1, 2, 3, 4]
    assert [r["total"] for r in found] == [totals[d] for d in expected]
    nanshan = one(conn, "SELECT * FROM analysis.three_public WHERE department = %s", NANSHAN)
    spec = loaded.reports["nanshan_2020"].spec
    assert (nanshan["previous_source"], nanshan["previous_total"]) == ("本报告上年数", spec.three_public[0].total)


# -- procurement, projects, indicators -----------------------------------------------------------
def test_procurement_by_category(conn, loaded):
    sample = one(conn, "SELECT * FROM analysis.procurement_by_category WHERE department = %s "
                       "AND procurement_category = '预算金额在 100 万元以上（含 100 万元）的其他服务'", SAMPLE_DEPARTMENT)
    assert (sample["lines"], sample["actual_amount"]) == (15, Decimal("25236.07"))
    total = conn.execute("SELECT sum(actual_amount), sum(annual_amount) FROM analysis.procurement_by_category "
                         "WHERE department = %s", (SAMPLE_DEPARTMENT,)).fetchone()
    assert total == (Decimal("28498.83"), Decimal("74451.73"))  # the narrative's 实际指标 / 一年采购指标
    expected = defaultdict(Decimal)
    for line in loaded.reports["futian_2020"].spec.procurement:
        expected[line.category] += line.actual
    found = rows(conn, "SELECT procurement_category, actual_amount FROM analysis.procurement_by_category "
                       "WHERE report_id = %s", loaded.ids["futian_2020"])
    assert {r["procurement_category"]: r["actual_amount"] for r in found} == dict(expected)


def test_projects_across_years(conn, loaded):
    before = {p.name: p.funding.total for p in loaded.reports["futian_2019"].spec.projects}
    now = {p.name: p.funding.total for p in loaded.reports["futian_2020"].spec.projects}
    found = {r["project_name"]: r for r in rows(
        conn, "SELECT * FROM analysis.projects WHERE report_id = %s", loaded.ids["futian_2020"])}
    shared = set(before) & set(now)
    assert len(shared) == 2
    for name, amount in now.items():
        row = found[name]
        assert (row["amount"], row["amount_tables"]) == (amount, "5"), name
        if name in shared:
            change = amount - before[name]
            assert (row["previous_amount"], row["change_amount"], row["change_percent"], row["first_year"],
                    row["years_loaded"]) == (before[name], change, percent(change, before[name]), 2019, 2), name
        else:
            assert (row["previous_amount"], row["first_year"], row["years_loaded"]) == (None, 2020, 1), name


def test_projects_of_the_sample(conn):
    found = {r["project_name"]: r for r in rows(
        conn, "SELECT * FROM analysis.projects WHERE department = %s", SAMPLE_DEPARTMENT)}
    assert found["警务辅助专项经费"]["amount"] == Decimal("28565.01")  # 表5, as the narrative states
    assert found["公安信息网络专项租赁"]["amount"] == Decimal("8202.70")


def test_performance_indicators_searchable_with_parsed_targets(conn, loaded):
    count = conn.execute("SELECT count(*) FROM analysis.performance_indicators WHERE department = %s",
                         (SAMPLE_DEPARTMENT,)).fetchone()[0]
    printed = conn.execute("SELECT count(*) FROM appendix.t15_project_performance_indicators "
                           "WHERE department = %s AND (content IS NOT NULL OR target IS NOT NULL)",
                           (SAMPLE_DEPARTMENT,)).fetchone()[0]
    assert count == printed > 100
    satisfied = rows(conn, "SELECT * FROM analysis.performance_indicators WHERE department = %s "
                           "AND search_text LIKE %s AND target_kind = 'numeric'", SAMPLE_DEPARTMENT, "%满意度%")
    assert satisfied and all(r["operator"] and r["value"] is not None for r in satisfied)
    assert all(r["project_name"] and r["name_key"] for r in satisfied)
    shared = loaded.reports["futian_2020"].spec.projects[0]
    across = rows(conn, "SELECT DISTINCT fiscal_year FROM analysis.performance_indicators "
                        "WHERE department = %s AND stage = '预算' AND project_name = %s ORDER BY 1", FUTIAN, shared.name)
    assert [r["fiscal_year"] for r in across] == [2019, 2020]


# -- budget vs final, totals -----------------------------------------------------------------
def test_budget_vs_final_execution_rate(conn, loaded):
    budget = {r["functional_code"]: r["total"] for r in key_rows(loaded, "futian_2020", "t07_general_budget_expenditure")}
    final = {r["functional_code"]: r["total"] for r in key_rows(loaded, "futian_2020_final",
                                                                 "t07_general_budget_expenditure")}
    found = {r["functional_code"]: r for r in rows(
        conn, "SELECT * FROM analysis.budget_vs_final WHERE department = %s AND fund = '一般公共预算'", FUTIAN)}
    assert set(found) == (set(budget) | set(final))  # the unit row (code None) is the 合计
    for code, row in found.items():
        b, f = budget.get(code) or Decimal(0), final.get(code) or Decimal(0)
        assert (row["budget_amount"], row["final_amount"]) == (b, f), code
        assert row["execution_rate"] == (None if not b else (100 * f / b).quantize(Decimal("0.01"))), code
    assert (found[None]["level"], found[None]["budget_amount"], found[None]["final_amount"],
            found[None]["execution_rate"]) == ("合计", Decimal("24926.68"), Decimal("28101.37"), Decimal("112.74"))
    assert found["204"]["execution_rate"] == Decimal("80.35")  # 7,552.74 / 9,400.35
    # 政府性基金: the budget prints none (0), the final does: no rate.
    fund = one(conn, "SELECT * FROM analysis.budget_vs_final WHERE department = %s AND fund = '政府性基金' "
                     "AND level = '合计'", FUTIAN)
    assert (fund["budget_amount"], fund["final_amount"], fund["execution_rate"]) == (0, Decimal("756.98"), None)
    # Only departments with both stages loaded.
    assert {r[0] for r in conn.execute("SELECT DISTINCT department FROM analysis.budget_vs_final")} == {FUTIAN}


def test_department_year_totals(conn, loaded):
    sample = one(conn, "SELECT * FROM analysis.department_year_totals WHERE department = %s", SAMPLE_DEPARTMENT)
    assert (sample["expenditure_total"], sample["basic_expenditure"], sample["project_expenditure"],
            sample["income_total"], sample["functional_total"], sample["three_public_total"]) == (
        Decimal("145863.63"), Decimal("92623.86"), Decimal("53239.76"), Decimal("145863.63"),
        Decimal("145863.62"), Decimal("1695.29"))
    (before,) = key_rows(loaded, "futian_2019", "t03_expenditure_budget")
    (now,) = key_rows(loaded, "futian_2020", "t03_expenditure_budget")
    row = one(conn, "SELECT * FROM analysis.department_year_totals WHERE report_id = %s", loaded.ids["futian_2020"])
    change = now["expenditure_total"] - before["expenditure_total"]
    assert (row["expenditure_total"], row["previous_expenditure_total"], row["change_amount"],
            row["change_percent"]) == (now["expenditure_total"], before["expenditure_total"], change,
                                       percent(change, before["expenditure_total"]))
    assert (row["previous_expenditure_total"], row["expenditure_total"], row["change_percent"]) == (
        Decimal("20379.50"), Decimal("24926.68"), Decimal("22.31"))


# -- pandas keeps Decimal ----------------------------------------------------------------------
def test_pandas_reads_money_as_decimal(loaded):
    engine = sqlalchemy.create_engine(sqlalchemy_url(loaded.url))
    try:
        with engine.connect() as connection:
            frame = pd.read_sql(sqlalchemy.text("SELECT department, total, total_per_staff FROM analysis.three_public "
                                                "ORDER BY rank_in_region, department"),
                                connection, coerce_float=False)
            coerced = pd.read_sql(sqlalchemy.text("SELECT total FROM analysis.three_public"), connection)
    finally:
        engine.dispose()
    assert frame["total"].dtype == object
    assert all(isinstance(v, Decimal) for v in frame["total"])
    assert Decimal("1695.29") in set(frame["total"])
    assert coerced["total"].dtype == "float64"  # pandas' default coerce_float=True: why the README says False


def test_amounts_are_converted_to_wan_yuan_by_the_tables_unit(loaded):
    """A table printed in 元 (as other templates do) counts 0.0001 万元 per unit, exactly; rolled back."""
    with psycopg.connect(loaded.url) as conn:
        report_id = loaded.ids["sample"]
        tables = one(conn, "SELECT * FROM analysis.report_tables WHERE report_id = %s AND table_no = '12'", report_id)
        assert (tables["table_kind"], tables["fund"], tables["unit"], tables["wan_yuan"]) == (
            "three_public", "财政拨款", "万元", 1)
        conn.execute("UPDATE budget.report_table SET unit = '元' WHERE report_id = %s AND table_no IN ('12', '7')",
                     (report_id,))
        row = one(conn, "SELECT total, previous_total, total_per_staff FROM analysis.three_public WHERE report_id = %s",
                  report_id)
        assert (row["total"], row["previous_total"], row["total_per_staff"]) == (
            Decimal("0.169529"), Decimal("0.550402"), Decimal("0.0001"))
        line = one(conn, "SELECT total FROM analysis.functional_expenditure WHERE report_id = %s "
                         "AND functional_code = '204'", report_id)
        assert line["total"] == Decimal("12.142364")
        conn.rollback()
