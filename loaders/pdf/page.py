"""One PDF page -> the lines the text path reads: a line per table row, text lines in reading order.

The rules reproduce, line for line, the pdfplumber conversion that made the text reports in
shared/reports/other-layouts (measured on all 20 of its PDFs):
- tables are pdfplumber's default (ruled) table finder; a row becomes its cells joined by TAB,
  empty cells kept in place, line breaks inside a cell removed; rows whose cells are all empty
  (the blank rows of a printed form) are left out;
- a table whose first row is a single cell holding several lines, with rows below it, is a
  title band (the title and 部门/单位 lines printed inside the table's frame): its own lines
  become text lines, not a row;
- text in no cell becomes text lines; lines and tables follow each other by their top edge,
  a table counting from the top of its frame (so text printed inside a frame but in no cell,
  such as a corner label 公开03表, follows the table);
- a page without text gives one empty line.
"""

from __future__ import annotations

from dataclasses import dataclass

# A table is keyed by its frame's top, a text line by its own: at the same height the table comes first.
_TABLE, _TEXT = 0, 1


@dataclass(frozen=True)
class PageLine:
    text: str
    table: int | None  # the table's 1-based index on the page; None for a text line
    row: int | None  # the table row, 1-based, counting every row the table finder saw


def _centre_in(obj: dict, box: tuple) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _not_in(cells: list[tuple]):
    """A page.filter test: keeps everything but the characters inside one of `cells`.

    Cells are grouped by their top edge first: a character is compared with the cells of
    the rows at its height only (pages of a few hundred cells and thousands of characters).
    """
    rows: dict[tuple[float, float], list[tuple]] = {}
    for cell in cells:
        rows.setdefault((cell[1], cell[3]), []).append(cell)

    def keep(obj: dict) -> bool:
        if obj["object_type"] != "char":
            return True
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(top <= y <= bottom and any(_centre_in(obj, cell) for cell in row)
                       for (top, bottom), row in rows.items())
    return keep


def _text_lines(page) -> list[tuple[float, str]]:
    return [(line["top"], line["text"]) for line in page.extract_text_lines()]


def _cell_text(text: str | None) -> str:
    # A TAB separates cells in the text path: one inside a cell's text would split it.
    return (text or "").replace("\n", "").replace("\t", " ")


def _table_lines(page, table, number: int) -> tuple[list[PageLine], list[tuple]]:
    """The lines of one table, and the boxes of the cells its rows keep (their text is read)."""
    rows = [(index, row, texts) for index, (row, texts) in enumerate(zip(table.rows, table.extract()), start=1)
            if any(texts)]
    lines: list[PageLine] = []
    cells = [cell for _, row, _ in rows for cell in row.cells if cell]
    if len(rows) > 1:
        _, first, texts = rows[0]
        filled = [text for text in texts if text]
        if len(filled) == 1 and "\n" in filled[0]:
            band = next(cell for cell, text in zip(first.cells, texts) if text)
            others = [cell for cell in cells if cell is not band]
            # The band's frame may enclose the whole table: its own text is what no other cell holds.
            inside = page.crop(band, strict=False).filter(_not_in(others))
            lines += [PageLine(text, None, None) for _, text in _text_lines(inside)]
            rows = rows[1:]
    lines += [PageLine("\t".join(map(_cell_text, texts)), number, index) for index, _, texts in rows]
    return lines, cells


def page_lines(page) -> list[PageLine]:
    """The lines of one page (pdfplumber page, duplicate glyphs already removed) in reading order."""
    if not page.chars:
        return [PageLine("", None, None)]
    items: list[tuple[float, int, list[PageLine]]] = []
    read_cells: list[tuple] = []
    for number, table in enumerate(sorted(page.find_tables(), key=lambda t: (t.bbox[1], t.bbox[0])), start=1):
        lines, cells = _table_lines(page, table, number)
        items.append((table.bbox[1], _TABLE, lines))
        read_cells += cells
    for top, text in _text_lines(page.filter(_not_in(read_cells))):
        items.append((top, _TEXT, [PageLine(text, None, None)]))
    items.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, lines in items for line in lines]
