"""Conventions shared by every typed record.

A record is a dataclass whose field names are the columns of one table in schema `budget`,
named by the class attribute TABLE. The loader adds `report_id` and writes all records of a
class in one COPY. Records with SHARED = True are code lists (not tied to one report): they are
inserted with ON CONFLICT DO NOTHING, carry no report_id, and are inserted in the order of their
class's `insert_order(record)` (parents before children, for the foreign keys).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from operator import attrgetter


def columns(record_class: type) -> list[str]:
    return [f.name for f in fields(record_class)]


def row_getter(record_class: type):
    """record -> tuple of its column values (one attrgetter per class: records are many)."""
    names = columns(record_class)
    getter = attrgetter(*names)
    return getter if len(names) > 1 else (lambda record: (getter(record),))


def is_shared(record_class: type) -> bool:
    return bool(getattr(record_class, "SHARED", False))


def of_classes(records: Iterable, classes: type | tuple[type, ...]) -> list:
    """The records that are instances of `classes`, in order.

    Decided once per record class: isinstance on a record of another class also looks up its
    __class__ (for each class of a tuple), and a report has thousands of records.
    """
    wanted: dict[type, bool] = {}
    found = []
    for record in records:
        record_class = type(record)
        keep = wanted.get(record_class)
        if keep is None:
            keep = wanted[record_class] = issubclass(record_class, classes)
        if keep:
            found.append(record)
    return found
