"""The 部门决算's title and narrative.

The title is printed over lines: the department, 年度部门决算, and the year on that line or the
next (the conversion moves it). The blank template the reports are filled from names its
department 上海市XX局: it is refused as such, not loaded as a department.
"""

from __future__ import annotations

import re

from loaders.errors import ReportError
from loaders.grid import clean_text, squeeze
from loaders.narrative import section_record, split_sections
from loaders.report import ReportMeta

_YEAR = re.compile(r"(?:19|20)\d{2}")
_BLANK = re.compile(r"XX|ＸＸ|××", re.IGNORECASE)


def read_meta(grid, template) -> ReportMeta:
    lines = grid.narrative[:4]
    kind_at = next((i for i, line in enumerate(lines) if template.title.match(line.text)), None)
    if not kind_at:
        raise ReportError("no title such as '<部门>' / '2024 年度部门决算' at the top", where=grid.source)
    department = clean_text(lines[kind_at - 1].text)
    if _BLANK.search(squeeze(department)):
        raise ReportError(f"a blank template ({squeeze(department)}), not a department's final accounts",
                          where=grid.source)
    year = next((m[0] for line in lines[kind_at:kind_at + 2] for m in [_YEAR.search(line.text)] if m), None)
    if year is None:
        raise ReportError("the title prints no year", where=grid.source)
    title = " ".join(line.text for line in lines[kind_at - 1:kind_at + 2] if _YEAR.fullmatch(line.text.strip())
                     or line is lines[kind_at - 1] or line is lines[kind_at])
    return ReportMeta(
        department=department, title=title, title_line=lines[kind_at - 1].line_no, fiscal_year=int(year),
        scope=None, kind="部门决算", unit=grid.tables[0].unit or "万元", region=template.region,
        template=template.id,
    )


def read_narrative(grid, meta) -> list:
    """The sections (第一部分 … 第四部分, 一、…) as text: the conversion split the figures of the
    sentences onto lines of their own, so no figure is read from them."""
    return [section_record(row_no, s.section, s.heading, s.heading_line, s.lines)
            for row_no, s in enumerate(split_sections(grid.narrative), start=1)]
