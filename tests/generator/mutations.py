"""Mutations of a consistent generated report, one per kind of real-world variation (issue 10).

Each mutation is text -> text (None where the report has no place for it) with the outcome that
is right for it: (a) loaded and read right (views = the key, transformed as the mutation implies),
(b) refused with one line naming table and line, (c) loaded with an error finding that points at
the problem. Run `python -m tests.generator.mutations` for the table of outcomes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from tests.generator import textops
from tests.generator.report import Key

FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
SAME = "a"
REPEAT = r"repeat|重复|twice|两次"


@dataclass(frozen=True)
class Mutation:
    name: str
    issue_class: str  # the issue-10 class (or "found" for ones seen while writing the suite)
    apply: Callable[[str, random.Random], str | None]
    accepted: frozenset  # right outcomes: "a", "b", "c"
    key: Callable[[Key], None] | None = None  # how the key changes for (a), in place
    points_at: str | None = None  # a (b) message / (c) finding must match this


def mutation(name, issue_class, accepted=SAME, key=None, points_at=None):
    def register(apply):
        MUTATIONS.append(Mutation(name, issue_class, apply, frozenset(accepted), key, points_at))
        return apply
    return register


MUTATIONS: list[Mutation] = []


# -- 1 page furniture -------------------------------------------------------------------------
@mutation("unit lines on one line (spaces)", "1 page furniture")
def _unit_lines_spaces(text, rng):
    return re.sub(r"(单位名称：[^\n]*)\n\n(单位：万元)", r"\1  \2", text)


@mutation("unit lines on one line (TAB)", "1 page furniture")
def _unit_lines_tab(text, rng):
    return re.sub(r"(单位名称：[^\n]*)\n\n(单位：万元)", r"\1\t\2", text)


@mutation("markers without the dot (表12, 表 8)", "1 page furniture")
def _markers(text, rng):
    return re.sub(r"^表\.\s?(\d+(?:-\d+)?)$", lambda m: rng.choice(("表", "表 ")) + m[1], text, flags=re.M)


@mutation("stray page numbers at page breaks", "1 page furniture")
def _page_numbers(text, rng):
    for number in ("4", "7", "13"):
        text = textops.insert_lines(text, number, -1, ["", str(rng.randint(3, 40)), ""]) or text
    return text


@mutation("表2 unit name on its own line above the amounts", "1 page furniture")
def _t02_name_own_line(text, rng):
    lines = text.split("\n")
    index = textops.data_rows(lines, "2")[0]
    name, rest = lines[index].split("\t", 1)
    lines[index:index + 1] = [name, "\t" + rest]
    return "\n".join(lines)


@mutation("表3 unit name split over two rows", "1 page furniture")
def _t03_name_split(text, rng):
    lines = text.split("\n")
    index = textops.data_rows(lines, "3")[0]
    name, rest = lines[index].split("\t", 1)
    cut = len(name) // 2
    lines[index:index + 1] = [name[:cut], name[cut:] + "\t" + rest]
    return "\n".join(lines)


# -- 2 cells ----------------------------------------------------------------------------------
@mutation("trailing TABs stripped", "2 cells")
def _tabs_stripped(text, rng):
    return "\n".join(line.rstrip("\t") for line in text.split("\n"))


@mutation("trailing TABs added", "2 cells")
def _tabs_added(text, rng):
    return "\n".join(line + "\t" if "\t" in line else line for line in text.split("\n"))


def _drop_inner_empty(cells):
    """The first empty cell with a filled cell after it, dropped (amounts move left by one)."""
    for index in range(2, len(cells)):
        if not cells[index] and any(cells[index + 1:]):
            return cells[:index] + cells[index + 1:]
    return None


def _insert_empty(at):
    return lambda cells: cells[:at] + [""] + cells[at:]


# 表4 of a consistent report without fund money has no empty cell between filled ones.
for _table in ("2", "5", "13"):
    mutation(f"表{_table} an empty funding cell dropped", "2 cells", "abc", points_at=f"表{_table}")(
        lambda text, rng, t=_table: textops.edit_row(text, t, _drop_inner_empty))
for _table in ("2", "4", "5", "13"):
    mutation(f"表{_table} an extra empty cell inserted", "2 cells", "abc", points_at=f"表{_table}")(
        lambda text, rng, t=_table: textops.edit_row(text, t, _insert_empty(3)))


# -- 3 amounts --------------------------------------------------------------------------------
@mutation("spaces as thousands separators (145 863.63)", "3 amounts")
def _thousands_spaces(text, rng):
    return textops.in_tables(text, lambda line: re.sub(r"(?<=\d),(?=\d{3})", " ", line))


@mutation("full-width digits and punctuation", "3 amounts")
def _full_width(text, rng):
    return textops.in_tables(text, lambda line: textops.AMOUNT.sub(lambda m: m[0].translate(FULL_WIDTH), line))


def _zeros_in_t04(key: Key) -> None:
    for row in key.views["t04_basic_expenditure"]:
        for column in ("total", "fiscal_subtotal", "general_public_subtotal", "general_funds", "special_funds",
                       "government_investment", "government_fund", "fiscal_special_account", "business_income",
                       "other_income", "superior_subsidy", "prior_year_carryover"):
            if row[column] is None:
                row[column] = Decimal("0.00")


@mutation("表4 '-' and '—' for zero", "3 amounts", key=_zeros_in_t04)
def _dashes(text, rng):
    lines = text.split("\n")
    for index in textops.data_rows(lines, "4"):
        cells = lines[index].split("\t")
        lines[index] = "\t".join([cells[0], *(c or rng.choice(("-", "—")) for c in cells[1:])])
    return "\n".join(lines)


@mutation("a stray space inside amounts (26,431 .90)", "3 amounts")
def _stray_space(text, rng):
    for number in ("2", "3", "7"):
        text = textops.edit_row(text, number, lambda cells: [
            re.sub(r"\.(\d\d)$", r" .\1", c) if textops.AMOUNT.fullmatch(c) else c for c in cells]) or text
    return text


def _negate(left, right):
    def change(cells):
        return [cells[0], *(f"{left}{c}{right}" if c else c for c in cells[1:])]
    return lambda text, rng: _last_row(text, "4", change)


def _last_row(text, number, change):
    lines = text.split("\n")
    index = textops.data_rows(lines, number)[-1]
    lines[index] = "\t".join(change(lines[index].split("\t")))
    return "\n".join(lines)


# A negative item makes its category's sum wrong: the right outcome is a finding on 表4.
mutation("(0.10) negatives on a 表4 item", "3 amounts", "c", points_at="表4")(_negate("(", ")"))
mutation("（0.10） full-width negatives on a 表4 item", "3 amounts", "c", points_at="表4")(_negate("（", "）"))


# -- 4 several budget units (base reports with a 合计 row first) --------------------------------
def _plus_one(columns):
    def change(cells):
        if cells[0] == "合计":
            return None
        return [c if i not in columns or not c else f"{Decimal(c.replace(',', '')) + 1:,.2f}"
                for i, c in enumerate(cells)]
    return change


# The unit row still adds up across, but the units no longer add up to the 合计.
mutation("表2 a unit row that does not add up to the 合计", "4 several units", "c", points_at="表2")(
    lambda text, rng: textops.edit_row(text, "2", _plus_one({1, 2, 3, 4})) if "\n合计\t" in text else None)
mutation("表3 a unit row that does not add up to the 合计", "4 several units", "c", points_at="表3")(
    lambda text, rng: textops.edit_row(text, "3", _plus_one({1, 2})) if "\n合计\t" in text else None)


# -- 6 表15 -----------------------------------------------------------------------------------
@mutation("表15 page break repeating the indicator header", "6 表15")
def _t15_indicator_header(text, rng):
    lines = text.split("\n")
    return textops.insert_lines(text, "15-1", 3, ["", textops.header_rows(lines, "15-1")[-1]])


@mutation("表15 page break repeating the project header rows", "6 表15")
def _t15_project_header(text, rng):
    lines = text.split("\n")
    return textops.insert_lines(text, "15-1", 3, ["", *textops.header_rows(lines, "15-1")[:2]])


def _satisfaction_content(key: Key) -> None:
    rows = [r for r in key.views["t15_project_performance_indicators"] if r["table_no"] == "15-1"]
    rows[-1]["content"] = "服务对象满意度"


@mutation("表15 indicator content equal to a label (服务对象满意度)", "6 表15", key=_satisfaction_content)
def _t15_label_content(text, rng):
    lines = text.split("\n")
    index = textops.data_rows(lines, "15-1")[-1]
    cells = lines[index].split("\t")
    cells[3] = "服务对象满意度"
    lines[index] = "\t".join(cells)
    return "\n".join(lines)


def _signed_target(key: Key) -> None:
    row = next(r for r in key.views["t15_project_performance_indicators"] if r["table_no"] == "15-1"
               and r["level2"] == "质量指标")
    row.update(target="-5%", operator="=", value=Decimal("-5"), unit="%", target_kind="numeric")


@mutation("表15 a target with a sign (-5%)", "6 表15", key=_signed_target)
def _t15_signed(text, rng):
    lines = text.split("\n")
    for index in textops.data_rows(lines, "15-1"):
        cells = lines[index].split("\t")
        if "质量指标" in cells:  # the first 质量指标 row, as _signed_target
            cells[4] = "-5%"
            lines[index] = "\t".join(cells)
            return "\n".join(lines)
    return None


# -- 7 repeated rows --------------------------------------------------------------------------
@mutation("表4 a data row repeated after a page header", "7 repeated rows", "bc", points_at=REPEAT)
def _t04_repeated(text, rng):
    lines = text.split("\n")
    rows = textops.data_rows(lines, "4")
    at = rows[len(rows) // 2]
    furniture = ["", next(line for line in lines if line.startswith("单位名称：")), "", "单位：万元", "",
                 *textops.header_rows(lines, "4")]
    return "\n".join(lines[:at + 1] + furniture + [lines[at]] + lines[at + 1:])


@mutation("表13 a project row printed twice", "7 repeated rows", "bc", points_at=REPEAT)
def _t13_repeated(text, rng):
    lines = text.split("\n")
    at = textops.data_rows(lines, "13")[0]
    return "\n".join(lines[:at + 1] + [lines[at]] + lines[at + 1:])


# -- found while writing the suite ------------------------------------------------------------
@mutation("CRLF line ends", "found")
def _crlf(text, rng):
    return text.replace("\n", "\r\n")


@mutation("第二部分 states a wrong total", "found", "c", points_at="第二部分")
def _narrative_total(text, rng):
    return re.sub(r"(部门预算支出)([\d,]+\.\d\d)(万元)",
                  lambda m: f"{m[1]}{Decimal(m[2].replace(',', '')) + 100:,.2f}{m[3]}", text, count=1)


def _move_to_sibling(cells):
    """A 表5 project's 一般性经费拨款 printed under 财政专项资金拨款 (the row still adds up)."""
    if cells[4] and not cells[5] and cells[0] not in ("一般性项目", "政府投资项目"):
        return cells[:4] + ["", cells[4]] + cells[6:]
    return None


@mutation("表5 a project's amount in the sibling funding column", "found", "c", points_at="表[25]")
def _t05_sibling(text, rng):
    lines = text.split("\n")
    rows = textops.data_rows(lines, "5")[1:]  # not the unit row
    for index in rows:
        cells = _move_to_sibling(lines[index].split("\t"))
        if cells is not None:
            lines[index] = "\t".join(cells)
            return "\n".join(lines)
    return None


@mutation("表2 一般性经费拨款 and 政府投资项目拨款 swapped", "found", "c", points_at="表[12]")
def _t02_swapped(text, rng):
    def swap(cells):
        if cells[0] == "合计" or not cells[4] or not cells[6] or cells[4] == cells[6]:
            return None
        return cells[:4] + [cells[6], cells[5], cells[4]] + cells[7:]
    return textops.edit_row(text, "2", swap)


if __name__ == "__main__":
    from tests.generator.suite import main

    main()
