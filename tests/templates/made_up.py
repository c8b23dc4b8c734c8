"""A made-up three-table template, declared here only: a new template is a declaration plus
readers of existing kinds (no code in loaders/ knows it)."""

from __future__ import annotations

import re

from loaders.template import Column, Header, Layout, TableSpec, Template

TEMPLATE = Template(
    id="made_up_budget",
    name="某市部门预算（测试模板）",
    region="某市",
    kinds=("部门预算",),
    layout=Layout(
        marker=re.compile(r"^\s*附表\s*(\d+)\s*$"),
        unit_name=re.compile(r"^\s*部门\s*[：:]\s*(.*?)\s*$"),
        unit=re.compile(r"^\s*金额单位\s*[：:]\s*(.*?)\s*$"),
    ),
    title=re.compile(r"^(?P<year>\d{4})年(?P<department>[^（(]+?)(?:（(?P<scope>[^）]+)）)?(?P<kind>部门预算)$"),
    tables=(
        TableSpec(id="1", title="收支总表", kind="two_sided_summary", reader="loaders.two_sided_summary:read",
                  fund="全部资金", header=Header((
                      Column("income_label", "收入项目"), Column("income_amount", "金额"),
                      Column("expenditure_label", "支出项目"), Column("expenditure_amount", "金额")))),
        TableSpec(id="2", title="一般公共预算支出表", kind="functional_expenditure",
                  reader="loaders.functional_expenditure:read", fund="一般公共预算", header=Header((
                      Column("functional_code", "编码"), Column("functional_name", "名称"),
                      Column("total", "合计"), Column("basic_expenditure", "基本"),
                      Column("project_expenditure", "项目"), Column("budget_unit", "单位")))),
        TableSpec(id="3", title="“三公”经费预算表", kind="three_public", reader="loaders.three_public_expenses:read",
                  fund="财政拨款", end=r"\d{4}"),
    ),
    core=("1", "2", "3"),
)

TEXT = """2021年某市测试局部门预算

附表1
收支总表
部门：某市测试局
金额单位：元
收入项目\t金额\t支出项目\t金额
一般公共预算拨款\t1,000,000\t一般公共服务支出\t1,000,000
收入合计\t1,000,000\t支出合计\t1,000,000

附表2
一般公共预算支出表
部门：某市测试局
金额单位：元
编码\t名称\t合计\t基本\t项目\t单位
\t\t1,000,000\t600,000\t400,000\t某市测试局
201\t一般公共服务支出\t1,000,000\t600,000\t400,000\t
20101\t人大事务\t1,000,000\t600,000\t400,000\t

附表3
“三公”经费预算表
部门：某市测试局
金额单位：元
预算单位\t年度\t“三公”经费合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行维护费\t\t
\t\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费
某市测试局\t2021\t30,000\t\t10,000\t20,000\t\t20,000
"""
