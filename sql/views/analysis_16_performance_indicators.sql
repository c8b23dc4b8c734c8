-- Performance indicators of the projects, with their parsed targets (operator, value, unit), and
-- search_text to find them by words: WHERE search_text LIKE '%满意度%'.
CREATE OR REPLACE VIEW analysis.performance_indicators AS
SELECT t.department, t.region, t.fiscal_year, t.stage, t.scope,
       i.table_no,
       i.row_no,
       g.project_name,
       p.name_key,
       i.level1,
       i.level2,
       i.content,
       i.target,
       i.operator,
       i.value,
       i.unit,
       i.target_kind,
       lower(concat_ws(' ', g.project_name, i.level1, i.level2, i.content, i.target)) AS search_text,
       t.report_id, t.template, t.report_key
FROM analysis.report_tables t
JOIN budget.performance_indicator i ON i.report_id = t.report_id AND i.table_no = t.table_no
LEFT JOIN budget.performance_target_project g ON g.report_id = i.report_id AND g.table_no = i.table_no
LEFT JOIN budget.project p ON p.report_id = g.report_id AND p.project_no = g.project_no
WHERE i.content IS NOT NULL OR i.target IS NOT NULL;

COMMENT ON VIEW analysis.performance_indicators IS '分析：项目绩效指标及解析后的目标值（可按文字检索）';
COMMENT ON COLUMN analysis.performance_indicators.table_no IS '表号（项目绩效目标表，如 15-3）';
COMMENT ON COLUMN analysis.performance_indicators.row_no IS '行号（表内印刷顺序）';
COMMENT ON COLUMN analysis.performance_indicators.project_name IS '项目名称';
COMMENT ON COLUMN analysis.performance_indicators.name_key IS '（派生）项目名称键（跨年度跟踪同一项目）';
COMMENT ON COLUMN analysis.performance_indicators.level1 IS '一级指标';
COMMENT ON COLUMN analysis.performance_indicators.level2 IS '二级指标';
COMMENT ON COLUMN analysis.performance_indicators.content IS '指标内容';
COMMENT ON COLUMN analysis.performance_indicators.target IS '目标值（如印刷）';
COMMENT ON COLUMN analysis.performance_indicators.operator IS '（派生）目标值的比较符：>= <= > < =';
COMMENT ON COLUMN analysis.performance_indicators.value IS '（派生）目标值的数值';
COMMENT ON COLUMN analysis.performance_indicators.unit IS '（派生）目标值的单位';
COMMENT ON COLUMN analysis.performance_indicators.target_kind IS '（派生）目标值类型：numeric 数值 / qualitative 定性 / compound 复合或区间 / not_applicable 不适用';
COMMENT ON COLUMN analysis.performance_indicators.search_text IS '（派生）检索文本（项目名称、指标、目标值，小写）';
