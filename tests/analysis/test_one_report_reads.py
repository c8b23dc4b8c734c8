"""A query of one report (or one department and year) reads that report's series only: the
report_series and three_public_years views, and the plans of the views that are read by report.
Plans are checked with sequential scans disabled: a fact table still read but not by an index
condition on report_id then has no path by its report (the filter does not reach it), whatever
the size of the test database."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from psycopg import sql

from tests.analysis.reports import FUTIAN
from tests.analysis.test_views import SAMPLE_DEPARTMENT, rows

# Tables of many rows a report: a whole scan of one of them reads every report.
FACT_TABLES = {"report_table", "functional_expenditure", "three_public_expense", "basic_expenditure_item",
               "income_budget", "expenditure_budget", "funding_amount", "narrative_fact", "project",
               "project_expenditure_item", "performance_project", "performance_target_project",
               "transfer_payment", "two_sided_summary_line"}
BY_REPORT = ("analysis.report_series", "analysis.three_public_years", "analysis.functional_expenditure",
             "analysis.department_year_totals", "analysis.projects", "analysis.funding_sources",
             "appendix.project_links", "analysis.report_totals_live")
BY_DEPARTMENT_AND_YEAR = ("analysis.budget_vs_final", "appendix.budget_vs_final")


def test_report_series_of_futian_2020(conn, loaded):
    found = rows(conn, "SELECT member_report_id, member_fiscal_year FROM analysis.report_series "
                       "WHERE report_id = %s ORDER BY member_fiscal_year", loaded.ids["futian_2020"])
    # its 2019 budget (the current version only) and itself; not the 决算 of 2020 (another stage)
    assert [(r["member_report_id"], r["member_fiscal_year"]) for r in found] == [
        (loaded.ids["futian_2019"], 2019), (loaded.ids["futian_2020"], 2020)]
    assert loaded.superseded_id not in {r["member_report_id"] for r in found}
    final = rows(conn, "SELECT member_report_id FROM analysis.report_series WHERE report_id = %s",
                 loaded.ids["futian_2020_final"])
    assert final == [{"member_report_id": loaded.ids["futian_2020_final"]}]


def test_three_public_years_of_the_sample(conn, loaded):
    found = rows(conn, "SELECT year, total, official_reception, vehicle_total FROM analysis.three_public_years "
                       "WHERE report_id = %s ORDER BY year", loaded.ids["sample"])
    assert [(r["year"], r["total"]) for r in found] == [(2019, Decimal("5504.02")), (2020, Decimal("1695.29"))]
    assert (found[1]["official_reception"], found[1]["vehicle_total"]) == (Decimal("10.29"), Decimal("1685.00"))


def _scanned_whole(conn, query: sql.Composable, params: tuple) -> list[str]:
    with conn.transaction():
        conn.execute("SET LOCAL enable_seqscan = off")
        ((plan,),) = conn.execute(sql.SQL("EXPLAIN (FORMAT JSON) {}").format(query), params).fetchall()
    found, nodes = [], [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        if node.get("Relation Name") in FACT_TABLES and not _by_report(node):
            found.append(node["Relation Name"])
        nodes.extend(node.get("Plans", []))
    return sorted(found)


def _by_report(scan: dict) -> bool:
    """An index scan whose condition is on report_id (a bitmap scan's: its index scans')."""
    if scan["Node Type"] == "Bitmap Heap Scan":
        return all(_by_report(child) for child in scan["Plans"])
    return "report_id" in scan.get("Index Cond", "")


@pytest.mark.parametrize("view", BY_REPORT)
def test_a_query_of_one_report_reaches_its_rows_by_report(conn, loaded, view):
    query = sql.SQL("SELECT * FROM {} WHERE report_id = %s").format(sql.Identifier(*view.split(".")))
    assert _scanned_whole(conn, query, (loaded.ids["futian_2020"],)) == []
    assert rows(conn, query.as_string(conn), loaded.ids["futian_2020"])  # and it has rows


@pytest.mark.parametrize("view", BY_DEPARTMENT_AND_YEAR)
def test_a_query_of_one_department_and_year_reaches_its_rows_by_report(conn, loaded, view):
    query = sql.SQL("SELECT * FROM {} WHERE department = %s AND fiscal_year = %s").format(
        sql.Identifier(*view.split(".")))
    assert _scanned_whole(conn, query, (FUTIAN, 2020)) == []
    assert rows(conn, query.as_string(conn), FUTIAN, 2020)


def test_a_query_of_every_report_is_seen_reading_them_all(conn, loaded):
    """The check above can fail: a filter that is not a report's reads every report's rows."""
    query = sql.SQL("SELECT * FROM analysis.three_public_years WHERE total > %s")
    assert "three_public_expense" in _scanned_whole(conn, query, (0,))


def test_the_rank_of_three_public_reads_the_stored_totals_of_every_report(conn, loaded):
    """Its rank is among every report of the region and year: it reads budget.report_total whole
    (one narrow row a report, in the order of its index), and the report's 三公 and basic
    expenditure by report (its narrative facts, in a database this small, by their fact key)."""
    query = sql.SQL("SELECT * FROM analysis.three_public WHERE report_id = %s")
    assert _scanned_whole(conn, query, (loaded.ids["sample"],)) in ([], ["narrative_fact"])
    with conn.transaction():
        conn.execute("SET LOCAL enable_seqscan = off")
        plan = json.dumps(conn.execute(sql.SQL("EXPLAIN (FORMAT JSON) {}").format(query),
                                       (loaded.ids["sample"],)).fetchone()[0])
    assert '"Index Name": "report_total_three_public_rank"' in plan
    found = rows(conn, "SELECT department, rank_in_region, departments_in_region FROM analysis.three_public "
                       "WHERE report_id = %s", loaded.ids["sample"])
    assert found[0]["department"] == SAMPLE_DEPARTMENT and found[0]["rank_in_region"] >= 1


def test_a_query_of_one_final_accounts_table_reaches_its_rows_by_report(conn, loaded):
    """final_accounts.f06 (no 决算 of the national template in this database: the plan alone)."""
    query = sql.SQL("SELECT * FROM final_accounts.f06_basic_expenditure WHERE report_id = %s")
    assert _scanned_whole(conn, query, (loaded.ids["futian_2020_final"],)) == []
