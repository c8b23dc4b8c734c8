-- 表12 “三公”经费财政拨款预算情况表, one row per printed year (the earlier year is comparison data).
CREATE OR REPLACE VIEW appendix.t12_three_public_expenses AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.budget_unit,
       t.year,
       t.total,
       t.overseas_travel,
       t.official_reception,
       t.vehicle_subtotal,
       t.vehicle_purchase,
       t.vehicle_operation,
       r.report_key
FROM appendix.reports r
JOIN budget.three_public_expense t ON t.report_id = r.report_id
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.t12_three_public_expenses IS '表12 “三公”经费财政拨款预算情况表';
COMMENT ON COLUMN appendix.t12_three_public_expenses.budget_unit IS '预算单位';
COMMENT ON COLUMN appendix.t12_three_public_expenses.year IS '年度';
COMMENT ON COLUMN appendix.t12_three_public_expenses.total IS '“三公”经费财政拨款预算总额';
COMMENT ON COLUMN appendix.t12_three_public_expenses.overseas_travel IS '因公出国（境）费';
COMMENT ON COLUMN appendix.t12_three_public_expenses.official_reception IS '公务接待费';
COMMENT ON COLUMN appendix.t12_three_public_expenses.vehicle_subtotal IS '公务用车购置及运行维护费 小计';
COMMENT ON COLUMN appendix.t12_three_public_expenses.vehicle_purchase IS '公务用车购置及运行维护费 公务用车购置费';
COMMENT ON COLUMN appendix.t12_three_public_expenses.vehicle_operation IS '公务用车购置及运行维护费 公务用车运行维护费';
