-- 财政拨款“三公”经费支出决算表, as printed: one line, each item's 预算数 then 决算数.
CREATE OR REPLACE VIEW final_accounts.f07_three_public AS
SELECT r.department, r.fiscal_year, r.report_id, 1 AS row_no,
       b.total AS total_budget, f.total AS total_final,
       b.overseas_travel AS overseas_travel_budget, f.overseas_travel AS overseas_travel_final,
       b.vehicle_subtotal AS vehicle_subtotal_budget, f.vehicle_subtotal AS vehicle_subtotal_final,
       b.vehicle_purchase AS vehicle_purchase_budget, f.vehicle_purchase AS vehicle_purchase_final,
       b.vehicle_operation AS vehicle_operation_budget, f.vehicle_operation AS vehicle_operation_final,
       b.official_reception AS official_reception_budget, f.official_reception AS official_reception_final,
       r.report_key
FROM appendix.reports r
JOIN budget.three_public_expense b ON b.report_id = r.report_id AND b.measure = '预算数'
JOIN budget.three_public_expense f ON f.report_id = r.report_id AND f.measure = '决算数' AND f.table_no = b.table_no
WHERE r.template = 'final_accounts';

COMMENT ON VIEW final_accounts.f07_three_public IS '财政拨款“三公”经费支出决算表（万元）';
COMMENT ON COLUMN final_accounts.f07_three_public.total_budget IS '合计 预算数';
COMMENT ON COLUMN final_accounts.f07_three_public.total_final IS '合计 决算数';
COMMENT ON COLUMN final_accounts.f07_three_public.overseas_travel_budget IS '因公出国（境）费 预算数';
COMMENT ON COLUMN final_accounts.f07_three_public.overseas_travel_final IS '因公出国（境）费 决算数';
COMMENT ON COLUMN final_accounts.f07_three_public.vehicle_subtotal_budget IS '公务用车购置及运行维护费 小计 预算数';
COMMENT ON COLUMN final_accounts.f07_three_public.vehicle_subtotal_final IS '公务用车购置及运行维护费 小计 决算数';
COMMENT ON COLUMN final_accounts.f07_three_public.vehicle_purchase_budget IS '公务用车购置费 预算数';
COMMENT ON COLUMN final_accounts.f07_three_public.vehicle_purchase_final IS '公务用车购置费 决算数';
COMMENT ON COLUMN final_accounts.f07_three_public.vehicle_operation_budget IS '公务用车运行维护费 预算数';
COMMENT ON COLUMN final_accounts.f07_three_public.vehicle_operation_final IS '公务用车运行维护费 决算数';
COMMENT ON COLUMN final_accounts.f07_three_public.official_reception_budget IS '公务接待费 预算数';
COMMENT ON COLUMN final_accounts.f07_three_public.official_reception_final IS '公务接待费 决算数';
