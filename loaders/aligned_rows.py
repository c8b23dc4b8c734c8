"""Rows of tables exported from Excel: cells found under their printed header, wrapped cells joined.

Such a table has empty spacer columns, a header whose labels sit one column off the data (and
wrap over several lines), rows that lose their spacer columns after a page break, and cells
whose text wraps onto the lines above and below their row. So a cell is never read by its
position alone:

- the header map (template.Header, each Column with a kind: text / code / amount) is found in
  the printed header, label by label in declared order, a label wrapped over lines (in the same
  column or the next) joined;
- each line's filled cells are assigned to the declared columns in order, each to a column of
  its kind, the assignment nearest the printed places chosen: the header's places, or, for a
  line that lost the spacer columns, the header without them. A line whose cells fit no
  assignment is refused, naming its table and line;
- lines that only continue a row (a name's second line, an amount printed on a line of its own,
  the text wrapped above and below a row) are joined to it (`assemble`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.errors import ReportError
from loaders.grid import Row, TableBlock, clean_text, is_amount, squeeze
from loaders.template import Header

_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
# A number a column rule cut in two: '267.8' | '0'.
_CUT_HEAD, _CUT_TAIL = re.compile(r"^\d[\d,]*\.\d$"), re.compile(r"^\d$")
_FAR = 10 ** 6


def fits(kind: str, text: str, value: str | None = None) -> bool:
    if value and not re.fullmatch(value, squeeze(text)):
        return False
    if kind == "amount":
        return is_amount(text)
    if kind == "code":
        return bool(_CODE.match(text)) or not is_amount(text)
    return not is_amount(text) or not text.isascii()


@dataclass
class Line:
    """One printed line of a table: its cells by field."""

    line_no: int
    cells: dict[str, str]
    lines: list[int] = field(default_factory=list)  # every source line joined into it

    def filled(self) -> set[str]:
        return {name for name, text in self.cells.items() if text}


@dataclass(frozen=True)
class _Anchor:
    field: str
    kind: str
    place: int  # column index in the full header
    value: str | None = None


def _chains(header: list[Row]) -> list[tuple[int, int, str, list[tuple[int, int]]]]:
    """(place, row, text, cells used) of each label and of labels wrapped over lines (up to three)."""
    found = []
    for r, row in enumerate(header):
        for c, cell in enumerate(row.cells):
            if not cell:
                continue
            chain, text, col = [(r, c)], squeeze(cell), c
            found.append((c, r, text, list(chain)))
            for below in range(r + 1, min(r + 5, len(header))):
                near = [(abs(k - col), k) for k in (col, col - 1, col + 1)
                        if 0 <= k < len(header[below].cells) and header[below].cells[k]]
                if not near:
                    continue
                _, k = min(near)
                chain.append((below, k))
                text += squeeze(header[below].cells[k])
                found.append((c, r, text, list(chain)))
                col = k
                if len(chain) == 3:
                    break
    return sorted(found, key=lambda f: (f[0], f[1], len(f[3])))


def locate(block: TableBlock, header: list[Row], spec: Header) -> tuple[list[_Anchor], set[tuple[int, int]]]:
    """Each declared column's place in the printed header, in declared order, and the cells read.

    A column declared with an empty label is unlabelled under a merged header cell (收入预算总表's
    sub-labels under 项目名称): it lies between its neighbours.
    """
    chains = _chains(header)
    places: dict[int, int] = {}
    used: set[tuple[int, int]] = set()
    for index, column in enumerate(spec.columns):
        if not column.label:
            continue
        after = max(places.values(), default=-1)
        fitting = [c for c in chains if not used & set(c[3]) and re.fullmatch(column.label, c[2])]
        match = next((c for c in fitting if c[0] > after), fitting[0] if fitting else None)
        if match is None:
            labels = " | ".join(squeeze(c) for row in header for c in row.cells if c)
            raise ReportError(f"no column headed like {column.label!r} (header: {labels!r})",
                              where=block.where(header[0] if header else None))
        used |= set(match[3])
        places[index] = max(match[0], after + 1)
    anchors = []
    for index, column in enumerate(spec.columns):
        if index not in places:
            before = places.get(index - 1, -1)
            after = places.get(index + 1, before + 2)
            places[index] = max(before + 1, (before + after) // 2)
        anchors.append(_Anchor(column.field, column.kind, places[index], column.value))
    return anchors, used


def _cells(row: Row) -> list[tuple[int, str]]:
    """(place, text) of the filled cells, a number cut by a column rule joined again."""
    cells: list[tuple[int, str]] = []
    for place, text in enumerate(row.cells):
        if not text:
            continue
        if cells and cells[-1][0] == place - 1 and _CUT_HEAD.match(cells[-1][1]) and _CUT_TAIL.match(text):
            cells[-1] = (cells[-1][0], cells[-1][1] + text)
            continue
        cells.append((place, text))
    return cells


def _distance(place: int, k: int, places: list[int]) -> int:
    """How far a cell is from column k's span (the places after the previous column's, up to its own)."""
    low = places[k - 1] + 1 if k else 0
    high = places[k]
    return 0 if low <= place <= high else min(abs(place - low), abs(place - high))


def _assign(cells: list[tuple[int, str]], anchors: list[_Anchor], places: list[int]) -> tuple[int, list[int]] | None:
    """Columns for the cells, in order and of their kind, nearest their places (dynamic programming)."""
    m, n = len(cells), len(anchors)
    # cost[i][k]: the least cost of placing the first i cells in the first k columns
    cost = [[0] * (n + 1)] + [[_FAR] * (n + 1) for _ in range(m)]
    took = [[False] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        place, text = cells[i - 1]
        for k in range(1, n + 1):
            cost[i][k] = cost[i][k - 1]
            if cost[i - 1][k - 1] < _FAR and fits(anchors[k - 1].kind, text, anchors[k - 1].value):
                taken = cost[i - 1][k - 1] + _distance(place, k - 1, places)
                if taken <= cost[i][k]:
                    cost[i][k], took[i][k] = taken, True
    if m and cost[m][n] >= _FAR:
        return None
    columns, i, k = [], m, n
    while i:
        if took[i][k]:
            columns.append(k - 1)
            i -= 1
        k -= 1
    return cost[m][n], columns[::-1]


def read_line(block: TableBlock, row: Row, anchors: list[_Anchor], untabbed: bool = False) -> Line:
    """The cells of one printed line by field; refused if they fit the header's columns in no way."""
    cells = _cells(row)
    full = [a.place for a in anchors]
    frames = [list(range(len(anchors)))] if untabbed else [full, list(range(len(anchors)))]
    if untabbed:  # places unknown: the words are taken as the last columns' (amounts print last)
        cells = [(len(anchors) - len(cells) + i, text) for i, (_, text) in enumerate(cells)]
    results = [r for r in (_assign(cells, anchors, places) for places in frames) if r]
    if not results:
        printed = " | ".join(text for _, text in cells)
        raise ReportError(f"the row does not fit the table's columns ({' / '.join(a.field for a in anchors)}): "
                          f"{printed!r}", where=block.where(row))
    _, columns = min(results, key=lambda r: r[0])
    values = {a.field: "" for a in anchors}
    for (_, text), k in zip(cells, columns):
        values[anchors[k].field] = text
    return Line(row.line_no, values, [row.line_no])


def _join(into: Line, part: Line, where: str) -> None:
    for name, text in part.cells.items():
        if not text:
            continue
        current = into.cells[name]
        if current and (is_amount(current) or is_amount(text)):
            raise ReportError(f"two amounts for one cell ({current!r}, {text!r}) where a row wraps", where=where)
        into.cells[name] = clean_text(f"{current} {text}") if current else text
    into.lines.append(part.line_no)


def assemble(block: TableBlock, lines: list[Line], starts_row, amount_fields: set[str]) -> list[Line]:
    """Printed lines -> rows: a line that does not start a row (`starts_row(line)` false) continues one.

    A row whose cell wraps above and below it (Excel centres the row's other cells on the middle
    line) is three lines: text only, the row, text only in the same columns as the first.
    """
    rows: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        has_amount = bool(line.filled() & amount_fields)
        if i + 2 < len(lines) and not has_amount:
            middle, below = lines[i + 1], lines[i + 2]
            if (not below.filled() & amount_fields and not starts_row(below) and below.filled() <= line.filled()
                    and not middle.filled() & line.filled() and middle.filled()):
                _join(line, below, block.where())
                _join(middle, line, block.where())
                middle.line_no, middle.lines = line.line_no, sorted(middle.lines)
                rows.append(middle)
                i += 3
                continue
        if rows and not starts_row(line) and not (line.filled() & rows[-1].filled() & amount_fields):
            _join(rows[-1], line, block.where())
        elif not rows and not starts_row(line) and i + 1 < len(lines) and not (line.filled() & lines[i + 1].filled()):
            _join(lines[i + 1], line, block.where())  # an amount printed above its row's label
            lines[i + 1].line_no = line.line_no
        else:
            rows.append(line)
        i += 1
    return rows


def aligned_rows(block: TableBlock, spec: Header, is_data, starts_row) -> list[Line]:
    """The table's rows by field: header located, every line assigned, wrapped lines joined."""
    from loaders.templates.jiangsu.blocks import UntabbedRow

    index = next((i for i, row in enumerate(block.rows) if is_data(row)), len(block.rows))
    header, data = block.rows[:index], block.rows[index:]
    try:
        anchors, _ = locate(block, header, spec)
    except ReportError:
        if not data:
            raise
        # A header label wrapped onto the first data line ('采购组织形' / '式'): read with it.
        anchors, used = locate(block, [*header, data[0]], spec)
        data[0] = Row(data[0].line_no, tuple("" if (len(header), i) in used else c
                                             for i, c in enumerate(data[0].cells)))
    amount_fields = {a.field for a in anchors if a.kind == "amount"}
    data = _join_untabbed_wraps(data, UntabbedRow)
    lines = [read_line(block, row, anchors, isinstance(row, UntabbedRow)) for row in data]
    return assemble(block, [line for line in lines if line.filled()], starts_row, amount_fields)


def _join_untabbed_wraps(rows: list[Row], untabbed: type) -> list[Row]:
    """A borderless row whose first cell wraps above and below it ('计算机设备维修和保' /
    '分散自行组织 2.00' / '养服务') is one row, the wrapped text its first cell."""
    joined: list[Row] = []
    i = 0
    while i < len(rows):
        if i + 2 < len(rows) and all(isinstance(r, untabbed) for r in rows[i:i + 3]):
            above, row, below = rows[i:i + 3]
            if (len(above.cells) == len(below.cells) == 1 and not is_amount(above.cells[0])
                    and not is_amount(below.cells[0]) and any(is_amount(c) for c in row.cells)):
                text = clean_text(f"{above.cells[0]} {below.cells[0]}")
                joined.append(untabbed(above.line_no, (text, *row.cells)))
                i += 3
                continue
        joined.append(rows[i])
        i += 1
    return joined
