"""表15 indicator rows: what is printed and what the view must read from it.

Each target is made from its meaning (operator, number, unit), so the key does not come from the
parser: '≥95%' is ('>=', 95, '%'), '30 天以内' is ('<=', 30, '天'), '有所提升' is qualitative.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from tests.generator import catalog

INPUT, OUTPUT, EFFECT, SATISFACTION = "投入指标", "产出指标", "效益指标", "服务对象满意度指标"
NOT_APPLICABLE = "不适用"


@dataclass(frozen=True)
class Indicator:
    level1: str  # printed on the first row of its 一级指标 only
    level2: str  # printed on the first row of its 二级指标 only
    content: str | None
    target: str | None
    meaning: tuple  # (level1, level2, operator, value, unit, kind) as the view must show them


def numeric(text: str, operator: str, value: int, unit: str) -> tuple:
    return text, (operator, Decimal(value), unit, "numeric")


def _count(rng: random.Random) -> tuple:
    n = rng.randint(1, 900)
    unit = rng.choice(("台", "人", "次", "套", "个"))
    return rng.choice((numeric(f"{n}{unit}", "=", n, unit), numeric(f"{n} {unit}", "=", n, unit),
                       numeric(f"≥{n} {unit}", ">=", n, unit), numeric(f"不少于 {n} {unit}", ">=", n, unit)))


def _rate(rng: random.Random) -> tuple:
    n = rng.choice((80, 85, 90, 95, 98, 100))
    return rng.choice((numeric(f"≥{n}%", ">=", n, "%"), numeric(f"{n}%", "=", n, "%"),
                       numeric(f"不低于 {n}%", ">=", n, "%"), numeric(f"达到 {n}%", ">=", n, "%")))


def _days(rng: random.Random) -> tuple:
    n = rng.randint(1, 30)
    return rng.choice((numeric(f"≤{n}天", "<=", n, "天"), numeric(f"{n} 天以内", "<=", n, "天"),
                       numeric(f"不超过 {n} 天", "<=", n, "天")))


def _signed(rng: random.Random) -> tuple:
    n = rng.randint(1, 20)
    return numeric(f"-{n}%", "=", -n, "%")


def _qualitative(rng: random.Random) -> tuple:
    return rng.choice(catalog.QUALITATIVE), (None, None, None, "qualitative")


NOT_APPLICABLE_MEANING = (None, None, None, "not_applicable")
NO_TARGET = (None, None, None, None)


def indicator_rows(rng: random.Random, options) -> tuple[Indicator, ...]:
    """One 表15 table's indicators in printed order: 投入, 产出 (数量, 质量, 时效), 效益, 满意度."""
    rows: list[tuple[str, str, str | None, tuple]] = []  # level1, level2, content, (target, meaning)
    money = rng.randint(10, 900)
    rows.append((INPUT, "测算明细", f"按全年工作量测算，共需经费 {money} 万元。", (None, NO_TARGET)))
    for _ in range(rng.randint(1, 2)):
        rows.append((OUTPUT, "数量指标", rng.choice(catalog.QUANTITY_CONTENTS), _count(rng)))
    for _ in range(rng.randint(1, 2)):
        rows.append((OUTPUT, "质量指标", rng.choice(catalog.QUALITY_CONTENTS), _rate(rng)))
    if options.signed_targets:
        rows.append((OUTPUT, "质量指标", "故障率同比变化", _signed(rng)))
    if rng.random() < 0.5:
        rows.append((OUTPUT, "工作时效", rng.choice(catalog.TIMELINESS), (None, NO_TARGET)))
    else:
        rows.append((OUTPUT, "工作时效", "故障响应时间", _days(rng)))
    rows.append((EFFECT, "经济效益指标", NOT_APPLICABLE, (NOT_APPLICABLE, NOT_APPLICABLE_MEANING)))
    rows.append((EFFECT, "社会效益指标", rng.choice(catalog.SOCIAL_CONTENTS), _qualitative(rng)))
    rows.append((EFFECT, "生态效益指标", NOT_APPLICABLE, (NOT_APPLICABLE, NOT_APPLICABLE_MEANING)))
    if rng.random() < 0.5:
        years = rng.randint(2, 5)
        rows.append((EFFECT, "可持续影响", "系统使用年限", numeric(f"≥{years} 年", ">=", years, "年")))
    else:
        rows.append((EFFECT, "可持续影响", NOT_APPLICABLE, (NOT_APPLICABLE, NOT_APPLICABLE_MEANING)))
    satisfaction = "服务对象满意度" if options.label_contents else rng.choice(catalog.SATISFACTION_CONTENTS)
    rows.append((SATISFACTION, "", satisfaction, _rate(rng)))
    return _printed(rows)


def _printed(rows: list) -> tuple[Indicator, ...]:
    """Labels printed once per merged cell, as the template does."""
    result = []
    previous = ("", "")
    for level1, level2, content, (target, meaning) in rows:
        shown1 = level1 if level1 != previous[0] else ""
        shown2 = level2 if (level1, level2) != previous else ""
        result.append(Indicator(shown1, shown2, content, target, (level1, level2 or None, *meaning)))
        previous = (level1, level2)
    return tuple(result)
