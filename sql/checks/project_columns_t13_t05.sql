-- Each 表13 project that names a 表5 project line (the same project_no, matched by equal or
-- normalised names): 合计 = 表5 总计, 一般公共预算拨款 = 表5 一般公共预算拨款 小计, and 其他资金 = the rest
-- of 表5 总计, so that an amount moved between 表13's columns shows.
WITH pair AS (
    SELECT p.table_no, p.row_no, p.project_name, p.source_line, e.table_no AS line_table, e.item_name,
           coalesce(p.total, 0) AS total, coalesce(p.general_public_budget, 0) AS general_public,
           coalesce(p.other_funds, 0) AS other, coalesce(e.total, 0) AS line_total,
           coalesce(f.amount, 0) AS line_general_public
    FROM budget.performance_project p
    JOIN budget.project_expenditure_item e
      ON e.report_id = %(report_id)s AND e.project_no = p.project_no AND e.row_kind = 'project'
    LEFT JOIN budget.funding_amount f
      ON f.report_id = %(report_id)s AND f.table_no = e.table_no AND f.row_no = e.row_no AND f.source_code = 'general_public'
    WHERE p.report_id = %(report_id)s AND p.project_match IN ('named', 'exact', 'normalized')
      AND e.project_match IN ('named', 'exact', 'normalized')
)
SELECT format('表%s %s · %s / 表%s %s', p.table_no, p.project_name, v.header, p.line_table, p.item_name) AS place,
       v.left_value, v.right_value, v.terms, p.source_line,
       format('表13 %s vs 表5 %s', v.header, v.line_header) AS message
FROM pair p
CROSS JOIN LATERAL (VALUES
    (1, '合计', '总计', p.total, p.line_total, 1),
    (2, '一般公共预算拨款', '一般公共预算拨款 小计', p.general_public, p.line_general_public, 1),
    (3, '其他资金', '总计 − 一般公共预算拨款 小计', p.other, p.line_total - p.line_general_public, 2)
) AS v (column_no, header, line_header, left_value, right_value, terms)
WHERE v.left_value <> v.right_value
ORDER BY p.row_no, v.column_no;
