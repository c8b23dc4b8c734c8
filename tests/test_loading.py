"""Loading that scheduled scripts can trust: versions, batches, outcomes, exit codes, partial reports."""

import json
import os
import pty
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from benchmarks.variants import make_variant
from budget_db import migrate
from budget_db.batch import load_file, load_files
from budget_db.parsing import parse_file
from budget_db.paths import UsageError, expand_paths
from loaders.errors import ReportError
from loaders.records import is_shared
from tests.conftest import SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")
DEPARTMENT = "深圳市公安局罗湖分局"
LINES = TEXT.split("\n")


def cli(*args, url: str, **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": url, **env}
    return subprocess.run([sys.executable, "-m", "budget_db", *map(str, args)], capture_output=True, text=True,
                          env=environment, timeout=300)


def json_lines(stdout: str) -> tuple[list[dict], dict]:
    objects = [json.loads(line) for line in stdout.splitlines()]
    assert "summary" in objects[-1]
    return objects[:-1], objects[-1]["summary"]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def other_department(name: str, **changes) -> str:
    return make_variant(TEXT, department=name, original=(DEPARTMENT, 2020), **changes)


@pytest.fixture
def fresh_url(fresh_database):
    url = fresh_database("budget_loading")
    migrate.upgrade(url)
    return url


def report_tables(conn) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'budget' "
        "AND column_name = 'report_id' AND table_name <> 'report' ORDER BY table_name")]


def appendix_views(conn) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.views v "
        "ON v.table_schema = c.table_schema AND v.table_name = c.table_name "
        "WHERE c.table_schema = 'appendix' AND c.column_name = 'report_id' ORDER BY c.table_name")]


# -- versions ---------------------------------------------------------------------------------
def test_unchanged_replaced_history_and_delete(fresh_url, tmp_path):
    first = load_file(fresh_url, SAMPLE)
    assert (first.outcome, first.version, first.department, first.fiscal_year) == ("loaded", 1, DEPARTMENT, 2020)
    again = load_file(fresh_url, SAMPLE)
    assert (again.outcome, again.report_id, again.version, again.rows) == ("unchanged", first.report_id, 1, {})

    corrected = write(tmp_path / "corrected.txt", make_variant(TEXT, factor=2))  # same report, amounts doubled
    second = load_file(fresh_url, corrected)
    assert (second.outcome, second.version) == ("replaced", 2)
    assert second.rows == first.rows

    with psycopg.connect(fresh_url) as conn:
        versions = conn.execute("SELECT id, version, superseded_at IS NOT NULL FROM budget.report ORDER BY version").fetchall()
        assert versions == [(first.report_id, 1, True), (second.report_id, 2, False)]
        assert conn.execute("SELECT report_id, version FROM appendix.reports").fetchall() == [(second.report_id, 2)]
        # Every view shows the current version only; the old one stays in the tables.
        views = appendix_views(conn)
        assert len(views) >= 15
        for view in views:
            ids = {i for (i,) in conn.execute(sql.SQL("SELECT DISTINCT report_id FROM appendix.{}").format(
                sql.Identifier(view)))}
            assert first.report_id not in ids, view
        t07 = conn.execute("SELECT report_id, total FROM appendix.t07_general_budget_expenditure "
                           "WHERE functional_code = '2040219'").fetchall()
        assert t07 == [(second.report_id, Decimal("25943.38"))]  # 12,971.69 x 2
        old = conn.execute("SELECT count(*) FROM budget.functional_expenditure WHERE report_id = %s AND table_no = '7'",
                           (first.report_id,)).fetchone()[0]
        assert old == 26

    history = cli("reports", "--history", url=fresh_url)
    assert history.returncode == 0, history.stderr
    rows = [line for line in history.stdout.splitlines() if DEPARTMENT in line]
    assert len(rows) == 2
    assert "当前" in rows[1] and "当前" not in rows[0] and "corrected.txt" in rows[1]
    current = cli("reports", url=fresh_url)
    assert [line for line in current.stdout.splitlines() if DEPARTMENT in line][0].count("corrected.txt") == 1
    assert sum(DEPARTMENT in line for line in current.stdout.splitlines()) == 1

    # The old bytes again: a third version with the old content.
    third = load_file(fresh_url, SAMPLE)
    assert (third.outcome, third.version) == ("replaced", 3)

    deleted = cli("delete", "--department", DEPARTMENT, "--year", "2020", url=fresh_url)
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout.strip() == f"deleted {DEPARTMENT} 2020: 3 version(s) (1, 2, 3)"
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT count(*) FROM budget.report").fetchone()[0] == 0
        for table in report_tables(conn):
            count = conn.execute(sql.SQL("SELECT count(*) FROM budget.{}").format(sql.Identifier(table))).fetchone()[0]
            assert count == 0, table
    again = cli("delete", "--department", DEPARTMENT, "--year", "2020", url=fresh_url)
    assert again.returncode == 1
    assert again.stderr.strip() == f"budget-db: no loaded report of {DEPARTMENT} for 2020; see `budget-db reports`"


def test_same_bytes_read_by_a_newer_parser_make_a_new_version(fresh_url):
    first = load_file(fresh_url, SAMPLE)
    with psycopg.connect(fresh_url) as conn:  # as if an older parser had read the file
        conn.execute("UPDATE budget.report SET parser_version = '0.9' WHERE id = %s", (first.report_id,))
    again = load_file(fresh_url, SAMPLE)
    assert (again.outcome, again.version) == ("replaced", 2)
    assert load_file(fresh_url, SAMPLE).outcome == "unchanged"
    batch = list(load_files(fresh_url, [SAMPLE], migrate_first=False))
    assert [r.outcome for r in batch] == ["unchanged"]


def test_delete_keeps_other_reports(fresh_url, tmp_path):
    load_file(fresh_url, SAMPLE)
    other = load_file(fresh_url, write(tmp_path / "other.txt", other_department("深圳市福田区水务局")))
    assert other.outcome == "loaded"
    assert cli("delete", "-d", DEPARTMENT, "-y", "2020", url=fresh_url).returncode == 0
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT report_id, department FROM appendix.reports").fetchall() == [
            (other.report_id, "深圳市福田区水务局")]
        assert conn.execute("SELECT count(*) FROM appendix.t07_general_budget_expenditure").fetchone()[0] == 26


# -- batches ----------------------------------------------------------------------------------
def _mixed_inbox(root: Path) -> Path:
    inbox = root / "inbox"
    write(inbox / "a_sample.txt", TEXT)
    write(inbox / "sub" / "b_other.txt", other_department("深圳市南山区教育局", year_shift=-4))
    (inbox / "empty.txt").write_bytes(b"")
    write(inbox / "page.txt", "<!DOCTYPE html>\n<html><body>2020年部门预算</body></html>\n")
    write(inbox / "sub" / "cut.txt", "\n".join(LINES[:1800]))  # ends inside 表15-42
    write(inbox / "readme.md", "not a report")
    write(inbox / "sub" / "deeper" / "c_third.text", other_department("深圳市盐田区民政局"))
    return inbox


def test_mixed_batch_json_outcomes_and_exit_code(fresh_url, tmp_path):
    inbox = _mixed_inbox(tmp_path)
    result = cli("load", inbox, "--json", url=fresh_url)
    assert result.returncode == 1, result.stderr
    files, summary = json_lines(result.stdout)
    assert [(Path(f["file"]).name, f["outcome"]) for f in files] == [
        ("a_sample.txt", "loaded"), ("empty.txt", "refused"), ("page.txt", "refused"),
        ("b_other.txt", "loaded"), ("cut.txt", "refused"),
    ]
    by_name = {Path(f["file"]).name: f for f in files}
    assert by_name["empty.txt"]["message"] == f"{inbox / 'empty.txt'}: the file is empty"
    assert by_name["page.txt"]["message"] == f"{inbox / 'page.txt'}: the file is an HTML/XML page, not a report converted to text"
    assert by_name["cut.txt"]["message"] == (
        f"{inbox / 'sub' / 'cut.txt'}: 表15-42, line 1799: the report ends inside 表15-42; missing 表15-42 … 表15-96 "
        "of the 96 projects 表13 lists (--allow-partial loads the rest)")
    sample = by_name["a_sample.txt"]
    assert (sample["department"], sample["fiscal_year"], sample["version"]) == (DEPARTMENT, 2020, 1)
    assert sample["rows"]["functional_expenditure"] == 28 and sample["missing_tables"] == []
    assert by_name["b_other.txt"]["department"] == "深圳市南山区教育局" and by_name["b_other.txt"]["fiscal_year"] == 2016
    assert {k: summary[k] for k in ("files", "loaded", "replaced", "unchanged", "refused", "dry_run")} == {
        "files": 5, "loaded": 2, "replaced": 0, "unchanged": 0, "refused": 3, "dry_run": False}
    assert summary["rows"] == 2 * sum(sample["rows"].values())  # the other department's report has as many

    # The same files again: unchanged, exit 0; a glob and --glob pick other files.
    again = cli("load", inbox / "a_sample.txt", f"{inbox}/sub/*.txt", "--json", url=fresh_url)
    files, summary = json_lines(again.stdout)
    assert [(Path(f["file"]).name, f["outcome"]) for f in files] == [
        ("a_sample.txt", "unchanged"), ("b_other.txt", "unchanged"), ("cut.txt", "refused")]
    assert again.returncode == 1
    only_text = cli("load", inbox, "--glob", "*.text", "--json", url=fresh_url)
    assert only_text.returncode == 0, only_text.stderr
    files, summary = json_lines(only_text.stdout)
    assert [(Path(f["file"]).name, f["outcome"], f["department"]) for f in files] == [
        ("c_third.text", "loaded", "深圳市盐田区民政局")]
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT count(*) FROM budget.report").fetchone()[0] == 3


def test_usage_errors_exit_2(fresh_url, tmp_path):
    missing = cli("load", tmp_path / "nowhere", url=fresh_url)
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"budget-db: no such file or folder: {tmp_path / 'nowhere'}"
    unreachable = cli("load", SAMPLE, "--json", url="postgresql://loader:s3cret@127.0.0.1:1/budget")
    assert unreachable.returncode == 2
    assert "cannot connect to postgresql://loader:***@127.0.0.1:1/budget" in unreachable.stderr
    assert "s3cret" not in unreachable.stderr + unreachable.stdout
    no_paths = cli("load", url=fresh_url)
    assert no_paths.returncode == 2


def test_plain_output_without_a_terminal(fresh_url, tmp_path):
    first = write(tmp_path / "one.txt", other_department("深圳市宝安区司法局"))
    result = cli("load", first, SAMPLE, tmp_path / "missing-but-globbed-*.txt", url=fresh_url)
    assert result.returncode == 0, result.stderr
    records = [r for r in parse_file(SAMPLE).records if not is_shared(type(r))]
    rows = f"{len(records)} rows in {len({r.TABLE for r in records})} tables; findings: 0 errors, 3 warnings, 17 rounding"
    assert result.stdout.splitlines() == [
        f"loaded: {first} → 深圳市宝安区司法局 2020 (report 1, version 1), {rows}",
        f"loaded: {SAMPLE} → {DEPARTMENT} 2020 (report 2, version 1), {rows}",
        "2 files, 2 loaded, 0 replaced, 0 unchanged, 0 refused",
    ]
    assert "\x1b[" not in result.stdout and "reports/s" not in result.stdout


def test_progress_bar_and_summary_table_on_a_terminal(fresh_url, tmp_path):
    files = [write(tmp_path / f"r{i}.txt", other_department(f"深圳市光明区局{i}")) for i in range(4)]
    controller, terminal = pty.openpty()
    env = {**os.environ, "DATABASE_URL": fresh_url, "COLUMNS": "160", "TERM": "xterm"}
    process = subprocess.Popen([sys.executable, "-m", "budget_db", "load", *map(str, files)],
                               stdin=terminal, stdout=terminal, stderr=terminal, env=env)
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=300) == 0
    os.close(controller)
    text = output.decode("utf-8", errors="replace")
    assert "reports/s" in text and "files" in text  # the bar
    assert "load summary" in text  # the table
    assert text.count("loaded: ") == 4


def test_dry_run_writes_nothing(fresh_url, tmp_path):
    load_file(fresh_url, SAMPLE)
    new = write(tmp_path / "new.txt", other_department("深圳市龙华区财政局"))
    corrected = write(tmp_path / "corrected.txt", make_variant(TEXT, factor=3))
    with psycopg.connect(fresh_url) as conn:
        tables = report_tables(conn)
        before = [conn.execute(sql.SQL("SELECT count(*) FROM budget.{}").format(sql.Identifier(t))).fetchone()
                  for t in ["report", "department", *tables]]
    result = cli("load", "--dry-run", "--json", new, SAMPLE, corrected, url=fresh_url)
    assert result.returncode == 0, result.stderr
    files, summary = json_lines(result.stdout)
    assert [(f["outcome"], f["version"], f["dry_run"]) for f in files] == [
        ("loaded", 1, True), ("unchanged", 1, True), ("replaced", 2, True)]
    assert files[0]["report_id"] is None and files[0]["rows"]["performance_indicator"] == 1334
    assert summary["dry_run"] is True
    with psycopg.connect(fresh_url) as conn:
        after = [conn.execute(sql.SQL("SELECT count(*) FROM budget.{}").format(sql.Identifier(t))).fetchone()
                 for t in ["report", "department", *tables]]
    assert after == before


def test_database_refusal_does_not_stop_the_batch(fresh_url, tmp_path):
    lines = other_department("深圳市坪山区交通运输局").split("\n")
    lines[447] = lines[447].replace("12,971.69", "12,345,678,901,234,567.00")  # beyond NUMERIC(18,2)
    huge = write(tmp_path / "huge.txt", "\n".join(lines))
    result = cli("load", "--json", huge, SAMPLE, url=fresh_url)
    files, summary = json_lines(result.stdout)
    assert result.returncode == 1
    assert [f["outcome"] for f in files] == ["refused", "loaded"]
    assert files[0]["message"].startswith(f"{huge}: the database refused the report: numeric field overflow")
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT department FROM appendix.reports").fetchall() == [(DEPARTMENT,)]


# -- partial reports --------------------------------------------------------------------------
def test_cut_inside_table_15_refused_or_loaded_with_allow_partial(fresh_url, tmp_path):
    cut = write(tmp_path / "cut.txt", "\n".join(other_department("深圳市大鹏新区局").split("\n")[:1800]))
    refused = load_file(fresh_url, cut)
    assert refused.outcome == "refused"
    assert refused.message.endswith("the report ends inside 表15-42; missing 表15-42 … 表15-96 of the 96 projects "
                                    "表13 lists (--allow-partial loads the rest)")
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT count(*) FROM budget.report").fetchone()[0] == 0

    result = cli("load", "--allow-partial", "--json", cut, url=fresh_url)
    assert result.returncode == 0, result.stderr
    files, _ = json_lines(result.stdout)
    expected_missing = [f"15-{n}" for n in range(42, 97)]
    assert files[0]["outcome"] == "loaded" and files[0]["missing_tables"] == expected_missing
    with psycopg.connect(fresh_url) as conn:
        report_id, missing = conn.execute("SELECT report_id, missing_tables FROM appendix.reports").fetchone()
        assert missing == expected_missing
        projects = conn.execute("SELECT count(*) FROM budget.performance_target_project WHERE report_id = %s",
                                (report_id,)).fetchone()[0]
        assert projects == 41  # 表15-1 … 表15-41; the cut 表15-42 is left out
        assert conn.execute("SELECT count(*) FROM appendix.t13_performance_projects WHERE report_id = %s",
                            (report_id,)).fetchone()[0] == 96
        assert conn.execute("SELECT count(*) FROM appendix.t07_general_budget_expenditure WHERE report_id = %s",
                            (report_id,)).fetchone()[0] == 26


def test_partial_report_does_not_replace_a_complete_one(fresh_url, tmp_path):
    complete = load_file(fresh_url, SAMPLE)
    cut = write(tmp_path / "cut.txt", "\n".join(LINES[:1800]))
    result = cli("load", "--allow-partial", "--json", cut, url=fresh_url)
    files, _ = json_lines(result.stdout)
    assert result.returncode == 1
    assert files[0]["outcome"] == "refused"
    assert files[0]["message"] == ("cut.txt: a partial report (missing 55 tables) would replace the complete "
                                   "version 1; delete that first if this is intended")
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT report_id, missing_tables FROM appendix.reports").fetchall() == [
            (complete.report_id, [])]


@pytest.mark.parametrize("kept, missing, message", [
    (476, ["8", "9", "10", "11", "12", "13", "14", "15"],
     "表8, line 476: the report ends inside 表8; missing 表8 … 表15"),
    (548, ["12", "13", "14", "15"], "表12, line 548: the report ends inside 表12; missing 表12 … 表15"),
    (1765, [f"15-{n}" for n in range(41, 97)],
     "表15-40, line 1764: the report ends after 表15-40; missing 表15-41 … 表15-96 of the 96 projects 表13 lists"),
])
def test_reports_ending_early_after_table_7(tmp_path, kept, missing, message):
    path = write(tmp_path / "cut.txt", "\n".join(LINES[:kept]))
    with pytest.raises(ReportError) as refused:
        parse_file(path)
    assert str(refused.value) == f"{path}: {message} (--allow-partial loads the rest)"
    partial = parse_file(path, allow_partial=True)
    assert partial.missing_tables == missing
    numbers = {block.number.split("-")[0] for block in partial.grid.tables if block.rows}
    assert numbers == {str(n) for n in range(1, 16)} - set(missing)


def test_whole_sample_has_nothing_missing():
    assert parse_file(SAMPLE).missing_tables == []


# -- text is data -----------------------------------------------------------------------------
INJECTED = "汕尾扶贫工作经费'); DROP TABLE x; --<script>alert(1)</script>"


def test_sql_and_html_in_a_report_are_stored_and_shown_verbatim(fresh_url, tmp_path):
    lines = other_department("深圳市注入测试局").split("\n")
    row = next(i for i, line in enumerate(lines) if "\t汕尾扶贫工作经费\t" in line)  # a 表13 row
    lines[row] = lines[row].replace("汕尾扶贫工作经费", INJECTED, 1)
    result = load_file(fresh_url, write(tmp_path / "injected.txt", "\n".join(lines)))
    assert result.outcome == "loaded", result.message
    with psycopg.connect(fresh_url) as conn:
        names = conn.execute("SELECT project_name FROM appendix.t13_performance_projects WHERE row_no = 1").fetchall()
        assert names == [(INJECTED,)]
        assert conn.execute("SELECT to_regclass('x')").fetchone()[0] is None
    shown = cli("show", "13", url=fresh_url)
    assert shown.returncode == 0, shown.stderr
    assert any(INJECTED in line for line in shown.stdout.splitlines())


def test_bracketed_text_is_shown_verbatim(fresh_url, tmp_path):
    lines = other_department("深圳市标记测试局").split("\n")
    row = next(i for i, line in enumerate(lines) if "\t汕尾扶贫工作经费\t" in line)
    lines[row] = lines[row].replace("汕尾扶贫工作经费", "汕尾扶贫[b]工作[/b]经费", 1)
    load_file(fresh_url, write(tmp_path / "brackets.txt", "\n".join(lines)))
    shown = cli("show", "13", url=fresh_url)
    assert "汕尾扶贫[b]工作[/b]经费" in shown.stdout


# -- paths ------------------------------------------------------------------------------------
def test_expand_paths(tmp_path):
    a = write(tmp_path / "a.txt", "x")
    b = write(tmp_path / "sub" / "b.txt", "x")
    c = write(tmp_path / "sub" / "deep" / "c.txt", "x")
    write(tmp_path / "sub" / "notes.md", "x")
    d = write(tmp_path / "sub" / "d.csv", "x")
    assert expand_paths([tmp_path]) == [a, b, c]
    assert expand_paths([tmp_path / "sub", a, b]) == [b, c, a]  # each file once, in argument order
    assert expand_paths([f"{tmp_path}/sub/*.txt"]) == [b]
    assert expand_paths([f"{tmp_path}/**/*.txt"]) == [a, b, c]
    assert expand_paths([tmp_path], "*.csv") == [d]
    assert expand_paths([d]) == [d]  # a file named outright is taken whatever its name
    assert expand_paths([f"{tmp_path}/*.pdf"]) == []
    with pytest.raises(UsageError, match="no such file or folder"):
        expand_paths([tmp_path / "absent.txt"])


def test_two_contents_of_one_report_in_one_batch_are_flagged(fresh_url, tmp_path):
    first = write(tmp_path / "a.txt", make_variant(TEXT, factor=2))
    second = write(tmp_path / "b.txt", make_variant(TEXT, factor=3))
    results = load_files(fresh_url, [first, second], migrate_first=False)
    assert [(r.outcome, r.version) for r in results] == [("loaded", 1), ("replaced", 2)]
    assert results[1].message == (  # the ×3 amounts round differently: more error findings, and it says so
        f"replaces what {first} loaded earlier in this batch; 3 more error findings than version 1 (8 against 5): "
        f"budget-db check -d {DEPARTMENT} -y 2020")
    # The next night: the later file is current; the earlier one is not written (it would only be
    # replaced again), nor parsed (its bytes are version 1's). No new version, every night.
    for _ in range(2):
        again = load_files(fresh_url, [first, second], migrate_first=False)
        assert [(r.outcome, r.version) for r in again] == [("unchanged", 2), ("unchanged", 2)]
        assert again[0].message == (f"not written: the report is current from {second}, later in this batch, "
                                    "which would replace it again")
    # In the other order the later file wins again: a new version.
    reversed_order = load_files(fresh_url, [second, first], migrate_first=False)
    assert [(r.outcome, r.version) for r in reversed_order] == [("unchanged", 2), ("replaced", 3)]
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT count(*) FROM budget.report").fetchone() == (3,)


def test_a_parser_crash_refuses_the_file_and_the_batch_goes_on(fresh_url, tmp_path, monkeypatch):
    """A bug in a parser (not a ReportError) on one odd file must not stop a nightly batch."""
    from budget_db import parsing

    odd = write(tmp_path / "odd.txt", other_department("深圳市福田区司法局"))
    real = parsing.parse_complete

    def crash_on_odd(text, source, **options):
        if source == str(odd):
            raise IndexError("tuple index out of range")
        return real(text, source, **options)

    monkeypatch.setattr(parsing, "parse_complete", crash_on_odd)
    results = load_files(fresh_url, [odd, SAMPLE], migrate_first=False, workers=1)
    assert [r.outcome for r in results] == ["refused", "loaded"]
    assert results[0].message == f"{odd}: the parser failed (IndexError: tuple index out of range); please report it"


def test_every_bad_input_refused_with_nothing_written(fresh_url, tmp_path):
    inbox = tmp_path / "bad"
    utf8 = TEXT.encode("utf-8")
    damage_at = utf8.index("表.7".encode())
    bad = {
        "empty.txt": b"",
        "blank.txt": b"\n \r\n\t\n",
        "nul.txt": bytes(range(256)) * 4,
        "control.txt": bytes(range(1, 32)) * 40,
        "scan.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        "page.txt": "<!DOCTYPE html><html><body>2020年部门预算</body></html>".encode(),
        "page16.txt": "<html><body>部门预算</body></html>".encode("utf-16"),
        "damaged.txt": utf8[:damage_at] + b"\xff" + utf8[damage_at:],
        "cut_in_6.txt": "\n".join(LINES[:430]).encode(),
        "cut_in_7.txt": "\n".join(LINES[:455]).encode(),
        "cut_in_15.txt": "\n".join(LINES[:2000]).encode(),
        "minutes.txt": "今天的会议纪要\n预算问题\n".encode(),
    }
    for name, data in bad.items():
        (inbox / name).parent.mkdir(parents=True, exist_ok=True)
        (inbox / name).write_bytes(data)
    with psycopg.connect(fresh_url) as conn:
        tables = ["report", "department", "fiscal_year", "functional_classification", *report_tables(conn)]
        count = sql.SQL("SELECT count(*) FROM budget.{}")
        before = [conn.execute(count.format(sql.Identifier(t))).fetchone()[0] for t in tables]

    result = cli("load", "--json", inbox, url=fresh_url)
    assert result.returncode == 1, result.stderr
    files, summary = json_lines(result.stdout)
    assert summary["refused"] == summary["files"] == len(bad)
    reasons = {Path(f["file"]).name: f["message"] for f in files}
    for name, message in reasons.items():
        assert message.startswith(f"{inbox / name}: ") and "\n" not in message, name
    expected = {
        "empty.txt": "the file is empty",
        "blank.txt": "the file is empty",
        "nul.txt": "the file is binary (it contains NUL bytes), not text",
        "control.txt": "the file is binary (it contains control bytes), not text",
        "scan.txt": "the PDF cannot be read (damaged?): PSEOF: Unexpected EOF",  # a cut PDF, read as one
        "page.txt": "the file is an HTML/XML page, not a report converted to text",
        "page16.txt": "the file is an HTML/XML page, not a report converted to text",
        "damaged.txt": f"cannot decode as utf-8: invalid byte 0xff at offset {damage_at} "
                       "(the text before it is UTF-8; --encoding forces another)",
        "cut_in_6.txt": "表7 一般公共预算支出情况表 is missing (the report is cut off or in another template)",
        "cut_in_7.txt": "the report ends inside 表7 一般公共预算支出情况表 (cut off?)",
        "cut_in_15.txt": "表15-50, line 2000: the report ends inside 表15-50; missing 表15-50 … 表15-96 of the "
                         "96 projects 表13 lists (--allow-partial loads the rest)",
        "minutes.txt": "not a budget report in a supported template (shenzhen_budget, jiangsu_budget, final_accounts, "
                       "shanghai_budget): no '表.1 收支预算总表' table marker or other first table found",
    }
    for name, reason in expected.items():
        assert reasons[name] == f"{inbox / name}: {reason}", name
    with psycopg.connect(fresh_url) as conn:
        after = [conn.execute(count.format(sql.Identifier(t))).fetchone()[0] for t in tables]
    assert after == before


def test_long_lines_are_not_wrapped(fresh_url, tmp_path):
    """Scripts read one line per file, however long the path."""
    folder = tmp_path / ("很长的文件夹名称" * 8) / ("another-long-folder-name-" * 6)
    empty = write(folder / "empty.txt", "")
    loaded = write(folder / "report.txt", other_department("深圳市龙岗区卫生健康局"))
    result = cli("load", empty, loaded, url=fresh_url)
    assert result.returncode == 1
    assert result.stderr == f"refused: {empty}: the file is empty\n"
    assert result.stdout.splitlines()[0].startswith(f"loaded: {loaded} → 深圳市龙岗区卫生健康局 2020 (report 1")
    assert len(result.stdout.splitlines()) == 2 and len(result.stdout.splitlines()[0]) > 200
