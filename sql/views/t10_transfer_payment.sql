-- 表10 上级专项转移支付支出预算表, row for row as printed, with each code's place in the hierarchy.
CREATE OR REPLACE VIEW appendix.t10_transfer_payment AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.budget_unit,
       t.functional_code,
       t.functional_name,
       t.project_name,
       t.amount,
       c.level AS code_level,
       c.parent_code,
       r.report_key
FROM appendix.reports r
JOIN budget.transfer_payment t ON t.report_id = r.report_id
LEFT JOIN budget.functional_classification c
       ON c.fiscal_year = t.fiscal_year AND c.code = t.functional_code
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.t10_transfer_payment IS '表10 上级专项转移支付支出预算表';
COMMENT ON COLUMN appendix.t10_transfer_payment.budget_unit IS '预算单位';
COMMENT ON COLUMN appendix.t10_transfer_payment.functional_code IS '科目编码';
COMMENT ON COLUMN appendix.t10_transfer_payment.functional_name IS '科目名称';
COMMENT ON COLUMN appendix.t10_transfer_payment.project_name IS '项目名称';
COMMENT ON COLUMN appendix.t10_transfer_payment.amount IS '项目金额';
COMMENT ON COLUMN appendix.t10_transfer_payment.code_level IS '（派生）科目级次：类 / 款 / 项';
COMMENT ON COLUMN appendix.t10_transfer_payment.parent_code IS '（派生）上级科目编码';
