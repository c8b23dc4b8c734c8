-- 表3: on every row, 支出总计 = 基本支出 + 项目支出 (appendix.row_totals; an empty cell counts as 0).
SELECT format('表%s %s · %s', table_no, name, header) AS place, amount AS left_value, parts_sum AS right_value,
       terms, source_line, format('%s vs %s', header, parts_header) AS message
FROM appendix.row_totals
WHERE report_id = %(report_id)s AND kind = 'expenditure_by_unit' AND amount <> parts_sum
ORDER BY table_no, row_no;
