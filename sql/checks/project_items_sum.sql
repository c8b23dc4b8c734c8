-- 表5: every group row (一般性项目, 政府投资项目) equals the sum of its projects, and the unit
-- row the sum of the groups, in the 总计 column (funding_columns_sum checks the others).
WITH item AS NOT MATERIALIZED (
    SELECT table_no, row_no, item_name, row_kind, project_group, source_line, coalesce(total, 0) AS amount
    FROM budget.project_expenditure_item
    WHERE report_id = %(report_id)s
),
parent AS (
    SELECT p.table_no, p.row_no, p.item_name, p.row_kind, p.source_line, p.amount,
           sum(c.amount) AS children_sum, count(*) AS children
    FROM item p
    JOIN item c ON c.table_no = p.table_no
     AND ((p.row_kind = 'unit' AND c.row_kind = 'group')
          OR (p.row_kind = 'group' AND c.row_kind = 'project' AND c.project_group = p.project_group))
    GROUP BY p.table_no, p.row_no, p.item_name, p.row_kind, p.source_line, p.amount
)
SELECT format('表%s %s · 总计', table_no, item_name) AS place,
       amount AS left_value,
       children_sum AS right_value,
       children AS terms,
       source_line,
       format('printed %s vs the sum of its %s %s', CASE row_kind WHEN 'unit' THEN 'unit total' ELSE 'group total' END,
              children, CASE row_kind WHEN 'unit' THEN 'groups' ELSE 'projects' END) AS message
FROM parent
WHERE amount <> children_sum
ORDER BY table_no, row_no;
