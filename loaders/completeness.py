"""Reports that end early after 表7: which tables are missing, and which one is cut.

The template ends with 表15, one 项目支出绩效目标表 per project that 表13 lists (表15-1 … 表15-N),
and every such table ends with its 服务对象满意度 row. So a report is whole when 表8 … 表15 are
all there, 表15 has a table for each 表13 project, and the last one has its 满意度 row.
Otherwise the last table is taken to be cut (nothing shows that it is whole), it is dropped,
and the report is refused, or, with allow_partial, loaded with `missing_tables` recorded.
Reports cut before 表7 ends are refused by loaders.report.check_template, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.errors import ReportError
from loaders.grid import TABLE_MARKER, squeeze
from loaders.performance_projects import PerformanceProject
from loaders.report import REQUIRED_TABLES, ParsedReport, parse_text

LAST_TABLE = 15
PROJECT_TABLE = "13"  # 部门预算绩效管理项目情况表: one row per project of 表15
_FIRST_LATER = int(REQUIRED_TABLES[-1]) + 1
_SATISFACTION = re.compile(r"^服务对象满意度|满意度指标")


@dataclass(frozen=True)
class Marker:
    number: str  # "12", "15-40"
    line_no: int

    @property
    def main(self) -> int:
        return int(self.number.split("-")[0])

    @property
    def sub(self) -> int | None:
        return int(self.number.split("-")[1]) if "-" in self.number else None


@dataclass(frozen=True)
class Ending:
    """How the text ends: its table markers and the last table if it is cut."""

    markers: tuple[Marker, ...]
    cut: Marker | None  # the last table, when nothing shows that it is printed whole
    last_line: int  # the last non-empty line of the file

    def kept_text(self, text: str) -> str:
        """The text without the cut table (line numbers unchanged: only the end goes)."""
        if self.cut is None:
            return text
        lines = text.split("\n")
        # Keep the marker when the cut table comes straight after 表7, so that the report
        # still shows 表7 was followed by something (check_template refuses a report ending at 表7).
        keep = self.cut.line_no if self.cut.main == _FIRST_LATER else self.cut.line_no - 1
        return "\n".join(lines[:keep])


def scan(text: str) -> Ending:
    lines = text.split("\n")
    markers = []
    for line_no, line in enumerate(lines, start=1):
        if "表" in line:
            match = TABLE_MARKER.match(line)
            if match:
                markers.append(Marker(squeeze(match.group(1)), line_no))
    last_line = next((n for n in range(len(lines), 0, -1) if lines[n - 1].strip()), 0)
    cut = None
    if markers and markers[-1].main > int(REQUIRED_TABLES[-1]):
        last = markers[-1]
        if last.main < LAST_TABLE or (last.sub is not None and not _has_satisfaction_row(lines[last.line_no:])):
            cut = last
    return Ending(tuple(markers), cut, last_line)


def _has_satisfaction_row(lines: list[str]) -> bool:
    return any(_SATISFACTION.search(squeeze(cell)) for line in lines if "满意度" in line for cell in line.split("\t"))


def _project_count(parsed: ParsedReport) -> int | None:
    """How many projects 表13 lists (None if 表13 is not in the report)."""
    if parsed.grid.table(PROJECT_TABLE) is None:
        return None
    return len(parsed.of(PerformanceProject))


def missing_tables(ending: Ending, parsed: ParsedReport) -> list[str]:
    """Tables 8 … 15 (or single 表15-N) that the report lacks, in template order."""
    kept = [m for m in ending.markers if m != ending.cut]
    present = {m.main for m in kept}
    missing = [str(n) for n in range(_FIRST_LATER, LAST_TABLE + 1) if n not in present]
    if LAST_TABLE in present:
        subs = {m.sub for m in kept if m.main == LAST_TABLE and m.sub is not None}
        expected = max([*subs, _project_count(parsed) or 0])
        missing += [f"{LAST_TABLE}-{n}" for n in range(1, expected + 1) if n not in subs]
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
    """parse_text, refusing a report that ends early after 表7 unless allow_partial.

    With allow_partial the cut table is left out and `missing_tables` lists what is missing.
    """
    ending = scan(text)
    parsed = parse_text(ending.kept_text(text), source, sha256=sha256)
    missing = missing_tables(ending, parsed)
    if missing and not allow_partial:
        raise ReportError(_reason(ending, parsed, missing), where=_place(ending, source))
    parsed.missing_tables = missing
    return parsed


def _place(ending: Ending, source: str) -> str:
    last = ending.cut or ending.markers[-1]
    return f"{source}: 表{last.number}, line {ending.last_line}"


def _reason(ending: Ending, parsed: ParsedReport, missing: list[str]) -> str:
    projects = _project_count(parsed)
    listed = f" of the {projects} projects 表13 lists" if projects and any("-" in m for m in missing) else ""
    if ending.cut is not None:
        how = f"the report ends inside 表{ending.cut.number}"
    elif ending.markers[-1].main == LAST_TABLE and any("-" in m for m in missing):
        how = f"the report ends after 表{ending.markers[-1].number}"
    else:
        how = "the report lacks tables"
    return f"{how}; missing {describe(missing)}{listed} (--allow-partial loads the rest)"
