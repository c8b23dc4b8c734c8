-- 表1, 表6: each side's sub-totals equal the lines they sum. Income: 一般公共预算拨款 = 一般性经费拨款 +
-- 财政专项资金拨款 + 政府投资项目拨款, and so on up to 收入总计; expenditure: 本年支出合计 = the 类 lines
-- (a line's level is that of the 表7 + 表8 + 表9 line printed in the same place), 支出总计 = 本年支出合计 + the
-- lines below it. Lines are matched by their printed label without its ordinal (一、); an absent
-- or empty line counts as 0.
WITH line AS NOT MATERIALIZED (
    SELECT table_no, side, row_no, label, coalesce(amount, 0) AS amount, source_line,
           regexp_replace(regexp_replace(coalesce(label, ''), '\s', '', 'g'), '^[一二三四五六七八九十]+[、.．]', '')
               AS key
    FROM budget.two_sided_summary_line
    WHERE report_id = %(report_id)s
),
structure (table_no, side, parent, child) AS (VALUES
    ('1', 'income', '财政预算拨款', '一般公共预算拨款'),
    ('1', 'income', '财政预算拨款', '政府性基金预算拨款'),
    ('1', 'income', '财政预算拨款', '财政专户拨款'),
    ('1', 'income', '一般公共预算拨款', '一般性经费拨款'),
    ('1', 'income', '一般公共预算拨款', '财政专项资金拨款'),
    ('1', 'income', '一般公共预算拨款', '政府投资项目拨款'),
    ('1', 'income', '本年收入合计', '财政预算拨款'),
    ('1', 'income', '本年收入合计', '事业收入'),
    ('1', 'income', '本年收入合计', '事业单位经营收入'),
    ('1', 'income', '本年收入合计', '其他收入'),
    ('1', 'income', '收入总计', '本年收入合计'),
    ('1', 'income', '收入总计', '上级补助收入'),
    ('1', 'income', '收入总计', '附属单位上缴收入'),
    ('1', 'income', '收入总计', '用事业基金弥补收支差额'),
    ('1', 'income', '收入总计', '上年结余、结转'),
    ('1', 'expenditure', '支出总计', '本年支出合计'),
    ('1', 'expenditure', '支出总计', '对附属单位补助支出'),
    ('1', 'expenditure', '支出总计', '上缴上级支出'),
    ('1', 'expenditure', '支出总计', '结转下年'),
    ('6', 'income', '一般公共预算拨款', '一般性经费拨款'),
    ('6', 'income', '一般公共预算拨款', '财政专项资金拨款'),
    ('6', 'income', '一般公共预算拨款', '政府投资项目拨款'),
    ('6', 'income', '本年收入合计', '一般公共预算拨款'),
    ('6', 'income', '本年收入合计', '政府性基金预算拨款'),
    ('6', 'income', '本年收入合计', '财政专户拨款'),
    ('6', 'income', '收入总计', '本年收入合计'),
    ('6', 'income', '收入总计', '上年结余、结转'),
    ('6', 'expenditure', '支出总计', '本年支出合计'),
    ('6', 'expenditure', '支出总计', '结转下年')
),
functional_line AS (  -- the expenditure lines above 本年支出合计, numbered in printed order
    SELECT l.table_no, l.amount, row_number() OVER (PARTITION BY l.table_no ORDER BY l.row_no) AS ordinal
    FROM line l
    JOIN line total ON total.table_no = l.table_no AND total.side = 'expenditure' AND total.key = '本年支出合计'
    WHERE l.side = 'expenditure' AND l.row_no < total.row_no AND l.label IS NOT NULL
),
coded AS (  -- 表7 + 表8 + 表9 by code
    SELECT functional_code, ordinal
    FROM appendix.functional_lines
    WHERE report_id = %(report_id)s AND functional_code IS NOT NULL
),
child AS NOT MATERIALIZED (
    SELECT p.table_no, p.side, p.key, c.amount
    FROM line p
    JOIN structure s ON s.table_no = p.table_no AND s.side = p.side AND s.parent = p.key
    JOIN line c ON c.table_no = p.table_no AND c.side = p.side AND c.key = s.child
    UNION ALL
    SELECT f.table_no, 'expenditure', '本年支出合计', f.amount
    FROM functional_line f
    JOIN coded k ON k.ordinal = f.ordinal AND length(k.functional_code) = 3
),
parent AS NOT MATERIALIZED (
    SELECT p.table_no, p.side, p.key, p.label, p.source_line, p.amount,
           coalesce(sum(c.amount), 0) AS children_sum, count(c.*) AS children
    FROM line p
    LEFT JOIN child c ON c.table_no = p.table_no AND c.side = p.side AND c.key = p.key
    WHERE (p.table_no, p.side, p.key) IN (SELECT table_no, side, parent FROM structure)
       OR (p.side = 'expenditure' AND p.key = '本年支出合计')
    GROUP BY p.table_no, p.side, p.key, p.label, p.source_line, p.amount
)
SELECT format('表%s %s %s', table_no, CASE side WHEN 'income' THEN '收入' ELSE '支出' END, label) AS place,
       amount AS left_value,
       children_sum AS right_value,
       greatest(children, 1) AS terms,
       source_line,
       CASE WHEN key = '本年支出合计' AND side = 'expenditure'
            THEN format('printed 本年支出合计 vs the sum of its %s 类 lines', children)
            ELSE format('printed %s vs the sum of the %s lines it totals', key, children) END AS message
FROM parent
WHERE amount <> children_sum
ORDER BY table_no, source_line, side;
