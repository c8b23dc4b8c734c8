-- 三公 of each report and each year it prints (its own year, and the prior year where printed), in
-- 万元: a consolidated table's 合计 row stands for its units, else the units are added up.
CREATE OR REPLACE VIEW analysis.three_public_years AS
WITH printed AS (
    SELECT t.wan_yuan, x.*,
           regexp_replace(coalesce(x.budget_unit, ''), '\s', '', 'g') IN ('合计', '总计') AS is_total
    FROM analysis.report_tables t
    JOIN budget.three_public_expense x ON x.report_id = t.report_id AND x.table_no = t.table_no
    WHERE t.table_kind = 'three_public'
)
SELECT p.report_id,
       p.year,
       sum(p.total * p.wan_yuan) AS total,
       sum(p.overseas_travel * p.wan_yuan) AS overseas_travel,
       sum(p.official_reception * p.wan_yuan) AS official_reception,
       sum(p.vehicle_subtotal * p.wan_yuan) AS vehicle_total,
       sum(p.vehicle_purchase * p.wan_yuan) AS vehicle_purchase,
       sum(p.vehicle_operation * p.wan_yuan) AS vehicle_operation
FROM (SELECT *, bool_or(is_total) OVER (PARTITION BY report_id, table_no, year) AS has_total FROM printed) p
WHERE p.is_total OR NOT p.has_total
GROUP BY p.report_id, p.year;

COMMENT ON VIEW analysis.three_public_years IS '分析：各报告所印各年度的“三公”经费（万元；合并表以合计行为准）';
COMMENT ON COLUMN analysis.three_public_years.year IS '年度（本年度或报告所印上年）';
COMMENT ON COLUMN analysis.three_public_years.total IS '“三公”经费合计（万元）';
COMMENT ON COLUMN analysis.three_public_years.overseas_travel IS '因公出国（境）费（万元）';
COMMENT ON COLUMN analysis.three_public_years.official_reception IS '公务接待费（万元）';
COMMENT ON COLUMN analysis.three_public_years.vehicle_total IS '公务用车购置及运行维护费 小计（万元）';
COMMENT ON COLUMN analysis.three_public_years.vehicle_purchase IS '公务用车购置费（万元）';
COMMENT ON COLUMN analysis.three_public_years.vehicle_operation IS '公务用车运行维护费（万元）';
