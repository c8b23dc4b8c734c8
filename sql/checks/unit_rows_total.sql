-- 表2, 表3 of a consolidated department: in every column, the printed 合计 row = the sum of its
-- 预算单位 rows (appendix.department_unit_totals).
SELECT format('表%s 合计 · %s', table_no, header) AS place, amount AS left_value, units_sum AS right_value,
       units AS terms, source_line, format('合计 vs the sum of its %s 预算单位 rows', units) AS message
FROM appendix.department_unit_totals
WHERE report_id = %(report_id)s AND has_total_row AND units > 0 AND amount <> units_sum
ORDER BY table_no, column_no;
