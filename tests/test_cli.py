"""The command line, run as a user runs it, against the test database (via DATABASE_URL)."""

import os
import subprocess
import sys

from tests.conftest import SAMPLE


def run(*args, url: str, **env):
    environment = {**os.environ, "DATABASE_URL": url, **env}
    return subprocess.run([sys.executable, "-m", "budget_db", *args], capture_output=True, text=True,
                          env=environment, timeout=120)


def test_show_7_prints_the_printed_table(database_url, sample_report_id):
    result = run("show", "7", url=database_url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("表7 一般公共预算支出情况表" in line for line in lines)
    header = next(line for line in lines if "科目编码" in line)
    for title in ("预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"):
        assert title in header
    row = next(line for line in lines if "2040219" in line)
    cells = [c.strip() for c in row.split("│")[1:-1]]
    assert cells == ["", "2040219", "信息化建设", "12,971.69", "", "12,971.69"]
    body = [line for line in lines if line.startswith("│")]
    assert len(body) == 26  # the unit row and 25 coded rows, none wrapped


def test_show_with_unknown_department_exits_1(database_url, sample_report_id):
    result = run("show", "7", "--department", "不存在的单位", url=database_url)
    assert result.returncode == 1
    assert "no loaded report matches" in result.stderr


def test_load_prints_what_it_loaded_and_reports_lists_it(database_url, sample_report_id):
    result = run("load", str(SAMPLE), url=database_url)
    assert result.returncode == 0, result.stderr
    assert "unchanged" in result.stdout and "深圳市公安局罗湖分局 2020" in result.stdout
    listed = run("reports", url=database_url)
    assert listed.returncode == 0
    assert "深圳市公安局罗湖分局" in listed.stdout and "2020" in listed.stdout and "本级" in listed.stdout


def test_refused_file_exits_1_with_one_line(database_url, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("not a report\n", encoding="utf-8")
    result = run("load", str(bad), url=database_url)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert str(bad) in result.stderr


def test_unreachable_database_exits_2_without_password(tmp_path):
    url = "postgresql://analyst:secret-pw@127.0.0.1:1/budget"
    result = run("reports", url=url)
    assert result.returncode == 2
    assert "cannot connect to postgresql://analyst:***@127.0.0.1:1/budget" in result.stderr
    assert "secret-pw" not in result.stderr + result.stdout


def test_db_commands_with_database_url(database_url):
    started = run("db", "start", url=database_url)
    assert started.returncode == 0 and "DATABASE_URL is set" in started.stdout
    printed = run("db", "url", url=database_url)
    assert printed.stdout.strip() == database_url


def test_every_command_has_help(database_url):
    for command in (["--help"], ["load", "--help"], ["show", "--help"], ["reports", "--help"],
                    ["db", "--help"], ["db", "start", "--help"], ["migrate", "--help"]):
        result = run(*command, url=database_url)
        assert result.returncode == 0 and "Usage" in result.stdout, command


def test_version_and_environment_in_help(database_url):
    from importlib import metadata

    version = run("--version", url=database_url)
    assert (version.returncode, version.stdout) == (0, f"budget-db {metadata.version('budget-db')}\n")
    help_text = " ".join(run("--help", url=database_url).stdout.split())
    for variable in ("DATABASE_URL", "BUDGET_DB_HOME", "BUDGET_DB_PORT"):
        assert variable in help_text
    assert "~/.local/share" in help_text


def test_db_status_with_database_url_tells_the_truth(database_url):
    reachable = run("db", "status", url=database_url)
    assert reachable.returncode == 0, reachable.stderr
    from budget_db.urls import redact

    assert reachable.stdout.startswith(f"using DATABASE_URL: {redact(database_url)}: reachable, PostgreSQL ")
    from alembic.script import ScriptDirectory
    from budget_db.migrate import alembic_config

    head = ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()
    assert ": reachable, PostgreSQL 1" in reachable.stdout and f"schema revision {head}" in reachable.stdout
    unreachable = run("db", "status", url="postgresql://analyst:s3cret@127.0.0.1:1/budget?password=s3cret")
    assert unreachable.returncode == 2
    assert unreachable.stderr.startswith(
        "budget-db: cannot connect to postgresql://analyst:***@127.0.0.1:1/budget?password=redacted: ")
    assert unreachable.stderr.count("\n") == 1 and "s3cret" not in unreachable.stderr + unreachable.stdout
