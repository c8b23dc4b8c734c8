-- 第五部分: each stated change on the previous year (增加 / 减少 / 持平 X 万元) equals 表12's
-- budget-year row minus the row of the year compared with (appendix.three_public_items). Left and
-- right are signed (减少 < 0).
WITH change AS NOT MATERIALIZED (
    SELECT row_no, regexp_replace(fact_key, '_change$', '') AS item_key, label, direction,
           compared_year, source_line,
           CASE WHEN direction IN ('减少', '下降') THEN -value WHEN direction = '持平' THEN 0 ELSE value END
               AS stated
    FROM budget.narrative_fact
    WHERE report_id = %(report_id)s AND split_part(section, ' ', 1) = '第五部分' AND fact_key ~ '_change$'
),
item AS NOT MATERIALIZED (  -- the item each change belongs to, for its printed name
    SELECT DISTINCT ON (fact_key) fact_key, label
    FROM budget.narrative_fact
    WHERE report_id = %(report_id)s AND split_part(section, ' ', 1) = '第五部分'
    ORDER BY fact_key, row_no
),
year_row AS NOT MATERIALIZED (  -- 表12 by year and item
    SELECT year, item_key, coalesce(amount, 0) AS amount
    FROM appendix.three_public_items
    WHERE report_id = %(report_id)s
),
pair AS (
    SELECT c.row_no, coalesce(i.label, c.item_key) AS item, c.label, c.direction, c.stated,
           c.source_line, r.fiscal_year, coalesce(c.compared_year, r.fiscal_year - 1) AS compared_year,
           cur.amount - prev.amount AS computed
    FROM change c
    JOIN budget.report r ON r.id = %(report_id)s
    LEFT JOIN item i ON i.fact_key = c.item_key
    JOIN year_row cur ON cur.year = r.fiscal_year AND cur.item_key = c.item_key
    JOIN year_row prev ON prev.year = coalesce(c.compared_year, r.fiscal_year - 1)
     AND prev.item_key = c.item_key
)
SELECT format('第五部分 %s %s%s / 表12 %s − %s', item, label, direction, fiscal_year, compared_year) AS place,
       stated AS left_value, computed AS right_value, 1 AS terms, source_line,
       format('the change stated in the narrative vs 表12 %s minus %s', fiscal_year, compared_year) AS message
FROM pair
WHERE stated <> computed
ORDER BY row_no;
