-- The 一年采购指标 of all 表11 lines add up to 表3 “2020 政府采购项目” (the department's total).
SELECT '表11 一年采购指标 合计 / 表3 政府采购项目' AS place, l.amount AS left_value, r.amount AS right_value, l.terms,
       l.source_line, format('the sum of the %s 表11 lines vs 表3', l.terms) AS message
FROM appendix.table_totals l
JOIN appendix.table_totals r ON r.report_id = %(report_id)s AND r.kind = 'expenditure_by_unit' AND r.header = '政府采购项目'
WHERE l.report_id = %(report_id)s AND l.kind = 'procurement' AND l.header = '一年采购指标' AND l.amount <> r.amount;
