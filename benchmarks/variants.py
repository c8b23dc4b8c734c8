"""Variants of a report: another department, another year, amounts scaled consistently.

Used by the load benchmark (many distinct reports) and by tests that need a second report or
a corrected version. The department and year are read from the report itself; years move by
a multiple of 4 so that dates such as 2020.02.29 stay valid; amounts (two decimals but not
percentages, and whole 万元 in sentences) are multiplied by an integer, so that every printed
total still adds up.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from loaders.report import parse_text

# A year not inside a longer number, and not the integer part of an amount such as 2020.53.
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d,])(?!\.\d{2}(?!\.\d))")
# An amount with two decimals that is not part of a date (2020.01.01) nor a percentage.
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\d.%％])")
_COMMA_AMOUNT = re.compile(r"\d,\d{3}\.\d{2}")
# Whole 万元 in sentences ('增加384万元'): scaled too, so that narrative figures still agree.
_WHOLE_WAN = re.compile(r"(?<![\d.,])(\d+)(?=\s*万元)")

DISTRICTS = ("罗湖", "福田", "南山", "宝安", "龙岗", "盐田", "龙华", "坪山", "光明", "大鹏")
BUREAUS = ("教育局", "卫生健康局", "水务局", "民政局", "司法局", "财政局", "城市管理局", "文化广电旅游体育局",
           "住房和建设局", "交通运输局")


def identity(text: str) -> tuple[str, int]:
    """(department, fiscal year) of a report text."""
    meta = parse_text(text, "variant").meta
    return meta.department, meta.fiscal_year


def department_name(index: int) -> str:
    """A distinct, plausible department name for each index < 100 (then numbered)."""
    district, bureau = DISTRICTS[index % len(DISTRICTS)], BUREAUS[(index // len(DISTRICTS)) % len(BUREAUS)]
    rounds = index // (len(DISTRICTS) * len(BUREAUS))
    return f"深圳市{district}区{bureau}" + (f"第{rounds + 1}办" if rounds else "")


def _scale_line(line: str, factor: int) -> str:
    commas = bool(_COMMA_AMOUNT.search(line))

    def scaled(match: re.Match) -> str:
        value = Decimal(match.group(1).replace(",", "") + "." + match.group(2)) * factor
        return f"{value:,.2f}" if commas or "," in match.group(1) else f"{value:.2f}"

    line = _AMOUNT.sub(scaled, line)
    return _WHOLE_WAN.sub(lambda m: str(int(m.group(1)) * factor), line)


def make_variant(text: str, *, department: str | None = None, year_shift: int = 0, factor: int = 1,
                 original: tuple[str, int] | None = None) -> str:
    """The same report for another department / year, with amounts times `factor`."""
    if year_shift % 4:
        raise ValueError("year_shift must be a multiple of 4 (leap days)")
    old_department, _ = original or identity(text)
    if department:
        text = text.replace(old_department, department)
    if year_shift:
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), text)
    if factor != 1:
        text = "\n".join(_scale_line(line, factor) for line in text.split("\n"))
    return text


def write_variants(sample: Path, folder: Path, count: int) -> list[Path]:
    """`count` distinct reports (department x year) made from `sample`, amounts scaled 1-3x."""
    text = sample.read_text(encoding="utf-8")
    original = identity(text)
    folder.mkdir(parents=True, exist_ok=True)
    shifts = (0, -4, 4, -8, 8)
    paths = []
    for index in range(count):
        department = department_name(index // len(shifts))
        shift = shifts[index % len(shifts)]
        variant = make_variant(text, department=department, year_shift=shift, factor=1 + index % 3,
                               original=original)
        path = folder / f"report_{index:05d}.txt"
        path.write_text(variant, encoding="utf-8")
        paths.append(path)
    return paths
