-- 第七部分: 机关运行经费 = 表4 商品和服务支出 + 资本性支出 (the categories printed with codes 302
-- and 310). A warning: departments draw the line of 机关运行经费 in slightly different places.
WITH fact AS (
    SELECT row_no, label, value, source_line
    FROM budget.narrative_fact
    WHERE report_id = %(report_id)s AND split_part(section, ' ', 1) = '第七部分' AND fact_key = 'operating_expenses'
),
category AS NOT MATERIALIZED (
    SELECT sum(coalesce(total, 0)) AS amount
    FROM budget.basic_expenditure_item
    WHERE report_id = %(report_id)s AND row_kind = 'category' AND economic_code IN ('302', '310')
)
SELECT format('第七部分 %s / 表4 商品和服务支出 + 资本性支出', f.label) AS place,
       f.value AS left_value, coalesce(c.amount, 0) AS right_value, 1 AS terms, f.source_line, '机关运行经费 stated in the narrative vs 表4''s 公用 categories' AS message
FROM fact f
CROSS JOIN category c
WHERE f.value <> coalesce(c.amount, 0)
ORDER BY f.row_no;
