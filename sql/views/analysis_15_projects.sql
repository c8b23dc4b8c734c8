-- Projects across years: one row per report and project (budget.project; projects of one
-- normalised name, name_key, are one), its amount in 万元 from the first table of its report that
-- prints one — project expenditure, the performance project list, the project's performance
-- table, the transfer payments — and the change on the same name_key in the previous report of
-- the series.
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
), project AS (
    SELECT r.department, r.region, r.fiscal_year, r.stage, r.scope, r.series_key, p.name_key,
           min(p.name) AS project_name,
           array_agg(p.project_no ORDER BY p.project_no) AS project_nos,
           sum(a.amount) AS amount,
           string_agg(DISTINCT a.table_no, '、') AS amount_tables,
           r.report_id, r.template, r.report_key
    FROM analysis.reports r
    JOIN budget.project p ON p.report_id = r.report_id
    LEFT JOIN LATERAL (SELECT * FROM per_table w WHERE w.report_id = p.report_id AND w.project_no = p.project_no
                       ORDER BY w.priority LIMIT 1) a ON true
    GROUP BY r.department, r.region, r.fiscal_year, r.stage, r.scope, r.series_key, p.name_key,
             r.report_id, r.template, r.report_key
)
SELECT c.department, c.region, c.fiscal_year, c.stage, c.scope,
       c.project_name,
       c.name_key,
       c.project_nos,
       c.amount,
       c.amount_tables,
       p.amount AS previous_amount,
       c.amount - p.amount AS change_amount,
       round(100 * (c.amount - p.amount) / nullif(p.amount, 0), 2) AS change_percent,
       min(c.fiscal_year) OVER (PARTITION BY c.series_key, c.name_key) AS first_year,
       count(*) OVER (PARTITION BY c.series_key, c.name_key) AS years_loaded,
       c.series_key,
       c.report_id, c.template, c.report_key
FROM project c
LEFT JOIN project p ON p.series_key = c.series_key AND p.fiscal_year = c.fiscal_year - 1 AND p.name_key = c.name_key;

COMMENT ON VIEW analysis.projects IS '分析：项目逐年对比（同一项目名称键，万元）';
COMMENT ON COLUMN analysis.projects.project_name IS '项目名称（如印刷）';
COMMENT ON COLUMN analysis.projects.name_key IS '（派生）项目名称键（规范化名称，跨年度跟踪同一项目）';
COMMENT ON COLUMN analysis.projects.project_nos IS '（派生）本报告中的项目编号（budget.project）';
COMMENT ON COLUMN analysis.projects.amount IS '项目金额（万元）';
COMMENT ON COLUMN analysis.projects.amount_tables IS '（派生）金额所取的表号（项目支出表优先，其次绩效项目表、项目绩效目标表、转移支付表）';
COMMENT ON COLUMN analysis.projects.previous_amount IS '（派生）上年同一项目金额（万元；上年无此项目为空）';
COMMENT ON COLUMN analysis.projects.first_year IS '（派生）已载入报告中该项目最早出现的年度';
COMMENT ON COLUMN analysis.projects.years_loaded IS '（派生）已载入报告中该项目出现的年度数';
