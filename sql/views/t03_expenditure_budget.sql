-- 表3 支出预算表, row for row as printed.
CREATE OR REPLACE VIEW appendix.t03_expenditure_budget AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.budget_unit,
       t.expenditure_total,
       t.basic_expenditure,
       t.project_expenditure,
       t.procurement,
       t.procurement_sme,
       t.procurement_small_micro,
       r.report_key
FROM appendix.reports r
JOIN budget.expenditure_budget t ON t.report_id = r.report_id
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.t03_expenditure_budget IS '表3 支出预算表';
COMMENT ON COLUMN appendix.t03_expenditure_budget.budget_unit IS '预算单位';
COMMENT ON COLUMN appendix.t03_expenditure_budget.expenditure_total IS '支出总计';
COMMENT ON COLUMN appendix.t03_expenditure_budget.basic_expenditure IS '基本支出';
COMMENT ON COLUMN appendix.t03_expenditure_budget.project_expenditure IS '项目支出';
COMMENT ON COLUMN appendix.t03_expenditure_budget.procurement IS '其中 2020 政府采购项目';
COMMENT ON COLUMN appendix.t03_expenditure_budget.procurement_sme IS '其中 2020 面向中小企业政府采购项目';
COMMENT ON COLUMN appendix.t03_expenditure_budget.procurement_small_micro IS '其中 2020 面向小型、微型企业政府采购项目';
