"""BI logins: a real login over TCP reads the views (current versions only) and can change
nothing, take no loader lock; an analyst also reads budget.*; psql gets no password in argv."""

import os
import secrets
import subprocess
import sys
import time
from decimal import Decimal

import psycopg
import pytest
from psycopg import errors, sql

from benchmarks.variants import make_variant
from budget_db import migrate
from budget_db.batch import load_file
from budget_db.roles import scram_verifier
from tests.conftest import SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")


def cli(*args, url: str, home, **options):
    env = {**os.environ, "DATABASE_URL": url, "BUDGET_DB_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "budget_db", *args], capture_output=True, text=True, env=env,
                          timeout=120, **options)


@pytest.fixture(scope="module")
def bi_database(fresh_database, tmp_path_factory):
    """A database with the sample loaded and then replaced by a corrected version."""
    url = fresh_database("budget_readers")
    migrate.upgrade(url)
    first = load_file(url, SAMPLE)
    corrected = tmp_path_factory.mktemp("corrected") / "corrected.txt"
    corrected.write_text(make_variant(TEXT, factor=2), encoding="utf-8")
    second = load_file(url, corrected)
    assert (first.outcome, second.outcome) == ("loaded", "replaced")
    return url, first.report_id, second.report_id


@pytest.fixture(scope="module")
def logins(bi_database, tmp_path_factory):
    """name -> URL of a reader and an analyst made by `budget-db db reader`; dropped at the end."""
    url = bi_database[0]
    home = tmp_path_factory.mktemp("home")
    names = {"reader": f"bi_{secrets.token_hex(3)}", "analyst": f"analyst_{secrets.token_hex(3)}"}
    made = {}
    for kind, name in names.items():
        created = cli("db", "reader", name, *(["--analyst"] if kind == "analyst" else []), url=url, home=home)
        assert created.returncode == 0, created.stderr
        assert created.stdout.startswith(f"reader {name} created (member of budget_{kind}); password in ")
        printed = cli("db", "url", "--reader", name, url=url, home=home)
        assert printed.returncode == 0, printed.stderr
        made[kind] = printed.stdout.strip()
    yield made, names, home
    with psycopg.connect(url, autocommit=True) as conn:
        for name in names.values():
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))


def test_password_file_is_private_and_the_url_names_the_login(logins, bi_database):
    made, names, home = logins
    file = home / "readers" / f"{names['reader']}.pgpass"
    assert file.stat().st_mode & 0o777 == 0o600
    assert (home / "readers").stat().st_mode & 0o777 == 0o700
    host, port, database, user, password = file.read_text().strip().split(":")
    assert made["reader"] == f"postgresql://{user}:{password}@{host}:{port}/{database}"
    assert user == names["reader"] and len(password) >= 32
    with psycopg.connect(bi_database[0]) as conn:  # the server keeps a SCRAM verifier, not the password
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (user,)).fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$4096:") and password not in stored


def test_reader_sees_current_versions_through_the_views_only(logins, bi_database):
    _, old_id, new_id = bi_database
    with psycopg.connect(logins[0]["reader"], autocommit=True) as conn:
        assert conn.execute("SELECT current_user, inet_server_addr() IS NOT NULL").fetchone() == (
            logins[1]["reader"], True)  # over TCP
        assert conn.execute("SELECT report_id, version FROM appendix.reports").fetchall() == [(new_id, 2)]
        assert conn.execute("SELECT report_id, total FROM appendix.t07_general_budget_expenditure "
                            "WHERE functional_code = '2040219'").fetchall() == [(new_id, Decimal("25943.38"))]
        counts = conn.execute("SELECT count(*) FILTER (WHERE report_id = %s), count(*) FILTER (WHERE report_id = %s) "
                              "FROM appendix.t13_performance_projects", (old_id, new_id)).fetchone()
        assert counts == (0, 96)
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied for schema budget"):
            conn.execute("SELECT count(*) FROM budget.report")


# Writes go to budget.* (our views are not updatable, whoever asks; their privileges are below).
STATEMENTS = {
    "insert": "INSERT INTO budget.department (region, name) VALUES ('x', 'y')",
    "update": "UPDATE budget.report SET title = 'x'",
    "delete": "DELETE FROM budget.validation_finding",
    "truncate": "TRUNCATE budget.report CASCADE",
    "create in appendix": "CREATE TABLE appendix.mine (x int)",
    "create in public": "CREATE TABLE public.mine (x int)",
    "create view": "CREATE VIEW appendix.mine AS SELECT 1",
    "create schema": "CREATE SCHEMA mine",
    "drop": "DROP VIEW appendix.reports",
    "alter": "ALTER VIEW appendix.reports RENAME TO gone",
    "lock": "LOCK TABLE appendix.reports IN EXCLUSIVE MODE",
    "report lock": "SELECT pg_advisory_xact_lock(hashtextextended('budget-report:' || report_key, 0)) "
                   "FROM appendix.reports",
    "session lock": "SELECT pg_advisory_lock(hashtextextended('budget-report:' || report_key, 0)) FROM appendix.reports",
    "try lock": "SELECT pg_try_advisory_lock(4242001)",
    "migration lock": "SELECT pg_advisory_xact_lock(4242001)",
    "shared lock": "SELECT pg_advisory_lock_shared(4242001)",
}


@pytest.mark.parametrize("kind", ["reader", "analyst"])
@pytest.mark.parametrize("what", sorted(STATEMENTS))
def test_logins_change_nothing_and_take_no_lock(logins, kind, what):
    with psycopg.connect(logins[0][kind]) as conn:  # in a transaction, as LOCK needs
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(STATEMENTS[what])


@pytest.mark.parametrize("kind", ["reader", "analyst"])
def test_logins_may_only_select_from_the_views(logins, kind, bi_database):
    with psycopg.connect(bi_database[0], autocommit=True) as conn:
        privileges = conn.execute(
            "SELECT c.relname, has_table_privilege(%s, c.oid, 'SELECT'), "
            "has_table_privilege(%s, c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER') "
            "FROM pg_class c WHERE c.relnamespace = 'appendix'::regnamespace AND c.relkind = 'v'",
            (logins[1][kind], logins[1][kind])).fetchall()
    assert len(privileges) >= 20
    assert [name for name, select, write in privileges if not select or write] == []


def test_analyst_reads_every_version_in_budget_but_writes_nothing(logins, bi_database):
    _, old_id, new_id = bi_database
    with psycopg.connect(logins[0]["analyst"], autocommit=True) as conn:
        versions = conn.execute("SELECT id, version, superseded_at IS NOT NULL FROM budget.report ORDER BY version")
        assert versions.fetchall() == [(old_id, 1, True), (new_id, 2, False)]
        assert conn.execute("SELECT count(*) FROM appendix.reports").fetchone() == (1,)
        for statement in ("DELETE FROM budget.report", "TRUNCATE budget.report CASCADE",
                          "UPDATE budget.report SET title = 'x'", "CREATE TABLE budget.mine (x int)"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)


def test_the_loader_still_takes_its_locks(bi_database):
    with psycopg.connect(bi_database[0], autocommit=True) as conn:  # the owner's login
        assert conn.execute("SELECT pg_try_advisory_lock(4242001), pg_advisory_unlock(4242001)").fetchone() == (
            True, True)


def test_grants_come_back_when_migrations_re_create_the_views(logins, bi_database):
    url = bi_database[0]
    migrate.downgrade(url, "0007")  # below head: our views are dropped
    migrate.upgrade(url)
    with psycopg.connect(logins[0]["reader"], autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM appendix.t07_general_budget_expenditure").fetchone() == (26,)


def test_rotating_gives_a_new_password_and_the_old_one_stops_working(logins, bi_database):
    made, names, home = logins
    url = bi_database[0]
    old = made["reader"]
    rotated = cli("db", "reader", names["reader"], url=url, home=home)
    assert rotated.returncode == 0, rotated.stderr
    assert f"reader {names['reader']} given a new password" in rotated.stdout
    new = cli("db", "url", "--reader", names["reader"], url=url, home=home).stdout.strip()
    assert new != old
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(old, connect_timeout=5)
    with psycopg.connect(new) as conn:
        assert conn.execute("SELECT count(*) FROM appendix.reports").fetchone() == (1,)
    made["reader"] = new

    printed = cli("db", "reader", names["reader"], "--print-password", url=url, home=home)
    assert printed.returncode == 0
    password = printed.stdout.strip()
    assert len(password) >= 32 and "\n" not in password
    assert not (home / "readers" / f"{names['reader']}.pgpass").exists()  # it held the old password
    no_file = cli("db", "url", "--reader", names["reader"], url=url, home=home)
    assert no_file.returncode == 2 and "no password file for reader" in no_file.stderr
    made["reader"] = new.replace(new.split(":")[2].split("@")[0], password)
    with psycopg.connect(made["reader"]) as conn:
        assert conn.execute("SELECT current_user").fetchone() == (names["reader"],)


def test_roles_that_are_not_readers_are_refused(bi_database, tmp_path):
    url = bi_database[0]
    writer = f"writer_{secrets.token_hex(3)}"
    with psycopg.connect(url, autocommit=True) as conn:  # a reader someone also let write
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN IN ROLE budget_reader, pg_write_all_data").format(
            sql.Identifier(writer)))
    try:
        refused = cli("db", "reader", writer, url=url, home=tmp_path)
        assert refused.returncode == 1 and "exists and is not a budget-db reader" in refused.stderr
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(writer)))
    for name, reason in [("postgres", "exists and is not a budget-db reader"),
                         ("budget_reader", "is a reserved role name"), ("pg_monitor", "is a reserved role name")]:
        refused = cli("db", "reader", name, url=url, home=tmp_path)
        assert refused.returncode == 1, refused.stdout
        assert reason in refused.stderr and refused.stderr.count("\n") == 1


def test_psql_gets_the_password_from_the_environment(logins, bi_database):
    made, names, home = logins
    env = {**os.environ, "DATABASE_URL": bi_database[0], "BUDGET_DB_HOME": str(home)}
    process = subprocess.Popen(
        [sys.executable, "-m", "budget_db", "psql", "--reader", names["analyst"], "--", "-At", "-c",
         "SELECT current_user, count(*), pg_sleep(2) FROM budget.report"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    password = made["analyst"].split(":")[2].split("@")[0]
    deadline = time.monotonic() + 30
    argv = b""
    while time.monotonic() < deadline and b"psql" not in argv.split(b"\0")[0]:
        argv = open(f"/proc/{process.pid}/cmdline", "rb").read()
        time.sleep(0.05)
    environment = open(f"/proc/{process.pid}/environ", "rb").read().split(b"\0")
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert stdout.strip() == f"{names['analyst']}|2|"
    assert argv.split(b"\0")[0].endswith(b"psql")
    assert password.encode() not in argv and b"@127.0.0.1" in argv
    assert f"PGPASSWORD={password}".encode() in environment


def test_scram_verifier_matches_postgresql(db):
    """The verifier we send is the one the server would compute (same salt, same password)."""
    verifier = scram_verifier("pencil", salt=bytes(range(16)))
    name = f"scram_{secrets.token_hex(3)}"
    db.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(name), sql.Literal(verifier)))
    try:
        assert db.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (name,)).fetchone() == (verifier,)
        url = db.info.dsn
        params = {**psycopg.conninfo.conninfo_to_dict(url), "user": name, "password": "pencil"}
        with psycopg.connect(**params) as conn:
            assert conn.execute("SELECT current_user").fetchone() == (name,)
    finally:
        db.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(name)))
