-- 表10: every 类 and 款 row equals the sum of the rows one level below it (款, 项), and the unit
-- row the sum of the 类 rows, in 项目金额 (appendix.subtotals).
SELECT format('表%s %s · %s', table_no, name, header) AS place, amount AS left_value, children_sum AS right_value,
       children AS terms, source_line, format('printed %s vs the sum of its %s %s rows',
       CASE level WHEN '单位合计' THEN 'unit total' ELSE level END, children, child_level) AS message
FROM appendix.subtotals
WHERE report_id = %(report_id)s AND kind = 'transfer_payment' AND amount <> children_sum
ORDER BY table_no, row_no;
