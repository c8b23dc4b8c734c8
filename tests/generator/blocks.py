"""A printed 附表 before layout: its marker, title, header rows and data rows (cells as text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tests.generator.money import nonzero, printed


@dataclass
class Block:
    number: str  # "1", "15-3"
    title: str
    header: list[tuple[str, ...]]
    rows: list[tuple[str, ...]]
    unit_lines: bool = True  # 单位名称 / 单位 lines under the title
    subtitle: str | None = None  # 表14 '(2020 年度)', 表15 '2020 年度'
    repeat_on_break: bool = False  # a page break repeats 单位名称, 单位 and the header rows
    break_repeats: list[tuple[str, ...]] = field(default_factory=list)  # rows a 表15 break repeats


def cell(value: Decimal | None, *, commas: bool = True) -> str:
    """An amount cell; zero is printed empty, as the template does."""
    return printed(nonzero(value) if value is not None else None, commas=commas)


def key_amount(value: Decimal | None) -> Decimal | None:
    """What the view shows for an amount printed with cell(): NULL for an empty cell."""
    return nonzero(value) if value is not None else None
