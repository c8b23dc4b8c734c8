-- 表1 and 表6 income lines equal the matching funding columns of 表2's department total (its 合计
-- row, or the sum of its units): 一般性经费拨款, 政府投资项目拨款, 事业收入 and so on. Lines are matched by their
-- printed label without its ordinal (一、); an empty amount counts as 0.
WITH line AS NOT MATERIALIZED (
    SELECT table_no, label, coalesce(amount, 0) AS amount, source_line,
           regexp_replace(regexp_replace(coalesce(label, ''), '\s', '', 'g'), '^[一二三四五六七八九十]+[、.．]', '')
               AS key
    FROM budget.two_sided_summary_line
    WHERE report_id = %(report_id)s AND side = 'income'
),
source (key, tables, header, source_code) AS (VALUES
    ('财政预算拨款', ARRAY['1'], '财政预算拨款 小计', 'fiscal'),
    ('一般公共预算拨款', ARRAY['1', '6'], '一般公共预算拨款 小计', 'general_public'),
    ('一般性经费拨款', ARRAY['1', '6'], '一般性经费拨款', 'general_funds'),
    ('财政专项资金拨款', ARRAY['1', '6'], '财政专项资金拨款', 'special_funds'),
    ('政府投资项目拨款', ARRAY['1', '6'], '政府投资项目拨款', 'government_investment'),
    ('政府性基金预算拨款', ARRAY['1', '6'], '政府性基金预算拨款', 'government_fund'),
    ('财政专户拨款', ARRAY['1', '6'], '财政专户拨款', 'fiscal_special_account'),
    ('事业收入', ARRAY['1'], '事业收入', 'business_income'),
    ('其他收入', ARRAY['1'], '其他收入', 'other_income'),
    ('上级补助收入', ARRAY['1'], '上级补助收入', 'superior_subsidy'),
    ('上年结余、结转', ARRAY['1'], '上年结余、结转', 'prior_year_carryover')
),
funding AS (  -- 表2's department total (its 合计, or the sum of its units); an empty column counts as 0
    SELECT s.key, s.tables, s.header, coalesce(d.amount, 0) AS amount
    FROM source s
    JOIN budget.report_table t ON t.report_id = %(report_id)s AND t.kind = 'income_by_unit'
    LEFT JOIN appendix.department_unit_totals d
      ON d.report_id = %(report_id)s AND d.table_no = t.table_no AND d.source_code = s.source_code
)
SELECT format('表%s %s / 表2 %s', l.table_no, l.label, s.header) AS place,
       l.amount AS left_value,
       s.amount AS right_value,
       1 AS terms,
       l.source_line,
       'an income line of the summary vs the same funding column of 表2' AS message
FROM line l
JOIN funding s ON s.key = l.key AND l.table_no = ANY (s.tables)
WHERE l.amount <> s.amount
ORDER BY l.table_no, l.source_line;
