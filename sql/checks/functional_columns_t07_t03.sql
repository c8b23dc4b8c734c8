-- 表7's unit row = 表3's first row (the department's) in 支出总计, 基本支出 and 项目支出.
SELECT format('表7 %s / 表3 %s', v.header, v.header) AS place,
       coalesce(v.amount, 0) AS left_value,
       e.amount AS right_value,
       1 AS terms,
       f.source_line,
       format('%s printed in 表7 and in 表3', v.header) AS message
FROM budget.functional_expenditure f
CROSS JOIN LATERAL (VALUES (1, '支出总计', f.total), (2, '基本支出', f.basic_expenditure),
                           (3, '项目支出', f.project_expenditure)) AS v (column_no, header, amount)
JOIN appendix.table_totals e ON e.report_id = %(report_id)s AND e.kind = 'expenditure_by_unit' AND e.header = v.header
WHERE f.report_id = %(report_id)s AND f.table_no = '7' AND f.row_no = 1 AND f.functional_code IS NULL
  AND coalesce(v.amount, 0) <> e.amount
ORDER BY v.column_no;
