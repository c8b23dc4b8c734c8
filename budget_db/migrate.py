"""Running the alembic revisions from code (the CLI, load, and tests)."""

from __future__ import annotations

import psycopg
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from budget_db import code_lists, views
from budget_db.config import ALEMBIC_DIR


def alembic_config(url: str) -> Config:
    # Built here rather than read from alembic.ini (which stays for the `alembic` command in a
    # checkout): an installed budget-db has its revisions inside the package.
    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    config.set_main_option("path_separator", "os")
    config.attributes["database_url"] = url
    return config


def up_to_date(url: str, config: Config) -> bool:
    """At head with the current view and code list files: nothing to do (and no view lock to take)."""
    head = ScriptDirectory.from_config(config).get_current_head()
    with psycopg.connect(url, autocommit=True) as conn:
        if conn.execute("SELECT to_regclass('public.alembic_version')").fetchone()[0] is None:
            return False
        current = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return (current is not None and current[0] == head and views.applied_checksum(conn) == views.views_checksum()
                and code_lists.synced_checksum(conn) == code_lists.files_checksum())


def upgrade(url: str, revision: str = "head") -> None:
    config = alembic_config(url)
    if revision == "head" and up_to_date(url, config):
        return
    command.upgrade(config, revision)


def downgrade(url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(url), revision)
