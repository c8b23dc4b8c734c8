"""Facts' keys to their table and project checked once per statement, not once per row.

The deferred foreign keys from the fact tables to budget.report_table, budget.project and
budget.performance_target_project each ran one lookup per row at commit (issue 15: about a sixth
of a load's time). They become statement-level triggers that do what the keys did, set-based:

- after an INSERT or UPDATE of a child, every key of the new rows must be in its parent, looked
  up by its primary key once per distinct key (LATERAL: the transition table has no statistics,
  and a hash join would read the whole parent); the parents found are locked FOR KEY SHARE, as a
  foreign key locks them, so that a concurrent delete waits. Else the statement fails with
  SQLSTATE 23503 (foreign_key_violation), the trigger's name standing for the key's;
- after a DELETE of a parent its children go (ON DELETE CASCADE);
- a parent's key columns are not updated, and a TRUNCATE that leaves children without their
  parent fails.

The check runs at the end of each statement, no longer at commit: a report writes its tables and
projects before the rows that point to them (budget_db.table_rows.PARENTS_FIRST). Rows without a project
(project_no NULL) point to none, as MATCH SIMPLE let them. On Citus the keys would come back
(this revision's downgrade): co-located foreign keys are checked on the shard.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLE_CHILDREN = (
    "two_sided_summary_line", "income_budget", "expenditure_budget", "basic_expenditure_item",
    "project_expenditure_item", "functional_expenditure", "transfer_payment", "procurement_item",
    "three_public_expense", "performance_project", "department_performance_row",
    "performance_target_project", "funding_amount", "repeated_row",
)
TARGET_PROJECT_CHILDREN = ("performance_goal", "performance_indicator")
PROJECT_CHILDREN = ("project_expenditure_item", "transfer_payment", "procurement_item", "performance_project",
                    "performance_target_project")


def _old_key_name(child: str, parent: str) -> str:
    """The foreign key's name before this revision (for the downgrade)."""
    if parent == "project":
        return f"{child}_project_fk"
    if parent == "performance_target_project" or child == "repeated_row":
        return f"{child}_report_id_table_no_fkey"
    return f"{child}_report_table_fk"


# parent, its key columns, its children, the check function's name and the trigger suffix
KEYS = (
    ("report_table", ("report_id", "table_no"), TABLE_CHILDREN, "rows_have_their_table", "has_its_table"),
    ("performance_target_project", ("report_id", "table_no"), TARGET_PROJECT_CHILDREN,
     "rows_have_their_target_project", "has_its_target_project"),
    ("project", ("report_id", "project_no"), PROJECT_CHILDREN, "rows_have_their_project", "has_its_project"),
)

CHECKS = """
CREATE FUNCTION budget.rows_have_their_table() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing record;
BEGIN
    SELECT k.report_id, k.table_no INTO missing
    FROM (SELECT DISTINCT n.report_id, n.table_no FROM new_rows n) k
    LEFT JOIN LATERAL (SELECT true AS here FROM budget.report_table t
                       WHERE t.report_id = k.report_id AND t.table_no = k.table_no FOR KEY SHARE) p ON true
    WHERE p.here IS NULL
    LIMIT 1;
    IF FOUND THEN
        RAISE foreign_key_violation USING
            MESSAGE = format('insert or update on table "%s" violates key "%s"', TG_TABLE_NAME, TG_NAME),
            DETAIL = format('Key (report_id, table_no)=(%s, %s) is not present in table "report_table".',
                            missing.report_id, missing.table_no),
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION budget.rows_have_their_target_project() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing record;
BEGIN
    SELECT k.report_id, k.table_no INTO missing
    FROM (SELECT DISTINCT n.report_id, n.table_no FROM new_rows n) k
    LEFT JOIN LATERAL (SELECT true AS here FROM budget.performance_target_project t
                       WHERE t.report_id = k.report_id AND t.table_no = k.table_no FOR KEY SHARE) p ON true
    WHERE p.here IS NULL
    LIMIT 1;
    IF FOUND THEN
        RAISE foreign_key_violation USING
            MESSAGE = format('insert or update on table "%s" violates key "%s"', TG_TABLE_NAME, TG_NAME),
            DETAIL = format('Key (report_id, table_no)=(%s, %s) is not present in table "performance_target_project".',
                            missing.report_id, missing.table_no),
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION budget.rows_have_their_project() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing record;
BEGIN
    SELECT k.report_id, k.project_no INTO missing
    FROM (SELECT DISTINCT n.report_id, n.project_no FROM new_rows n WHERE n.project_no IS NOT NULL) k
    LEFT JOIN LATERAL (SELECT true AS here FROM budget.project p
                       WHERE p.report_id = k.report_id AND p.project_no = k.project_no FOR KEY SHARE) p ON true
    WHERE p.here IS NULL
    LIMIT 1;
    IF FOUND THEN
        RAISE foreign_key_violation USING
            MESSAGE = format('insert or update on table "%s" violates key "%s"', TG_TABLE_NAME, TG_NAME),
            DETAIL = format('Key (report_id, project_no)=(%s, %s) is not present in table "project".',
                            missing.report_id, missing.project_no),
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION budget.parent_key_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE foreign_key_violation USING
        MESSAGE = format('the key of a row of "%s" is not updated: its facts point to it (delete and load again)',
                         TG_TABLE_NAME),
        SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
END $$;
"""

CASCADES = """
CREATE FUNCTION budget.table_rows_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM budget.two_sided_summary_line c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.income_budget c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.expenditure_budget c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.basic_expenditure_item c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.project_expenditure_item c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.functional_expenditure c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.transfer_payment c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.procurement_item c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.three_public_expense c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.performance_project c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.department_performance_row c USING old_rows o
        WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.performance_target_project c USING old_rows o
        WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.funding_amount c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.repeated_row c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    RETURN NULL;
END $$;

CREATE FUNCTION budget.target_project_rows_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM budget.performance_goal c USING old_rows o WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    DELETE FROM budget.performance_indicator c USING old_rows o
        WHERE c.report_id = o.report_id AND c.table_no = o.table_no;
    RETURN NULL;
END $$;

CREATE FUNCTION budget.project_rows_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM budget.project_expenditure_item c USING old_rows o
        WHERE c.report_id = o.report_id AND c.project_no = o.project_no;
    DELETE FROM budget.transfer_payment c USING old_rows o WHERE c.report_id = o.report_id AND c.project_no = o.project_no;
    DELETE FROM budget.procurement_item c USING old_rows o WHERE c.report_id = o.report_id AND c.project_no = o.project_no;
    DELETE FROM budget.performance_project c USING old_rows o
        WHERE c.report_id = o.report_id AND c.project_no = o.project_no;
    DELETE FROM budget.performance_target_project c USING old_rows o
        WHERE c.report_id = o.report_id AND c.project_no = o.project_no;
    RETURN NULL;
END $$;
"""

# After a TRUNCATE of a parent (alone, or with some of its children), no child may keep rows.
TRUNCATES = """
CREATE FUNCTION budget.table_rows_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM budget.two_sided_summary_line) OR EXISTS (SELECT FROM budget.income_budget)
       OR EXISTS (SELECT FROM budget.expenditure_budget) OR EXISTS (SELECT FROM budget.basic_expenditure_item)
       OR EXISTS (SELECT FROM budget.project_expenditure_item) OR EXISTS (SELECT FROM budget.functional_expenditure)
       OR EXISTS (SELECT FROM budget.transfer_payment) OR EXISTS (SELECT FROM budget.procurement_item)
       OR EXISTS (SELECT FROM budget.three_public_expense) OR EXISTS (SELECT FROM budget.performance_project)
       OR EXISTS (SELECT FROM budget.department_performance_row)
       OR EXISTS (SELECT FROM budget.performance_target_project) OR EXISTS (SELECT FROM budget.funding_amount)
       OR EXISTS (SELECT FROM budget.repeated_row) THEN
        RAISE foreign_key_violation USING MESSAGE = 'cannot truncate budget.report_table: facts point to its rows',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION budget.target_project_rows_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM budget.performance_goal) OR EXISTS (SELECT FROM budget.performance_indicator) THEN
        RAISE foreign_key_violation USING
            MESSAGE = 'cannot truncate budget.performance_target_project: goals and indicators point to its rows',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION budget.project_rows_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM budget.project_expenditure_item WHERE project_no IS NOT NULL)
       OR EXISTS (SELECT FROM budget.transfer_payment WHERE project_no IS NOT NULL)
       OR EXISTS (SELECT FROM budget.procurement_item WHERE project_no IS NOT NULL)
       OR EXISTS (SELECT FROM budget.performance_project WHERE project_no IS NOT NULL)
       OR EXISTS (SELECT FROM budget.performance_target_project WHERE project_no IS NOT NULL) THEN
        RAISE foreign_key_violation USING MESSAGE = 'cannot truncate budget.project: facts point to its rows',
            SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, CONSTRAINT = TG_NAME;
    END IF;
    RETURN NULL;
END $$;
"""

# parent -> (its cascade function, its truncate check)
PARENT_FUNCTIONS = {
    "report_table": ("table_rows_deleted", "table_rows_truncated"),
    "performance_target_project": ("target_project_rows_deleted", "target_project_rows_truncated"),
    "project": ("project_rows_deleted", "project_rows_truncated"),
}
FUNCTIONS = ("rows_have_their_table", "rows_have_their_target_project", "rows_have_their_project",
             "parent_key_unchanged", *(name for pair in PARENT_FUNCTIONS.values() for name in pair))


def upgrade() -> None:
    for parent, _, children, _, _ in KEYS:
        for child in children:
            op.drop_constraint(_old_key_name(child, parent), child, schema="budget", type_="foreignkey")
    for functions in (CHECKS, CASCADES, TRUNCATES):
        op.execute(functions)
    for parent, key, children, check, suffix in KEYS:
        for child in children:
            for event in ("INSERT", "UPDATE"):
                op.execute(f"CREATE TRIGGER {child}_{suffix}_on_{event.lower()} AFTER {event} ON budget.{child} "
                           f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION budget.{check}()")
        deleted, truncated = PARENT_FUNCTIONS[parent]
        op.execute(f"CREATE TRIGGER {parent}_cascade AFTER DELETE ON budget.{parent} "
                   f"REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION budget.{deleted}()")
        op.execute(f"CREATE TRIGGER {parent}_truncate AFTER TRUNCATE ON budget.{parent} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION budget.{truncated}()")
        changed = " OR ".join(f"old.{c} IS DISTINCT FROM new.{c}" for c in key)
        op.execute(f"CREATE TRIGGER {parent}_key_unchanged BEFORE UPDATE OF {', '.join(key)} ON budget.{parent} "
                   f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION budget.parent_key_unchanged()")


def downgrade() -> None:
    for parent, _, children, _, suffix in KEYS:
        for child in children:
            for event in ("insert", "update"):
                op.execute(f"DROP TRIGGER {child}_{suffix}_on_{event} ON budget.{child}")
        for trigger in ("cascade", "truncate", "key_unchanged"):
            op.execute(f"DROP TRIGGER {parent}_{trigger} ON budget.{parent}")
    for name in FUNCTIONS:
        op.execute(f"DROP FUNCTION budget.{name}()")
    for parent, key, children, _, _ in KEYS:
        for child in children:
            op.create_foreign_key(_old_key_name(child, parent), child, parent, list(key), list(key),
                                  source_schema="budget", referent_schema="budget", ondelete="CASCADE",
                                  deferrable=True, initially="DEFERRED")
