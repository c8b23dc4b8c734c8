-- 表14 部门（单位）整体支出绩效目标申报表: the form's rows in printed order, each with its kind
-- (header fields, amounts, 职能概述, goals 目标 1 … N, indicators, 其他说明的问题).
CREATE OR REPLACE VIEW appendix.t14_department_performance_goals AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.section,
       t.label,
       t.amount,
       t.first_level_indicator,
       t.second_level_indicator,
       t.content,
       t.row_kind,
       t.goal_no,
       r.report_key
FROM appendix.reports r
JOIN budget.department_performance_row t ON t.report_id = r.report_id
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.t14_department_performance_goals IS '表14 部门（单位）整体支出绩效目标申报表';
COMMENT ON COLUMN appendix.t14_department_performance_goals.section IS '栏目';
COMMENT ON COLUMN appendix.t14_department_performance_goals.label IS '项目';
COMMENT ON COLUMN appendix.t14_department_performance_goals.amount IS '金额（万元）';
COMMENT ON COLUMN appendix.t14_department_performance_goals.first_level_indicator IS '一级指标';
COMMENT ON COLUMN appendix.t14_department_performance_goals.second_level_indicator IS '二级指标';
COMMENT ON COLUMN appendix.t14_department_performance_goals.content IS '内容';
COMMENT ON COLUMN appendix.t14_department_performance_goals.row_kind IS '（派生）行类型：header 表头 / amount 资金 / overview 职能概述 / goal 总体目标 / indicator 绩效指标 / remark 其他说明';
COMMENT ON COLUMN appendix.t14_department_performance_goals.goal_no IS '（派生）目标序号';
