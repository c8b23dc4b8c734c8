"""Loading files: each file parsed, then written in its own transaction; a bad file is refused."""

from __future__ import annotations

from pathlib import Path

from budget_db import migrate
from budget_db.checks import StrictRefusal
from budget_db.database import connect
from budget_db.load import LoadResult, write_report
from loaders.errors import ReportError
from loaders.report import parse_text
from loaders.source import read_source


def parse_file(path: str | Path, *, encoding: str | None = None):
    source = read_source(path, encoding=encoding)
    return parse_text(source.text, str(path), sha256=source.sha256)


def load_file(url: str, path: str | Path, *, encoding: str | None = None, strict: bool = False) -> LoadResult:
    try:
        parsed = parse_file(path, encoding=encoding)
    except ReportError as exc:
        return LoadResult(source=str(path), outcome="refused", message=str(exc))
    try:
        with connect(url) as conn:  # commits on success, rolls back on any error
            return write_report(conn, parsed, Path(path).name, strict=strict)
    except StrictRefusal as exc:  # --strict and the rules found errors: rolled back
        return LoadResult(source=str(path), outcome="refused", message=f"{path}: {exc}")


def load_files(url: str, paths: list[str | Path], *, encoding: str | None = None,
               migrate_first: bool = True) -> list[LoadResult]:
    if migrate_first:
        migrate.upgrade(url)
    return [load_file(url, path, encoding=encoding) for path in paths]
