"""The national economic classification (部门预算支出经济分类), loaded from its code-list file."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from loaders.grid import squeeze

CODE_LIST = Path(__file__).resolve().parent.parent / "budget_db" / "reference" / "economic_classification.csv"

_WIDTH = str.maketrans("（）", "()")


def name_key(name: str) -> str:
    """Names differ in bracket width and spacing between reports: 维修(护)费 / 维修（护）费."""
    return squeeze(name).translate(_WIDTH)


@dataclass(frozen=True)
class EconomicCode:
    code: str
    name: str
    parent_code: str | None


@lru_cache(maxsize=1)
def economic_codes() -> tuple[EconomicCode, ...]:
    with open(CODE_LIST, encoding="utf-8") as f:
        return tuple(EconomicCode(r["code"], r["name"], r["parent_code"] or None) for r in csv.DictReader(f))


@lru_cache(maxsize=1)
def _by_name() -> tuple[dict[str, str], dict[str, list[EconomicCode]]]:
    """({category name key: 类 code}, {item name key: its 款 entries}), built once."""
    categories: dict[str, str] = {}
    items: dict[str, list[EconomicCode]] = {}
    for entry in economic_codes():
        if entry.parent_code is None:
            categories[name_key(entry.name)] = entry.code
        else:
            items.setdefault(name_key(entry.name), []).append(entry)
    return categories, items


def category_code(name: str) -> str | None:
    """The 类 code for a category name such as 工资福利支出."""
    return _by_name()[0].get(name_key(name))


def item_code(name: str, category: str | None) -> str | None:
    """The 款 code for an item name, preferring one under the printed category's 类."""
    matches = _by_name()[1].get(name_key(name), [])
    for match in matches:
        if match.parent_code == category:
            return match.code
    return matches[0].code if matches else None
