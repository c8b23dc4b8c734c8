"""The mutation suite (tests/generator/mutations.py) against the current parser and rules.

Every mutation is one case: each of its mutated reports must end in an outcome it accepts,
never (d) loaded wrong and silent, nor a traceback.
`python -m pytest -s tests/test_mutations.py` prints the table of outcomes.
"""

from __future__ import annotations

import pytest

from budget_db import migrate
from tests.generator.mutations import MUTATIONS
from tests.generator.suite import FAILURES, run, summary

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


@pytest.mark.parametrize("mutation", [pytest.param(m, id=m.name) for m in MUTATIONS])
def test_mutated_reports_end_in_an_accepted_outcome(suite, mutation):
    mine = [case for case in suite if case.mutation is mutation]
    wrong = [f"{c.base}: {c.outcome} {c.detail[:200]}" for c in mine if c.outcome not in mutation.accepted]
    assert mine and not wrong, "\n".join(wrong)
    assert not [c for c in mine if c.outcome in FAILURES]
