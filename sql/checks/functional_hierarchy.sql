-- 表7, 表8, 表9: every 类 and 款 row equals the sum of the rows one level below it (款, 项),
-- and the unit row the sum of the 类 rows, in each of 支出总计, 基本支出, 项目支出.
-- An empty cell counts as 0.
WITH cell AS NOT MATERIALIZED (
    SELECT f.table_no, f.functional_code AS code,
           coalesce(f.functional_code || ' ' || f.functional_name, f.budget_unit) AS name,
           f.source_line, v.column_no, v.header, coalesce(v.amount, 0) AS amount
    FROM budget.functional_expenditure f
    CROSS JOIN LATERAL (VALUES (1, '支出总计', f.total), (2, '基本支出', f.basic_expenditure),
                               (3, '项目支出', f.project_expenditure)) AS v (column_no, header, amount)
    WHERE f.report_id = %(report_id)s
),
summed AS (
    SELECT p.table_no, p.code, p.name, p.source_line, p.column_no, p.header, p.amount,
           sum(c.amount) AS children_sum, count(*) AS children
    FROM cell p
    JOIN cell c ON c.table_no = p.table_no AND c.column_no = p.column_no
     AND length(c.code) = coalesce(length(p.code), 1) + 2
     AND left(c.code, length(coalesce(p.code, ''))) = coalesce(p.code, '')
    GROUP BY p.table_no, p.code, p.name, p.source_line, p.column_no, p.header, p.amount
)
SELECT format('表%s %s · %s', table_no, name, header) AS place,
       amount AS left_value,
       children_sum AS right_value,
       children AS terms,
       source_line,
       format('printed %s vs the sum of its %s %s rows', CASE length(code) WHEN 3 THEN '类' WHEN 5 THEN '款'
              ELSE 'unit total' END, children, CASE length(code) WHEN 3 THEN '款' WHEN 5 THEN '项' ELSE '类' END)
           AS message
FROM summed
WHERE amount <> children_sum
ORDER BY table_no, source_line, column_no;
