-- 表13: on every project row, 合计 = 一般公共预算拨款 + 其他资金.
SELECT format('表%s %s · 合计', table_no, project_name) AS place,
       coalesce(total, 0) AS left_value,
       coalesce(general_public_budget, 0) + coalesce(other_funds, 0) AS right_value,
       2 AS terms,
       source_line,
       '合计 vs 一般公共预算拨款 + 其他资金' AS message
FROM budget.performance_project
WHERE report_id = %(report_id)s
  AND coalesce(total, 0) <> coalesce(general_public_budget, 0) + coalesce(other_funds, 0)
ORDER BY table_no, row_no;
