-- The 一年采购指标 of all 表11 lines add up to 表3 “2020 政府采购项目” (the department's first row).
WITH procurement AS (
    SELECT sum(coalesce(annual_amount, 0)) AS annual_sum, count(*) AS lines, min(source_line) AS source_line
    FROM budget.procurement_item
    WHERE report_id = %(report_id)s
    HAVING count(*) > 0
)
SELECT '表11 一年采购指标 合计 / 表3 政府采购项目' AS place,
       p.annual_sum AS left_value,
       coalesce(e.procurement, 0) AS right_value,
       p.lines AS terms,
       p.source_line,
       format('the sum of the %s 表11 lines vs 表3', p.lines) AS message
FROM procurement p
JOIN budget.expenditure_budget e ON e.report_id = %(report_id)s AND e.row_no = 1
WHERE p.annual_sum <> coalesce(e.procurement, 0);
