-- 表14: 部门总体资金情况 资金总额 = 基本支出 + 项目支出 + 其他 (labels as printed, without spaces).
WITH amount AS NOT MATERIALIZED (
    SELECT report_id, regexp_replace(coalesce(label, ''), '\s', '', 'g') AS key, coalesce(amount, 0) AS amount,
           source_line
    FROM budget.department_performance_row
    WHERE row_kind = 'amount'
),
parts AS NOT MATERIALIZED (
    SELECT report_id, sum(amount) AS parts_sum, count(*) AS parts
    FROM amount
    WHERE key IN ('基本支出', '项目支出', '其他')
    GROUP BY report_id
)
SELECT t.report_id,
       '表14 资金总额' AS place,
       t.amount AS left_value,
       coalesce(p.parts_sum, 0) AS right_value,
       t.amount - coalesce(p.parts_sum, 0) AS difference,
       greatest(p.parts, 1) AS terms,
       t.source_line,
       '资金总额 vs 基本支出 + 项目支出 + 其他' AS message
FROM amount t
LEFT JOIN parts p ON p.report_id = t.report_id
WHERE t.key = '资金总额' AND t.amount <> coalesce(p.parts_sum, 0)
ORDER BY t.report_id;
