"""Foundation: code lists, departments, reports, and the facts of 表1-表9.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

import csv

import sqlalchemy as sa
from alembic import op

from budget_db.config import REFERENCE_DIR

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

MONEY = sa.Numeric(18, 2)


def _report_fk() -> sa.Column:
    return sa.Column(
        "report_id", sa.BigInteger, sa.ForeignKey("budget.report.id", ondelete="CASCADE"), nullable=False
    )


def _amount_columns(*names: str) -> list[sa.Column]:
    return [sa.Column(name, MONEY) for name in names]


# The funding columns shared by 表2, 表4 and 表5, in printed order.
FUNDING_COLUMNS = (
    "fiscal_subtotal", "general_public_subtotal", "general_funds", "special_funds", "government_investment",
    "government_fund", "fiscal_special_account", "business_income", "other_income",
    "superior_subsidy", "prior_year_carryover",
)


def upgrade() -> None:
    op.execute("CREATE SCHEMA IF NOT EXISTS budget")
    op.execute("CREATE SCHEMA IF NOT EXISTS appendix")
    op.execute(
        "DO $$ BEGIN CREATE ROLE budget_reader NOLOGIN; "
        "EXCEPTION WHEN duplicate_object OR insufficient_privilege THEN NULL; END $$"
    )

    # -- code lists -------------------------------------------------------------------
    op.create_table(
        "fiscal_year",
        sa.Column("year", sa.SmallInteger, primary_key=True),
        sa.CheckConstraint("year BETWEEN 1990 AND 2100", name="fiscal_year_range"),
        schema="budget",
    )
    op.create_table(
        "functional_classification",
        sa.Column("fiscal_year", sa.SmallInteger, sa.ForeignKey("budget.fiscal_year.year"), nullable=False),
        sa.Column("code", sa.String(7), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("level", sa.Text, nullable=False),
        sa.Column("parent_code", sa.String(7)),
        sa.PrimaryKeyConstraint("fiscal_year", "code"),
        sa.ForeignKeyConstraint(
            ["fiscal_year", "parent_code"],
            ["budget.functional_classification.fiscal_year", "budget.functional_classification.code"],
        ),
        sa.CheckConstraint("code ~ '^[0-9]{3}([0-9]{2}([0-9]{2})?)?$'", name="functional_code_format"),
        sa.CheckConstraint(
            "level = CASE length(code) WHEN 3 THEN '类' WHEN 5 THEN '款' ELSE '项' END",
            name="functional_level_by_length",
        ),
        sa.CheckConstraint(
            "(length(code) = 3 AND parent_code IS NULL) OR parent_code = left(code, length(code) - 2)",
            name="functional_parent_is_prefix",
        ),
        schema="budget",
    )
    op.create_table(
        "economic_classification",
        sa.Column("code", sa.String(5), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("parent_code", sa.String(5), sa.ForeignKey("budget.economic_classification.code")),
        schema="budget",
    )

    # -- departments and reports ------------------------------------------------------
    op.create_table(
        "department",
        sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        schema="budget",
    )
    op.create_table(
        "report",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("department_id", sa.Integer, sa.ForeignKey("budget.department.id"), nullable=False),
        sa.Column("fiscal_year", sa.SmallInteger, sa.ForeignKey("budget.fiscal_year.year"), nullable=False),
        sa.Column("kind", sa.Text, nullable=False, server_default="部门预算"),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("title_line", sa.Integer, nullable=False),
        sa.Column("scope", sa.Text),
        sa.Column("unit", sa.Text, nullable=False, server_default="万元"),
        sa.Column("source_file", sa.Text, nullable=False),
        sa.Column("sha256", sa.CHAR(64), nullable=False),
        sa.Column("parser_version", sa.Text, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("superseded_at", sa.DateTime(timezone=True)),
        sa.Column("missing_tables", sa.ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.UniqueConstraint("department_id", "fiscal_year", "kind", "version"),
        sa.CheckConstraint("kind IN ('部门预算', '部门决算')", name="report_kind"),
        schema="budget",
    )
    # At most one current version per department, year and kind.
    op.create_index(
        "report_one_current", "report", ["department_id", "fiscal_year", "kind"], unique=True,
        schema="budget", postgresql_where=sa.text("superseded_at IS NULL"),
    )

    # -- 表1 and 表6: two-sided summaries -----------------------------------------------
    op.create_table(
        "two_sided_summary_line",
        _report_fk(),
        sa.Column("table_no", sa.SmallInteger, nullable=False),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("side", sa.Text, nullable=False),
        sa.Column("label", sa.Text),
        sa.Column("amount", MONEY),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "table_no", "row_no", "side"),
        sa.CheckConstraint("table_no IN (1, 6)", name="two_sided_table_no"),
        sa.CheckConstraint("side IN ('income', 'expenditure')", name="two_sided_side"),
        schema="budget",
    )

    # -- 表2: income by source ---------------------------------------------------------
    op.create_table(
        "income_budget",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("budget_unit", sa.Text, nullable=False),
        *_amount_columns("total", *FUNDING_COLUMNS),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        schema="budget",
    )

    # -- 表3: expenditure totals with the procurement columns ------------------------
    op.create_table(
        "expenditure_budget",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("budget_unit", sa.Text, nullable=False),
        *_amount_columns(
            "expenditure_total", "basic_expenditure", "project_expenditure",
            "procurement", "procurement_sme", "procurement_small_micro",
        ),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        schema="budget",
    )

    # -- 表4: basic expenditure by economic item --------------------------------------
    op.create_table(
        "basic_expenditure_item",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("item_name", sa.Text, nullable=False),
        sa.Column("row_kind", sa.Text, nullable=False),
        sa.Column("category_name", sa.Text),
        sa.Column("economic_code", sa.String(5), sa.ForeignKey("budget.economic_classification.code")),
        *_amount_columns("total", *FUNDING_COLUMNS),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        sa.CheckConstraint("row_kind IN ('unit', 'category', 'item')", name="basic_row_kind"),
        schema="budget",
    )

    # -- 表5: project expenditure items with their group ------------------------------
    op.create_table(
        "project_expenditure_item",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("item_name", sa.Text, nullable=False),
        sa.Column("row_kind", sa.Text, nullable=False),
        sa.Column("project_group", sa.Text),
        *_amount_columns("total", *FUNDING_COLUMNS),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        sa.CheckConstraint("row_kind IN ('unit', 'group', 'project')", name="project_row_kind"),
        sa.CheckConstraint(
            "project_group IS NULL OR project_group IN ('一般性项目', '政府投资项目')", name="project_group_name"
        ),
        schema="budget",
    )

    # -- 表7, 表8, 表9: expenditure by functional classification ------------------------
    op.create_table(
        "functional_expenditure",
        _report_fk(),
        sa.Column("table_no", sa.SmallInteger, nullable=False),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("budget_unit", sa.Text),
        sa.Column("fiscal_year", sa.SmallInteger, nullable=False),
        sa.Column("functional_code", sa.String(7)),
        sa.Column("functional_name", sa.Text),
        *_amount_columns("total", "basic_expenditure", "project_expenditure"),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "table_no", "row_no"),
        sa.ForeignKeyConstraint(
            ["fiscal_year", "functional_code"],
            ["budget.functional_classification.fiscal_year", "budget.functional_classification.code"],
        ),
        sa.CheckConstraint("table_no IN (7, 8, 9)", name="functional_table_no"),
        sa.CheckConstraint("(functional_code IS NULL) = (budget_unit IS NOT NULL)", name="unit_row_or_coded_row"),
        schema="budget",
    )

    _seed_code_lists()


def _seed_code_lists() -> None:
    """Code lists come from the files in budget_db/reference (USAspending's habit)."""
    with open(REFERENCE_DIR / "economic_classification.csv", encoding="utf-8") as f:
        economic = [
            {"code": r["code"], "name": r["name"], "parent_code": r["parent_code"] or None}
            for r in csv.DictReader(f)
        ]
    table = sa.table(
        "economic_classification", sa.column("code"), sa.column("name"), sa.column("parent_code"),
        schema="budget",
    )
    op.bulk_insert(table, economic)

    with open(REFERENCE_DIR / "functional_classification_classes.csv", encoding="utf-8") as f:
        classes = [{"fiscal_year": 2020, "code": r["code"], "name": r["name"], "level": "类"}
                   for r in csv.DictReader(f)]
    op.bulk_insert(sa.table("fiscal_year", sa.column("year"), schema="budget"), [{"year": 2020}])
    op.bulk_insert(
        sa.table("functional_classification", sa.column("fiscal_year"), sa.column("code"),
                 sa.column("name"), sa.column("level"), schema="budget"),
        classes,
    )


def downgrade() -> None:
    op.execute("DROP SCHEMA IF EXISTS appendix CASCADE")
    op.execute("DROP SCHEMA IF EXISTS budget CASCADE")
