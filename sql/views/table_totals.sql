-- The totals each printed table states, one row per table and total: the department's total of
-- 表2 and 表3 (their 合计 row, or the sum of their units: appendix.department_unit_totals), the
-- unit row of 表4 and 表5, and the sums of the lists 表11 and 表13, which print no total row.
-- The rules that compare totals across tables read it.
CREATE OR REPLACE VIEW appendix.table_totals AS
WITH total AS NOT MATERIALIZED (
    SELECT report_id, table_no, greatest(column_no, 1) AS total_no, header, amount, terms, source_line
    FROM appendix.department_unit_totals
    WHERE header IN ('收入总计', '支出总计', '基本支出', '项目支出', '政府采购项目')
    UNION ALL
    SELECT report_id, table_no, 1, '总计', total, 1, source_line
    FROM budget.basic_expenditure_item
    WHERE row_kind = 'unit' AND row_no = 1
    UNION ALL
    SELECT report_id, table_no, 1, '总计', total, 1, source_line
    FROM budget.project_expenditure_item
    WHERE row_kind = 'unit' AND row_no = 1
    UNION ALL
    SELECT p.report_id, p.table_no, v.total_no, v.header, v.amount, p.lines, p.source_line
    FROM (SELECT report_id, table_no, sum(coalesce(actual_amount, 0)) AS actual, sum(coalesce(annual_amount, 0)) AS annual,
                 count(*) AS lines, min(source_line) AS source_line
          FROM budget.procurement_item
          GROUP BY report_id, table_no) p
    CROSS JOIN LATERAL (VALUES (1, '实际指标', p.actual), (2, '一年采购指标', p.annual)) AS v (total_no, header, amount)
    UNION ALL
    SELECT report_id, table_no, 1, '合计', sum(coalesce(total, 0)), count(*), min(source_line)
    FROM budget.performance_project
    GROUP BY report_id, table_no
)
SELECT k.fiscal_year, t.report_id, t.table_no, k.kind, t.total_no, t.header, coalesce(t.amount, 0) AS amount,
       t.terms, t.source_line, k.report_key
FROM total t
JOIN appendix.report_tables k ON k.report_id = t.report_id AND k.table_no = t.table_no;

COMMENT ON VIEW appendix.table_totals IS '各表合计：表2、表3 部门合计，表4、表5 单位合计，表11、表13 各行之和';
COMMENT ON COLUMN appendix.table_totals.fiscal_year IS '预算年度';
COMMENT ON COLUMN appendix.table_totals.table_no IS '表号';
COMMENT ON COLUMN appendix.table_totals.kind IS '表的种类（budget.table_kind）';
COMMENT ON COLUMN appendix.table_totals.total_no IS '合计序号（表内）';
COMMENT ON COLUMN appendix.table_totals.header IS '合计的列名称';
COMMENT ON COLUMN appendix.table_totals.amount IS '金额（空格按 0）';
COMMENT ON COLUMN appendix.table_totals.terms IS '（派生）所含印刷金额个数（表11、表13 为行数）';
COMMENT ON COLUMN appendix.table_totals.source_line IS '文本文件中的行号（表11、表13 为第一行）';
COMMENT ON COLUMN appendix.table_totals.report_key IS '（派生）报告标识（各版本不变）';
