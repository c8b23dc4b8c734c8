-- The totals a Jiangsu report prints, by a key naming table and row (an empty cell counts as 0),
-- and the relations between them that the rules jiangsu_* check: one row per relation with the
-- two sides' sums (NULL where a row it needs is not printed: not checked).
CREATE OR REPLACE VIEW jiangsu.relations AS
WITH line AS NOT MATERIALIZED (
    SELECT l.report_id, k.kind, l.table_no, l.row_no, l.side, l.amount, l.source_line,
           regexp_replace(coalesce(l.label, ''), '\s', '', 'g') AS label,
           regexp_replace(coalesce(l.label_group, ''), '\s', '', 'g') AS label_group
    FROM budget.two_sided_summary_line l
    JOIN budget.report_table k ON k.report_id = l.report_id AND k.table_no = l.table_no
),
summary_total AS NOT MATERIALIZED (
    -- a label and the amount printed beside it; a total spanning the function and use sides
    -- (当年支出小计, 支出合计: no label on the other side) has its amount on the other side
    SELECT s.report_id,
           CASE s.kind WHEN 'three_sided_summary' THEN 'S.' WHEN 'two_sided_summary' THEN 'F.'
                       WHEN 'income_summary' THEN 'I.' ELSE 'E.' END ||
           CASE WHEN s.kind = 'income_summary' AND s.label = '' THEN s.label_group ELSE s.label END AS key,
           coalesce(s.amount, max(a.amount), 0) AS amount, s.source_line
    FROM line s
    LEFT JOIN line a ON a.report_id = s.report_id AND a.table_no = s.table_no AND a.row_no = s.row_no
        AND s.side <> 'income' AND a.side NOT IN ('income', s.side) AND a.label = ''
    WHERE s.label <> '' OR (s.kind = 'income_summary' AND s.label_group <> '')
    GROUP BY s.report_id, s.kind, s.label, s.label_group, s.side, s.amount, s.source_line
),
total AS NOT MATERIALIZED (
    SELECT report_id, key, amount, source_line FROM summary_total
    UNION ALL  -- the 功能分类 side's 类 lines
    SELECT report_id, 'S.功能分类各类之和', sum(coalesce(amount, 0)), min(source_line)
    FROM line WHERE kind = 'three_sided_summary' AND side = 'function' AND label ~ '^[一二三四五六七八九十]+、'
    GROUP BY report_id
    UNION ALL  -- the 合计 rows of the functional, economic and procurement tables, the 三公 row
    SELECT f.report_id, 'FX.' || k.fund, coalesce(f.total, 0), f.source_line
    FROM budget.functional_expenditure f JOIN budget.report_table k USING (report_id, table_no)
    WHERE f.functional_code IS NULL
    UNION ALL
    SELECT b.report_id, CASE k.kind WHEN 'operating_expenses' THEN 'OP' ELSE 'BX.' || k.fund END,
           coalesce(b.total, 0), b.source_line
    FROM budget.basic_expenditure_item b JOIN budget.report_table k USING (report_id, table_no)
    WHERE b.row_kind = 'unit'
    UNION ALL
    SELECT report_id, 'P.合计', coalesce(total, 0), source_line FROM budget.procurement_item WHERE row_kind = 'total'
    UNION ALL
    SELECT t.report_id, v.key, coalesce(v.amount, 0), t.source_line
    FROM budget.three_public_expense t
    CROSS JOIN LATERAL (VALUES ('T.合计', t.grand_total), ('T.三公小计', t.total), ('T.会议费', t.meeting_fee),
                               ('T.培训费', t.training_fee), ('T.因公出国（境）费', t.overseas_travel),
                               ('T.公务用车购置及运行维护费', t.vehicle_subtotal), ('T.公务接待费', t.official_reception))
        AS v (key, amount)
    UNION ALL  -- the narrative's amounts
    SELECT report_id, 'N.' || fact_key, value, source_line FROM budget.narrative_fact
),
relation (relation_kind, place, left_keys, right_keys) AS (VALUES
    ('within', '收支预算总表 收入合计 / 支出合计', '{S.收入合计}'::text[], '{S.支出合计}'::text[]),
    ('within', '收支预算总表 当年收入小计 / 当年支出小计', '{S.当年收入小计}', '{S.当年支出小计}'),
    ('within', '收支预算总表 当年收入小计 / 一、二、三 收入', '{S.当年收入小计}',
     '{S.一、财政拨款,S.二、财政专户管理资金,S.三、其他资金}'),
    ('within', '收支预算总表 一、财政拨款 / 1.一般公共预算 + 2.政府性基金预算', '{S.一、财政拨款}',
     '{S.1.一般公共预算,S.2.政府性基金预算}'),
    ('within', '收支预算总表 当年支出小计 / 功能分类各类之和', '{S.当年支出小计}', '{S.功能分类各类之和}'),
    ('within', '收支预算总表 当年支出小计 / 支出用途 一、二、三', '{S.当年支出小计}',
     '{S.一、基本支出,S.二、项目支出,S.三、单位预留机动经费}'),
    ('within', '财政拨款收支预算总表 收入合计 / 支出合计', '{F.收入合计}', '{F.支出合计}'),
    ('within', '财政拨款收支预算总表 收入合计 / 一、二 收入', '{F.收入合计}', '{F.一、一般公共预算,F.二、政府性基金预算}'),
    ('within', '财政拨款收支预算总表 支出合计 / 支出用途 一、二、三', '{F.支出合计}',
     '{F.一、基本支出,F.二、项目支出,F.三、单位预留机动经费}'),
    ('within', '支出预算总表 合计 / 基本支出 + 项目支出 + 单位预留机动经费 + 结转下年资金', '{E.合计}',
     '{E.基本支出,E.项目支出,E.单位预留机动经费,E.结转下年资金}'),
    ('within', '“三公”经费、会议费、培训费支出预算表 合计 / 三公 + 会议费 + 培训费', '{T.合计}',
     '{T.三公小计,T.会议费,T.培训费}'),
    ('across', '收支预算总表 收入合计 / 收入预算总表 收入总计', '{S.收入合计}', '{I.收入总计}'),
    ('across', '收支预算总表 支出合计 / 支出预算总表 合计', '{S.支出合计}', '{E.合计}'),
    ('across', '收支预算总表 一、基本支出 / 支出预算总表 基本支出', '{S.一、基本支出}', '{E.基本支出}'),
    ('across', '收支预算总表 二、项目支出 / 支出预算总表 项目支出', '{S.二、项目支出}', '{E.项目支出}'),
    ('across', '收支预算总表 三、单位预留机动经费 / 支出预算总表 单位预留机动经费', '{S.三、单位预留机动经费}',
     '{E.单位预留机动经费}'),
    ('across', '收支预算总表 1.一般公共预算 / 财政拨款收支预算总表 一、一般公共预算', '{S.1.一般公共预算}',
     '{F.一、一般公共预算}'),
    ('across', '财政拨款收支预算总表 支出合计 / 财政拨款支出预算表 合计', '{F.支出合计}', '{FX.财政拨款}'),
    ('across', '财政拨款支出预算表 合计 / 一般公共预算支出 + 政府性基金支出 合计', '{FX.财政拨款}',
     '{FX.一般公共预算,FX.政府性基金}'),
    ('across', '财政拨款收支预算总表 一、一般公共预算 / 一般公共预算支出预算表 合计', '{F.一、一般公共预算}',
     '{FX.一般公共预算}'),
    ('across', '财政拨款收支预算总表 一、基本支出 / 财政拨款基本支出预算表 合计', '{F.一、基本支出}', '{BX.财政拨款}'),
    ('across', '财政拨款基本支出预算表 合计 / 一般公共预算基本支出预算表 合计', '{BX.财政拨款}', '{BX.一般公共预算}'),
    ('narrative', '情况说明 收入、支出预算总计 / 收支预算总表 收入合计', '{N.budget_total}', '{S.收入合计}'),
    ('narrative', '情况说明 基本支出 / 收支预算总表 一、基本支出', '{N.basic_expenditure}', '{S.一、基本支出}'),
    ('narrative', '情况说明 项目支出 / 收支预算总表 二、项目支出', '{N.project_expenditure}', '{S.二、项目支出}'),
    ('narrative', '情况说明 单位预留机动经费 / 收支预算总表 三、单位预留机动经费', '{N.reserve_fund}',
     '{S.三、单位预留机动经费}'),
    ('narrative', '情况说明 因公出国（境）费 / 三公经费表', '{N.overseas_travel}', '{T.因公出国（境）费}'),
    ('narrative', '情况说明 公务用车购置及运行费 / 三公经费表', '{N.vehicle_total}', '{T.公务用车购置及运行维护费}'),
    ('narrative', '情况说明 公务接待费 / 三公经费表', '{N.official_reception}', '{T.公务接待费}'),
    ('narrative', '情况说明 会议费 / 三公经费表 会议费', '{N.meeting_fee}', '{T.会议费}'),
    ('narrative', '情况说明 培训费 / 三公经费表 培训费', '{N.training_fee}', '{T.培训费}'),
    ('narrative', '情况说明 机关运行经费 / 机关运行经费支出预算表 合计', '{N.operating_expenses}', '{OP}'),
    ('narrative', '情况说明 政府采购支出预算总额 / 政府采购预算表 合计', '{N.procurement_total}', '{P.合计}')
),
side AS (
    SELECT r.id AS report_id, rel.relation_kind, rel.place, rel.left_keys, rel.right_keys,
           sum(t.amount) FILTER (WHERE t.key = ANY(rel.left_keys)) AS left_sum,
           count(DISTINCT t.key) FILTER (WHERE t.key = ANY(rel.left_keys)) AS left_found,
           sum(t.amount) FILTER (WHERE t.key = ANY(rel.right_keys)) AS right_sum,
           count(DISTINCT t.key) FILTER (WHERE t.key = ANY(rel.right_keys)) AS right_found,
           min(t.source_line) FILTER (WHERE t.key = ANY(rel.left_keys)) AS source_line
    FROM budget.report r
    CROSS JOIN relation rel
    LEFT JOIN total t ON t.report_id = r.id AND t.key = ANY(rel.left_keys || rel.right_keys)
    WHERE r.template = 'jiangsu_budget'
    GROUP BY r.id, rel.relation_kind, rel.place, rel.left_keys, rel.right_keys
)
SELECT report_id, relation_kind, place,
       CASE WHEN left_found = cardinality(left_keys) THEN left_sum END AS left_value,
       CASE WHEN right_found = cardinality(right_keys) THEN right_sum END AS right_value,
       CASE WHEN left_found = cardinality(left_keys) AND right_found = cardinality(right_keys)
            THEN cardinality(left_keys) + cardinality(right_keys) - 1 END AS terms,
       source_line
FROM side
-- a narrative that does not state an item is not compared; a table row that is missing is (not checked)
WHERE NOT (relation_kind = 'narrative' AND left_found < cardinality(left_keys));

COMMENT ON VIEW jiangsu.relations IS '江苏模板：各表合计之间、与情况说明之间应相等的关系（左右两边之和）';
COMMENT ON COLUMN jiangsu.relations.relation_kind IS '关系种类：within 表内 / across 表间 / narrative 说明与表';
COMMENT ON COLUMN jiangsu.relations.place IS '关系（左 / 右）';
COMMENT ON COLUMN jiangsu.relations.left_value IS '左边之和（空格按 0）';
COMMENT ON COLUMN jiangsu.relations.right_value IS '右边之和（空格按 0）';
COMMENT ON COLUMN jiangsu.relations.terms IS '（派生）相加的金额个数';
COMMENT ON COLUMN jiangsu.relations.source_line IS '左边金额所在行';
