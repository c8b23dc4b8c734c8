"""What a template declares: its page furniture, its title, and its tables as data.

A template is a declaration plus readers of existing table kinds (loaders/<kind>.py): each
table names its printed id (or title), its kind, which budget it covers, and its header map.
The registry (loaders.templates) detects the template of a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_SPACES = re.compile(r"\s+")  # compiled once: spec_for runs for every table, several times a report


@dataclass(frozen=True)
class Column:
    """One column of a table: the record field it fills and the label its header prints.

    `label` is a regular expression that must match the whole printed label (whitespace removed).
    """

    field: str
    label: str
    kind: str = "text"  # text | code | amount: what a cell of it may hold (tables read by aligned_rows)
    value: str | None = None  # a regex every value of it matches (whitespace removed), where its values are few


@dataclass(frozen=True)
class Header:
    """How a table's printed header maps to columns.

    by_position: each column is where its label is printed (the n-th column of a label printed
    n times gets its n-th place). Otherwise the header is verified as a whole — every printed
    label is a column's or one of `groups` (merged cells above them), each exactly as often as
    declared — and the columns follow in declared order (headers whose merged cells the
    conversion shifts: the labels are right, their positions are not).
    """

    columns: tuple[Column, ...]
    groups: tuple[str, ...] = ()
    by_position: bool = True

    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns)


@dataclass(frozen=True)
class TableSpec:
    id: str  # the printed number ("7", "15" for 表15-1 … 表15-N)
    title: str  # the printed title, whitespace ignored
    kind: str  # a code of budget.table_kind
    reader: str  # "module:function" reading (blocks, spec, meta) -> records
    fund: str | None = None  # 一般公共预算 / 政府性基金 / 国有资本经营 / 财政拨款 / 全部资金
    header: Header | None = None
    repeated: bool = False  # printed once per project (表15-1 … 表15-N)
    end: str | None = None  # a row label (regex, whitespace removed) that only a whole table prints last
    # Tables known by their title (no printed number, or one that is not theirs): a regex that
    # must match the whole title, whitespace removed.
    title_pattern: str | None = None


def titled_table(title: str, kind: str, reader: str, fund: str, header: Header, **options) -> TableSpec:
    """A table headed by its title only: the title is its id (reader: "module:function" in loaders)."""
    return TableSpec(id=title, title=title, kind=kind, reader=f"loaders.{reader}", fund=fund, header=header,
                     **options)


@dataclass(frozen=True)
class Layout:
    """Page furniture: table markers, the unit-name and unit lines."""

    marker: re.Pattern  # group 1: the table's printed id
    unit_name: re.Pattern  # group 1: the unit's name
    unit: re.Pattern  # group 1: the money unit
    unit_name_and_unit: re.Pattern | None = None  # both on one line: groups name, unit
    # Tables headed by their title only (Shanghai): the marker is the title line, group 1 the
    # title without the year; it is the table's id and title (whitespace and quote marks
    # removed: conversions move the quotes of “三公” onto a line of their own).
    title_marker: bool = False
    # A line after which the text is narrative again (a report that explains its tables after them).
    narrative_resumes: re.Pattern | None = None
    note: re.Pattern | None = None  # a note printed under a table (注：本表为空表): kept, not a row


@dataclass(frozen=True)
class Template:
    id: str  # stored on budget.report.template
    name: str
    region: str
    kinds: tuple[str, ...]  # report kinds it covers (部门预算, …)
    layout: Layout
    title: re.Pattern  # the report's title line: groups year, department, scope, kind
    tables: tuple[TableSpec, ...]
    core: tuple[str, ...]  # tables every report prints; a report cut before they end is refused
    narrative_reader: str | None = None
    # Tables of the projects under performance management: none when the project list is empty.
    project_tables: tuple[str, ...] = ()
    project_list: str | None = None  # the table listing those projects
    grid_reader: str | None = None  # "module:function" (text, source) -> ReportGrid; default loaders.grid
    # "module:function" (grid, template) -> ReportMeta, for a title the `title` pattern cannot
    # match on one line (the 决算's name, kind and year on three lines); None: the title line.
    meta_reader: str | None = None
    # Its tables print their totals first (合计 on top): a cut table shows in the rules (its rows
    # fall short of its 合计), so the last table is not taken to be cut for want of an end row.
    totals_first: bool = False

    # spec and spec_for run for every table, several times a report: their lookups are made once.
    @cached_property
    def _by_id(self) -> dict[str, TableSpec]:
        by_id: dict[str, TableSpec] = {}
        for table in self.tables:
            by_id.setdefault(table.id, table)  # the first declared, as a search would find
        return by_id

    @cached_property
    def _by_title(self) -> tuple[tuple[re.Pattern, TableSpec], ...]:
        return tuple((re.compile(t.title_pattern), t) for t in self.tables if t.title_pattern)

    def spec(self, table_id: str) -> TableSpec | None:
        return self._by_id.get(table_id.split("-")[0])

    def spec_for(self, block) -> TableSpec | None:
        """The declared table a printed block is: by its title where the template says so, else its id."""
        if self._by_title:
            title = _SPACES.sub("", block.title or "")
            for pattern, table in self._by_title:
                if pattern.fullmatch(title):
                    return table
        return self.spec(block.number)
