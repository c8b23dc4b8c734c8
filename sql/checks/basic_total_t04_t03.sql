-- 表4's unit total = 表3 基本支出 (the department's total), both from appendix.table_totals.
SELECT '表4 总计 / 表3 基本支出' AS place, l.amount AS left_value, r.amount AS right_value, 1 AS terms, l.source_line,
       '基本支出 printed in 表4 and in 表3' AS message
FROM appendix.table_totals l
JOIN appendix.table_totals r ON r.report_id = %(report_id)s AND r.kind = 'expenditure_by_unit' AND r.header = '基本支出'
WHERE l.report_id = %(report_id)s AND l.kind = 'basic_expenditure' AND l.header = '总计' AND l.amount <> r.amount;
