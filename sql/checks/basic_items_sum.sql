-- 表4: every category (类) row equals the sum of the items (款) printed under it, and the unit row
-- the sum of the categories, in the 总计 column and in each funding column (appendix.subtotals); a funding
-- column off by the 总计 column's own difference carries that difference through: reported once.
SELECT format('表%s %s · %s', table_no, name, header) AS place, amount AS left_value, children_sum AS right_value,
       children AS terms, source_line, format('printed %s vs the sum of its %s %s',
       CASE level WHEN '单位合计' THEN 'unit total' ELSE '类' END, children, CASE level WHEN '单位合计' THEN '类' ELSE '款 items' END) AS message
FROM appendix.subtotals
WHERE report_id = %(report_id)s AND kind = 'basic_expenditure' AND amount <> children_sum
  AND (column_no = 1 OR amount - children_sum IS DISTINCT FROM first_column_difference)
ORDER BY table_no, row_no, column_no;
