-- 财政拨款收支总表 (Shanghai budget, 部门决算): on every expenditure line, 合计 = 一般公共预算 +
-- 政府性基金预算 + 国有资本经营预算 (the fund columns, stored as funding rows of the line).
SELECT format('%s %s', l.table_no, l.label) AS place, coalesce(l.amount, 0) AS left_value, sum(f.amount) AS right_value,
       count(*) AS terms, l.source_line, '合计 vs 一般公共预算 + 政府性基金预算 + 国有资本经营预算' AS message
FROM budget.two_sided_summary_line l
JOIN budget.funding_amount f ON f.report_id = l.report_id AND f.table_no = l.table_no AND f.row_no = l.row_no
 AND f.source_code IN ('general_public', 'government_fund', 'state_capital')
WHERE l.report_id = %(report_id)s AND f.report_id = %(report_id)s AND l.side = 'expenditure'
GROUP BY l.table_no, l.label, l.amount, l.source_line
HAVING coalesce(l.amount, 0) <> sum(f.amount)
ORDER BY l.source_line;
