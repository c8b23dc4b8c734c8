"""The national economic classification (部门预算支出经济分类), loaded from its code-list file."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CODE_LIST = Path(__file__).resolve().parent.parent / "budget_db" / "reference" / "economic_classification.csv"

_WIDTH = str.maketrans("（）", "()")


def name_key(name: str) -> str:
    """Names differ in bracket width and spacing between reports: 维修(护)费 / 维修（护）费."""
    return re.sub(r"\s+", "", name).translate(_WIDTH)


@dataclass(frozen=True)
class EconomicCode:
    code: str
    name: str
    parent_code: str | None


@lru_cache(maxsize=1)
def economic_codes() -> tuple[EconomicCode, ...]:
    with open(CODE_LIST, encoding="utf-8") as f:
        return tuple(EconomicCode(r["code"], r["name"], r["parent_code"] or None) for r in csv.DictReader(f))


def category_code(name: str) -> str | None:
    """The 类 code for a category name such as 工资福利支出."""
    key = name_key(name)
    return next((c.code for c in economic_codes() if c.parent_code is None and name_key(c.name) == key), None)


def item_code(name: str, category: str | None) -> str | None:
    """The 款 code for an item name, preferring one under the printed category's 类."""
    key = name_key(name)
    matches = [c for c in economic_codes() if c.parent_code and name_key(c.name) == key]
    for match in matches:
        if match.parent_code == category:
            return match.code
    return matches[0].code if matches else None
