"""What a batch knows before it parses: which of its files are current reports already, and
which hold an earlier version of a report that a later file of the batch holds as current.

Two files of one report in one batch: the later wins (it is written last). When the later one is
the current version already, the earlier one is not written at all: writing it would only have
the later one replace it again, two new versions every night for a folder that holds, say, a
report's text and its PDF.
"""

from __future__ import annotations

from typing import NamedTuple

import psycopg

from budget_db.checks import finding_counts
from loaders.report import PARSER_VERSION


class Current(NamedTuple):
    """A current report, as a batch that finds its bytes again needs it."""

    report_id: int
    department: str
    fiscal_year: int
    version: int
    missing_tables: list[str]
    source_file: str
    documented: bool  # its documents are stored (budget.report_document)
    report_key: str
    findings: dict


def current_by_sha(conn: psycopg.Connection, digests: list[str]) -> dict[str, Current]:
    """The current reports of these sha256, read by this parser version (a newer parser reads the
    same bytes again)."""
    if not digests:
        return {}
    rows = conn.execute(
        "SELECT r.sha256, r.id, d.name, r.fiscal_year, r.version, r.missing_tables, r.source_file, "
        "EXISTS (SELECT FROM budget.report_document x WHERE x.report_id = r.id), r.report_key "
        "FROM budget.report r JOIN budget.department d ON d.id = r.department_id "
        "WHERE r.superseded_at IS NULL AND r.sha256 = ANY(%s) AND r.parser_version = %s",
        (digests, PARSER_VERSION),
    ).fetchall()
    findings = finding_counts(conn, [row[1] for row in rows])
    return {row[0]: Current(*row[1:], findings[row[1]]) for row in rows}


def earlier_version_keys(conn: psycopg.Connection, digests: list[str]) -> dict[str, str]:
    """sha256 -> report_key of superseded versions read by this parser version (the same bytes
    hold the same report: no need to parse them to know which)."""
    if not digests:
        return {}
    return dict(conn.execute(
        "SELECT DISTINCT sha256, report_key FROM budget.report "
        "WHERE superseded_at IS NOT NULL AND sha256 = ANY(%s) AND parser_version = %s",
        (digests, PARSER_VERSION),
    ).fetchall())


class LaterCurrent:
    """For each report, the last entry of the batch whose bytes are its current version."""

    def __init__(self, paths: list[str], digests: dict[str, str | None], current: dict[str, Current]):
        self._last: dict[str, tuple[int, str, Current]] = {}
        for index, path in enumerate(paths):
            known = current.get(digests[path])
            if known:
                self._last[known.report_key] = (index, path, known)

    def after(self, report_key: str | None, index: int) -> tuple[str, Current] | None:
        """The later entry (path, report) that holds this report as current, if there is one."""
        last = self._last.get(report_key) if report_key else None
        return (last[1], last[2]) if last and last[0] > index else None
