"""Code lists are files (budget_db/reference/): synced into schema budget by every migrate.

Idempotent (USAspending's habit): missing codes are inserted, changed names updated, nothing
deleted (facts may use a code the file no longer lists). The functional classification is kept
per fiscal year: the file's 类 are synced for every year a report has; a 款 or 项 code only a
report prints is kept with origin 'report' and the name that report prints, until the file
lists it.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import lru_cache

from psycopg import sql

from budget_db.config import REFERENCE_DIR


@dataclass(frozen=True)
class CodeList:
    table: str
    file: str
    key: tuple[str, ...]
    columns: tuple[str, ...]  # in parents-first order of the file's rows


CODE_LISTS = (
    CodeList("table_kind", "table_kinds.csv", ("code",), ("code", "name")),
    CodeList("money_unit", "money_units.csv", ("unit",), ("unit", "wan_yuan")),
    CodeList("funding_source", "funding_sources.csv", ("code",), ("code", "name", "parent_code", "ordinal")),
    CodeList("funding_source_label", "funding_source_labels.csv", ("label",), ("label", "source_code")),
    CodeList("economic_classification", "economic_classification.csv", ("code",), ("code", "name", "parent_code")),
)
FUNCTIONAL_CLASSES = "functional_classification_classes.csv"


@lru_cache(maxsize=None)
def rows(file: str, columns: tuple[str, ...]) -> tuple[tuple, ...]:
    with open(REFERENCE_DIR / file, encoding="utf-8") as f:
        return tuple(tuple(row[c] or None for c in columns) for row in csv.DictReader(f))


def _upsert(raw, table: str, key: tuple[str, ...], columns: tuple[str, ...], values: list[tuple]) -> None:
    others = [c for c in columns if c not in key]
    statement = sql.SQL(
        "INSERT INTO budget.{table} ({columns}) VALUES ({values}) ON CONFLICT ({key}) DO UPDATE SET {update} "
        "WHERE ({current}) IS DISTINCT FROM ({incoming})"
    ).format(
        table=sql.Identifier(table),
        columns=sql.SQL(", ").join(map(sql.Identifier, columns)),
        values=sql.SQL(", ").join(sql.Placeholder() * len(columns)),
        key=sql.SQL(", ").join(map(sql.Identifier, key)),
        update=sql.SQL(", ").join(sql.SQL("{0} = excluded.{0}").format(sql.Identifier(c)) for c in others),
        current=sql.SQL(", ").join(sql.Identifier(table, c) for c in others),
        incoming=sql.SQL(", ").join(sql.SQL("excluded.{}").format(sql.Identifier(c)) for c in others),
    )
    with raw.cursor() as cursor:
        cursor.executemany(statement, values)


def sync_functional_classes(raw, years: list[int]) -> None:
    """The file's 类 for each of `years` (origin 'file': its name wins over a report's)."""
    classes = rows(FUNCTIONAL_CLASSES, ("code", "name"))
    values = [(year, code, name, "类", None, "file") for year in years for code, name in classes]
    _upsert(raw, "functional_classification", ("fiscal_year", "code"),
            ("fiscal_year", "code", "name", "level", "parent_code", "origin"), values)


def files_checksum() -> str:
    """Identifies the code list files, so that a changed file is synced even at head."""
    digest = hashlib.sha256()
    for file in sorted([code_list.file for code_list in CODE_LISTS] + [FUNCTIONAL_CLASSES]):
        digest.update(file.encode() + b"\0" + (REFERENCE_DIR / file).read_bytes() + b"\0")
    return f"code lists sha256:{digest.hexdigest()}"


def synced_checksum(raw) -> str | None:
    row = raw.execute("SELECT obj_description(to_regnamespace('budget'), 'pg_namespace')").fetchone()
    return row[0] if row else None


def sync(connection) -> None:
    raw = getattr(getattr(connection, "connection", None), "driver_connection", connection)
    for code_list in CODE_LISTS:
        _upsert(raw, code_list.table, code_list.key, code_list.columns,
                list(rows(code_list.file, code_list.columns)))
    years = [row[0] for row in raw.execute("SELECT year FROM budget.fiscal_year ORDER BY year")]
    sync_functional_classes(raw, years)
    raw.execute(sql.SQL("COMMENT ON SCHEMA budget IS {}").format(sql.Literal(files_checksum())))
