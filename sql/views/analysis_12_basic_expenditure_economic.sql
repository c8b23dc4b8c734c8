-- Basic expenditure by economic category: the 类 (e.g. 301 工资福利支出) and 款 (30101 基本工资)
-- rows of the basic-expenditure table (a budget's 基本支出预算表, a 决算's 基本支出决算表 of
-- 人员经费 | 公用经费), one row per printed row, in 万元.
CREATE OR REPLACE VIEW analysis.basic_expenditure_economic AS
SELECT t.department, t.region, t.fiscal_year, t.stage, t.scope,
       t.table_no,
       b.row_no,
       CASE b.row_kind WHEN 'category' THEN '类' ELSE '款' END AS level,
       b.economic_code,
       b.item_name AS economic_name,
       CASE WHEN b.row_kind = 'item' THEN left(b.economic_code, 3) END AS category_code,
       b.category_name,
       b.total * t.wan_yuan AS amount,
       round(100 * b.total / nullif(unit_total.total, 0), 2) AS share_percent,
       t.report_id, t.template, t.report_key
FROM analysis.report_tables t
JOIN budget.basic_expenditure_item b ON b.report_id = t.report_id AND b.table_no = t.table_no
-- the units' total summed once a table (grouped; a report's filter reaches it by its keys), not once a row
LEFT JOIN (SELECT u.report_id, u.table_no, sum(u.total) AS total FROM budget.basic_expenditure_item u
           WHERE u.row_kind = 'unit' GROUP BY u.report_id, u.table_no) unit_total
       ON unit_total.report_id = t.report_id AND unit_total.table_no = t.table_no
WHERE t.table_kind IN ('basic_expenditure', 'economic_two_sided') AND b.row_kind IN ('category', 'item');

COMMENT ON VIEW analysis.basic_expenditure_economic IS '分析：基本支出按经济分类（类、款，万元）';
COMMENT ON COLUMN analysis.basic_expenditure_economic.table_no IS '表号（基本支出表 / 基本支出决算表，如印刷）';
COMMENT ON COLUMN analysis.basic_expenditure_economic.row_no IS '行号（印刷顺序）';
COMMENT ON COLUMN analysis.basic_expenditure_economic.level IS '（派生）级次：类 / 款';
COMMENT ON COLUMN analysis.basic_expenditure_economic.economic_code IS '经济分类科目编码';
COMMENT ON COLUMN analysis.basic_expenditure_economic.economic_name IS '经济分类科目名称（如印刷）';
COMMENT ON COLUMN analysis.basic_expenditure_economic.category_code IS '（派生）所属类的编码（款）';
COMMENT ON COLUMN analysis.basic_expenditure_economic.category_name IS '所属类的名称（款，如印刷）';
COMMENT ON COLUMN analysis.basic_expenditure_economic.amount IS '金额（万元）';
COMMENT ON COLUMN analysis.basic_expenditure_economic.share_percent IS '（派生）占基本支出合计的百分比';
