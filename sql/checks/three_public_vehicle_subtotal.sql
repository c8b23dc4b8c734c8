-- 表12: on every year row, 公务用车购置及运行维护费 小计 = 公务用车购置费 + 公务用车运行维护费.
SELECT report_id,
       format('表12 %s · 公务用车购置及运行维护费 小计', year) AS place,
       coalesce(vehicle_subtotal, 0) AS left_value,
       coalesce(vehicle_purchase, 0) + coalesce(vehicle_operation, 0) AS right_value,
       coalesce(vehicle_subtotal, 0) - (coalesce(vehicle_purchase, 0) + coalesce(vehicle_operation, 0)) AS difference,
       2 AS terms,
       source_line,
       '小计 vs 公务用车购置费 + 公务用车运行维护费' AS message
FROM budget.three_public_expense
WHERE coalesce(vehicle_subtotal, 0) <> coalesce(vehicle_purchase, 0) + coalesce(vehicle_operation, 0)
ORDER BY report_id, row_no;
