"""A loader that tells the truth: findings of a correction, escaped report text, odd inputs named
for what they are, messages one line and bounded, `show`'s errors alone."""

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from benchmarks.variants import make_variant
from budget_db import migrate
from budget_db.batch import load_file
from budget_db.paths import UsageError, expand_paths
from budget_db.terminal import MESSAGE_LIMIT
from loaders.errors import ReportError
from loaders.source import MB, read_source
from tests.conftest import SAMPLE
from tests.test_loading import DEPARTMENT, TEXT, cli, json_lines, write


@pytest.fixture
def fresh_url(fresh_database):
    url = fresh_database("budget_truth")
    migrate.upgrade(url)
    return url


def edited(tmp_path: Path) -> Path:
    """The sample with 表4 基本工资 printed as 37,932.02 in its 总计 column: 2 error findings."""
    printed = "基本工资\t37,332.02\t"
    assert TEXT.count(printed) == 1
    return write(tmp_path / "edited.txt", TEXT.replace(printed, "基本工资\t37,932.02\t"))


# -- findings of a correction -----------------------------------------------------------------
def test_a_correction_with_new_errors_says_so(fresh_url, tmp_path):
    first = cli("load", "--json", SAMPLE, url=fresh_url)
    files, _ = json_lines(first.stdout)
    assert (files[0]["outcome"], files[0]["findings"], files[0]["replaces"], files[0]["findings_change"]) == (
        "loaded", {"error": 0, "warning": 3, "rounding": 17}, None, None)

    worse = edited(tmp_path)
    result = cli("load", "--json", worse, url=fresh_url)
    assert result.returncode == 0, result.stderr  # replaced, and it says what it brought
    files, _ = json_lines(result.stdout)
    report = files[0]
    assert (report["outcome"], report["version"]) == ("replaced", 2)
    # a rounding gap became an error; the funding columns of that row keep their own rounding
    assert report["findings"] == {"error": 2, "warning": 3, "rounding": 19}
    assert report["replaces"] == {"report_id": files[0]["report_id"] - 1, "version": 1,
                                  "findings": {"error": 0, "warning": 3, "rounding": 17}}
    assert report["findings_change"] == {"error": 2, "warning": 0, "rounding": 2}
    assert report["message"] == (f"2 more error findings than version 1 (2 against 0): "
                                 f"budget-db check -d {DEPARTMENT} -y 2020")

    back = cli("load", SAMPLE, url=fresh_url)  # the clean bytes again: version 3, in text
    assert back.returncode == 0, back.stderr
    assert back.stdout.splitlines()[0].endswith(
        "; findings against version 2: 0 errors (-2), 3 warnings (±0), 17 rounding (-2)")


def test_keep_cleaner_refuses_a_replacement_with_more_errors(fresh_url, tmp_path):
    clean = load_file(fresh_url, SAMPLE)
    worse = edited(tmp_path)
    result = cli("load", "--keep-cleaner", worse, url=fresh_url)
    assert result.returncode == 1
    assert result.stderr == (f"refused: {worse}: refused by --keep-cleaner: 2 error findings against 0 in the "
                             "current version 1, which stays\n")
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT report_id, version FROM appendix.reports").fetchall() == [(clean.report_id, 1)]
        assert conn.execute("SELECT count(*) FROM budget.report").fetchone() == (1,)

    loaded = load_file(fresh_url, worse)  # without the option it replaces, and says so
    assert (loaded.outcome, loaded.more_errors()) == ("replaced", 2)
    cleaner = load_file(fresh_url, SAMPLE, keep_cleaner=True)  # fewer errors: taken
    assert (cleaner.outcome, cleaner.version, cleaner.findings["error"]) == ("replaced", 3, 0)
    first_load = load_file(fresh_url, write(tmp_path / "other.txt", make_variant(
        TEXT, department="深圳市宝安区水务局", original=(DEPARTMENT, 2020))), keep_cleaner=True)
    assert first_load.outcome == "loaded"  # nothing to compare with


# -- report text reaches the terminal escaped ---------------------------------------------------
ESC_DEPARTMENT = "深圳市\x1b[31m红色\u202e局"
ESC_PROJECT = "汕尾\x1b]0;pwned\x07扶贫\x9b2J工作经费"


def test_control_characters_are_stored_verbatim_and_shown_escaped(fresh_url, tmp_path):
    lines = make_variant(TEXT, department=ESC_DEPARTMENT, original=(DEPARTMENT, 2020)).split("\n")
    row = next(i for i, line in enumerate(lines) if "\t汕尾扶贫工作经费\t" in line)
    lines[row] = lines[row].replace("汕尾扶贫工作经费", ESC_PROJECT, 1)
    path = write(tmp_path / "escapes.txt", "\n".join(lines))

    loaded = cli("load", path, url=fresh_url)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.startswith(f"loaded: {path} → 深圳市\\x1b[31m红色\\u202e局 2020 (report ")
    as_json = cli("load", "--json", "--dry-run", path, url=fresh_url)
    assert '"department": "深圳市\\u001b[31m红色\\u202e局"' in as_json.stdout
    shown = cli("show", "13", url=fresh_url)
    listed = cli("reports", url=fresh_url)
    checked = cli("check", url=fresh_url)
    for output in (loaded.stdout, as_json.stdout, shown.stdout, listed.stdout, checked.stdout):
        assert not any(c in output for c in "\x1b\x07\x9b\u202e"), output[:200]
    assert "汕尾\\x1b]0;pwned\\x07扶贫\\x9b2J工作经费" in shown.stdout
    assert "深圳市\\x1b[31m红色\\u202e局" in shown.stdout and "深圳市\\x1b[31m红色\\u202e局" in listed.stdout
    with psycopg.connect(fresh_url) as conn:
        assert conn.execute("SELECT department FROM appendix.reports").fetchone() == (ESC_DEPARTMENT,)
        assert conn.execute("SELECT project_name FROM appendix.t13_performance_projects WHERE row_no = 1"
                            ).fetchone() == (ESC_PROJECT,)


# -- inputs that are not plain files ------------------------------------------------------------
@pytest.mark.parametrize("pattern", ["/etc/*.txt", "../*.txt", "sub/../../*.txt", ""])
def test_glob_that_is_a_path_is_a_usage_error(tmp_path, pattern):
    write(tmp_path / "inbox" / "a.txt", "x")
    result = cli("load", tmp_path / "inbox", "--glob", pattern, url="postgresql://nobody@127.0.0.1:1/x")
    assert result.returncode == 2
    assert result.stderr == (f"budget-db: --glob takes a file name pattern such as '*.txt' (matched inside the "
                             f"folders), not a path: {pattern!r}\n")
    with pytest.raises(UsageError):
        expand_paths([tmp_path / "inbox"], pattern)


def test_glob_may_name_subfolders(tmp_path):
    inner = write(tmp_path / "2020" / "q1" / "a.txt", "x")
    write(tmp_path / "2021" / "a.txt", "x")
    assert expand_paths([tmp_path], "q1/*.txt") == [inner]


def _as_unprivileged_root() -> list[str]:
    """Root reads every folder: without the capabilities that let it, a mode 000 folder is unreadable
    to root as to anyone."""
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-all", "--"] \
        if os.geteuid() == 0 else []


def test_fifo_dangling_link_and_unreadable_folder_have_their_own_reasons(fresh_url, tmp_path):
    inbox = tmp_path / "inbox"
    good = write(inbox / "a_good.txt", TEXT)
    os.mkfifo(inbox / "b_pipe.txt")
    (inbox / "c_gone.txt").symlink_to(inbox / "nowhere.txt")
    write(inbox / "locked" / "d_hidden.txt", TEXT)
    write(inbox / "z_later" / "e_other.txt", make_variant(TEXT, department="深圳市龙岗区民政局",
                                                          original=(DEPARTMENT, 2020)))
    (inbox / "locked").chmod(0o000)
    try:
        env = {**os.environ, "DATABASE_URL": fresh_url}
        started = time.monotonic()
        result = subprocess.run([*_as_unprivileged_root(), sys.executable, "-m", "budget_db", "load", "--json",
                                 str(inbox)], capture_output=True, text=True, env=env, timeout=120)
        assert time.monotonic() - started < 100  # the FIFO was not waited on
    finally:
        (inbox / "locked").chmod(0o755)
    assert result.returncode == 1, result.stderr
    files, summary = json_lines(result.stdout)
    assert [(Path(f["file"]).name, f["outcome"], f["message"]) for f in files] == [
        ("a_good.txt", "loaded", ""),
        ("b_pipe.txt", "refused", f"{inbox / 'b_pipe.txt'}: a FIFO (named pipe), not a file: nothing was read from it"),
        ("c_gone.txt", "refused", f"{inbox / 'c_gone.txt'}: a dangling link: its target {inbox / 'nowhere.txt'} "
                                  "does not exist"),
        ("locked", "refused", f"{inbox / 'locked'}: cannot read the folder: Permission denied; the files in it are "
                              "not loaded"),
        ("e_other.txt", "loaded", ""),
    ]
    assert (summary["loaded"], summary["refused"]) == (2, 3)
    assert files[0]["file"] == str(good)

    named = cli("load", inbox / "b_pipe.txt", inbox / "c_gone.txt", url=fresh_url)
    assert named.returncode == 1
    assert named.stderr.splitlines() == [
        f"refused: {inbox / 'b_pipe.txt'}: a FIFO (named pipe), not a file: nothing was read from it",
        f"refused: {inbox / 'c_gone.txt'}: a dangling link: its target {inbox / 'nowhere.txt'} does not exist"]


def test_a_file_over_the_size_limit_is_refused_unread(fresh_url, tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as file:
        file.truncate(60 * MB)  # sparse: nothing to read but its size
    result = cli("load", "--json", huge, url=fresh_url)
    files, _ = json_lines(result.stdout)
    assert files[0]["message"] == f"{huge}: the file is 60.0 MB, over the limit of 50 MB (--max-size)"
    small_limit = cli("load", "--max-size", "0.1", SAMPLE, url=fresh_url)
    assert small_limit.returncode == 1
    assert small_limit.stderr == f"refused: {SAMPLE}: the file is 0.2 MB, over the limit of 0.1 MB (--max-size)\n"

    enormous = tmp_path / "enormous.txt"
    with open(enormous, "wb") as file:
        file.truncate(64 * 1024 * MB)  # 64 GB: reading it would take minutes
    started = time.monotonic()
    with pytest.raises(ReportError, match=r"the file is 65,536.0 MB, over the limit of 50 MB"):
        read_source(enormous)
    assert time.monotonic() - started < 1


def test_a_10_mb_line_gives_a_short_one_line_message(fresh_url, tmp_path):
    lines = TEXT.split("\n")
    lines[447] += "\t" + "汕" * 3_500_000  # a 10.5 MB cell in 表7
    path = write(tmp_path / "long.txt", "\n".join(lines))
    result = cli("load", path, url=fresh_url)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 1000 < MESSAGE_LIMIT
    assert result.stderr.startswith(f"refused: {path}: 表7, line 448: cells outside the table's columns: ['汕汕")
    assert result.stderr.endswith("汕汕… (3,499,639 more characters)\n")  # the reason cut at 400


def test_messages_naming_odd_paths_stay_one_line(fresh_url, tmp_path):
    odd = write(tmp_path / "two\nlines\x1b[2J.txt", "")
    result = cli("load", odd, url=fresh_url)
    assert result.returncode == 1
    assert result.stderr == f"refused: {tmp_path}/two\\x0alines\\x1b[2J.txt: the file is empty\n"


# -- show ---------------------------------------------------------------------------------------
def test_show_with_an_unreachable_database_is_one_line_exit_2():
    result = cli("show", "7", url="postgresql://analyst:s3cret@127.0.0.1:1/budget")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("budget-db: cannot connect to postgresql://analyst:***@127.0.0.1:1/budget: ")
    assert result.stderr.count("\n") == 1 and "s3cret" not in result.stderr


def test_show_of_a_table_the_report_lacks_prints_the_error_only(database_url, sample_report_id):
    missing = cli("show", "15-999", url=database_url)
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr == f"budget-db: {DEPARTMENT} 2020 has no 表15-999\n"
    for number in ("7-3", "16", "15-x", "x"):
        wrong = cli("show", number, url=database_url)
        assert (wrong.returncode, wrong.stdout) == (2, ""), number
        assert wrong.stderr == f"budget-db: no 附表 {number}: use 1 … 15 or 15-N\n"
    project = cli("show", "15-3", url=database_url)
    assert project.returncode == 0 and "表15-3" in project.stdout
