-- 表8 政府性基金预算支出情况表, row for row as printed.
CREATE VIEW appendix.t08_gov_fund_expenditure AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.budget_unit,
       t.functional_code,
       t.functional_name,
       t.total,
       t.basic_expenditure,
       t.project_expenditure
FROM appendix.reports r
JOIN budget.functional_expenditure t ON t.report_id = r.report_id AND t.table_no = 8;

COMMENT ON VIEW appendix.t08_gov_fund_expenditure IS '表8 政府性基金预算支出情况表';
COMMENT ON COLUMN appendix.t08_gov_fund_expenditure.department IS '单位名称';
COMMENT ON COLUMN appendix.t08_gov_fund_expenditure.fiscal_year IS '预算年度';
COMMENT ON COLUMN appendix.t08_gov_fund_expenditure.row_no IS '行号（印刷顺序）';
COMMENT ON COLUMN appendix.t08_gov_fund_expenditure.budget_unit IS '预算单位';
COMMENT ON COLUMN appendix.t08_gov_fund_expenditure.functional_code IS '科目编码';
COMMENT ON COLUMN appendix.t08_gov_fund_expenditure.functional_name IS '科目名称';
COMMENT ON COLUMN appendix.t08_gov_fund_expenditure.total IS '支出总计';
COMMENT ON COLUMN appendix.t08_gov_fund_expenditure.basic_expenditure IS '基本支出';
COMMENT ON COLUMN appendix.t08_gov_fund_expenditure.project_expenditure IS '项目支出';
