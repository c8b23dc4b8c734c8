"""Tables across page breaks: which table printed at the top of a page continues the one
that ended the page before.

A table continues when nothing but a page number stands between the two (no title, no
unit line: a title band counts as text) and its columns agree with the previous one's
(the same number of cells); whether the new page repeats the header rows does not matter.
The grid reader joins continued rows by itself (it has no page markers to go by); these
fragments say where a page break cut a table, for tests and messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.grid import is_page_number


@dataclass(frozen=True)
class PdfTable:
    """One table as printed on one page."""

    page: int
    index: int  # 1-based on its page
    columns: int  # cells per row
    first_line: int  # 1-based line numbers of its first and last row in the whole text
    last_line: int
    continues: bool  # it continues the table that ended the previous page


def _furniture(text: str) -> bool:
    return not text.strip() or is_page_number(text)


def table_fragments(lines) -> tuple[PdfTable, ...]:
    """The tables of `lines` (loaders.pdf.reader.PdfLine, in order), with their continuations."""
    spans: dict[tuple[int, int], list[int]] = {}
    columns: dict[tuple[int, int], int] = {}
    for line_no, line in enumerate(lines, start=1):
        if line.table is not None:
            spans.setdefault((line.page, line.table), []).append(line_no)
            columns[(line.page, line.table)] = line.text.count("\t") + 1
    fragments: list[PdfTable] = []
    previous: PdfTable | None = None
    for (page, index), line_nos in spans.items():
        first, last = line_nos[0], line_nos[-1]
        # The lines strictly between the previous table's last row and this one's first (0-based slice).
        between = lines[previous.last_line:first - 1] if previous else []
        continues = (previous is not None and previous.page == page - 1 and index == 1
                     and columns[(page, index)] == previous.columns and all(_furniture(l.text) for l in between))
        fragment = PdfTable(page, index, columns[(page, index)], first, last, continues)
        fragments.append(fragment)
        previous = fragment
    return tuple(fragments)
