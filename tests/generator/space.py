"""The spec space of the property test: classes of reports, each with its share of the seeds.

Each class is one case of the property test (tests/test_generated_reports.py).
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


def _base(rng: random.Random) -> dict:
    return {"projects": rng.randint(1, 4), "investment": rng.random() < 0.7, "page_breaks": rng.randint(0, 6)}


def _units(total_row: str) -> Callable[[random.Random], dict]:
    return lambda rng: {"units": rng.randint(2, 4), "total_row": total_row}


CLASSES = (
    SpecClass("one unit", 80, lambda rng: {}),
    SpecClass("several units, 合计 first", 40, _units("first")),
    SpecClass("several units, 合计 last", 10, _units("last")),
    SpecClass("several units, no 合计", 10, _units("none")),
    SpecClass("表8 政府性基金 filled", 15, lambda rng: {"gov_fund": True}),
    SpecClass("表9 国有资本经营 filled", 10, lambda rng: {"state_capital": True}),
    SpecClass("表8 and 表9 filled, several units with 合计", 5,
              lambda rng: {"gov_fund": True, "state_capital": True, **_units("first")(rng)}),
    SpecClass("表15 page break repeating the indicator header", 10,
              lambda rng: {"t15_header_repeat": True, "page_breaks": 40}),
    SpecClass("表15 indicator content equal to a label", 10, lambda rng: {"label_contents": True}),
    SpecClass("表15 target with a sign", 10, lambda rng: {"signed_targets": True}),
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
