"""Blocks to text as pdfplumber prints the template: markers, titles, unit lines, page breaks.

A page break inside a table is a blank line; 表1/表6 (always) and the other tables with unit
lines (sometimes) then repeat 单位名称, 单位 and the header rows, as the sample does.
"""

from __future__ import annotations

import random

from tests.generator.blocks import Block


def marker(number: str, rng: random.Random) -> str:
    return f"表.{number}" if rng.random() < 0.5 else f"表. {number}"


def _furniture(department: str) -> list[str]:
    return [f"单位名称：{department}", "", "单位：万元", ""]


def _page_break(block: Block, department: str, rng: random.Random) -> list[str]:
    if block.unit_lines and (block.repeat_on_break or rng.random() < 0.5):
        return ["", *_furniture(department), *("\t".join(row) for row in block.header)]
    return ["", *("\t".join(row) for row in block.break_repeats)]


def block_lines(block: Block, department: str, breaks: set[int], rng: random.Random) -> list[str]:
    lines = [marker(block.number, rng), "", block.title, ""]
    if block.subtitle:
        lines += [block.subtitle, ""]
    if block.unit_lines:
        lines += _furniture(department)
    lines += ["\t".join(row) for row in block.header]
    for index, row in enumerate(block.rows):
        if index in breaks:
            lines += _page_break(block, department, rng)
        lines.append("\t".join(row))
    return [*lines, ""]


def page_breaks(blocks: list[Block], count: int, rng: random.Random) -> dict[int, set[int]]:
    """{block index: row indexes a page break comes before}, at random places."""
    places = [(b, r) for b, block in enumerate(blocks) for r in range(1, len(block.rows))]
    chosen: dict[int, set[int]] = {}
    for b, r in rng.sample(places, min(count, len(places))):
        chosen.setdefault(b, set()).add(r)
    return chosen


def document(paragraphs: list[str], appendix: list[str], blocks: list[Block], department: str,
             breaks: int, rng: random.Random) -> str:
    lines = ["", ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    lines += [*appendix, ""]
    where = page_breaks(blocks, breaks, rng)
    for index, block in enumerate(blocks):
        lines += block_lines(block, department, where.get(index, set()), rng)
    return "\n".join(lines) + "\n"
