-- The department × year matrix of totals, one row per report (a cell of the matrix; pivot on
-- fiscal_year: `budget-db export matrix`), in 万元: expenditure (合计 row of the expenditure-by-unit
-- table, or the sum of its units), its basic and project parts, income, the functional tables'
-- 类 summed over all funds, 三公, and the change of expenditure on the previous year of the series.
CREATE OR REPLACE VIEW analysis.department_year_totals AS
WITH unit_total AS (
    SELECT t.report_id,
           sum(u.amount * t.wan_yuan) FILTER (WHERE t.table_kind = 'expenditure_by_unit' AND u.column_no = 1)
               AS expenditure_total,
           sum(u.amount * t.wan_yuan) FILTER (WHERE t.table_kind = 'expenditure_by_unit' AND u.column_no = 2)
               AS basic_expenditure,
           sum(u.amount * t.wan_yuan) FILTER (WHERE t.table_kind = 'expenditure_by_unit' AND u.column_no = 3)
               AS project_expenditure,
           sum(u.amount * t.wan_yuan) FILTER (WHERE t.table_kind = 'income_by_unit' AND u.column_no = 0)
               AS income_total
    FROM analysis.report_tables t
    JOIN appendix.department_unit_totals u ON u.report_id = t.report_id AND u.table_no = t.table_no
    GROUP BY t.report_id
), functional_by_fund AS (
    -- the 类 of each functional table; a table of all funds (全部资金) or of all fiscal money
    -- (财政拨款) holds what the one-budget tables split: the widest one a report prints is taken
    SELECT report_id, sum(total) AS total,
           CASE fund WHEN '全部资金' THEN 1 WHEN '财政拨款' THEN 2 ELSE 3 END AS breadth
    FROM analysis.functional_expenditure WHERE level = '类'
    GROUP BY report_id, fund
), functional AS (
    SELECT DISTINCT ON (report_id) report_id, sum(total) OVER (PARTITION BY report_id, breadth) AS functional_total
    FROM functional_by_fund
    ORDER BY report_id, breadth
), cell AS (
    SELECT r.department, r.region, r.fiscal_year, r.stage, r.scope, r.series_key,
           u.expenditure_total, u.basic_expenditure, u.project_expenditure, u.income_total,
           f.functional_total, tp.total AS three_public_total,
           r.report_id, r.template, r.report_key
    FROM analysis.reports r
    LEFT JOIN unit_total u ON u.report_id = r.report_id
    LEFT JOIN functional f ON f.report_id = r.report_id
    LEFT JOIN analysis.three_public tp ON tp.report_id = r.report_id
)
SELECT c.department, c.region, c.fiscal_year, c.stage, c.scope,
       c.expenditure_total,
       c.basic_expenditure,
       c.project_expenditure,
       c.income_total,
       c.functional_total,
       c.three_public_total,
       p.expenditure_total AS previous_expenditure_total,
       c.expenditure_total - p.expenditure_total AS change_amount,
       round(100 * (c.expenditure_total - p.expenditure_total) / nullif(p.expenditure_total, 0), 2)
           AS change_percent,
       c.series_key,
       c.report_id, c.template, c.report_key
FROM cell c
LEFT JOIN cell p ON p.series_key = c.series_key AND p.fiscal_year = c.fiscal_year - 1;

COMMENT ON VIEW analysis.department_year_totals IS '分析：单位 × 年度 总额矩阵（每份报告一格，万元）';
COMMENT ON COLUMN analysis.department_year_totals.expenditure_total IS '支出总计（万元）';
COMMENT ON COLUMN analysis.department_year_totals.basic_expenditure IS '基本支出（万元）';
COMMENT ON COLUMN analysis.department_year_totals.project_expenditure IS '项目支出（万元）';
COMMENT ON COLUMN analysis.department_year_totals.income_total IS '收入总计（万元）';
COMMENT ON COLUMN analysis.department_year_totals.functional_total IS '（派生）功能分类支出合计（万元）：全部资金表，或财政拨款表，或各预算表之和（不重复计算）';
COMMENT ON COLUMN analysis.department_year_totals.three_public_total IS '“三公”经费合计（万元）';
COMMENT ON COLUMN analysis.department_year_totals.previous_expenditure_total IS '（派生）上年支出总计（万元；上年报告未载入为空）';
