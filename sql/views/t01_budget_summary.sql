-- 表1 收支预算总表: income and expenditure side by side, as printed.
CREATE VIEW appendix.t01_budget_summary AS
SELECT r.department, r.fiscal_year, r.report_id, rows.row_no,
       income.label AS income_item,
       income.amount AS income_amount,
       expenditure.label AS expenditure_item,
       expenditure.amount AS expenditure_amount
FROM appendix.reports r
JOIN (SELECT DISTINCT report_id, row_no FROM budget.two_sided_summary_line WHERE table_no = 1) rows
  ON rows.report_id = r.report_id
LEFT JOIN budget.two_sided_summary_line income
  ON income.report_id = rows.report_id AND income.table_no = 1 AND income.row_no = rows.row_no
 AND income.side = 'income'
LEFT JOIN budget.two_sided_summary_line expenditure
  ON expenditure.report_id = rows.report_id AND expenditure.table_no = 1 AND expenditure.row_no = rows.row_no
 AND expenditure.side = 'expenditure';

COMMENT ON VIEW appendix.t01_budget_summary IS '表1 收支预算总表';
COMMENT ON COLUMN appendix.t01_budget_summary.department IS '单位名称';
COMMENT ON COLUMN appendix.t01_budget_summary.fiscal_year IS '预算年度';
COMMENT ON COLUMN appendix.t01_budget_summary.row_no IS '行号（印刷顺序）';
COMMENT ON COLUMN appendix.t01_budget_summary.income_item IS '收入 项目';
COMMENT ON COLUMN appendix.t01_budget_summary.income_amount IS '收入 预算数';
COMMENT ON COLUMN appendix.t01_budget_summary.expenditure_item IS '支出 项目';
COMMENT ON COLUMN appendix.t01_budget_summary.expenditure_amount IS '支出 预算数';
