-- 表2 = 表4 + 表5 column by column: the department's 收入总计 and each funding column of 表2 (its
-- 合计, or the sum of its units) = the same column of 表4's unit row + 表5's unit row. A column
-- printed on one side only counts as 0 on the other; a funding column off by 收入总计's own
-- difference carries that difference through: reported once.
WITH unit_row AS NOT MATERIALIZED (
    SELECT table_no, row_no, total FROM budget.basic_expenditure_item
    WHERE report_id = %(report_id)s AND row_kind = 'unit' AND row_no = 1
    UNION ALL
    SELECT table_no, row_no, total FROM budget.project_expenditure_item
    WHERE report_id = %(report_id)s AND row_kind = 'unit' AND row_no = 1
),
spent AS (
    SELECT ''::text AS source_code, sum(coalesce(total, 0)) AS amount, count(*) AS terms FROM unit_row
    UNION ALL
    SELECT f.source_code, sum(f.amount), count(*)
    FROM unit_row u
    JOIN budget.funding_amount f ON f.report_id = %(report_id)s AND f.table_no = u.table_no AND f.row_no = u.row_no
    GROUP BY f.source_code
),
income AS (
    SELECT coalesce(d.source_code, '') AS source_code, d.amount, d.terms, d.source_line
    FROM appendix.department_unit_totals d
    JOIN budget.report_table t ON t.report_id = d.report_id AND t.table_no = d.table_no AND t.kind = 'income_by_unit'
    WHERE d.report_id = %(report_id)s AND (d.source_code IS NOT NULL OR d.header = '收入总计')
),
pair AS (
    SELECT coalesce(i.source_code, s.source_code) AS source_code, coalesce(i.amount, 0) AS left_value,
           coalesce(s.amount, 0) AS right_value, coalesce(i.terms, 0) + coalesce(s.terms, 0) AS terms, i.source_line
    FROM income i
    FULL JOIN spent s ON s.source_code = i.source_code
),
gap AS (
    SELECT p.*, p.left_value - p.right_value AS difference,
           first_value(p.left_value - p.right_value) OVER (ORDER BY p.source_code = '' DESC) AS total_difference
    FROM pair p
)
SELECT format('表2 %s / 表4 + 表5', coalesce(c.name, '收入总计')) AS place, g.left_value, g.right_value, g.terms,
       g.source_line, 'a funding column of 表2 vs the same column of 表4 + 表5' AS message
FROM gap g
LEFT JOIN budget.funding_source c ON c.code = g.source_code
WHERE g.difference <> 0 AND (g.source_code = '' OR g.difference IS DISTINCT FROM g.total_difference)
ORDER BY c.ordinal NULLS FIRST;
