-- 表5: every group row (一般性项目, 政府投资项目) equals the sum of its projects, and the unit row
-- the sum of the groups, in the 总计 column (appendix.subtotals; funding_columns_sum checks the others).
SELECT format('表%s %s · 总计', table_no, name) AS place, amount AS left_value, children_sum AS right_value,
       children AS terms, source_line, CASE level WHEN '单位合计' THEN format('printed unit total vs the sum of its %s groups', children)
       ELSE format('printed group total vs the sum of its %s projects', children) END AS message
FROM appendix.subtotals
WHERE report_id = %(report_id)s AND kind = 'project_expenditure' AND amount <> children_sum
ORDER BY table_no, row_no;
