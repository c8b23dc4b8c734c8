"""表15 项目支出绩效目标表: one table per project (表.15-1 … 表.15-N).

Each table has a header (project, unit, amounts, contacts, goals) and indicator rows
(一级指标 / 二级指标 / 指标内容 / 目标值). The conversion shifts cells left and right and
prints merged labels on the wrong row, so cells are read by what they hold, not where they
stand: label cells are recognised by their text and the rest is content, then target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal
from typing import ClassVar

from loaders.errors import ReportError
from loaders.goals import split_goals
from loaders.grid import Row, TableBlock, parse_amount, squeeze
from loaders.targets import parse_target


INPUT, OUTPUT, EFFECT, SATISFACTION = "投入指标", "产出指标", "效益指标", "服务对象满意度指标"
# The template's fixed hierarchy: 二级指标 label (as printed) -> its 一级指标.
LEVEL2_PARENT = {
    "测算明细": INPUT,
    "数量指标": OUTPUT,
    "质量指标": OUTPUT,
    "工作时效": OUTPUT,
    "时效指标": OUTPUT,
    "经济效益指标": EFFECT,
    "社会效益指标": EFFECT,
    "生态效益指标": EFFECT,
    "可持续影响": EFFECT,
    "可持续影响指标": EFFECT,
}
# 一级指标 labels as printed -> the 一级指标 they name. 服务对象满意度指标 has no 二级指标.
LEVEL1_NAMES = {
    INPUT: INPUT,
    OUTPUT: OUTPUT,
    EFFECT: EFFECT,
    SATISFACTION: SATISFACTION,
    "服务对象满意度": SATISFACTION,
    "满意度指标": SATISFACTION,
}
IGNORED_LABELS = ("年度绩效指标",)
_LABELS = sorted([*LEVEL2_PARENT, *LEVEL1_NAMES, *IGNORED_LABELS], key=len, reverse=True)
MEASUREMENT = "测算明细"
FILLER = "无"

_HEADER_LABELS = {
    "project_name": re.compile(r"^项目名称"),
    "project_unit": re.compile(r"^项目单位"),
    "total": re.compile(r"^资金总额(?:[（(]万元[）)])?"),
    "fiscal_appropriation": re.compile(r"^其中[:：]?财政拨款"),
    "other_funds": re.compile(r"^其他资金"),
    "contacts": re.compile(r"^项目联系人"),
    "phones": re.compile(r"^联系电话"),
    "goals": re.compile(r"^项目绩效目标"),
}
_LIST_SEPARATORS = re.compile(r"[、,，;；/\s]+")
_MONEY = re.compile(r"\d\s*万?元")


@dataclass(kw_only=True)
class PerformanceTargetProject:
    """The header of one 表15-N: the project and its amounts and contacts."""

    TABLE: ClassVar[str] = "performance_target_project"
    table_no: str  # "15-12"
    row_no: int  # 12: the table's place among the 表15 tables
    project_name: str
    project_unit: str | None
    total: Decimal | None
    fiscal_appropriation: Decimal | None  # 其中：财政拨款
    other_funds: Decimal | None
    contacts: list[str] = field(default_factory=list)  # 项目联系人: one cell may name two people
    phones: list[str] = field(default_factory=list)  # 联系电话
    goals_text: str | None  # 项目绩效目标 as printed (markup kept)
    source_line: int  # the 表.15-N marker line
    project_no: int | None = None  # set by loaders.project_links
    project_match: str | None = None
    project_match_score: Decimal | None = None


@dataclass(kw_only=True)
class PerformanceGoal:
    """One numbered goal of 项目绩效目标."""

    TABLE: ClassVar[str] = "performance_goal"
    table_no: str
    row_no: int  # goal number in printed order
    label: str | None  # the printed marker, e.g. "目标 1", "1、"
    goal_text: str
    source_line: int


@dataclass  # not kw_only: parse_table makes ~1,300 a report by position (see there)
class PerformanceIndicator:
    """One printed indicator row with its levels and its parsed 目标值."""

    TABLE: ClassVar[str] = "performance_indicator"
    table_no: str
    row_no: int  # printed order within the 表15-N table
    level1: str | None
    level2: str | None  # the 二级指标 label as printed; None under 服务对象满意度指标
    content: str | None  # 指标内容
    target: str | None  # 目标值 as printed
    operator: str | None
    value: Decimal | None
    unit: str | None
    target_kind: str | None
    source_line: int


# -- labels -------------------------------------------------------------------------


@lru_cache(maxsize=16384)  # the same cells on every indicator table
def split_labels(cell: str) -> tuple[str, ...] | None:
    """The labels a cell holds ('可持续影响 服务对象满意度 指标' holds two), or None if it is not a label cell."""
    text = squeeze(cell)
    found: list[str] = []
    while text:
        for label in _LABELS:
            if text.startswith(label):
                found.append(label)
                text = text[len(label):]
                break
        else:
            return None
    return tuple(found) or None


@dataclass(slots=True)  # one per indicator row
class _Line:
    """One indicator row before levels are assigned."""

    row: Row
    labels: tuple[str, ...]
    content: str | None
    target: str | None


@lru_cache(maxsize=16384)
def _label_cell(cell: str) -> tuple[tuple[str, ...], bool] | None:
    """split_labels for _read_line: (the labels kept, whether one is a row's lowest level), or None."""
    found = split_labels(cell)
    if found is None:
        return None
    lowest = any(label in LEVEL2_PARENT or LEVEL1_NAMES.get(label) == SATISFACTION for label in found)
    return tuple(label for label in found if label not in IGNORED_LABELS), lowest


def _read_line(block: TableBlock, row: Row) -> _Line | None:
    """Leading label cells, then content and target; None for a filler row."""
    cells = row.filled
    labels: tuple[str, ...] = ()
    index, count = 0, len(cells)
    while index < count:
        found = _label_cell(cells[index])
        if found is None:
            break
        kept, lowest = found
        labels += kept
        index += 1
        if lowest and count - index <= 2:
            break  # after the row's lowest level, two cells are its content and target, whatever they read
    rest = cells[index:] if index else cells
    if not labels and rest.count(FILLER) == len(rest):
        return None  # the template's filler rows hold only 无
    if len(rest) > 2:
        raise ReportError(f"an indicator row with more than content and target: {rest!r}", where=block.where(row))
    content = rest[0] if rest else None
    target = rest[1] if len(rest) > 1 else None
    return _Line(row, labels, content, target)


@lru_cache(maxsize=4096)  # a report's rows repeat few combinations of labels and levels
def _levels(labels: tuple[str, ...], level1: str | None,
            level2: str | None) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Apply a row's labels to the current levels; labels past the row's own 二级指标 are returned for later rows."""
    seen_level2 = False
    for index, label in enumerate(labels):
        if label in LEVEL2_PARENT:
            if seen_level2 and label != level2:
                return level1, level2, labels[index:]
            level1, level2, seen_level2 = LEVEL2_PARENT[label], label, True
        else:
            name = LEVEL1_NAMES[label]
            if seen_level2 and name != level1:
                return level1, level2, labels[index:]
            if name != level1:
                level2 = None
            level1 = name
    return level1, level2, ()


def _is_measurement_continuation(line: _Line) -> bool:
    """A 测算明细 that runs on: text about money and no target (labels on it are misplaced)."""
    return line.target is None and bool(line.content) and bool(_MONEY.search(line.content))


def _next_labels(lines: list[_Line], start: int) -> tuple[str, ...]:
    for line in lines[start:]:
        if line.labels:
            return line.labels
    return ()


def assign_levels(lines: list[_Line]) -> list[tuple[_Line, str | None, str | None]]:
    """Levels for each row: labels continue downwards; merged-cell labels on the wrong row are moved."""
    result = []
    level1 = level2 = None
    pending: tuple[str, ...] = ()  # labels printed on an earlier row that belong to a later one
    for index, line in enumerate(lines):
        labels = line.labels  # never changed in place: only rebound
        after_measurement = level2 == MEASUREMENT and MEASUREMENT not in labels
        if after_measurement and line.target is None and line.content and (
            not labels or _is_measurement_continuation(line)
        ):
            # 测算明细 runs over several rows; a label on one of them belongs to the row after it.
            pending = labels or pending
            labels = ()
        elif after_measurement and not labels and not pending and line.target is not None:
            # A first output row printed above its own 数量指标 label.
            labels = _next_labels(lines, index + 1)
        elif not labels and pending:
            labels, pending = pending, ()
        elif labels:
            pending = ()
        if labels:  # no labels: the levels continue
            level1, level2, rest = _levels(labels, level1, level2)
            if rest:
                pending = rest
        result.append((line, level1, level2))
    return result


# -- header and goals ---------------------------------------------------------------


def _header_values(block: TableBlock, rows: list[Row]) -> dict[str, tuple[str, Row]]:
    """Label -> (value, row) for the header rows; a value is in the label's cell or the next one."""
    values: dict[str, tuple[str, Row]] = {}
    for row in rows:
        cells = row.filled
        if not cells:
            continue
        index, labelled = 0, False
        while index < len(cells):
            key, inline = _header_cell(cells[index])
            index += 1
            if key is None:
                continue
            labelled = True
            if inline:
                value = inline  # '其他资金 0.00' in one cell
            elif index < len(cells) and _header_cell(cells[index])[0] is None:
                value, index = cells[index], index + 1
            else:
                value = ""
            if key in values:
                raise ReportError(f"{key} is printed twice", where=block.where(row))
            values[key] = (value, row)
        if not labelled:
            raise ReportError(f"a header row without a known label: {cells!r}", where=block.where(row))
    return values


@lru_cache(maxsize=16384)  # the same labels on every table
def _header_cell(cell: str) -> tuple[str | None, str | None]:
    """(the header label's key, the value printed after it in the same cell), or (None, None)."""
    key, match = _header_label(cell)
    if key is None:
        return None, None
    return key, cell.strip()[_prefix_length(cell, match.end()):].strip()


def _header_label(cell: str) -> tuple[str | None, re.Match | None]:
    text = squeeze(cell)
    for key, pattern in _HEADER_LABELS.items():
        match = pattern.match(text)
        if match:
            return key, match
    return None, None


def _prefix_length(cell: str, squeezed_length: int) -> int:
    """Length in the unsqueezed cell of its first `squeezed_length` non-space characters."""
    count = 0
    text = cell.strip()
    for position, char in enumerate(text):
        if count == squeezed_length:
            return position
        if not char.isspace():
            count += 1
    return len(text)


def split_list(text: str) -> list[str]:
    """'魏巍、林晓华' -> ['魏巍', '林晓华']; '84460523, 13823193432' -> two numbers."""
    return [part for part in _LIST_SEPARATORS.split(text) if part]


# -- one table ------------------------------------------------------------------------


def _is_indicator_header(row: Row) -> bool:
    # The row's key holds every cell squeezed: most rows are told by it alone.
    if "一级指标" not in row.key or "二级指标" not in row.key:
        return False
    keys = set(map(squeeze, row.filled))
    return "一级指标" in keys and "二级指标" in keys


def parse_table(block: TableBlock) -> list:
    header, data = block.split_header(_is_indicator_header)
    if not data:
        raise ReportError("no 一级指标/二级指标 header row", where=block.where())
    values = _header_values(block, header)
    if not values.get("project_name", ("", None))[0]:
        raise ReportError("no 项目名称", where=block.where())

    def amount(key: str) -> Decimal | None:
        if key not in values:
            return None
        text, row = values[key]
        return parse_amount(text, where=block.where(row))

    goals_text = values.get("goals", ("", None))[0] or None
    project = PerformanceTargetProject(
        table_no=block.number,
        row_no=block.sub_number,
        project_name=values["project_name"][0],
        project_unit=values.get("project_unit", ("", None))[0] or None,
        total=amount("total"),
        fiscal_appropriation=amount("fiscal_appropriation"),
        other_funds=amount("other_funds"),
        contacts=split_list(values.get("contacts", ("", None))[0]),
        phones=split_list(values.get("phones", ("", None))[0]),
        goals_text=goals_text,
        source_line=block.marker_line,
    )
    records: list = [project]
    if goals_text:
        goal_line = values["goals"][1].line_no
        for number, (label, text) in enumerate(split_goals(goals_text), start=1):
            records.append(PerformanceGoal(
                table_no=block.number, row_no=number, label=label, goal_text=text, source_line=goal_line,
            ))
    # A page break inside the table may print the indicator header or the project's header rows again.
    repeated = {data[0].key, *(row.key for row in header)}
    lines = [line for row in data[1:] if row.key not in repeated and (line := _read_line(block, row)) is not None]
    table_no = block.number
    for row_no, (line, level1, level2) in enumerate(assign_levels(lines), start=1):
        parsed = parse_target(line.target)
        # By position, in field order: a class called with keywords packs them into a dict and
        # unpacks it again, which costs as much as the rest of the row.
        records.append(PerformanceIndicator(
            table_no, row_no, level1, level2, line.content, line.target,
            parsed.operator, parsed.value, parsed.unit, parsed.kind, line.row.line_no,
        ))
    return records


def parse(grid, meta) -> list:
    """The 表15-N tables of a grid in the Shenzhen template (for tests and tools)."""
    return read(grid.tables_numbered(15), None, meta)


def read(blocks, spec, meta) -> list:
    records: list = []
    for block in blocks:
        if block.sub_number is None:
            raise ReportError("表15 must be numbered 表.15-N, one table per project", where=block.where())
        records.extend(parse_table(block))
    return records
