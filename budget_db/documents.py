"""The documents each report version was read from (budget.report_document, alembic 0017).

A batch that finds every file to be a document of a version it loaded before pairs them as they
were loaded, without reading any: pairing reads a Jiangsu PDF whole (≈ 0.5–1 s).
"""

from __future__ import annotations

from collections import defaultdict

import psycopg

from loaders.joined import JOIN
from loaders.report import PARSER_VERSION

_STORE = ("INSERT INTO budget.report_document (report_id, position, source_file, sha256) "
          "SELECT %s, d.position, d.source_file, d.sha256 "
          "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS d(source_file, sha256, position) "
          "ON CONFLICT DO NOTHING")
# A new version's row and its documents in one statement (one round trip a report).
INSERT_REPORT = (
    "WITH r AS (INSERT INTO budget.report (department_id, fiscal_year, kind, title, title_line, scope, unit, "
    "source_file, sha256, parser_version, version, missing_tables, template, report_key) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id), "
    "x AS (INSERT INTO budget.report_document (report_id, position, source_file, sha256) "
    "SELECT r.id, d.position, d.source_file, d.sha256 "
    "FROM r, unnest(%s::text[], %s::text[]) WITH ORDINALITY AS d(source_file, sha256, position)) "
    "SELECT id FROM r")


def names_and_digests(source_file: str, digests: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """`source_file` as stored with the report ('a.pdf + b.pdf' for two documents), one name a digest."""
    names = source_file.split(JOIN) if len(digests) > 1 else [source_file]
    if len(names) != len(digests):
        raise ValueError(f"{source_file}: {len(digests)} documents, {len(names)} names")
    return names, list(digests)


def store(conn: psycopg.Connection, report_id: int, source_file: str, digests: tuple[str, ...]) -> None:
    conn.execute(_STORE, (report_id, *names_and_digests(source_file, digests)))


def loaded_groups(conn: psycopg.Connection, digests: dict[str, str | None]) -> list[tuple[str, ...]]:
    """The files whose bytes are documents of versions read by this parser version, grouped as
    those versions were loaded: a current version first, then the newest. A group is taken only
    when all of its documents are here, each in one file, and none is in a group taken before;
    the files of no group are read by pairing."""
    paths_of: dict[str, list[str]] = defaultdict(list)
    for path, digest in digests.items():
        if digest:
            paths_of[digest].append(path)
    if not paths_of:
        return []
    rows = conn.execute(
        "SELECT d.report_id, d.sha256 FROM budget.report_document d JOIN budget.report r ON r.id = d.report_id "
        "WHERE r.parser_version = %s AND d.report_id IN "
        "(SELECT report_id FROM budget.report_document WHERE sha256 = ANY(%s)) "
        "ORDER BY r.superseded_at IS NULL DESC, r.id DESC, d.position",
        (PARSER_VERSION, list(paths_of)),
    ).fetchall()
    versions: dict[int, list[str]] = defaultdict(list)  # in the order above
    for report_id, digest in rows:
        versions[report_id].append(digest)
    taken: set[str] = set()
    groups: list[tuple[str, ...]] = []
    for version in versions.values():
        if len(version) == 1:
            found = [(path,) for path in paths_of[version[0]] if path not in taken]
        elif all(len(paths_of[digest]) == 1 for digest in version):
            found = [tuple(paths_of[digest][0] for digest in version)]
        else:
            continue
        for group in found:
            if taken.isdisjoint(group):
                taken.update(group)
                groups.append(group)
    return groups
