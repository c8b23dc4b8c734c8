"""Links from each 表15 project to the lines of 表13, 表5, 表11 and 表10 that name the same project.

Runs after every table module, over the parsed records. Names differ between tables: full- vs
half-width brackets and punctuation, stray spaces, and real slips of the PDF text (公安特经费 vs
公安特情经费). Matching goes from strict to loose:
  exact       the printed names are equal
  normalized  equal once width, punctuation and spaces are ignored
  via_13      the name printed in the project's 表13 line matches (exactly or normalized)
  similar     the names are close (difflib ratio) and the amounts are equal
表13 lists every project once, so each 表15 project must find its 表13 line; a project that
does not gets an 'unlinked' row, so that it is reported rather than silently missing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from functools import lru_cache
from typing import ClassVar

from loaders.performance_projects import PerformanceProject
from loaders.procurement import ProcurementItem
from loaders.records import of_classes
from loaders.project_expenditure import ProjectExpenditureItem
from loaders.project_performance import PerformanceTargetProject
from loaders.transfer_payment import TransferPaymentRow

EXACT, NORMALIZED, VIA_13, SIMILAR, UNLINKED = "exact", "normalized", "via_13", "similar", "unlinked"
# Close enough to be the same project when the amounts agree too (公安特经费 ~ 公安特情经费 is 0.91).
MIN_SIMILARITY = Decimal("0.6")
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")"})
# The records that may name a project: one isinstance skips the many others (indicators, funding …).
_NAMING = (PerformanceProject, ProjectExpenditureItem, ProcurementItem, TransferPaymentRow)
_OF_PROJECTS = (PerformanceTargetProject, *_NAMING)  # and the 表15 projects themselves


@dataclass(kw_only=True)
class ProjectLink:
    """One 表15 project linked to one line of another table (or reported unlinked).

    Not stored as such: the links become project numbers on the rows (assign_projects).
    """

    TABLE: ClassVar[str | None] = None
    table_no: str  # the 表15-N table of the project, e.g. "15-12"
    linked_table: str  # "13", "5", "11", "10"
    link_no: int  # 1, 2, … per project and linked table (表11 may print a project on two lines)
    linked_row_no: int | None  # row_no of the linked line; None when unlinked
    linked_name: str | None  # the name the linked line prints
    method: str  # exact | normalized | via_13 | similar | unlinked
    score: Decimal | None  # 1 for name matches, the similarity for 'similar'
    project_amount: Decimal | None  # 资金总额 of the 表15 project
    linked_amount: Decimal | None  # 表13 合计 / 表5 总计 / 表11 实际指标 / 表10 项目金额


@dataclass(frozen=True)
class _Line:
    """A line of another table that can be linked: its table, row, printed name and amount."""

    table: str
    row_no: int
    name: str
    amount: Decimal | None


@lru_cache(maxsize=4096)  # called for every pair of names compared
def normalize(name: str) -> str:
    """Width, brackets, punctuation, symbols and spaces ignored: '深财预〔2019〕171号' == '深财预(2019)171号'."""
    text = unicodedata.normalize("NFKC", name).translate(_BRACKETS).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZS")


def _score(ratio: float) -> Decimal:
    return Decimal(str(round(ratio, 3)))


def similar_enough(a: str, b: str) -> Decimal | None:
    """How similar the normalized names are (difflib ratio, 3 decimals), if at least MIN_SIMILARITY.

    Most pairs fall short by the bound their characters alone give (quick_ratio >= ratio),
    without the full comparison.
    """
    matcher = SequenceMatcher(None, normalize(a), normalize(b), autojunk=False)
    if _score(matcher.quick_ratio()) < MIN_SIMILARITY:
        return None
    score = _score(matcher.ratio())
    return score if score >= MIN_SIMILARITY else None


def linkable_lines(records: list) -> dict[str, list[_Line]]:
    """The lines of 表13, 表5 (project rows), 表11 and 表10 (rows naming a project)."""
    lines: dict[str, list[_Line]] = {"13": [], "5": [], "11": [], "10": []}
    for record in records:
        if not isinstance(record, _NAMING):
            continue
        if isinstance(record, PerformanceProject):
            lines["13"].append(_Line("13", record.row_no, record.project_name, record.total))
        elif isinstance(record, ProjectExpenditureItem) and record.row_kind == "project":
            lines["5"].append(_Line("5", record.row_no, record.item_name, record.total))
        elif isinstance(record, ProcurementItem):
            lines["11"].append(_Line("11", record.row_no, record.project_name, record.actual_amount))
        elif isinstance(record, TransferPaymentRow) and record.project_name:
            lines["10"].append(_Line("10", record.row_no, record.project_name, record.amount))
    return lines


def _project_key(phase: str, aliases: dict[str, str]):
    """The key of a project's name (or None) that must equal its line's in this phase."""
    if phase == EXACT:
        return lambda project: project.project_name
    if phase == NORMALIZED:
        return lambda project: normalize(project.project_name)
    return lambda project: normalize(aliases[project.table_no]) if project.table_no in aliases else None


def _by_name(lines: list[_Line], key) -> dict[str, list[_Line]]:
    """Lines by the key of their name, in printed order: one lookup a project."""
    by_name: dict[str, list[_Line]] = {}
    for line in lines:
        by_name.setdefault(key(line.name), []).append(line)
    return by_name


def _match_table(
    projects: list[PerformanceTargetProject], lines: list[_Line], aliases: dict[str, str], *, one_to_one: bool
) -> dict[str, list[tuple[_Line, str, Decimal]]]:
    """table_no -> [(line, method, score)]. Name matches first, then similar names with equal amounts."""
    found: dict[str, list[tuple[_Line, str, Decimal]]] = {p.table_no: [] for p in projects}
    used: set[int] = set()
    normalized = None  # lines by normalized name: made once, when a phase needs them
    for phase in (EXACT, NORMALIZED, VIA_13):
        if all(found.values()):
            return found  # every project has its lines (often by the exact name): nothing left to match
        if phase == EXACT:
            by_name = _by_name(lines, lambda name: name)
        else:
            if normalized is None:
                normalized = _by_name(lines, normalize)
            by_name = normalized
        project_key = _project_key(phase, aliases)
        for project in projects:
            if found[project.table_no]:
                continue
            for line in by_name.get(project_key(project), ()):
                if line.row_no in used:
                    continue
                found[project.table_no].append((line, phase, Decimal(1)))
                used.add(line.row_no)
                if one_to_one:
                    break
    # Similar names: best pairs first, each project and (if one-to-one) each line once.
    by_amount: dict[Decimal, list[_Line]] = {}  # the candidates of a project: lines of its amount
    for line in lines:
        if line.amount is not None:
            by_amount.setdefault(line.amount, []).append(line)
    pairs = []
    for project in projects:
        if found[project.table_no]:
            continue
        for line in by_amount.get(project.total, ()):
            if line.row_no in used:
                continue
            score = similar_enough(project.project_name, line.name)
            if score is not None:
                pairs.append((score, project.row_no, line.row_no, project, line))
    for score, _, _, project, line in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if found[project.table_no] or line.row_no in used:
            continue
        found[project.table_no].append((line, SIMILAR, score))
        used.add(line.row_no)
    return found


def link_projects(records: list) -> list[ProjectLink]:
    """Links of every 表15 project, plus an 'unlinked' row for each project without a 表13 line."""
    records = of_classes(records, _OF_PROJECTS)  # the few hundred of thousands
    projects = [r for r in records if isinstance(r, PerformanceTargetProject)]
    if not projects:
        return []
    lines = linkable_lines(records)
    links: list[ProjectLink] = []
    t13 = _match_table(projects, lines["13"], {}, one_to_one=True)
    aliases = {table_no: found[0][0].name for table_no, found in t13.items() if found}
    by_table = {"13": t13}
    for table in ("5", "11", "10"):
        # 表11 may print one project on several lines; 表5 and 表10 lines name one project each.
        by_table[table] = _match_table(projects, lines[table], aliases, one_to_one=table != "11")
    for project in projects:
        for table, found in by_table.items():
            matches = found[project.table_no]
            if not matches and table == "13" and lines["13"]:
                links.append(ProjectLink(
                    table_no=project.table_no, linked_table=table, link_no=1, linked_row_no=None,
                    linked_name=None, method=UNLINKED, score=None, project_amount=project.total,
                    linked_amount=None,
                ))
            for link_no, (line, method, score) in enumerate(matches, start=1):
                links.append(ProjectLink(
                    table_no=project.table_no, linked_table=table, link_no=link_no, linked_row_no=line.row_no,
                    linked_name=line.name, method=method, score=score, project_amount=project.total,
                    linked_amount=line.amount,
                ))
    return links


def unlinked(links: list[ProjectLink]) -> list[str]:
    """The 表15-N tables whose project has no 表13 line."""
    return [link.table_no for link in links if link.method == UNLINKED]


@dataclass(kw_only=True)
class Project:
    """A project of the report; the rows of 表5, 表10, 表11, 表13 and 表15 naming it reference it."""

    TABLE: ClassVar[str] = "project"
    project_no: int
    name: str  # as first printed: 表15's name, else 表13's, 表5's, 表11's, 表10's
    name_key: str  # normalize(name): the same project across years


def _project_rows(records: list) -> dict[str, dict[int, object]]:
    """{table: {row_no: record}} of the rows that name a project."""
    rows: dict[str, dict[int, object]] = {"13": {}, "5": {}, "11": {}, "10": {}}
    for record in records:
        if not isinstance(record, _NAMING):
            continue
        if isinstance(record, PerformanceProject):
            rows["13"][record.row_no] = record
        elif isinstance(record, ProjectExpenditureItem) and record.row_kind == "project":
            rows["5"][record.row_no] = record
        elif isinstance(record, ProcurementItem):
            rows["11"][record.row_no] = record
        elif isinstance(record, TransferPaymentRow) and record.project_name:
            rows["10"][record.row_no] = record
    return rows


def _printed_name(record) -> str:
    return record.item_name if isinstance(record, ProjectExpenditureItem) else record.project_name


def assign_projects(records: list, links: list[ProjectLink]) -> list[Project]:
    """Projects of the report, and each naming row's project_no and how its name matched.

    A 表15 project N is project N; the rows linked to it share its number. Other rows get a
    project of their own, one per printed name (normalized), numbered after the 表15 ones.
    """
    records = of_classes(records, _OF_PROJECTS)  # the few hundred of thousands
    projects: list[Project] = []
    for record in records:
        if isinstance(record, PerformanceTargetProject):
            record.project_no, record.project_match = record.row_no, "named"
            projects.append(Project(project_no=record.row_no, name=record.project_name,
                                    name_key=normalize(record.project_name)))
    rows = _project_rows(records)
    numbers = {table_no: int(table_no.split("-")[1]) for table_no in {link.table_no for link in links}}
    for link in links:
        if link.linked_row_no is None:
            continue
        row = rows[link.linked_table][link.linked_row_no]
        row.project_no, row.project_match = numbers[link.table_no], link.method
        row.project_match_score = None if link.score == 1 else link.score
    by_key: dict[str, int] = {}
    last_no = max((p.project_no for p in projects), default=0)  # each new project is numbered after it
    for table in ("13", "5", "11", "10"):
        for row in rows[table].values():
            if row.project_no is not None:
                continue
            name = _printed_name(row)
            key = normalize(name)
            if key not in by_key:
                last_no = by_key[key] = last_no + 1
                projects.append(Project(project_no=by_key[key], name=name, name_key=key))
            row.project_no, row.project_match = by_key[key], "named"
    return projects
