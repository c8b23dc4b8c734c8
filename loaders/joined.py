"""A report published as two documents (Jiangsu's narrative 文件 and its 表) read as one.

In a batch, a narrative without tables is joined with the one tables-only document of the same
fiscal year whose department (as its 部门： lines print it, 中共 dropped) the narrative names.
The joined report's facts keep the lines of their own file: the narrative's of the narrative
document, the tables' of the tables document.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import partial

from loaders.completeness import missing_tables
from loaders.errors import ReportError
from loaders.grid import ReportGrid, squeeze
from loaders.pdf import leading_text
from loaders.report import ParsedReport, attach_sources, parse_grid
from loaders.source import DEFAULT_MAX_BYTES, PDF_MAGIC, open_input, read_source

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
JOIN = " + "  # the joined documents' names, as one batch entry and one source


@dataclass(frozen=True)
class Document:
    """What pairing needs of one document; small, since a parsing process sends it back."""

    path: str
    role: str  # "narrative": a narrative without tables; "tables": tables without a narrative of their own
    year: int | None
    department: str | None  # the tables' (as their 部门： lines print it, 中共 dropped)
    text: str = ""  # a narrative's text, whitespace removed, to find a department's name in


HEAD_CHARS = 5000  # where a Jiangsu document names 江苏


def describe(path: str, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | None:
    """The document at `path` if it may be half of a report (else None: read on its own)."""
    try:
        if _is_pdf(path, max_bytes) and "江苏" not in leading_text(path, HEAD_CHARS):
            return None  # a PDF's first pages tell (all of its text costs ≈ 0.5 s)
        source = read_source(path, encoding=encoding, max_bytes=max_bytes, keep_pdf_text=True)  # for its parse
    except (OSError, ReportError):
        return None  # read again by the parse, which refuses it with the reason
    grid = _jiangsu_grid(source.text, path)
    role = _role(grid) if grid is not None else None
    if role is None:
        return None
    head = " ".join(line.text for line in grid.narrative[:40]) + " ".join(b.title for b in grid.tables)
    year = _YEAR.search(squeeze(head))
    names = [b.unit_name for b in grid.tables if b.unit_name]
    return Document(path, role, int(year[1]) if year else None,
                    squeeze(names[0]).removeprefix("中共") if names else None,
                    squeeze(source.text) if role == "narrative" else "")


def _is_pdf(path: str, max_bytes: int) -> bool:
    with open_input(path, max_bytes) as file:
        return file.read(len(PDF_MAGIC)) == PDF_MAGIC


def group_documents(paths: list[str], encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                    mapper=map, loaded: list[tuple[str, ...]] = ()) -> list[tuple[str, ...]]:
    """The paths in order, a narrative-only document joined with its tables (narrative first).
    `mapper`: how describe runs over the paths (a parsing pool's map, or map). `loaded`: groups of
    paths already loaded as one report each (budget_db.documents): unless a document read here may
    be half of a report, they stay as they are, unread."""
    known = {path for group in loaded for path in group}
    read = partial(describe, encoding=encoding, max_bytes=max_bytes)
    documents = [d for d in mapper(read, [p for p in paths if p not in known]) if d]
    if not documents:
        first = {group[0]: group for group in loaded}
        return [first.get(path, (path,)) for path in paths if path in first or path not in known]
    if known:  # one of them may pair with a document loaded before: pair them all, in input order
        documents += [d for d in mapper(read, [p for p in paths if p in known]) if d]
        order = {path: n for n, path in enumerate(paths)}
        documents.sort(key=lambda d: order[d.path])
    tables = [d for d in documents if d.role == "tables"]
    partner: dict[str, str] = {}
    for narrative in (d for d in documents if d.role == "narrative"):
        matches = [t for t in tables if t.year == narrative.year and t.department
                   and t.department in narrative.text and t.path not in partner.values()]
        if len(matches) > 1:  # one publication in two formats (its text and its PDF): the narrative's own
            matches = [t for t in matches if _suffix(t.path) == _suffix(narrative.path)]
        if len(matches) == 1:
            partner[narrative.path] = matches[0].path
    joined_tables = set(partner.values())
    groups: list[tuple[str, ...]] = []
    for path in paths:
        if path in joined_tables:
            continue
        groups.append((path, partner[path]) if path in partner else (path,))
    return groups


def _jiangsu_grid(text: str, path: str) -> ReportGrid | None:
    """The text read as Jiangsu's, if it is (only Jiangsu publishes a report as two documents)."""
    from loaders.templates.jiangsu import read_grid

    if "江苏" not in text[:HEAD_CHARS]:
        return None
    try:
        return read_grid(text, path)
    except Exception:  # noqa: BLE001 - odd input must not stop a batch: its parse refuses it, saying why
        return None


def _role(grid: ReportGrid) -> str | None:
    if grid.tables and not _has_body(grid):
        return "tables"
    if not grid.tables and grid.narrative:
        return "narrative"
    return None


def is_narrative_only(text: str, path: str, registered) -> bool:
    """A Jiangsu narrative (文件) without the tables published beside it (when the Jiangsu template
    is among the `registered` ones)."""
    from loaders.templates.jiangsu import TEMPLATE

    if all(template.id != TEMPLATE.id for template in registered):
        return False
    grid = _jiangsu_grid(text, path)
    return grid is not None and _role(grid) == "narrative"


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _has_body(grid: ReportGrid) -> bool:
    """A narrative of its own (第一部分 …), not only a cover and a table of contents."""
    return any(re.match(r"^第[一二三]部分", squeeze(line.text)) for line in grid.narrative[5:])


def parse_joined(paths: tuple[str, ...], *, encoding: str | None = None, allow_partial: bool = False) -> ParsedReport:
    """Narrative of the first document, tables of the second: one report."""
    from loaders.templates.jiangsu import TEMPLATE, read_grid

    narrative_path, tables_path = paths
    narrative_source, tables_source = read_source(narrative_path, encoding=encoding), read_source(tables_path,
                                                                                                   encoding=encoding)
    source = JOIN.join(paths)
    # One text, the narrative's lines first: the report's line numbers run through both documents
    # (a fact's line is unique in its report), and a PDF's pages follow the lines.
    narrative_text = narrative_source.text.rstrip("\n")
    text = narrative_text + "\n" + tables_source.text
    tables = read_grid(text, source)
    grid = ReportGrid(source=source, narrative=read_grid(narrative_text, narrative_path).narrative,
                      tables=tables.tables, last_line=tables.last_line)
    sha256 = hashlib.sha256((narrative_source.sha256 + tables_source.sha256).encode()).hexdigest()
    parsed = parse_grid(grid, TEMPLATE, source, sha256)
    missing = missing_tables(grid, TEMPLATE, None)
    if missing and not allow_partial:
        raise ReportError(f"the report lacks tables; missing {', '.join(missing)} (--allow-partial loads the rest)",
                          where=source)
    parsed.missing_tables = missing
    parsed.documents = (narrative_source.sha256, tables_source.sha256)
    narrative_lines = narrative_text.count("\n") + 1
    if narrative_source.line_sources or tables_source.line_sources:  # PDF: pages of both documents
        parsed = attach_sources(parsed, (*narrative_source.line_sources[:narrative_lines],
                                         *tables_source.line_sources))
    return parsed


def joined_sha256(paths: tuple[str, ...], digests: dict[str, str | None]) -> str | None:
    """The sha256 a joined report is stored with (of its documents' sha256, in order)."""
    parts = [digests.get(p) for p in paths]
    if any(p is None for p in parts):
        return None
    return hashlib.sha256("".join(parts).encode()).hexdigest() if len(parts) > 1 else parts[0]
