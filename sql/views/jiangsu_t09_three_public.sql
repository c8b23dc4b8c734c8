-- Jiangsu “三公”经费、会议费、培训费支出预算表 (one row)
CREATE OR REPLACE VIEW jiangsu.t09_three_public_meetings_training AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.grand_total, t.total, t.overseas_travel, t.vehicle_subtotal, t.vehicle_purchase, t.vehicle_operation,
       t.official_reception, t.meeting_fee, t.training_fee, r.report_key
FROM appendix.reports r
JOIN budget.three_public_expense t ON t.report_id = r.report_id
WHERE r.template = 'jiangsu_budget';

COMMENT ON VIEW jiangsu.t09_three_public_meetings_training IS '公开09表 “三公”经费、会议费、培训费支出预算表（江苏）';
COMMENT ON COLUMN jiangsu.t09_three_public_meetings_training.grand_total IS '合计';
COMMENT ON COLUMN jiangsu.t09_three_public_meetings_training.total IS '“三公”经费 小计';
COMMENT ON COLUMN jiangsu.t09_three_public_meetings_training.overseas_travel IS '因公出国（境）费';
COMMENT ON COLUMN jiangsu.t09_three_public_meetings_training.vehicle_subtotal IS '公务用车购置及运行维护费 小计';
COMMENT ON COLUMN jiangsu.t09_three_public_meetings_training.vehicle_purchase IS '公务用车购置费';
COMMENT ON COLUMN jiangsu.t09_three_public_meetings_training.vehicle_operation IS '公务用车运行维护费';
COMMENT ON COLUMN jiangsu.t09_three_public_meetings_training.official_reception IS '公务接待费';
COMMENT ON COLUMN jiangsu.t09_three_public_meetings_training.meeting_fee IS '会议费';
COMMENT ON COLUMN jiangsu.t09_three_public_meetings_training.training_fee IS '培训费';
