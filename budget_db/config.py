"""Settings from the environment, and where the project's files are."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"
VIEWS_DIR = PROJECT_ROOT / "sql" / "views"
CHECKS_DIR = PROJECT_ROOT / "sql" / "checks"
REFERENCE_DIR = Path(__file__).resolve().parent / "reference"

DEFAULT_PORT = 54329
DATABASE_NAME = "budget"


@dataclass(frozen=True)
class Settings:
    database_url: str | None  # an external server; None means the embedded one
    home: Path  # BUDGET_DB_HOME: where the embedded server keeps its data
    port: int

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            database_url=os.environ.get("DATABASE_URL") or None,
            home=Path(os.environ.get("BUDGET_DB_HOME", ".budget-db")).resolve(),
            port=int(os.environ.get("BUDGET_DB_PORT", DEFAULT_PORT)),
        )
