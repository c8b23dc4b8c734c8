-- Jiangsu 支出预算总表 (one row).
CREATE OR REPLACE VIEW jiangsu.t03_expenditure_summary AS
SELECT r.department, r.fiscal_year, r.report_id, 1 AS row_no,
       max(l.amount) FILTER (WHERE l.row_no = 1) AS total,
       max(l.amount) FILTER (WHERE l.row_no = 2) AS basic_expenditure,
       max(l.amount) FILTER (WHERE l.row_no = 3) AS project_expenditure,
       max(l.amount) FILTER (WHERE l.row_no = 4) AS reserve_fund,
       max(l.amount) FILTER (WHERE l.row_no = 5) AS carried_forward,
       r.report_key
FROM appendix.reports r
JOIN appendix.report_tables k ON k.report_id = r.report_id AND k.kind = 'expenditure_summary'
JOIN budget.two_sided_summary_line l ON l.report_id = r.report_id AND l.table_no = k.table_no
WHERE r.template = 'jiangsu_budget'
GROUP BY r.department, r.fiscal_year, r.report_id, r.report_key;

COMMENT ON VIEW jiangsu.t03_expenditure_summary IS '公开03表 支出预算总表（江苏）';
COMMENT ON COLUMN jiangsu.t03_expenditure_summary.total IS '合计';
COMMENT ON COLUMN jiangsu.t03_expenditure_summary.basic_expenditure IS '基本支出';
COMMENT ON COLUMN jiangsu.t03_expenditure_summary.project_expenditure IS '项目支出';
COMMENT ON COLUMN jiangsu.t03_expenditure_summary.reserve_fund IS '单位预留机动经费';
COMMENT ON COLUMN jiangsu.t03_expenditure_summary.carried_forward IS '结转下年资金';
