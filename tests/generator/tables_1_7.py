"""表1–表7 of a spec: printed blocks and the rows their views must show."""

from __future__ import annotations

from decimal import Decimal

from tests.generator import catalog
from tests.generator.blocks import Block, cell, key_amount
from tests.generator.money import total
from tests.generator.spec import Funding, Spec, funding_sum

ZERO = Decimal("0.00")
FUNDING_KEYS = ("total", "fiscal_subtotal", "general_public_subtotal", "general_funds", "special_funds",
                "government_investment", "government_fund", "fiscal_special_account", "business_income",
                "other_income", "superior_subsidy", "prior_year_carryover")
PROJECT_KEYS = tuple(k for k in FUNDING_KEYS if k != "fiscal_special_account")

T02_HEADER = [
    ("预算单位", "收入总计", "本年收入", "", "", "", "", "", "", "", "上级补助收入", "上年结余、结转", ""),
    ("", "", "财政预算拨款", "", "", "", "", "", "事业收入", "其他收入", "", "", ""),
    ("", "", "一般公共预算拨款", "", "", "", "政府专项 资金拨款", "政府性基金 预算拨款", "", "", "", "", "财政专户 拨款"),
    ("", "", "小计", "小计", "一般性经费 拨款", "政府投资 项目 拨款", "", "", "", "", "", "", ""),
]
T04_HEADER = [
    ("预算单位", "总计", "财政预算拨款", "", "", "", "", "", "事业收入", "其他收入", "上级补助收入", "上年结余、结转", ""),
    ("", "", "小计", "一般公共预算拨款", "", "", "", "政府性基金预算拨款", "", "", "", "", "财政专户拨款"),
    ("", "", "", "小计", "一般性经费拨款", "财政专项资金拨款", "政府投资项目拨款", "", "", "", "", "", ""),
]
T05_HEADER = [
    ("预算单位", "总计", "财政预算拨款", "", "", "", "", "", "事业收入", "其他收入", "上级补助收入", "上年结余、结转"),
    ("", "", "小计", "一般公共预算拨款", "", "", "", "政府性基金预算拨款", "", "", "", ""),
    ("", "", "", "小计", "一般性经费拨款", "财政专项资金拨款", "政府投资项目拨款", "", "", "", "", ""),
]
TWO_SIDED_HEADER = [("收 入", "", "支 出", ""), ("项 目", "{year} 年预算数", "项 目", "{year} 年预算数")]
FUNCTIONAL_HEADER = [("预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出")]


def funding_cells(name: str, funding: Funding, *, project: bool = False) -> tuple[tuple[str, ...], dict]:
    """A 表2/表4/表5 row: printed cells and {view column: value}."""
    values = {
        "total": funding.total, "fiscal_subtotal": funding.total, "general_public_subtotal": funding.general_public,
        "general_funds": funding.general_funds, "special_funds": funding.special_funds,
        "government_investment": funding.government_investment, "government_fund": funding.government_fund,
        "fiscal_special_account": funding.fiscal_special_account, "business_income": None,
        "other_income": None, "superior_subsidy": None, "prior_year_carryover": None,
    }
    keys = PROJECT_KEYS if project else FUNDING_KEYS
    return (name, *(cell(values[k]) for k in keys)), {k: key_amount(values[k]) for k in keys}


def with_total_row(spec: Spec, rows: list[tuple[str, object]], add) -> list[tuple[str, object]]:
    """Unit rows with the 合计 row where the options put it (one unit: that unit only)."""
    if len(rows) == 1 or spec.options.total_row == "none":
        return rows
    combined = ("合计", add([value for _, value in rows]))
    return [combined, *rows] if spec.options.total_row == "first" else [*rows, combined]


def table_2(spec: Spec, key: dict) -> Block:
    rows = with_total_row(spec, list(zip(spec.units, spec.unit_income)), funding_sum)
    block = Block("2", "收入预算表", T02_HEADER, [])
    for row_no, (name, funding) in enumerate(rows, start=1):
        cells, values = funding_cells(name, funding)
        block.rows.append(cells)
        renamed = {("income_total" if k == "total" else k): v for k, v in values.items()}
        key.setdefault("t02_income_budget", []).append({"row_no": row_no, "budget_unit": name, **renamed})
    return block


def _add_columns(values: list[tuple]) -> tuple:
    return tuple(total(column) for column in zip(*values))


def table_3(spec: Spec, key: dict) -> Block:
    year = spec.year
    header = [
        ("预算单位", "支出总计", "基本支出", "项目支出", "其中", "", ""),
        ("", "", "", "", f"{year} 政府采购 项目", f"{year} 面向中 小企业政府 采购项目",
         f"{year} 面向小 型、微型企业 政府采购项 目"),
    ]
    block = Block("3", "支出预算表", header, [])
    names = ("basic_expenditure", "project_expenditure", "procurement", "procurement_sme", "procurement_small_micro")
    for row_no, (name, columns) in enumerate(with_total_row(spec, list(zip(spec.units, spec.unit_split)),
                                                            _add_columns), start=1):
        basic, project = columns[0], columns[1]
        values = (basic + project, *columns)
        block.rows.append((name, *(cell(v) for v in values)))
        key.setdefault("t03_expenditure_budget", []).append({
            "row_no": row_no, "budget_unit": name, "expenditure_total": key_amount(values[0]),
            **{n: key_amount(v) for n, v in zip(names, columns)},
        })
    return block


def table_4(spec: Spec, key: dict) -> Block:
    block = Block("4", "基本支出预算表", T04_HEADER, [])
    rows = [(spec.department, spec.basic_funding, "unit", None, None)]
    for (code, name), items in spec.basic:
        rows.append((name, funding_sum([f for *_, f in items]), "category", None, code))
        rows += [(item, funding, "item", name, item_code) for item_code, item, funding in items]
    for row_no, (name, funding, kind, category, code) in enumerate(rows, start=1):
        cells, values = funding_cells(name, funding)
        block.rows.append(cells)
        key.setdefault("t04_basic_expenditure", []).append({
            "row_no": row_no, "budget_unit": name, **values, "row_kind": kind, "category_name": category,
            "economic_code": code,
        })
    return block


def table_5(spec: Spec, key: dict) -> Block:
    block = Block("5", "项目支出预算表", T05_HEADER, [])
    rows = [(spec.department, spec.project_funding, "unit", None)]
    for group in ("一般性项目", "政府投资项目"):
        members = [p for p in spec.projects if p.group == group]
        if members:
            rows.append((group, funding_sum([p.funding for p in members]), "group", group))
            rows += [(p.name, p.funding, "project", group) for p in members]
    for row_no, (name, funding, kind, group) in enumerate(rows, start=1):
        cells, values = funding_cells(name, funding, project=True)
        block.rows.append(cells)
        key.setdefault("t05_project_expenditure", []).append({
            "row_no": row_no, "budget_unit": name, **values, "row_kind": kind, "project_group": group,
        })
    return block


def functional_tree(lines) -> list[tuple[str, str, Decimal, Decimal]]:
    """(code, name, basic, project) for every 类, 款 and 项 of the 项 lines, parents first."""
    sums: dict[str, list[Decimal]] = {}
    for code, basic, project in lines:
        for prefix in (code[:3], code[:5], code):
            entry = sums.setdefault(prefix, [ZERO, ZERO])
            entry[0] += basic
            entry[1] += project
    return [(code, catalog.FUNCTIONAL_NAMES[code], *sums[code]) for code in sorted(sums)]


def functional_table(spec: Spec, number: int, title: str, key: dict, view: str) -> Block:
    lines = spec.functional[number]
    block = Block(str(number), title, FUNCTIONAL_HEADER, [])
    basic, project = total(b for _, b, _ in lines), total(p for *_, p in lines)
    if not lines:  # the sample prints an empty fund table as its unit row of zeros
        block.rows.append((spec.department, "", "", "0", "0", "0"))
        key[view] = [{"row_no": 1, "budget_unit": spec.department, "functional_code": None,
                      "functional_name": None, "total": ZERO, "basic_expenditure": ZERO,
                      "project_expenditure": ZERO}]
        return block
    rows = [(spec.department, None, None, basic, project)]
    rows += [(None, code, name, b, p) for code, name, b, p in functional_tree(lines)]
    key[view] = []
    for row_no, (unit, code, name, b, p) in enumerate(rows, start=1):
        block.rows.append((unit or "", code or "", name or "", cell(b + p), cell(b), cell(p)))
        key[view].append({"row_no": row_no, "budget_unit": unit, "functional_code": code, "functional_name": name,
                          "total": key_amount(b + p), "basic_expenditure": key_amount(b),
                          "project_expenditure": key_amount(p)})
    return block


def two_sided(spec: Spec, number: int, key: dict) -> Block:
    """表1 / 表6: income lines beside the functional lines of 表7 + 表8 + 表9."""
    income = spec.income
    if number == 1:
        title, view = "收支预算总表", "t01_budget_summary"
        lines = [("一、财政预算拨款", income.total), ("一般公共预算拨款", income.general_public),
                 ("一般性经费拨款", income.general_funds), ("财政专项资金拨款", income.special_funds),
                 ("政府投资项目拨款", income.government_investment), ("政府性基金预算拨款", income.government_fund),
                 ("财政专户拨款", income.fiscal_special_account), ("二、事业收入", None),
                 ("三、事业单位经营收入", None), ("四、其他收入", None)]
        tail = [("上级补助收入", None, "对附属单位补助支出", None), ("附属单位上缴收入", None, "上缴上级支出", None),
                ("用事业基金弥补收支差额", None, "结转下年", None), ("上年结余、结转", None, None, None)]
    else:
        title, view = "财政拨款收支预算总表", "t06_fiscal_appropriation_summary"
        lines = [("一、一般公共预算拨款", income.general_public), ("一般性经费拨款", income.general_funds),
                 ("财政专项资金拨款", income.special_funds), ("政府投资项目拨款", income.government_investment),
                 ("二、政府性基金预算拨款", income.government_fund), ("三、财政专户拨款", income.fiscal_special_account)]
        tail = [("上年结余、结转", None, "结转下年", None)]
    every_fund = [line for table in (7, 8, 9) for line in spec.functional[table]]
    spending = [(name, b + p) for _, name, b, p in functional_tree(every_fund)]
    top = []
    for index in range(max(len(lines), len(spending))):
        left = lines[index] if index < len(lines) else (None, None)
        right = spending[index] if index < len(spending) else (None, None)
        top.append((*left, *right))
    rows = [*top, ("本年收入合计", income.total, "本年支出合计", income.total), *tail,
            ("收入总计", income.total, "支出总计", income.total)]
    header = [tuple(c.format(year=spec.year) for c in row) for row in TWO_SIDED_HEADER]
    block = Block(str(number), title, header, [], repeat_on_break=True)
    key[view] = []
    for row_no, (label, value, item, amount_) in enumerate(rows, start=1):
        block.rows.append((label or "", cell(value), item or "", cell(amount_)))
        key[view].append({"row_no": row_no, "income_item": label, "income_amount": key_amount(value),
                          "expenditure_item": item, "expenditure_amount": key_amount(amount_)})
    return block


def tables_1_7(spec: Spec, key: dict) -> list[Block]:
    return [
        two_sided(spec, 1, key), table_2(spec, key), table_3(spec, key), table_4(spec, key), table_5(spec, key),
        two_sided(spec, 6, key),
        functional_table(spec, 7, "一般公共预算支出情况表", key, "t07_general_budget_expenditure"),
    ]
