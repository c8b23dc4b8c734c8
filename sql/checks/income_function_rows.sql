-- 收入预算总表 / 收入决算表 (income by functional code): on every row 合计 = the sum of its source
-- columns (财政拨款收入, 事业收入 …), and each 类 / 款 the sum of the rows below it, the 合计 row the
-- sum of the 类 (appendix.subtotals, its first column).
SELECT format('%s %s', f.table_no, coalesce(f.functional_code || ' ' || f.functional_name, f.budget_unit)) AS place,
       coalesce(f.total, 0) AS left_value, sum(a.amount) AS right_value, count(*) AS terms, f.source_line,
       '合计 vs the sum of its source columns' AS message
FROM budget.functional_expenditure f
JOIN budget.report_table t ON t.report_id = f.report_id AND t.table_no = f.table_no AND t.kind = 'income_by_function'
JOIN budget.funding_amount a ON a.report_id = f.report_id AND a.table_no = f.table_no AND a.row_no = f.row_no
WHERE f.report_id = %(report_id)s AND t.report_id = %(report_id)s AND a.report_id = %(report_id)s
GROUP BY f.table_no, f.functional_code, f.functional_name, f.budget_unit, f.total, f.source_line
HAVING coalesce(f.total, 0) <> sum(a.amount)
UNION ALL
SELECT format('%s %s', table_no, name), amount, children_sum, children, source_line,
       format('printed %s vs the sum of its %s %s rows', level, children, child_level)
FROM appendix.subtotals
WHERE report_id = %(report_id)s AND kind = 'income_by_function' AND column_no = 1 AND amount <> children_sum
ORDER BY 5, 1;
