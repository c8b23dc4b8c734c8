"""Tables whose classification code is printed over several columns (类 | 款 | 项: 201⇥05⇥07).

The Shanghai budget and the national 部门决算 print them so; the common model keeps one code
(2010507). Shared here: the header rows (also where a page break repeats them), the 合计 row
(its label may span the code and name cells, so it prints fewer cells), a header row that the
conversion printed on one line with the 合计 row (类⇥款⇥项⇥合计⇥2,946.25…), and the code itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.common import has_amount
from loaders.errors import ReportError
from loaders.grid import Row, TableBlock, is_amount, squeeze
from loaders.table_layout import check_no_extra_cells, locate_columns

CODE_PARTS = ("code_class", "code_section", "code_item")  # the 类, 款, 项 columns
# A 款 or 项 printed with one digit lost its leading zero in the publisher's spreadsheet (301⇥2⇥津贴补贴).
_PART = {"code_class": re.compile(r"^\d{3}(\d{2}){0,2}$"), "code_section": re.compile(r"^\d{1,2}$"),
         "code_item": re.compile(r"^\d{1,2}$")}
_LEVEL_LABELS = ("类", "款", "项")
TOTAL = re.compile(r"^(合计|总计|.+经费合计)$")


def _split_merged_total(row: Row) -> list[Row]:
    """类⇥款⇥项⇥合计⇥amounts… is the header's last row and the 合计 row on one line."""
    levels = [c for c in row.cells[:3] if c]
    if levels and all(c in _LEVEL_LABELS for c in levels) and has_amount(row):
        width = len(levels)
        return [Row(row.line_no, row.cells[:width]), Row(row.line_no, ("",) * width + row.cells[width:])]
    return [row]


def _is_data(row: Row) -> bool:
    first = next((c for c in row.cells if c), "")
    return bool(_PART["code_class"].match(first)) or bool(TOTAL.match(squeeze(first)))


def code_of(block: TableBlock, row: Row, cell: dict[str, str], parts=CODE_PARTS) -> str | None:
    """'201' '05' '07' -> '2010507'; None on a total row. A code part out of place is refused."""
    printed = [cell.get(p, "") for p in parts]
    if not any(printed):
        return None
    for part, text in zip(parts, printed):
        if text and not _PART[part].match(text):
            raise ReportError(f"not a code in the {part.removeprefix('code_')} column: {text!r}",
                              where=block.where(row))
    if "".join(printed[1:]) and not printed[0]:
        raise ReportError("a 款/项 code without its 类", where=block.where(row))
    return printed[0] + "".join(text.zfill(2) for text in printed[1:] if text)


def total_label(cell: dict[str, str], label_fields: tuple[str, ...]) -> str | None:
    """The 合计 / 人员经费合计 label of a total row, wherever its merged cell put it."""
    for field in label_fields:
        if TOTAL.match(squeeze(cell.get(field, ""))):
            return cell[field]
    return None


def coded_rows(block: TableBlock, spec) -> Iterator[tuple[int, Row, dict[str, str]]]:
    """(row_no, row, {field: cell}) of the data rows, columns located from the printed header.

    Header rows a page break printed again are dropped. A total row printed shorter than the
    header (its label over the code and name cells) is read as its label and then the amount
    columns in order; any other row that does not fit the header is refused.
    """
    rows = [part for row in block.rows for part in _split_merged_total(row)]
    start = next((i for i, row in enumerate(rows) if _is_data(row)), len(rows))
    header, data = rows[:start], rows[start:]
    columns = locate_columns(block, header, spec.header)
    width = max((len(row.cells) for row in header), default=0)
    header_keys = {row.key for row in header}
    amount_fields = [f for f in spec.header.fields() if f.split(":")[-1] not in CODE_PARTS and not f.endswith("name")]
    row_no = 0
    for row in data:
        if row.key in header_keys:
            continue  # the header again, after a page break
        row_no += 1
        yield row_no, row, _cells(block, row, columns, width, amount_fields)


def _cells(block: TableBlock, row: Row, columns: dict[str, int], width: int, amount_fields: list[str]):
    if len(row.cells) < width and row.cells and TOTAL.match(squeeze(row.cells[0])) and all(
            not c or is_amount(c) for c in row.cells[1:]):
        amounts = [f for f in amount_fields if f in columns]
        if len(row.cells) - 1 > len(amounts):
            raise ReportError(f"the total row has {len(row.cells) - 1} amounts, the header {len(amounts)} "
                              "amount columns", where=block.where(row))
        cell = {field: "" for field in columns}
        cell[next(f for f in columns if f.endswith("name"))] = row.cells[0]
        cell.update(zip(amounts, row.cells[1:]))
        return cell
    check_no_extra_cells(block, row, columns)
    return {field: row.cell(index) for field, index in columns.items()}
