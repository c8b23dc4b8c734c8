"""A whole report: recognise the template, read the title, run every table module."""

from __future__ import annotations

import hashlib
import importlib
import re
from dataclasses import dataclass, field

from loaders.errors import ReportError
from loaders.grid import ReportGrid, read_grid, squeeze
from loaders.project_links import link_projects

PARSER_VERSION = "1.0"

# Each module has TABLES (the 附表 numbers it reads, e.g. ("1", "6")) and
# parse(grid, meta) -> list of records. A module with TABLES = () always runs.
TABLE_MODULES = (
    "loaders.two_sided_summary",
    "loaders.income_expenditure",
    "loaders.basic_expenditure",
    "loaders.project_expenditure",
    "loaders.functional_expenditure",
    "loaders.transfer_payment",
    "loaders.procurement",
    "loaders.three_public_expenses",
    "loaders.performance_projects",
    "loaders.department_performance",
    "loaders.narrative",
    "loaders.project_performance",
)

# Template of the reference sample: 表.N number -> printed title (whitespace ignored).
EXPECTED_TITLES = {
    "1": "收支预算总表",
    "2": "收入预算表",
    "3": "支出预算表",
    "4": "基本支出预算表",
    "5": "项目支出预算表",
    "6": "财政拨款收支预算总表",
    "7": "一般公共预算支出情况表",
}
REQUIRED_TABLES = tuple(EXPECTED_TITLES)
LATER_TABLES = tuple(str(n) for n in range(8, 16))

TITLE = re.compile(
    r"^\s*(?P<year>(?:19|20)\d{2})\s*年\s*(?P<department>[^（(]+?)\s*"
    r"(?:[（(]\s*(?P<scope>[^）)]+?)\s*[）)])?\s*(?P<kind>部门预算|部门决算)\s*$"
)


@dataclass
class ReportMeta:
    department: str  # the unit name as the tables print it (单位名称)
    title: str
    title_line: int
    fiscal_year: int
    scope: str | None  # e.g. 本级
    kind: str = "部门预算"
    unit: str = "万元"


@dataclass
class ParsedReport:
    source: str
    sha256: str
    meta: ReportMeta
    grid: ReportGrid
    records: list = field(default_factory=list)
    missing_tables: list[str] = field(default_factory=list)

    def of(self, record_class: type) -> list:
        return [r for r in self.records if isinstance(r, record_class)]


def read_meta(grid: ReportGrid) -> ReportMeta:
    for line in grid.narrative[:10]:
        match = TITLE.match(line.text)
        if match:
            break
    else:
        raise ReportError("no title such as '2020年<单位>（本级）部门预算' at the top", where=grid.source)
    first = grid.table("1")
    unit_name = first.unit_name if first and first.unit_name else squeeze(match["department"])
    return ReportMeta(
        department=unit_name,
        title=line.text,
        title_line=line.line_no,
        fiscal_year=int(match["year"]),
        scope=match["scope"],
        kind=match["kind"],
        unit=(first.unit if first and first.unit else "万元"),
    )


def check_template(grid: ReportGrid) -> None:
    """Refuse text that is not this template, naming what is missing."""
    if not grid.tables:
        raise ReportError(
            "not a budget report in the supported template: no '表.1 收支预算总表' table marker found",
            where=grid.source,
        )
    for number, title in EXPECTED_TITLES.items():
        block = grid.table(number)
        if block is None:
            raise ReportError(f"表{number} {title} is missing (the report is cut off or in another template)",
                              where=grid.source)
        if squeeze(block.title) != title:
            raise ReportError(f"表{number} is titled {block.title!r}, expected {title!r} (another template?)",
                              where=block.where())
        if not block.rows:
            raise ReportError(f"表{number} {title} has no rows (the report is cut off?)", where=block.where())
    last = grid.tables[-1]
    if last.main_number <= int(REQUIRED_TABLES[-1]):
        # Nothing follows: the last required table may have lost rows.
        raise ReportError(f"the report ends inside 表{last.number} {last.title} (cut off?)", where=grid.source)


def parse_text(text: str, source: str, *, sha256: str | None = None) -> ParsedReport:
    grid = read_grid(text, source)
    check_template(grid)
    meta = read_meta(grid)
    report = ParsedReport(
        source=source,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        meta=meta,
        grid=grid,
    )
    found = {block.number.split("-")[0] for block in grid.tables}
    report.missing_tables = [n for n in LATER_TABLES if n not in found]
    for module_name in TABLE_MODULES:
        module = importlib.import_module(module_name)
        if module.TABLES and not any(n in found for n in module.TABLES):
            continue
        report.records.extend(module.parse(grid, meta))
    # Cross-table step: 表15 projects linked to their 表13 / 表5 / 表11 / 表10 lines.
    report.records.extend(link_projects(report.records))
    return report
