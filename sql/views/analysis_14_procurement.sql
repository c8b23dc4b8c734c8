-- Government procurement by category (采购品目), per report, in 万元.
CREATE OR REPLACE VIEW analysis.procurement_by_category AS
SELECT t.department, t.region, t.fiscal_year, t.stage, t.scope,
       coalesce(p.procurement_category, '（未列品目）') AS procurement_category,
       count(*) AS lines,
       count(DISTINCT p.project_no) AS projects,
       sum(p.actual_amount * t.wan_yuan) AS actual_amount,
       sum(p.annual_amount * t.wan_yuan) AS annual_amount,
       round(100 * sum(p.actual_amount * t.wan_yuan)
             / nullif(sum(sum(p.actual_amount * t.wan_yuan)) OVER (PARTITION BY t.report_id), 0), 2)
           AS share_percent,
       t.report_id, t.template, t.report_key
FROM analysis.report_tables t
JOIN budget.procurement_item p ON p.report_id = t.report_id AND p.table_no = t.table_no
WHERE t.table_kind = 'procurement'
GROUP BY t.department, t.region, t.fiscal_year, t.stage, t.scope, t.report_id, t.template, t.report_key,
         coalesce(p.procurement_category, '（未列品目）');

COMMENT ON VIEW analysis.procurement_by_category IS '分析：政府采购按采购品目（万元）';
COMMENT ON COLUMN analysis.procurement_by_category.procurement_category IS '采购品目（如印刷）';
COMMENT ON COLUMN analysis.procurement_by_category.lines IS '（派生）采购行数';
COMMENT ON COLUMN analysis.procurement_by_category.projects IS '（派生）涉及项目数';
COMMENT ON COLUMN analysis.procurement_by_category.actual_amount IS '实际指标（万元）';
COMMENT ON COLUMN analysis.procurement_by_category.annual_amount IS '一年采购指标（万元）';
COMMENT ON COLUMN analysis.procurement_by_category.share_percent IS '（派生）占本报告实际指标合计的百分比';
