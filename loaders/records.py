"""Conventions shared by every typed record.

A record is a dataclass whose field names are the columns of one table in schema `budget`,
named by the class attribute TABLE. The loader adds `report_id` and writes all records of a
class in one COPY. Records with SHARED = True are code lists (not tied to one report): they are
inserted with ON CONFLICT DO NOTHING and carry no report_id.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any


def columns(record_class: type) -> list[str]:
    return [f.name for f in fields(record_class)]


def values(record: Any) -> tuple:
    return tuple(getattr(record, f.name) for f in fields(record))


def is_shared(record_class: type) -> bool:
    return bool(getattr(record_class, "SHARED", False))
