-- Jiangsu 收支预算总表, row for row as printed: 收入 | 功能分类 | 支出用途 side by side.
-- A total the print spans over two sides (当年支出小计 … 金额) keeps its label on the function side
-- and its amount on the use side, where the report prints them.
CREATE OR REPLACE VIEW jiangsu.t01_budget_summary AS
SELECT r.department, r.fiscal_year, r.report_id, l.row_no,
       max(l.label) FILTER (WHERE l.side = 'income') AS income_label,
       max(l.amount) FILTER (WHERE l.side = 'income') AS income_amount,
       max(l.label) FILTER (WHERE l.side = 'function') AS function_label,
       max(l.amount) FILTER (WHERE l.side = 'function') AS function_amount,
       max(l.label) FILTER (WHERE l.side = 'use') AS use_label,
       max(l.amount) FILTER (WHERE l.side = 'use') AS use_amount,
       r.report_key
FROM appendix.reports r
JOIN appendix.report_tables k ON k.report_id = r.report_id AND k.kind = 'three_sided_summary'
JOIN budget.two_sided_summary_line l ON l.report_id = r.report_id AND l.table_no = k.table_no
WHERE r.template = 'jiangsu_budget'
GROUP BY r.department, r.fiscal_year, r.report_id, l.row_no, r.report_key;

COMMENT ON VIEW jiangsu.t01_budget_summary IS '公开01表 收支预算总表（江苏）';
COMMENT ON COLUMN jiangsu.t01_budget_summary.income_label IS '收入 项目名称';
COMMENT ON COLUMN jiangsu.t01_budget_summary.income_amount IS '收入 金额';
COMMENT ON COLUMN jiangsu.t01_budget_summary.function_label IS '支出 功能分类 功能科目名称';
COMMENT ON COLUMN jiangsu.t01_budget_summary.function_amount IS '支出 功能分类 金额';
COMMENT ON COLUMN jiangsu.t01_budget_summary.use_label IS '支出 支出用途 项目名称';
COMMENT ON COLUMN jiangsu.t01_budget_summary.use_amount IS '支出 支出用途 金额';
