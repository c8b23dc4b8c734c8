-- 表12: on every year row, 公务用车购置及运行维护费 小计 = 公务用车购置费 + 公务用车运行维护费 (appendix.row_totals).
SELECT format('表%s %s · %s', table_no, name, header) AS place, amount AS left_value, parts_sum AS right_value,
       terms, source_line, '小计 vs 公务用车购置费 + 公务用车运行维护费' AS message
FROM appendix.row_totals
WHERE report_id = %(report_id)s AND kind = 'three_public' AND header = '公务用车购置及运行维护费 小计' AND amount <> parts_sum
ORDER BY table_no, row_no;
