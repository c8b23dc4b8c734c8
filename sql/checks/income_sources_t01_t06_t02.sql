-- 表1 and 表6 income lines equal the matching funding columns of 表2's first row (the
-- department's): 一般性经费拨款, 政府投资项目拨款, 事业收入 and so on. Lines are matched by their
-- printed label without its ordinal (一、); an empty amount counts as 0.
WITH line AS NOT MATERIALIZED (
    SELECT report_id, table_no, label, coalesce(amount, 0) AS amount, source_line,
           regexp_replace(regexp_replace(coalesce(label, ''), '\s', '', 'g'), '^[一二三四五六七八九十]+[、.．]', '')
               AS key
    FROM budget.two_sided_summary_line
    WHERE side = 'income'
),
source AS (
    SELECT i.report_id, v.key, v.tables, v.header, coalesce(v.amount, 0) AS amount
    FROM budget.income_budget i
    CROSS JOIN LATERAL (VALUES
        ('财政预算拨款', ARRAY[1], '财政预算拨款 小计', i.fiscal_subtotal),
        ('一般公共预算拨款', ARRAY[1, 6], '一般公共预算拨款 小计', i.general_public_subtotal),
        ('一般性经费拨款', ARRAY[1, 6], '一般性经费拨款', i.general_funds),
        ('财政专项资金拨款', ARRAY[1, 6], '财政专项资金拨款', i.special_funds),
        ('政府投资项目拨款', ARRAY[1, 6], '政府投资项目拨款', i.government_investment),
        ('政府性基金预算拨款', ARRAY[1, 6], '政府性基金预算拨款', i.government_fund),
        ('财政专户拨款', ARRAY[1, 6], '财政专户拨款', i.fiscal_special_account),
        ('事业收入', ARRAY[1], '事业收入', i.business_income),
        ('其他收入', ARRAY[1], '其他收入', i.other_income),
        ('上级补助收入', ARRAY[1], '上级补助收入', i.superior_subsidy),
        ('上年结余、结转', ARRAY[1], '上年结余、结转', i.prior_year_carryover)
    ) AS v (key, tables, header, amount)
    WHERE i.row_no = 1
)
SELECT l.report_id,
       format('表%s %s / 表2 %s', l.table_no, l.label, s.header) AS place,
       l.amount AS left_value,
       s.amount AS right_value,
       l.amount - s.amount AS difference,
       1 AS terms,
       l.source_line,
       'an income line of the summary vs the same funding column of 表2' AS message
FROM line l
JOIN source s ON s.report_id = l.report_id AND s.key = l.key AND l.table_no = ANY (s.tables)
WHERE l.amount <> s.amount
ORDER BY l.report_id, l.table_no, l.source_line;
