-- The department's total of 表2 and 表3 in each column: its 合计 row where one is printed, else the
-- sum of its 预算单位 rows (one unit: that row). `units_sum` and `units` compare a 合计 with its units.
CREATE OR REPLACE VIEW appendix.department_unit_totals AS
WITH consolidated AS NOT MATERIALIZED (  -- tables that print a 合计 row
    SELECT report_id, table_no, bool_or(is_total) AS has_total_row
    FROM appendix.unit_row_amounts
    GROUP BY report_id, table_no
)
SELECT a.report_id, a.table_no, a.column_no, a.header, a.source_code, c.has_total_row,
       CASE WHEN c.has_total_row THEN sum(a.amount) FILTER (WHERE a.is_total) ELSE sum(a.amount) END AS amount,
       CASE WHEN c.has_total_row THEN count(*) FILTER (WHERE a.is_total) ELSE count(*) END AS terms,
       sum(a.amount) FILTER (WHERE NOT a.is_total) AS units_sum,
       count(*) FILTER (WHERE NOT a.is_total) AS units,
       coalesce(min(a.source_line) FILTER (WHERE a.is_total), min(a.source_line)) AS source_line
FROM appendix.unit_row_amounts a
JOIN consolidated c ON c.report_id = a.report_id AND c.table_no = a.table_no
GROUP BY a.report_id, a.table_no, a.column_no, a.header, a.source_code, c.has_total_row;

COMMENT ON VIEW appendix.department_unit_totals IS '表2、表3 部门合计：印有合计行取合计行，否则为各预算单位之和';
COMMENT ON COLUMN appendix.department_unit_totals.table_no IS '表号';
COMMENT ON COLUMN appendix.department_unit_totals.column_no IS '列序号';
COMMENT ON COLUMN appendix.department_unit_totals.header IS '列名称';
COMMENT ON COLUMN appendix.department_unit_totals.source_code IS '资金来源代码（budget.funding_source；其他列为空）';
COMMENT ON COLUMN appendix.department_unit_totals.has_total_row IS '（派生）是否印有合计行';
COMMENT ON COLUMN appendix.department_unit_totals.amount IS '部门合计金额';
COMMENT ON COLUMN appendix.department_unit_totals.terms IS '（派生）所含印刷金额个数';
COMMENT ON COLUMN appendix.department_unit_totals.units_sum IS '（派生）各预算单位行之和';
COMMENT ON COLUMN appendix.department_unit_totals.units IS '（派生）预算单位行数';
COMMENT ON COLUMN appendix.department_unit_totals.source_line IS '文本文件中的行号（合计行，或第一个单位行）';
