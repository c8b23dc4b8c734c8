"""Reports that end early after the core tables: which tables are missing, and which one is cut.

From the blocks the grid reader found (one pass over the text). The last table of a report is
whole when it prints the row its kind prints last (the template's `end`: e.g. 表15-N's
服务对象满意度 row, 表14's 其他说明的问题); otherwise nothing shows that it is whole: it is taken
to be cut and dropped. A report is complete when every declared table is there, and one
project table for each project its project list (表13) names — none when it names none, so a
report without 绩效 projects that ends at 表14 is complete. An incomplete report is refused,
or, with allow_partial, loaded with `missing_tables` recorded. Reports cut inside the core
tables are refused by loaders.report.check_template.
"""

from __future__ import annotations

import hashlib

from loaders.errors import ReportError
from loaders.grid import ReportGrid, TableBlock
from loaders.performance_projects import PerformanceProject
from loaders.report import ParsedReport, detect, is_whole, parse_grid
from loaders.template import Template


def cut_table(grid: ReportGrid, template: Template) -> TableBlock | None:
    last = grid.tables[-1] if grid.tables else None
    if last is None or template.totals_first or last.number.split("-")[0] in template.core or is_whole(last, template):
        return None
    return last


def missing_tables(grid: ReportGrid, template: Template, projects: int | None) -> list[str]:
    """Declared tables (or single 表15-N) that the report lacks, in template order."""
    present: dict[str, set[int]] = {}
    for block in grid.tables:
        spec = template.spec_for(block)
        present.setdefault(spec.id if spec else block.number.split("-")[0], set()).add(block.sub_number or 0)
    missing = []
    for spec in template.tables:
        if spec.id in template.project_tables and projects == 0 and spec.id not in present:
            continue  # the project list names no project: no project tables to print
        if spec.id not in present:
            missing.append(spec.id)
        elif spec.repeated:
            expected = max([*present[spec.id], projects or 0])
            missing += [f"{spec.id}-{n}" for n in range(1, expected + 1) if n not in present[spec.id]]
    return missing


def describe(missing: list[str]) -> str:
    """['12', '13', '14', '15'] -> '表12 … 表15'; runs of numbers shortened."""
    runs: list[list[str]] = []
    for number in missing:
        if runs and _follows(runs[-1][-1], number):
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"表{r[0]}" if len(r) == 1 else f"表{r[0]} … 表{r[-1]}" for r in runs)


def _follows(previous: str, number: str) -> bool:
    a, b = previous.split("-"), number.split("-")
    if len(a) != len(b):
        return False
    return a[:-1] == b[:-1] and int(b[-1]) == int(a[-1]) + 1


def parse_complete(text: str, source: str, *, sha256: str, allow_partial: bool = False) -> ParsedReport:
    """parse_text, refusing a report that ends early after the core tables unless allow_partial.

    With allow_partial the cut table is left out and `missing_tables` lists what is missing.
    """
    template, grid = detect(text, source)
    last_block = grid.tables[-1] if grid.tables else None
    cut = cut_table(grid, template)
    if cut is not None:
        grid.tables.remove(cut)
    parsed = parse_grid(grid, template, source, sha256 or hashlib.sha256(text.encode()).hexdigest(), last_block)
    projects = len(parsed.of(PerformanceProject)) if grid.table(template.project_list or "") else None
    missing = missing_tables(grid, template, projects)
    if missing and not allow_partial:
        raise ReportError(_reason(cut, last_block, template, projects, missing),
                          where=f"{source}: 表{last_block.number}, line {grid.last_line}")
    parsed.missing_tables = missing
    return parsed


def _reason(cut: TableBlock | None, last: TableBlock, template: Template, projects: int | None,
            missing: list[str]) -> str:
    per_project = any("-" in m for m in missing)
    listed = f" of the {projects} projects 表{template.project_list} lists" if projects and per_project else ""
    if cut is not None:
        how = f"the report ends inside 表{cut.number}"
    elif last.sub_number is not None and per_project:
        how = f"the report ends after 表{last.number}"
    else:
        how = "the report lacks tables"
    return f"{how}; missing {describe(missing)}{listed} (--allow-partial loads the rest)"
