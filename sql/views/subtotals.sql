-- Every printed row that totals the rows one level below it (a unit row, 类, 款, a 表4 category, a
-- 表5 group), column by column (表4 and 表5: 总计 and each funding column), with the sum of those
-- rows: where amount <> children_sum the table does not add up. An empty cell counts as 0.
-- The rules functional_hierarchy,
-- transfer_hierarchy, basic_items_sum and project_items_sum read it (current reports only).
CREATE OR REPLACE VIEW appendix.subtotals AS
-- Every branch carries its table's kind: a rule's filter on kind reaches the fact tables (only
-- those tables are read), instead of all subtotals of the report being summed first (kind is in
-- the window's partition for the same reason: a filter passes a window only on its partition).
WITH coded AS NOT MATERIALIZED (  -- 表7–表9 and 表10: rows by functional code; the unit row has none
    SELECT f.report_id, f.table_no, k.kind, f.row_no, f.source_line, f.functional_code AS code,
           coalesce(f.functional_code || ' ' || f.functional_name, f.budget_unit) AS name,
           v.column_no, v.header, v.amount
    FROM budget.functional_expenditure f
    JOIN budget.report_table k ON k.report_id = f.report_id AND k.table_no = f.table_no
    CROSS JOIN LATERAL (VALUES (1, '支出总计', f.total), (2, '基本支出', f.basic_expenditure),
                               (3, '项目支出', f.project_expenditure)) AS v (column_no, header, amount)
    UNION ALL
    SELECT f.report_id, f.table_no, k.kind, f.row_no, f.source_line, f.functional_code,
           coalesce(f.functional_code || ' ' || f.functional_name, f.budget_unit), 1, '项目金额', f.amount
    FROM budget.transfer_payment f
    JOIN budget.report_table k ON k.report_id = f.report_id AND k.table_no = f.table_no
),
tiered AS NOT MATERIALIZED (  -- 表4 and 表5: a unit row, its categories or groups, their items or projects
    SELECT i.report_id, i.table_no, k.kind, i.row_no, i.source_line, i.item_name, i.total, i.row_kind,
           i.category_name AS grouped_under
    FROM budget.basic_expenditure_item i
    JOIN budget.report_table k ON k.report_id = i.report_id AND k.table_no = i.table_no
    UNION ALL
    SELECT i.report_id, i.table_no, k.kind, i.row_no, i.source_line, i.item_name, i.total, i.row_kind, i.project_group
    FROM budget.project_expenditure_item i
    JOIN budget.report_table k ON k.report_id = i.report_id AND k.table_no = i.table_no
),
tiered_cell AS NOT MATERIALIZED (  -- their 总计 column, and every funding column the table prints on every row
    SELECT report_id, table_no, kind, row_no, source_line, item_name, row_kind, grouped_under,
           1 AS column_no, '总计' AS header, coalesce(total, 0) AS amount
    FROM tiered
    UNION ALL
    SELECT t.report_id, t.table_no, t.kind, t.row_no, t.source_line, t.item_name, t.row_kind, t.grouped_under,
           1 + s.ordinal, s.name, coalesce(f.amount, 0)
    FROM tiered t
    JOIN (SELECT DISTINCT x.report_id, x.table_no, x.source_code FROM budget.funding_amount x) printed
      ON printed.report_id = t.report_id AND printed.table_no = t.table_no  -- once a table, not once a row
    JOIN budget.funding_source s ON s.code = printed.source_code
    LEFT JOIN budget.funding_amount f
      ON f.report_id = t.report_id AND f.table_no = t.table_no AND f.row_no = t.row_no AND f.source_code = s.code
),
cell AS NOT MATERIALIZED (  -- node: the key its children name as their parent
    SELECT report_id, table_no, kind, row_no, source_line, name, column_no, header, coalesce(amount, 0) AS amount,
           CASE length(code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' ELSE '单位合计' END AS level,
           coalesce(code, '') AS node,
           CASE length(code) WHEN 3 THEN '' ELSE left(code, -2) END AS parent
    FROM coded
    UNION ALL
    SELECT report_id, table_no, kind, row_no, source_line, item_name, column_no, header, amount,
           CASE row_kind WHEN 'unit' THEN '单位合计' WHEN 'category' THEN '类' WHEN 'item' THEN '款'
                         WHEN 'group' THEN '项目类别' ELSE '项目' END,
           CASE row_kind WHEN 'unit' THEN '' WHEN 'category' THEN item_name WHEN 'group' THEN grouped_under END,
           CASE WHEN row_kind IN ('category', 'group') THEN '' WHEN row_kind IN ('item', 'project') THEN grouped_under END
    FROM tiered_cell
),
children AS NOT MATERIALIZED (  -- each node's children added up once (joined row by row, a table of
    -- n rows was compared n × n times)
    SELECT report_id, table_no, kind, column_no, parent,
           sum(amount) AS children_sum, count(*) AS children, min(level) AS child_level
    FROM cell
    GROUP BY report_id, table_no, kind, column_no, parent
)
SELECT p.report_id, p.table_no, p.kind, p.row_no, p.name, p.level, p.column_no, p.header, p.amount,
       c.children_sum,
       c.children,
       c.child_level,
       p.source_line,
       t.report_key,
       first_value(p.amount - c.children_sum) OVER (PARTITION BY p.report_id, p.table_no, p.kind, p.row_no ORDER BY p.column_no)
           AS first_column_difference
FROM cell p
JOIN appendix.report_tables t ON t.report_id = p.report_id AND t.table_no = p.table_no
JOIN children c ON c.report_id = p.report_id AND c.table_no = p.table_no AND c.kind = p.kind
 AND c.column_no = p.column_no AND c.parent = p.node;

COMMENT ON VIEW appendix.subtotals IS '小计核对：各合计行（单位合计、类、款、表4 类、表5 项目类别）与其下一级各行之和';
COMMENT ON COLUMN appendix.subtotals.table_no IS '表号';
COMMENT ON COLUMN appendix.subtotals.kind IS '表的种类（budget.table_kind）';
COMMENT ON COLUMN appendix.subtotals.row_no IS '行号（印刷顺序）';
COMMENT ON COLUMN appendix.subtotals.name IS '行名称（科目编码及名称，或单位、类、项目类别名称）';
COMMENT ON COLUMN appendix.subtotals.level IS '（派生）级次：单位合计 / 类 / 款 / 项目类别';
COMMENT ON COLUMN appendix.subtotals.column_no IS '金额列序号';
COMMENT ON COLUMN appendix.subtotals.header IS '金额列名称';
COMMENT ON COLUMN appendix.subtotals.amount IS '印刷的合计金额（空格按 0）';
COMMENT ON COLUMN appendix.subtotals.children_sum IS '（派生）下一级各行之和';
COMMENT ON COLUMN appendix.subtotals.children IS '（派生）下一级行数';
COMMENT ON COLUMN appendix.subtotals.child_level IS '（派生）下一级的级次';
COMMENT ON COLUMN appendix.subtotals.source_line IS '文本文件中的行号';
COMMENT ON COLUMN appendix.subtotals.report_key IS '（派生）报告标识（各版本不变）';
COMMENT ON COLUMN appendix.subtotals.first_column_difference IS '（派生）同一行第一金额列（总计）的差额：资金来源列的同一差额是它的延续';
