"""A report's rows grouped by table in the order they are written, and encoded for COPY.

The encoding runs where the report is parsed (budget_db.parsing: in the worker processes), so that
the writing process gets one block of COPY text a table instead of thousands of record objects
to unpickle and format one row at a time (issue 15: about 10 ms a report in the one process
that writes). The rows are formatted by psycopg's own COPY formatter, as Copy.write_row would
format them; the report_id, known only when the report row is inserted, is put in front of
each row then (with_report_id).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from psycopg._copy_base import format_row_text  # what Copy.write_row formats a row with
from psycopg.adapt import Transformer

from loaders.records import columns, is_shared, row_getter

# Tables other rows point to, in the order they are written before the rest: their keys are
# checked at the end of each statement (alembic 0015), so a parent's COPY comes first.
PARENTS_FIRST = ("report_table", "project", "performance_target_project")


def parent_rank(table: str | None) -> int:
    """Where a table is written among a report's: its place in PARENTS_FIRST, else after them."""
    return PARENTS_FIRST.index(table) if table in PARENTS_FIRST else len(PARENTS_FIRST)


def _write_order(record_class: type) -> tuple[bool, int]:
    return not is_shared(record_class), parent_rank(record_class.TABLE)


@dataclass(frozen=True)
class TableRows:
    """One table's rows of a report. A shared code list keeps its rows (INSERT … ON CONFLICT,
    first seen first); a fact table has its rows as COPY text, without the report_id."""

    table: str
    names: tuple[str, ...]  # the columns (a fact table's after report_id)
    shared: bool
    count: int
    rows: tuple[tuple, ...] = ()
    copy_text: bytes = b""


def encode(records: list) -> tuple[TableRows, ...]:
    """Shared code lists first (parents before children), then each fact table, the tables other
    rows point to first; records of no table (e.g. ProjectLink, in memory only) are left out."""
    by_class: dict[type, list] = defaultdict(list)
    for record in records:
        by_class[type(record)].append(record)
    tables = []
    for record_class in sorted(by_class, key=_write_order):
        if record_class.TABLE is None:
            continue
        items, names, row_of = by_class[record_class], tuple(columns(record_class)), row_getter(record_class)
        if is_shared(record_class):
            rows = tuple(dict.fromkeys(map(row_of, sorted(items, key=record_class.insert_order))))
            tables.append(TableRows(record_class.TABLE, names, True, len(rows), rows=rows))
        else:
            tables.append(TableRows(record_class.TABLE, names, False, len(items),
                                    copy_text=copy_text(map(row_of, items))))
    return tuple(tables)


def copy_text(rows) -> bytes:
    """Rows in COPY's text format, one line each, as psycopg formats them for a UTF-8 connection."""
    transformer, text = Transformer(), bytearray()
    for row in rows:
        format_row_text(row, transformer, text)
    return bytes(text)


def with_report_id(text: bytes, report_id: int) -> bytes:
    """Each line of COPY text with the report_id as its first column (a line ends at every raw
    newline: one inside a value is written as the two characters \\n)."""
    if not text:
        return text
    prefix = b"%d\t" % report_id
    return prefix + text[:-1].replace(b"\n", b"\n" + prefix) + b"\n"
