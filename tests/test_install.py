"""A non-editable install works from any folder: the wheel carries sql/, alembic/ and the code lists.

Builds the wheel from a copy of the checkout, installs it into a fresh venv (its dependencies come
from the package index, as for a user), and runs the installed `budget-db` from an unrelated
folder against the test database.
"""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE

SOURCES = ("pyproject.toml", "README.md", "budget_db", "loaders", "sql", "alembic")


def _run(*command, **options) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=900, **options)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, source / name,
             **({"ignore": shutil.ignore_patterns("__pycache__")} if (ROOT / name).is_dir() else {}))
    dist = tmp_path_factory.mktemp("dist")
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source))
    assert built.returncode == 0, built.stderr[-2000:]
    (found,) = dist.glob("budget_db-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The bin folder of a fresh venv with the wheel installed."""
    venv = tmp_path_factory.mktemp("venv")
    assert _run(sys.executable, "-m", "venv", str(venv)).returncode == 0
    result = _run(str(venv / "bin" / "pip"), "install", "-q", str(wheel))
    assert result.returncode == 0, result.stderr[-2000:]
    return venv / "bin"


def test_the_wheel_carries_every_source_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [f"budget_db/{p.relative_to(ROOT / 'budget_db')}" for p in (ROOT / "budget_db").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts]
    expected += [str(p.relative_to(ROOT)) for p in (ROOT / "loaders").rglob("*.py")]
    expected += [f"budget_db/{p.relative_to(ROOT)}" for folder in ("sql", "alembic") for p in (ROOT / folder).rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts]
    assert len(expected) > 100
    assert sorted(set(expected) - names) == []
    assert "budget_db/sql/views/00_reports.sql" in names and "budget_db/alembic/env.py" in names


def test_installed_command_loads_shows_checks_and_migrates_from_another_folder(installed, fresh_database, tmp_path):
    url = fresh_database("budget_install")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "examples").mkdir(parents=True)
    shutil.copy2(SAMPLE, elsewhere / "examples" / SAMPLE.name)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(DATABASE_URL=url, BUDGET_DB_HOME=str(tmp_path / "home"), PATH=f"{installed}:{env['PATH']}")

    def budget_db(*args):
        return _run(str(installed / "budget-db"), *args, cwd=elsewhere, env=env)

    where = _run(str(installed / "python"), "-c", "import budget_db, loaders; print(budget_db.__file__, loaders.__file__)",
                 cwd=elsewhere, env=env)
    assert where.stdout.count(str(installed.parent / "lib")) == 2, where.stdout  # the wheel's, not the checkout's

    version = budget_db("--version")
    assert (version.returncode, version.stdout.strip()) == (0, "budget-db 0.1.0")
    loaded = budget_db("load", "examples/shenzhen_luohu_police_2020.txt")
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.startswith("loaded: examples/shenzhen_luohu_police_2020.txt → 深圳市公安局罗湖分局 2020 ")

    shown = budget_db("show", "7")
    assert shown.returncode == 0, shown.stderr
    row = next(line for line in shown.stdout.splitlines() if "2040219" in line)
    assert [c.strip() for c in row.split("│")[1:-1]] == ["", "2040219", "信息化建设", "12,971.69", "", "12,971.69"]

    checked = budget_db("check")
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[-1].endswith(": 0 errors, 3 warnings, 17 rounding")

    migrated = budget_db("migrate")
    assert (migrated.returncode, migrated.stdout.strip()) == (0, "database is at the newest revision")
