"""Loading many files: parse in parallel processes, write in this one, one transaction per report.

Each file gets one outcome: loaded, replaced, unchanged or refused (with a one-line reason);
a refused file never stops the batch. A file whose bytes are those of a current report is
`unchanged` without being parsed (nightly runs over thousands of files mostly see these).
Losing the database mid-batch stops it (DatabaseUnreachable): the reports written so far stay.
"""

from __future__ import annotations

import glob as globbing
import hashlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import psycopg

from budget_db import migrate
from budget_db.checks import StrictRefusal
from budget_db.database import DatabaseUnreachable, connect, first_line, redact
from budget_db.load import LoadResult, lock_identity, write_report
from loaders.completeness import parse_complete
from loaders.errors import ReportError
from loaders.joined import JOIN, group_documents, joined_sha256, parse_joined
from loaders.report import PARSER_VERSION, ParsedReport
from loaders.source import read_source

DEFAULT_GLOB = "*.txt"
PARALLEL_FROM = 4  # fewer files than this are parsed in this process (no pool to start)
_GLOB_CHARS = frozenset("*?[")


class UsageError(ValueError):
    """A path argument that names nothing (exit code 2)."""


# -- which files ----------------------------------------------------------------------------
def expand_paths(arguments: Iterable[str | Path], pattern: str = DEFAULT_GLOB) -> list[Path]:
    """Files, folders (searched recursively for `pattern`) and globs -> files, each once, in order."""
    found: list[Path] = []
    for argument in map(str, arguments):
        path = Path(argument)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p for p in path.rglob(pattern) if p.is_file()))
        elif _GLOB_CHARS & set(argument):
            for match in sorted(globbing.glob(argument, recursive=True)):
                match_path = Path(match)
                if match_path.is_dir():
                    found.extend(sorted(p for p in match_path.rglob(pattern) if p.is_file()))
                elif match_path.is_file():
                    found.append(match_path)
        else:
            raise UsageError(f"no such file or folder: {argument}")
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


# -- parsing (runs in worker processes) ------------------------------------------------------
@dataclass
class Prepared:
    path: str
    parsed: ParsedReport | None
    refusal: str | None


def _one_line(exc: Exception) -> str:
    return f"{type(exc).__name__}: {first_line(exc)}"


def prepare(path: str, encoding: str | None = None, allow_partial: bool = False) -> Prepared:
    """Read, decode and parse one file; a ReportError becomes a refusal."""
    try:
        parsed = parse_file(path, encoding=encoding, allow_partial=allow_partial)
    except ReportError as exc:
        return Prepared(path, None, str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser bug on odd input must not stop a nightly batch
        return Prepared(path, None, f"{path}: the parser failed ({_one_line(exc)}); please report it")
    # The grid is not needed to write, and would double what goes back to the main process.
    return Prepared(path, replace(parsed, grid=None), None)


def parse_file(path: str | Path, *, encoding: str | None = None, allow_partial: bool = False) -> ParsedReport:
    if JOIN in str(path) and not Path(path).exists():  # two documents of one report
        return parse_joined(tuple(str(path).split(JOIN)), encoding=encoding, allow_partial=allow_partial)
    source = read_source(path, encoding=encoding)
    return parse_complete(source.text, str(path), sha256=source.sha256, allow_partial=allow_partial)


def _prepared(paths: list[str], encoding: str | None, allow_partial: bool, workers: int) -> Iterator[Prepared]:
    """Prepared files in input order; with a pool, a bounded number in flight."""
    if workers <= 1 or len(paths) < PARALLEL_FROM:
        for path in paths:
            yield prepare(path, encoding, allow_partial)
        return
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        pending = deque()
        remaining = iter(paths)
        for path in remaining:
            pending.append(pool.submit(prepare, path, encoding, allow_partial))
            if len(pending) >= workers * 4:
                break
        while pending:
            done = pending.popleft().result()
            for path in remaining:
                pending.append(pool.submit(prepare, path, encoding, allow_partial))
                break
            yield done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- writing (this process) ------------------------------------------------------------------
def _file_sha256(path: str) -> str | None:
    if JOIN in path and not Path(path).exists():
        parts = tuple(path.split(JOIN))
        return joined_sha256(parts, {p: _file_sha256(p) for p in parts})
    try:
        with open(path, "rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return None  # prepare() refuses it with the reason


def _current_by_sha(conn: psycopg.Connection, digests: list[str]) -> dict[str, tuple]:
    """sha256 -> (report_id, department, fiscal_year, version, missing_tables) of current reports
    read by this parser version (a newer parser reads the same bytes again)."""
    if not digests:
        return {}
    rows = conn.execute(
        "SELECT r.sha256, r.id, d.name, r.fiscal_year, r.version, r.missing_tables FROM budget.report r "
        "JOIN budget.department d ON d.id = r.department_id "
        "WHERE r.superseded_at IS NULL AND r.sha256 = ANY(%s) AND r.parser_version = %s",
        (digests, PARSER_VERSION),
    ).fetchall()
    return {row[0]: row[1:] for row in rows}


def _database_refusal(path: str, exc: psycopg.Error) -> str:
    diag = exc.diag
    table = f" (table {diag.schema_name}.{diag.table_name})" if diag.table_name else ""
    reason = (diag.message_primary or str(exc)).strip().splitlines()[0]
    return f"{path}: the database refused the report: {reason}{table}"


def _write(conn: psycopg.Connection, prepared: Prepared, *, dry_run: bool, strict: bool) -> LoadResult:
    try:
        # A dry run writes in a transaction that is rolled back: the outcome is the real one.
        with conn.transaction(force_rollback=dry_run):
            name = JOIN.join(Path(p).name for p in prepared.path.split(JOIN))
            result = write_report(conn, prepared.parsed, name, strict=strict)
    except ReportError as exc:
        return LoadResult.refused(prepared.path, str(exc), dry_run=dry_run)
    except StrictRefusal as exc:  # --strict and the rules found errors: rolled back
        return LoadResult.refused(prepared.path, f"{prepared.path}: {exc}", dry_run=dry_run)
    except (psycopg.DataError, psycopg.IntegrityError) as exc:
        return LoadResult.refused(prepared.path, _database_refusal(prepared.path, exc), dry_run=dry_run)
    result.source, result.dry_run = prepared.path, dry_run
    if dry_run and result.outcome != "unchanged":
        result.report_id = None  # the id of a rolled-back row means nothing
    return result


def iter_load(url: str, paths: Iterable[str | Path], *, encoding: str | None = None,
              allow_partial: bool = False, dry_run: bool = False, strict: bool = False,
              workers: int | None = None) -> Iterator[LoadResult]:
    """Load files one by one, yielding each outcome as it is known (in input order).

    Two documents of one report (a narrative and its tables) are one entry, 'a.txt + b.txt'.
    """
    paths = [JOIN.join(group) for group in group_documents([str(p) for p in paths], encoding)]
    workers = workers or os.cpu_count() or 1
    try:
        with connect(url) as conn:
            digests = {path: _file_sha256(path) for path in paths}
            current = _current_by_sha(conn, sorted({d for d in digests.values() if d}))
            conn.commit()
            to_parse = [p for p in paths if digests[p] not in current]
            parsed = _prepared(to_parse, encoding, allow_partial, workers)
            written: dict[tuple, str] = {}  # report -> the file that wrote it in this batch
            for path in paths:
                known = current.get(digests[path])
                if known:
                    report_id, department, year, version, missing = known
                    yield LoadResult(source=path, outcome="unchanged", report_id=report_id, department=department,
                                     fiscal_year=year, version=version, missing_tables=list(missing),
                                     dry_run=dry_run)
                    continue
                prepared = next(parsed)
                if prepared.refusal is not None:
                    yield LoadResult.refused(path, prepared.refusal, dry_run=dry_run)
                    continue
                result = _write(conn, prepared, dry_run=dry_run, strict=strict)
                if result.outcome in ("loaded", "replaced"):
                    meta = prepared.parsed.meta
                    earlier = written.get((meta.department, meta.fiscal_year, meta.kind))
                    if earlier:  # two contents of one report in one batch: the later wins, every run
                        result.message = f"replaces what {earlier} loaded earlier in this batch"
                    written[(meta.department, meta.fiscal_year, meta.kind)] = path
                yield result
    except psycopg.OperationalError as exc:
        # libpq's first line says what happened ('server closed the connection unexpectedly').
        raise DatabaseUnreachable(f"lost the database {redact(url)}: {_one_line(exc)}") from exc


def load_files(url: str, paths: list[str | Path], *, encoding: str | None = None, migrate_first: bool = True,
               allow_partial: bool = False, dry_run: bool = False, strict: bool = False,
               workers: int | None = None) -> list[LoadResult]:
    if migrate_first:
        migrate.upgrade(url)
    return list(iter_load(url, paths, encoding=encoding, allow_partial=allow_partial, dry_run=dry_run,
                          strict=strict, workers=workers))


def load_file(url: str, path: str | Path, *, encoding: str | None = None, allow_partial: bool = False,
              dry_run: bool = False, strict: bool = False) -> LoadResult:
    """One file, parsed here, written in its own transaction."""
    return next(iter_load(url, [path], encoding=encoding, allow_partial=allow_partial, dry_run=dry_run,
                          strict=strict, workers=1))


# -- deleting ---------------------------------------------------------------------------------
def delete_report(url: str, department: str, fiscal_year: int, kind: str | None = None) -> list[tuple[int, int]]:
    """Delete every version of a report (facts go by cascade) in one transaction.

    Returns (report_id, version) of what was deleted; takes the loaders' lock so that a load of
    the same report runs entirely before or after.
    """
    with connect(url) as conn:
        keys = [key for (key,) in conn.execute(
            "SELECT DISTINCT r.report_key FROM budget.report r JOIN budget.department d ON d.id = r.department_id "
            "WHERE d.name = %s AND r.fiscal_year = %s AND (%s::text IS NULL OR r.kind = %s) ORDER BY 1",
            (department, fiscal_year, kind, kind))]
        for key in keys:
            lock_identity(conn, key)
        return conn.execute(
            "DELETE FROM budget.report WHERE report_key = ANY(%s) RETURNING id, version", (keys,),
        ).fetchall()
