"""The README's analyst recipes: each query, run on the test database, gives the table printed below it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

RECIPES = re.search(r"### Recipes\n(.*?)\n### ", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
CASES = re.findall(r"```sql\n(.*?)```\n\n(\|.*?)\n\n", RECIPES + "\n\n", re.S)


def printed(value) -> str:
    return "" if value is None else str(value)


def test_the_readme_has_three_recipes():
    assert len(CASES) == 3


@pytest.mark.parametrize("query, table", CASES, ids=["three_public_rank", "year_over_year", "budget_vs_final"])
def test_a_recipe_gives_its_table(conn, query, table):
    lines = table.strip().splitlines()
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    expected = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    cursor = conn.execute(query)
    assert [column.name for column in cursor.description] == header
    assert [[printed(v) for v in row] for row in cursor.fetchall()] == expected
