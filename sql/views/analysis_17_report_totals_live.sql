-- Each current report's totals computed from its rows, in 万元: expenditure (合计 row of the
-- expenditure-by-unit table, or the sum of its units), its basic and project parts, income, the
-- functional tables' 类 summed over all funds, and 三公 of the report's own year. A report without
-- tables by unit (every template but Shenzhen's) takes its expenditure and income from the 合计
-- rows it prints: of its functional and income tables of all funds (Shanghai 部门支出预算总表 and
-- 部门收入预算总表, the 决算's 支出决算表 and 收入决算表), or of Jiangsu's 支出预算总表 and
-- 收入预算总表 (收入总计). The loader stores a report's row in budget.report_total (alembic 0016),
-- which department_year_totals and three_public's rank read; this view is what that table holds,
-- read for its report (LATERAL).
CREATE OR REPLACE VIEW analysis.report_totals_live AS
SELECT r.report_id,
       r.region,
       r.fiscal_year,
       r.stage,
       coalesce(u.expenditure_total, p.expenditure_total) AS expenditure_total,
       coalesce(u.basic_expenditure, p.basic_expenditure) AS basic_expenditure,
       coalesce(u.project_expenditure, p.project_expenditure) AS project_expenditure,
       coalesce(u.income_total, p.income_total) AS income_total,
       f.functional_total,
       tp.report_id IS NOT NULL AS three_public_printed,
       tp.total AS three_public_total
FROM analysis.reports r
CROSS JOIN LATERAL (
    SELECT sum(d.amount * t.wan_yuan) FILTER (WHERE t.table_kind = 'expenditure_by_unit' AND d.column_no = 1)
               AS expenditure_total,
           sum(d.amount * t.wan_yuan) FILTER (WHERE t.table_kind = 'expenditure_by_unit' AND d.column_no = 2)
               AS basic_expenditure,
           sum(d.amount * t.wan_yuan) FILTER (WHERE t.table_kind = 'expenditure_by_unit' AND d.column_no = 3)
               AS project_expenditure,
           sum(d.amount * t.wan_yuan) FILTER (WHERE t.table_kind = 'income_by_unit' AND d.column_no = 0)
               AS income_total
    FROM analysis.report_tables t
    JOIN appendix.department_unit_totals d ON d.report_id = t.report_id AND d.table_no = t.table_no
    WHERE t.report_id = r.report_id
) u
CROSS JOIN LATERAL (
    -- the printed 合计 rows of a report without tables by unit; a table with two such rows gives none
    SELECT CASE WHEN count(*) FILTER (WHERE w.kind = 'functional_expenditure') = 1
                THEN max(w.total) FILTER (WHERE w.kind = 'functional_expenditure') END AS expenditure_total,
           CASE WHEN count(*) FILTER (WHERE w.kind = 'functional_expenditure') = 1
                THEN max(w.basic) FILTER (WHERE w.kind = 'functional_expenditure') END AS basic_expenditure,
           CASE WHEN count(*) FILTER (WHERE w.kind = 'functional_expenditure') = 1
                THEN max(w.project) FILTER (WHERE w.kind = 'functional_expenditure') END AS project_expenditure,
           CASE WHEN count(*) FILTER (WHERE w.kind = 'income_by_function') = 1
                THEN max(w.total) FILTER (WHERE w.kind = 'income_by_function') END AS income_total
    FROM (
        SELECT t.kind, e.total * m.wan_yuan AS total, e.basic_expenditure * m.wan_yuan AS basic,
               e.project_expenditure * m.wan_yuan AS project
        FROM budget.report_table t
        JOIN budget.money_unit m ON m.unit = t.unit
        JOIN budget.functional_expenditure e ON e.report_id = t.report_id AND e.table_no = t.table_no
        WHERE t.report_id = r.report_id AND t.fund = '全部资金'
          AND t.kind IN ('functional_expenditure', 'income_by_function') AND e.functional_code IS NULL
        UNION ALL  -- Jiangsu: 支出预算总表 合计 | 基本支出 | 项目支出, 收入预算总表 收入总计
        SELECT CASE t.kind WHEN 'expenditure_summary' THEN 'functional_expenditure' ELSE 'income_by_function' END,
               max(l.amount * m.wan_yuan) FILTER (WHERE (t.kind = 'expenditure_summary' AND l.label = '合计')
                                                   OR (t.kind = 'income_summary' AND l.label_group = '收入总计')),
               max(l.amount * m.wan_yuan) FILTER (WHERE l.label = '基本支出'),
               max(l.amount * m.wan_yuan) FILTER (WHERE l.label = '项目支出')
        FROM budget.report_table t
        JOIN budget.money_unit m ON m.unit = t.unit
        JOIN budget.two_sided_summary_line l ON l.report_id = t.report_id AND l.table_no = t.table_no
        WHERE t.report_id = r.report_id AND t.kind IN ('expenditure_summary', 'income_summary')
        GROUP BY t.kind, t.table_no
    ) w
) p
LEFT JOIN LATERAL (
    -- the 类 (three-digit codes) of the functional tables, as analysis.functional_expenditure sums
    -- them, read from the rows (that view also finds each line's previous year); a table of all
    -- funds (全部资金) or of all fiscal money (财政拨款) holds what the one-budget tables split: the
    -- widest one a report prints is taken
    SELECT b.total AS functional_total
    FROM (SELECT CASE t.fund WHEN '全部资金' THEN 1 WHEN '财政拨款' THEN 2 ELSE 3 END AS breadth,
                 sum(e.total * m.wan_yuan) AS total
          FROM budget.report_table t
          JOIN budget.money_unit m ON m.unit = t.unit
          JOIN budget.functional_expenditure e ON e.report_id = t.report_id AND e.table_no = t.table_no
          WHERE t.report_id = r.report_id AND t.kind = 'functional_expenditure' AND length(e.functional_code) = 3
          GROUP BY 1) b
    ORDER BY b.breadth LIMIT 1
) f ON true
LEFT JOIN LATERAL (SELECT y.report_id, y.total FROM analysis.three_public_years y  -- OFFSET 0: not flattened,
                   WHERE y.report_id = r.report_id AND y.year = r.fiscal_year  -- so the filter reaches its rows
                   OFFSET 0) tp ON true;

COMMENT ON VIEW analysis.report_totals_live IS '分析：各报告的总额（万元，由其各行计算；budget.report_total 所存即此）';
COMMENT ON COLUMN analysis.report_totals_live.expenditure_total IS '支出总计（万元）';
COMMENT ON COLUMN analysis.report_totals_live.basic_expenditure IS '基本支出（万元）';
COMMENT ON COLUMN analysis.report_totals_live.project_expenditure IS '项目支出（万元）';
COMMENT ON COLUMN analysis.report_totals_live.income_total IS '收入总计（万元）';
COMMENT ON COLUMN analysis.report_totals_live.functional_total IS '（派生）功能分类支出合计（万元）：全部资金表，或财政拨款表，或各预算表之和（不重复计算）';
COMMENT ON COLUMN analysis.report_totals_live.three_public_printed IS '（派生）是否印有本年度“三公”经费';
COMMENT ON COLUMN analysis.report_totals_live.three_public_total IS '“三公”经费合计（本年度，万元）';
