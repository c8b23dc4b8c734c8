-- 表5: every group row (一般性项目, 政府投资项目) equals the sum of its projects, and the unit row
-- the sum of the groups, in the 总计 column and in each funding column (appendix.subtotals); a funding
-- column off by the 总计 column's own difference carries that difference through: reported once.
SELECT format('表%s %s · %s', table_no, name, header) AS place, amount AS left_value, children_sum AS right_value,
       children AS terms, source_line, CASE level WHEN '单位合计' THEN format('printed unit total vs the sum of its %s groups', children)
       ELSE format('printed group total vs the sum of its %s projects', children) END AS message
FROM appendix.subtotals
WHERE report_id = %(report_id)s AND kind = 'project_expenditure' AND amount <> children_sum
  AND (column_no = 1 OR amount - children_sum IS DISTINCT FROM first_column_difference)
ORDER BY table_no, row_no, column_no;
