-- 第五部分: the stated “三公”经费 amounts equal 表12's budget-year row (总额, 因公出国（境）费,
-- 公务接待费, 公务用车购置及运行维护费 小计, 购置费, 运行维护费).
WITH fact AS (
    SELECT row_no, fact_key, label, value, source_line
    FROM budget.narrative_fact
    WHERE report_id = %(report_id)s AND split_part(section, ' ', 1) = '第五部分'
),
budget_year AS (
    SELECT t.*
    FROM budget.three_public_expense t
    JOIN budget.report r ON r.id = %(report_id)s AND r.fiscal_year = t.year
    WHERE t.report_id = %(report_id)s
),
pair AS (
    SELECT f.row_no, f.label, f.value AS left_value, f.source_line, v.header,
           coalesce(v.amount, 0) AS right_value
    FROM fact f
    CROSS JOIN budget_year y
    CROSS JOIN LATERAL (VALUES
        ('three_public_total', '总额', y.total),
        ('overseas_travel', '因公出国（境）费', y.overseas_travel),
        ('official_reception', '公务接待费', y.official_reception),
        ('vehicle_total', '公务用车购置及运行维护费 小计', y.vehicle_subtotal),
        ('vehicle_purchase', '公务用车购置费', y.vehicle_purchase),
        ('vehicle_operation', '公务用车运行维护费', y.vehicle_operation)
    ) AS v (fact_key, header, amount)
    WHERE v.fact_key = f.fact_key
)
SELECT format('第五部分 %s / 表12 %s', label, header) AS place, left_value, right_value, 1 AS terms, source_line,
       'a “三公” amount stated in the narrative vs 表12''s budget year' AS message
FROM pair
WHERE left_value <> right_value
ORDER BY row_no;
