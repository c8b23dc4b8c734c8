-- 一般公共预算财政拨款基本支出决算表, row for row: 人员经费 (301, 303) on the left, 公用经费 (302, 310)
-- on the right of each printed line; the two totals (人员经费合计 | 公用经费合计) on the last line.
-- Each report's lines are its left and right items FULL JOINed on source_line, LATERAL per report,
-- so a query for one report reads only that report's rows.
CREATE OR REPLACE VIEW final_accounts.f06_basic_expenditure AS
WITH item AS NOT MATERIALIZED (
    SELECT i.report_id, i.source_line, i.economic_code, i.item_name, i.total,
           CASE WHEN left(i.economic_code, 3) IN ('302', '310') OR i.item_name LIKE '公用经费%'
                  OR c.code IN ('302', '310') THEN 'right' ELSE 'left' END AS side
    FROM budget.basic_expenditure_item i
    JOIN budget.report_table t USING (report_id, table_no)
    LEFT JOIN budget.economic_classification c ON i.economic_code IS NULL AND c.name = i.category_name
    WHERE t.kind = 'economic_two_sided'
)
SELECT r.department, r.fiscal_year, r.report_id,
       (row_number() OVER (PARTITION BY r.report_id ORDER BY line.source_line))::int AS row_no,
       left(line.left_code, 3) AS left_class, nullif(substr(line.left_code, 4), '') AS left_section,
       line.left_name, line.left_total,
       left(line.right_code, 3) AS right_class, nullif(substr(line.right_code, 4), '') AS right_section,
       line.right_name, line.right_total,
       line.source_line, r.report_key
FROM appendix.reports r
CROSS JOIN LATERAL (
    SELECT coalesce(l.source_line, rt.source_line) AS source_line,
           l.economic_code AS left_code, l.item_name AS left_name, l.total AS left_total,
           rt.economic_code AS right_code, rt.item_name AS right_name, rt.total AS right_total
    FROM (SELECT * FROM item WHERE report_id = r.report_id AND side = 'left') l
    FULL JOIN (SELECT * FROM item WHERE report_id = r.report_id AND side = 'right') rt
      ON rt.source_line = l.source_line
) line;

COMMENT ON VIEW final_accounts.f06_basic_expenditure IS '一般公共预算财政拨款基本支出决算表（万元）';
COMMENT ON COLUMN final_accounts.f06_basic_expenditure.left_class IS '经济分类科目编码 类（人员经费）';
COMMENT ON COLUMN final_accounts.f06_basic_expenditure.left_section IS '经济分类科目编码 款（人员经费）';
COMMENT ON COLUMN final_accounts.f06_basic_expenditure.left_name IS '科目名称（人员经费）';
COMMENT ON COLUMN final_accounts.f06_basic_expenditure.left_total IS '决算数（人员经费）';
COMMENT ON COLUMN final_accounts.f06_basic_expenditure.right_class IS '经济分类科目编码 类（公用经费）';
COMMENT ON COLUMN final_accounts.f06_basic_expenditure.right_section IS '经济分类科目编码 款（公用经费）';
COMMENT ON COLUMN final_accounts.f06_basic_expenditure.right_name IS '科目名称（公用经费）';
COMMENT ON COLUMN final_accounts.f06_basic_expenditure.right_total IS '决算数（公用经费）';
COMMENT ON COLUMN final_accounts.f06_basic_expenditure.source_line IS '（派生）文本文件中的行号';
