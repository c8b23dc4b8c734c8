"""The text before 表.1: title, contents, the eight parts with the true totals, the 附表 list.

Sentences follow the sample's wording (the narrative rules read these forms); every stated amount
is the spec's own, so the narrative agrees with the tables.
"""

from __future__ import annotations

from decimal import Decimal

from tests.generator.money import percent, printed, total
from tests.generator.spec import Spec

PARTS = ("部门概况", "部门预算收支总体情况", "部门预算支出具体情况", "政府采购预算情况", "“三公”经费财政拨款预算情况",
         "部门预算绩效管理情况", "其他需要说明情况", "名词解释")
NUMERALS = "一二三四五六七八"
APPENDIX = ("收支预算总表", "收入预算表", "支出预算表", "基本支出预算表", "项目支出预算表", "财政拨款收支总体情况表",
            "一般公共预算支出情况表", "政府性基金预算支出情况表", "国有资本经营预算支出情况表", "上级专项转移支付支出预算表",
            "政府采购项目支出预算表", "“三公”经费财政拨款预算情况表", "部门预算绩效管理项目情况表", "部门整体支出绩效目标表",
            "项目支出绩效目标表")


def change(current: Decimal, previous: Decimal, year: int, *, with_percent: bool = False) -> str:
    """'，比2019年减少1,532.98万元，减少1.04%' (nothing when there is no change to state)."""
    difference = current - previous
    if not difference:
        return ""
    direction = "增加" if difference > 0 else "减少"
    text = f"，比{year - 1}年{direction}{printed(abs(difference))}万元"
    if with_percent:
        text += f"，{direction}{printed(abs(percent(difference, previous)), commas=False)}%"
    return text


def part(number: int) -> str:
    return f"第{NUMERALS[number - 1]}部分 {PARTS[number - 1]}"


def narrative(spec: Spec) -> list[str]:
    """The paragraphs, in order (the layout puts a blank line between them)."""
    year, dept = spec.year, spec.department
    title = f"{year} 年{dept}（{spec.scope}） 部门预算"
    personnel = spec.category_total("301")
    public = spec.category_total("302")
    household = spec.category_total("303")
    project = spec.project_funding.total
    grand = spec.income.total
    authorized, actual, retired = spec.staff[0], spec.staff[0] - spec.staff[1], spec.staff[2]
    lines = [title, "目 录", *(part(n) for n in range(1, 9)), title.replace(" 年", "年", 1), part(1), "一、主要职能",
             f"负责{dept}职责范围内的各项工作，组织实施年度重点任务。", "二、机构编制及交通工具情况",
             f"{dept}行政编制数 {authorized} 人，实有在编人数 {actual} 人；退休 {retired} 人。",
             f"三、{year} 年主要工作目标", f"{dept} {year} 年主要工作目标包括：{'；'.join(spec.dept_goals)}。",
             part(2),
             f"{year}年{dept}部门预算支出{printed(grand)}万元{change(grand, spec.previous_total, year, with_percent=True)}。"
             f"其中：人员支出{printed(personnel)}万元、公用支出{printed(public)}万元、对个人和家庭的补助支出"
             f"{printed(household)}万元、项目支出{printed(project)}万元。",
             part(3),
             f"{dept}预算{printed(grand)}万元，包括人员支出{printed(personnel)}万元、公用支出{printed(public)}万元、"
             f"对个人和家庭的补助支出{printed(household)}万元、项目支出{printed(project)}万元。",
             f"(一) 人员支出 {printed(personnel)} 万元，主要是在职人员工资福利支出。",
             f"(二) 公用支出 {printed(public)} 万元，主要是办公费、水电费、物业管理费等公用经费。",
             f"(三) 对个人和家庭补助支出 {printed(household)} 万元，主要是离退休人员经费。",
             f"(四) 项目支出 {printed(project)} 万元，具体包括：",
             *(f"{p.name} {printed(p.funding.total)} 万元，主要用于{p.goals[0]}。" for p in spec.projects),
             part(4), *_procurement(spec), part(5), *_three_public(spec), part(6),
             "实施部门预算绩效管理的项目情况及工作要求",
             f"{year}年{dept}所有项目支出预算纳入部门预算绩效管理，设置并编报项目绩效目标及部门整体支出绩效目标。",
             part(7), "一、机关运行经费",
             f"{year}年{dept}机关运行经费财政拨款预算{printed(public)}万元"
             f"{change(public, spec.previous_operating, year, with_percent=True)}，主要是日常运转经费。",
             "二、国有资产占有使用情况", f"截止{year - 1}年12月31日，本单位共有车辆{spec.staff[1]}辆。",
             "三、其他", _funds_sentence(spec),
             f"2 上级专项转移支付支出预算为{printed(total(v for *_, v in spec.transfers))}万元，主要用于上级下达的专项工作。",
             part(8), "一、一般公共预算拨款收入：指本级财政当年拨付的资金。",
             "二、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
             "三、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"]
    return lines


def _procurement(spec: Spec) -> list[str]:
    actual = total(p.actual for p in spec.procurement)
    annual = total(p.annual for p in spec.procurement)
    return [f"按照政府采购管理方式改革有关要求，跨年度项目编制分年度预算。据此，{spec.year} 年{spec.department}采购项目纳入 "
            f"{spec.year} 年部门预算实际指标 {printed(actual)} 万元，一年采购指标 {printed(annual)} 万元。"]


def _three_public(spec: Spec) -> list[str]:
    before, now = spec.three_public
    year = spec.year
    return [
        "“三公” 经费财政拨款预算情况说明",
        f"{year} 年“三公”经费财政拨款预算 {printed(now.total)} 万元{change(now.total, before.total, year)}。",
        f"1. 因公出国（境）费用。{year} 年预算数 {printed(now.travel)} 万元{change(now.travel, before.travel, year)}。",
        f"2. 公务接待费。{year} 年预算数 {printed(now.reception)} 万元{change(now.reception, before.reception, year)}。",
        f"3.公务用车购置和运行维护费。{year}年预算数{printed(now.vehicles)}万元，其中：公务用车购置费{year}年预算数"
        f"{printed(now.purchase)}万元{change(now.purchase, before.purchase, year)}；公务用车运行维护费{year}年预算数"
        f"{printed(now.operation)}万元{change(now.operation, before.operation, year)}。",
    ]


def _funds_sentence(spec: Spec) -> str:
    if not spec.options.gov_fund and not spec.options.state_capital:
        return "1. 本单位无政府性基金预算支出、国有资本经营预算支出。"
    return "1. 本单位政府性基金预算支出、国有资本经营预算支出情况见表8、表9。"


def appendix_list() -> list[str]:
    return ["附表:", *(f"{n}. {name}" for n, name in enumerate(APPENDIX, start=1))]
