-- Where the money comes from: the department's income by funding source (the code list
-- budget.funding_source, nested by parent_code), from its income-by-unit table (the 合计 row, or
-- the sum of the units when none is printed: appendix.department_unit_totals), its income table
-- by function (its 合计 row: Shanghai, 部门决算), or the income side of its 收支预算总表 (Jiangsu:
-- the lines budget.funding_source_label names, and 收入合计), in 万元.
CREATE OR REPLACE VIEW analysis.funding_sources AS
WITH total_row AS (  -- each income table's department total, by funding source: amount, and 收入总计
    SELECT u.report_id, u.table_no, u.source_code, u.amount, u.income_total
    FROM (SELECT d.*, max(d.amount) FILTER (WHERE d.column_no = 0) OVER (PARTITION BY d.report_id, d.table_no)
                          AS income_total  -- a window, not a self-join: one pass over the totals
          FROM appendix.department_unit_totals d) u
    WHERE u.source_code IS NOT NULL
    UNION ALL  -- 收入预算总表 / 收入决算表 by function: their 合计 row (the row without a code)
    SELECT f.report_id, f.table_no, a.source_code, a.amount, f.total
    FROM budget.functional_expenditure f
    JOIN budget.report_table k ON k.report_id = f.report_id AND k.table_no = f.table_no AND k.kind = 'income_by_function'
    JOIN budget.funding_amount a ON a.report_id = f.report_id AND a.table_no = f.table_no AND a.row_no = f.row_no
    WHERE f.functional_code IS NULL
    UNION ALL  -- 收支预算总表 (three sides): its income lines that name a source, as printed, and 收入合计
    SELECT w.report_id, w.table_no, w.source_code, coalesce(w.amount, 0), w.income_total
    FROM (SELECT l.report_id, l.table_no, l.amount,
                 (SELECT n.source_code FROM budget.funding_source_label n
                  WHERE n.label = regexp_replace(l.label, '^([一二三四五六七八九十]+、|[0-9]+[.．])|\s', '', 'g'))
                     AS source_code,
                 max(l.amount) FILTER (WHERE regexp_replace(l.label, '\s', '', 'g') = '收入合计')
                     OVER (PARTITION BY l.report_id, l.table_no) AS income_total  -- one pass, no self-join
          FROM budget.report_table k
          JOIN budget.two_sided_summary_line l
            ON l.report_id = k.report_id AND l.table_no = k.table_no AND l.side = 'income'
          WHERE k.kind = 'three_sided_summary') w
    WHERE w.source_code IS NOT NULL
)
SELECT t.department, t.region, t.fiscal_year, t.stage, t.scope,
       t.table_no,
       s.ordinal,
       u.source_code,
       s.name AS source_name,
       s.parent_code,
       u.amount * t.wan_yuan AS amount,
       u.income_total * t.wan_yuan AS income_total,
       round(100 * u.amount / nullif(u.income_total, 0), 2) AS share_percent,
       t.report_id, t.template, t.report_key
FROM analysis.report_tables t
JOIN total_row u ON u.report_id = t.report_id AND u.table_no = t.table_no
JOIN budget.funding_source s ON s.code = u.source_code
WHERE t.table_kind IN ('income_by_unit', 'income_by_function', 'three_sided_summary');

COMMENT ON VIEW analysis.funding_sources IS '分析：部门收入按资金来源（万元）';
COMMENT ON COLUMN analysis.funding_sources.table_no IS '表号（收入预算表 / 收入决算表 / 收支预算总表，如印刷）';
COMMENT ON COLUMN analysis.funding_sources.ordinal IS '（派生）资金来源在代码表中的次序';
COMMENT ON COLUMN analysis.funding_sources.source_code IS '资金来源代码（budget.funding_source）';
COMMENT ON COLUMN analysis.funding_sources.source_name IS '资金来源名称';
COMMENT ON COLUMN analysis.funding_sources.parent_code IS '上级资金来源代码（如一般公共预算拨款属财政拨款；求和只取同一级）';
COMMENT ON COLUMN analysis.funding_sources.amount IS '金额（万元；表中印有此列而该行为空时为 0）';
COMMENT ON COLUMN analysis.funding_sources.income_total IS '收入总计（万元）';
COMMENT ON COLUMN analysis.funding_sources.share_percent IS '（派生）占收入总计的百分比';
