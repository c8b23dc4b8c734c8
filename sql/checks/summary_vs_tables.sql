-- Shanghai budget and 部门决算, table against table: the summary's totals against the tables that
-- detail them (收入 against the income table's 合计, 支出 against the expenditure table's and the
-- 一般公共预算 table's 合计), and each 类 the summary prints against the expenditure table's 类 row
-- of that name. Which table is which comes from the template (the pairs below).
WITH pair (template, summary, side, role, fund, detail) AS (VALUES
    ('final_accounts', '收入支出决算总表', 'income', 'year_total', NULL, '收入决算表'),
    ('final_accounts', '收入支出决算总表', 'expenditure', 'year_total', NULL, '支出决算表'),
    ('final_accounts', '财政拨款收入支出决算总表', 'expenditure', 'year_total', 'general_public',
     '一般公共预算财政拨款支出决算表'),
    ('shanghai_budget', '部门财务收支预算总表', 'income', 'total', NULL, '部门收入预算总表'),
    ('shanghai_budget', '部门财务收支预算总表', 'expenditure', 'total', NULL, '部门支出预算总表'),
    ('shanghai_budget', '部门财政拨款收支预算总表', 'expenditure', 'total', 'general_public',
     '部门一般公共预算支出功能分类预算表')
),
summary AS (
    SELECT s.*, p.fund, p.detail, p.role AS compared_role
    FROM appendix.summary_items s
    JOIN pair p ON p.template = s.template AND p.summary = s.table_no AND p.side = s.side
    WHERE s.report_id = %(report_id)s
),
detail AS (
    SELECT table_no, budget_unit, functional_code, functional_name, coalesce(total, 0) AS total
    FROM budget.functional_expenditure
    WHERE report_id = %(report_id)s AND (functional_code IS NULL OR length(functional_code) = 3)
),
summary_amount AS (  -- a fund column of the line where the pair names one, else its amount
    SELECT s.*, CASE WHEN s.fund IS NULL THEN s.amount ELSE coalesce((
               SELECT a.amount FROM budget.funding_amount a WHERE a.report_id = %(report_id)s
               AND a.table_no = s.table_no AND a.row_no = s.row_no AND a.source_code = s.fund), 0) END AS compared
    FROM summary s
)
SELECT format('%s %s vs %s 合计', s.table_no, s.label, s.detail) AS place, s.compared AS left_value,
       d.total AS right_value, 1 AS terms, s.source_line, 'the summary''s total vs the table''s 合计' AS message
FROM summary_amount s
JOIN detail d ON d.table_no = s.detail AND d.functional_code IS NULL
WHERE s.role = s.compared_role AND s.compared <> d.total
UNION ALL
SELECT format('%s %s vs %s %s', s.table_no, s.label, s.detail, d.functional_code), s.compared, d.total, 1,
       s.source_line, 'the summary''s 类 line vs the table''s 类 row'
FROM summary_amount s
JOIN detail d ON d.table_no = s.detail AND d.functional_name = s.name
WHERE s.side = 'expenditure' AND s.role = 'item' AND s.fund IS NULL AND s.compared <> d.total
ORDER BY 5, 1;
