-- 表7, 表8, 表9: expenditure by functional code (类 / 款 / 项), row for row as printed; one shape.
-- level says which rows to sum: SUM over one level is safe, over all levels counts money twice.
-- @view t07_general_budget_expenditure table_no=7 title=表7 一般公共预算支出情况表
-- @view t08_gov_fund_expenditure table_no=8 title=表8 政府性基金预算支出情况表
-- @view t09_state_capital_expenditure table_no=9 title=表9 国有资本经营预算支出情况表
CREATE OR REPLACE VIEW {view} AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.budget_unit,
       t.functional_code,
       t.functional_name,
       t.total,
       t.basic_expenditure,
       t.project_expenditure,
       r.report_key,
       CASE length(t.functional_code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' ELSE '单位合计' END AS level
FROM appendix.reports r
JOIN budget.functional_expenditure t ON t.report_id = r.report_id AND t.table_no = {table_no}
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW {view} IS {title};
COMMENT ON COLUMN {view}.budget_unit IS '预算单位';
COMMENT ON COLUMN {view}.functional_code IS '科目编码';
COMMENT ON COLUMN {view}.functional_name IS '科目名称';
COMMENT ON COLUMN {view}.total IS '支出总计';
COMMENT ON COLUMN {view}.basic_expenditure IS '基本支出';
COMMENT ON COLUMN {view}.project_expenditure IS '项目支出';
COMMENT ON COLUMN {view}.level IS '（派生）级次：类 / 款 / 项 / 单位合计';
