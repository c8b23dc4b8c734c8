-- 表4: every category (类) row equals the sum of the items (款) printed under it, and the unit
-- row the sum of the categories, in the 总计 column (funding_columns_sum checks the others).
WITH parent AS (
    SELECT p.report_id, p.row_no, p.item_name, p.row_kind, p.source_line, coalesce(p.total, 0) AS amount,
           sum(coalesce(c.total, 0)) AS children_sum, count(c.*) AS children
    FROM budget.basic_expenditure_item p
    JOIN budget.basic_expenditure_item c
      ON c.report_id = p.report_id
     AND ((p.row_kind = 'unit' AND c.row_kind = 'category')
          OR (p.row_kind = 'category' AND c.row_kind = 'item' AND c.category_name = p.item_name))
    GROUP BY p.report_id, p.row_no, p.item_name, p.row_kind, p.source_line, p.total
)
SELECT report_id,
       format('表4 %s · 总计', item_name) AS place,
       amount AS left_value,
       children_sum AS right_value,
       amount - children_sum AS difference,
       children AS terms,
       source_line,
       format('printed %s vs the sum of its %s %s', CASE row_kind WHEN 'unit' THEN 'unit total' ELSE '类' END,
              children, CASE row_kind WHEN 'unit' THEN '类' ELSE '款 items' END) AS message
FROM parent
WHERE amount <> children_sum
ORDER BY report_id, row_no;
