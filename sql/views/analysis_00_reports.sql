-- Schema analysis: the questions analysts ask, over every template loaded (the common model of
-- schema budget, never one template's table numbers). This view is every current report with its
-- stage and the series it belongs to: the same region, department, stage and scope year after year,
-- which is how every "previous year" below is found.
CREATE OR REPLACE VIEW analysis.reports AS
SELECT d.name AS department,
       d.region,
       r.fiscal_year,
       s.stage,
       r.kind,
       r.scope,
       r.title,
       concat_ws('|', d.region, d.name, s.stage, coalesce(r.scope, '')) AS series_key,
       r.id AS report_id,
       r.template,
       r.report_key
FROM budget.report r
JOIN budget.department d ON d.id = r.department_id
CROSS JOIN LATERAL (SELECT CASE WHEN r.kind LIKE '%决算' THEN '决算' ELSE '预算' END AS stage) s
WHERE r.superseded_at IS NULL;

COMMENT ON VIEW analysis.reports IS '分析：已载入的报告（仅当前版本），含阶段（预算 / 决算）与逐年序列';
COMMENT ON COLUMN analysis.reports.kind IS '报告类型（部门预算 / 单位预算 / 部门决算）';
COMMENT ON COLUMN analysis.reports.title IS '报告标题（如印刷）';
