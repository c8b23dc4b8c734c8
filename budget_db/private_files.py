"""Files that hold passwords: readable by their owner only from the moment they exist."""

from __future__ import annotations

import os
from pathlib import Path


def write_private(path: Path, text: str) -> None:
    """Create (or replace) `path` with mode 0600 given at creation: never a moment of 0644
    between a write and a chmod. A replacement is written beside it and renamed over it."""
    path = Path(path)
    staging = path.with_name(f".{path.name}.{os.getpid()}.new")
    fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(staging, path)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise


# -- pgpass files: host:port:database:user:password, ':' and '\' escaped -----------------------
def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def _fields(line: str) -> list[str]:
    fields, current, escaped = [], "", False
    for char in line:
        if escaped:
            current, escaped = current + char, False
        elif char == "\\":
            escaped = True
        elif char == ":":
            fields.append(current)
            current = ""
        else:
            current += char
    return [*fields, current]


def write_pgpass(path: Path, host: str, port: int, database: str, user: str, password: str) -> None:
    """One login in libpq's password-file format (psql reads it as PGPASSFILE), mode 0600."""
    write_private(path, ":".join(map(_escape, (host, str(port), database, user, password))) + "\n")


def read_pgpass(path: Path) -> tuple[str, int, str, str, str]:
    """(host, port, database, user, password) of a file write_pgpass wrote."""
    host, port, database, user, password = _fields(Path(path).read_text(encoding="utf-8").rstrip("\n"))
    return host, int(port), database, user, password
