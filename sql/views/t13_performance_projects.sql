-- 表13 部门预算绩效管理项目情况表, row for row as printed.
CREATE OR REPLACE VIEW appendix.t13_performance_projects AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.implementing_unit,
       t.project_name,
       t.total,
       t.general_public_budget,
       t.other_funds,
       t.period_text,
       t.period_start,
       t.period_end,
       r.report_key
FROM appendix.reports r
JOIN budget.performance_project t ON t.report_id = r.report_id
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.t13_performance_projects IS '表13 部门预算绩效管理项目情况表';
COMMENT ON COLUMN appendix.t13_performance_projects.implementing_unit IS '实施单位';
COMMENT ON COLUMN appendix.t13_performance_projects.project_name IS '项目名称';
COMMENT ON COLUMN appendix.t13_performance_projects.total IS '预算金额 合计';
COMMENT ON COLUMN appendix.t13_performance_projects.general_public_budget IS '预算金额 一般公共预算拨款';
COMMENT ON COLUMN appendix.t13_performance_projects.other_funds IS '预算金额 其他资金';
COMMENT ON COLUMN appendix.t13_performance_projects.period_text IS '预算执行时间';
COMMENT ON COLUMN appendix.t13_performance_projects.period_start IS '（派生）预算执行开始日期';
COMMENT ON COLUMN appendix.t13_performance_projects.period_end IS '（派生）预算执行结束日期';
