"""Settings from the environment, and where the project's files are."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent  # the checkout, when run from one


def packaged(name: str) -> Path:
    """A data folder shipped with budget_db: inside the installed package (a wheel maps the
    checkout's top-level sql/ and alembic/ there), else the checkout's own (an editable install)."""
    inside = resources.files("budget_db") / name
    return Path(str(inside)) if inside.is_dir() else SOURCE_ROOT / name


SQL_DIR = packaged("sql")
VIEWS_DIR = SQL_DIR / "views"
CHECKS_DIR = SQL_DIR / "checks"
ALEMBIC_DIR = packaged("alembic")
REFERENCE_DIR = Path(str(resources.files("budget_db") / "reference"))

DEFAULT_PORT = 54329
DATABASE_NAME = "budget"
DEFAULT_MAX_FILE_MB = 50  # larger input files are refused before they are read


def default_home() -> Path:
    """BUDGET_DB_HOME, else budget-db in the user's data folder (XDG): one server per user,
    whatever folder a command starts in (a cron job in $HOME, a shell elsewhere)."""
    if os.environ.get("BUDGET_DB_HOME"):
        return Path(os.environ["BUDGET_DB_HOME"]).expanduser().resolve()
    data = os.environ.get("XDG_DATA_HOME") or ""
    base = Path(data) if os.path.isabs(data) else Path.home() / ".local" / "share"  # XDG: relative is ignored
    return (base / "budget-db").resolve()


@dataclass(frozen=True)
class Settings:
    database_url: str | None  # an external server; None means the embedded one
    home: Path  # where the embedded server keeps its data, passwords and readers' password files
    port: int  # the port to start the embedded server on (a running one keeps its own)
    port_set: bool  # BUDGET_DB_PORT was given

    @classmethod
    def from_env(cls) -> "Settings":
        port = os.environ.get("BUDGET_DB_PORT")
        return cls(
            database_url=os.environ.get("DATABASE_URL") or None,
            home=default_home(),
            port=int(port) if port else DEFAULT_PORT,
            port_set=bool(port),
        )
