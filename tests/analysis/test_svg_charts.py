"""The SVG charts: bars in proportion to exact amounts, labels as text (escaped), no float."""

from __future__ import annotations

import re
from decimal import Decimal

from budget_db.svg_charts import BAR_WIDTH, Series, bar_chart, grouped_bar_chart


def widths(svg: str) -> list[str]:
    return re.findall(r'<rect x="\d+" y="[\d.]+" width="([\d.]+)" height', svg)


def test_bars_are_in_proportion_and_labelled():
    svg = bar_chart("支出", [("公共安全支出", Decimal("121423.64")), ("住房保障支出", Decimal("11485.89")),
                            ("未印刷", None)])
    assert svg.startswith("<svg") and "<title>支出（万元）</title>" in svg
    assert widths(svg) == [f"{BAR_WIDTH}.0", "34.1", "0.0"]  # 11,485.89 / 121,423.64 × 360
    assert "121,423.64" in svg and "11,485.89" in svg and "—" in svg and "公共安全支出" in svg


def test_two_years_side_by_side_with_a_legend():
    svg = grouped_bar_chart("三公", ["公务接待费", "公务用车"], [
        Series("2019年", (Decimal("10.29"), Decimal("5493.73"))), Series("2020年", (Decimal("10.29"), Decimal("1685.00")))])
    assert "2019年" in svg and "2020年" in svg
    assert widths(svg)[-4:] == ["0.7", "0.7", "360.0", "110.4"]


def test_labels_are_text_not_markup():
    svg = bar_chart("<b>", [("<script>alert(1)</script>", Decimal("1.00"))])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
