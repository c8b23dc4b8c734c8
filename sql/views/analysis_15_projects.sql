-- Projects across years: one row per report and project (budget.project; projects of one
-- normalised name, name_key, are one), its amount in 万元 from the first table of its report that
-- prints one — project expenditure, the performance project list, the project's performance
-- table, the transfer payments — and the change on the same name_key in the previous report of
-- the series. A report's rows come from its own series only (analysis.report_series, by report
-- id): a query of one report reads that series and nothing else.
CREATE OR REPLACE VIEW analysis.projects AS
WITH amount AS (  -- (project, table, amount); priority: which table's amount counts
    SELECT x.report_id, x.project_no, x.table_no, 1 AS priority, x.total AS amount
    FROM budget.project_expenditure_item x WHERE x.row_kind = 'project'
    UNION ALL
    SELECT report_id, project_no, table_no, 2, total FROM budget.performance_project
    UNION ALL
    SELECT report_id, project_no, table_no, 3, total FROM budget.performance_target_project
    UNION ALL
    SELECT report_id, project_no, table_no, 4, amount FROM budget.transfer_payment
), per_table AS (
    SELECT a.report_id, a.project_no, a.priority, min(a.table_no) AS table_no, sum(a.amount * t.wan_yuan) AS amount
    FROM amount a
    JOIN analysis.report_tables t ON t.report_id = a.report_id AND t.table_no = a.table_no
    WHERE a.project_no IS NOT NULL
    GROUP BY a.report_id, a.project_no, a.priority
), project AS NOT MATERIALIZED (  -- each project with the amount of its first table by priority
    SELECT p.report_id, p.project_no, p.name, p.name_key, a.table_no, a.amount
    FROM budget.project p
    LEFT JOIN (SELECT DISTINCT ON (w.report_id, w.project_no) w.report_id, w.project_no, w.table_no, w.amount
               FROM per_table w ORDER BY w.report_id, w.project_no, w.priority) a
           ON a.report_id = p.report_id AND a.project_no = p.project_no
)
SELECT r.department, r.region, r.fiscal_year, r.stage, r.scope,
       x.project_name,
       x.name_key,
       x.project_nos,
       x.amount,
       x.amount_tables,
       x.previous_amount,
       x.amount - x.previous_amount AS change_amount,
       round(100 * (x.amount - x.previous_amount) / nullif(x.previous_amount, 0), 2) AS change_percent,
       x.first_year,
       x.years_loaded,
       r.series_key,
       r.report_id, r.template, r.report_key
FROM analysis.reports r
CROSS JOIN LATERAL (  -- the report's rows, from its own series only (its WITH keeps it one subplan a report)
    WITH member AS (  -- each report of the series and the name_keys of its projects
        SELECT s.member_report_id, s.member_fiscal_year, q.name_key
        FROM analysis.report_series s
        CROSS JOIN LATERAL (SELECT DISTINCT q.name_key FROM budget.project q WHERE q.report_id = s.member_report_id) q
        WHERE s.report_id = r.report_id
    )
    SELECT c.*, p.amount AS previous_amount, y.first_year, y.years_loaded
    FROM (  -- the report's projects, one row a name_key
        SELECT w.name_key, min(w.name) AS project_name, array_agg(w.project_no ORDER BY w.project_no) AS project_nos,
               sum(w.amount) AS amount, string_agg(DISTINCT w.table_no, '、') AS amount_tables
        FROM project w
        WHERE w.report_id = r.report_id
        GROUP BY w.name_key
    ) c
    LEFT JOIN (  -- the same name_key in each report of the series a year before
        SELECT w.name_key, w.amount
        FROM analysis.report_series s
        CROSS JOIN LATERAL (SELECT w.name_key, sum(w.amount) AS amount FROM project w
                            WHERE w.report_id = s.member_report_id GROUP BY w.name_key) w
        WHERE s.report_id = r.report_id AND s.member_fiscal_year = r.fiscal_year - 1
    ) p ON p.name_key = c.name_key
    JOIN (  -- the series' reports with the name_key, each counted once per its rows in the view (per p)
        SELECT m.name_key, min(m.member_fiscal_year) AS first_year, count(*) AS years_loaded
        FROM member m
        LEFT JOIN member b ON b.name_key = m.name_key AND b.member_fiscal_year = m.member_fiscal_year - 1
        GROUP BY m.name_key
    ) y ON y.name_key = c.name_key
) x;

COMMENT ON VIEW analysis.projects IS '分析：项目逐年对比（同一项目名称键，万元）';
COMMENT ON COLUMN analysis.projects.project_name IS '项目名称（如印刷）';
COMMENT ON COLUMN analysis.projects.name_key IS '（派生）项目名称键（规范化名称，跨年度跟踪同一项目）';
COMMENT ON COLUMN analysis.projects.project_nos IS '（派生）本报告中的项目编号（budget.project）';
COMMENT ON COLUMN analysis.projects.amount IS '项目金额（万元）';
COMMENT ON COLUMN analysis.projects.amount_tables IS '（派生）金额所取的表号（项目支出表优先，其次绩效项目表、项目绩效目标表、转移支付表）';
COMMENT ON COLUMN analysis.projects.previous_amount IS '（派生）上年同一项目金额（万元；上年无此项目为空）';
COMMENT ON COLUMN analysis.projects.first_year IS '（派生）已载入报告中该项目最早出现的年度';
COMMENT ON COLUMN analysis.projects.years_loaded IS '（派生）已载入报告中该项目出现的年度数';
