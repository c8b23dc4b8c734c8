"""Loading many files: parse in parallel processes (budget_db.parsing), write in this one, one
transaction per report.

Each file gets one outcome: loaded, replaced, unchanged or refused (with a one-line reason);
a refused file never stops the batch. A file whose bytes are those of a current report is
`unchanged` without being parsed (nightly runs over thousands of files mostly see these), and so
is one whose report a later file of the batch holds as current (budget_db.current).
Losing the database mid-batch stops it (DatabaseUnreachable): the reports written so far stay.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psycopg

from budget_db import current as current_reports
from budget_db import documents, migrate
from budget_db.checks import StrictRefusal
from budget_db.database import DatabaseUnreachable, connect, redact
from budget_db.load import LoadResult, lock_identity, write_report
from budget_db.parsing import (PARALLEL_FROM, Prepared, ReadOptions, error_line, parsing_processes, pool_map,
                               prepared_in_order)
from budget_db.statistics import GrowthSchedule, refresh_statistics
from budget_db.writers import DEFAULT_WRITERS, WriterLanes
from loaders.errors import ReportError
from loaders.joined import JOIN, group_documents, joined_sha256
from loaders.source import DEFAULT_MAX_BYTES, open_input


@dataclass(frozen=True)
class WriteOptions:
    dry_run: bool = False
    strict: bool = False  # refuse a report with error findings
    keep_cleaner: bool = False  # refuse a replacement with more error findings than the current version


def _file_sha256(path: str, max_bytes: int) -> str | None:
    try:
        with open_input(path, max_bytes) as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except (OSError, ReportError):
        return None  # prepare() refuses it with the reason


def _store_documents_seen(conn: psycopg.Connection, groups: list[tuple[str, ...]], digests: dict[str, str | None],
                          current: dict[str, current_reports.Current]) -> None:
    """The documents of current reports loaded before alembic 0017 stored as this batch finds them
    (two documents of one report: the next batch need not read them to pair them)."""
    for group in groups:
        known = current.get(joined_sha256(group, digests))
        if known and not known.documented:
            documents.store(conn, known.report_id, known.source_file, tuple(digests[path] for path in group))
    conn.commit()


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
    with parsing_processes(workers, len(paths)) as pool:
        yield from _load(url, paths, reading, writing, pool, workers, writers)


def _load(url: str, files: list[str], reading: ReadOptions, writing: WriteOptions,
          pool: ProcessPoolExecutor | None, workers: int, writers: int) -> Iterator[LoadResult]:
    """iter_load's files paired into batch entries (a file, or two documents of one report) and
    loaded in order."""
    dry_run = writing.dry_run
    max_bytes = reading.max_bytes
    try:
        with connect(url) as conn:
            file_digests = {path: _file_sha256(path, max_bytes) for path in files}
            # Pairing reads the documents that may be half of a report (Jiangsu's), in the pool.
            groups = group_documents(files, reading.encoding, max_bytes, mapper=pool_map(pool, workers),
                                     loaded=documents.loaded_groups(conn, file_digests))
            paths = [JOIN.join(group) for group in groups]
            digests = {JOIN.join(group): joined_sha256(group, file_digests) for group in groups}
            known_digests = sorted({d for d in digests.values() if d})
            current = current_reports.current_by_sha(conn, known_digests)
            earlier_keys = current_reports.earlier_version_keys(conn, known_digests)
            later = current_reports.LaterCurrent(paths, digests, current)
            if not dry_run:
                _store_documents_seen(conn, groups, file_digests, current)
            statistics = GrowthSchedule.of(conn)
            conn.commit()
            # An earlier version whose report a later entry holds as current is not parsed.
            to_parse = [p for n, p in enumerate(paths) if digests[p] not in current
                        and not later.after(earlier_keys.get(digests[p]), n)]
            parsed = prepared_in_order(to_parse, reading, pool, workers)
            lanes = WriterLanes(url, writers if len(to_parse) >= PARALLEL_FROM else 1, conn)
            written: dict[tuple, str] = {}  # report -> the file that wrote it in this batch

            def unchanged(path: str, known: current_reports.Current, message: str = "") -> LoadResult:
                return LoadResult(source=path, outcome="unchanged", report_id=known.report_id,
                                  department=known.department, fiscal_year=known.fiscal_year,
                                  version=known.version, missing_tables=list(known.missing_tables),
                                  dry_run=dry_run, findings=known.findings, message=message)

            def entry(index: int, path: str) -> tuple[Prepared | None, LoadResult | Future]:
                known = current.get(digests[path])
                if known:
                    return None, unchanged(path, known)
                holder = later.after(earlier_keys.get(digests[path]), index)
                if holder is None:
                    prepared = next(parsed)
                    if prepared.refusal is not None:
                        return None, LoadResult.refused(path, prepared.refusal, dry_run=dry_run)
                    holder = later.after(prepared.parsed.meta.report_key, index)
                    if holder is None:
                        return prepared, lanes.submit(prepared.parsed.meta.report_key,
                                                      lambda lane: _write(lane, prepared, writing))
                later_path, known = holder
                return None, unchanged(path, known, f"not written: the report is current from {later_path}, "
                                                    "later in this batch, which would replace it again")

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
                for index, path in enumerate(paths):
                    pending.append(entry(index, path))
                    while pending and (len(pending) > lanes.in_flight or not isinstance(pending[0][1], Future)):
                        yield finish(*pending.popleft())
                while pending:
                    yield finish(*pending.popleft())
            finally:
                lanes.close()
    except psycopg.OperationalError as exc:
        # libpq's first line says what happened ('server closed the connection unexpectedly').
        raise DatabaseUnreachable(f"lost the database {redact(url)}: {error_line(exc)}") from exc


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
