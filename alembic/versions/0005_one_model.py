"""One model for every template: report identity and key, printed tables, funding rows, projects.

- department gets its region; report gets its template and a stable report_key (department,
  region, fiscal year, kind, scope), so a （本级） and a （部门） report are both current;
- budget.report_table: each printed table of a report (its id as printed, kind, fund, unit);
  every fact row names its table (table_no, text) with a foreign key to it;
- funding sources become rows (budget.funding_amount over the code list budget.funding_source)
  instead of eleven columns of 表2, 表4 and 表5;
- budget.project: one row per project of a report; the rows of 表5, 表10, 表11, 表13 and 表15 that
  name it reference it (project_no), replacing budget.project_link's (table, row) pointers;
- code lists that migrate syncs from files: table kinds, money units, funding sources; the
  functional classification records where each code came from (file or report).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

import hashlib
import json
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(18, 2)
SHENZHEN = "shenzhen_budget"
SHENZHEN_REGION = "深圳市"

# The funding columns of 表2/表4/表5 before this revision -> funding source codes.
FUNDING_COLUMNS = {
    "fiscal_subtotal": "fiscal", "general_public_subtotal": "general_public", "general_funds": "general_funds",
    "special_funds": "special_funds", "government_investment": "government_investment",
    "government_fund": "government_fund", "fiscal_special_account": "fiscal_special_account",
    "business_income": "business_income", "other_income": "other_income",
    "superior_subsidy": "superior_subsidy", "prior_year_carryover": "prior_year_carryover",
}
FUNDING_TABLES = {"income_budget": "2", "basic_expenditure_item": "4", "project_expenditure_item": "5"}
# Fact tables with one printed table each in the Shenzhen template (before this revision).
SINGLE_TABLE = {
    "income_budget": "2", "expenditure_budget": "3", "basic_expenditure_item": "4",
    "project_expenditure_item": "5", "transfer_payment": "10", "procurement_item": "11",
    "three_public_expense": "12", "performance_project": "13", "department_performance_row": "14",
}
# Tables whose integer table_no becomes the printed id (text).
NUMBERED = ("two_sided_summary_line", "functional_expenditure")
# (kind, fund) of each Shenzhen table, and its title, for reports loaded before this revision.
SHENZHEN_TABLES = {
    "1": ("two_sided_summary", "全部资金", "收支预算总表"),
    "2": ("income_by_unit", "全部资金", "收入预算表"),
    "3": ("expenditure_by_unit", "全部资金", "支出预算表"),
    "4": ("basic_expenditure", "全部资金", "基本支出预算表"),
    "5": ("project_expenditure", "全部资金", "项目支出预算表"),
    "6": ("two_sided_summary", "财政拨款", "财政拨款收支预算总表"),
    "7": ("functional_expenditure", "一般公共预算", "一般公共预算支出情况表"),
    "8": ("functional_expenditure", "政府性基金", "政府性基金预算支出情况表"),
    "9": ("functional_expenditure", "国有资本经营", "国有资本经营预算支出情况表"),
    "10": ("transfer_payment", "一般公共预算", "上级专项转移支付资金情况表"),
    "11": ("procurement", "全部资金", "政府采购项目支出预算表"),
    "12": ("three_public", "财政拨款", "“三公”经费财政拨款预算情况表"),
    "13": ("performance_projects", "全部资金", "部门预算绩效管理项目情况表"),
    "14": ("department_performance", "全部资金", "部门（单位）整体支出绩效目标申报表"),
    "15": ("project_performance", "全部资金", "项目支出绩效目标表"),
}
PROJECT_TABLES = {  # table -> (project name column, the 表 id its rows print, a filter)
    "performance_project": ("project_name", "13", None),
    "project_expenditure_item": ("item_name", "5", "row_kind = 'project'"),
    "procurement_item": ("project_name", "11", None),
    "transfer_payment": ("project_name", "10", "project_name IS NOT NULL"),
}
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "[": "(", "]": ")"})


def _name_key(name: str) -> str:
    # Frozen copy of loaders.project_links.normalize as of this revision (a revision must not change).
    text = unicodedata.normalize("NFKC", name).translate(_BRACKETS).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZS")


def _report_key(region: str, department: str, year: int, kind: str, scope: str | None) -> str:
    # Frozen copy of budget_db.identity.report_key.
    return hashlib.sha256("|".join((region, department, str(year), kind, scope or "")).encode()).hexdigest()[:16]


def _table_fk(table: str) -> None:
    op.create_foreign_key(
        f"{table}_report_table_fk", table, "report_table", ["report_id", "table_no"], ["report_id", "table_no"],
        source_schema="budget", referent_schema="budget", ondelete="CASCADE", deferrable=True,
        initially="DEFERRED",
    )


def _project_fk(table: str) -> None:
    op.create_foreign_key(
        f"{table}_project_fk", table, "project", ["report_id", "project_no"], ["report_id", "project_no"],
        source_schema="budget", referent_schema="budget", ondelete="CASCADE", deferrable=True,
        initially="DEFERRED",
    )


def _drop_views() -> None:
    """Drop the views of schema appendix, those using others first, without CASCADE.

    The views read columns that change here; an object of a user's on one of them stops the
    migration with PostgreSQL's message naming it, instead of being dropped silently.
    """
    conn = op.get_bind()
    names = conn.execute(sa.text(
        "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'appendix' AND c.relkind = 'v'"
    )).scalars().all()
    used = conn.execute(sa.text(  # (view, a view it reads), both in appendix
        "SELECT DISTINCT w.ev_class::regclass::text, d.refobjid::regclass::text FROM pg_depend d "
        "JOIN pg_rewrite w ON w.oid = d.objid JOIN pg_class t ON t.oid = d.refobjid "
        "JOIN pg_namespace n ON n.oid = t.relnamespace "
        "WHERE n.nspname = 'appendix' AND t.relkind = 'v' AND d.refobjid <> w.ev_class"
    )).all()
    pending = set(names)
    while pending:
        free = sorted(v for v in pending if not any(u in pending and r == v for u, r in used))
        for name in free or sorted(pending):  # with a cycle, let PostgreSQL say what is in the way
            conn.exec_driver_sql(f"DROP VIEW {name}")  # a regclass name, quoted by PostgreSQL
            pending.discard(name)


def upgrade() -> None:
    conn = op.get_bind()
    _drop_views()

    # -- code lists (filled by budget_db.code_lists.sync after every migration) ----------------
    op.create_table(
        "table_kind",
        sa.Column("code", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        schema="budget",
    )
    op.create_table(
        "money_unit",
        sa.Column("unit", sa.Text, primary_key=True),
        sa.Column("wan_yuan", sa.Numeric, nullable=False),  # how many 万元 one unit is: 元 -> 0.0001
        schema="budget",
    )
    op.create_table(
        "funding_source",
        sa.Column("code", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("parent_code", sa.Text, sa.ForeignKey("budget.funding_source.code")),
        sa.Column("ordinal", sa.SmallInteger, nullable=False),
        schema="budget",
    )
    op.add_column("functional_classification",
                  sa.Column("origin", sa.Text, nullable=False, server_default="report"), schema="budget")
    op.create_check_constraint("functional_origin", "functional_classification", "origin IN ('file', 'report')",
                               schema="budget")
    conn.execute(sa.text("UPDATE budget.functional_classification SET origin = 'file' WHERE level = '类'"))
    # The rows needed by the data moved below; the files add the rest (same values).
    conn.execute(sa.text("INSERT INTO budget.money_unit VALUES ('万元', 1), ('元', 0.0001)"))
    kinds = sorted({kind for kind, _, _ in SHENZHEN_TABLES.values()})
    for kind in kinds:
        conn.execute(sa.text("INSERT INTO budget.table_kind VALUES (:k, :k)"), {"k": kind})
    for ordinal, code in enumerate(FUNDING_COLUMNS.values(), start=1):
        conn.execute(sa.text("INSERT INTO budget.funding_source VALUES (:c, :c, NULL, :o)"),
                     {"c": code, "o": ordinal})

    # -- identity: region on the department, template and report_key on the report --------------
    op.add_column("department", sa.Column("region", sa.Text, nullable=False, server_default=""), schema="budget")
    conn.execute(sa.text("UPDATE budget.department SET region = :r"), {"r": SHENZHEN_REGION})
    op.drop_constraint("department_name_key", "department", schema="budget")
    op.create_unique_constraint("department_region_name_key", "department", ["region", "name"], schema="budget")
    op.alter_column("department", "region", server_default=None, schema="budget")

    op.add_column("report", sa.Column("template", sa.Text, nullable=False, server_default=SHENZHEN), schema="budget")
    op.alter_column("report", "template", server_default=None, schema="budget")
    op.add_column("report", sa.Column("report_key", sa.Text), schema="budget")
    rows = conn.execute(sa.text(
        "SELECT r.id, d.region, d.name, r.fiscal_year, r.kind, r.scope FROM budget.report r "
        "JOIN budget.department d ON d.id = r.department_id"
    )).all()
    for report_id, region, name, year, kind, scope in rows:
        conn.execute(sa.text("UPDATE budget.report SET report_key = :k WHERE id = :id"),
                     {"k": _report_key(region, name, year, kind, scope), "id": report_id})
    op.alter_column("report", "report_key", nullable=False, schema="budget")
    op.drop_constraint("report_kind", "report", schema="budget")
    op.create_check_constraint("report_kind", "report", "kind IN ('部门预算', '单位预算', '部门决算')", schema="budget")
    op.drop_index("report_one_current", table_name="report", schema="budget")
    op.drop_constraint("report_department_id_fiscal_year_kind_version_key", "report", schema="budget")
    op.create_unique_constraint("report_key_version", "report", ["report_key", "version"], schema="budget")
    op.create_index("report_one_current", "report", ["report_key"], unique=True, schema="budget",
                    postgresql_where=sa.text("superseded_at IS NULL"))

    # -- the printed tables of each report --------------------------------------------------------
    op.create_table(
        "report_table",
        sa.Column("report_id", sa.BigInteger, sa.ForeignKey("budget.report.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("table_no", sa.Text, nullable=False),  # as printed: "7", "15-3", "公开01表", or the title
        sa.Column("ordinal", sa.SmallInteger, nullable=False),  # order in the report
        sa.Column("kind", sa.Text, sa.ForeignKey("budget.table_kind.code"), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("fund", sa.Text),  # which budget it covers: 一般公共预算 / 政府性基金 / … / 全部资金
        sa.Column("unit", sa.Text, sa.ForeignKey("budget.money_unit.unit"), nullable=False),
        sa.Column("source_line", sa.Integer),  # the marker's line (text input)
        sa.Column("source_page", sa.Integer),  # the page (PDF input)
        sa.PrimaryKeyConstraint("report_id", "table_no"),
        sa.UniqueConstraint("report_id", "ordinal"),
        schema="budget",
    )
    conn.execute(sa.text("""
        INSERT INTO budget.report_table (report_id, table_no, ordinal, kind, title, fund, unit)
        SELECT t.report_id, t.table_no,
               row_number() OVER (PARTITION BY t.report_id ORDER BY split_part(t.table_no, '-', 1)::int,
                                  nullif(split_part(t.table_no, '-', 2), '')::int NULLS FIRST),
               s.kind, s.title, s.fund, r.unit
        FROM (SELECT id AS report_id, n AS table_no FROM budget.report,
                     unnest(ARRAY['1','2','3','4','5','6','7','8','9','10','11','12','13','14']) n
              WHERE NOT (n = ANY(missing_tables))
              UNION
              SELECT report_id, table_no FROM budget.performance_target_project) t
        JOIN budget.report r ON r.id = t.report_id
        JOIN (SELECT * FROM json_each_text(CAST(:tables AS json))) j(no, spec) ON j.no = split_part(t.table_no, '-', 1)
        CROSS JOIN LATERAL (SELECT (CAST(j.spec AS json))->>0 AS kind, (CAST(j.spec AS json))->>1 AS fund,
                                   (CAST(j.spec AS json))->>2 AS title) s
    """), {"tables": json.dumps(SHENZHEN_TABLES, ensure_ascii=False)})

    op.drop_constraint("two_sided_table_no", "two_sided_summary_line", schema="budget")
    op.drop_constraint("functional_table_no", "functional_expenditure", schema="budget")
    for table in NUMBERED:
        op.alter_column(table, "table_no", type_=sa.Text, postgresql_using="table_no::text", schema="budget")
    for table, number in SINGLE_TABLE.items():
        op.add_column(table, sa.Column("table_no", sa.Text, nullable=False, server_default=number), schema="budget")
        op.alter_column(table, "table_no", server_default=None, schema="budget")

    # -- funding sources as rows --------------------------------------------------------------
    op.create_table(
        "funding_amount",
        sa.Column("report_id", sa.BigInteger, nullable=False),
        sa.Column("table_no", sa.Text, nullable=False),
        sa.Column("row_no", sa.Integer, nullable=False),
        sa.Column("source_code", sa.Text, sa.ForeignKey("budget.funding_source.code"), nullable=False),
        sa.Column("amount", MONEY, nullable=False),  # printed cells only: an empty cell has no row
        sa.Column("amount_as_printed", sa.Text),  # when the print differs from the number ('-', '(0.10)')
        sa.Column("source_line", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("report_id", "table_no", "row_no", "source_code"),
        schema="budget",
    )
    for table, number in FUNDING_TABLES.items():
        values = ", ".join(f"('{code}', t.{column})" for column, code in FUNDING_COLUMNS.items())  # constants
        conn.execute(sa.text(
            f"INSERT INTO budget.funding_amount (report_id, table_no, row_no, source_code, amount, source_line) "
            f"SELECT t.report_id, '{number}', t.row_no, v.code, v.amount, t.source_line FROM budget.{table} t "
            f"CROSS JOIN LATERAL (VALUES {values}) AS v (code, amount) WHERE v.amount IS NOT NULL"
        ))
        for column in FUNDING_COLUMNS:
            op.drop_column(table, column, schema="budget")

    # -- projects ----------------------------------------------------------------------------
    op.create_table(
        "project",
        sa.Column("report_id", sa.BigInteger, sa.ForeignKey("budget.report.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("project_no", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),  # as first printed (表15, else 表13, 表5, 表11, 表10)
        sa.Column("name_key", sa.Text, nullable=False),  # normalised: follows the project across years
        sa.PrimaryKeyConstraint("report_id", "project_no"),
        schema="budget",
    )
    op.create_index("project_name_key", "project", ["name_key"], schema="budget")
    for table in (*PROJECT_TABLES, "performance_target_project"):
        op.add_column(table, sa.Column("project_no", sa.Integer), schema="budget")
        op.add_column(table, sa.Column("project_match", sa.Text), schema="budget")
        op.add_column(table, sa.Column("project_match_score", sa.Numeric(4, 3)), schema="budget")
        op.create_check_constraint(
            f"{table}_project_match", table,
            "project_match IN ('named', 'exact', 'normalized', 'via_13', 'similar')", schema="budget")
    _move_project_links(conn)
    op.drop_table("project_link", schema="budget")
    # Foreign keys last: deferred ones queue events that would block the ALTERs above.
    for table in (*NUMBERED, *SINGLE_TABLE, "performance_target_project", "funding_amount"):
        _table_fk(table)
    for table in (*PROJECT_TABLES, "performance_target_project"):
        _project_fk(table)


def _move_project_links(conn) -> None:
    """Old links (表15-N -> a row of 表13/5/11/10) become project numbers on those rows."""
    # Projects of 表15 keep their numbers (15-N is project N).
    for report_id, row_no, name in conn.execute(sa.text(
            "SELECT report_id, row_no, project_name FROM budget.performance_target_project")).all():
        conn.execute(sa.text("INSERT INTO budget.project VALUES (:r, :n, :name, :key)"),
                     {"r": report_id, "n": row_no, "name": name, "key": _name_key(name)})
    conn.execute(sa.text("UPDATE budget.performance_target_project SET project_no = row_no, project_match = 'named'"))
    linked = {"13": "performance_project", "5": "project_expenditure_item", "11": "procurement_item",
              "10": "transfer_payment"}
    for number, table in linked.items():
        conn.execute(sa.text(
            f"UPDATE budget.{table} t SET project_no = p.row_no, project_match = l.method, "
            f"project_match_score = l.score FROM budget.project_link l "
            f"JOIN budget.performance_target_project p ON p.report_id = l.report_id AND p.table_no = l.table_no "
            f"WHERE l.linked_table = '{number}' AND l.method <> 'unlinked' "
            f"AND t.report_id = l.report_id AND t.row_no = l.linked_row_no"
        ))
    # Rows naming a project that no 表15 table has: a project of their own (one per printed name),
    # numbered after 表15's.
    numbers = dict(conn.execute(sa.text(
        "SELECT report_id, max(project_no) FROM budget.project GROUP BY report_id")).all())
    projects, assigned, by_key = [], [], {}
    for table, (column, _, condition) in PROJECT_TABLES.items():
        rows = conn.execute(sa.select(sa.column("report_id"), sa.column("row_no"), sa.column(column))
                            .select_from(sa.table(table, schema="budget"))
                            .where(sa.column("project_no").is_(None), sa.text(condition or "true"))
                            .order_by("report_id", "row_no")).all()
        for report_id, row_no, name in rows:
            key = _name_key(name)
            if (report_id, key) not in by_key:  # rows printing one name share its project
                numbers[report_id] = numbers.get(report_id, 0) + 1
                by_key[report_id, key] = numbers[report_id]
                projects.append({"r": report_id, "n": numbers[report_id], "name": name, "key": key})
            assigned.append((table, {"r": report_id, "n": by_key[report_id, key], "row": row_no}))
    if projects:
        conn.execute(sa.text("INSERT INTO budget.project VALUES (:r, :n, :name, :key)"), projects)
    for table in PROJECT_TABLES:
        batch = [values for name, values in assigned if name == table]
        if batch:
            conn.execute(sa.text(f"UPDATE budget.{table} SET project_no = :n, project_match = 'named' "
                                 "WHERE report_id = :r AND row_no = :row"), batch)


def downgrade() -> None:
    conn = op.get_bind()
    _drop_views()
    # Projects back to links from each 表15-N project to the rows that share its project.
    op.create_table(
        "project_link",
        sa.Column("report_id", sa.BigInteger, sa.ForeignKey("budget.report.id", ondelete="CASCADE"),
                  nullable=False),
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
        sa.ForeignKeyConstraint(
            ["report_id", "table_no"],
            ["budget.performance_target_project.report_id", "budget.performance_target_project.table_no"],
            ondelete="CASCADE", deferrable=True, initially="DEFERRED"),
        sa.CheckConstraint("linked_table IN ('13', '5', '11', '10')", name="link_linked_table"),
        sa.CheckConstraint("method IN ('exact', 'normalized', 'via_13', 'similar', 'unlinked')", name="link_method"),
        sa.CheckConstraint("(method = 'unlinked') = (linked_row_no IS NULL)", name="link_row_unless_unlinked"),
        sa.CheckConstraint("score IS NULL OR score BETWEEN 0 AND 1", name="link_score_range"),
        schema="budget",
    )
    op.create_index("project_link_linked_row", "project_link", ["report_id", "linked_table", "linked_row_no"],
                    schema="budget")
    for table in (*PROJECT_TABLES, "performance_target_project"):
        op.drop_constraint(f"{table}_project_fk", table, schema="budget")
    for table in (*NUMBERED, *SINGLE_TABLE, "performance_target_project", "funding_amount"):
        op.drop_constraint(f"{table}_report_table_fk", table, schema="budget")
    amounts = {"performance_project": "total", "project_expenditure_item": "total",
               "procurement_item": "actual_amount", "transfer_payment": "amount"}
    for table, (column, number, _) in PROJECT_TABLES.items():
        conn.execute(sa.text(
            f"INSERT INTO budget.project_link SELECT p.report_id, p.table_no, '{number}', "
            f"row_number() OVER (PARTITION BY p.report_id, p.table_no ORDER BY t.row_no), t.row_no, t.{column}, "
            f"CASE t.project_match WHEN 'named' THEN 'exact' ELSE t.project_match END, "
            f"coalesce(t.project_match_score, 1), p.total, t.{amounts[table]} "
            f"FROM budget.{table} t JOIN budget.performance_target_project p "
            f"ON p.report_id = t.report_id AND p.project_no = t.project_no"
        ))
    for table in (*PROJECT_TABLES, "performance_target_project"):
        for column in ("project_no", "project_match", "project_match_score"):
            op.drop_column(table, column, schema="budget")
    op.drop_table("project", schema="budget")

    # Funding rows back to columns.
    for table, number in FUNDING_TABLES.items():
        for column in FUNDING_COLUMNS:
            op.add_column(table, sa.Column(column, MONEY), schema="budget")
        for column, code in FUNDING_COLUMNS.items():
            conn.execute(sa.text(
                f"UPDATE budget.{table} t SET {column} = f.amount FROM budget.funding_amount f "
                f"WHERE f.report_id = t.report_id AND f.table_no = '{number}' AND f.row_no = t.row_no "
                f"AND f.source_code = '{code}'"
            ))
    op.drop_table("funding_amount", schema="budget")

    for table in SINGLE_TABLE:
        op.drop_column(table, "table_no", schema="budget")
    for table in NUMBERED:
        op.alter_column(table, "table_no", type_=sa.SmallInteger, postgresql_using="table_no::smallint",
                        schema="budget")
    op.create_check_constraint("two_sided_table_no", "two_sided_summary_line", "table_no IN (1, 6)", schema="budget")
    op.create_check_constraint("functional_table_no", "functional_expenditure", "table_no IN (7, 8, 9)",
                               schema="budget")
    op.drop_table("report_table", schema="budget")

    op.drop_index("report_one_current", table_name="report", schema="budget")
    op.drop_constraint("report_key_version", "report", schema="budget")
    op.create_unique_constraint("report_department_id_fiscal_year_kind_version_key", "report",
                                ["department_id", "fiscal_year", "kind", "version"], schema="budget")
    op.create_index("report_one_current", "report", ["department_id", "fiscal_year", "kind"], unique=True,
                    schema="budget", postgresql_where=sa.text("superseded_at IS NULL"))
    op.drop_constraint("report_kind", "report", schema="budget")
    op.create_check_constraint("report_kind", "report", "kind IN ('部门预算', '部门决算')", schema="budget")
    op.drop_column("report", "report_key", schema="budget")
    op.drop_column("report", "template", schema="budget")
    op.drop_constraint("department_region_name_key", "department", schema="budget")
    op.create_unique_constraint("department_name_key", "department", ["name"], schema="budget")
    op.drop_column("department", "region", schema="budget")

    op.drop_constraint("functional_origin", "functional_classification", schema="budget")
    op.drop_column("functional_classification", "origin", schema="budget")
    op.drop_table("funding_source", schema="budget")
    op.drop_table("money_unit", schema="budget")
    op.drop_table("table_kind", schema="budget")
