-- 表1, 表2, 表3 agree on the totals: 表1 收入总计 = 表2 收入总计, 表1 支出总计 = 表3 支出总计,
-- 表2 收入总计 = 表3 支出总计. 表2 and 表3 give the department's total (appendix.table_totals).
WITH line AS NOT MATERIALIZED (
    SELECT coalesce(amount, 0) AS amount, regexp_replace(coalesce(label, ''), '\s', '', 'g') AS key, source_line
    FROM budget.two_sided_summary_line
    WHERE report_id = %(report_id)s AND table_no = '1'
),
income AS NOT MATERIALIZED (
    SELECT amount, source_line FROM appendix.table_totals
    WHERE report_id = %(report_id)s AND kind = 'income_by_unit' AND header = '收入总计'
),
expenditure AS NOT MATERIALIZED (
    SELECT amount FROM appendix.table_totals
    WHERE report_id = %(report_id)s AND kind = 'expenditure_by_unit' AND header = '支出总计'
),
pair AS (
    SELECT 1 AS pair_no, '表1 收入总计 / 表2 收入总计' AS place, l.amount AS left_value, i.amount AS right_value,
           l.source_line
    FROM line l, income i WHERE l.key = '收入总计'
    UNION ALL
    SELECT 2, '表1 支出总计 / 表3 支出总计', l.amount, e.amount, l.source_line
    FROM line l, expenditure e WHERE l.key = '支出总计'
    UNION ALL
    SELECT 3, '表2 收入总计 / 表3 支出总计', i.amount, e.amount, i.source_line
    FROM income i, expenditure e
)
SELECT place, left_value, right_value, 1 AS terms, source_line, 'the same total printed in two tables' AS message
FROM pair
WHERE left_value <> right_value
ORDER BY pair_no;
