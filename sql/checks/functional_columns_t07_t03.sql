-- The unit total of the functional tables (表7, with 表8 and 表9 when they have rows:
-- appendix.functional_lines) = 表3's department total in 支出总计, 基本支出 and 项目支出.
SELECT format('表%s %s / 表3 %s', f.tables, v.header, v.header) AS place,
       v.amount AS left_value,
       e.amount AS right_value,
       f.terms::int AS terms,
       f.source_line,
       format('%s printed in 表%s and in 表3', v.header, f.tables) AS message
FROM appendix.functional_lines f
CROSS JOIN LATERAL (VALUES (1, '支出总计', f.total), (2, '基本支出', f.basic_expenditure),
                           (3, '项目支出', f.project_expenditure)) AS v (column_no, header, amount)
JOIN appendix.table_totals e ON e.report_id = %(report_id)s AND e.kind = 'expenditure_by_unit' AND e.header = v.header
WHERE f.report_id = %(report_id)s AND f.functional_code IS NULL
  AND v.amount <> e.amount
ORDER BY v.column_no;
