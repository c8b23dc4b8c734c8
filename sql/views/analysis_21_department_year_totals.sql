-- The department × year matrix of totals, one row per report (a cell of the matrix; pivot on
-- fiscal_year: `budget-db export matrix`), in 万元: expenditure (合计 row of the expenditure-by-unit
-- table, or the sum of its units), its basic and project parts, income, the functional tables'
-- 类 summed over all funds, 三公, and the change of expenditure on the previous year of the series.
-- The totals are those the load stored (budget.report_total, = analysis.report_totals_live); the
-- previous year's through report_series, so that a query of one report reads its series only.
CREATE OR REPLACE VIEW analysis.department_year_totals AS
SELECT r.department, r.region, r.fiscal_year, r.stage, r.scope,
       u.expenditure_total,
       u.basic_expenditure,
       u.project_expenditure,
       u.income_total,
       u.functional_total,
       u.three_public_total,
       p.expenditure_total AS previous_expenditure_total,
       u.expenditure_total - p.expenditure_total AS change_amount,
       round(100 * (u.expenditure_total - p.expenditure_total) / nullif(p.expenditure_total, 0), 2)
           AS change_percent,
       r.series_key,
       r.report_id, r.template, r.report_key
FROM analysis.reports r
JOIN budget.report_total u ON u.report_id = r.report_id
LEFT JOIN LATERAL (
    SELECT t.expenditure_total
    FROM analysis.report_series s
    JOIN budget.report_total t ON t.report_id = s.member_report_id
    WHERE s.report_id = r.report_id AND s.member_fiscal_year = r.fiscal_year - 1
) p ON true;

COMMENT ON VIEW analysis.department_year_totals IS '分析：单位 × 年度 总额矩阵（每份报告一格，万元）';
COMMENT ON COLUMN analysis.department_year_totals.expenditure_total IS '支出总计（万元）';
COMMENT ON COLUMN analysis.department_year_totals.basic_expenditure IS '基本支出（万元）';
COMMENT ON COLUMN analysis.department_year_totals.project_expenditure IS '项目支出（万元）';
COMMENT ON COLUMN analysis.department_year_totals.income_total IS '收入总计（万元）';
COMMENT ON COLUMN analysis.department_year_totals.functional_total IS '（派生）功能分类支出合计（万元）：全部资金表，或财政拨款表，或各预算表之和（不重复计算）';
COMMENT ON COLUMN analysis.department_year_totals.three_public_total IS '“三公”经费合计（万元）';
COMMENT ON COLUMN analysis.department_year_totals.previous_expenditure_total IS '（派生）上年支出总计（万元；上年报告未载入为空）';
