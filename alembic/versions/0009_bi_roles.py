"""Roles for BI tools and analysts: budget_reader reads the views only, budget_analyst (a member
of budget_reader) also reads budget.*; neither can take the loaders' advisory locks.

budget.* was readable by budget_reader until now: that grant is taken back. The grants
themselves are made by budget_db.roles after every migration to head (new views, new tables).
Advisory locks are open to every role by default: a reader holding a report's lock would stop
its loads, so their functions are no longer PUBLIC's (the role that migrates keeps them; this
takes effect when it owns the catalog, i.e. is a superuser, as the embedded server's is).
On PostgreSQL 14, PUBLIC may create tables in schema public: that is taken back too.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

def upgrade() -> None:
    op.execute(
        "DO $$ BEGIN CREATE ROLE budget_analyst NOLOGIN; "
        "EXCEPTION WHEN duplicate_object OR insufficient_privilege THEN NULL; END $$"
    )
    op.execute(
        "DO $$ BEGIN "
        "IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'budget_reader') THEN "
        "  REVOKE ALL ON ALL TABLES IN SCHEMA budget FROM budget_reader; "
        "  REVOKE USAGE ON SCHEMA budget FROM budget_reader; "
        "  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'budget_analyst') THEN "
        "    GRANT budget_reader TO budget_analyst; "
        "  END IF; "
        "END IF; "
        "EXCEPTION WHEN insufficient_privilege THEN NULL; END $$"
    )
    # Every function that takes an advisory lock (the unlock functions release only one's own).
    op.execute(
        "DO $$ DECLARE f regprocedure; BEGIN FOR f IN SELECT oid FROM pg_proc "
        "WHERE proname ~ '^pg_(try_)?advisory_(xact_)?lock(_shared)?$' LOOP "
        "EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f); "
        "EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, current_user); "
        "END LOOP; END $$"
    )
    op.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")


def downgrade() -> None:
    op.execute(
        "DO $$ DECLARE f regprocedure; BEGIN FOR f IN SELECT oid FROM pg_proc "
        "WHERE proname ~ '^pg_(try_)?advisory_(xact_)?lock(_shared)?$' LOOP "
        "EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO PUBLIC', f); END LOOP; END $$"
    )
    op.execute(
        "DO $$ BEGIN "
        "IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'budget_analyst') THEN "
        "  REVOKE ALL ON ALL TABLES IN SCHEMA budget FROM budget_analyst; "
        "  REVOKE USAGE ON SCHEMA budget FROM budget_analyst; "
        "END IF; END $$"
    )
    # The roles are the cluster's (other databases may use them): they stay.
