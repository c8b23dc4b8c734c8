-- 表15-N: each project's 资金总额 = 其中：财政拨款 + 其他资金.
SELECT format('表%s %s · 资金总额', table_no, project_name) AS place,
       coalesce(total, 0) AS left_value,
       coalesce(fiscal_appropriation, 0) + coalesce(other_funds, 0) AS right_value,
       2 AS terms,
       source_line,
       '资金总额 vs 财政拨款 + 其他资金' AS message
FROM budget.performance_target_project
WHERE report_id = %(report_id)s
  AND coalesce(total, 0) <> coalesce(fiscal_appropriation, 0) + coalesce(other_funds, 0)
ORDER BY row_no;
