-- 表7, 表8, 表9: on every row, 支出总计 = 基本支出 + 项目支出 (an empty cell counts as 0).
SELECT format('表%s %s', table_no, coalesce(functional_code || ' ' || functional_name, budget_unit)) AS place,
       coalesce(total, 0) AS left_value,
       coalesce(basic_expenditure, 0) + coalesce(project_expenditure, 0) AS right_value,
       2 AS terms,
       source_line,
       '支出总计 vs 基本支出 + 项目支出' AS message
FROM budget.functional_expenditure
WHERE report_id = %(report_id)s
  AND coalesce(total, 0) <> coalesce(basic_expenditure, 0) + coalesce(project_expenditure, 0)
ORDER BY table_no, row_no;
