"""部门决算, the national final-accounts set of nine tables (上海市普陀区财政局 2024, 万元).

Tables are headed by their title only, each followed by 单位：万元; functional codes over 类 | 款 |
项 columns; amounts are 决算数 (the “三公” table prints 预算数 and 决算数 for each item). The
narrative explains the tables after them (第三部分). The name, kind and year are on three lines
(上海市普陀区财政局 / 年度部门决算 / 2024): loaders.final_accounts_meta reads them, and refuses the
blank template (上海市XX局).
"""

from __future__ import annotations

import re

from loaders.template import Column, Header, Layout, Template, titled_table

ID = "final_accounts"
TITLES = (
    "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表", "财政拨款三公经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
)
_TITLE = "|".join(t.replace("三公", r"\s*“?\s*三公\s*”?\s*") for t in TITLES)
LAYOUT = Layout(
    marker=re.compile(rf"^\s*({_TITLE})\s*$"),
    unit_name=re.compile(r"^\s*(?:编制)?单位名称\s*[：:]\s*(.*?)\s*$"),
    unit=re.compile(r"^\s*(?:金额)?单位\s*[：:]\s*(.*?)\s*$"),
    title_marker=True,
    narrative_resumes=re.compile(r"^\s*第三部分"),
    note=re.compile(r"^\s*(?:注|说明)\s*[：:]"),
)
# The title lines: the department, then 年度部门决算 with the year on its line or the next.
TITLE = re.compile(r"^\s*(?P<year>(?:19|20)\d{2})?\s*年度\s*(?P<kind>部门决算)\s*$")

_CODE = (Column("code_class", "类"), Column("code_section", "款"), Column("code_item", "项"),
         Column("name", "科目名称"))
_LABEL = "项目"
TWO_SIDED = Header((
    Column("income_label", _LABEL), Column("income_amount", "决算数"),
    Column("expenditure_label", _LABEL), Column("expenditure_amount", "决算数"),
), groups=("收入", "支出"))
FISCAL_TWO_SIDED = Header((
    Column("income_label", _LABEL), Column("income_amount", "决算数"),
    Column("expenditure_label", _LABEL), Column("expenditure_amount", "合计"),
    Column("funding:general_public", "一般公共预算财政拨款"), Column("funding:government_fund", "政府性基金预算财政拨款"),
    Column("funding:state_capital", "国有资本经营预算财政拨款"),
))
INCOME = Header((*_CODE, Column("total", "本年收入合计"), Column("funding:fiscal", "财政拨款收入"),
                 Column("funding:superior_subsidy", "上级补助收入"), Column("funding:business_income", "事业收入"),
                 Column("funding:business_operation_income", "经营收入"),
                 Column("funding:subordinate_income", "附属单位上缴收入"), Column("funding:other_income", "其他收入")))
EXPENDITURE = Header((*_CODE, Column("total", "本年支出合计"), Column("basic_expenditure", "基本支出"),
                      Column("project_expenditure", "项目支出"), Column("upper_remittance", "上缴上级支出"),
                      Column("business_expenditure", "经营支出"),
                      Column("subsidy_to_subordinate", "对附属单位补助支出")))
GENERAL = Header((*_CODE, Column("total", "合计"), Column("basic_expenditure", "基本支出"),
                  Column("project_expenditure", "项目支出")))
ECONOMIC = Header(tuple(
    Column(f"{side}:{field}", label) for side in ("left", "right")
    for field, label in (("code_class", "类"), ("code_section", "款"), ("name", "科目名称"), ("total", "决算数"))))
_ITEMS = (("total", "合计"), ("overseas_travel", "因公出国"), ("vehicle_subtotal", "车小计"),
          ("vehicle_purchase", "购置费"), ("vehicle_operation", "运行维护费"), ("official_reception", "接待费"))
THREE_PUBLIC = Header(tuple(Column(f"{field}@{measure}", measure) for field, _ in _ITEMS
                            for measure in ("预算数", "决算数")))
# 政府性基金 / 国有资本经营: 年初结转和结余 | 本年收入 | 本年支出 (小计, 基本, 项目) | 年末结转和结余.
FUND = Header((*_CODE, Column("opening_balance", "年初结转和结余"), Column("income", "本年收入"),
               Column("total", "小计"), Column("basic_expenditure", "基本支出"),
               Column("project_expenditure", "项目支出"), Column("closing_balance", "年末结转和结余")))


TEMPLATE = Template(
    id=ID,
    name="部门决算（全国统一 9 张决算表）",
    region="上海市",
    kinds=("部门决算",),
    layout=LAYOUT,
    title=TITLE,
    tables=(
        titled_table(TITLES[0], "two_sided_totals", "two_sided_summary:read_by_fund", "全部资金", TWO_SIDED),
        titled_table(TITLES[1], "income_by_function", "coded_functional:read", "全部资金", INCOME),
        titled_table(TITLES[2], "functional_expenditure", "coded_functional:read", "全部资金", EXPENDITURE),
        titled_table(TITLES[3], "two_sided_totals", "two_sided_summary:read_by_fund", "财政拨款", FISCAL_TWO_SIDED),
        titled_table(TITLES[4], "functional_expenditure", "coded_functional:read", "一般公共预算", GENERAL),
        titled_table(TITLES[5], "economic_two_sided", "coded_economic:read", "一般公共预算", ECONOMIC),
        titled_table(TITLES[6], "three_public", "three_public_columns:read", "财政拨款", THREE_PUBLIC),
        titled_table(TITLES[7], "functional_expenditure", "coded_functional:read_fund", "政府性基金", FUND, end="合计"),
        titled_table(TITLES[8], "functional_expenditure", "coded_functional:read_fund", "国有资本经营", FUND, end="合计"),
    ),
    core=TITLES,
    narrative_reader="loaders.final_accounts_meta:read_narrative",
    meta_reader="loaders.final_accounts_meta:read_meta",
)
