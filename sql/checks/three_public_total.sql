-- 表12: on every year row, “三公”经费 总额 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费 小计
-- (appendix.row_totals).
SELECT format('表%s %s · %s', table_no, name, header) AS place, amount AS left_value, parts_sum AS right_value,
       terms, source_line, '总额 vs 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费 小计' AS message
FROM appendix.row_totals
WHERE report_id = %(report_id)s AND kind = 'three_public' AND header = '“三公”经费财政拨款预算总额' AND amount <> parts_sum
ORDER BY table_no, row_no;
