"""Issue 13: the four Shanghai budgets and the 部门决算 load from their published PDFs with the same
facts as from their text files: every shanghai.* and final_accounts.* view gives the same rows."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest
from psycopg import sql

from budget_db import migrate
from budget_db.batch import load_files
from tests.conftest import OTHER_LAYOUTS, PDFS

PAGE_OF_THE_SUMMARY = 7  # 收入支出决算总表 is page 7 of the PDF
NAMES = ["sh_putuo_commerce_budget_2025", "sh_putuo_finance_final_2024", "sh_putuo_govoffice_budget_2025",
         "sh_putuo_wanli_budget_2024", "sh_putuo_wanli_budget_2025"]


def _load(fresh_database, name: str, paths: list) -> tuple[str, dict]:
    url = fresh_database(name)
    migrate.upgrade(url)
    results = load_files(url, paths, workers=1)
    assert [r.outcome for r in results] == ["loaded"] * 5, [r.message for r in results]
    return url, {(r.department, r.fiscal_year): r.report_id for r in results}


@pytest.fixture(scope="module")
def from_text(fresh_database):
    return _load(fresh_database, "budget_sh_text", [OTHER_LAYOUTS / f"{n}.txt" for n in NAMES])


@pytest.fixture(scope="module")
def from_pdf(fresh_database):
    return _load(fresh_database, "budget_sh_pdf", [PDFS / f"{n}.pdf" for n in NAMES])


def _view_rows(url: str, ids: dict) -> dict[str, list]:
    by_id = {report_id: key for key, report_id in ids.items()}
    found = {}
    with psycopg.connect(url) as conn:
        views = conn.execute("SELECT table_schema, table_name FROM information_schema.views "
                             "WHERE table_schema IN ('shanghai', 'final_accounts') ORDER BY 1, 2").fetchall()
        for schema, view in views:
            cursor = conn.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(schema, view)))
            names = [c.name for c in cursor.description]
            found[f"{schema}.{view}"] = sorted(
                (by_id[row[names.index("report_id")]], *(v for n, v in zip(names, row) if n != "report_id"))
                for row in cursor.fetchall())
    return found


def test_the_same_facts_from_pdf_as_from_text(from_text, from_pdf):
    text_rows, pdf_rows = _view_rows(*from_text), _view_rows(*from_pdf)
    assert len(text_rows) == 18 and sum(map(len, text_rows.values())) > 300
    assert {v: len(r) for v, r in pdf_rows.items()} == {v: len(r) for v, r in text_rows.items()}
    assert pdf_rows == text_rows


def test_a_pdf_fact_knows_its_page(from_pdf):
    url, ids = from_pdf
    with psycopg.connect(url) as conn:
        found = conn.execute(
            "SELECT l.amount, s.page FROM final_accounts.f01_summary f "
            "JOIN budget.two_sided_summary_line l ON l.report_id = f.report_id AND l.table_no = '收入支出决算总表' "
            " AND l.row_no = f.row_no AND l.side = 'income' "
            "JOIN budget.source_line s ON s.report_id = l.report_id AND s.line_no = l.source_line "
            "WHERE f.report_id = %s AND f.income_item = '总计'", (ids["上海市普陀区财政局", 2024],)).fetchone()
    assert found == (Decimal("2995.39"), PAGE_OF_THE_SUMMARY)
