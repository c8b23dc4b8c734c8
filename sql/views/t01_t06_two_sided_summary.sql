-- 表1 收支预算总表 and 表6 财政拨款收支预算总表: income and expenditure side by side, as printed; one shape.
-- @view t01_budget_summary table_no=1 title=表1 收支预算总表
-- @view t06_fiscal_appropriation_summary table_no=6 title=表6 财政拨款收支预算总表
CREATE OR REPLACE VIEW {view} AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.income_item,
       t.income_amount,
       t.expenditure_item,
       t.expenditure_amount,
       r.report_key
FROM appendix.reports r
JOIN appendix.two_sided_rows t ON t.report_id = r.report_id AND t.table_no = {table_no}
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW {view} IS {title};
COMMENT ON COLUMN {view}.income_item IS '收入 项目';
COMMENT ON COLUMN {view}.income_amount IS '收入 预算数';
COMMENT ON COLUMN {view}.expenditure_item IS '支出 项目';
COMMENT ON COLUMN {view}.expenditure_amount IS '支出 预算数';
