"""Places for what the Shanghai budget and the national 部门决算 print beside the Shenzhen columns.

- report_table.note: the note a table prints under it (注：本部门无…，故本表为空表);
- three_public_expense.measure (预算数 / 决算数: the 决算's “三公” table prints both for every
  item; NULL where a table prints one amount) and operating_expenses (机关运行经费, printed in the
  Shanghai “三公” table); its primary key no longer needs to be the printed row alone;
- basic_expenditure_item.personnel_expenses / public_expenses (人员经费 / 公用经费 columns);
- functional_expenditure: the 支出决算表's 上缴上级支出, 经营支出, 对附属单位补助支出.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(18, 2)
FUNCTIONAL_COLUMNS = ("upper_remittance", "business_expenditure", "subsidy_to_subordinate")


def upgrade() -> None:
    op.add_column("report_table", sa.Column("note", sa.Text), schema="budget")
    op.add_column("three_public_expense", sa.Column("measure", sa.Text), schema="budget")
    op.add_column("three_public_expense", sa.Column("operating_expenses", MONEY), schema="budget")
    op.create_check_constraint("three_public_measure", "three_public_expense",
                               "measure IS NULL OR measure IN ('预算数', '决算数')", schema="budget")
    op.add_column("basic_expenditure_item", sa.Column("personnel_expenses", MONEY), schema="budget")
    op.add_column("basic_expenditure_item", sa.Column("public_expenses", MONEY), schema="budget")
    for column in FUNCTIONAL_COLUMNS:
        op.add_column("functional_expenditure", sa.Column(column, MONEY), schema="budget")


def downgrade() -> None:
    for column in FUNCTIONAL_COLUMNS:
        op.drop_column("functional_expenditure", column, schema="budget")
    op.drop_column("basic_expenditure_item", "public_expenses", schema="budget")
    op.drop_column("basic_expenditure_item", "personnel_expenses", schema="budget")
    op.drop_constraint("three_public_measure", "three_public_expense", schema="budget")
    op.drop_column("three_public_expense", "operating_expenses", schema="budget")
    op.drop_column("three_public_expense", "measure", schema="budget")
    op.drop_column("report_table", "note", schema="budget")
