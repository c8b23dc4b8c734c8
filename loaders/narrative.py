"""The narrative before 表.1: its sections as text, and the figures it states as facts.

Sections follow the printed headings: 第N部分 (a part) and 一、… (a sub-section of a part).
The table of contents repeats the part headings: the body starts at the last 第一部分 line.
A fact is one stated figure (staff, vehicles, amounts, changes on the previous year) with
the words that name it, its unit, and its source line. The patterns follow the template's
wording, never one department's names or numbers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from loaders.grid import CJK, NarrativeLine, clean_text, parse_amount


_PART = re.compile(r"^第([一二三四五六七八九十]+)部分\s*(.*)$")
# 一、主要职能 — a heading is short and not a sentence (名词解释 items such as 一、…：指… are text)
_SUBHEADING = re.compile(r"^([一二三四五六七八九十]+)、\s*([^：:。；，,]{1,30})$")
_APPENDIX_LIST = re.compile(r"^附表\s*[:：]?\s*$")
_CJK = re.compile(rf"[{CJK}]")

AMOUNT = r"(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_YEAR_WORD = r"(?:(?:19|20)\d{2}\s*年(?:度)?)?"
# What may stand between an item's name and its amount: '。2020 年预算数', '为', '：'.
_FILLER = rf"\s*[。.．:：，,]?\s*{_YEAR_WORD}\s*(?:财政拨款)?\s*(?:预算数?|预算总额|安排)?\s*(?:为|是|共|:|：)?\s*"
_CHANGE = re.compile(
    r"(?P<cmp>(?:比|较|与|同比)\s*(?:(?P<year>(?:19|20)\d{2})\s*年(?:度)?)?[^，。；,;\d]*?)"
    rf"(?P<direction>增加|减少|增长|下降|持平)\s*(?:{AMOUNT}\s*(?P<unit>万元|%))?"
)
_PERCENT_AFTER = re.compile(rf"\s*[，,、]?\s*(?:同比)?(?P<direction>增加|减少|增长|下降)\s*{AMOUNT}\s*%")
_CLAUSE_END = re.compile(r"[，,。；;]")


@dataclass(kw_only=True)
class NarrativeSection:
    TABLE: ClassVar[str] = "narrative_section"
    row_no: int
    section: str  # 第一部分, 第一部分 二
    heading: str  # as printed: 第一部分 部门概况, 二、机构编制及交通工具情况
    text: str | None  # the section's own lines, one per printed paragraph
    first_line: int
    last_line: int


@dataclass(kw_only=True)
class NarrativeFact:
    TABLE: ClassVar[str] = "narrative_fact"
    row_no: int
    section: str
    fact_key: str  # what the figure is, e.g. staff_admin_authorized, budget_total_change
    label: str  # the printed words that name it
    value: Decimal | None  # None for a change stated without a figure (持平)
    unit: str | None  # 人, 辆, 万元, %, 台（套）
    direction: str | None  # 增加 / 减少 / 持平 … for a change, as printed
    compared_year: int | None  # the year a change is measured against
    text_as_printed: str
    source_line: int


# -- sections ------------------------------------------------------------------------


@dataclass
class _Section:
    section: str
    part: str
    heading: str
    lines: list[NarrativeLine]
    heading_line: int


def split_sections(narrative: list[NarrativeLine]) -> list[_Section]:
    starts = [i for i, line in enumerate(narrative) if _PART.match(line.text) and _PART.match(line.text)[1] == "一"]
    if not starts:
        return []
    sections: list[_Section] = []
    part = ""
    for line in narrative[starts[-1]:]:
        text = clean_text(line.text)
        if _APPENDIX_LIST.match(text):
            break
        if match := _PART.match(text):
            part = f"第{match[1]}部分"  # clean_text took the space out of '第一部分 部门概况'
            sections.append(_Section(part, part, f"{part} {match[2]}".strip(), [], line.line_no))
        elif match := _SUBHEADING.match(text):
            sections.append(_Section(f"{part} {match[1]}", part, text, [], line.line_no))
        else:
            sections[-1].lines.append(NarrativeLine(line.line_no, text))
    return sections


class _Text:
    """A section's lines joined into one string (line wraps between CJK characters removed),
    with the source line of every position."""

    def __init__(self, lines: list[NarrativeLine]):
        parts, self.starts, self.line_nos, length = [], [], [], 0
        for line in lines:
            if parts and not (_CJK.match(parts[-1][-1]) and _CJK.match(line.text[0])):
                parts.append(" ")
                length += 1
            self.starts.append(length)
            self.line_nos.append(line.line_no)
            parts.append(line.text)
            length += len(line.text)
        self.text = "".join(parts)

    def line_at(self, offset: int) -> int:
        return self.line_nos[bisect.bisect_right(self.starts, offset) - 1]


# -- facts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    """An item the narrative states with an amount (and perhaps its change)."""

    key: str
    name: str  # regex of the printed name
    parts: tuple[str, ...]  # the parts (一 … 八) where it is looked for
    first_only: bool = False  # only its first statement in a section (a total)


_ITEMS = (
    _Item("budget_total", r"(?:部门)?预算(?:支出|收支)?(?:总额|总计|合计)?", ("二", "三"), first_only=True),
    _Item("personnel_expenditure", r"人员支出", ("二", "三")),
    _Item("public_expenditure", r"公用支出", ("二", "三")),
    _Item("household_subsidy", r"对个人和家庭的?补助(?:支出)?", ("二", "三")),
    _Item("project_expenditure", r"项目支出", ("二", "三")),
    _Item("basic_expenditure", r"基本支出", ("二", "三")),
    _Item("procurement_actual", r"实际指标", ("四",)),
    _Item("procurement_annual", r"一年采购指标", ("四",)),
    _Item("three_public_total", r"“三公”经费(?:财政拨款)?(?:预算)?(?:总额)?", ("五",)),
    _Item("overseas_travel", r"因公出国[（(]境[）)]费用?", ("五",)),
    _Item("official_reception", r"公务接待费", ("五",)),
    _Item("vehicle_total", r"公务用车购置(?:和|及)运行(?:维护)?费", ("五",)),
    _Item("vehicle_purchase", r"公务用车购置费", ("五",)),
    _Item("vehicle_operation", r"公务用车运行(?:维护)?费", ("五",)),
    _Item("operating_expenses", r"机关运行经费(?:财政拨款)?(?:预算)?", ("七",)),
    _Item("superior_transfer_payment", r"上级专项转移支付(?:支出)?(?:预算)?", ("七",)),
)

# Counts in 第一部分 (staff and vehicles): key, label, regex with the number as group 'value'.
_COUNT = r"(?P<value>\d+)\s*(?P<unit>人|名|辆)"
_COUNTS = (
    ("staff_admin_authorized", "行政编制", rf"行政编制(?:数|人数)?(?:为|共)?\s*{_COUNT}"),
    ("staff_admin_actual", "行政实有在编", rf"行政编制[^；;。]*?实有(?:在编|在职)?(?:人数)?(?:为)?\s*{_COUNT}"),
    ("staff_institution_authorized", "事业编制", rf"事业编制(?:数|人数)?(?:为|共)?\s*{_COUNT}"),
    ("staff_institution_actual", "事业实有在编",
     rf"事业编制[^；;。]*?实有(?:在编|在职)?(?:人数)?(?:为)?\s*{_COUNT}"),
    ("retired", "退休", rf"(?<!离)退休(?:人员)?(?:人数)?(?:为|共)?\s*{_COUNT}"),
    ("employees", "雇员", rf"雇员[^；;。\d]*?{_COUNT}"),
    ("vehicles", "实有车辆", rf"实有车辆(?:数)?(?:为|共)?\s*{_COUNT}"),
    ("vehicles_authorized", "定编车辆", rf"(?<!非)定编车辆(?:数)?\s*{_COUNT}"),
    ("vehicles_unauthorized", "非定编车辆", rf"非定编车辆(?:数)?\s*{_COUNT}"),
)

# 第七部分 国有资产: '共有车辆151辆', '一般执法执勤用车151辆', '单位价值50万以上通用设备0台（套）'.
_ASSET = re.compile(r"^(?P<label>.*?)(?P<value>\d+)\s*(?P<unit>辆|台[（(]套[）)]|台|套)")
_ASSET_CLAUSE = re.compile(r"[，,、：:；;]")
# '三、项目支出…具体包括' lists: '经常性业务费 3,936.15 万元，主要用于…'
_PROJECT_ITEM = re.compile(rf"^(?P<label>[^\d，。：:；,]+?)\s*{AMOUNT}\s*(?P<unit>万元)\s*[，,]\s*主要用于")


class _Facts:
    def __init__(self):
        self.facts: list[NarrativeFact] = []

    def add(self, section: str, key: str, label: str, value, unit, text: str, line: int,
            direction: str | None = None, compared_year: int | None = None) -> None:
        self.facts.append(NarrativeFact(
            row_no=len(self.facts) + 1, section=section, fact_key=key, label=label,
            value=None if value is None else parse_amount(value), unit=unit,
            direction=direction, compared_year=compared_year, text_as_printed=text.strip().rstrip("。；;"), source_line=line,
        ))

    def counts(self, section: str, text: _Text) -> None:
        found = []
        for key, label, pattern in _COUNTS:
            for match in re.finditer(pattern, text.text):
                found.append((match.start("value"), key, label, match))
        for _, key, label, match in sorted(found, key=lambda f: f[0]):
            self.add(section, key, label, match["value"], match["unit"], match[0], text.line_at(match.start("value")))

    def items(self, section: str, part: str, text: _Text) -> None:
        """Each item's stated amount, then the change stated after it (up to the next item)."""
        statements = []
        for item in _ITEMS:
            if part not in item.parts:
                continue
            pattern = re.compile(rf"(?P<name>{item.name}){_FILLER}{AMOUNT}\s*(?P<unit>万元)")
            matches = list(pattern.finditer(text.text))
            statements += [(m, item) for m in (matches[:1] if item.first_only else matches)]
        # Two names can end at the same amount ('预算' inside '部门预算支出'): keep the one
        # that starts first, so each stated amount is one fact.
        by_amount: dict[int, tuple] = {}
        for match, item in statements:
            kept = by_amount.get(match.end())
            if kept is None or match.start() < kept[0].start():
                by_amount[match.end()] = (match, item)
        ordered = sorted(by_amount.values(), key=lambda s: s[0].start())
        for index, (match, item) in enumerate(ordered):
            self.add(section, item.key, clean_text(match["name"]), match["value"], match["unit"], match[0],
                     text.line_at(match.start("value")))
            end = ordered[index + 1][0].start() if index + 1 < len(ordered) else len(text.text)
            self._change(section, item.key, text, match.end(), end)

    def _change(self, section: str, key: str, text: _Text, start: int, end: int) -> None:
        window = text.text[start:end]
        change = _CHANGE.search(window)
        if not change:
            return
        clause = _CLAUSE_END.search(window, change.end())
        printed = window[change.start():clause.start() if clause else len(window)]
        year = int(change["year"]) if change["year"] else None
        is_percent = change["unit"] == "%"
        self.add(section, f"{key}_change_percent" if is_percent else f"{key}_change", clean_text(change["cmp"]),
                 change["value"], change["unit"], printed, text.line_at(start + change.start("direction")),
                 direction=change["direction"], compared_year=year)
        percent = _PERCENT_AFTER.match(window, change.end())
        if percent and not is_percent:
            self.add(section, f"{key}_change_percent", clean_text(change["cmp"]), percent["value"], "%",
                     percent[0].lstrip("，,、 "), text.line_at(start + percent.start("value")),
                     direction=percent["direction"], compared_year=year)

    def assets(self, section: str, text: _Text) -> None:
        """Vehicles and equipment held, and those the budget plans to buy (a 购置 sentence)."""
        offset = 0
        for sentence in re.split(r"(?<=[。；;])", text.text):
            planned = "购置" in sentence
            clause_start = 0
            for clause in _ASSET_CLAUSE.split(sentence):
                position = offset + sentence.index(clause, clause_start)
                clause_start = position - offset + len(clause)
                match = _ASSET.match(clause)
                if not match:
                    continue
                label = re.sub(r"^.*?(?:安排购置|购置|共有|拥有)", "", match["label"]).strip() or match["label"]
                is_vehicle = match["unit"] == "辆"
                held_total = is_vehicle and re.search(r"共有|拥有", match["label"]) and not planned
                key = ("vehicles_planned_purchase" if planned else "vehicles_held_total" if held_total
                       else "vehicles_held") if is_vehicle else (
                    "equipment_planned_purchase" if planned else "equipment_held")
                self.add(section, key, clean_text(label), match["value"], match["unit"], clause,
                         text.line_at(position + match.start("value")))
            offset += len(sentence)

    def project_items(self, section: str, lines: list[NarrativeLine]) -> None:
        for line in lines:
            match = _PROJECT_ITEM.match(line.text)
            if match:
                self.add(section, "project_item", clean_text(match["label"]), match["value"], "万元",
                         line.text[:match.end("unit")], line.line_no)


def section_record(row_no: int, section: str, heading: str, first_line: int,
                   lines: list[NarrativeLine]) -> NarrativeSection:
    """A section as stored: its own lines as text, one per printed paragraph."""
    return NarrativeSection(
        row_no=row_no, section=section, heading=heading, text="\n".join(line.text for line in lines) or None,
        first_line=first_line, last_line=lines[-1].line_no if lines else first_line,
    )


def read(grid, meta) -> list:
    records: list = []
    facts = _Facts()
    for row_no, section in enumerate(split_sections(grid.narrative), start=1):
        lines = section.lines
        records.append(section_record(row_no, section.section, section.heading, section.heading_line, lines))
        if not lines:
            continue
        text = _Text(lines)
        part = section.part[1:-2]  # 第七部分 -> 七
        if part == "一":
            facts.counts(section.section, text)
        if part == "七" and re.search(r"资产|车辆|设备", section.heading):
            facts.assets(section.section, text)
        else:
            facts.items(section.section, part, text)
        if part == "三":
            facts.project_items(section.section, lines)
    return records + facts.facts


parse = read  # the name the table readers use for a whole grid
