"""Generated reports (tests/generator) loaded into a database of their own: views = answer key.

The property test loads 200 random consistent reports in one batch; each class of the spec space
is one case: every view equals the key and no report has an error finding.
"""

from __future__ import annotations

import random
import re
import time
from decimal import Decimal

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budget_db import migrate
from tests.conftest import SAMPLE
from tests.generator.money import cents, split
from tests.generator.report import generate_seed
from tests.generator.space import CLASSES, reports
from tests.generator.spec import Options
from tests.generator.verify import findings, load_texts, report_problems, view_differences

SAMPLE_LIKE = Options(units=1, projects=5, investment=True, page_breaks=8, scope="本级")
SAMPLE_IDENTITY = ("深圳市公安局罗湖分局", 2020)  # no report of the space has this name
DERIVED_IDENTITY = ("department", "fiscal_year", "report_id", "report_key", "level")  # level: 表7–9 only


@pytest.fixture(scope="module")
def url(fresh_database):
    database = fresh_database("budget_generated")
    migrate.upgrade(database)
    return database


@pytest.fixture(scope="module")
def loaded(url, tmp_path_factory):
    """Every report of the spec space, loaded in one batch: {class name: [(report, result)]}."""
    by_class = {c.name: reports(c, index) for index, c in enumerate(CLASSES)}
    texts = {name: report.text for entries in by_class.values() for name, report in entries}
    started = time.monotonic()
    results = load_texts(url, tmp_path_factory.mktemp("generated"), texts)
    elapsed = time.monotonic() - started
    print(f"\nloaded {len(texts)} generated reports in {elapsed:.1f} s")
    return {name: [(report, results[n]) for n, report in entries] for name, entries in by_class.items()}


@pytest.fixture
def conn(url):
    with psycopg.connect(url, autocommit=True) as connection:
        yield connection


@pytest.fixture(scope="module")
def problems(url, loaded):
    """{class name: [(seed, [problems])]}, and the table of outcomes per class (pytest -s)."""
    found = {}
    with psycopg.connect(url, autocommit=True) as connection:
        for name, entries in loaded.items():
            found[name] = [(r.spec.seed, report_problems(connection, r, result)) for r, result in entries]
    print("\nclass: reports / read right / refused / views unlike the key / with error findings")
    for name, entries in found.items():
        lists = [p for _, p in entries]
        print(f"  {name}: {len(lists)} / {sum(not p for p in lists)} / "
              f"{sum(any(x.startswith('refused') for x in p) for p in lists)} / "
              f"{sum(any(x.startswith(('t0', 't1', 'report:')) for x in p) for p in lists)} / "
              f"{sum(any(x.startswith('error finding') for x in p) for p in lists)}")
    return found


def test_the_property_test_covers_200_reports():
    assert sum(c.count for c in CLASSES) >= 200


@pytest.mark.parametrize("spec_class", [pytest.param(c, id=c.name) for c in CLASSES])
def test_every_view_equals_the_key(problems, spec_class):
    found = [f"seed {seed}: {p}" for seed, listed in problems[spec_class.name] for p in listed]
    assert not found, f"{len(found)} problems, e.g.\n" + "\n".join(found[:8])


# -- sanity: the key format and the generator itself -------------------------------------------
@pytest.fixture(scope="module")
def sample_like(url, tmp_path_factory):
    report = generate_seed(7, SAMPLE_LIKE, SAMPLE_IDENTITY)
    result = load_texts(url, tmp_path_factory.mktemp("sample_like"), {"sample_like": report.text})
    return report, next(iter(result.values()))


def test_sample_like_report_matches_its_key_exactly(conn, sample_like):
    report, result = sample_like
    assert result.outcome == "loaded", result.message
    assert view_differences(conn, result.report_id, report.key) == []
    assert findings(conn, result.report_id) == []  # not even a warning or a rounding


def test_key_names_every_column_of_every_printed_view(conn, sample_like):
    report, _ = sample_like
    views = [name for (name,) in conn.execute(
        "SELECT table_name FROM information_schema.views WHERE table_schema = 'appendix' AND table_name ~ '^t[0-9]' "
        "ORDER BY table_name")]
    assert sorted(report.key.views) == views
    for view, rows in report.key.views.items():
        columns = [name for (name,) in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'appendix' AND table_name = %s "
            "ORDER BY ordinal_position", (view,)) if name not in DERIVED_IDENTITY]
        assert rows and all(list(row) == columns for row in rows), view


def test_a_wrong_key_is_seen(conn, sample_like):
    """The comparison can fail: one amount off by a cent in the key is reported."""
    report, result = sample_like
    row = report.key.views["t04_basic_expenditure"][3]
    original = row["total"]
    row["total"] = original + Decimal("0.01")
    try:
        assert view_differences(conn, result.report_id, report.key) == [
            f"t04_basic_expenditure: row 4: total={original!r} (key {row['total']!r})"]
    finally:
        row["total"] = original


def test_same_seed_same_report_other_seed_other_report():
    assert generate_seed(3).text == generate_seed(3).text
    assert generate_seed(3).text != generate_seed(4).text
    assert generate_seed(3).key.views != generate_seed(4).key.views


def _furniture(text: str) -> set[str]:
    """The lines a report shares with the template whatever its numbers: markers, titles, headers."""
    lines = set()
    for line in text.split("\n"):
        line = re.sub(r"(?:19|20)\d{2}", "YEAR", line)
        if re.match(r"^表\.\s?\d+$|^单位：万元$|^第.部分 |^(收 入|项 目|预算单位|实施单位|采购项目)\t", line):
            lines.add(line.replace("表. ", "表."))
    return lines


def test_generated_report_prints_the_sample_furniture():
    """Markers 表.1 … 表.14, unit lines, part headings and header rows as the sample prints them."""
    generated = _furniture(generate_seed(7, SAMPLE_LIKE, SAMPLE_IDENTITY).text)
    sample = _furniture(SAMPLE.read_text(encoding="utf-8"))
    expected = {f"表.{n}" for n in range(1, 15)} | {"单位：万元"}
    assert expected <= generated
    shared = generated & sample
    # the sample's heading lines and the header rows of 表1–表13 (表2/表4/表5/表7/表11/表12/表13)
    assert len(shared) >= 25, sorted(generated - sample)


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=12), st.integers())
def test_split_adds_up_exactly_in_cents(units, parts, seed):
    value = cents(max(units, parts))
    pieces = split(random.Random(seed), value, parts)
    assert sum(pieces) == value and len(pieces) == parts
    assert all(p > 0 and p.as_tuple().exponent == -2 for p in pieces)
