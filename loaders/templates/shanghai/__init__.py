"""上海市区级部门预算 (普陀区 2024–2025): nine tables headed by their title only.

`2025年部门财务收支预算总表` … `2025年部门“三公”经费和机关运行经费预算表` (the 目录 lists them with
dots and a number: not tables); `编制部门：X 单位：元` under each title; amounts in 元 except the
“三公” table (万元); functional codes over 类 | 款 | 项 columns. The narrative explains the tables
after them (其他相关情况说明, 项目经费情况说明 … 七、绩效目标): loaders.shanghai_narrative.
"""

from __future__ import annotations

import re

from loaders.template import Column, Header, Layout, Template, titled_table

ID = "shanghai_budget"
TITLES = (
    "部门财务收支预算总表", "部门收入预算总表", "部门支出预算总表", "部门财政拨款收支预算总表",
    "部门一般公共预算支出功能分类预算表", "部门政府性基金预算支出功能分类预算表", "部门国有资本经营预算支出功能分类预算表",
    "部门一般公共预算基本支出部门预算经济分类预算表", "部门三公经费和机关运行经费预算表",
)
_TITLE = "|".join(t.replace("三公", "“?三公”?") for t in TITLES)
LAYOUT = Layout(
    marker=re.compile(rf"^\s*(?:(?:19|20)\d{{2}}\s*年\s*)?({_TITLE})\s*$"),
    unit_name=re.compile(r"^\s*编制部门\s*[：:]\s*(.*?)\s*$"),
    unit=re.compile(r"^\s*单位\s*[：:]\s*(.*?)\s*$"),
    unit_name_and_unit=re.compile(r"^\s*(?P<name>编制部门\s*[：:].*?)\s+单位\s*[：:]\s*(?P<unit>\S+)\s*$"),
    title_marker=True,
    narrative_resumes=re.compile(r"^\s*其他相关情况说明\s*$"),
    note=re.compile(r"^\s*注\s*[：:]"),
)
TITLE = re.compile(r"^\s*上海市(?P<department>\S+?区)(?P<year>(?:19|20)\d{2})年区级(?P<kind>部门预算)(?P<scope>(?!))?\s*$")

_CODE = (Column("code_class", "类"), Column("code_section", "款"), Column("code_item", "项"),
         Column("name", "功能分类科目名称"))
_YEAR = r"(?:(?:19|20)\d{2}年)?"
SUMMARY = Header((Column("income_label", "项目"), Column("income_amount", "预算数"),
                  Column("expenditure_label", "项目"), Column("expenditure_amount", "预算数")))
FISCAL_SUMMARY = Header((
    Column("income_label", "项目"), Column("income_amount", "预算数"),
    Column("expenditure_label", "项目"), Column("expenditure_amount", "合计"),
    Column("funding:general_public", "一般公共预算"), Column("funding:government_fund", "政府性基金预算"),
    Column("funding:state_capital", "国有资本经营预算")))
INCOME = Header((*_CODE, Column("total", "合计"), Column("funding:fiscal", "财政拨款收入"),
                 Column("funding:business_income", "事业收入"),
                 Column("funding:business_operation_income", "事业单位经营收入"),
                 Column("funding:other_income", "其他收入")))
FUNCTIONAL = Header((*_CODE, Column("total", "合计"), Column("basic_expenditure", "基本支出"),
                     Column("project_expenditure", "项目支出")))
ECONOMIC = Header((Column("code_class", "类"), Column("code_section", "款"), Column("name", "经济分类科目名称"),
                   Column("total", "合计"), Column("personnel_expenses", "人员经费"),
                   Column("public_expenses", "公用经费")))
THREE_PUBLIC = Header((
    Column("total", "合计"), Column("overseas_travel", r"因公出国[(（]境[)）]费"), Column("official_reception", "公务接待费"),
    Column("vehicle_subtotal", "小计"), Column("vehicle_purchase", "购置费"), Column("vehicle_operation", "运行费"),
    Column("operating_expenses", rf"{_YEAR}机关运行经费预算数")))


TEMPLATE = Template(
    id=ID,
    name="上海市区级部门预算（9 张预算表）",
    region="上海市",
    kinds=("部门预算",),
    layout=LAYOUT,
    title=TITLE,
    tables=(
        titled_table(TITLES[0], "two_sided_totals", "two_sided_summary:read_by_fund", "全部资金", SUMMARY),
        titled_table(TITLES[1], "income_by_function", "coded_functional:read", "全部资金", INCOME),
        titled_table(TITLES[2], "functional_expenditure", "coded_functional:read", "全部资金", FUNCTIONAL),
        titled_table(TITLES[3], "two_sided_totals", "two_sided_summary:read_by_fund", "财政拨款", FISCAL_SUMMARY),
        titled_table(TITLES[4], "functional_expenditure", "coded_functional:read", "一般公共预算", FUNCTIONAL),
        titled_table(TITLES[5], "functional_expenditure", "coded_functional:read", "政府性基金", FUNCTIONAL),
        titled_table(TITLES[6], "functional_expenditure", "coded_functional:read", "国有资本经营", FUNCTIONAL),
        titled_table(TITLES[7], "basic_expenditure", "coded_economic:read", "一般公共预算", ECONOMIC),
        titled_table(TITLES[8], "three_public", "three_public_columns:read", "财政拨款", THREE_PUBLIC,
               end=r"^\d+(\.\d+)?$"),
    ),
    core=TITLES,
    narrative_reader="loaders.shanghai_narrative:read",
)
