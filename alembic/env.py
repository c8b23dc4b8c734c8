"""Alembic environment: runs revisions, then re-creates the views when at head.

Views are dropped before any revision runs (tables under them may change) and re-created
from sql/views/ once the database is at head; they are then re-granted to budget_reader.
"""

from alembic import context
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, pool

from budget_db import views
from budget_db.database import resolve_url, sqlalchemy_url

config = context.config
url = config.attributes.get("database_url") or resolve_url()


def run_migrations_online() -> None:
    engine = create_engine(sqlalchemy_url(url), poolclass=pool.NullPool)
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as connection:
        # One lock so that two processes migrating at once run one after the other.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(4242001)")
        context.configure(connection=connection, transaction_per_migration=False)
        with context.begin_transaction():
            views.drop_views(connection)
            context.run_migrations()
            current = context.get_context().get_current_revision()
            if current == head:
                views.create_views(connection)
        connection.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) mode is not supported: views are applied from sql/views/")
run_migrations_online()
