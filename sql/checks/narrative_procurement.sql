-- 第四部分: 实际指标 = the sum of 表11 实际指标; 一年采购指标 = the sum of 表11 一年采购指标 and
-- = 表3 “2020 政府采购项目” (the department's first row).
WITH fact AS (
    SELECT report_id, row_no, fact_key, label, value, source_line
    FROM budget.narrative_fact
    WHERE split_part(section, ' ', 1) = '第四部分' AND fact_key IN ('procurement_actual', 'procurement_annual')
),
procurement AS NOT MATERIALIZED (
    SELECT report_id, sum(coalesce(actual_amount, 0)) AS actual_sum, sum(coalesce(annual_amount, 0)) AS annual_sum,
           count(*) AS lines
    FROM budget.procurement_item
    GROUP BY report_id
),
pair AS (
    SELECT f.report_id, f.row_no, f.label, f.value AS left_value, f.source_line, v.source, v.amount AS right_value,
           v.terms
    FROM fact f
    LEFT JOIN procurement p ON p.report_id = f.report_id
    LEFT JOIN budget.expenditure_budget e ON e.report_id = f.report_id AND e.row_no = 1
    CROSS JOIN LATERAL (VALUES
        ('procurement_actual', '表11 实际指标 合计', coalesce(p.actual_sum, 0), greatest(p.lines, 1)),
        ('procurement_annual', '表11 一年采购指标 合计', coalesce(p.annual_sum, 0), greatest(p.lines, 1)),
        ('procurement_annual', '表3 政府采购项目', coalesce(e.procurement, 0), 1)
    ) AS v (fact_key, source, amount, terms)
    WHERE v.fact_key = f.fact_key
)
SELECT report_id, format('第四部分 %s / %s', label, source) AS place, left_value, right_value,
       left_value - right_value AS difference, terms, source_line,
       'a procurement amount stated in the narrative vs the table' AS message
FROM pair
WHERE left_value <> right_value
ORDER BY report_id, row_no, source;
