-- The amounts of the 预算单位 rows of 表2 (income by unit) and 表3 (expenditure by unit), one row per
-- printed row and column; `is_total` marks the 合计 row a consolidated department prints. Every
-- funding column printed anywhere in the table is given on every row (0 where the cell is empty),
-- so that a 合计 row and its units compare column by column. Current versions only.
CREATE OR REPLACE VIEW appendix.unit_row_amounts AS
WITH unit_row AS NOT MATERIALIZED (
    SELECT i.report_id, i.table_no, i.row_no, i.budget_unit, i.source_line, i.total
    FROM budget.income_budget i
    JOIN budget.report r ON r.id = i.report_id AND r.superseded_at IS NULL
),
income_column AS NOT MATERIALIZED (  -- the funding columns a 表2 prints, in code-list order
    SELECT DISTINCT f.report_id, f.table_no, s.ordinal, s.code, s.name
    FROM budget.funding_amount f
    JOIN budget.funding_source s ON s.code = f.source_code
    JOIN unit_row u ON u.report_id = f.report_id AND u.table_no = f.table_no AND u.row_no = f.row_no
)
SELECT u.report_id, u.table_no, u.row_no, u.budget_unit,
       regexp_replace(u.budget_unit, '\s', '', 'g') IN ('合计', '总计') AS is_total,
       0 AS column_no, '收入总计' AS header, NULL::text AS source_code, coalesce(u.total, 0) AS amount, u.source_line
FROM unit_row u
UNION ALL
SELECT u.report_id, u.table_no, u.row_no, u.budget_unit,
       regexp_replace(u.budget_unit, '\s', '', 'g') IN ('合计', '总计'),
       c.ordinal, c.name, c.code, coalesce(f.amount, 0), u.source_line
FROM unit_row u
JOIN income_column c ON c.report_id = u.report_id AND c.table_no = u.table_no
LEFT JOIN budget.funding_amount f
  ON f.report_id = u.report_id AND f.table_no = u.table_no AND f.row_no = u.row_no AND f.source_code = c.code
UNION ALL
SELECT e.report_id, e.table_no, e.row_no, e.budget_unit,
       regexp_replace(e.budget_unit, '\s', '', 'g') IN ('合计', '总计'),
       v.column_no, v.header, NULL, coalesce(v.amount, 0), e.source_line
FROM budget.expenditure_budget e
JOIN budget.report r ON r.id = e.report_id AND r.superseded_at IS NULL
CROSS JOIN LATERAL (VALUES (1, '支出总计', e.expenditure_total), (2, '基本支出', e.basic_expenditure),
                           (3, '项目支出', e.project_expenditure), (4, '政府采购项目', e.procurement),
                           (5, '面向中小企业政府采购项目', e.procurement_sme),
                           (6, '面向小型、微型企业政府采购项目', e.procurement_small_micro))
    AS v (column_no, header, amount);

COMMENT ON VIEW appendix.unit_row_amounts IS '表2、表3 各预算单位行（含合计行）的金额，每列一行';
COMMENT ON COLUMN appendix.unit_row_amounts.table_no IS '表号';
COMMENT ON COLUMN appendix.unit_row_amounts.budget_unit IS '预算单位（如印刷）';
COMMENT ON COLUMN appendix.unit_row_amounts.is_total IS '（派生）是否合计行';
COMMENT ON COLUMN appendix.unit_row_amounts.column_no IS '列序号';
COMMENT ON COLUMN appendix.unit_row_amounts.header IS '列名称（资金来源按代码表名称）';
COMMENT ON COLUMN appendix.unit_row_amounts.source_code IS '资金来源代码（budget.funding_source；其他列为空）';
COMMENT ON COLUMN appendix.unit_row_amounts.amount IS '金额（空格按 0）';
COMMENT ON COLUMN appendix.unit_row_amounts.source_line IS '文本文件中的行号';
