"""Finding and editing the rows of one 附表 in a report's text (for the mutations)."""

from __future__ import annotations

import re
from collections.abc import Callable

MARKER = re.compile(r"^\s*表\s*\.?\s*(\d+(?:\s*-\s*\d+)?)\s*$")
# Header rows the generator prints for each table (the mutation bases have no page breaks).
HEADER_ROWS = {"1": 2, "2": 4, "3": 2, "4": 3, "5": 3, "6": 2, "7": 1, "8": 1, "9": 1, "10": 1, "11": 1, "12": 2,
               "13": 2, "14": 0}
AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}(?![\d%])|(?<![\d.,])\d+\.\d{2}(?![\d.%])")


def table_span(lines: list[str], number: str) -> tuple[int, int]:
    """[start, end) line indexes of 表number: from its marker to the next marker."""
    start = next(i for i, line in enumerate(lines) if (m := MARKER.match(line)) and m[1].replace(" ", "") == number)
    end = next((i for i in range(start + 1, len(lines)) if MARKER.match(lines[i])), len(lines))
    return start, end


def data_rows(lines: list[str], number: str) -> list[int]:
    """Line indexes of the data rows of 表number (TAB lines after its header rows)."""
    start, end = table_span(lines, number)
    rows = [i for i in range(start, end) if "\t" in lines[i]]
    skip = HEADER_ROWS.get(number.split("-")[0], 5)  # 表15-N: 4 project rows + the indicator header
    return rows[skip:]


def header_rows(lines: list[str], number: str) -> list[str]:
    start, end = table_span(lines, number)
    rows = [lines[i] for i in range(start, end) if "\t" in lines[i]]
    return rows[:HEADER_ROWS.get(number.split("-")[0], 5)]


def edit_row(text: str, number: str, change: Callable[[list[str]], list[str] | None]) -> str | None:
    """The first data row of 表number that `change` accepts (returns new cells for) is changed;
    None if it accepts none (the mutation does not apply to this report)."""
    lines = text.split("\n")
    for index in data_rows(lines, number):
        cells = change(lines[index].split("\t"))
        if cells is not None:
            lines[index] = "\t".join(cells)
            return "\n".join(lines)
    return None


def insert_lines(text: str, number: str, row: int, new: list[str]) -> str | None:
    """New lines before data row `row` of 表number (negative counts from the end)."""
    lines = text.split("\n")
    rows = data_rows(lines, number)
    if not -len(rows) <= row < len(rows):
        return None
    at = rows[row]
    return "\n".join(lines[:at] + new + lines[at:])


def in_tables(text: str, change: Callable[[str], str]) -> str:
    """`change` applied to every TAB line after 表.1 (the narrative keeps its own amounts)."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if MARKER.match(line))
    return "\n".join(line if i < first or "\t" not in line else change(line) for i, line in enumerate(lines))
