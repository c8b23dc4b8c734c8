"""Issue 12: the ten Jiangsu reports load from their published PDFs (two-document reports as one)
with the same facts as from their text files: every jiangsu.* view gives the same rows (loaded
as a batch is, in parsing processes)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from budget_db import migrate
from budget_db.batch import load_files
from tests.conftest import PDFS
from tests.test_jiangsu import REPORTS, jiangsu  # noqa: F401 - the text-loaded database, a fixture

JIANGSU_PDFS = sorted(PDFS.glob("js_*.pdf"))


@pytest.fixture(scope="module")
def jiangsu_from_pdf(fresh_database):
    url = fresh_database("budget_jiangsu_pdf")
    migrate.upgrade(url)
    # two parsing processes: the documents paired there, and the PDFs read for it not read again
    results = load_files(url, JIANGSU_PDFS, workers=2)
    assert [r.outcome for r in results] == ["loaded"] * 10, [r.message for r in results]
    loaded = {(r.department, r.fiscal_year): r for r in results}
    assert {key: tuple(Path(p).stem for p in r.source.split(" + ")) for key, r in loaded.items()} == {
        key: tuple(Path(name).stem for name in names) for key, names in REPORTS.items()}
    return url, {key: r.report_id for key, r in loaded.items()}


def _view_rows(url: str, ids: dict) -> dict[str, list]:
    with psycopg.connect(url) as conn:
        views = [v for (v,) in conn.execute(
            "SELECT table_name FROM information_schema.views WHERE table_schema = 'jiangsu' ORDER BY 1")]
        found = {}
        for view in views:
            cursor = conn.execute(sql.SQL("SELECT * FROM {} WHERE report_id = ANY (%s)").format(
                sql.Identifier("jiangsu", view)), (list(ids.values()),))
            names = [c.name for c in cursor.description]
            by_id = {report_id: key for key, report_id in ids.items()}
            found[view] = sorted(
                (by_id[row[names.index("report_id")]], *(v for n, v in zip(names, row) if n != "report_id"))
                for row in cursor.fetchall())
        return found


def test_the_same_facts_from_pdf_as_from_text(jiangsu, jiangsu_from_pdf):
    text_rows, pdf_rows = _view_rows(*jiangsu), _view_rows(*jiangsu_from_pdf)
    assert len(text_rows) >= 12 and sum(map(len, text_rows.values())) > 500
    assert {view: len(rows) for view, rows in pdf_rows.items()} == {view: len(rows) for view, rows in text_rows.items()}
    assert pdf_rows == text_rows


def test_pdf_facts_know_their_page(jiangsu_from_pdf):
    url, ids = jiangsu_from_pdf
    with psycopg.connect(url) as conn:
        page = conn.execute(
            "SELECT s.page, s.row_no FROM budget.two_sided_summary_line l "
            "JOIN budget.source_line s ON s.report_id = l.report_id AND s.line_no = l.source_line "
            "WHERE l.report_id = %s AND l.amount = 27664.22 ORDER BY l.source_line LIMIT 1",
            (ids["中共江苏省委办公厅", 2019],)).fetchone()
    assert page == (1, 5)  # 一、财政拨款 27,664.22: page 1, the 5th row of its table
