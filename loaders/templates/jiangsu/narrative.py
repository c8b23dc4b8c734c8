"""The Jiangsu narrative (部门概况, 情况说明): its sections, and the figures it states."""

from __future__ import annotations

from loaders.narrative import read as read_sections


def read(grid, meta) -> list:
    return read_sections(grid, meta)
