"""Column positions from printed headers, and rows that a page break cut in two.

Used by the 表10-表13 modules: they find their columns by the header labels (so a report that
adds or drops an empty spacer column still reads right) and join the halves of a row that the
conversion printed on both sides of a page break.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders.errors import ReportError
from loaders.grid import Row, TableBlock, clean_text, squeeze
from loaders.template import Header


def column_map(block: TableBlock, header: list[Row], labels: dict[str, str]) -> dict[str, int]:
    """{field: column index} for fields whose header label matches a regex in `labels`.

    A header spread over several rows gives each column its lowest printed label (a merged
    cell such as 公务用车购置及运行维护费 over 小计 / 购置费 / 运行维护费 yields to the sub-labels).
    """
    printed = _printed_labels(header)
    found: dict[str, int] = {}
    for field, pattern in labels.items():
        matches = [i for i, label in enumerate(printed) if label and re.search(pattern, label)]
        if not matches:
            raise ReportError(
                f"no column headed like {pattern!r} (header: {' | '.join(p for p in printed if p)!r})",
                where=block.where(header[0] if header else None),
            )
        found[field] = matches[0]
    return found


def check_no_extra_cells(block: TableBlock, row: Row, columns: dict[str, int]) -> None:
    """A value printed in a column the header does not name is a layout we do not know."""
    known = set(columns.values())
    extra = [cell for index, cell in enumerate(row.cells) if cell and index not in known]
    if extra:
        raise ReportError(f"cells outside the table's columns: {extra!r}", where=block.where(row))


def _join(first: Row, second: Row) -> Row:
    width = max(len(first.cells), len(second.cells))
    # The cut is a line wrap: clean_text drops the gap between CJK characters, keeps others.
    cells = tuple(clean_text(f"{first.cell(i)} {second.cell(i)}") for i in range(width))
    return Row(first.line_no, cells)


def join_page_split_rows(block: TableBlock, rows: list[Row], is_complete: Callable[[Row], bool]) -> list[Row]:
    """Join a row that a page break cut into two printed lines.

    Rows inside a page are on consecutive lines; a page break leaves blank lines between two
    rows. A line that is not a complete row (`is_complete` false, e.g. it has no amounts) is
    joined, cell by cell, with the row on the other side of the page break next to it.
    """
    joined: list[Row] = []
    last_line: list[int] = []  # the last source line of each joined row
    pending: Row | None = None  # an incomplete part before a page break
    pending_last = 0
    for row in rows:
        after_break = bool(joined or pending) and row.line_no > (pending_last if pending else last_line[-1]) + 1
        if pending is not None:
            if not after_break:
                raise ReportError("an incomplete row (no amounts) inside a page", where=block.where(pending))
            joined.append(_join(pending, row))
            last_line.append(row.line_no)
            pending = None
            continue
        if is_complete(row):
            joined.append(row)
            last_line.append(row.line_no)
        elif joined and after_break and is_complete(joined[-1]):
            joined[-1] = _join(joined[-1], row)
            last_line[-1] = row.line_no
        else:
            pending, pending_last = row, row.line_no
    if pending is not None:
        raise ReportError("an incomplete row (no amounts) at the end of the table", where=block.where(pending))
    return joined


def labelled_rows(block: TableBlock, labels: dict[str, str], *, is_data: Callable[[Row], bool],
                  amount_fields: tuple[str, ...]):
    """Data rows of a table whose columns are found by their header labels.

    Yields (row_no, row, {field: cell}); rows a page break cut in two are joined first (a row
    is complete once one of `amount_fields` is filled), and cells outside the columns are refused.
    """
    header, data = block.split_header(is_data)
    columns = column_map(block, header, labels)
    amount_cells = [columns[field] for field in amount_fields]
    rows = join_page_split_rows(block, data, lambda row: any(row.cell(i) for i in amount_cells))
    for row_no, row in enumerate(rows, start=1):
        check_no_extra_cells(block, row, columns)
        yield row_no, row, {field: row.cell(index) for field, index in columns.items()}



def _printed_labels(header: list[Row]) -> list[str]:
    """Each column's lowest printed label (merged cells above yield to their sub-labels)."""
    width = max((len(row.cells) for row in header), default=0)
    printed = ["" for _ in range(width)]
    for row in header:
        for index, cell in enumerate(row.cells):
            if cell:
                printed[index] = squeeze(cell)
    return printed


def _header_text(header: list[Row]) -> str:
    return " | ".join(squeeze(c) for row in header for c in row.cells if c)


def locate_columns(block: TableBlock, header: list[Row], spec: Header) -> dict[str, int]:
    """{field: column index} from the printed header, as the template's header map declares.

    A header that lacks a declared label, or (when verified as a whole) prints a label the map
    does not know, is another layout: refused, never read by position alone.
    """
    where = block.where(header[0] if header else None)
    if spec.by_position:
        printed = _printed_labels(header)
        found: dict[str, int] = {}
        for column in spec.columns:
            taken = set(found.values())
            index = next((i for i, label in enumerate(printed)
                          if i not in taken and label and re.fullmatch(column.label, label)), None)
            if index is None:
                raise ReportError(f"no column headed like {column.label!r} (header: {_header_text(header)!r})",
                                  where=where)
            found[column.field] = index
        return found
    expected = [c.label for c in spec.columns] + list(spec.groups)
    for label in (squeeze(c) for row in header for c in row.cells if c):
        match = next((i for i, pattern in enumerate(expected) if pattern and re.fullmatch(pattern, label)), None)
        if match is None:
            raise ReportError(f"the header prints a column this template does not have: {label!r}", where=where)
        expected[match] = ""
    missing = [label for label in expected if label]
    if missing:
        raise ReportError(f"the header lacks the columns {' / '.join(missing)!r} (header: {_header_text(header)!r})",
                          where=where)
    return {column.field: index for index, column in enumerate(spec.columns)}


def header_cells(block: TableBlock, row: Row, columns: dict[str, int], width: int = 0) -> dict[str, str]:
    """A data row's cells by field; a value outside the header's columns is refused.

    A row shorter than the header (`width` cells) that still ends in an empty cell lost a cell
    inside it, not its trailing TABs: which value moved where cannot be told, so it is refused.
    """
    check_no_extra_cells(block, row, columns)
    if width and len(row.cells) < width and row.cells and not row.cells[-1]:
        raise ReportError(f"the row has {len(row.cells)} cells, the header {width}: a cell is missing inside "
                          "the row (its values would land in the wrong columns)", where=block.where(row))
    return {field: row.cell(index) for field, index in columns.items()}
