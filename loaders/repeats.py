"""Rows that look printed twice but are not.

The grid reader reads a row printed again right after a page break once (grid.py). In the
functional side of 表1/表6 a 款 and its only 项 may share name and amount (20499 / 2049901
其他公共安全支出), and a page break can fall between them: the functional tables print codes, so
they tell. Such a row is put back before its table is read.
"""

from __future__ import annotations

from itertools import pairwise

from loaders.functional_expenditure import FunctionalExpenditure
from loaders.grid import TableBlock


def lines_printed_twice(records: list) -> set[str]:
    """Names of consecutive functional lines (表7 + 表8 + 表9 by code) with equal name and amount."""
    by_code: dict[str, list] = {}
    for r in records:
        if isinstance(r, FunctionalExpenditure) and r.functional_code:
            line = by_code.setdefault(r.functional_code, [r.functional_name, 0])
            line[1] += r.total or 0
    ordered = [by_code[code] for code in sorted(by_code)]
    return {a[0] for a, b in pairwise(ordered) if a == b and a[0]}


def restore_rows_printed_twice(blocks: list[TableBlock], names: set[str]) -> None:
    """Put back the dropped rows whose cells name a line the report prints twice."""
    for block in blocks:
        kept = [row for row in block.dropped if not names.intersection(row.cells)]
        if len(kept) == len(block.dropped):
            continue
        restored = [row for row in block.dropped if row not in kept]
        block.rows = sorted([*block.rows, *restored], key=lambda row: row.line_no)
        lines = {row.line_no for row in restored}
        block.repeats = [(line, first) for line, first in block.repeats if line not in lines]
        block.dropped = kept
