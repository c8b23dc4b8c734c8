-- 第七部分: 上级专项转移支付支出预算 = 表10's unit total (项目金额).
SELECT format('第七部分 %s / 表10 项目金额', f.label) AS place,
       f.value AS left_value, coalesce(t.amount, 0) AS right_value, 1 AS terms, f.source_line,
       'the transfer payment stated in the narrative vs 表10' AS message
FROM budget.narrative_fact f
JOIN budget.transfer_payment t ON t.report_id = %(report_id)s AND t.row_no = 1 AND t.functional_code IS NULL
WHERE f.report_id = %(report_id)s AND split_part(f.section, ' ', 1) = '第七部分'
  AND f.fact_key = 'superior_transfer_payment' AND f.value <> coalesce(t.amount, 0)
ORDER BY f.row_no;
