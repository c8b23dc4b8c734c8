"""深圳市部门预算, the 15-table template (the sample: 深圳市公安局罗湖分局 2020).

Markers 表.N / 表.15-N, 单位名称： and 单位： lines above each table, amounts in 万元.
"""

from __future__ import annotations

import re

from loaders.template import Column, Header, Layout, TableSpec, Template

LAYOUT = Layout(
    marker=re.compile(r"^\s*表\s*[.．]?\s*(\d+(?:\s*[-－]\s*\d+)?)\s*$"),  # 表.7, 表. 15-3, 表12, 表 8
    unit_name=re.compile(r"^\s*单位名称\s*[：:]\s*(.*?)\s*$"),
    unit=re.compile(r"^\s*单位\s*[：:]\s*(.*?)\s*$"),
    unit_name_and_unit=re.compile(r"^\s*(?P<name>单位名称\s*[：:].*?)\s+单位\s*[：:]\s*(?P<unit>\S+)\s*$"),
)
TITLE = re.compile(
    r"^\s*(?P<year>(?:19|20)\d{2})\s*年\s*(?P<department>[^（(]+?)\s*"
    r"(?:[（(]\s*(?P<scope>[^）)]+?)\s*[）)])?\s*(?P<kind>部门预算|单位预算|部门决算)\s*$"
)

_YEAR = r"(?:(?:19|20)\d{2}年?)?"
TWO_SIDED = Header((
    Column("income_label", "项目"), Column("income_amount", rf"{_YEAR}预算数"),
    Column("expenditure_label", "项目"), Column("expenditure_amount", rf"{_YEAR}预算数"),
), groups=("收入", "支出"))
# 表2, 表4, 表5: the conversion shifts the merged cells of this header, so it is verified as a
# whole and its columns taken in printed order.
_FUNDING = (
    Column("funding:fiscal", "小计"),
    Column("funding:general_public", "小计"),
    Column("funding:general_funds", "一般性经费拨款"),
    Column("funding:special_funds", "(政府|财政)专项资金拨款"),
    Column("funding:government_investment", "政府投资项目拨款"),
    Column("funding:government_fund", "政府性基金预算拨款"),
)
_OTHER_INCOME = (
    Column("funding:business_income", "事业收入"),
    Column("funding:other_income", "其他收入"),
    Column("funding:superior_subsidy", "上级补助收入"),
    Column("funding:prior_year_carryover", "上年结余、结转"),
)
_SPECIAL_ACCOUNT = Column("funding:fiscal_special_account", "财政专户拨款")
INCOME = Header(
    (Column("budget_unit", "预算单位"), Column("total", "收入总计"), *_FUNDING, _SPECIAL_ACCOUNT, *_OTHER_INCOME),
    groups=("本年收入", "财政预算拨款", "一般公共预算拨款"), by_position=False,
)
BASIC = Header(
    (Column("budget_unit", "预算单位"), Column("total", "总计"), *_FUNDING, _SPECIAL_ACCOUNT, *_OTHER_INCOME),
    groups=("财政预算拨款", "一般公共预算拨款"), by_position=False,
)
PROJECT = Header(
    (Column("budget_unit", "预算单位"), Column("total", "总计"), *_FUNDING, *_OTHER_INCOME),
    groups=("财政预算拨款", "一般公共预算拨款"), by_position=False,
)
EXPENDITURE = Header((
    Column("budget_unit", "预算单位"), Column("expenditure_total", "支出总计"),
    Column("basic_expenditure", "基本支出"), Column("project_expenditure", "项目支出"),
    Column("procurement", rf"{_YEAR}政府采购项目"),
    Column("procurement_sme", rf"{_YEAR}面向中小企业政府采购项目"),
    Column("procurement_small_micro", rf"{_YEAR}面向小型、?微型企业政府采购项目"),
), groups=("其中",))
FUNCTIONAL = Header((
    Column("budget_unit", "预算单位"), Column("functional_code", "科目编码"), Column("functional_name", "科目名称"),
    Column("total", "支出总计"), Column("basic_expenditure", "基本支出"), Column("project_expenditure", "项目支出"),
))


def _table(id: str, title: str, kind: str, reader: str, fund: str, header: Header | None = None, **options) -> TableSpec:
    return TableSpec(id=id, title=title, kind=kind, reader=f"loaders.{reader}", fund=fund, header=header, **options)


TEMPLATE = Template(
    id="shenzhen_budget",
    name="深圳市部门预算（15 张附表）",
    region="深圳市",
    kinds=("部门预算", "单位预算"),
    layout=LAYOUT,
    title=TITLE,
    tables=(
        _table("1", "收支预算总表", "two_sided_summary", "two_sided_summary:read", "全部资金", TWO_SIDED),
        _table("2", "收入预算表", "income_by_unit", "income_expenditure:read_income", "全部资金", INCOME),
        _table("3", "支出预算表", "expenditure_by_unit", "income_expenditure:read_expenditure", "全部资金",
               EXPENDITURE),
        _table("4", "基本支出预算表", "basic_expenditure", "basic_expenditure:read", "全部资金", BASIC),
        _table("5", "项目支出预算表", "project_expenditure", "project_expenditure:read", "全部资金", PROJECT),
        _table("6", "财政拨款收支预算总表", "two_sided_summary", "two_sided_summary:read", "财政拨款", TWO_SIDED),
        _table("7", "一般公共预算支出情况表", "functional_expenditure", "functional_expenditure:read", "一般公共预算",
               FUNCTIONAL),
        _table("8", "政府性基金预算支出情况表", "functional_expenditure", "functional_expenditure:read", "政府性基金",
               FUNCTIONAL),
        _table("9", "国有资本经营预算支出情况表", "functional_expenditure", "functional_expenditure:read",
               "国有资本经营", FUNCTIONAL),
        _table("10", "上级专项转移支付资金情况表", "transfer_payment", "transfer_payment:read", "一般公共预算"),
        _table("11", "政府采购项目支出预算表", "procurement", "procurement:read", "全部资金"),
        _table("12", "“三公”经费财政拨款预算情况表", "three_public", "three_public_expenses:read", "财政拨款"),
        _table("13", "部门预算绩效管理项目情况表", "performance_projects", "performance_projects:read", "全部资金"),
        _table("14", "部门（单位）整体支出绩效目标申报表", "department_performance", "department_performance:read",
               "全部资金", end="其他说明的问题"),
        _table("15", "项目支出绩效目标表", "project_performance", "project_performance:read", "全部资金",
               repeated=True, end="服务对象满意度.*|满意度指标"),
    ),
    core=("1", "2", "3", "4", "5", "6", "7"),
    narrative_reader="loaders.narrative:read",
    project_tables=("15",),
    project_list="13",
)
