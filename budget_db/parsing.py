"""Reading a batch's files: in parallel processes (a pool a batch), each file parsed and its rows
encoded for COPY, sent back to the writing process (budget_db.batch)."""

from __future__ import annotations

import gc
import tempfile
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from budget_db.database import first_line
from budget_db.table_rows import TableRows, encode
from budget_db.terminal import one_line
from loaders.completeness import parse_complete
from loaders.errors import ReportError
from loaders.joined import JOIN, parse_joined
from loaders.pdf import cache as pdf_cache
from loaders.report import ParsedReport, attach_sources
from loaders.source import DEFAULT_MAX_BYTES, read_source

PARALLEL_FROM = 4  # fewer files than this are parsed in this process (no pool to start)
# A parse allocates ~10^5 short-lived objects: at Python's default threshold (700) the collector
# ran ~150 times a report, and its full passes walked the modules' objects too (≈ 20% of a
# worker's CPU). A parsing process collects less often, and never walks what it imported.
WORKER_GC_THRESHOLDS = (50_000, 20, 100)


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None  # no detection
    allow_partial: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES  # larger files are refused unread


@dataclass
class Prepared:
    path: str
    parsed: ParsedReport | None  # without its grid and records: `tables` holds the rows
    refusal: str | None
    tables: tuple[TableRows, ...] = ()


def error_line(exc: Exception) -> str:
    """An unexpected error in one line: its type and its first line."""
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
        return Prepared(path, None, f"{path}: the parser failed ({error_line(exc)}); please report it")
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
def parsing_processes(workers: int, files: int) -> Iterator[ProcessPoolExecutor | None]:
    """A batch's parsing processes, for its documents' pairing and then their parse (none for one
    worker or fewer than PARALLEL_FROM files: they are read in this process)."""
    with tempfile.TemporaryDirectory(prefix="budget-db-pdf-texts-") as pdf_texts:
        if workers <= 1 or files < PARALLEL_FROM:
            with pdf_cache.kept_in(pdf_texts):
                yield None
            return
        pool = parsing_pool(workers, pdf_texts)
        try:
            yield pool
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def pool_map(pool: ProcessPoolExecutor | None, workers: int):
    """map(function, items) in the pool's processes (in chunks), or in this one."""
    if pool is None:
        return map
    return lambda function, items: pool.map(function, items, chunksize=max(1, len(items) // (workers * 4)))


def prepared_in_order(paths: list[str], options: ReadOptions, pool: ProcessPoolExecutor | None,
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


