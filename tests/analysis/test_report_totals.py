"""budget.report_total (alembic 0016): each current report's totals as analysis.report_totals_live
sums them from its rows, stored by the load, dropped when a version is superseded, and computed
again when the views are applied."""

from __future__ import annotations

from decimal import Decimal

import psycopg

from budget_db import views

DIFFERENCE = ("SELECT count(*) FROM ((SELECT * FROM budget.report_total EXCEPT SELECT * FROM analysis.report_totals_live) "
              "UNION ALL (SELECT * FROM analysis.report_totals_live EXCEPT SELECT * FROM budget.report_total)) d")


def test_the_stored_totals_are_those_of_the_current_reports_rows(conn, loaded):
    assert conn.execute(DIFFERENCE).fetchone() == (0,)
    stored = {rid for (rid,) in conn.execute("SELECT report_id FROM budget.report_total")}
    current = {rid for (rid,) in conn.execute("SELECT id FROM budget.report WHERE superseded_at IS NULL")}
    assert stored == current == set(loaded.ids.values()) and len(stored) == 6
    assert loaded.superseded_id not in stored  # futian_2019's first version went when the second came
    sample = conn.execute(
        "SELECT region, fiscal_year, stage, expenditure_total, basic_expenditure, project_expenditure, income_total, "
        "functional_total, three_public_printed, three_public_total FROM budget.report_total WHERE report_id = %s",
        (loaded.ids["sample"],)).fetchone()
    # 表3's 合计 and its parts, 表2's 合计, 表7–表9's 类 (one cent less: the report's own rounding), 表12
    assert sample == ("深圳市", 2020, "预算", Decimal("145863.63"), Decimal("92623.86"), Decimal("53239.76"),
                      Decimal("145863.63"), Decimal("145863.62"), True, Decimal("1695.29"))
    final = conn.execute("SELECT stage, expenditure_total FROM budget.report_total WHERE report_id = %s",
                         (loaded.ids["futian_2020_final"],)).fetchone()
    assert final == ("决算", Decimal("28858.35"))


def test_applying_the_views_computes_every_report_again(loaded):
    with psycopg.connect(loaded.url) as conn:
        conn.execute("UPDATE budget.report_total SET expenditure_total = 0")
        assert conn.execute(DIFFERENCE).fetchone() == (12,)  # 6 stored rows unlike the 6 the rows sum to
        views.apply_views(conn)
        assert conn.execute(DIFFERENCE).fetchone() == (0,)
        conn.rollback()
