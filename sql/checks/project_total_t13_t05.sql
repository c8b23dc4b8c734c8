-- The 合计 of all 表13 projects add up to 表5's unit total (appendix.table_totals).
SELECT '表13 合计 / 表5 总计' AS place, l.amount AS left_value, r.amount AS right_value, l.terms, l.source_line,
       format('the sum of the %s 表13 projects vs 表5''s unit total', l.terms) AS message
FROM appendix.table_totals l
JOIN appendix.table_totals r ON r.report_id = %(report_id)s AND r.kind = 'project_expenditure' AND r.header = '总计'
WHERE l.report_id = %(report_id)s AND l.kind = 'performance_projects' AND l.header = '合计' AND l.amount <> r.amount;
