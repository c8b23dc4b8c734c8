"""The compact spec of a generated report, and a random consistent one from a seed.

Every amount is drawn at the leaves (表4 items, 表5 projects, 表11 lines, 表12 items) and summed
upwards, so every printed total adds up exactly. How the money of the funds is booked:
  一般公共预算 general_funds / special_funds / government_investment -> 表7
  政府性基金 (表8) government_fund, 基本 and 项目 -> 表4 / 表5 政府性基金预算拨款
  国有资本经营 (表9) basic only, booked as 财政专户拨款 in 表2/表4 and 三、财政专户拨款 in 表1/表6
    (the template has no 国有资本经营 column; 表5 has no 财政专户拨款 column, hence basic only).
表1 and 表6 print the functional lines of 表7 + 表8 + 表9 by code; 表3 covers all funds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from decimal import Decimal

from tests.generator import catalog
from tests.generator.money import amount, split, total
from tests.generator.targets import Indicator, indicator_rows

LEAVES = ("general_funds", "special_funds", "government_investment", "government_fund", "fiscal_special_account")


@dataclass(frozen=True)
class Options:
    """The switches of the spec space; each issue-10 class the generator can produce is one."""

    units: int = 1  # 预算单位 rows of 表2/表3
    total_row: str = "first"  # with several units: a 合计 row "first", "last" or "none"
    gov_fund: bool = False  # 表8 filled (else its unit row of zeros)
    state_capital: bool = False  # 表9 filled
    projects: int = 3  # 一般性项目 in 表5 (each also in 表13 with a 表15-N)
    investment: bool = True  # a 政府投资项目 group in 表5
    page_breaks: int = 3  # page breaks at random places (header rows repeated where the sample does)
    t15_header_repeat: bool = False  # a 表15 page break repeating the indicator header row (class 6)
    label_contents: bool = False  # a 表15 indicator content equal to a label, e.g. 服务对象满意度 (class 6)
    signed_targets: bool = False  # 表15 targets with a sign, e.g. -5% (class 6)
    scope: str | None = None  # 本级 | 部门 (None: either)


@dataclass(frozen=True)
class Funding:
    """The leaf funding columns of one row (表2/表4/表5); subtotals are derived."""

    general_funds: Decimal = Decimal("0.00")
    special_funds: Decimal = Decimal("0.00")
    government_investment: Decimal = Decimal("0.00")
    government_fund: Decimal = Decimal("0.00")
    fiscal_special_account: Decimal = Decimal("0.00")

    def __add__(self, other: "Funding") -> "Funding":
        return Funding(*(getattr(self, n) + getattr(other, n) for n in LEAVES))

    @property
    def general_public(self) -> Decimal:
        return self.general_funds + self.special_funds + self.government_investment

    @property
    def total(self) -> Decimal:
        return self.general_public + self.government_fund + self.fiscal_special_account


def funding_sum(rows) -> Funding:
    result = Funding()
    for row in rows:
        result = result + row
    return result


@dataclass(frozen=True)
class Project:
    name: str
    group: str  # 一般性项目 | 政府投资项目
    funding: Funding
    contacts: tuple[str, ...]
    phones: tuple[str, ...]
    goals: tuple[str, ...]
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Procurement:
    name: str
    category: str
    years: int
    actual: Decimal
    annual: Decimal
    demand: str  # '2020-09' or 往年采购
    remark: str


@dataclass(frozen=True)
class ThreePublic:
    year: int
    travel: Decimal
    reception: Decimal
    purchase: Decimal
    operation: Decimal

    @property
    def vehicles(self) -> Decimal:
        return self.purchase + self.operation

    @property
    def total(self) -> Decimal:
        return self.travel + self.reception + self.vehicles


@dataclass(frozen=True)
class Spec:
    seed: int
    options: Options
    department: str
    year: int
    scope: str  # 本级 | 部门
    units: tuple[str, ...]  # 预算单位 of 表2/表3 (without the 合计)
    unit_income: tuple[Funding, ...]  # per unit, adding up to the department
    unit_split: tuple[tuple[Decimal, ...], ...]  # per unit: basic, project, procurement, sme, small
    basic: tuple  # ((code, name), ((code, name, Funding), …)) per 表4 category
    projects: tuple[Project, ...]
    functional: dict  # table_no -> ((code, basic, project), …) on 项 level
    transfers: tuple  # (code, project name, amount)
    procurement: tuple[Procurement, ...]
    three_public: tuple[ThreePublic, ThreePublic]  # previous year, budget year
    people: tuple[str, str, str]  # 负责人, 填报人, 联系方式
    dept_goals: tuple[str, ...]
    previous_total: Decimal  # last year's 部门预算支出 (for the stated change)
    previous_operating: Decimal  # last year's 机关运行经费
    staff: tuple[int, int, int]  # 行政编制, 实有在编, 退休

    @property
    def basic_funding(self) -> Funding:
        return funding_sum(f for _, items in self.basic for *_, f in items)

    @property
    def project_funding(self) -> Funding:
        return funding_sum(p.funding for p in self.projects)

    @property
    def income(self) -> Funding:
        return self.basic_funding + self.project_funding

    def category_total(self, code: str) -> Decimal:
        return total(f.total for (c, _), items in self.basic if c == code for *_, f in items)


def _phone(rng: random.Random) -> str:
    return rng.choice(("8446", "2391", "8213")) + f"{rng.randint(0, 9999):04d}"


YEARS = (2016, 2018, 2019, 2020, 2021, 2022, 2024)


def identity(index: int) -> tuple[str, int]:
    """A distinct (department, year) for each index < 840: reports of one batch must not replace each other."""
    district = catalog.DISTRICTS[index % len(catalog.DISTRICTS)]
    bureau = catalog.BUREAUS[(index // len(catalog.DISTRICTS)) % len(catalog.BUREAUS)]
    return f"深圳市{district}区{bureau}", YEARS[index // (len(catalog.DISTRICTS) * len(catalog.BUREAUS))]


def make_spec(seed: int, options: Options = Options(), who: tuple[str, int] | None = None) -> Spec:
    """A random consistent report for this seed (and department, year if given): same input, same spec."""
    rng = random.Random(seed)
    department, year = who or identity(rng.randrange(len(catalog.DISTRICTS) * len(catalog.BUREAUS) * len(YEARS)))
    previous = _three_public(rng, year - 1)
    current = _three_public(rng, year)
    basic = _basic_items(rng, options, current)
    projects = _projects(rng, options, year)
    spec_basic = funding_sum(f for _, items in basic for *_, f in items)
    spec_project = funding_sum(p.funding for p in projects)
    functional = _functional(rng, options, spec_basic, spec_project)
    procurement = _procurement(rng, projects, year)
    annual = total(p.annual for p in procurement)
    sme = (annual * Decimal("0.3")).quantize(Decimal("0.01"))
    small_micro = (sme / 2).quantize(Decimal("0.01"))
    units = _unit_names(rng, department, options.units)
    income = spec_basic + spec_project
    unit_income, unit_split = _units(rng, len(units), income, spec_basic, spec_project, (annual, sme, small_micro))
    grand = income.total
    return Spec(
        seed=seed, options=options, department=department, year=year, scope=options.scope or rng.choice(("本级", "部门")),
        units=units, unit_income=unit_income, unit_split=unit_split, basic=basic, projects=projects,
        functional=functional, transfers=_transfers(rng, year), procurement=procurement,
        three_public=(previous, current),
        people=(rng.choice(catalog.PEOPLE), rng.choice(catalog.PEOPLE), _phone(rng)),
        dept_goals=tuple(rng.sample(catalog.GOALS, rng.randint(2, 4))),
        previous_total=grand + amount(rng, -500, 500),
        previous_operating=spec_basic.total / 10 + amount(rng, 1, 50),
        staff=(rng.randint(20, 400), rng.randint(10, 20), rng.randint(0, 80)),
    )


def _three_public(rng: random.Random, year: int) -> ThreePublic:
    return ThreePublic(year, rng.choice((Decimal("0.00"), amount(rng, 1, 20))), amount(rng, 1, 30),
                       rng.choice((Decimal("0.00"), amount(rng, 20, 200))), amount(rng, 10, 300))


def _basic_items(rng: random.Random, options: Options, three_public: ThreePublic) -> tuple:
    categories = []
    for (code, name), items in catalog.ECONOMIC.items():
        chosen = sorted(rng.sample(items, rng.randint(2, min(5, len(items)))))
        rows = [(c, n, Funding(general_funds=amount(rng, 5, 3000))) for c, n in chosen]
        if code == "302":  # 表12 is checked against these two items
            rows += [(*catalog.RECEPTION, Funding(general_funds=three_public.reception)),
                     (*catalog.VEHICLE_OPERATION, Funding(general_funds=three_public.operation))]
        categories.append(((code, name), rows))
    if options.gov_fund:
        code, name, funding = categories[1][1][0]
        categories[1][1][0] = (code, name, replace(funding, government_fund=amount(rng, 10, 500)))
    if options.state_capital:
        code, name, funding = categories[0][1][-1]
        categories[0][1][-1] = (code, name, replace(funding, fiscal_special_account=amount(rng, 10, 500)))
    return tuple((category, tuple(rows)) for category, rows in categories)


def _projects(rng: random.Random, options: Options, year: int) -> tuple[Project, ...]:
    names = rng.sample(catalog.PROJECT_NAMES, options.projects)
    groups = [("一般性项目", n) for n in names]
    if options.investment:
        groups.append(("政府投资项目", rng.choice(catalog.INVESTMENT_NAMES)))
    projects = []
    for index, (group, name) in enumerate(groups):
        value = amount(rng, 20, 5000)
        if group == "政府投资项目":
            funding = Funding(government_investment=value)
        elif index % 3 == 2:
            funding = Funding(special_funds=value)
        else:
            funding = Funding(general_funds=value)
        if options.gov_fund and index == 0:
            funding = replace(funding, government_fund=amount(rng, 10, 500))
        people = rng.sample(catalog.PEOPLE, rng.choice((1, 1, 2)))
        projects.append(Project(
            name=name, group=group, funding=funding, contacts=tuple(people),
            phones=tuple(_phone(rng) for _ in people),
            goals=tuple(rng.sample(catalog.GOALS, rng.randint(1, 3))), indicators=indicator_rows(rng, options),
        ))
    # 表5 prints the 一般性项目 group first, then 政府投资项目.
    return tuple(sorted(projects, key=lambda p: p.group != "一般性项目"))


def _spread(rng: random.Random, value: Decimal, codes: tuple[str, ...], most: int) -> dict[str, Decimal]:
    if not value:
        return {}
    chosen = sorted(rng.sample(codes, rng.randint(1, min(most, len(codes), int(value * 100)))))
    return dict(zip(chosen, split(rng, value, len(chosen))))


def _functional(rng: random.Random, options: Options, basic: Funding, project: Funding) -> dict:
    """项 rows of 表7/表8/表9: each fund's basic and project money spread over codes."""
    plan = {
        7: (basic.general_public, catalog.GENERAL_BASIC, project.general_public, catalog.GENERAL_PROJECT),
        8: (basic.government_fund, catalog.FUND_CODES, project.government_fund, catalog.FUND_CODES),
        9: (basic.fiscal_special_account, catalog.STATE_CAPITAL_CODES, Decimal("0.00"), ()),
    }
    result = {}
    for table, (basic_value, basic_codes, project_value, project_codes) in plan.items():
        by_basic = _spread(rng, basic_value, basic_codes, 6)
        by_project = _spread(rng, project_value, project_codes, 4)
        codes = sorted({*by_basic, *by_project})
        result[table] = tuple((c, by_basic.get(c, Decimal("0.00")), by_project.get(c, Decimal("0.00")))
                              for c in codes)
    return result


def _transfers(rng: random.Random, year: int) -> tuple:
    names = (f"深财预〔{year - 1}〕{rng.randint(100, 300)}号提前下达{year}年转移支付资金",
             f"{year}年度上级专项补助资金")
    codes = rng.sample(catalog.GENERAL_PROJECT, 2)
    return tuple(sorted((c, n, amount(rng, 10, 900)) for c, n in zip(codes, names[: rng.randint(1, 2)])))


def _procurement(rng: random.Random, projects: tuple[Project, ...], year: int) -> tuple[Procurement, ...]:
    lines = []
    for project in projects[: rng.randint(1, len(projects))]:
        actual = amount(rng, 10, 900)
        years = rng.choice((1, 1, 2, 3))
        annual = actual if years == 1 else actual * years
        earlier = years > 1 and rng.random() < 0.5
        lines.append(Procurement(
            name=project.name, category=rng.choice(catalog.PROCUREMENT_CATEGORIES), years=years,
            actual=actual, annual=annual, demand="往年采购" if earlier else f"{year}-{rng.randint(1, 12):02d}",
            remark=(f"{year - 1} 年 {rng.randint(1, 12):02d} 月招标，合同期限 {years} 年，延续合同" if earlier
                    else f"服务期 {years} 年"),
        ))
    return tuple(lines)


def _unit_names(rng: random.Random, department: str, count: int) -> tuple[str, ...]:
    if count == 1:
        return (department,)
    return tuple(f"{department}{name}" for name in rng.sample(catalog.SUB_UNITS, count))


def _units(rng, count, income: Funding, basic: Funding, project: Funding, procurement: tuple) -> tuple:
    """Each unit's share of 表2's leaf columns and of 表3's columns, adding up to the department."""
    if count == 1:
        return (income,), ((basic.total, project.total, *procurement),)
    shares = {name: _share(rng, getattr(income, name), count) for name in LEAVES}
    unit_income = tuple(Funding(**{name: shares[name][i] for name in LEAVES}) for i in range(count))
    # 表3 per unit: its 支出总计 = its 表2 收入总计, cut into basic and project in proportion.
    columns = []
    remaining_basic = basic.total
    for index, unit in enumerate(unit_income):
        if index == count - 1:
            unit_basic = remaining_basic
        else:
            unit_basic = min(remaining_basic, (unit.total * basic.total / income.total).quantize(Decimal("0.01")))
        remaining_basic -= unit_basic
        columns.append([unit_basic, unit.total - unit_basic])
    for value in procurement:
        for index, part in enumerate(_share(rng, value, count)):
            columns[index].append(part)
    return unit_income, tuple(tuple(c) for c in columns)


def _share(rng: random.Random, value: Decimal, count: int) -> list[Decimal]:
    """`value` cut into `count` parts (zero stays zero)."""
    if not value:
        return [Decimal("0.00")] * count
    if int(value * 100) < count:
        return [value] + [Decimal("0.00")] * (count - 1)
    return split(rng, value, count)

