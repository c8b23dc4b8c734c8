"""The spec space of the property test: classes of reports, each with its share of the seeds.

A class the current parser or rules cannot read yet names its issue-10 class (`known_gap`): the
test marks it xfail(strict=False), so it flips to a failure the day the gap is closed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from tests.generator.report import Generated, generate_seed
from tests.generator.spec import Options, identity


@dataclass(frozen=True)
class SpecClass:
    name: str
    count: int  # reports of this class in the property test
    options: Callable[[random.Random], dict]  # options drawn per report (the rest vary at random)
    known_gap: str | None = None


def _base(rng: random.Random) -> dict:
    return {"projects": rng.randint(1, 4), "investment": rng.random() < 0.7, "page_breaks": rng.randint(0, 6)}


def _units(total_row: str) -> Callable[[random.Random], dict]:
    return lambda rng: {"units": rng.randint(2, 4), "total_row": total_row}


CLASSES = (
    SpecClass("one unit", 80, lambda rng: {}),
    SpecClass("several units, 合计 first", 40, _units("first")),
    SpecClass("several units, 合计 last", 10, _units("last"),
              "issue 10 class 4: rules read 表2/表3 row 1 as the department, here a unit"),
    SpecClass("several units, no 合计", 10, _units("none"),
              "issue 10 class 4: without a 合计 row the rules compare the first unit with the department"),
    SpecClass("表8 政府性基金 filled", 15, lambda rng: {"gov_fund": True},
              "issue 10 class 5: functional_lines_t01_t06_t07 / two_sided_subtotals / functional_columns_t07_t03 "
              "expect 表1 = 表7 and 表7 = 表3"),
    SpecClass("表9 国有资本经营 filled", 10, lambda rng: {"state_capital": True},
              "issue 10 class 5: 表1/表6 lines are 表7 + 表9 by code; rules expect 表7 alone"),
    SpecClass("表8 and 表9 filled, several units with 合计", 5,
              lambda rng: {"gov_fund": True, "state_capital": True, **_units("first")(rng)},
              "issue 10 class 5: fund money in 表1/表6/表3 gives false errors"),
    SpecClass("表15 page break repeating the indicator header", 10,
              lambda rng: {"t15_header_repeat": True, "page_breaks": 40},
              "issue 10 class 6: a repeated 一级指标/二级指标 header row inside 表15-N"),
    SpecClass("表15 indicator content equal to a label", 10, lambda rng: {"label_contents": True},
              "issue 10 class 6: content 服务对象满意度 is eaten as a label"),
    SpecClass("表15 target with a sign", 10, lambda rng: {"signed_targets": True},
              "issue 10 class 6: the sign of -5% is lost"),
)


def reports(spec_class: SpecClass, index: int) -> list[tuple[str, Generated]]:
    """(name, report) for every seed of the class; the seeds are fixed, so runs repeat.

    Each report of the space has its own department and year (a batch must not replace one
    report by another): report n of class `index` is identity 80 × index + n (no class has more than 80).
    """
    found = []
    for n in range(spec_class.count):
        seed = 10_000 * (index + 1) + n
        rng = random.Random(seed)
        options = Options(**{**_base(rng), **spec_class.options(rng)})
        found.append((f"c{index:02d}_{n:03d}", generate_seed(seed, options, identity(80 * index + n))))
    return found
