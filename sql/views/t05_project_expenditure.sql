-- 表5 项目支出预算表, row for row as printed.
CREATE OR REPLACE VIEW appendix.t05_project_expenditure AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.item_name AS budget_unit,
       t.total,
       f.fiscal_subtotal, f.general_public_subtotal, f.general_funds, f.special_funds,
       f.government_investment, f.government_fund, f.business_income, f.other_income,
       f.superior_subsidy, f.prior_year_carryover,
       t.row_kind,
       t.project_group,
       r.report_key
FROM appendix.reports r
JOIN budget.project_expenditure_item t ON t.report_id = r.report_id
LEFT JOIN appendix.funding_columns f
       ON f.report_id = t.report_id AND f.table_no = t.table_no AND f.row_no = t.row_no
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.t05_project_expenditure IS '表5 项目支出预算表';
COMMENT ON COLUMN appendix.t05_project_expenditure.budget_unit IS '预算单位';
COMMENT ON COLUMN appendix.t05_project_expenditure.total IS '总计';
COMMENT ON COLUMN appendix.t05_project_expenditure.fiscal_subtotal IS '财政预算拨款 小计';
COMMENT ON COLUMN appendix.t05_project_expenditure.general_public_subtotal IS '一般公共预算拨款 小计';
COMMENT ON COLUMN appendix.t05_project_expenditure.general_funds IS '一般性经费拨款';
COMMENT ON COLUMN appendix.t05_project_expenditure.special_funds IS '财政专项资金拨款';
COMMENT ON COLUMN appendix.t05_project_expenditure.government_investment IS '政府投资项目拨款';
COMMENT ON COLUMN appendix.t05_project_expenditure.government_fund IS '政府性基金预算拨款';
COMMENT ON COLUMN appendix.t05_project_expenditure.business_income IS '事业收入';
COMMENT ON COLUMN appendix.t05_project_expenditure.other_income IS '其他收入';
COMMENT ON COLUMN appendix.t05_project_expenditure.superior_subsidy IS '上级补助收入';
COMMENT ON COLUMN appendix.t05_project_expenditure.prior_year_carryover IS '上年结余、结转';
COMMENT ON COLUMN appendix.t05_project_expenditure.row_kind IS '（派生）行类型：unit 单位 / group 项目类别 / project 项目';
COMMENT ON COLUMN appendix.t05_project_expenditure.project_group IS '（派生）项目类别（一般性项目 / 政府投资项目）';
