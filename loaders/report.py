"""A whole report: detect its template, read the title, run the reader of each declared table."""

from __future__ import annotations

import hashlib
import importlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

from loaders.errors import ReportError
from loaders.grid import ReportGrid, TableBlock, read_grid, squeeze
from loaders.project_links import assign_projects, link_projects
from loaders.records import of_classes
from loaders.repeats import lines_printed_twice, restore_rows_printed_twice
from loaders.template import TableSpec, Template


@lru_cache(maxsize=1)
def parser_version(root: Path = Path(__file__).resolve().parent) -> str:
    """Derived from the parsers' own source: a changed parser reads the same files again."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return f"2.{digest.hexdigest()[:12]}"


PARSER_VERSION = parser_version()


@dataclass
class ReportMeta:
    department: str  # the unit name as the tables print it (单位名称)
    title: str
    title_line: int
    fiscal_year: int
    scope: str | None  # e.g. 本级, 部门
    kind: str = "部门预算"
    unit: str = "万元"
    region: str = ""
    template: str = ""

    @property
    def report_key(self) -> str:
        """Stable across versions: the same region, department, year, kind and scope."""
        identity = (self.region, self.department, str(self.fiscal_year), self.kind, self.scope or "")
        return hashlib.sha256("|".join(identity).encode()).hexdigest()[:16]


@dataclass(kw_only=True)
class ReportTable:
    """One printed table of the report: its id as printed, kind, fund and unit."""

    TABLE = "report_table"
    table_no: str
    ordinal: int
    kind: str
    title: str
    fund: str | None
    unit: str
    source_line: int | None
    source_page: int | None = None
    note: str | None = None  # what the table prints under it (注：本表为空表)


@dataclass(kw_only=True)
class RepeatedRow:
    """A printed row that repeats the row before it (across a page break, or printed twice): read once."""

    TABLE = "repeated_row"
    table_no: str
    source_line: int
    first_line: int  # the line it repeats


@dataclass
class ParsedReport:
    source: str
    sha256: str
    meta: ReportMeta
    grid: ReportGrid
    records: list = field(default_factory=list)
    missing_tables: list[str] = field(default_factory=list)
    template: Template | None = None
    links: list = field(default_factory=list)  # how project names matched (in memory: the rows keep project_no)
    # Where each line is printed, for PDF input (loaders.pdf.PdfLine per line; empty for text).
    line_sources: tuple = ()
    # The sha256 of each document read, where there are two (a narrative, then its tables);
    # empty for one file, whose sha256 is the report's.
    documents: tuple[str, ...] = ()

    def of(self, record_class: type) -> list:
        return of_classes(chain(self.records, self.links), record_class)


def _reader(name: str):
    module, function = name.split(":")
    return getattr(importlib.import_module(module), function)


def detect(text_or_grid, source: str) -> tuple[Template, ReportGrid]:
    """The first registered template whose first declared table is there, and the grid it reads."""
    from loaders.templates import templates

    for template in templates():
        grid = template_grid(text_or_grid, source, template)
        first = template.tables[0]
        if any(template.spec_for(block) is first and (first.title_pattern or squeeze(block.title) == first.title)
               for block in grid.tables):
            return template, grid
    grid = read_grid(text_or_grid, source)
    if grid.tables:
        return templates()[0], grid  # check_template says what does not fit
    from loaders.joined import is_narrative_only

    if isinstance(text_or_grid, str) and is_narrative_only(text_or_grid, source, templates()):
        raise ReportError("a narrative (文件) without its tables: load it in one batch with the tables document "
                          "of its year and department", where=source)
    known = ", ".join(t.id for t in templates())
    raise ReportError(
        f"not a budget report in a supported template ({known}): no '表.1 收支预算总表' table marker "
        "or other first table found", where=source,
    )


def template_grid(text: str, source: str, template: Template) -> ReportGrid:
    """The text cut into narrative and tables as the template's page furniture says."""
    if template.grid_reader:
        return _reader(template.grid_reader)(text, source)
    return read_grid(text, source, template.layout)


def read_meta(grid: ReportGrid, template: Template) -> ReportMeta:
    if template.meta_reader:
        return _reader(template.meta_reader)(grid, template)
    for line in grid.narrative[:10]:
        match = template.title.match(line.text)
        if match:
            break
    else:
        raise ReportError("no title such as '2020年<单位>（本级）部门预算' at the top", where=grid.source)
    first = grid.tables[0]
    unit_name = first.unit_name if first.unit_name else squeeze(match["department"])
    return ReportMeta(
        department=unit_name, title=line.text, title_line=line.line_no, fiscal_year=int(match["year"]),
        scope=match["scope"], kind=match["kind"], unit=first.unit or "万元", region=template.region,
        template=template.id,
    )


def is_whole(block: TableBlock, template: Template) -> bool:
    """The table prints the row its kind prints last (TableSpec.end): nothing was cut off it."""
    spec = template.spec_for(block)
    if spec is None or spec.end is None:
        return False
    return any(re.search(spec.end, squeeze(cell)) for row in block.rows for cell in row.cells if cell)


def check_template(grid: ReportGrid, template: Template, last: TableBlock | None = None) -> None:
    """Refuse text that is not this template, naming what is missing.

    `last`: the last table the text prints (a cut one is no longer in the grid).
    """
    for spec in template.tables:
        if spec.id not in template.core:
            continue
        block = next((b for b in grid.tables if template.spec_for(b) is spec), None)
        if block is None:
            raise ReportError(f"表{spec.id} {spec.title} is missing (the report is cut off or in another template)",
                              where=grid.source)
        if not spec.title_pattern and squeeze(block.title) != spec.title:
            raise ReportError(f"表{spec.id} is titled {block.title!r}, expected {spec.title!r} (another template?)",
                              where=block.where())
        if not block.rows:
            raise ReportError(f"表{spec.id} {spec.title} has no rows (the report is cut off?)", where=block.where())
    last = last or grid.tables[-1]
    if template.totals_first:
        return
    if last.number.split("-")[0] in template.core and not is_whole(last, template):
        # Nothing follows: the last core table may have lost rows.
        raise ReportError(f"the report ends inside 表{last.number} {last.title} (cut off?)", where=grid.source)


def _blocks_by_spec(grid: ReportGrid, template: Template) -> list[tuple[TableSpec, list[TableBlock]]]:
    found: dict[str, list[TableBlock]] = {}
    for block in grid.tables:
        spec = template.spec_for(block)
        if spec is None:
            raise ReportError(f"表{block.number} is not a table of the {template.name} template", where=block.where())
        found.setdefault(spec.id, []).append(block)
    return [(spec, found[spec.id]) for spec in template.tables if spec.id in found]


def read_tables(grid: ReportGrid, template: Template, meta: ReportMeta) -> list:
    records: list = []
    ordinal = 0
    by_spec = list(_blocks_by_spec(grid, template))
    summaries = [block for spec, blocks in by_spec if spec.kind == "two_sided_summary" for block in blocks]
    if any(block.dropped for block in summaries):  # rare: read the functional tables first to tell
        functional = [record for spec, blocks in by_spec if spec.kind == "functional_expenditure"
                      for block in blocks for record in _reader(spec.reader)(block, spec, meta)]
        restore_rows_printed_twice(summaries, lines_printed_twice(functional))
    for spec, blocks in by_spec:
        for block in blocks:
            ordinal += 1
            records.append(ReportTable(
                table_no=block.number, ordinal=ordinal, kind=spec.kind, title=block.title or spec.title,
                fund=spec.fund, unit=block.unit or meta.unit, source_line=block.marker_line,
                note="\n".join(block.notes) or None,
            ))
        read = _reader(spec.reader)
        readings = [(blocks, read(blocks, spec, meta))] if spec.repeated else [
            ([block], read(block, spec, meta)) for block in blocks]
        for (first, *_), found in readings:
            for record in found:
                if getattr(record, "table_no", None) == "":
                    record.table_no = first.number
            records.extend(found)
        records.extend(RepeatedRow(table_no=block.number, source_line=line, first_line=first_line)
                       for block in blocks for line, first_line in block.repeats)
    return records


def parse_grid(grid: ReportGrid, template: Template, source: str, sha256: str,
               last: TableBlock | None = None) -> ParsedReport:
    check_template(grid, template, last)
    meta = _reader(template.meta_reader)(grid, template) if template.meta_reader else read_meta(grid, template)
    report = ParsedReport(source=source, sha256=sha256, meta=meta, grid=grid, template=template)
    if template.narrative_reader:
        report.records.extend(_reader(template.narrative_reader)(grid, meta))
    report.records.extend(read_tables(grid, template, meta))
    # Across tables: the projects that 表5, 表10, 表11, 表13 and 表15 name.
    links = link_projects(report.records)
    report.records.extend(assign_projects(report.records, links))
    report.links = links
    return report


def attach_sources(report: ParsedReport, line_sources: tuple) -> ParsedReport:
    """Give a report read from a PDF the page of each line: its tables get their page."""
    report.line_sources = tuple(line_sources)
    if line_sources:
        for table in report.of(ReportTable):
            if table.source_line:
                table.source_page = line_sources[table.source_line - 1].page
    return report


def parse_text(text: str, source: str, *, sha256: str | None = None) -> ParsedReport:
    template, grid = detect(text, source)
    return parse_grid(grid, template, source, sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest())
