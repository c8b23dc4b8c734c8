"""Summaries read side by side (收入 | 功能分类 | 支出用途), and those of one side only.

A Jiangsu 收支预算总表 prints three sides: income, expenditure by function and by use; its
财政拨款收支预算总表 two (income, use). Each printed cell pair becomes a TwoSidedSummaryLine of
its side (income / function / use). 收入预算总表 is the income side alone, a group label beside
the sub-label (一般公共预算资金 | 小计); 支出预算总表 one row of the use side's amounts.
"""

from __future__ import annotations

import re

from loaders.aligned_rows import aligned_rows
from loaders.grid import is_amount, parse_amount, squeeze
from loaders.two_sided_summary import TwoSidedSummaryLine

# A summary row starts with an ordinal (一、 1. （一）) or is a total; other text continues a row.
_ROW_START = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|（[一二三四五六七八九十]+）|"
                        r"(?:当年|本年|上年)?(?:收入|支出)(?:合计|小计|总计)|上年结转\S*|结转下年\S*|合计|总计)")


def _has_amount(row) -> bool:
    return any(is_amount(c) for c in row.cells)


def _labels_start(line) -> bool:
    return any(_ROW_START.match(squeeze(text)) for name, text in line.cells.items()
               if text and name.endswith("label"))


def _is_data(row) -> bool:
    return _has_amount(row) or any(re.match(r"^一、", squeeze(c)) for c in row.cells)


def _line(block, side: str, row_no: int, line, label: str | None, amount: str, group: str | None = None):
    return TwoSidedSummaryLine(
        table_no=block.number, row_no=row_no, side=side, label=label or None,
        amount=parse_amount(amount, where=f"{block.where()}, line {line.line_no}"), source_line=line.line_no,
        label_group=group or None,
    )


def read(block, spec, meta) -> list[TwoSidedSummaryLine]:
    sides = [c.field.removesuffix("_label") for c in spec.header.columns if c.field.endswith("_label")]
    records = []
    rows = aligned_rows(block, spec.header, _is_data, _labels_start)
    for row_no, line in enumerate(rows, start=1):
        for side in sides:
            label, amount = line.cells[f"{side}_label"], line.cells[f"{side}_amount"]
            if label or amount:
                records.append(_line(block, side, row_no, line, label, amount))
    return records


def _income_row_start(line) -> bool:
    return bool(line.cells["label_group"] or line.cells["label"])


def read_income(block, spec, meta) -> list[TwoSidedSummaryLine]:
    is_data = lambda row: _has_amount(row) or any(squeeze(c) == "收入总计" for c in row.cells)
    return [_line(block, "income", row_no, line, line.cells["label"], line.cells["amount"], line.cells["label_group"])
            for row_no, line in enumerate(aligned_rows(block, spec.header, is_data, _income_row_start), start=1)]


def read_expenditure(block, spec, meta) -> list[TwoSidedSummaryLine]:
    """The one row of amounts, a line per column (its printed header as the label)."""
    rows = aligned_rows(block, spec.header, _has_amount, lambda line: True)
    records = []
    for line in rows:
        for column_no, column in enumerate(spec.header.columns, start=1):
            records.append(_line(block, "use", column_no, line, column.label, line.cells[column.field]))
    return records
