-- 表10: every 类 and 款 row equals the sum of the rows one level below it (款, 项), and the
-- unit row the sum of the 类 rows, in 项目金额 (an empty cell counts as 0).
WITH cell AS NOT MATERIALIZED (
    SELECT table_no, functional_code AS code, coalesce(functional_code || ' ' || functional_name, budget_unit) AS name,
           source_line, row_no, coalesce(amount, 0) AS amount
    FROM budget.transfer_payment
    WHERE report_id = %(report_id)s
),
summed AS (
    SELECT p.table_no, p.code, p.name, p.source_line, p.row_no, p.amount,
           sum(c.amount) AS children_sum, count(*) AS children
    FROM cell p
    JOIN cell c ON c.table_no = p.table_no
     AND length(c.code) = coalesce(length(p.code), 1) + 2
     AND left(c.code, length(coalesce(p.code, ''))) = coalesce(p.code, '')
    GROUP BY p.table_no, p.code, p.name, p.source_line, p.row_no, p.amount
)
SELECT format('表%s %s · 项目金额', table_no, name) AS place,
       amount AS left_value,
       children_sum AS right_value,
       children AS terms,
       source_line,
       format('printed %s vs the sum of its %s %s rows', CASE length(code) WHEN 3 THEN '类' WHEN 5 THEN '款'
              ELSE 'unit total' END, children, CASE length(code) WHEN 3 THEN '款' WHEN 5 THEN '项' ELSE '类' END)
           AS message
FROM summed
WHERE amount <> children_sum
ORDER BY table_no, row_no;
