"""Validation: the catalog, the findings every load stores, the views, --strict and `budget-db check`."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import psycopg
import pytest
from psycopg import sql

from budget_db import checks, migrate
from budget_db.batch import load_file
from budget_db.config import CHECKS_DIR
from tests.conftest import SAMPLE
from tests.test_cli import run

D = Decimal

# Everything the rules find in the sample: (rule, severity, place, left, right), in stored order.
SAMPLE_FINDINGS = [
    ("functional_hierarchy", "rounding", "表7 深圳市公安局罗湖分局 · 支出总计", D("145863.63"), D("145863.62")),
    ("functional_hierarchy", "rounding", "表7 深圳市公安局罗湖分局 · 基本支出", D("92623.86"), D("92623.85")),
    ("functional_hierarchy", "rounding", "表7 20402 公安 · 支出总计", D("120703.64"), D("120703.63")),
    ("functional_base_plus_project", "rounding", "表7 深圳市公安局罗湖分局", D("145863.63"), D("145863.62")),
    ("functional_base_plus_project", "rounding", "表7 204 公共安全支出", D("121423.64"), D("121423.63")),
    ("functional_base_plus_project", "rounding", "表7 20402 公安", D("120703.64"), D("120703.63")),
    ("expenditure_total_sum", "rounding", "表3 深圳市公安局罗湖分局 · 支出总计", D("145863.63"), D("145863.62")),
    ("basic_items_sum", "rounding", "表4 工资福利支出 · 总计", D("84701.75"), D("84701.76")),
    ("basic_items_sum", "rounding", "表4 商品和服务支出 · 总计", D("5419.21"), D("5419.22")),
    ("project_items_sum", "rounding", "表5 一般性项目 · 总计", D("49244.32"), D("49244.33")),
    ("two_sided_subtotals", "rounding", "表1 支出 本年支出合计", D("145863.63"), D("145863.62")),
    ("two_sided_subtotals", "rounding", "表6 支出 本年支出合计", D("145863.63"), D("145863.62")),
    ("funding_columns_t02_t04_t05", "rounding", "表2 收入总计 / 表4 + 表5", D("145863.63"), D("145863.62")),
    ("project_total_t13_t05", "rounding", "表13 合计 / 表5 总计", D("53239.77"), D("53239.76")),
    ("department_performance_t14_t03", "rounding", "表14 基本支出 / 表3 基本支出", D("92623.87"), D("92623.86")),
    ("narrative_budget_totals", "rounding", "第二部分 部门预算支出 / the components it states",
     D("145863.63"), D("145863.62")),
    ("narrative_budget_totals", "rounding", "第三部分 预算 / the components it states", D("145863.63"), D("145863.62")),
    ("narrative_three_public_changes", "warning", "第五部分 公务接待费 与 2019 年增加 / 表12 2020 − 2019",
     D("10.29"), D("0.00")),
    ("project_link_similar", "warning", "表15-5 娱乐服务场所治安管理系统 / 表13 娱乐服务场所治安管理信息系统",
     D("1100.00"), D("1100.00")),
    ("project_link_similar", "warning", "表15-12 公安特经费 / 表13 公安特情经费", D("720.00"), D("720.00")),
]

def stored_findings(conn, report_id: int) -> list[tuple]:
    order = [rule.id for rule in checks.load_catalog()]
    return conn.execute(
        "SELECT rule_id, severity, place, left_value, right_value FROM budget.validation_finding "
        "WHERE report_id = %s ORDER BY array_position(%s::text[], rule_id), finding_no",
        (report_id, order),
    ).fetchall()


from tests.test_issue13_rules import FAILING as _ISSUE13_RULES  # noqa: E402

ISSUE13 = frozenset(_ISSUE13_RULES)  # rules of the Shanghai and 决算 templates: skipped for the sample


# -- the catalog -------------------------------------------------------------------------------
def test_catalog_names_every_rule_file_once():
    rules = checks.load_catalog()
    assert len(rules) == 47  # 38 of the Shenzhen template or any, 6 of Shanghai and the 决算, 3 of Jiangsu
    assert sorted(r.id for r in rules) == sorted(p.stem for p in CHECKS_DIR.glob("*.sql"))
    assert {r.severity for r in rules} == {"error", "warning"}
    assert {r.kind for r in rules} == {"within", "across", "narrative", "link"}


def test_catalog_lists_exactly_the_tables_each_rule_reads():
    for rule in checks.load_catalog():
        read = set(re.findall(r"\b(?:budget|appendix|jiangsu)\.\w+", rule.path.read_text(encoding="utf-8")))
        assert read == set(rule.reads), rule.id


def test_catalog_kinds_are_those_of_the_tables_each_rule_reads(db, sample_report_id):
    """A rule's kinds are the kinds of the printed tables whose rows it reads (in the sample)."""
    with_table = {f"budget.{name}" for (name,) in db.execute(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'budget' AND column_name = 'table_no' "
        "AND table_name NOT IN ('funding_amount', 'report_table')")}  # rows of the tables in `reads` already

    def kinds_of(tables) -> set[str]:
        kinds = set()
        for table in set(tables) & with_table:
            query = sql.SQL("SELECT DISTINCT t.kind FROM {} f JOIN budget.report_table t USING (report_id, table_no) "
                            "WHERE f.report_id = %s").format(sql.Identifier(*table.split(".")))
            kinds |= {kind for (kind,) in db.execute(query, (sample_report_id,))}
        return kinds

    for rule in checks.load_catalog():
        if rule.id in ISSUE13 or (rule.templates and "shenzhen_budget" not in rule.templates):
            continue  # other templates' rules read their reports (tests/test_issue13_rules.py, test_jiangsu.py)
        views = [table.split(".")[1] for table in rule.reads if table.startswith("appendix.")]
        under_views = {f"{schema}.{name}" for schema, name in db.execute(  # a rule may read some of their kinds
            "WITH RECURSIVE used AS (SELECT table_schema, table_name FROM information_schema.view_table_usage "
            "  WHERE view_schema = 'appendix' AND view_name = ANY (%s) "
            "UNION SELECT u.table_schema, u.table_name FROM information_schema.view_table_usage u "
            "  JOIN used ON u.view_schema = used.table_schema AND u.view_name = used.table_name) "
            "SELECT table_schema, table_name FROM used", (views,))}
        read = kinds_of(rule.reads)
        assert read <= set(rule.kinds) <= read | kinds_of(under_views), rule.id
        assert set(rule.templates) <= {"shenzhen_budget"}, rule.id


def test_catalog_tables_exist(db, sample_report_id):
    for rule in checks.load_catalog():
        for table in rule.reads:
            assert db.execute("SELECT to_regclass(%s)", (table,)).fetchone()[0] is not None, (rule.id, table)


CODE_LISTS = {"funding_source", "table_kind", "money_unit", "economic_classification", "functional_classification"}


def _scans(node: dict) -> list[tuple[str, str]]:
    """(table, its conditions) for every table a plan reads."""
    found = []
    if "Relation Name" in node:
        found.append((node["Relation Name"], " ".join(str(node.get(k, "")) for k in ("Index Cond", "Filter",
                                                                                       "Recheck Cond"))))
    for child in node.get("Plans", []):
        found += _scans(child)
    return found


def test_rules_read_only_the_checked_reports_rows(db, sample_report_id):
    """Each rule filters every table it reads to the report bound (else each load reads all reports)."""
    # the report bound as a constant, or (an index scan inside a nested loop) the report of the
    # outer row, itself bound to it: `x.report_id = t.report_id`
    checked = re.compile(rf"\b(report_)?id = '{sample_report_id}'::\w+|\breport_id = \w+\.report_id\b")
    for rule in checks.load_catalog():
        query = sql.SQL("EXPLAIN (FORMAT JSON) {}").format(rule.query())
        plan = db.execute(query, {"report_id": sample_report_id}).fetchone()[0][0]["Plan"]
        unfiltered = [table for table, conditions in _scans(plan)
                      if not checked.search(conditions) and table not in CODE_LISTS]
        assert unfiltered == [], rule.id


def test_catalog_refuses_a_rule_that_does_not_filter_to_the_report(tmp_path):
    (tmp_path / "catalog.toml").write_text(
        '[[rule]]\nid = "all"\nkind = "within"\nseverity = "error"\ndescription = "x"\n', encoding="utf-8")
    (tmp_path / "all.sql").write_text("SELECT format('%s', 1) AS place FROM budget.report", encoding="utf-8")
    with pytest.raises(checks.CatalogError, match=r"rule all does not filter to the report \(%\(report_id\)s\)"):
        checks.load_catalog(tmp_path)


def test_catalog_refuses_an_unknown_table_kind(tmp_path):
    (tmp_path / "catalog.toml").write_text(
        '[[rule]]\nid = "r"\nkind = "within"\nseverity = "error"\nkinds = ["表4"]\ndescription = "x"\n',
        encoding="utf-8")
    (tmp_path / "r.sql").write_text("SELECT 1 FROM budget.report WHERE id = %(report_id)s", encoding="utf-8")
    with pytest.raises(checks.CatalogError, match="rule r: unknown table kinds 表4"):
        checks.load_catalog(tmp_path)


def test_a_rule_file_keeps_sqls_percent_signs(db, tmp_path):
    """%(report_id)s is the one parameter; every other % reaches PostgreSQL as written."""
    path = tmp_path / "r.sql"
    path.write_text("SELECT format('表%s', %(report_id)s), 7 % 4", encoding="utf-8")
    rule = checks.Rule("r", "within", "error", (), (), (), "", path)
    assert db.execute(rule.query(), {"report_id": 12}).fetchone() == ("表12", 3)


def test_catalog_refuses_a_rule_without_file(tmp_path):
    (tmp_path / "catalog.toml").write_text(
        '[[rule]]\nid = "ghost"\nkind = "within"\nseverity = "error"\ndescription = "x"\n', encoding="utf-8")
    with pytest.raises(checks.CatalogError, match="ghost has no file ghost.sql"):
        checks.load_catalog(tmp_path)


def test_catalog_refuses_a_file_not_listed(tmp_path):
    (tmp_path / "catalog.toml").write_text("", encoding="utf-8")
    (tmp_path / "stray.sql").write_text("SELECT 1", encoding="utf-8")
    with pytest.raises(checks.CatalogError, match="not in the catalog: stray"):
        checks.load_catalog(tmp_path)


# -- rounding ----------------------------------------------------------------------------------
@pytest.mark.parametrize("difference, terms, severity", [
    (D("0.01"), 1, "rounding"),
    (D("-0.01"), 1, "rounding"),
    (D("0.02"), 1, "error"),
    (D("0.03"), 5, "rounding"),  # (5 + 1) × 0.005
    (D("-0.04"), 5, "error"),
    (D("0.015"), 2, "rounding"),
    (D("0.02"), 2, "error"),
    (D("0.01"), 0, "error"),  # no rounding allowed (a name mismatch)
    (D("0.00"), 1, "error"),  # equal amounts still offending: e.g. names differ
    (None, 1, "error"),  # one side missing
])
def test_classify(difference, terms, severity):
    rule = checks.Rule("r", "within", "error", (), (), (), "", CHECKS_DIR / "r.sql")
    assert checks.classify(rule, difference, terms) == severity


# -- what a load stores ------------------------------------------------------------------------
def test_sample_findings_are_stored_on_load(db, sample_report_id):
    assert stored_findings(db, sample_report_id) == SAMPLE_FINDINGS


def test_sample_findings_carry_difference_line_and_message(db, sample_report_id):
    row = db.execute(
        "SELECT difference, source_line, message FROM budget.validation_finding "
        "WHERE report_id = %s AND rule_id = 'department_performance_t14_t03'", (sample_report_id,),
    ).fetchone()
    assert row == (D("0.01"), 674, "表14 基本支出 vs 表3 基本支出")
    similar = db.execute(
        "SELECT message FROM budget.validation_finding WHERE report_id = %s AND rule_id = 'project_link_similar' "
        "ORDER BY finding_no", (sample_report_id,),
    ).fetchall()
    assert similar[1][0] == "linked by similarity 0.909: 表15-12 prints 公安特经费, 表13 prints 公安特情经费"


def test_every_load_records_its_run(db, sample_report_id):
    rules_run, skipped = db.execute(
        "SELECT rules_run, rules_skipped FROM budget.validation_run WHERE report_id = %s", (sample_report_id,),
    ).fetchone()
    assert (rules_run, sorted(skipped)) == (38, sorted([*ISSUE13, *JIANGSU_RULES]))
    assert db.execute("SELECT count(*) FROM budget.validation_rule").fetchone()[0] == 47


def test_rules_reading_a_missing_table_are_skipped(database_url, sample_report_id):
    with psycopg.connect(database_url) as conn:
        conn.execute("UPDATE budget.report SET missing_tables = '{11}' WHERE id = %s", (sample_report_id,))
        run = checks.run_checks(conn, sample_report_id)
        conn.rollback()
    assert [r.id for r in run.rules_skipped if r.id not in ISSUE13] == ["procurement_t11_t03", "narrative_procurement",
                                                                         *JIANGSU_RULES]
    assert len(run.rules_run) == 36


KINDS = frozenset(checks.TABLE_KINDS)
JIANGSU_RULES = ["jiangsu_relations_within", "jiangsu_relations_across", "jiangsu_relations_narrative"]


def test_rules_run_by_template_and_table_kinds():
    rules = checks.load_catalog()
    shenzhen = checks.ReportTables("shenzhen_budget", KINDS, frozenset())
    assert checks.applicable(rules, shenzhen) == ([r for r in rules if set(r.templates) <= {"shenzhen_budget"}],
                                                  [r for r in rules if not set(r.templates) <= {"shenzhen_budget"}])
    # another template: the rules that hold in every template, and its own
    run, skipped = checks.applicable(rules, checks.ReportTables("jiangsu_budget", KINDS, frozenset()))
    assert [r.id for r in skipped] == [r.id for r in rules if r.templates and "jiangsu_budget" not in r.templates]
    assert "functional_hierarchy" in {r.id for r in run}
    # a report of 表7-like tables only: the rules reading them, and the narrative's own
    run, _ = checks.applicable(rules, checks.ReportTables("shenzhen_budget", frozenset({"functional_expenditure"}),
                                                          frozenset()))
    assert [r.id for r in run] == ["functional_hierarchy", "functional_base_plus_project", "repeated_rows",
                                   "narrative_change_percent"]
    # a kind of which one table is missing (a cut report) counts as lacking
    run, skipped = checks.applicable(rules, checks.ReportTables("shenzhen_budget", KINDS,
                                                                frozenset({"functional_expenditure"})))
    assert "functional_hierarchy" in {r.id for r in skipped} and "transfer_hierarchy" in {r.id for r in run}


def test_rules_of_another_template_are_recorded_as_skipped(database_url, sample_report_id):
    with psycopg.connect(database_url) as conn:
        conn.execute("UPDATE budget.report SET template = 'made_up' WHERE id = %s", (sample_report_id,))
        run = checks.run_checks(conn, sample_report_id)
        skipped = conn.execute("SELECT rules_skipped FROM appendix.report_quality WHERE report_id = %s",
                               (sample_report_id,)).fetchone()[0]
        conn.rollback()
    assert skipped == [r.id for r in run.rules_skipped] and "funding_columns_sum" in skipped
    assert {f.rule_id for f in run.findings} <= {r.id for r in run.rules_run}


# -- views -----------------------------------------------------------------------------------
def test_findings_view_has_department_and_year(db, sample_report_id):
    rows = db.execute(
        "SELECT department, fiscal_year, rule_id, severity, rule_kind, place, left_value, right_value, difference "
        "FROM appendix.validation_findings WHERE report_id = %s AND severity = 'warning' ORDER BY rule_id, finding_no",
        (sample_report_id,),
    ).fetchall()
    assert rows == [
        ("深圳市公安局罗湖分局", 2020, "narrative_three_public_changes", "warning", "narrative",
         "第五部分 公务接待费 与 2019 年增加 / 表12 2020 − 2019", D("10.29"), D("0.00"), D("10.29")),
        ("深圳市公安局罗湖分局", 2020, "project_link_similar", "warning", "link",
         "表15-5 娱乐服务场所治安管理系统 / 表13 娱乐服务场所治安管理信息系统", D("1100.00"), D("1100.00"), D("0.00")),
        ("深圳市公安局罗湖分局", 2020, "project_link_similar", "warning", "link",
         "表15-12 公安特经费 / 表13 公安特情经费", D("720.00"), D("720.00"), D("0.00")),
    ]


def test_report_quality_summarises_the_sample(db, sample_report_id):
    row = db.execute(
        "SELECT department, fiscal_year, rules_run, error_count, warning_count, rounding_count, totals_reconcile, "
        "narrative_agrees FROM appendix.report_quality WHERE report_id = %s", (sample_report_id,),
    ).fetchone()
    assert row == ("深圳市公安局罗湖分局", 2020, 38, 0, 3, 17, True, True)


def test_views_comment_every_column(db, sample_report_id):
    for view in ("validation_findings", "report_quality"):
        undocumented = db.execute(
            "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 "
            "AND col_description(a.attrelid, a.attnum) IS NULL AND a.attname <> 'report_id'",
            (f"appendix.{view}",),
        ).fetchall()
        assert undocumented == [], view


# -- a report with an error: one printed number changed -----------------------------------------
@pytest.fixture(scope="module")
def edited_sample(tmp_path_factory):
    """The sample with 表4 基本工资 printed as 37,932.02 in its 总计 column (the funding columns keep 37,332.02)."""
    text = SAMPLE.read_text(encoding="utf-8")
    printed = "基本工资\t37,332.02\t"
    assert text.count(printed) == 1
    path = tmp_path_factory.mktemp("edited") / "luohu_2020_edited.txt"
    path.write_text(text.replace(printed, "基本工资\t37,932.02\t"), encoding="utf-8")
    return path


EDITED_ERRORS = [
    ("basic_items_sum", "error", "表4 工资福利支出 · 总计", D("84701.75"), D("85301.76")),
    ("funding_columns_sum", "error", "表4 基本工资 · 总计", D("37932.02"), D("37332.02")),
]


@pytest.fixture(scope="module")
def edited_database(fresh_database):
    url = fresh_database("budget_checks")
    migrate.upgrade(url)
    return url


def test_strict_load_refuses_errors_and_writes_nothing(edited_database, edited_sample):
    result = load_file(edited_database, edited_sample, strict=True)
    assert result.outcome == "refused"
    assert result.message.startswith(f"{edited_sample}: refused by --strict: 2 error findings (")
    assert "basic_items_sum 表4 工资福利支出 · 总计: 84,701.75 vs 85,301.76" in result.message
    assert "\n" not in result.message
    with psycopg.connect(edited_database) as conn:
        counts = conn.execute("SELECT (SELECT count(*) FROM budget.report), "
                              "(SELECT count(*) FROM budget.validation_finding)").fetchone()
    assert counts == (0, 0)


def test_load_without_strict_stores_the_errors(edited_database, edited_sample):
    result = load_file(edited_database, edited_sample)
    assert result.outcome == "loaded"
    with psycopg.connect(edited_database) as conn:
        errors = [f for f in stored_findings(conn, result.report_id) if f[1] == "error"]
        quality = conn.execute("SELECT error_count, totals_reconcile, narrative_agrees FROM appendix.report_quality "
                               "WHERE report_id = %s", (result.report_id,)).fetchone()
    assert errors == EDITED_ERRORS
    assert quality == (2, False, True)


def test_strict_load_of_the_sample_loads_it(fresh_database):
    url = fresh_database("budget_strict")
    migrate.upgrade(url)
    result = load_file(url, SAMPLE, strict=True)  # rounding and warnings are not errors
    assert result.outcome == "loaded"


# -- budget-db check -----------------------------------------------------------------------------
def test_check_prints_findings_by_rule_and_exits_0(database_url, sample_report_id):
    result = run("check", url=database_url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    headers = [line.split(" ")[0] for line in lines if not line.startswith((" ", "skipped"))][:-1]
    assert headers == list(dict.fromkeys(f[0] for f in SAMPLE_FINDINGS))
    assert ("  warning  深圳市公安局罗湖分局 2020 · 表15-12 公安特经费 / 表13 公安特情经费: 720.00 vs 720.00 "
            "(difference 0.00) — linked by similarity 0.909: 表15-12 prints 公安特经费, 表13 prints 公安特情经费") in lines
    assert ("  rounding 深圳市公安局罗湖分局 2020 · 表14 基本支出 / 表3 基本支出: 92,623.87 vs 92,623.86 "
            "(difference 0.01) — 表14 基本支出 vs 表3 基本支出") in lines
    assert lines[-1] == "1 report, 41 rules: 0 errors, 3 warnings, 17 rounding"


def test_check_exits_1_on_errors(edited_database, edited_sample):
    load_file(edited_database, edited_sample)  # loaded, or unchanged if already there
    result = run("check", "--department", "深圳市公安局罗湖分局", "--year", "2020", url=edited_database)
    assert result.returncode == 1
    assert "basic_items_sum [error] 表4: each category (类) equals the sum of its items (款)" in result.stdout
    assert ("  error    深圳市公安局罗湖分局 2020 · 表4 基本工资 · 总计: 37,932.02 vs 37,332.02 "
            "(difference 600.00) — 总计 vs 财政预算拨款 小计 + 事业收入 + 其他收入 + 上级补助收入 + 上年结余、结转"
            in result.stdout)
    assert result.stdout.splitlines()[-1] == "1 report, 41 rules: 2 errors, 3 warnings, 19 rounding"


def test_check_one_rule_as_json(edited_database, edited_sample):
    load_file(edited_database, edited_sample)
    result = run("check", "--rule", "basic_items_sum", "--json", url=edited_database)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert [r["rules_run"] for r in document["reports"]] == [["basic_items_sum"]]
    (rule,) = document["rules"]
    assert (rule["id"], rule["severity"], rule["kind"]) == ("basic_items_sum", "error", "within")
    assert [(f["severity"], f["place"], f["left"], f["right"], f["difference"]) for f in rule["findings"]] == [
        ("error", "表4 工资福利支出 · 总计", "84701.75", "85301.76", "-600.01"),
        # the funding columns keep their own 0.01: no longer the 总计 column's difference
        ("rounding", "表4 工资福利支出 · 财政拨款", "84701.75", "84701.76", "-0.01"),
        ("rounding", "表4 工资福利支出 · 一般公共预算拨款", "84701.75", "84701.76", "-0.01"),
        ("rounding", "表4 工资福利支出 · 一般性经费拨款", "84701.75", "84701.76", "-0.01"),
        ("rounding", "表4 商品和服务支出 · 总计", "5419.21", "5419.22", "-0.01"),
    ]
    assert rule["findings"][0]["department"] == "深圳市公安局罗湖分局"
    assert rule["findings"][0]["source_line"] == 312


def test_check_one_rule_keeps_the_other_findings(edited_database, edited_sample):
    load_file(edited_database, edited_sample)
    run("check", "--rule", "project_link_similar", url=edited_database)
    with psycopg.connect(edited_database) as conn:
        rules = conn.execute("SELECT count(DISTINCT rule_id) FROM budget.validation_finding").fetchone()[0]
    assert rules == 13  # every rule with a finding in the edited sample


def test_check_without_errors_json_exits_0(database_url, sample_report_id):
    result = run("check", "--json", url=database_url)
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert len(document["rules"]) == 47
    assert document["reports"][0]["errors"] == 0 and document["reports"][0]["rounding"] == 17


def test_check_unknown_rule_exits_2(database_url):
    result = run("check", "--rule", "no_such_rule", url=database_url)
    assert result.returncode == 2
    assert "no rule 'no_such_rule' in sql/checks/catalog.toml" in result.stderr


def test_check_unknown_department_exits_1(database_url, sample_report_id):
    result = run("check", "--department", "不存在的单位", url=database_url)
    assert result.returncode == 1
    assert "no loaded report matches" in result.stderr


def test_load_strict_on_the_command_line_refuses(fresh_database, edited_sample):
    url = fresh_database("budget_cli_strict")
    result = run("load", "--strict", str(edited_sample), url=url)
    assert result.returncode == 1
    assert f"{edited_sample}: refused by --strict: 2 error findings (basic_items_sum" in result.stdout + result.stderr
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM budget.report").fetchone()[0] == 0


# -- the revision that gave rules kinds and templates -------------------------------------------
def test_rule_kinds_revision_goes_down_and_up(fresh_database):
    url = fresh_database("budget_rule_kinds")
    migrate.upgrade(url)

    def columns() -> list[str]:
        with psycopg.connect(url) as conn:
            return [name for (name,) in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'budget' "
                "AND table_name = 'validation_rule' ORDER BY column_name")]

    assert columns() == ["description", "id", "kind", "kinds", "reads", "severity", "templates"]
    migrate.downgrade(url, "0005")
    assert columns() == ["appendix", "description", "id", "kind", "reads", "severity"]
    migrate.upgrade(url)
    assert columns() == ["description", "id", "kind", "kinds", "reads", "severity", "templates"]
