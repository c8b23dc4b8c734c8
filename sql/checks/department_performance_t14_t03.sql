-- 表14's 部门总体资金情况 = 表3's first row (the department's): 资金总额 = 支出总计,
-- 基本支出 = 基本支出, 项目支出 = 项目支出.
WITH amount AS NOT MATERIALIZED (
    SELECT report_id, regexp_replace(coalesce(label, ''), '\s', '', 'g') AS key, coalesce(amount, 0) AS amount,
           source_line
    FROM budget.department_performance_row
    WHERE row_kind = 'amount'
),
pair AS (
    SELECT a.report_id, v.item_no, a.key, v.header, a.amount AS left_value, coalesce(v.amount, 0) AS right_value,
           a.source_line
    FROM amount a
    JOIN budget.expenditure_budget e ON e.report_id = a.report_id AND e.row_no = 1
    CROSS JOIN LATERAL (VALUES (1, '资金总额', '支出总计', e.expenditure_total),
                               (2, '基本支出', '基本支出', e.basic_expenditure),
                               (3, '项目支出', '项目支出', e.project_expenditure)) AS v (item_no, key, header, amount)
    WHERE a.key = v.key
)
SELECT report_id,
       format('表14 %s / 表3 %s', key, header) AS place,
       left_value,
       right_value,
       left_value - right_value AS difference,
       1 AS terms,
       source_line,
       format('表14 %s vs 表3 %s', key, header) AS message
FROM pair
WHERE left_value <> right_value
ORDER BY report_id, item_no;
