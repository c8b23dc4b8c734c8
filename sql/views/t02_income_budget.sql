-- 表2 收入预算表, row for row as printed.
CREATE OR REPLACE VIEW appendix.t02_income_budget AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.budget_unit,
       t.total AS income_total,
       f.fiscal_subtotal, f.general_public_subtotal, f.general_funds, f.special_funds,
       f.government_investment, f.government_fund, f.fiscal_special_account, f.business_income,
       f.other_income, f.superior_subsidy, f.prior_year_carryover,
       r.report_key
FROM appendix.reports r
JOIN budget.income_budget t ON t.report_id = r.report_id
LEFT JOIN appendix.funding_columns f
       ON f.report_id = t.report_id AND f.table_no = t.table_no AND f.row_no = t.row_no
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.t02_income_budget IS '表2 收入预算表';
COMMENT ON COLUMN appendix.t02_income_budget.budget_unit IS '预算单位';
COMMENT ON COLUMN appendix.t02_income_budget.income_total IS '收入总计';
COMMENT ON COLUMN appendix.t02_income_budget.fiscal_subtotal IS '财政预算拨款 小计';
COMMENT ON COLUMN appendix.t02_income_budget.general_public_subtotal IS '一般公共预算拨款 小计';
COMMENT ON COLUMN appendix.t02_income_budget.general_funds IS '一般性经费拨款';
COMMENT ON COLUMN appendix.t02_income_budget.special_funds IS '财政专项资金拨款';
COMMENT ON COLUMN appendix.t02_income_budget.government_investment IS '政府投资项目拨款';
COMMENT ON COLUMN appendix.t02_income_budget.government_fund IS '政府性基金预算拨款';
COMMENT ON COLUMN appendix.t02_income_budget.fiscal_special_account IS '财政专户拨款';
COMMENT ON COLUMN appendix.t02_income_budget.business_income IS '事业收入';
COMMENT ON COLUMN appendix.t02_income_budget.other_income IS '其他收入';
COMMENT ON COLUMN appendix.t02_income_budget.superior_subsidy IS '上级补助收入';
COMMENT ON COLUMN appendix.t02_income_budget.prior_year_carryover IS '上年结余、结转';
