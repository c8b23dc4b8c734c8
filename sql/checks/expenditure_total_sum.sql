-- 表3: on every row, 支出总计 = 基本支出 + 项目支出 (an empty cell counts as 0).
SELECT format('表%s %s · 支出总计', table_no, budget_unit) AS place,
       coalesce(expenditure_total, 0) AS left_value,
       coalesce(basic_expenditure, 0) + coalesce(project_expenditure, 0) AS right_value,
       2 AS terms,
       source_line,
       '支出总计 vs 基本支出 + 项目支出' AS message
FROM budget.expenditure_budget
WHERE report_id = %(report_id)s
  AND coalesce(expenditure_total, 0) <> coalesce(basic_expenditure, 0) + coalesce(project_expenditure, 0)
ORDER BY table_no, row_no;
