-- 表5's unit total = 表3 项目支出 (both on the department's first row).
SELECT '表5 总计 / 表3 项目支出' AS place,
       coalesce(p.total, 0) AS left_value,
       coalesce(e.project_expenditure, 0) AS right_value,
       1 AS terms,
       p.source_line,
       '项目支出 printed in 表5 and in 表3' AS message
FROM budget.project_expenditure_item p
JOIN budget.expenditure_budget e ON e.report_id = %(report_id)s AND e.row_no = 1
WHERE p.report_id = %(report_id)s AND p.row_kind = 'unit' AND p.row_no = 1
  AND coalesce(p.total, 0) <> coalesce(e.project_expenditure, 0);
