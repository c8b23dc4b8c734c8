-- Jiangsu 收入预算总表 (a group label beside each sub-label, as printed)
CREATE OR REPLACE VIEW jiangsu.t02_income_summary AS
SELECT r.department, r.fiscal_year, r.report_id, l.row_no, l.label_group, l.label, l.amount, r.report_key
FROM appendix.reports r
JOIN appendix.report_tables k ON k.report_id = r.report_id AND k.kind = 'income_summary'
JOIN budget.two_sided_summary_line l ON l.report_id = r.report_id AND l.table_no = k.table_no
WHERE r.template = 'jiangsu_budget';

COMMENT ON VIEW jiangsu.t02_income_summary IS '公开02表 收入预算总表（江苏）';
COMMENT ON COLUMN jiangsu.t02_income_summary.label_group IS '项目名称';
COMMENT ON COLUMN jiangsu.t02_income_summary.label IS '项目名称（细项）';
COMMENT ON COLUMN jiangsu.t02_income_summary.amount IS '金额';
