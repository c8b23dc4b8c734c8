-- Every printed total that adds up other cells of its own row, with the sum of those cells:
-- 表3 and 表7–表9 支出总计 = 基本支出 + 项目支出, 表12 小计 and 总额, 表13 合计, 表15-N 资金总额. Where
-- amount <> parts_sum the row does not add up; an empty cell counts as 0. The rules on one row's
-- arithmetic read it (current reports only).
CREATE OR REPLACE VIEW appendix.row_totals AS
WITH total AS NOT MATERIALIZED (
    SELECT report_id, table_no, row_no, source_line, budget_unit AS name, '支出总计' AS header,
           expenditure_total AS amount, ARRAY[basic_expenditure, project_expenditure] AS parts,
           '基本支出 + 项目支出' AS parts_header
    FROM budget.expenditure_budget
    UNION ALL
    SELECT report_id, table_no, row_no, source_line, coalesce(functional_code || ' ' || functional_name, budget_unit),
           '支出总计', total, ARRAY[basic_expenditure, project_expenditure], '基本支出 + 项目支出'
    FROM budget.functional_expenditure f
    WHERE EXISTS (  -- a table that prints 基本支出 and 项目支出 (some print one amount only)
        SELECT 1 FROM budget.functional_expenditure o
        WHERE o.report_id = f.report_id AND o.table_no = f.table_no
          AND (o.basic_expenditure IS NOT NULL OR o.project_expenditure IS NOT NULL))
    UNION ALL
    SELECT t.report_id, t.table_no, t.row_no, t.source_line, t.year::text, v.header, v.amount, v.parts, v.parts_header
    FROM budget.three_public_expense t
    CROSS JOIN LATERAL (VALUES
        ('公务用车购置及运行维护费 小计', t.vehicle_subtotal, ARRAY[t.vehicle_purchase, t.vehicle_operation],
         '公务用车购置费 + 公务用车运行维护费'),
        ('“三公”经费财政拨款预算总额', t.total, ARRAY[t.overseas_travel, t.official_reception, t.vehicle_subtotal],
         '因公出国（境）费 + 公务接待费 + 公务用车购置及运行维护费 小计')
    ) AS v (header, amount, parts, parts_header)
    UNION ALL
    SELECT report_id, table_no, row_no, source_line, project_name, '合计', total,
           ARRAY[general_public_budget, other_funds], '一般公共预算拨款 + 其他资金'
    FROM budget.performance_project
    UNION ALL
    SELECT report_id, table_no, row_no, source_line, project_name, '资金总额', total,
           ARRAY[fiscal_appropriation, other_funds], '财政拨款 + 其他资金'
    FROM budget.performance_target_project
)
SELECT k.fiscal_year, t.report_id, t.table_no, k.kind, t.row_no, t.name, t.header, coalesce(t.amount, 0) AS amount,
       t.parts_header,
       (SELECT sum(coalesce(part, 0)) FROM unnest(t.parts) AS part) AS parts_sum,
       cardinality(t.parts) AS terms,
       t.source_line,
       k.report_key
FROM total t
JOIN appendix.report_tables k ON k.report_id = t.report_id AND k.table_no = t.table_no;

COMMENT ON VIEW appendix.row_totals IS '行内合计核对：各行印刷的合计与本行各组成部分之和';
COMMENT ON COLUMN appendix.row_totals.fiscal_year IS '预算年度';
COMMENT ON COLUMN appendix.row_totals.table_no IS '表号';
COMMENT ON COLUMN appendix.row_totals.kind IS '表的种类（budget.table_kind）';
COMMENT ON COLUMN appendix.row_totals.row_no IS '行号（印刷顺序）';
COMMENT ON COLUMN appendix.row_totals.name IS '行名称（单位、科目、年度或项目）';
COMMENT ON COLUMN appendix.row_totals.header IS '合计的列名称';
COMMENT ON COLUMN appendix.row_totals.amount IS '印刷的合计金额（空格按 0）';
COMMENT ON COLUMN appendix.row_totals.parts_header IS '组成部分的列名称';
COMMENT ON COLUMN appendix.row_totals.parts_sum IS '（派生）组成部分之和（空格按 0）';
COMMENT ON COLUMN appendix.row_totals.terms IS '（派生）组成部分个数';
COMMENT ON COLUMN appendix.row_totals.source_line IS '文本文件中的行号';
COMMENT ON COLUMN appendix.row_totals.report_key IS '（派生）报告标识（各版本不变）';
