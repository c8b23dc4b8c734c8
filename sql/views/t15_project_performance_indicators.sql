-- 表15-N 年度绩效指标: every indicator row of every 表15-N, in printed order within its table.
CREATE OR REPLACE VIEW appendix.t15_project_performance_indicators AS
SELECT r.department, r.fiscal_year, r.report_id, i.row_no,
       i.table_no,
       p.row_no AS sub_no,
       i.level1,
       i.level2,
       i.content,
       i.target,
       i.operator,
       i.value,
       i.unit,
       i.target_kind,
       r.report_key
FROM appendix.reports r
JOIN budget.performance_indicator i ON i.report_id = r.report_id
JOIN budget.performance_target_project p ON p.report_id = i.report_id AND p.table_no = i.table_no
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.t15_project_performance_indicators IS '表15 项目支出绩效目标表：年度绩效指标';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.row_no IS '行号（表15-N 内的印刷顺序）';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.table_no IS '（派生）表号 15-N（印在表前，不是表中的一列）';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.sub_no IS '（派生）表号中的序号 N，用于排序';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.level1 IS '一级指标';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.level2 IS '二级指标';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.content IS '指标内容';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.target IS '目标值';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.operator IS '（派生）目标值的比较符：>= <= > < =';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.value IS '（派生）目标值的数值';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.unit IS '（派生）目标值的单位';
COMMENT ON COLUMN appendix.t15_project_performance_indicators.target_kind IS '（派生）目标值类型：numeric 数值 / qualitative 定性 / compound 复合或区间（未归为一个数）/ not_applicable 不适用';
