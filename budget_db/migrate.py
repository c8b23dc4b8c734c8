"""Running the alembic revisions from code (the CLI, load, and tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from budget_db.config import ALEMBIC_INI


def alembic_config(url: str) -> Config:
    config = Config(str(ALEMBIC_INI))
    config.attributes["database_url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(url), revision)
