-- 表14: 部门总体资金情况 资金总额 = 基本支出 + 项目支出 + 其他 (labels as printed, without spaces).
WITH amount AS NOT MATERIALIZED (
    SELECT table_no, regexp_replace(coalesce(label, ''), '\s', '', 'g') AS key, coalesce(amount, 0) AS amount,
           source_line
    FROM budget.department_performance_row
    WHERE report_id = %(report_id)s AND row_kind = 'amount'
)
SELECT format('表%s 资金总额', t.table_no) AS place,
       t.amount AS left_value,
       coalesce(p.parts_sum, 0) AS right_value,
       greatest(p.parts, 1) AS terms,
       t.source_line,
       '资金总额 vs 基本支出 + 项目支出 + 其他' AS message
FROM amount t
LEFT JOIN LATERAL (
    SELECT sum(amount) AS parts_sum, count(*) AS parts
    FROM amount
    WHERE table_no = t.table_no AND key IN ('基本支出', '项目支出', '其他')
) p ON true
WHERE t.key = '资金总额' AND t.amount <> coalesce(p.parts_sum, 0)
ORDER BY t.table_no;
