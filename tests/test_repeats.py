"""A row printed again right after a page break: a repeat (read once, reported), unless the
functional tables show the report prints that line twice (a 款 and its only 项)."""

from __future__ import annotations

from loaders.report import RepeatedRow, parse_text
from loaders.two_sided_summary import TwoSidedSummaryLine
from tests.conftest import SAMPLE
from tests.generator import textops
from tests.generator.space import CLASSES, reports


def _generated(class_name: str, name: str):
    index = next(i for i, c in enumerate(CLASSES) if c.name == class_name)
    return dict(reports(CLASSES[index], index))[name]


def test_a_line_printed_twice_across_a_page_break_is_read_twice():
    # 表6 prints 20499 and 2049901 其他公共安全支出 4,123.92 on both sides of a page break.
    report = _generated("several units, no 合计", "c03_005")
    parsed = parse_text(report.text, "c03_005.txt")
    lines = [r for r in parsed.records if isinstance(r, TwoSidedSummaryLine) and r.table_no == "6"
             and r.side == "expenditure" and r.label == "其他公共安全支出"]
    assert [str(line.amount) for line in lines] == ["4123.92", "4123.92"]
    assert [r for r in parsed.records if isinstance(r, RepeatedRow)] == []


def test_a_row_repeated_after_a_page_break_is_read_once_and_reported():
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("基本工资\t"))
    furniture = ["", "单位名称：深圳市公安局罗湖分局", "", "单位：万元", "", *textops.header_rows(lines, "4")]
    text = "\n".join(lines[:at + 1] + furniture + [lines[at]] + lines[at + 1:])
    parsed = parse_text(text, "repeated.txt")
    repeated = [(r.table_no, r.source_line, r.first_line) for r in parsed.records if isinstance(r, RepeatedRow)]
    assert repeated == [("4", at + 2 + len(furniture), at + 1)]
    wages = [r for r in parsed.records if getattr(r, "item_name", None) == "基本工资"]
    assert [str(r.total) for r in wages] == ["37332.02"]
