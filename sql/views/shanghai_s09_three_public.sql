-- Shanghai 部门“三公”经费和机关运行经费预算表, as printed: one line, the 三公 items then 机关运行经费.
CREATE OR REPLACE VIEW shanghai.s09_three_public_operating AS
SELECT r.department, r.fiscal_year, r.report_id, e.row_no,
       e.total,
       e.overseas_travel,
       e.official_reception,
       e.vehicle_subtotal,
       e.vehicle_purchase,
       e.vehicle_operation,
       e.operating_expenses,
       e.source_line,
       r.report_key
FROM appendix.reports r
JOIN appendix.report_tables k ON k.report_id = r.report_id AND k.kind = 'three_public'
JOIN budget.three_public_expense e ON e.report_id = r.report_id AND e.table_no = k.table_no
WHERE r.template = 'shanghai_budget';

COMMENT ON VIEW shanghai.s09_three_public_operating IS '部门“三公”经费和机关运行经费预算表（万元）';
COMMENT ON COLUMN shanghai.s09_three_public_operating.total IS '“三公”经费预算数 合计';
COMMENT ON COLUMN shanghai.s09_three_public_operating.overseas_travel IS '因公出国(境)费';
COMMENT ON COLUMN shanghai.s09_three_public_operating.official_reception IS '公务接待费';
COMMENT ON COLUMN shanghai.s09_three_public_operating.vehicle_subtotal IS '公务用车购置及运行费 小计';
COMMENT ON COLUMN shanghai.s09_three_public_operating.vehicle_purchase IS '公务用车购置及运行费 购置费';
COMMENT ON COLUMN shanghai.s09_three_public_operating.vehicle_operation IS '公务用车购置及运行费 运行费';
COMMENT ON COLUMN shanghai.s09_three_public_operating.operating_expenses IS '机关运行经费预算数';
COMMENT ON COLUMN shanghai.s09_three_public_operating.source_line IS '（派生）文本文件中的行号';
