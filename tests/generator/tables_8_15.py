"""表8–表15 of a spec: printed blocks and the rows their views must show."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.generator import catalog
from tests.generator.blocks import Block, cell, key_amount
from tests.generator.money import printed, total
from tests.generator.spec import Spec
from tests.generator.tables_1_7 import functional_table

LEVELS = {3: "类", 5: "款", 7: "项"}
INDICATOR_HEADER = ("年度绩效指标", "一级指标", "二级指标", "指标内容", "", "目标值")


def table_10(spec: Spec, key: dict) -> Block:
    header = [("预算单位", "科目编码", "科目名称", "项目名称", "项目金额")]
    block = Block("10", "上级专项转移支付资金情况表", header, [])
    amounts: dict[str, Decimal] = {}
    for code, _, value in spec.transfers:
        for prefix in (code[:3], code[:5], code):
            amounts[prefix] = amounts.get(prefix, Decimal("0.00")) + value
    projects = {code: name for code, name, _ in spec.transfers}
    rows = [(spec.department, None, None, None, total(v for *_, v in spec.transfers))]
    rows += [(None, c, catalog.FUNCTIONAL_NAMES[c], projects.get(c), amounts[c]) for c in sorted(amounts)]
    key["t10_transfer_payment"] = []
    for row_no, (unit, code, name, project, value) in enumerate(rows, start=1):
        block.rows.append((unit or "", code or "", name or "", project or "", cell(value)))
        key["t10_transfer_payment"].append({
            "row_no": row_no, "budget_unit": unit, "functional_code": code, "functional_name": name,
            "project_name": project, "amount": key_amount(value),
            "code_level": LEVELS[len(code)] if code else None,
            "parent_code": code[:-2] if code and len(code) > 3 else None,
        })
    return block


def table_11(spec: Spec, key: dict) -> Block:
    header = [("采购项目", "采购品目", "服务年限", "实际指标", "一年采购指标", "需求时间", "备注")]
    block = Block("11", "政府采购项目支出预算表", header, [])
    key["t11_procurement"] = []
    for row_no, line in enumerate(spec.procurement, start=1):
        block.rows.append((line.name, line.category, str(line.years), cell(line.actual), cell(line.annual),
                           line.demand, line.remark))
        month = None if line.demand == "往年采购" else date(int(line.demand[:4]), int(line.demand[5:]), 1)
        key["t11_procurement"].append({
            "row_no": row_no, "project_name": line.name, "procurement_category": line.category,
            "service_years": line.years, "actual_amount": line.actual, "annual_amount": line.annual,
            "demand_time_text": line.demand, "remark": line.remark, "demand_month": month,
        })
    return block


def table_12(spec: Spec, key: dict) -> Block:
    header = [("预算单位", "年度", "“三公” 经费财政 拨款预算 总额", "因公出国 (境)费", "公务接 待费", "公务用车购置及运行维护费", "", ""),
              ("", "", "", "", "", "小计", "公务用车 购置费", "公务用 车运行 维护费")]
    block = Block("12", "“三公”经费财政拨款预算情况表", header, [])
    key["t12_three_public_expenses"] = []
    for row_no, year in enumerate(spec.three_public, start=1):
        values = (year.total, year.travel, year.reception, year.vehicles, year.purchase, year.operation)
        block.rows.append((spec.department, str(year.year), *(cell(v) for v in values)))
        names = ("total", "overseas_travel", "official_reception", "vehicle_subtotal", "vehicle_purchase",
                 "vehicle_operation")
        key["t12_three_public_expenses"].append({
            "row_no": row_no, "budget_unit": spec.department, "year": year.year,
            **{n: key_amount(v) for n, v in zip(names, values)},
        })
    return block


def period(spec: Spec) -> tuple[str, date, date]:
    return f"{spec.year}.01.01-{spec.year}.12.31", date(spec.year, 1, 1), date(spec.year, 12, 31)


def table_13(spec: Spec, key: dict) -> Block:
    header = [("实施单位", "项目名称", "预算金额", "", "", "预算执行时间"), ("", "", "合计", "一般公共预算拨款", "其他资金", "")]
    block = Block("13", "部门预算绩效管理项目情况表", header, [])
    text, start, end = period(spec)
    key["t13_performance_projects"] = []
    for row_no, project in enumerate(spec.projects, start=1):
        funds = project.funding
        other = funds.total - funds.general_public
        block.rows.append((spec.department, project.name, cell(funds.total), cell(funds.general_public),
                           cell(other), text))
        key["t13_performance_projects"].append({
            "row_no": row_no, "implementing_unit": spec.department, "project_name": project.name,
            "total": funds.total, "general_public_budget": key_amount(funds.general_public),
            "other_funds": key_amount(other), "period_text": text, "period_start": start, "period_end": end,
        })
    return block


def table_14(spec: Spec, key: dict) -> Block:
    income, basic, project = spec.income.total, spec.basic_funding.total, spec.project_funding.total
    leader, filler, phone = spec.people
    overview = f"负责{spec.department}职责范围内的各项工作，组织实施年度重点任务。"
    goals = " ".join(f"<p>目标 {n}：{goal}</p>" for n, goal in enumerate(spec.dept_goals, start=1))
    indicators = [("年度绩效指标", "(产出指标一)", "数量指标", "1、完成年度重点任务 12 项；2、开展专项检查 30 次。"),
                  ("", "", "质量指标", "1、任务完成率 100%；2、检查覆盖率≥90%。"),
                  ("", "效益指标", "经济效益指标", "不适用"),
                  ("", "", "社会效益指标", "公共服务水平有所提升。"),
                  ("", "", "生态效益指标", "不适用"),
                  ("", "", "可持续影响指标", "不适用"),
                  ("", "", "满意度指标", "服务对象满意度≥90%。")]
    rows = [("部门（单位）名称", spec.department, "", "负责人", leader),
            ("填报人", filler, "", "联系方式", phone),
            ("部门总体资金情况（万元）", "资金总额：", printed(income), "", ""),
            ("", "基本支出：", printed(basic), "", ""),
            ("", "项目支出：", printed(project), "", ""),
            ("", "其他：", "0.00", "", ""),
            ("部门（单位）职能概述", f"<p>{overview}</p>", "", "", ""),
            ("部门（单位）总体绩效目标", goals, "", "", ""),
            ("", "一级指标", "二级指标", "具体指标（指标内容、指标值）"),
            *indicators,
            ("", "其他说明的问题", "", "")]
    block = Block("14", "部门（单位）整体支出绩效目标申报表", [], rows, unit_lines=False, subtitle=f"({spec.year} 年度)")
    expected = [
        (None, "部门（单位）名称", None, None, None, spec.department, "header", None),
        (None, "负责人", None, None, None, leader, "header", None),
        (None, "填报人", None, None, None, filler, "header", None),
        (None, "联系方式", None, None, None, phone, "header", None),
        *(("部门总体资金情况（万元）", label, value, None, None, None, "amount", None) for label, value in (
            ("资金总额", income), ("基本支出", basic), ("项目支出", project), ("其他", Decimal("0.00")))),
        ("部门（单位）职能概述", None, None, None, None, overview, "overview", None),
        *(("部门（单位）总体绩效目标", f"目标 {n}", None, None, None, goal, "goal", n)
          for n, goal in enumerate(spec.dept_goals, start=1)),
    ]
    first = None
    for _, level1, level2, content in indicators:
        first = level1 or first
        expected.append(("年度绩效指标", None, None, first, level2, content, "indicator", None))
    expected.append((None, "其他说明的问题", None, None, None, None, "remark", None))
    columns = ("section", "label", "amount", "first_level_indicator", "second_level_indicator", "content",
               "row_kind", "goal_no")
    key["t14_department_performance_goals"] = [
        {"row_no": n, **dict(zip(columns, values))} for n, values in enumerate(expected, start=1)]
    return block


def table_15(spec: Spec, key: dict, sub: int, project) -> Block:
    funds = project.funding.total
    commas = sub % 2 == 0  # the sample prints both 9380.14 and 1,600.00
    goals = " ".join(f"目标 {n}：{goal}" for n, goal in enumerate(project.goals, start=1))
    if len(project.goals) == 1:
        goals = f"目标：{project.goals[0]}"
    header = [("项目名称", project.name, "项目单位", spec.department, "", ""),
              ("资金总额 (万元)", printed(funds, commas=commas), "其中：财政拨款", printed(funds, commas=commas),
               "其他资金", "0.00"),
              ("项目联系人", "、".join(project.contacts), "联系电话", ", ".join(project.phones), "", ""),
              ("项目绩效目标", goals, "", "", "", ""),
              INDICATOR_HEADER]
    rows = [("", i.level1, i.level2, i.content or "", i.target or "", "") for i in project.indicators]
    block = Block(f"15-{sub}", "项目支出绩效目标表", header, rows, unit_lines=False, subtitle=f"{spec.year} 年度",
                  break_repeats=[INDICATOR_HEADER] if spec.options.t15_header_repeat else [])
    key.setdefault("t15_project_performance_goals", []).append({
        "row_no": sub, "table_no": f"15-{sub}", "sub_no": sub, "project_name": project.name,
        "project_unit": spec.department, "total": funds, "fiscal_appropriation": funds,
        "other_funds": Decimal("0.00"), "contacts": list(project.contacts), "phones": list(project.phones),
        "goals": list(project.goals),
    })
    view = key.setdefault("t15_project_performance_indicators", [])
    for row_no, indicator in enumerate(project.indicators, start=1):
        level1, level2, operator, value, unit, kind = indicator.meaning
        view.append({"row_no": row_no, "table_no": f"15-{sub}", "sub_no": sub, "level1": level1,
                     "level2": level2, "content": indicator.content, "target": indicator.target,
                     "operator": operator, "value": value, "unit": unit, "target_kind": kind})
    return block


def tables_8_15(spec: Spec, key: dict) -> list[Block]:
    blocks = [functional_table(spec, 8, "政府性基金预算支出情况表", key, "t08_gov_fund_expenditure"),
              functional_table(spec, 9, "国有资本经营预算支出情况表", key, "t09_state_capital_expenditure"),
              table_10(spec, key), table_11(spec, key), table_12(spec, key), table_13(spec, key),
              table_14(spec, key)]
    blocks += [table_15(spec, key, sub, project) for sub, project in enumerate(spec.projects, start=1)]
    return blocks
