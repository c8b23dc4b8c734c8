"""江苏省级部门预算 (2018–2019): twelve tables known by their titles.

Tables are headed 公开01表 … 公开12表, 公开表一 …, or only by their title; each has a
`部门：X 单位：万元` line. The printed id is the table's table_no where there is one, else the
declared id (the title). Amounts are in 万元. Some reports were exported from Excel (spacer
columns, cells wrapped over lines): every table is read by loaders.aligned_rows.
"""

from __future__ import annotations

import re
from collections import Counter

from loaders.errors import ReportError
from loaders.grid import ReportGrid, squeeze
from loaders.template import Column, Header, Layout, TableSpec, Template

# A title may carry the year and the department before it: 2018年度江苏省高级人民法院收支预算总表.
_PREFIX = r"(?:(?:19|20)\d{2}年度?)?(?P<department>江苏省[^年]*?[院厅会])?"
_THREE_PUBLIC = r"(?:一般公共预算)?[“\"]?三公[”\"]?经费、会议费、培训费支出预算表"

SUMMARY = Header((
    Column("income_label", "项目名称"), Column("income_amount", "金额", "amount"),
    Column("function_label", "功能科目名称"), Column("function_amount", "金额", "amount"),
    Column("use_label", "项目名称"), Column("use_amount", "金额", "amount"),
))
FISCAL_SUMMARY = Header((
    Column("income_label", "项目名称"), Column("income_amount", "金额", "amount"),
    Column("use_label", "项目名称"), Column("use_amount", "金额", "amount"),
))
INCOME_SUMMARY = Header((
    Column("label_group", "项目名称"), Column("label", ""), Column("amount", "金额", "amount"),
))
EXPENDITURE_SUMMARY = Header((
    Column("total", "合计", "amount"), Column("basic", "基本支出", "amount"), Column("project", "项目支出", "amount"),
    Column("reserve", "单位预留机动经费", "amount"), Column("carried_forward", "结转下年资金", "amount"),
))
FUNCTIONAL = Header((
    Column("functional_code", r"(?:功能)?科目(?:编码|代码)", "code"), Column("functional_name", r"(?:功能)?科目名称"),
    Column("total", "金额", "amount"),
))
ECONOMIC = Header((
    Column("economic_code", r"科目(?:编码|代码)", "code"), Column("item_name", "科目名称"),
    Column("total", "金额|基本支出|机关运行经费支出", "amount"),
))
THREE_PUBLIC = Header((
    Column("grand_total", "合计", "amount"), Column("total", "小计", "amount"),
    Column("overseas_travel", "因公出国[（(]境[）)]费", "amount"), Column("vehicle_subtotal", "小计", "amount"),
    Column("vehicle_purchase", "公务用车购置费", "amount"), Column("vehicle_operation", "公务用车运行(?:维护)?费", "amount"),
    Column("official_reception", "公务接待费", "amount"), Column("meeting_fee", "会议费", "amount"),
    Column("training_fee", "培训费", "amount"),
))
PROCUREMENT = Header((
    Column("procurement_category", "采购品目大类"), Column("project_name", "专项名称"),
    Column("economic_item", "经济科目"), Column("item_name", "采购物品名称"),
    Column("organisation_form", "采购组织形式", value=".*(?:采购|组织)"), Column("total", "总计", "amount"),
))


def _table(id: str, title: str, kind: str, reader: str, fund: str, header: Header) -> TableSpec:
    return TableSpec(id=id, title=id, kind=kind, reader=f"loaders.{reader}", fund=fund, header=header,
                     title_pattern=_PREFIX + title)


TABLES = (
    _table("收支预算总表", "收支预算总表", "three_sided_summary", "summary_sides:read", "全部资金", SUMMARY),
    _table("收入预算总表", "收入预算总表", "income_summary", "summary_sides:read_income", "全部资金", INCOME_SUMMARY),
    _table("支出预算总表", "支出预算总表", "expenditure_summary", "summary_sides:read_expenditure", "全部资金",
           EXPENDITURE_SUMMARY),
    _table("财政拨款收支预算总表", "财政拨款收支预算总表", "two_sided_summary", "summary_sides:read", "财政拨款",
           FISCAL_SUMMARY),
    _table("财政拨款支出预算表", "财政拨款支出预算表(?:（功能科目）)?", "functional_expenditure",
           "functional_expenditure:read_aligned", "财政拨款", FUNCTIONAL),
    _table("财政拨款基本支出预算表", "财政拨款基本支出预算表(?:（经济科目）)?", "basic_expenditure",
           "basic_expenditure:read_aligned", "财政拨款", ECONOMIC),
    _table("一般公共预算支出预算表", "一般公共预算支出预算表(?:（功能科目）)?", "functional_expenditure",
           "functional_expenditure:read_aligned", "一般公共预算", FUNCTIONAL),
    _table("一般公共预算基本支出预算表", "一般公共预算基本支出预算表(?:（经济科目）)?", "basic_expenditure",
           "basic_expenditure:read_aligned", "一般公共预算", ECONOMIC),
    _table("三公经费会议费培训费支出预算表", _THREE_PUBLIC, "three_public", "three_public_expenses:read_with_meetings",
           "一般公共预算", THREE_PUBLIC),
    _table("政府性基金支出预算表", "(?:财政拨款)?政府性基金(?:预算)?(?:财政拨款)?支出预算表", "functional_expenditure",
           "functional_expenditure:read_aligned", "政府性基金", FUNCTIONAL),
    _table("机关运行经费支出预算表", "一般公共预算机关运行经费支出预算表", "operating_expenses",
           "basic_expenditure:read_aligned", "一般公共预算", ECONOMIC),
    _table("政府采购预算表", "政府采购(?:支出)?预算表", "procurement", "procurement_lines:read", "全部资金", PROCUREMENT),
)
TITLES = [re.compile(t.title_pattern) for t in TABLES]
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def read_grid(text: str, source: str) -> ReportGrid:
    from loaders.templates.jiangsu.blocks import cut_text

    grid = cut_text(text, source, TITLES)
    for block in grid.tables:
        if not block.number:
            spec = TEMPLATE.spec_for(block)
            block.number = spec.id if spec else squeeze(block.title)
    return grid


def read_meta(grid: ReportGrid, template: Template):
    """Year from the report's first lines (or a table title), department as the tables print it."""
    from loaders.report import ReportMeta

    head = [line for line in grid.narrative[:8]]
    texts = [squeeze(line.text) for line in head] + [squeeze(b.title) for b in grid.tables]
    year = next((int(m[1]) for text in texts for m in [_YEAR.search(text)] if m), None)
    names = Counter(b.unit_name for b in grid.tables if b.unit_name)
    if not names:  # no 部门： line: the titles name the department (2018年度江苏省高级人民法院收支预算总表)
        names = Counter(m["department"] for b in grid.tables for p in TITLES
                        for m in [p.fullmatch(squeeze(b.title))] if m and m["department"])
    if year is None or not names:
        raise ReportError("no fiscal year or no 部门： line in the tables", where=grid.source)
    title_line = head[0] if head else None
    title = "".join(line.text for line in head[:2]) if head else f"{year}年{names.most_common(1)[0][0]}部门预算"
    return ReportMeta(
        department=names.most_common(1)[0][0], title=title, title_line=title_line.line_no if title_line else 1,
        fiscal_year=year, scope=None, kind="部门预算", unit="万元", region=template.region, template=template.id,
    )


TEMPLATE = Template(
    id="jiangsu_budget",
    name="江苏省级部门预算（公开01表—公开12表）",
    region="江苏省",
    kinds=("部门预算",),
    layout=Layout(marker=re.compile(r"^\s*公开\s*(\d{1,2})\s*表"), unit_name=re.compile(r"^\s*部\s*门\s*[：:]\s*(.*?)\s*$"),
                  unit=re.compile(r"单位\s*[：:]\s*(\S+)")),
    title=re.compile(r"(?P<year>(?:19|20)\d{2})"),
    tables=TABLES,
    core=("收支预算总表",),
    narrative_reader="loaders.templates.jiangsu.narrative:read",
    grid_reader="loaders.templates.jiangsu:read_grid",
    meta_reader="loaders.templates.jiangsu:read_meta",
    totals_first=True,
)
