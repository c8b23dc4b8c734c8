"""Tables for 表10-表14 and the narrative facts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(18, 2)
TABLES = (
    "transfer_payment", "procurement_item", "three_public_expense", "performance_project",
    "department_performance_row", "narrative_section", "narrative_fact",
)


def _report_fk() -> sa.Column:
    return sa.Column(
        "report_id", sa.BigInteger, sa.ForeignKey("budget.report.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    # -- 表10: 上级专项转移支付, function-coded like 表7 ------------------------------------
    op.create_table(
        "transfer_payment",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("budget_unit", sa.Text),
        sa.Column("fiscal_year", sa.SmallInteger, nullable=False),
        sa.Column("functional_code", sa.String(7)),
        sa.Column("functional_name", sa.Text),
        sa.Column("project_name", sa.Text),
        sa.Column("amount", MONEY),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        sa.ForeignKeyConstraint(
            ["fiscal_year", "functional_code"],
            ["budget.functional_classification.fiscal_year", "budget.functional_classification.code"],
        ),
        sa.CheckConstraint("(functional_code IS NULL) = (budget_unit IS NOT NULL)",
                           name="transfer_unit_row_or_coded_row"),
        schema="budget",
    )

    # -- 表11: 政府采购项目, one row per printed line ------------------------------------------
    op.create_table(
        "procurement_item",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("project_name", sa.Text, nullable=False),
        sa.Column("procurement_category", sa.Text),
        sa.Column("service_years", sa.SmallInteger),
        sa.Column("actual_amount", MONEY),
        sa.Column("annual_amount", MONEY),
        sa.Column("demand_time_text", sa.Text),
        sa.Column("demand_month", sa.Date),
        sa.Column("remark", sa.Text),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        sa.CheckConstraint("service_years IS NULL OR service_years >= 0", name="procurement_service_years"),
        sa.CheckConstraint("demand_month IS NULL OR extract(day FROM demand_month) = 1",
                           name="procurement_demand_month_first_day"),
        sa.CheckConstraint("demand_month IS NULL OR demand_time_text IS NOT NULL",
                           name="procurement_month_from_text"),
        schema="budget",
    )

    # -- 表12: “三公”经费, one row per printed year ---------------------------------------------
    op.create_table(
        "three_public_expense",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("budget_unit", sa.Text),
        sa.Column("year", sa.SmallInteger, nullable=False),
        sa.Column("total", MONEY),
        sa.Column("overseas_travel", MONEY),
        sa.Column("official_reception", MONEY),
        sa.Column("vehicle_subtotal", MONEY),
        sa.Column("vehicle_purchase", MONEY),
        sa.Column("vehicle_operation", MONEY),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        sa.CheckConstraint("year BETWEEN 1990 AND 2100", name="three_public_year_range"),
        schema="budget",
    )

    # -- 表13: projects under performance management -----------------------------------------
    op.create_table(
        "performance_project",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("implementing_unit", sa.Text),
        sa.Column("project_name", sa.Text, nullable=False),
        sa.Column("total", MONEY),
        sa.Column("general_public_budget", MONEY),
        sa.Column("other_funds", MONEY),
        sa.Column("period_text", sa.Text),
        sa.Column("period_start", sa.Date),
        sa.Column("period_end", sa.Date),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        sa.CheckConstraint("period_end >= period_start", name="performance_period_order"),
        sa.CheckConstraint("(period_start IS NULL) = (period_text IS NULL)", name="performance_period_from_text"),
        schema="budget",
    )

    # -- 表14: the department's overall performance form, row by row --------------------------
    op.create_table(
        "department_performance_row",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("row_kind", sa.Text, nullable=False),
        sa.Column("section", sa.Text),
        sa.Column("label", sa.Text),
        sa.Column("amount", MONEY),
        sa.Column("first_level_indicator", sa.Text),
        sa.Column("second_level_indicator", sa.Text),
        sa.Column("content", sa.Text),
        sa.Column("goal_no", sa.SmallInteger),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        sa.CheckConstraint(
            "row_kind IN ('header', 'amount', 'overview', 'goal', 'indicator', 'remark')",
            name="department_performance_row_kind",
        ),
        sa.CheckConstraint("goal_no IS NULL OR row_kind = 'goal'", name="goal_no_on_goals"),
        sa.CheckConstraint("amount IS NULL OR row_kind = 'amount'", name="amount_on_amount_rows"),
        schema="budget",
    )

    # -- the narrative: sections as text, stated figures as facts -----------------------------
    op.create_table(
        "narrative_section",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("section", sa.Text, nullable=False),
        sa.Column("heading", sa.Text, nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("first_line", sa.Integer, nullable=False),
        sa.Column("last_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        sa.CheckConstraint("last_line >= first_line", name="narrative_section_lines"),
        schema="budget",
    )
    op.create_table(
        "narrative_fact",
        _report_fk(),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("section", sa.Text, nullable=False),
        sa.Column("fact_key", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("value", sa.Numeric(18, 2)),
        sa.Column("unit", sa.Text),
        sa.Column("direction", sa.Text),
        sa.Column("compared_year", sa.SmallInteger),
        sa.Column("text_as_printed", sa.Text, nullable=False),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "row_no"),
        sa.CheckConstraint(
            "direction IS NULL OR direction IN ('增加', '减少', '增长', '下降', '持平')", name="narrative_direction"
        ),
        sa.CheckConstraint("value IS NOT NULL OR direction = '持平'", name="narrative_value_unless_unchanged"),
        schema="budget",
    )
    op.create_index("narrative_fact_key", "narrative_fact", ["fact_key"], schema="budget")


def downgrade() -> None:
    op.drop_index("narrative_fact_key", table_name="narrative_fact", schema="budget")
    for table in reversed(TABLES):
        op.drop_table(table, schema="budget")
