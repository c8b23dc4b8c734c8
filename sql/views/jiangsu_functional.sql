-- Jiangsu expenditure by function (功能科目编码 / 名称 / 金额), row for row as printed; one shape.
-- level says which rows to sum (类 / 款 / 项 / 合计).
-- @view jiangsu.t05_fiscal_functional kind=functional_expenditure fund=财政拨款 title=公开05表 财政拨款支出预算表（功能科目）（江苏）
-- @view jiangsu.t07_general_functional kind=functional_expenditure fund=一般公共预算 title=公开07表 一般公共预算支出预算表（功能科目）（江苏）
-- @view jiangsu.t10_gov_fund_functional kind=functional_expenditure fund=政府性基金 title=公开10表 政府性基金支出预算表（江苏）
CREATE OR REPLACE VIEW {view} AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       coalesce(t.functional_code, t.budget_unit) AS functional_code,
       t.functional_name,
       t.total,
       r.report_key,
       CASE length(t.functional_code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' ELSE '合计' END AS level
FROM appendix.reports r
JOIN appendix.report_tables k ON k.report_id = r.report_id AND k.kind = {kind} AND k.fund = {fund}
JOIN budget.functional_expenditure t ON t.report_id = r.report_id AND t.table_no = k.table_no
WHERE r.template = 'jiangsu_budget';

COMMENT ON VIEW {view} IS {title};
COMMENT ON COLUMN {view}.functional_code IS '功能科目编码';
COMMENT ON COLUMN {view}.functional_name IS '功能科目名称';
COMMENT ON COLUMN {view}.total IS '金额';
COMMENT ON COLUMN {view}.level IS '（派生）级次：类 / 款 / 项 / 合计';
