"""The embedded server: TCP on 127.0.0.1, data that survives a restart, clear errors.

These tests start servers of their own, so they run only without DATABASE_URL.
"""

import os
import shutil
import socket
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
    assert url.startswith(f"postgresql://postgres:") and url.endswith(f"@127.0.0.1:{server.port}/budget")
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
