-- Shanghai 收支总表 and the 决算's 收支总表: on each side 本年合计 = the sum of the items above it,
-- 总计 = 本年合计 + the lines between them (结转和结余, 结余分配), or the items when no 本年合计 is
-- printed; and 收入 总计 = 支出 总计 (appendix.summary_items).
WITH side AS (
    SELECT table_no, side,
           max(amount) FILTER (WHERE role = 'year_total') AS year_total,
           max(amount) FILTER (WHERE role = 'total') AS total,
           sum(amount) FILTER (WHERE role = 'item') AS items, count(*) FILTER (WHERE role = 'item') AS item_count,
           sum(amount) FILTER (WHERE role = 'balance') AS balances,
           count(*) FILTER (WHERE role = 'balance') AS balance_count,
           min(source_line) FILTER (WHERE role = 'year_total') AS year_line,
           min(source_line) FILTER (WHERE role = 'total') AS total_line
    FROM appendix.summary_items
    WHERE report_id = %(report_id)s
    GROUP BY table_no, side
),
compared (place, left_value, right_value, terms, source_line, message) AS (
    SELECT format('%s %s 本年合计', table_no, side), year_total, items, item_count, year_line,
           '本年合计 vs the sum of the items above it'
    FROM side WHERE year_total IS NOT NULL
    UNION ALL
    SELECT format('%s %s 总计', table_no, side), total, coalesce(year_total + coalesce(balances, 0), items),
           coalesce(balance_count + 1, item_count), total_line,
           CASE WHEN year_total IS NULL THEN '总计 vs the sum of the items' ELSE '总计 vs 本年合计 + 结转结余' END
    FROM side WHERE total IS NOT NULL
    UNION ALL
    SELECT format('%s 收入总计 / 支出总计', i.table_no), i.total, e.total, 1, i.total_line, '收入 总计 vs 支出 总计'
    FROM side i JOIN side e ON e.table_no = i.table_no AND e.side = 'expenditure'
    WHERE i.side = 'income'
)
SELECT * FROM compared WHERE left_value <> right_value
ORDER BY source_line, place;
