-- The department × year matrix of totals, one row per report (a cell of the matrix; pivot on
-- fiscal_year: `budget-db export matrix`), in 万元: expenditure (合计 row of the expenditure-by-unit
-- table, or the sum of its units), its basic and project parts, income, the functional tables'
-- 类 summed over all funds, 三公, and the change of expenditure on the previous year of the series.
-- Each part is read for its report (LATERAL; the previous year's expenditure through report_series),
-- so that a query of one report reads the rows of its own series only.
CREATE OR REPLACE VIEW analysis.department_year_totals AS
SELECT r.department, r.region, r.fiscal_year, r.stage, r.scope,
       u.expenditure_total,
       u.basic_expenditure,
       u.project_expenditure,
       u.income_total,
       f.functional_total,
       tp.total AS three_public_total,
       u.previous_expenditure_total,
       u.expenditure_total - u.previous_expenditure_total AS change_amount,
       round(100 * (u.expenditure_total - u.previous_expenditure_total) / nullif(u.previous_expenditure_total, 0), 2)
           AS change_percent,
       r.series_key,
       r.report_id, r.template, r.report_key
FROM analysis.reports r
CROSS JOIN LATERAL (
    WITH unit_total AS (  -- the report's and its previous year's
        SELECT k.report_id, a.*
        FROM (SELECT r.report_id
              UNION ALL
              SELECT s.member_report_id FROM analysis.report_series s
              WHERE s.report_id = r.report_id AND s.member_fiscal_year = r.fiscal_year - 1) k
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
            WHERE t.report_id = k.report_id
        ) a
    )
    SELECT c.*, p.expenditure_total AS previous_expenditure_total
    FROM unit_total c
    LEFT JOIN unit_total p ON p.report_id <> r.report_id
    WHERE c.report_id = r.report_id
) u
LEFT JOIN LATERAL (
    -- the 类 of each functional table; a table of all funds (全部资金) or of all fiscal money
    -- (财政拨款) holds what the one-budget tables split: the widest one a report prints is taken
    SELECT sum(b.total) AS functional_total
    FROM (SELECT sum(e.total) AS total,
                 CASE e.fund WHEN '全部资金' THEN 1 WHEN '财政拨款' THEN 2 ELSE 3 END AS breadth
          FROM analysis.functional_expenditure e
          WHERE e.report_id = r.report_id AND e.level = '类'
          GROUP BY e.fund) b
    GROUP BY b.breadth ORDER BY b.breadth LIMIT 1
) f ON true
LEFT JOIN LATERAL (SELECT y.total FROM analysis.three_public_years y  -- OFFSET 0: not flattened, so
                   WHERE y.report_id = r.report_id AND y.year = r.fiscal_year  -- the filter reaches its rows
                   OFFSET 0) tp ON true;

COMMENT ON VIEW analysis.department_year_totals IS '分析：单位 × 年度 总额矩阵（每份报告一格，万元）';
COMMENT ON COLUMN analysis.department_year_totals.expenditure_total IS '支出总计（万元）';
COMMENT ON COLUMN analysis.department_year_totals.basic_expenditure IS '基本支出（万元）';
COMMENT ON COLUMN analysis.department_year_totals.project_expenditure IS '项目支出（万元）';
COMMENT ON COLUMN analysis.department_year_totals.income_total IS '收入总计（万元）';
COMMENT ON COLUMN analysis.department_year_totals.functional_total IS '（派生）功能分类支出合计（万元）：全部资金表，或财政拨款表，或各预算表之和（不重复计算）';
COMMENT ON COLUMN analysis.department_year_totals.three_public_total IS '“三公”经费合计（万元）';
COMMENT ON COLUMN analysis.department_year_totals.previous_expenditure_total IS '（派生）上年支出总计（万元；上年报告未载入为空）';
