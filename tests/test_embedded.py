"""The embedded server: TCP on 127.0.0.1, data that survives a restart, clear errors.

These tests start servers of their own, so they run only without DATABASE_URL.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest

from budget_db import migrate
from budget_db.batch import load_file
from budget_db.embedded import EmbeddedServer, ServerError, free_port
from tests.conftest import SAMPLE

pytestmark = pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="DATABASE_URL names the server")


@pytest.fixture
def server():
    home = Path(tempfile.mkdtemp(prefix="budget-db-embedded-"))
    home.chmod(0o755)
    server = EmbeddedServer(home, free_port())
    yield server
    server.destroy()
    shutil.rmtree(home, ignore_errors=True)


def test_restart_keeps_data(server):
    assert server.start() is True
    assert server.start() is False  # already running: nothing to do
    server.ensure_database("budget")
    url = server.url("budget")
    assert url.startswith("postgresql://postgres:") and url.endswith(f"@127.0.0.1:{server.port}/budget")
    migrate.upgrade(url)
    assert load_file(url, SAMPLE).outcome == "loaded"

    assert server.stop() is True
    assert not server.running()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2)

    assert server.start() is True
    with psycopg.connect(url) as conn:
        total = conn.execute(
            "SELECT total FROM appendix.t07_general_budget_expenditure WHERE functional_code = '2040219'"
        ).fetchone()
    assert str(total[0]) == "12971.69"


def test_port_in_use_is_a_clear_error(server):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", server.port))
        taken.listen()
        with pytest.raises(ServerError, match=f"port {server.port} on 127.0.0.1 is already in use"):
            server.start()


def test_stale_pid_file_is_cleared(server):
    server.start()
    server.stop()
    pid_file = server.data_dir / "postmaster.pid"
    pid_file.write_text("999999\n")  # a process that does not exist
    if os.geteuid() == 0:
        os.chown(pid_file, server.user.pw_uid, server.user.pw_gid)
    assert server.start() is True
    assert server.running()


def test_data_folder_of_a_newer_postgresql_is_refused(server):
    server.start()
    server.stop()
    (server.data_dir / "PG_VERSION").write_text("19\n")
    with pytest.raises(ServerError, match="was made by PostgreSQL 19; this server is PostgreSQL 18"):
        server.start()


def test_password_files_are_private_from_creation(server, monkeypatch):
    """initdb reads the password from a transient file: 0600 already when it reads it, whatever the umask."""
    seen = {}
    real_run = EmbeddedServer._run

    def spy(self, program, *args, **options):
        for arg in args:
            if arg.startswith("--pwfile="):
                path = Path(arg.split("=", 1)[1])
                seen[program] = (path.stat().st_mode & 0o777, path.read_text().strip() == self.password())
        return real_run(self, program, *args, **options)

    monkeypatch.setattr(EmbeddedServer, "_run", spy)
    old_umask = os.umask(0)
    try:
        server.init()
    finally:
        os.umask(old_umask)
    assert seen == {"initdb": (0o600, True)}
    assert server.password_file.stat().st_mode & 0o777 == 0o600
    assert not list(server.data_dir.parent.glob(".pw-*"))  # the transient file is gone


def _cli(*args, cwd, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BUDGET_DB_HOME", "BUDGET_DB_PORT")}
    environment.update(PYTHONPATH=str(Path(__file__).resolve().parent.parent), **env)
    return subprocess.run([sys.executable, "-m", "budget_db", *args], capture_output=True, text=True, cwd=cwd,
                          env=environment, timeout=300)


def test_one_server_per_user_found_from_any_folder_on_its_own_port(tmp_path):
    """A cron job in $HOME and a shell elsewhere reach the same data (the user's data folder),
    on the port the running server recorded, whatever BUDGET_DB_PORT says now."""
    data_home = Path(tempfile.mkdtemp(prefix="budget-db-xdg-"))
    data_home.chmod(0o755)
    cron_folder, shell_folder = tmp_path / "home", tmp_path / "elsewhere"
    cron_folder.mkdir()
    shell_folder.mkdir()
    first_port, other_port = free_port(), free_port()
    env = {"XDG_DATA_HOME": str(data_home), "HOME": str(cron_folder)}
    server = EmbeddedServer(data_home / "budget-db", first_port)
    try:
        started = _cli("db", "start", cwd=cron_folder, BUDGET_DB_PORT=str(first_port), **env)
        assert started.returncode == 0, started.stderr
        assert started.stdout.startswith(f"embedded PostgreSQL started on 127.0.0.1:{first_port} (pid ")
        assert not (cron_folder / ".budget-db").exists() and (data_home / "budget-db" / "password").exists()

        url = _cli("db", "url", cwd=shell_folder, BUDGET_DB_PORT=str(other_port), **env)
        assert url.returncode == 0, url.stderr
        assert url.stdout.strip() == f"postgresql://postgres:{server.password()}@127.0.0.1:{first_port}/budget"
        status = _cli("db", "status", cwd=shell_folder, BUDGET_DB_PORT=str(other_port), **env)
        assert status.returncode == 0
        pid = server.running_server().pid
        assert status.stdout.strip() == (
            f"running on 127.0.0.1:{first_port}, pid {pid}, accepting connections "
            f"(home: {data_home / 'budget-db'}, data: {server.data_dir}); "
            f"BUDGET_DB_PORT={other_port} applies when it starts")
        loaded = _cli("load", str(SAMPLE), cwd=shell_folder, BUDGET_DB_PORT=str(other_port), **env)
        assert loaded.returncode == 0, loaded.stderr
        listed = _cli("reports", cwd=cron_folder, **env)  # no port variable at all
        assert "深圳市公安局罗湖分局" in listed.stdout

        assert _cli("db", "stop", cwd=shell_folder, **env).stdout.strip() == "embedded PostgreSQL stopped"
        stopped = _cli("db", "status", cwd=cron_folder, **env)
        assert stopped.returncode == 1
        assert stopped.stdout.strip() == f"not running (home: {data_home / 'budget-db'}, data: {server.data_dir})"
    finally:
        server.destroy()
        shutil.rmtree(data_home, ignore_errors=True)


def test_home_defaults(monkeypatch, tmp_path):
    from budget_db.config import Settings

    monkeypatch.delenv("BUDGET_DB_HOME", raising=False)
    monkeypatch.delenv("BUDGET_DB_PORT", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    assert Settings.from_env().home == tmp_path / "xdg" / "budget-db"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")  # XDG: a relative path is invalid
    assert Settings.from_env().home == tmp_path / ".local" / "share" / "budget-db"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert Settings.from_env().home == tmp_path / ".local" / "share" / "budget-db"
    assert Settings.from_env().port == 54329
    monkeypatch.setenv("BUDGET_DB_HOME", "~/mine")
    assert Settings.from_env().home == tmp_path / "mine"
