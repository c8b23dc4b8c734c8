-- 部门决算 基本支出决算表: 人员经费合计 = the sum of its categories (301, 303), 公用经费合计 that of
-- 302 and 310, each category the sum of its items; and 人员经费合计 + 公用经费合计 = the 基本支出 of
-- the 一般公共预算财政拨款支出决算表's 合计 row.
WITH item AS (
    SELECT i.table_no, i.row_no, i.item_name, i.row_kind, i.category_name, coalesce(i.total, 0) AS total,
           i.source_line, CASE WHEN left(i.economic_code, 3) IN ('302', '310') OR i.item_name LIKE '公用%'
                                 THEN '公用' ELSE '人员' END AS side
    FROM budget.basic_expenditure_item i
    JOIN budget.report_table t ON t.report_id = i.report_id AND t.table_no = i.table_no
    WHERE i.report_id = %(report_id)s AND t.report_id = %(report_id)s AND t.kind = 'economic_two_sided'
)
SELECT format('%s %s', u.table_no, u.item_name) AS place, u.total AS left_value, sum(c.total) AS right_value,
       count(*) AS terms, u.source_line, format('%s vs the sum of its categories', u.item_name) AS message
FROM item u JOIN item c ON c.side = u.side AND c.row_kind = 'category'
WHERE u.row_kind = 'unit'
GROUP BY u.table_no, u.item_name, u.total, u.source_line HAVING u.total <> sum(c.total)
UNION ALL
SELECT format('%s %s', c.table_no, c.item_name), c.total, sum(i.total), count(*), c.source_line,
       'the category vs the sum of its items'
FROM item c JOIN item i ON i.row_kind = 'item' AND i.category_name = c.item_name
WHERE c.row_kind = 'category'
GROUP BY c.table_no, c.item_name, c.total, c.source_line HAVING c.total <> sum(i.total)
UNION ALL
SELECT format('%s 人员经费合计 + 公用经费合计 vs %s 合计 基本支出', min(u.table_no), f.table_no), sum(u.total),
       coalesce(f.basic_expenditure, 0), 2, min(u.source_line), '基本支出决算表 totals vs the 基本支出 of 合计'
FROM item u
JOIN budget.functional_expenditure f ON f.report_id = %(report_id)s AND f.table_no = '一般公共预算财政拨款支出决算表'
 AND f.functional_code IS NULL
WHERE u.row_kind = 'unit'
GROUP BY f.table_no, f.basic_expenditure HAVING sum(u.total) <> coalesce(f.basic_expenditure, 0)
ORDER BY 5, 1;
