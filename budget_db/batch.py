"""Loading many files: parse in parallel processes, write in this one, one transaction per report.

Each file gets one outcome: loaded, replaced, unchanged or refused (with a one-line reason);
a refused file never stops the batch. A file whose bytes are those of a current report is
`unchanged` without being parsed (nightly runs over thousands of files mostly see these).
Losing the database mid-batch stops it (DatabaseUnreachable): the reports written so far stay.
"""

from __future__ import annotations

import gc
import glob as globbing
import hashlib
import os
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

import psycopg

from budget_db import migrate
from budget_db.checks import StrictRefusal, finding_counts
from budget_db.database import DatabaseUnreachable, connect, first_line, redact
from budget_db.load import LoadResult, lock_identity, write_report
from budget_db.statistics import GrowthSchedule, refresh_statistics
from budget_db.table_rows import TableRows, encode
from budget_db.terminal import one_line
from budget_db.writers import DEFAULT_WRITERS, WriterLanes
from loaders.completeness import parse_complete
from loaders.errors import ReportError
from loaders.joined import JOIN, group_documents, joined_sha256, parse_joined
from loaders.pdf import cache as pdf_cache
from loaders.report import PARSER_VERSION, ParsedReport, attach_sources
from loaders.source import DEFAULT_MAX_BYTES, open_input, read_source

DEFAULT_GLOBS = ("*.txt", "*.pdf")  # report text files and published PDFs
PARALLEL_FROM = 4  # fewer files than this are parsed in this process (no pool to start)
# A parse allocates ~10^5 short-lived objects: at Python's default threshold (700) the collector
# ran ~150 times a report, and its full passes walked the modules' objects too (≈ 20% of a
# worker's CPU). A parsing process collects less often, and never walks what it imported.
WORKER_GC_THRESHOLDS = (50_000, 20, 100)
_GLOB_CHARS = frozenset("*?[")


class UsageError(ValueError):
    """A path argument that names nothing (exit code 2)."""


# -- which files ----------------------------------------------------------------------------
def check_pattern(pattern: str) -> None:
    """A --glob names files inside the folders given: not a path of its own, nothing above them."""
    if not pattern or os.path.isabs(pattern) or ".." in PurePosixPath(pattern).parts:
        raise UsageError(f"--glob takes a file name pattern such as '*.txt' (matched inside the folders), "
                         f"not a path: {one_line(repr(pattern), 300)}")


def _walk(folder: Path, patterns: tuple[str, ...]) -> list[Path]:
    """Every entry below `folder` matching one of `patterns` that is not a folder (files, FIFOs,
    links: the reader says what each is), and every subfolder that cannot be read (reported, not
    skipped)."""
    found: list[Path] = []
    seen: set[str] = set()

    def unreadable(error: OSError) -> None:
        found.append(Path(error.filename or folder))

    for root, folders, names in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a link back up the tree
            folders[:] = []
            continue
        seen.add(real)
        for name in names:
            path = Path(root, name)
            if any(path.relative_to(folder).match(pattern) for pattern in patterns):
                found.append(path)
    return sorted(found)


def expand_paths(arguments: Iterable[str | Path], pattern: str | Iterable[str] = DEFAULT_GLOBS) -> list[Path]:
    """Files, folders (searched recursively for `pattern`, one or several) and globs -> paths,
    each once, in order.

    Anything named that exists is taken (a FIFO, a dangling link …: refused later with its own
    reason); a name that matches nothing is a usage error."""
    patterns = (pattern,) if isinstance(pattern, str) else tuple(pattern)
    for each in patterns:
        check_pattern(each)
    found: list[Path] = []
    for argument in map(str, arguments):
        path = Path(argument)
        if path.is_dir():
            found.extend(_walk(path, patterns))
        elif os.path.lexists(path):
            found.append(path)
        elif _GLOB_CHARS & set(argument):
            for match in sorted(globbing.glob(argument, recursive=True)):
                match_path = Path(match)
                found.extend(_walk(match_path, patterns) if match_path.is_dir() else [match_path])
        else:
            raise UsageError(f"no such file or folder: {one_line(argument, 4200)}")
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


# -- parsing (runs in worker processes) ------------------------------------------------------
@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None  # no detection
    allow_partial: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES  # larger files are refused unread


@dataclass(frozen=True)
class WriteOptions:
    dry_run: bool = False
    strict: bool = False  # refuse a report with error findings
    keep_cleaner: bool = False  # refuse a replacement with more error findings than the current version


@dataclass
class Prepared:
    path: str
    parsed: ParsedReport | None  # without its grid and records: `tables` holds the rows
    refusal: str | None
    tables: tuple[TableRows, ...] = ()


def _one_line(exc: Exception) -> str:
    return one_line(f"{type(exc).__name__}: {first_line(exc)}", 500)


def prepare(path: str, options: ReadOptions = ReadOptions()) -> Prepared:
    """Read, decode and parse one file; a ReportError becomes a refusal."""
    try:
        parsed = parse_file(path, encoding=options.encoding, allow_partial=options.allow_partial,
                            max_bytes=options.max_bytes)
        tables = encode(parsed.records)
    except ReportError as exc:
        return Prepared(path, None, str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser bug on odd input must not stop a nightly batch
        return Prepared(path, None, f"{path}: the parser failed ({_one_line(exc)}); please report it")
    # The rows go back to the writing process as COPY text (table_rows); the grid and the record
    # objects are not needed to write, and would be most of what is pickled and unpickled.
    return Prepared(path, replace(parsed, grid=None, records=[], links=[]), None, tables)


def _start_worker(pdf_texts: str | None) -> None:
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    pdf_cache.use(pdf_texts)


def parsing_pool(workers: int, pdf_texts: str | None = None) -> ProcessPoolExecutor:
    """`pdf_texts`: a folder where the processes keep the PDF texts pairing read (loaders.pdf.cache)."""
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(pdf_texts,))


def parse_file(path: str | Path, *, encoding: str | None = None, allow_partial: bool = False,
               max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedReport:
    if JOIN in str(path) and not Path(path).exists():  # two documents of one report
        return parse_joined(tuple(str(path).split(JOIN)), encoding=encoding, allow_partial=allow_partial)
    source = read_source(path, encoding=encoding, max_bytes=max_bytes)
    parsed = parse_complete(source.text, str(path), sha256=source.sha256, allow_partial=allow_partial)
    return attach_sources(parsed, source.line_sources)


@contextmanager
def _parsing_processes(workers: int, files: int) -> Iterator[ProcessPoolExecutor | None]:
    """A batch's parsing processes, for its documents' pairing and then their parse (none for one
    worker or fewer than PARALLEL_FROM files: they are read in this process)."""
    if workers <= 1 or files < PARALLEL_FROM:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="budget-db-pdf-texts-") as pdf_texts:
        pool = parsing_pool(workers, pdf_texts)
        try:
            yield pool
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _mapper(pool: ProcessPoolExecutor | None, workers: int):
    if pool is None:
        return map
    return lambda function, items: pool.map(function, items, chunksize=max(1, len(items) // (workers * 4)))


def _prepared(paths: list[str], options: ReadOptions, pool: ProcessPoolExecutor | None,
              workers: int) -> Iterator[Prepared]:
    """Prepared files in input order; with a pool, a bounded number in flight."""
    if pool is None or len(paths) < PARALLEL_FROM:
        for path in paths:
            yield prepare(path, options)
        return
    pending = deque()
    remaining = iter(paths)
    for path in remaining:
        pending.append(pool.submit(prepare, path, options))
        if len(pending) >= workers * 4:
            break
    while pending:
        done = pending.popleft().result()
        for path in remaining:
            pending.append(pool.submit(prepare, path, options))
            break
        yield done


# -- writing (this process) ------------------------------------------------------------------
def _file_sha256(path: str, max_bytes: int) -> str | None:
    if JOIN in path and not Path(path).exists():
        parts = tuple(path.split(JOIN))
        return joined_sha256(parts, {p: _file_sha256(p, max_bytes) for p in parts})
    try:
        with open_input(path, max_bytes) as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except (OSError, ReportError):
        return None  # prepare() refuses it with the reason


def _current_by_sha(conn: psycopg.Connection, digests: list[str]) -> dict[str, tuple]:
    """sha256 -> (report_id, department, fiscal_year, version, missing_tables, findings) of current
    reports read by this parser version (a newer parser reads the same bytes again)."""
    if not digests:
        return {}
    rows = conn.execute(
        "SELECT r.sha256, r.id, d.name, r.fiscal_year, r.version, r.missing_tables FROM budget.report r "
        "JOIN budget.department d ON d.id = r.department_id "
        "WHERE r.superseded_at IS NULL AND r.sha256 = ANY(%s) AND r.parser_version = %s",
        (digests, PARSER_VERSION),
    ).fetchall()
    findings = finding_counts(conn, [row[1] for row in rows])
    return {row[0]: (*row[1:], findings[row[1]]) for row in rows}


def _database_refusal(path: str, exc: psycopg.Error) -> str:
    diag = exc.diag
    table = f" (table {diag.schema_name}.{diag.table_name})" if diag.table_name else ""
    reason = (diag.message_primary or str(exc)).strip().splitlines()[0]
    return f"{path}: the database refused the report: {reason}{table}"


# What PostgreSQL rolls back because of another transaction, not because of the report.
WRITTEN_AGAIN = (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure)


def _write_transaction(conn: psycopg.Connection, prepared: Prepared, options: WriteOptions,
                        attempts: int = 3) -> LoadResult:
    """write_report in its own transaction; written again (from the start) if PostgreSQL rolled it
    back for a deadlock with another writer."""
    name = JOIN.join(Path(p).name for p in prepared.path.split(JOIN))
    for attempt in range(1, attempts + 1):
        try:
            # A dry run writes in a transaction that is rolled back: the outcome is the real one.
            with conn.transaction(force_rollback=options.dry_run):
                return write_report(conn, prepared.parsed, name, strict=options.strict,
                                    keep_cleaner=options.keep_cleaner, tables=prepared.tables)
        except WRITTEN_AGAIN:
            if attempt == attempts:
                raise


def _write(conn: psycopg.Connection, prepared: Prepared, options: WriteOptions) -> LoadResult:
    dry_run = options.dry_run
    try:
        result = _write_transaction(conn, prepared, options)
    except ReportError as exc:
        return LoadResult.refused(prepared.path, str(exc), dry_run=dry_run)
    except StrictRefusal as exc:  # --strict / --keep-cleaner and the findings: rolled back
        return LoadResult.refused(prepared.path, f"{prepared.path}: {exc}", dry_run=dry_run)
    except (psycopg.DataError, psycopg.IntegrityError, *WRITTEN_AGAIN) as exc:
        return LoadResult.refused(prepared.path, _database_refusal(prepared.path, exc), dry_run=dry_run)
    result.source, result.dry_run = prepared.path, dry_run
    if dry_run and result.outcome != "unchanged":
        result.report_id = None  # the id of a rolled-back row means nothing
    return result


def iter_load(url: str, paths: Iterable[str | Path], *, encoding: str | None = None,
              allow_partial: bool = False, dry_run: bool = False, strict: bool = False,
              keep_cleaner: bool = False, workers: int | None = None, writers: int | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[LoadResult]:
    """Load files one by one, yielding each outcome as it is known (in input order).

    Two documents of one report (a narrative and its tables) are one entry, 'a.txt + b.txt'.
    `workers` processes parse; `writers` connections write (default 2, at most `workers`).
    """
    paths = [str(p) for p in paths]
    workers = workers or os.cpu_count() or 1
    writers = min(writers or DEFAULT_WRITERS, workers)
    reading = ReadOptions(encoding, allow_partial, max_bytes)
    writing = WriteOptions(dry_run, strict, keep_cleaner)
    with _parsing_processes(workers, len(paths)) as pool:
        # Pairing reads the documents that may be half of a report (Jiangsu's), in the pool.
        groups = group_documents(paths, encoding, max_bytes, mapper=_mapper(pool, workers))
        yield from _load(url, [JOIN.join(group) for group in groups], reading, writing, pool, workers, writers)


def _load(url: str, paths: list[str], reading: ReadOptions, writing: WriteOptions,
          pool: ProcessPoolExecutor | None, workers: int, writers: int) -> Iterator[LoadResult]:
    """iter_load's batch entries (a file, or two documents of one report) loaded in order."""
    dry_run = writing.dry_run
    max_bytes = reading.max_bytes
    try:
        with connect(url) as conn:
            digests = {path: _file_sha256(path, max_bytes) for path in paths}
            current = _current_by_sha(conn, sorted({d for d in digests.values() if d}))
            statistics = GrowthSchedule.of(conn)
            conn.commit()
            to_parse = [p for p in paths if digests[p] not in current]
            parsed = _prepared(to_parse, reading, pool, workers)
            lanes = WriterLanes(url, writers if len(to_parse) >= PARALLEL_FROM else 1, conn)
            written: dict[tuple, str] = {}  # report -> the file that wrote it in this batch

            def entry(path: str) -> tuple[Prepared | None, LoadResult | Future]:
                known = current.get(digests[path])
                if known:
                    report_id, department, year, version, missing, findings = known
                    return None, LoadResult(source=path, outcome="unchanged", report_id=report_id,
                                            department=department, fiscal_year=year, version=version,
                                            missing_tables=list(missing), dry_run=dry_run, findings=findings)
                prepared = next(parsed)
                if prepared.refusal is not None:
                    return None, LoadResult.refused(path, prepared.refusal, dry_run=dry_run)
                return prepared, lanes.submit(prepared.parsed.meta.report_key,
                                              lambda lane: _write(lane, prepared, writing))

            def finish(prepared: Prepared | None, outcome: LoadResult | Future) -> LoadResult:
                result = outcome.result() if isinstance(outcome, Future) else outcome
                if prepared is not None and result.outcome in ("loaded", "replaced"):
                    meta = prepared.parsed.meta
                    earlier = written.get((meta.department, meta.fiscal_year, meta.kind))
                    if earlier:  # two contents of one report in one batch: the later wins, every run
                        result.message = "; ".join(filter(None, [
                            f"replaces what {earlier} loaded earlier in this batch", result.message]))
                    written[(meta.department, meta.fiscal_year, meta.kind)] = prepared.path
                    if not dry_run and statistics.due(len(written)):
                        refresh_statistics(conn)  # the plans follow the growth
                return result

            try:
                pending: deque = deque()  # outcomes not yet yielded, in input order
                for path in paths:
                    pending.append(entry(path))
                    while pending and (len(pending) > lanes.in_flight or not isinstance(pending[0][1], Future)):
                        yield finish(*pending.popleft())
                while pending:
                    yield finish(*pending.popleft())
            finally:
                lanes.close()
    except psycopg.OperationalError as exc:
        # libpq's first line says what happened ('server closed the connection unexpectedly').
        raise DatabaseUnreachable(f"lost the database {redact(url)}: {_one_line(exc)}") from exc


def load_files(url: str, paths: list[str | Path], *, migrate_first: bool = True, **options) -> list[LoadResult]:
    """iter_load's outcomes as a list (migrating first); options as iter_load's."""
    if migrate_first:
        migrate.upgrade(url)
    return list(iter_load(url, paths, **options))


def load_file(url: str, path: str | Path, **options) -> LoadResult:
    """One file, parsed here, written in its own transaction; options as iter_load's."""
    return next(iter_load(url, [path], **{**options, "workers": 1}))


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
