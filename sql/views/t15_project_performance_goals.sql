-- 表15 项目支出绩效目标表: the header of each 表15-N (one row per project table) with its goals.
CREATE OR REPLACE VIEW appendix.t15_project_performance_goals AS
SELECT r.department, r.fiscal_year, r.report_id, p.row_no,
       p.table_no,
       p.row_no AS sub_no,
       p.project_name,
       p.project_unit,
       p.total,
       p.fiscal_appropriation,
       p.other_funds,
       p.contacts,
       p.phones,
       coalesce(g.goals, '{}') AS goals,
       r.report_key
FROM appendix.reports r
JOIN budget.performance_target_project p ON p.report_id = r.report_id
LEFT JOIN LATERAL (
    SELECT array_agg(goal.goal_text ORDER BY goal.row_no) AS goals
    FROM budget.performance_goal goal
    WHERE goal.report_id = p.report_id AND goal.table_no = p.table_no
) g ON true
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.t15_project_performance_goals IS '表15 项目支出绩效目标表';
COMMENT ON COLUMN appendix.t15_project_performance_goals.row_no IS '行号（表15-N 的 N）';
COMMENT ON COLUMN appendix.t15_project_performance_goals.table_no IS '表号';
COMMENT ON COLUMN appendix.t15_project_performance_goals.sub_no IS '（派生）表号中的序号 N，用于排序';
COMMENT ON COLUMN appendix.t15_project_performance_goals.project_name IS '项目名称';
COMMENT ON COLUMN appendix.t15_project_performance_goals.project_unit IS '项目单位';
COMMENT ON COLUMN appendix.t15_project_performance_goals.total IS '资金总额（万元）';
COMMENT ON COLUMN appendix.t15_project_performance_goals.fiscal_appropriation IS '其中：财政拨款';
COMMENT ON COLUMN appendix.t15_project_performance_goals.other_funds IS '其他资金';
COMMENT ON COLUMN appendix.t15_project_performance_goals.contacts IS '项目联系人';
COMMENT ON COLUMN appendix.t15_project_performance_goals.phones IS '联系电话';
COMMENT ON COLUMN appendix.t15_project_performance_goals.goals IS '项目绩效目标';
