-- 表12: on every year row, 公务用车购置及运行维护费 小计 = 公务用车购置费 + 公务用车运行维护费.
SELECT format('表%s %s · 公务用车购置及运行维护费 小计', table_no, year) AS place,
       coalesce(vehicle_subtotal, 0) AS left_value,
       coalesce(vehicle_purchase, 0) + coalesce(vehicle_operation, 0) AS right_value,
       2 AS terms,
       source_line,
       '小计 vs 公务用车购置费 + 公务用车运行维护费' AS message
FROM budget.three_public_expense
WHERE report_id = %(report_id)s
  AND coalesce(vehicle_subtotal, 0) <> coalesce(vehicle_purchase, 0) + coalesce(vehicle_operation, 0)
ORDER BY table_no, row_no;
