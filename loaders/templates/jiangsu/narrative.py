"""The Jiangsu narrative (部门概况, 情况说明, 名词解释): its sections, and the figures it states.

Sections follow the printed headings (loaders.narrative). The figures are the totals and
amounts of 第三部分's 情况说明 — 收入、支出预算总计, 基本支出, 项目支出, 单位预留机动经费, the
三公 items, 会议费, 培训费, 机关运行经费, 政府采购 — and the vehicles held; each fact is the first
statement of its item (the later sections restate them), with its source line.
"""

from __future__ import annotations

import re

from loaders.narrative import AMOUNT, NarrativeSection, _Facts, _Text, split_sections
from loaders.narrative import read as read_shenzhen_sections

# key, the printed words (regex), what may stand between them and the amount
_ITEMS = (
    ("budget_total", r"收入、支出预算总计", r"\s*"),
    ("basic_expenditure", r"基本支出(?:预算数)?", r"\s*(?:为)?\s*"),
    ("project_expenditure", r"项目支出(?:预算数)?", r"\s*(?:为)?\s*"),
    ("reserve_fund", r"单位预留机动经费(?:预算数)?", r"\s*(?:为)?\s*"),
    ("overseas_travel", r"因公出国[（(]境[）)]费(?:预算)?支出", r"\s*"),
    ("vehicle_total", r"公务用车购置及运行(?:维护)?费(?:预算)?支出", r"\s*"),
    ("vehicle_purchase", r"公务用车购置(?:费)?预算支出", r"\s*"),
    ("vehicle_operation", r"公务用车运行维护费预算支出", r"\s*"),
    ("official_reception", r"公务接待费(?:预算)?支出", r"\s*"),
    ("meeting_fee", r"会议费\s*预算支出", r"\s*"),
    ("training_fee", r"培训费\s*预算支出", r"\s*"),
    ("operating_expenses", r"机关运行经费(?:预算)?支出", r"\s*"),
    ("procurement_total", r"政府采购支出预算总额", r"\s*"),
)
_VEHICLES = re.compile(r"共有车辆\s*(?P<value>\d+)\s*(?P<unit>辆)")


def read(grid, meta) -> list:
    sections = [r for r in read_shenzhen_sections(grid, meta) if isinstance(r, NarrativeSection)]
    facts = _Facts()
    seen: set[str] = set()
    for section in split_sections(grid.narrative):
        if not section.lines:
            continue
        text = _Text(section.lines)
        for key, name, filler in _ITEMS:
            match = re.search(rf"(?P<name>{name}){filler}{AMOUNT}\s*(?P<unit>万元|万)", text.text)
            if match and key not in seen:
                seen.add(key)
                facts.add(section.section, key, re.sub(r"\s+", "", match["name"]), match["value"], "万元", match[0],
                          text.line_at(match.start("value")))
        vehicles = _VEHICLES.search(text.text)
        if vehicles and "vehicles_held_total" not in seen:
            seen.add("vehicles_held_total")
            facts.add(section.section, "vehicles_held_total", "共有车辆", vehicles["value"], "辆", vehicles[0],
                      text.line_at(vehicles.start("value")))
    return sections + facts.facts
