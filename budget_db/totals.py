"""Each current report's totals, stored beside its rows (budget.report_total, alembic 0016).

The rank of analysis.three_public and the matrix analysis.department_year_totals read every
report's totals; stored once per report they are read, not summed again, at each query. The
row is what the view analysis.report_totals_live computes from the report's rows: written in the
load transaction, and computed again for every report whenever the view files change (their
sums may have changed with them).
"""

from __future__ import annotations

LIVE_VIEW = "analysis.report_totals_live"
_STORE_ALL = (
    "INSERT INTO budget.report_total (report_id, region, fiscal_year, stage, expenditure_total, basic_expenditure, "
    "project_expenditure, income_total, functional_total, three_public_printed, three_public_total) "
    "SELECT report_id, region, fiscal_year, stage, expenditure_total, basic_expenditure, project_expenditure, "
    "income_total, functional_total, three_public_printed, three_public_total FROM analysis.report_totals_live"
)
_STORE = (
    "INSERT INTO budget.report_total (report_id, region, fiscal_year, stage, expenditure_total, basic_expenditure, "
    "project_expenditure, income_total, functional_total, three_public_printed, three_public_total) "
    "SELECT report_id, region, fiscal_year, stage, expenditure_total, basic_expenditure, project_expenditure, "
    "income_total, functional_total, three_public_printed, three_public_total FROM analysis.report_totals_live "
    "WHERE report_id = %s"
)


def after_write(conn, report_id: int) -> None:
    """The load hook: the new report's totals, from its rows just written (the replaced version's
    row went when it was superseded: a trigger of alembic 0016)."""
    conn.execute(_STORE, (report_id,))


def recompute(raw) -> None:
    """Every current report's totals again (after the views were applied), in the caller's transaction."""
    raw.execute("DELETE FROM budget.report_total")
    raw.execute(_STORE_ALL)
