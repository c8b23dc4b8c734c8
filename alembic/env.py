"""Alembic environment: runs the revisions, then syncs the code lists and applies the views.

Views are never dropped wholesale: at head they are applied with CREATE OR REPLACE (so that
users' views on them and grants survive); a revision that changes columns a view reads drops
the views it needs to, without CASCADE. Going below head drops our views first, also without
CASCADE: a user's object on one of them stops the migration with a message naming it.
"""

from alembic import context
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, pool

from budget_db import code_lists, views
from budget_db.database import resolve_url, sqlalchemy_url

config = context.config
url = config.attributes.get("database_url") or resolve_url()


def run_migrations_online() -> None:
    engine = create_engine(sqlalchemy_url(url), poolclass=pool.NullPool)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    destination = context.get_revision_argument()
    to_head = destination in ("head", head)
    with engine.connect() as connection:
        # One lock so that two processes migrating at once run one after the other.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(4242001)")
        context.configure(connection=connection, transaction_per_migration=False)
        with context.begin_transaction():
            if not to_head:
                views.drop_views(connection)
            context.run_migrations()
            if context.get_context().get_current_revision() == head:
                code_lists.sync(connection)
                views.apply_views(connection)
        connection.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) mode is not supported: views are applied from sql/views/")
run_migrations_online()
