-- 三公 per department and year (the report's own year), in 万元: the previous year is the
-- previous report of the series where it is loaded, else the report's own prior-year column
-- (previous_source says which); the rank by total within region, year and stage (1 = highest);
-- the total per staff member (实有在编 staff stated in the narrative); 会议费 and 培训费 (basic
-- expenditure, economic codes 30215 / 30216) and 机关运行经费 (the narrative) where printed.
CREATE OR REPLACE VIEW analysis.three_public AS
WITH printed AS (  -- a consolidated table's 合计 row stands for its units
    SELECT t.wan_yuan, x.*,
           regexp_replace(coalesce(x.budget_unit, ''), '\s', '', 'g') IN ('合计', '总计') AS is_total
    FROM analysis.report_tables t
    JOIN budget.three_public_expense x ON x.report_id = t.report_id AND x.table_no = t.table_no
    WHERE t.table_kind = 'three_public'
), by_year AS (
    SELECT p.report_id, p.year,
           sum(p.total * p.wan_yuan) AS total,
           sum(p.overseas_travel * p.wan_yuan) AS overseas_travel,
           sum(p.official_reception * p.wan_yuan) AS official_reception,
           sum(p.vehicle_subtotal * p.wan_yuan) AS vehicle_total,
           sum(p.vehicle_purchase * p.wan_yuan) AS vehicle_purchase,
           sum(p.vehicle_operation * p.wan_yuan) AS vehicle_operation
    FROM (SELECT *, bool_or(is_total) OVER (PARTITION BY report_id, table_no, year) AS has_total FROM printed) p
    WHERE p.is_total OR NOT p.has_total
    GROUP BY p.report_id, p.year
), current_year AS (
    SELECT r.*, y.total, y.overseas_travel, y.official_reception, y.vehicle_total, y.vehicle_purchase,
           y.vehicle_operation
    FROM analysis.reports r
    JOIN by_year y ON y.report_id = r.report_id AND y.year = r.fiscal_year
), previous AS (
    SELECT c.report_id,
           loaded.report_id IS NOT NULL AS from_report,
           CASE WHEN loaded.report_id IS NOT NULL THEN loaded.total ELSE own.total END AS total,
           CASE WHEN loaded.report_id IS NOT NULL THEN loaded.overseas_travel ELSE own.overseas_travel END
               AS overseas_travel,
           CASE WHEN loaded.report_id IS NOT NULL THEN loaded.official_reception ELSE own.official_reception END
               AS official_reception,
           CASE WHEN loaded.report_id IS NOT NULL THEN loaded.vehicle_total ELSE own.vehicle_total END
               AS vehicle_total,
           own.year IS NOT NULL AS own_printed
    FROM current_year c
    LEFT JOIN current_year loaded ON loaded.series_key = c.series_key AND loaded.fiscal_year = c.fiscal_year - 1
    LEFT JOIN by_year own ON own.report_id = c.report_id AND own.year = c.fiscal_year - 1
), staff AS (
    SELECT f.report_id,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'staff_admin_actual'))[1] AS admin,
           (array_agg(f.value ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'staff_institution_actual'))[1]
               AS institution,
           (array_agg(f.value * m.wan_yuan ORDER BY f.row_no) FILTER (WHERE f.fact_key = 'operating_expenses'))[1]
               AS operating_expenses
    FROM budget.narrative_fact f
    LEFT JOIN budget.money_unit m ON m.unit = f.unit
    WHERE f.fact_key IN ('staff_admin_actual', 'staff_institution_actual', 'operating_expenses')
    GROUP BY f.report_id
), basic_item AS (
    SELECT t.report_id,
           sum(b.total * t.wan_yuan) FILTER (WHERE b.economic_code = '30215') AS meeting_expense,
           sum(b.total * t.wan_yuan) FILTER (WHERE b.economic_code = '30216') AS training_expense
    FROM analysis.report_tables t
    JOIN budget.basic_expenditure_item b ON b.report_id = t.report_id AND b.table_no = t.table_no
    WHERE t.table_kind = 'basic_expenditure' AND b.row_kind = 'item' AND b.economic_code IN ('30215', '30216')
    GROUP BY t.report_id
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
       rank() OVER (PARTITION BY c.region, c.fiscal_year, c.stage ORDER BY c.total DESC NULLS LAST) AS rank_in_region,
       count(*) OVER (PARTITION BY c.region, c.fiscal_year, c.stage) AS departments_in_region,
       (s.admin + coalesce(s.institution, 0))::integer AS staff,
       round(c.total / nullif(s.admin + coalesce(s.institution, 0), 0), 4) AS total_per_staff,
       b.meeting_expense,
       b.training_expense,
       s.operating_expenses,
       c.series_key,
       c.report_id, c.template, c.report_key
FROM current_year c
JOIN previous p ON p.report_id = c.report_id
LEFT JOIN staff s ON s.report_id = c.report_id
LEFT JOIN basic_item b ON b.report_id = c.report_id;

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
