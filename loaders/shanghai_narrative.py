"""The Shanghai budget's narrative: sections by their printed headings, as text.

Before the tables: 主要职能, 机构设置 (a 部门 report lists its member units there: kept as facts,
one per unit), 名词解释, 部门预算编制说明; after them: 其他相关情况说明 and 项目经费情况说明 with their
一、… sub-sections — the project's 绩效目标 (七、绩效目标) is that section's text, under the project
the 项目经费情况说明 describes.
"""

from __future__ import annotations

import re

from loaders.grid import clean_text
from loaders.narrative import NarrativeFact, section_record

_PARTS = re.compile(r"^(?:.+?(?P<duty>主要职能)|.+?(?P<units>机构设置)|名词解释|(?:19|20)\d{2}年部门预算编制说明|"
                    r"其他相关情况说明|项目经费情况说明)$")
_SUB = re.compile(r"^([一二三四五六七八九十]+)、\s*(.{1,30})$")
_MEMBER = re.compile(r"^(?P<no>\d+)\s*[.．、]\s*(?P<name>.+?)[。.]?$")


def read(grid, meta) -> list:
    sections: list[list] = []  # [section, heading, first_line, lines]
    part = None
    for line in grid.narrative:
        text = clean_text(line.text)
        match = _PARTS.match(text)
        if match and "…" not in text:
            part = text
            sections.append([part, text, line.line_no, []])
        elif part is None:
            continue  # the cover and the 目录
        elif part in ("其他相关情况说明", "项目经费情况说明") and (sub := _SUB.match(text)):
            sections.append([f"{part} {sub[1]}", text, line.line_no, []])
        else:
            sections[-1][3].append(line)
    records: list = []
    facts: list = []
    for row_no, (section, heading, first, lines) in enumerate(sections, start=1):
        records.append(section_record(row_no, section, heading, first, lines))
        if section.endswith("机构设置"):
            for line in lines:
                if member := _MEMBER.match(clean_text(line.text)):
                    facts.append(NarrativeFact(
                        row_no=len(facts) + 1, section=section, fact_key="member_unit", label=member["name"],
                        value=int(member["no"]), unit=None, direction=None, compared_year=None,
                        text_as_printed=line.text, source_line=line.line_no,
                    ))
    return records + facts
