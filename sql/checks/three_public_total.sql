-- 表12: on every year row, “三公”经费 总额 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费 小计.
SELECT format('表%s %s · “三公”经费财政拨款预算总额', table_no, year) AS place,
       coalesce(total, 0) AS left_value,
       coalesce(overseas_travel, 0) + coalesce(official_reception, 0) + coalesce(vehicle_subtotal, 0) AS right_value,
       3 AS terms,
       source_line,
       '总额 vs 因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费 小计' AS message
FROM budget.three_public_expense
WHERE report_id = %(report_id)s
  AND coalesce(total, 0) <> coalesce(overseas_travel, 0) + coalesce(official_reception, 0) + coalesce(vehicle_subtotal, 0)
ORDER BY table_no, row_no;
