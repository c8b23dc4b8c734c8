-- 表1, 表6: the income side balances the expenditure side: 收入总计 = 支出总计 and
-- 本年收入合计 = 本年支出合计 (an empty amount counts as 0).
WITH line AS NOT MATERIALIZED (
    SELECT table_no, side, label, coalesce(amount, 0) AS amount, source_line,
           regexp_replace(coalesce(label, ''), '\s', '', 'g') AS key
    FROM budget.two_sided_summary_line
    WHERE report_id = %(report_id)s
),
pair (income_key, expenditure_key) AS (VALUES ('收入总计', '支出总计'), ('本年收入合计', '本年支出合计'))
SELECT format('表%s %s / %s', i.table_no, i.label, e.label) AS place,
       i.amount AS left_value,
       e.amount AS right_value,
       1 AS terms,
       i.source_line,
       format('%s (income) vs %s (expenditure)', i.label, e.label) AS message
FROM pair
JOIN line i ON i.side = 'income' AND i.key = pair.income_key
JOIN line e ON e.table_no = i.table_no AND e.side = 'expenditure' AND e.key = pair.expenditure_key
WHERE i.amount <> e.amount
ORDER BY i.table_no, i.source_line;
