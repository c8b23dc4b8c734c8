-- Jiangsu expenditure by economic category (科目编码 / 科目名称 / 金额), row for row as printed; one shape.
-- @view jiangsu.t06_fiscal_basic_economic kind=basic_expenditure fund=财政拨款 title=公开06表 财政拨款基本支出预算表（经济科目）（江苏）
-- @view jiangsu.t08_general_basic_economic kind=basic_expenditure fund=一般公共预算 title=公开08表 一般公共预算基本支出预算表（经济科目）（江苏）
-- @view jiangsu.t11_operating_expenses kind=operating_expenses fund=一般公共预算 title=公开11表 一般公共预算机关运行经费支出预算表（江苏）
CREATE OR REPLACE VIEW {view} AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       coalesce(t.economic_code, t.item_name) AS economic_code,
       CASE WHEN t.row_kind = 'unit' THEN NULL ELSE t.item_name END AS item_name,
       t.total,
       r.report_key,
       CASE t.row_kind WHEN 'unit' THEN '合计' WHEN 'category' THEN '类' ELSE '款' END AS level
FROM appendix.reports r
JOIN appendix.report_tables k ON k.report_id = r.report_id AND k.kind = {kind} AND k.fund = {fund}
JOIN budget.basic_expenditure_item t ON t.report_id = r.report_id AND t.table_no = k.table_no
WHERE r.template = 'jiangsu_budget';

COMMENT ON VIEW {view} IS {title};
COMMENT ON COLUMN {view}.economic_code IS '科目编码';
COMMENT ON COLUMN {view}.item_name IS '科目名称';
COMMENT ON COLUMN {view}.total IS '金额';
COMMENT ON COLUMN {view}.level IS '（派生）级次：类 / 款 / 合计';
