"""Helpers that several table modules share."""

from __future__ import annotations

from decimal import Decimal

from loaders.errors import ReportError
from loaders.grid import Row, TableBlock, clean_text, is_amount, parse_amount, split_rows
from loaders.table_layout import header_cells, locate_columns


def has_amount(row: Row) -> bool:
    return any(map(is_amount, row.cells))


def amounts(block: TableBlock, row: Row, start: int, count: int) -> list[Decimal | None]:
    """`count` amount cells from `start`; cells past them must be empty."""
    extra = [c for c in row.cells[start + count:] if c]
    if extra:
        raise ReportError(f"more cells than the table has columns: {extra!r}", where=block.where(row))
    return [parse_amount(row.cell(start + i), where=block.where(row)) for i in range(count)]


def unit_rows(block: TableBlock) -> list[Row]:
    """The data rows of a table whose rows start with a name and print amounts (表2–表5)."""
    _, data = block.split_header(lambda row: bool(row.cell(0)) and has_amount(row))
    return data


def _join_wrapped_names(rows: list[Row]) -> list[Row]:
    """A name printed on a line of its own, then the rest of its row on the next line, is one row.

    (表2's unit name above its amounts, or a name cut in two: '深圳市公安局' / '罗湖分局⇥145,863.63'.)
    """
    joined: list[Row] = []
    for row in rows:
        previous = joined[-1] if joined else None
        if (previous is not None and len(previous.cells) == 1 and not has_amount(previous)
                and row.line_no == previous.line_no + 1 and has_amount(row)):
            name = clean_text(f"{previous.cells[0]} {row.cell(0)}")
            joined[-1] = Row(previous.line_no, (name, *row.cells[1:]))
            continue
        joined.append(row)
    return joined


def located_rows(block: TableBlock, spec, is_data=None, *, names_wrap: bool = True):
    """(row_no, row, {field: cell}) of a table whose columns the template's header map locates.

    names_wrap: rows print amounts, so a line with only a name is the start of the next row.
    """
    rows = _join_wrapped_names(block.rows) if names_wrap else block.rows
    header, data = split_rows(rows, is_data or (lambda row: bool(row.cell(0)) and has_amount(row)))
    columns = locate_columns(block, header, spec.header)
    width = max(len(row.cells) for row in header) if header else 0
    for row_no, row in enumerate(data, start=1):
        yield row_no, row, header_cells(block, row, columns, width)


def require_block(grid, number: str) -> TableBlock:
    block = grid.table(number)
    if block is None:
        raise ReportError(f"表{number} is missing", where=grid.source)
    return block
