"""One database for the analysis tests: the sample and the generated reports of reports.py.

futian_2019 is loaded twice (the second time with a trailing line, other bytes): the first
version is superseded, and no analysis view may show it.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
import pytest
from typer.testing import CliRunner

from budget_db import migrate
from budget_db.batch import load_file
from budget_db.cli import app
from tests.analysis.reports import build
from tests.conftest import SAMPLE
from tests.generator.report import Generated
from tests.generator.verify import load_texts


@dataclass(frozen=True)
class Loaded:
    url: str
    reports: dict[str, Generated]  # case name -> generated report (answer key)
    ids: dict[str, int]  # case name (and "sample") -> current report_id
    superseded_id: int  # futian_2019's first version


@pytest.fixture(scope="session")
def loaded(fresh_database, tmp_path_factory) -> Loaded:
    url = fresh_database("budget_analysis")
    migrate.upgrade(url)
    sample = load_file(url, SAMPLE)
    assert sample.outcome == "loaded", sample.message
    reports = build()
    folder = tmp_path_factory.mktemp("analysis")
    results = load_texts(url, folder / "v1", {name: g.text for name, g in reports.items()})
    first = dict(results)  # name -> result
    assert all(r.outcome == "loaded" for r in first.values()), [r.message for r in first.values()]
    again = load_texts(url, folder / "v2", {"futian_2019": reports["futian_2019"].text + "\n附：第二版\n"})
    (replaced,) = again.values()
    assert replaced.outcome == "replaced", replaced.message
    ids = {name: r.report_id for name, r in first.items()} | {"futian_2019": replaced.report_id,
                                                               "sample": sample.report_id}
    return Loaded(url, reports, ids, first["futian_2019"].report_id)


@pytest.fixture
def conn(loaded):
    with psycopg.connect(loaded.url, autocommit=True) as connection:
        yield connection


@pytest.fixture
def cli(loaded):
    """Run `budget-db COMMAND …` in this process against the analysis database; check the exit code."""
    runner = CliRunner()

    def run(*args: str, code: int = 0):
        result = runner.invoke(app, list(args), env={"DATABASE_URL": loaded.url})
        assert result.exit_code == code, result.output
        return result

    return run
