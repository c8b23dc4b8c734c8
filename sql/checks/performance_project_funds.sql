-- 表13: on every project row, 合计 = 一般公共预算拨款 + 其他资金 (appendix.row_totals).
SELECT format('表%s %s · %s', table_no, name, header) AS place, amount AS left_value, parts_sum AS right_value,
       terms, source_line, format('%s vs %s', header, parts_header) AS message
FROM appendix.row_totals
WHERE report_id = %(report_id)s AND kind = 'performance_projects' AND amount <> parts_sum
ORDER BY table_no, row_no;
