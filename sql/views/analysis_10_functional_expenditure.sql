-- Expenditure by functional code (类 / 款 / 项), one row per report, functional table (fund) and
-- code, in 万元, with its change on the previous year of the same series (region, department,
-- stage, scope) and fund. A code printed more than once in a table is added up. 基本支出 and 项目支出
-- are NULL where the table prints no such column or cell. A line the previous report does not
-- print has no previous amount; a line dropped this year has no row.
-- Each report's lines are summed, and apart from them its previous year's (report_series), in one
-- LATERAL a report, so that a query of one report reads the rows of its own series only.
CREATE OR REPLACE VIEW analysis.functional_expenditure AS
SELECT r.department, r.region, r.fiscal_year, r.stage, r.scope,
       l.fund,
       l.table_no,
       CASE length(l.functional_code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' END AS level,
       l.functional_code,
       l.functional_name,
       CASE WHEN length(l.functional_code) > 3 THEN left(l.functional_code, length(l.functional_code) - 2) END
           AS parent_code,
       l.total,
       l.basic_expenditure,
       l.project_expenditure,
       l.previous_total,
       l.total - l.previous_total AS change_amount,
       round(100 * (l.total - l.previous_total) / nullif(l.previous_total, 0), 2) AS change_percent,
       l.source_line,
       r.series_key,
       r.report_id, r.template, r.report_key
FROM analysis.reports r
CROSS JOIN LATERAL (
    SELECT c.*, p.total AS previous_total
    FROM (  -- the report's lines
        SELECT t.fund, t.table_no, f.functional_code,
               min(f.functional_name) AS functional_name,
               sum(f.total) * m.wan_yuan AS total,
               sum(f.basic_expenditure) * m.wan_yuan AS basic_expenditure,
               sum(f.project_expenditure) * m.wan_yuan AS project_expenditure,
               min(f.source_line) AS source_line
        FROM budget.report_table t
        JOIN budget.money_unit m ON m.unit = t.unit
        JOIN budget.functional_expenditure f ON f.report_id = t.report_id AND f.table_no = t.table_no
        WHERE t.report_id = r.report_id AND t.kind = 'functional_expenditure' AND f.functional_code IS NOT NULL
        GROUP BY t.fund, t.table_no, m.wan_yuan, f.functional_code
    ) c
    LEFT JOIN (  -- those of its previous year (most reports have none: nothing is read)
        SELECT t.fund, f.functional_code, sum(f.total) * m.wan_yuan AS total
        FROM analysis.report_series s
        JOIN budget.report_table t ON t.report_id = s.member_report_id
        JOIN budget.money_unit m ON m.unit = t.unit
        JOIN budget.functional_expenditure f ON f.report_id = t.report_id AND f.table_no = t.table_no
        WHERE s.report_id = r.report_id AND s.member_fiscal_year = r.fiscal_year - 1
          AND t.kind = 'functional_expenditure' AND f.functional_code IS NOT NULL
        GROUP BY t.report_id, t.fund, t.table_no, m.wan_yuan, f.functional_code
    ) p ON p.fund IS NOT DISTINCT FROM c.fund AND p.functional_code = c.functional_code
) l;

COMMENT ON VIEW analysis.functional_expenditure IS '分析：按功能分类科目（类、款、项）的支出及比上年增减（万元）';
COMMENT ON COLUMN analysis.functional_expenditure.fund IS '所含预算（一般公共预算 / 政府性基金 / 国有资本经营 / 全部资金）';
COMMENT ON COLUMN analysis.functional_expenditure.table_no IS '表号（如印刷）';
COMMENT ON COLUMN analysis.functional_expenditure.level IS '（派生）级次：类 / 款 / 项（按同一级次求和不重复）';
COMMENT ON COLUMN analysis.functional_expenditure.functional_code IS '科目编码';
COMMENT ON COLUMN analysis.functional_expenditure.functional_name IS '科目名称';
COMMENT ON COLUMN analysis.functional_expenditure.parent_code IS '（派生）上级科目编码（款的类、项的款）';
COMMENT ON COLUMN analysis.functional_expenditure.total IS '支出合计（万元）';
COMMENT ON COLUMN analysis.functional_expenditure.basic_expenditure IS '基本支出（万元；未印刷为空）';
COMMENT ON COLUMN analysis.functional_expenditure.project_expenditure IS '项目支出（万元；未印刷为空）';
COMMENT ON COLUMN analysis.functional_expenditure.previous_total IS '（派生）上年同一科目支出（万元；上年报告未载入或未印刷该科目为空）';
COMMENT ON COLUMN analysis.functional_expenditure.source_line IS '文本文件中的行号';
