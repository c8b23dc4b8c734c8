"""`budget-db export`: files read back with openpyxl / csv and compared cell by cell with the views."""

from __future__ import annotations

import csv
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from budget_db.appendix import APPENDIX, printed_columns, printed_rows
from tests.analysis.reports import FUTIAN

SAMPLE_DEPARTMENT = "深圳市公安局罗湖分局"


@pytest.fixture
def export(cli):
    return lambda *args, code=0: cli("export", *args, code=code)


def cells(sheet, first_row: int) -> list[tuple]:
    return [tuple(row) for row in sheet.iter_rows(min_row=first_row, values_only=True)]


def as_view(value, like):
    """A cell's value in the type the view gives: the number the file holds, as a Decimal."""
    if isinstance(like, Decimal) and value is not None:
        return Decimal(str(value))
    if isinstance(like, list):
        return "、".join(map(str, like)) == value and like
    return value


def same_rows(found: list[tuple], expected: list[tuple]) -> None:
    assert len(found) == len(expected)
    for got, want in zip(found, expected):
        assert tuple(as_view(g, w) for g, w in zip(got, want)) == tuple(want)


def test_export_7_as_printed(conn, loaded, export, tmp_path):
    path = tmp_path / "t7.xlsx"
    export("7", "-d", SAMPLE_DEPARTMENT, "-y", "2020", "-o", str(path))
    sheet = openpyxl.load_workbook(path)["表7"]
    assert sheet["A1"].value == "表7 一般公共预算支出情况表　深圳市公安局罗湖分局　2020年　单位：万元"
    columns = printed_columns(conn, "t07_general_budget_expenditure")
    assert [c.value for c in sheet[2]] == [header for _, header in columns] == [
        "预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"]
    assert sheet.freeze_panes == "A3"  # title and header stay in view
    same_rows(cells(sheet, 3), printed_rows(conn, "t07_general_budget_expenditure", columns, loaded.ids["sample"]))
    assert (sheet["D3"].value, sheet["D3"].number_format) == (145863.63, "#,##0.00")
    assert sheet["F4"].value == 53216.41
    # The file holds the printed digits (openpyxl writes the Decimal, not a float's repr).
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<v>145863.63</v>" in xml and "<v>23.35</v>" in xml


def test_export_a_whole_report_one_sheet_per_table(conn, loaded, export, tmp_path):
    path = tmp_path / "futian.xlsx"
    export("report", "-d", FUTIAN, "-y", "2020", "--kind", "部门预算", "-o", str(path))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [f"表{n}" for n in APPENDIX] + ["表15 绩效指标"]
    report_id = loaded.ids["futian_2020"]
    for number, entry in APPENDIX.items():
        columns = printed_columns(conn, entry.view)
        if number == "15":
            columns = [("table_no", "表号"), *columns]
        assert [c.value for c in book[f"表{number}"][2]] == [h for _, h in columns], number
        same_rows(cells(book[f"表{number}"], 3), printed_rows(conn, entry.view, columns, report_id))
    three_public = cells(book["表12"], 3)
    spec = loaded.reports["futian_2020"].spec
    assert [(row[1], Decimal(str(row[2]))) for row in three_public] == [(y.year, y.total) for y in spec.three_public]


def test_export_an_analysis_view_to_xlsx(conn, export, tmp_path):
    path = tmp_path / "three_public.xlsx"
    export("three_public", "-y", "2020", "--stage", "预算", "-o", str(path))
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    headers = [c.value for c in sheet[1]]
    assert headers[:6] == ["单位名称", "地区", "预算年度", "阶段", "范围（如 本级、部门）", "“三公”经费合计（本年度，万元）"]
    assert "上年数来源" in headers and "人均“三公”经费（万元/人，保留四位）" in headers
    view = conn.execute("SELECT * FROM analysis.three_public WHERE fiscal_year = 2020 AND stage = '预算' "
                        "ORDER BY department").fetchall()
    same_rows(sorted(cells(sheet, 2)), sorted(view))
    sample = next(row for row in cells(sheet, 2) if row[0] == SAMPLE_DEPARTMENT)
    assert sample[headers.index("人均“三公”经费（万元/人，保留四位）")] == 0.8278
    per_staff = sheet.cell(row=2, column=headers.index("人均“三公”经费（万元/人，保留四位）") + 1)
    assert per_staff.number_format == "#,##0.00##"  # four decimals shown


def test_export_a_view_to_csv_with_printed_decimals(conn, export, tmp_path):
    path = tmp_path / "funding.csv"
    export("analysis.funding_sources", "-d", SAMPLE_DEPARTMENT, "--names", "-o", str(path))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese
    with path.open(encoding="utf-8-sig", newline="") as handle:
        found = list(csv.DictReader(handle))
    assert {r["source_code"]: (r["amount"], r["share_percent"]) for r in found} == {
        "fiscal": ("145863.63", "100.00"), "general_public": ("145863.63", "100.00"),
        "general_funds": ("141868.19", "97.26"), "government_investment": ("3995.44", "2.74")}
    view = conn.execute("SELECT count(*) FROM analysis.funding_sources WHERE department = %s",
                        (SAMPLE_DEPARTMENT,)).fetchone()[0]
    assert len(found) == view


def test_export_a_query_read_only(conn, loaded, export, tmp_path):
    path = tmp_path / "q.csv"
    export("--query", "SELECT fund, functional_code, budget_amount, final_amount, execution_rate "
                      "FROM analysis.budget_vs_final WHERE level = '类' AND fund = '一般公共预算' ORDER BY 2",
           "-o", str(path))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        found = list(csv.reader(handle))
    assert found[0] == ["fund", "functional_code", "budget_amount", "final_amount", "execution_rate"]
    assert ["一般公共预算", "204", "9400.35", "7552.74", "80.35"] in found
    assert ["一般公共预算", "201", "0", "1165.24", ""] in found  # no budget: no rate
    result = export("--query", "DELETE FROM budget.report", "-o", str(tmp_path / "x.csv"), code=2)
    assert "read-only" in result.output
    assert conn.execute("SELECT count(*) FROM budget.report").fetchone()[0] == 7


def test_export_the_department_year_matrix(export, tmp_path):
    path = tmp_path / "matrix.xlsx"
    export("matrix", "--stage", "预算", "-o", str(path))
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "单位 × 年度：支出总计（万元）"
    assert [c.value for c in sheet[2]] == ["地区", "单位名称", "阶段", "范围", "2019年", "2020年"]
    rows = {row[1]: row for row in cells(sheet, 3)}
    assert rows[FUTIAN] == ("深圳市", FUTIAN, "预算", "本级", 20379.5, 24926.68)
    assert rows[SAMPLE_DEPARTMENT][4:] == (None, 145863.63)


def test_export_refuses_what_does_not_exist(export, tmp_path):
    result = export("nosuch", "-o", str(tmp_path / "x.xlsx"), code=1)
    assert "no view analysis.nosuch" in result.output and "three_public" in result.output
    result = export("report", "-d", SAMPLE_DEPARTMENT, "-o", str(tmp_path / "x.csv"), code=2)
    assert "one table" in result.output
    result = export("7", "-d", FUTIAN, "-y", "2020", "-o", str(tmp_path / "x.xlsx"), code=2)
    assert "--kind" in result.output
    export("three_public", "-o", str(tmp_path / "x.txt"), code=2)
    result = export("15-99", "-d", SAMPLE_DEPARTMENT, "-y", "2020", "-o", str(tmp_path / "x.xlsx"), code=1)
    assert "深圳市公安局罗湖分局　2020年 has no 表15-99" in result.output  # not two empty sheets
    assert not (tmp_path / "x.xlsx").exists()
