-- 表14's 部门总体资金情况 = 表3's department total: 资金总额 = 支出总计,
-- 基本支出 = 基本支出, 项目支出 = 项目支出.
WITH pair AS (
    SELECT v.item_no, v.key, v.header, coalesce(a.amount, 0) AS left_value, e.amount AS right_value, a.source_line
    FROM budget.department_performance_row a
    JOIN (VALUES (1, '资金总额', '支出总计'), (2, '基本支出', '基本支出'), (3, '项目支出', '项目支出'))
        AS v (item_no, key, header) ON v.key = regexp_replace(coalesce(a.label, ''), '\s', '', 'g')
    JOIN appendix.table_totals e ON e.report_id = %(report_id)s AND e.kind = 'expenditure_by_unit' AND e.header = v.header
    WHERE a.report_id = %(report_id)s AND a.row_kind = 'amount'
)
SELECT format('表14 %s / 表3 %s', key, header) AS place,
       left_value,
       right_value,
       1 AS terms,
       source_line,
       format('表14 %s vs 表3 %s', key, header) AS message
FROM pair
WHERE left_value <> right_value
ORDER BY item_no;
