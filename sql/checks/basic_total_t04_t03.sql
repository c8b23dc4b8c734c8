-- 表4's unit total = 表3 基本支出 (both on the department's first row).
SELECT '表4 总计 / 表3 基本支出' AS place,
       coalesce(b.total, 0) AS left_value,
       coalesce(e.basic_expenditure, 0) AS right_value,
       1 AS terms,
       b.source_line,
       '基本支出 printed in 表4 and in 表3' AS message
FROM budget.basic_expenditure_item b
JOIN budget.expenditure_budget e ON e.report_id = %(report_id)s AND e.row_no = 1
WHERE b.report_id = %(report_id)s AND b.row_kind = 'unit' AND b.row_no = 1
  AND coalesce(b.total, 0) <> coalesce(e.basic_expenditure, 0);
