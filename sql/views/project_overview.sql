-- One row per 表15 project of a report: where it appears in 表5, 表13, 表11 and 表10, and what its indicators promise.
CREATE OR REPLACE VIEW appendix.project_overview AS
WITH links AS (
    -- The rows of 表13, 表5, 表11 and 表10 that reference the same project as the 表15 table.
    SELECT p.report_id, p.table_no,
           t13.row_no AS t13_row_no, t13.total AS t13_amount, t13.project_match AS t13_link_method,
           t05.row_no AS t05_row_no, t05.total AS t05_amount,
           t11.lines AS procurement_lines, t11.amount AS procurement_amount, t11.annual AS procurement_annual_amount,
           t10.amount AS transfer_amount
    FROM budget.performance_target_project p
    LEFT JOIN LATERAL (SELECT min(row_no) AS row_no, sum(total) AS total, min(project_match) AS project_match
                       FROM budget.performance_project x
                       WHERE x.report_id = p.report_id AND x.project_no = p.project_no) t13 ON true
    LEFT JOIN LATERAL (SELECT min(row_no) AS row_no, sum(total) AS total
                       FROM budget.project_expenditure_item x
                       WHERE x.report_id = p.report_id AND x.project_no = p.project_no) t05 ON true
    LEFT JOIN LATERAL (SELECT count(*) AS lines, sum(actual_amount) AS amount, sum(annual_amount) AS annual
                       FROM budget.procurement_item x
                       WHERE x.report_id = p.report_id AND x.project_no = p.project_no) t11 ON true
    LEFT JOIN LATERAL (SELECT sum(amount) AS amount
                       FROM budget.transfer_payment x
                       WHERE x.report_id = p.report_id AND x.project_no = p.project_no) t10 ON true
)
SELECT r.department, r.fiscal_year, r.report_id, p.row_no,
       p.table_no,
       p.project_name,
       p.total,
       t5.project_group AS t05_group,
       l.t05_row_no,
       l.t05_amount,
       l.t13_row_no,
       l.t13_amount,
       l.t13_link_method,
       coalesce(l.procurement_lines, 0) AS procurement_lines,
       l.procurement_amount,
       l.procurement_annual_amount,
       l.transfer_amount,
       coalesce(i.input_indicators, 0) AS input_indicators,
       coalesce(i.output_indicators, 0) AS output_indicators,
       coalesce(i.effect_indicators, 0) AS effect_indicators,
       coalesce(i.satisfaction_indicators, 0) AS satisfaction_indicators,
       coalesce(i.numeric_targets, 0) AS numeric_targets,
       coalesce(i.numeric_targets, 0) > 0 AS has_numeric_target,
       r.report_key
FROM appendix.reports r
JOIN budget.performance_target_project p ON p.report_id = r.report_id
LEFT JOIN links l ON l.report_id = p.report_id AND l.table_no = p.table_no
-- Rows that print a content or a target (not the bare labels of an empty slot); a lateral join,
-- so that a query for one department counts that department's indicators only.
LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE i.level1 = '投入指标') AS input_indicators,
           count(*) FILTER (WHERE i.level1 = '产出指标') AS output_indicators,
           count(*) FILTER (WHERE i.level1 = '效益指标') AS effect_indicators,
           count(*) FILTER (WHERE i.level1 = '服务对象满意度指标') AS satisfaction_indicators,
           count(*) FILTER (WHERE i.target_kind = 'numeric') AS numeric_targets
    FROM budget.performance_indicator i
    WHERE i.report_id = p.report_id AND i.table_no = p.table_no AND (i.content IS NOT NULL OR i.target IS NOT NULL)
) i ON true
LEFT JOIN budget.project_expenditure_item t5 ON t5.report_id = p.report_id AND t5.row_no = l.t05_row_no
WHERE r.template = 'shenzhen_budget';

COMMENT ON VIEW appendix.project_overview IS '项目总览：表15 项目在表5、表13、表11、表10 中的对应行及其绩效指标';
COMMENT ON COLUMN appendix.project_overview.row_no IS '行号（表15-N 的 N）';
COMMENT ON COLUMN appendix.project_overview.table_no IS '表号（表15-N）';
COMMENT ON COLUMN appendix.project_overview.project_name IS '项目名称（表15）';
COMMENT ON COLUMN appendix.project_overview.total IS '资金总额（表15）';
COMMENT ON COLUMN appendix.project_overview.t05_group IS '表5 项目类别（一般性项目 / 政府投资项目）';
COMMENT ON COLUMN appendix.project_overview.t05_row_no IS '表5 行号';
COMMENT ON COLUMN appendix.project_overview.t05_amount IS '表5 总计';
COMMENT ON COLUMN appendix.project_overview.t13_row_no IS '表13 行号';
COMMENT ON COLUMN appendix.project_overview.t13_amount IS '表13 预算金额 合计';
COMMENT ON COLUMN appendix.project_overview.t13_link_method IS '与表13 的匹配方式：exact / normalized / similar / unlinked（未匹配）';
COMMENT ON COLUMN appendix.project_overview.procurement_lines IS '表11 政府采购行数';
COMMENT ON COLUMN appendix.project_overview.procurement_amount IS '表11 实际指标 合计';
COMMENT ON COLUMN appendix.project_overview.procurement_annual_amount IS '表11 一年采购指标 合计';
COMMENT ON COLUMN appendix.project_overview.transfer_amount IS '表10 项目金额';
COMMENT ON COLUMN appendix.project_overview.input_indicators IS '投入指标 条数';
COMMENT ON COLUMN appendix.project_overview.output_indicators IS '产出指标 条数';
COMMENT ON COLUMN appendix.project_overview.effect_indicators IS '效益指标 条数';
COMMENT ON COLUMN appendix.project_overview.satisfaction_indicators IS '服务对象满意度指标 条数';
COMMENT ON COLUMN appendix.project_overview.numeric_targets IS '数值目标 条数';
COMMENT ON COLUMN appendix.project_overview.has_numeric_target IS '是否有可量化（数值）目标';
