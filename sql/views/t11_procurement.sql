-- 表11 政府采购项目支出预算表, one row per printed line (a project printed twice stays twice).
CREATE OR REPLACE VIEW appendix.t11_procurement AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.project_name,
       t.procurement_category,
       t.service_years,
       t.actual_amount,
       t.annual_amount,
       t.demand_time_text,
       t.remark,
       t.demand_month,
       r.report_key
FROM appendix.reports r
JOIN budget.procurement_item t ON t.report_id = r.report_id
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.t11_procurement IS '表11 政府采购项目支出预算表';
COMMENT ON COLUMN appendix.t11_procurement.project_name IS '采购项目';
COMMENT ON COLUMN appendix.t11_procurement.procurement_category IS '采购品目';
COMMENT ON COLUMN appendix.t11_procurement.service_years IS '服务年限';
COMMENT ON COLUMN appendix.t11_procurement.actual_amount IS '实际指标';
COMMENT ON COLUMN appendix.t11_procurement.annual_amount IS '一年采购指标';
COMMENT ON COLUMN appendix.t11_procurement.demand_time_text IS '需求时间';
COMMENT ON COLUMN appendix.t11_procurement.remark IS '备注';
COMMENT ON COLUMN appendix.t11_procurement.demand_month IS '（派生）需求月份（该月第一天；往年采购等为空）';
