"""Sheets of rows written to .xlsx (openpyxl) or .csv, money kept exact.

A Decimal goes into the workbook as the number it is (openpyxl writes its digits) with the format
'#,##0.00' (more decimals where it has them, e.g. 元 converted to 万元); into CSV as printed
('145863.63'), never through float. CSV is UTF-8 with a BOM, so that Excel reads the Chinese.
"""

from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

MONEY_FORMAT = "#,##0.00"
SUFFIXES = (".xlsx", ".csv")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: list[str]
    rows: list[tuple]
    title: str | None = None  # a line above the headers (a 附表's title as printed)


def number_format(value: Decimal) -> str:
    places = -value.as_tuple().exponent if isinstance(value.as_tuple().exponent, int) else 0
    return MONEY_FORMAT if places <= 2 else MONEY_FORMAT + "#" * (places - 2)


def cell_value(value):
    """What a cell holds: lists as printed (、), everything else as it is."""
    if isinstance(value, (list, tuple)):
        return "、".join(map(str, value))
    return value


def text_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "、".join(map(str, value))
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)  # Decimal: its printed digits


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        page = book.create_sheet(_SHEET_NAME_BAD.sub("_", sheet.name)[:31])
        first = 1
        if sheet.title:
            page.cell(row=1, column=1, value=sheet.title).font = Font(bold=True)
            first = 2
        for column, header in enumerate(sheet.headers, start=1):
            cell = page.cell(row=first, column=column, value=header)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            page.column_dimensions[get_column_letter(column)].width = min(max(_width(header) + 2, 10), 40)
        for offset, row in enumerate(sheet.rows, start=1):
            for column, value in enumerate(row, start=1):
                cell = page.cell(row=first + offset, column=column, value=cell_value(value))
                if isinstance(value, Decimal):
                    cell.number_format = number_format(value)
                elif isinstance(value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
        page.freeze_panes = page.cell(row=first + 1, column=1)  # the header stays in view
    book.save(path)


def write_csv(path: Path, sheet: Sheet) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(sheet.headers)
        writer.writerows([text_value(v) for v in row] for row in sheet.rows)


def write(path: Path, sheets: list[Sheet]) -> None:
    """By suffix: .xlsx holds every sheet, .csv exactly one."""
    if path.suffix == ".xlsx":
        write_xlsx(path, sheets)
    elif path.suffix == ".csv":
        if len(sheets) != 1:
            raise ValueError(f"a CSV file holds one table, and this export has {len(sheets)}: write .xlsx")
        write_csv(path, sheets[0])
    else:
        raise ValueError(f"{path.name}: write .xlsx or .csv")
