-- 第四部分: 实际指标 = the sum of 表11 实际指标; 一年采购指标 = the sum of 表11 一年采购指标 and
-- = 表3 “2020 政府采购项目” (the department's first row).
WITH fact AS (
    SELECT row_no, fact_key, label, value, source_line
    FROM budget.narrative_fact
    WHERE report_id = %(report_id)s AND split_part(section, ' ', 1) = '第四部分'
      AND fact_key IN ('procurement_actual', 'procurement_annual')
),
procurement AS NOT MATERIALIZED (
    SELECT sum(coalesce(actual_amount, 0)) AS actual_sum, sum(coalesce(annual_amount, 0)) AS annual_sum,
           count(*) AS lines
    FROM budget.procurement_item
    WHERE report_id = %(report_id)s
),
pair AS (
    SELECT f.row_no, f.label, f.value AS left_value, f.source_line, v.source, v.amount AS right_value,
           v.terms
    FROM fact f
    CROSS JOIN procurement p  -- one row, of NULL sums if 表11 has no line
    LEFT JOIN budget.expenditure_budget e ON e.report_id = %(report_id)s AND e.row_no = 1
    CROSS JOIN LATERAL (VALUES
        ('procurement_actual', '表11 实际指标 合计', coalesce(p.actual_sum, 0), greatest(p.lines, 1)),
        ('procurement_annual', '表11 一年采购指标 合计', coalesce(p.annual_sum, 0), greatest(p.lines, 1)),
        ('procurement_annual', '表3 政府采购项目', coalesce(e.procurement, 0), 1)
    ) AS v (fact_key, source, amount, terms)
    WHERE v.fact_key = f.fact_key
)
SELECT format('第四部分 %s / %s', label, source) AS place, left_value, right_value, terms, source_line,
       'a procurement amount stated in the narrative vs the table' AS message
FROM pair
WHERE left_value <> right_value
ORDER BY row_no, source;
