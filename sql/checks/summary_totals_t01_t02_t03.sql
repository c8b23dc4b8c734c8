-- 表1, 表2, 表3 agree on the totals: 表1 收入总计 = 表2 收入总计, 表1 支出总计 = 表3 支出总计,
-- 表2 收入总计 = 表3 支出总计. 表2 and 表3 are read on their first row (the department's).
WITH line AS NOT MATERIALIZED (
    SELECT report_id, coalesce(amount, 0) AS amount, regexp_replace(coalesce(label, ''), '\s', '', 'g') AS key,
           source_line
    FROM budget.two_sided_summary_line
    WHERE table_no = 1
),
income AS NOT MATERIALIZED (SELECT report_id, coalesce(total, 0) AS amount, source_line FROM budget.income_budget WHERE row_no = 1),
expenditure AS NOT MATERIALIZED (
    SELECT report_id, coalesce(expenditure_total, 0) AS amount, source_line
    FROM budget.expenditure_budget WHERE row_no = 1
),
pair AS (
    SELECT l.report_id, 1 AS pair_no, '表1 收入总计 / 表2 收入总计' AS place, l.amount AS left_value,
           i.amount AS right_value, l.source_line
    FROM line l JOIN income i USING (report_id) WHERE l.key = '收入总计'
    UNION ALL
    SELECT l.report_id, 2, '表1 支出总计 / 表3 支出总计', l.amount, e.amount, l.source_line
    FROM line l JOIN expenditure e USING (report_id) WHERE l.key = '支出总计'
    UNION ALL
    SELECT i.report_id, 3, '表2 收入总计 / 表3 支出总计', i.amount, e.amount, i.source_line
    FROM income i JOIN expenditure e USING (report_id)
)
SELECT report_id, place, left_value, right_value, left_value - right_value AS difference, 1 AS terms,
       source_line, 'the same total printed in two tables' AS message
FROM pair
WHERE left_value <> right_value
ORDER BY report_id, pair_no;
