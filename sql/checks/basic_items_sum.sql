-- 表4: every category (类) row equals the sum of the items (款) printed under it, and the unit row
-- the sum of the categories, in the 总计 column (appendix.subtotals; funding_columns_sum checks the others).
SELECT format('表%s %s · 总计', table_no, name) AS place, amount AS left_value, children_sum AS right_value,
       children AS terms, source_line, format('printed %s vs the sum of its %s %s',
       CASE level WHEN '单位合计' THEN 'unit total' ELSE '类' END, children, CASE level WHEN '单位合计' THEN '类' ELSE '款 items' END) AS message
FROM appendix.subtotals
WHERE report_id = %(report_id)s AND kind = 'basic_expenditure' AND amount <> children_sum
ORDER BY table_no, row_no;
