-- Jiangsu 财政拨款收支预算总表, row for row as printed: 收入 | 支出用途.
CREATE OR REPLACE VIEW jiangsu.t04_fiscal_appropriation_summary AS
SELECT s.department, s.fiscal_year, s.report_id, s.row_no,
       s.income_label, s.income_amount, s.use_label, s.use_amount, s.report_key
FROM (
    SELECT r.department, r.fiscal_year, r.report_id, l.row_no, r.report_key,
           max(l.label) FILTER (WHERE l.side = 'income') AS income_label,
           max(l.amount) FILTER (WHERE l.side = 'income') AS income_amount,
           max(l.label) FILTER (WHERE l.side = 'use') AS use_label,
           max(l.amount) FILTER (WHERE l.side = 'use') AS use_amount
    FROM appendix.reports r
    JOIN appendix.report_tables k ON k.report_id = r.report_id AND k.kind = 'two_sided_summary'
    JOIN budget.two_sided_summary_line l ON l.report_id = r.report_id AND l.table_no = k.table_no
    WHERE r.template = 'jiangsu_budget'
    GROUP BY 1, 2, 3, 4, 5
) s;

COMMENT ON VIEW jiangsu.t04_fiscal_appropriation_summary IS '公开04表 财政拨款收支预算总表（江苏）';
COMMENT ON COLUMN jiangsu.t04_fiscal_appropriation_summary.income_label IS '收入 项目名称';
COMMENT ON COLUMN jiangsu.t04_fiscal_appropriation_summary.income_amount IS '收入 金额';
COMMENT ON COLUMN jiangsu.t04_fiscal_appropriation_summary.use_label IS '支出 支出用途 项目名称';
COMMENT ON COLUMN jiangsu.t04_fiscal_appropriation_summary.use_amount IS '支出 支出用途 金额';
