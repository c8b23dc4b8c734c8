"""The mutation suite (tests/generator/mutations.py) against the current parser and rules.

Every mutation is one case: each of its mutated reports must end in an outcome it accepts,
never (d) loaded wrong and silent, nor a traceback. Mutations that end elsewhere today are
xfail(strict=False) with their issue-10 class, so that the case flips when the parser is fixed.
`python -m pytest -s tests/test_mutations.py` prints the table of outcomes.
"""

from __future__ import annotations

import pytest

from budget_db import migrate
from tests.generator.mutations import MUTATIONS
from tests.generator.suite import FAILURES, run, summary

# What the current parser does with them (the mutation suite's table, 2026-12-02).
TODAY = {
    "unit lines on one line (spaces)": "issue 10 class 1: the department becomes 'X单位：万元' (d)",
    "unit lines on one line (TAB)": "issue 10 class 1: refused, '单位：万元' read as a 表7 code",
    "markers without the dot (表12, 表 8)": "issue 10 class 1: refused without a place: no 表.1 marker found",
    "表2 unit name on its own line above the amounts": "issue 10 class 1: 表2 read as empty (d)",
    "表3 unit name split over two rows": "issue 10 class 1: the unit is the second half of its name (d)",
    "trailing TABs stripped": "issue 10 class 2: 表1 上年结余、结转 lost, 收入总计 moves up a row (d)",
    "表5 an empty funding cell dropped": "issue 10 class 2: the amount lands in the neighbouring column (d)",
    "spaces as thousands separators (145 863.63)": "issue 10 class 3: refused (not an amount)",
    "full-width digits and punctuation": "issue 10 class 3: refused (not an amount)",
    "表4 '-' and '—' for zero": "issue 10 class 3: refused (not an amount)",
    "a stray space inside amounts (26,431 .90)": "issue 10 class 3: refused (not an amount)",
    "(0.10) negatives on a 表4 item": "issue 10 class 3: refused instead of read as negative",
    "（0.10） full-width negatives on a 表4 item": "issue 10 class 3: refused instead of read as negative",
    "表2 a unit row that does not add up to the 合计": "issue 10 class 4: units never checked against the 合计 (d)",
    "表3 a unit row that does not add up to the 合计": "issue 10 class 4: units never checked against the 合计 (d)",
    "表15 page break repeating the indicator header": "issue 10 class 6: refused",
    "表15 page break repeating the project header rows": "issue 10 class 6: refused",
    "表15 indicator content equal to a label (服务对象满意度)": "issue 10 class 6: the target moves into the content (d)",
    "表15 a target with a sign (-5%)": "issue 10 class 6: -5% read as 5 (d)",
    "表4 a data row repeated after a page header": "issue 10 class 7: only a sum error, not named as a repeat",
    "表13 a project row printed twice": "issue 10 class 7: refused as 'missing 表15-N', not as a repeat",
    "表5 a project's amount in the sibling funding column": "issue 10 rules: per-column 表2 = 表4 + 表5 missing (d)",
    "表2 一般性经费拨款 and 政府投资项目拨款 swapped": "issue 10 class 4: a unit row's columns are never checked (d)",
}


@pytest.fixture(scope="module")
def suite(fresh_database, tmp_path_factory):
    url = fresh_database("budget_mutations")
    migrate.upgrade(url)
    cases = run(url, tmp_path_factory.mktemp("mutations"))
    print("\n" + summary(cases))
    return cases


def test_every_mutation_applies_to_a_base_report(suite):
    """No silent skips: each mutation changes at least one base report."""
    applied = {case.mutation.name for case in suite}
    assert [m.name for m in MUTATIONS if m.name not in applied] == []
    assert {m.issue_class for m in MUTATIONS} >= {"1 page furniture", "2 cells", "3 amounts", "4 several units",
                                                  "6 表15", "7 repeated rows"}


def test_known_outcomes_name_existing_mutations():
    assert set(TODAY) <= {m.name for m in MUTATIONS}


@pytest.mark.parametrize("mutation", [
    pytest.param(m, id=m.name, marks=[pytest.mark.xfail(strict=False, reason=TODAY[m.name])] if m.name in TODAY else [])
    for m in MUTATIONS
])
def test_mutated_reports_end_in_an_accepted_outcome(suite, mutation):
    mine = [case for case in suite if case.mutation is mutation]
    wrong = [f"{c.base}: {c.outcome} {c.detail[:200]}" for c in mine if c.outcome not in mutation.accepted]
    assert mine and not wrong, "\n".join(wrong)
    assert not [c for c in mine if c.outcome in FAILURES]
