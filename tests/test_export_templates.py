"""`budget-db export` of reports in the other templates: their own tables, by their printed numbers
(a Jiangsu report's 公开01表 … 公开12表, the 决算's nine tables), never Shenzhen's 附表 left empty."""

from __future__ import annotations

import openpyxl
import psycopg
import pytest
from typer.testing import CliRunner

from budget_db import migrate
from budget_db.appendix import TEMPLATE_VIEWS, printed_columns, printed_rows
from budget_db.batch import load_file
from budget_db.cli import app
from tests.shared_reports import LAYOUTS

FINAL = ("上海市普陀区财政局", "2024")
JIANGSU = ("江苏省高级人民法院", "2019")
SHANGHAI = ("上海市普陀区人民政府万里街道办事处", "2025")
FILES = ("sh_putuo_finance_final_2024.txt", "js_high_court_budget_2019.txt", "sh_putuo_wanli_budget_2025.txt")


@pytest.fixture(scope="module")
def url(fresh_database):
    url = fresh_database("budget_export_templates")
    migrate.upgrade(url)
    for name in FILES:
        result = load_file(url, LAYOUTS / name)
        assert result.outcome == "loaded", result.message
    return url


@pytest.fixture
def export(url):
    def run(*args: str, code: int = 0):
        result = CliRunner().invoke(app, ["export", *args], env={"DATABASE_URL": url})
        assert result.exit_code == code, result.output
        return result
    return run


def report_id(url, department: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT report_id FROM appendix.reports WHERE department = %s", (department,)).fetchone()[0]


def values(sheet, first_row: int = 3) -> list[tuple]:
    return [tuple(row) for row in sheet.iter_rows(min_row=first_row, values_only=True)]


def as_cells(rows: list[tuple]) -> list[tuple]:
    """A view's rows as openpyxl reads them back: numbers as int or float."""
    return [tuple(v if v is None or isinstance(v, str) else (int(v) if v == int(v) else float(v)) for v in row)
            for row in rows]


@pytest.mark.parametrize(("who", "template"), [(FINAL, "final_accounts"), (JIANGSU, "jiangsu_budget"),
                                               (SHANGHAI, "shanghai_budget")])
def test_a_whole_report_is_its_templates_tables(url, export, tmp_path, who, template):
    path = tmp_path / "report.xlsx"
    export("report", "-d", who[0], "-y", who[1], "-o", str(path))
    book = openpyxl.load_workbook(path)
    own = TEMPLATE_VIEWS[template]
    assert book.sheetnames == [f"表{n}" for n in own]
    rid = report_id(url, who[0])
    with psycopg.connect(url) as conn:
        for number, view in own.items():
            columns = printed_columns(conn, view)
            assert [c.value for c in book[f"表{number}"][2]] == [h for _, h in columns], number
            assert values(book[f"表{number}"]) == as_cells(printed_rows(conn, view, columns, rid)), number
    assert sum(book[name].max_row - 2 for name in book.sheetnames) > 100  # the tables hold their rows


def test_the_tables_as_printed_with_their_titles_and_units(export, tmp_path):
    path = tmp_path / "j1.xlsx"
    export("1", "-d", JIANGSU[0], "-y", JIANGSU[1], "-o", str(path))
    sheet = openpyxl.load_workbook(path)["表1"]
    assert sheet["A1"].value == "公开01表 收支预算总表（江苏）　江苏省高级人民法院　2019年　单位：万元"
    assert [c.value for c in sheet[2]] == ["收入 项目名称", "收入 金额", "支出 功能分类 功能科目名称",
                                          "支出 功能分类 金额", "支出 支出用途 项目名称", "支出 支出用途 金额"]
    assert values(sheet)[0] == ("一、财政拨款", 37188.34, "一、一般公共服务支出", None, "一、基本支出", 21968)
    path = tmp_path / "s3.xlsx"
    export("3", "-d", SHANGHAI[0], "-y", SHANGHAI[1], "-o", str(path))
    sheet = openpyxl.load_workbook(path)["表3"]
    # The printed title already gives the unit (元): it is not said twice.
    assert sheet["A1"].value == "部门支出预算总表（元）　上海市普陀区人民政府万里街道办事处　2025年"
    assert values(sheet)[0][:5] == ("201", None, None, "一般公共服务支出", 3296600)
    path = tmp_path / "s9.xlsx"
    export("9", "-d", SHANGHAI[0], "-y", SHANGHAI[1], "-o", str(path))
    sheet = openpyxl.load_workbook(path)["表9"]
    # this table prints 万元 where the report's others print 元: its title's unit, no other
    assert sheet["A1"].value == "部门“三公”经费和机关运行经费预算表（万元）　上海市普陀区人民政府万里街道办事处　2025年"
    assert values(sheet) == [(37.91, 0, 1.35, 36.56, 15, 21.56, 464.64)]
    path = tmp_path / "f1.xlsx"
    export("1", "-d", FINAL[0], "-y", FINAL[1], "-o", str(path))
    sheet = openpyxl.load_workbook(path)["表1"]
    assert sheet["A1"].value == "收入支出决算总表（万元，决算数）　上海市普陀区财政局　2024年"
    assert 2995.39 in {v for row in values(sheet) for v in row}


def test_a_number_the_template_lacks_is_refused(export, tmp_path):
    result = export("10", "-d", FINAL[0], "-y", FINAL[1], "-o", str(tmp_path / "x.xlsx"), code=1)
    assert "a final_accounts report has no 附表 10: use 1 … 9" in result.output
    result = export("15-1", "-d", JIANGSU[0], "-y", JIANGSU[1], "-o", str(tmp_path / "x.xlsx"), code=1)
    assert "a jiangsu_budget report has no 附表 15-1: use 1 … 12" in result.output
    assert not (tmp_path / "x.xlsx").exists()
