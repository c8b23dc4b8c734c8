-- 表13: on every project row, 合计 = 一般公共预算拨款 + 其他资金.
SELECT report_id,
       format('表13 %s · 合计', project_name) AS place,
       coalesce(total, 0) AS left_value,
       coalesce(general_public_budget, 0) + coalesce(other_funds, 0) AS right_value,
       coalesce(total, 0) - (coalesce(general_public_budget, 0) + coalesce(other_funds, 0)) AS difference,
       2 AS terms,
       source_line,
       '合计 vs 一般公共预算拨款 + 其他资金' AS message
FROM budget.performance_project
WHERE coalesce(total, 0) <> coalesce(general_public_budget, 0) + coalesce(other_funds, 0)
ORDER BY report_id, row_no;
