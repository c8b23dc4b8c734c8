-- 表1 收支预算总表 and 表6 财政拨款收支预算总表: income and expenditure side by side, as printed; one shape.
-- @view t01_budget_summary table_no=1 title=表1 收支预算总表
-- @view t06_fiscal_appropriation_summary table_no=6 title=表6 财政拨款收支预算总表
CREATE OR REPLACE VIEW {view} AS
SELECT r.department, r.fiscal_year, r.report_id, rows.row_no,
       income.label AS income_item,
       income.amount AS income_amount,
       expenditure.label AS expenditure_item,
       expenditure.amount AS expenditure_amount,
       r.report_key
FROM appendix.reports r
JOIN (SELECT DISTINCT report_id, row_no FROM budget.two_sided_summary_line WHERE table_no = {table_no}) rows
  ON rows.report_id = r.report_id
LEFT JOIN budget.two_sided_summary_line income
  ON income.report_id = rows.report_id AND income.table_no = {table_no} AND income.row_no = rows.row_no
 AND income.side = 'income'
LEFT JOIN budget.two_sided_summary_line expenditure
  ON expenditure.report_id = rows.report_id AND expenditure.table_no = {table_no} AND expenditure.row_no = rows.row_no
 AND expenditure.side = 'expenditure'
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW {view} IS {title};
COMMENT ON COLUMN {view}.income_item IS '收入 项目';
COMMENT ON COLUMN {view}.income_amount IS '收入 预算数';
COMMENT ON COLUMN {view}.expenditure_item IS '支出 项目';
COMMENT ON COLUMN {view}.expenditure_amount IS '支出 预算数';
