"""Input that is not a report in our template is refused with one line, and nothing is written."""

from pathlib import Path

import pytest

from budget_db.batch import load_file
from loaders.templates import by_id
from tests.conftest import OTHER_LAYOUTS, SAMPLE


def _counts(db):
    return db.execute(
        "SELECT (SELECT count(*) FROM budget.report), (SELECT count(*) FROM budget.department), "
        "(SELECT count(*) FROM budget.functional_expenditure)"
    ).fetchone()


def _cut(lines_kept: int, tmp_path: Path) -> Path:
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(SAMPLE.read_text(encoding="utf-8").split("\n")[:lines_kept]), encoding="utf-8")
    return path


BAD_INPUTS = {
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b"\n\n   \n", "the file is empty"),
    "binary.txt": (bytes(range(256)) * 4, "the file is binary"),
    "page.html": ("<!DOCTYPE html><html><body>2020年预算</body></html>".encode(), "HTML"),
    "notes.txt": ("今天的会议纪要\n预算问题\n".encode(), "no '表.1 收支预算总表'"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_refused(database_url, db, tmp_path, name):
    data, reason = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    before = _counts(db)
    result = load_file(database_url, path)
    assert result.outcome == "refused"
    assert reason in result.message and str(path) in result.message
    assert "\n" not in result.message
    assert _counts(db) == before


def test_the_shared_reports_are_there():
    """The tests of real reports need ../shared beside the checkout (as CI has it): say so, never skip."""
    assert len(list(OTHER_LAYOUTS.glob("*.txt"))) == 20, f"no shared reports at {OTHER_LAYOUTS}"


@pytest.mark.parametrize("path", sorted(OTHER_LAYOUTS.glob("*.txt")),
                         ids=lambda p: p.name)
def test_other_templates_refused(database_url, db, path, monkeypatch):
    """With only the Shenzhen template registered, the real reports of the others are refused in one line."""
    monkeypatch.setattr("loaders.templates._REGISTRY", [by_id("shenzhen_budget")])
    before = _counts(db)
    result = load_file(database_url, path)
    assert result.outcome == "refused"
    assert result.message == (f"{path}: not a budget report in a supported template (shenzhen_budget): "
                              "no '表.1 收支预算总表' table marker or other first table found")
    assert _counts(db) == before


def test_report_cut_off_inside_table_7_refused(database_url, db, tmp_path):
    path = _cut(455, tmp_path)  # 表7 starts on line 433 and ends on line 468
    before = _counts(db)
    result = load_file(database_url, path)
    assert result.outcome == "refused"
    assert result.message == f"{path}: the report ends inside 表7 一般公共预算支出情况表 (cut off?)"
    assert _counts(db) == before


def test_report_cut_before_table_7_refused(database_url, db, tmp_path):
    path = _cut(430, tmp_path)  # inside 表6
    before = _counts(db)
    result = load_file(database_url, path)
    assert result.outcome == "refused"
    assert result.message == f"{path}: 表7 一般公共预算支出情况表 is missing (the report is cut off or in another template)"
    assert _counts(db) == before


def test_bad_amount_names_file_table_and_line(database_url, db, tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    lines[447] = lines[447].replace("12,971.69", "12,97I.69", 1)  # line 448 is 2040219 信息化建设
    path = tmp_path / "typo.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    before = _counts(db)
    result = load_file(database_url, path)
    assert result.outcome == "refused"
    assert result.message == f"{path}: 表7, line 448: not an amount: '12,97I.69'"
    assert _counts(db) == before
