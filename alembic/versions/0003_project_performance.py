"""Tables for 表15 project performance targets, projects and their links.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(18, 2)


def _report_fk() -> sa.Column:
    return sa.Column(
        "report_id", sa.BigInteger, sa.ForeignKey("budget.report.id", ondelete="CASCADE"), nullable=False
    )


def _project_fk() -> sa.ForeignKeyConstraint:
    # Deferred: the loader COPYs each table in turn inside one transaction.
    return sa.ForeignKeyConstraint(
        ["report_id", "table_no"],
        ["budget.performance_target_project.report_id", "budget.performance_target_project.table_no"],
        ondelete="CASCADE", deferrable=True, initially="DEFERRED",
    )


def upgrade() -> None:
    op.create_table(
        "performance_target_project",
        _report_fk(),
        sa.Column("table_no", sa.Text, nullable=False),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("project_name", sa.Text, nullable=False),
        sa.Column("project_unit", sa.Text),
        sa.Column("total", MONEY),
        sa.Column("fiscal_appropriation", MONEY),
        sa.Column("other_funds", MONEY),
        sa.Column("contacts", sa.ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("phones", sa.ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("goals_text", sa.Text),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "table_no"),
        sa.UniqueConstraint("report_id", "row_no"),
        sa.CheckConstraint("table_no = '15-' || row_no", name="target_project_table_no"),
        schema="budget",
    )
    op.create_table(
        "performance_goal",
        _report_fk(),
        sa.Column("table_no", sa.Text, nullable=False),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("label", sa.Text),
        sa.Column("goal_text", sa.Text, nullable=False),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "table_no", "row_no"),
        _project_fk(),
        schema="budget",
    )
    op.create_table(
        "performance_indicator",
        _report_fk(),
        sa.Column("table_no", sa.Text, nullable=False),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("level1", sa.Text),
        sa.Column("level2", sa.Text),
        sa.Column("content", sa.Text),
        sa.Column("target", sa.Text),
        sa.Column("operator", sa.Text),
        sa.Column("value", sa.Numeric),
        sa.Column("unit", sa.Text),
        sa.Column("target_kind", sa.Text),
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "table_no", "row_no"),
        _project_fk(),
        sa.CheckConstraint(
            "level1 IN ('投入指标', '产出指标', '效益指标', '服务对象满意度指标')", name="indicator_level1"
        ),
        # The template's fixed hierarchy: 二级指标 -> 一级指标; 服务对象满意度指标 has none.
        sa.CheckConstraint(
            "level2 IS NULL OR level1 = CASE level2 WHEN '测算明细' THEN '投入指标' "
            "WHEN '数量指标' THEN '产出指标' WHEN '质量指标' THEN '产出指标' "
            "WHEN '工作时效' THEN '产出指标' WHEN '时效指标' THEN '产出指标' "
            "WHEN '经济效益指标' THEN '效益指标' WHEN '社会效益指标' THEN '效益指标' "
            "WHEN '生态效益指标' THEN '效益指标' WHEN '可持续影响' THEN '效益指标' "
            "WHEN '可持续影响指标' THEN '效益指标' END",
            name="indicator_level_hierarchy",
        ),
        sa.CheckConstraint("operator IN ('>=', '<=', '>', '<', '=')", name="indicator_operator"),
        sa.CheckConstraint(
            "target_kind IN ('numeric', 'qualitative', 'compound', 'not_applicable')", name="indicator_target_kind"
        ),
        sa.CheckConstraint("(target IS NULL) = (target_kind IS NULL)", name="indicator_kind_iff_target"),
        sa.CheckConstraint("(value IS NOT NULL) = (target_kind IS NOT DISTINCT FROM 'numeric')",
                           name="indicator_value_iff_numeric"),
        schema="budget",
    )
    op.create_table(
        "project_link",
        _report_fk(),
        sa.Column("table_no", sa.Text, nullable=False),
        sa.Column("linked_table", sa.Text, nullable=False),
        sa.Column("link_no", sa.Integer, nullable=False),
        sa.Column("linked_row_no", sa.Integer),
        sa.Column("linked_name", sa.Text),
        sa.Column("method", sa.Text, nullable=False),
        sa.Column("score", sa.Numeric(4, 3)),
        sa.Column("project_amount", MONEY),
        sa.Column("linked_amount", MONEY),
        sa.PrimaryKeyConstraint("report_id", "table_no", "linked_table", "link_no"),
        _project_fk(),
        sa.CheckConstraint("linked_table IN ('13', '5', '11', '10')", name="link_linked_table"),
        sa.CheckConstraint(
            "method IN ('exact', 'normalized', 'via_13', 'similar', 'unlinked')", name="link_method"
        ),
        sa.CheckConstraint("(method = 'unlinked') = (linked_row_no IS NULL)", name="link_row_unless_unlinked"),
        sa.CheckConstraint("score IS NULL OR score BETWEEN 0 AND 1", name="link_score_range"),
        schema="budget",
    )
    op.create_index("project_link_linked_row", "project_link", ["report_id", "linked_table", "linked_row_no"],
                    schema="budget")


def downgrade() -> None:
    op.drop_index("project_link_linked_row", table_name="project_link", schema="budget")
    op.drop_table("project_link", schema="budget")
    op.drop_table("performance_indicator", schema="budget")
    op.drop_table("performance_goal", schema="budget")
    op.drop_table("performance_target_project", schema="budget")
