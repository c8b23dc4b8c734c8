-- The rows of every two-sided summary (收支总表 and its kin, of any template): its income and its
-- expenditure side side by side, row for row as printed, of current versions. The printed-table
-- views select from it.
CREATE OR REPLACE VIEW appendix.two_sided_rows AS
SELECT rows.report_id, rows.table_no, rows.row_no,
       income.label AS income_item,
       income.amount AS income_amount,
       expenditure.label AS expenditure_item,
       expenditure.amount AS expenditure_amount
FROM (SELECT DISTINCT l.report_id, l.table_no, l.row_no
      FROM budget.two_sided_summary_line l
      JOIN budget.report r ON r.id = l.report_id AND r.superseded_at IS NULL) rows  -- current versions only
LEFT JOIN budget.two_sided_summary_line income
  ON income.report_id = rows.report_id AND income.table_no = rows.table_no AND income.row_no = rows.row_no
 AND income.side = 'income'
LEFT JOIN budget.two_sided_summary_line expenditure
  ON expenditure.report_id = rows.report_id AND expenditure.table_no = rows.table_no
 AND expenditure.row_no = rows.row_no AND expenditure.side = 'expenditure';

COMMENT ON VIEW appendix.two_sided_rows IS '收支总表各行：收入、支出两栏并列（按印刷行）';
COMMENT ON COLUMN appendix.two_sided_rows.table_no IS '表号（如印刷）';
COMMENT ON COLUMN appendix.two_sided_rows.income_item IS '收入 项目';
COMMENT ON COLUMN appendix.two_sided_rows.income_amount IS '收入 金额';
COMMENT ON COLUMN appendix.two_sided_rows.expenditure_item IS '支出 项目';
COMMENT ON COLUMN appendix.two_sided_rows.expenditure_amount IS '支出 金额';
