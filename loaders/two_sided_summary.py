"""Two-sided summaries (表1 收支预算总表, 表6 财政拨款收支预算总表): income and expenditure side by side."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.common import has_amount, located_rows
from loaders.funding import funding_records
from loaders.grid import Row, clean_text, parse_amount

SIDES = ("income", "expenditure")  # Jiangsu's summaries print the sides function and use instead


@dataclass
class TwoSidedSummaryLine:
    TABLE: ClassVar[str] = "two_sided_summary_line"
    table_no: str
    row_no: int
    side: str  # income | expenditure
    label: str | None
    amount: Decimal | None
    source_line: int
    label_group: str | None = None  # the merged label beside it (收入预算总表: 一般公共预算资金 | 小计)


def read(block, spec, meta) -> list[TwoSidedSummaryLine]:
    records = []
    for row_no, row, cell in located_rows(block, spec, has_amount, names_wrap=False):
        for side in SIDES:
            label, amount = cell[f"{side}_label"], cell[f"{side}_amount"]
            if label or amount:
                records.append(TwoSidedSummaryLine(
                    table_no=block.number, row_no=row_no, side=side, label=label or None,
                    amount=parse_amount(amount, where=block.where(row)), source_line=row.line_no,
                ))
    return records


# -- 财政拨款收支总表 with the expenditure side by fund, and labels wrapped onto lines of their own --


_NUMERAL = re.compile(r"^([一二三四五六七八九十]+)、")
_DIGITS = {d: i for i, d in enumerate("一二三四五六七八九", start=1)}


def _numeral(label: str | None) -> int | None:
    """'十四、资源勘探…' -> 14 (the printed item number), None without one."""
    match = _NUMERAL.match(label or "")
    if not match:
        return None
    text = match[1]
    tens, _, ones = text.rpartition("十") if "十" in text else ("", "", text)
    return (_DIGITS.get(tens, 1) * 10 if "十" in text else 0) + _DIGITS.get(ones, 0)


def _place_wrapped_labels(block, label_columns: dict[str, int]) -> list[Row]:
    """A label the conversion printed over lines without TAB ('十四、资源勘探工业信息等' / '支出') is one
    row of that label, on the side whose numbering it continues."""
    rows: list[Row] = []
    last = {side: None for side in SIDES}
    pending: list[Row] = []

    def flush():
        if not pending:
            return
        label = clean_text("".join(r.cells[0] for r in pending))
        number = _numeral(label)
        side = next((s for s in SIDES if number and last[s] is not None and number == last[s] + 1), "income")
        cells = [""] * (max(label_columns.values()) + 1)
        cells[label_columns[f"{side}_label"]] = label
        rows.append(Row(pending[0].line_no, tuple(cells)))
        last[side] = number
        pending.clear()

    for row in block.rows:
        if len(row.cells) == 1 and not has_amount(row):
            pending.append(row)
            continue
        flush()
        rows.append(row)
        for side in SIDES:
            index = label_columns[f"{side}_label"]
            last[side] = _numeral(row.cell(index)) or last[side]
    flush()
    return rows


def read_by_fund(block, spec, meta) -> list:
    """Like read, plus the columns by fund (`funding:` fields) of the row as funding rows."""
    columns = {c.field: i for i, c in enumerate(spec.header.columns)}
    labels = {field: columns[field] for field in ("income_label", "expenditure_label")}
    block = dataclasses.replace(block, rows=_place_wrapped_labels(block, labels))
    records: list = read(block, spec, meta)
    for row_no, row, cell in located_rows(block, spec, has_amount, names_wrap=False):
        records.extend(funding_records(block, row, row_no, cell))
    return records
