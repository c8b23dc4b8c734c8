-- 三公 per department and year (the report's own year), in 万元: the previous year is the
-- previous report of the series where it is loaded, else the report's own prior-year column
-- (previous_source says which); the rank by total within region, year and stage (1 = highest);
-- the total per staff member (实有在编 staff stated in the narrative); 会议费 and 培训费 (basic
-- expenditure, economic codes 30215 / 30216) and 机关运行经费 (the narrative) where printed.
-- The rank needs every report's total: it reads the totals the load stored for current reports
-- (budget.report_total, = analysis.report_totals_live) and nothing else, in the order of an
-- index. A report's own sums are grouped by report, so that a query of one report sums its own
-- rows only; what else it needs is read for its own rows (LATERAL).
CREATE OR REPLACE VIEW analysis.three_public AS
WITH ranks AS (
    SELECT t.report_id,
           rank() OVER by_total AS rank_in_region,
           count(*) OVER region_year_stage AS departments_in_region
    FROM budget.report_total t
    WHERE t.three_public_printed
    WINDOW region_year_stage AS (PARTITION BY t.region, t.fiscal_year, t.stage),
           by_total AS (region_year_stage ORDER BY t.three_public_total DESC NULLS LAST)
), by_report AS (  -- the report's own year, and the prior year it prints
    SELECT y.report_id,
           bool_or(y.year = r.fiscal_year) AS has_current,
           bool_or(y.year = r.fiscal_year - 1) AS own_printed,
           sum(y.total) FILTER (WHERE y.year = r.fiscal_year) AS total,
           sum(y.overseas_travel) FILTER (WHERE y.year = r.fiscal_year) AS overseas_travel,
           sum(y.official_reception) FILTER (WHERE y.year = r.fiscal_year) AS official_reception,
           sum(y.vehicle_total) FILTER (WHERE y.year = r.fiscal_year) AS vehicle_total,
           sum(y.vehicle_purchase) FILTER (WHERE y.year = r.fiscal_year) AS vehicle_purchase,
           sum(y.vehicle_operation) FILTER (WHERE y.year = r.fiscal_year) AS vehicle_operation,
           sum(y.total) FILTER (WHERE y.year = r.fiscal_year - 1) AS own_previous_total,
           sum(y.overseas_travel) FILTER (WHERE y.year = r.fiscal_year - 1) AS own_previous_overseas_travel,
           sum(y.official_reception) FILTER (WHERE y.year = r.fiscal_year - 1) AS own_previous_official_reception,
           sum(y.vehicle_total) FILTER (WHERE y.year = r.fiscal_year - 1) AS own_previous_vehicle_total
    FROM analysis.three_public_years y
    JOIN budget.report r ON r.id = y.report_id
    GROUP BY y.report_id
), current_year AS (
    SELECT r.*, y.total, y.overseas_travel, y.official_reception, y.vehicle_total, y.vehicle_purchase,
           y.vehicle_operation, y.own_printed, y.own_previous_total, y.own_previous_overseas_travel,
           y.own_previous_official_reception, y.own_previous_vehicle_total
    FROM analysis.reports r
    JOIN by_report y ON y.report_id = r.report_id
    WHERE y.has_current
), ranked AS (
    SELECT c.*, k.rank_in_region, k.departments_in_region
    FROM current_year c
    JOIN ranks k ON k.report_id = c.report_id
)
SELECT c.department, c.region, c.fiscal_year, c.stage, c.scope,
       c.total,
       c.overseas_travel,
       c.official_reception,
       c.vehicle_total,
       c.vehicle_purchase,
       c.vehicle_operation,
       p.total AS previous_total,
       p.overseas_travel AS previous_overseas_travel,
       p.official_reception AS previous_official_reception,
       p.vehicle_total AS previous_vehicle_total,
       CASE WHEN p.from_report THEN '上年报告' WHEN p.own_printed THEN '本报告上年数' END AS previous_source,
       c.total - p.total AS change_amount,
       round(100 * (c.total - p.total) / nullif(p.total, 0), 2) AS change_percent,
       c.rank_in_region,
       c.departments_in_region,
       (s.admin + coalesce(s.institution, 0))::integer AS staff,
       round(c.total / nullif(s.admin + coalesce(s.institution, 0), 0), 4) AS total_per_staff,
       b.meeting_expense,
       b.training_expense,
       s.operating_expenses,
       c.series_key,
       c.report_id, c.template, c.report_key
FROM ranked c
LEFT JOIN LATERAL (  -- the previous report's own year, read by report (OFFSET 0: its filter reaches the rows)
    SELECT y.* FROM analysis.report_series s
    CROSS JOIN LATERAL (SELECT * FROM analysis.three_public_years y
                        WHERE y.report_id = s.member_report_id AND y.year = s.member_fiscal_year OFFSET 0) y
    WHERE s.report_id = c.report_id AND s.member_fiscal_year = c.fiscal_year - 1
) loaded ON true
CROSS JOIN LATERAL (  -- the previous year: the loaded report's, else the prior year this report prints
    SELECT loaded.report_id IS NOT NULL AS from_report,
           c.own_printed,
           CASE WHEN loaded.report_id IS NOT NULL THEN loaded.total ELSE c.own_previous_total END AS total,
           CASE WHEN loaded.report_id IS NOT NULL THEN loaded.overseas_travel
                ELSE c.own_previous_overseas_travel END AS overseas_travel,
           CASE WHEN loaded.report_id IS NOT NULL THEN loaded.official_reception
                ELSE c.own_previous_official_reception END AS official_reception,
           CASE WHEN loaded.report_id IS NOT NULL THEN loaded.vehicle_total
                ELSE c.own_previous_vehicle_total END AS vehicle_total
) p
CROSS JOIN LATERAL (  -- staff and 机关运行经费 as the narrative states them
    SELECT (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'staff_admin_actual'))[1] AS admin,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'staff_institution_actual'))[1]
               AS institution,
           (array_agg(f.value * m.wan_yuan ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'operating_expenses'))[1]
               AS operating_expenses
    FROM budget.narrative_fact f
    LEFT JOIN budget.money_unit m ON m.unit = f.unit
    WHERE f.report_id = c.report_id
      AND f.fact_key IN ('staff_admin_actual', 'staff_institution_actual', 'operating_expenses')
) s
CROSS JOIN LATERAL (
    SELECT sum(i.total * m.wan_yuan) FILTER (WHERE i.economic_code = '30215') AS meeting_expense,
           sum(i.total * m.wan_yuan) FILTER (WHERE i.economic_code = '30216') AS training_expense
    FROM budget.report_table t
    JOIN budget.money_unit m ON m.unit = t.unit
    JOIN budget.basic_expenditure_item i ON i.report_id = t.report_id AND i.table_no = t.table_no
    WHERE t.report_id = c.report_id AND t.kind = 'basic_expenditure' AND i.row_kind = 'item'
      AND i.economic_code IN ('30215', '30216')
) b;

COMMENT ON VIEW analysis.three_public IS '分析：“三公”经费（万元）：上年对比、地区内排名、人均，及会议费、培训费、机关运行经费';
COMMENT ON COLUMN analysis.three_public.total IS '“三公”经费合计（本年度，万元）';
COMMENT ON COLUMN analysis.three_public.overseas_travel IS '因公出国（境）费（万元）';
COMMENT ON COLUMN analysis.three_public.official_reception IS '公务接待费（万元）';
COMMENT ON COLUMN analysis.three_public.vehicle_total IS '公务用车购置及运行维护费 小计（万元）';
COMMENT ON COLUMN analysis.three_public.vehicle_purchase IS '公务用车购置费（万元）';
COMMENT ON COLUMN analysis.three_public.vehicle_operation IS '公务用车运行维护费（万元）';
COMMENT ON COLUMN analysis.three_public.previous_total IS '（派生）上年“三公”经费合计（万元；来源见 previous_source）';
COMMENT ON COLUMN analysis.three_public.previous_overseas_travel IS '（派生）上年因公出国（境）费（万元）';
COMMENT ON COLUMN analysis.three_public.previous_official_reception IS '（派生）上年公务接待费（万元）';
COMMENT ON COLUMN analysis.three_public.previous_vehicle_total IS '（派生）上年公务用车购置及运行维护费（万元）';
COMMENT ON COLUMN analysis.three_public.previous_source IS '（派生）上年数来源：上年报告（已载入）/ 本报告上年数（报告所印上年列）';
COMMENT ON COLUMN analysis.three_public.rank_in_region IS '（派生）同地区、同年度、同阶段按合计从高到低的名次';
COMMENT ON COLUMN analysis.three_public.departments_in_region IS '（派生）参与排名的报告数';
COMMENT ON COLUMN analysis.three_public.staff IS '（派生）实有在编人数（行政 + 事业，摘自正文；未述为空）';
COMMENT ON COLUMN analysis.three_public.total_per_staff IS '（派生）人均“三公”经费（万元/人，保留四位）';
COMMENT ON COLUMN analysis.three_public.meeting_expense IS '会议费（基本支出经济分类 30215，万元；未印刷为空）';
COMMENT ON COLUMN analysis.three_public.training_expense IS '培训费（基本支出经济分类 30216，万元；未印刷为空）';
COMMENT ON COLUMN analysis.three_public.operating_expenses IS '机关运行经费（摘自正文，万元；未述为空）';
