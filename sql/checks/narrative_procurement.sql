-- 第四部分: 实际指标 = the sum of 表11 实际指标; 一年采购指标 = the sum of 表11 一年采购指标 and
-- = 表3 “2020 政府采购项目” (the department's total); the totals from appendix.table_totals.
WITH fact AS (
    SELECT row_no, fact_key, label, value, source_line
    FROM budget.narrative_fact
    WHERE report_id = %(report_id)s AND split_part(section, ' ', 1) = '第四部分'
      AND fact_key IN ('procurement_actual', 'procurement_annual')
),
source (fact_key, kind, header, source) AS (VALUES
    ('procurement_actual', 'procurement', '实际指标', '表11 实际指标 合计'),
    ('procurement_annual', 'procurement', '一年采购指标', '表11 一年采购指标 合计'),
    ('procurement_annual', 'expenditure_by_unit', '政府采购项目', '表3 政府采购项目')
),
pair AS (  -- a total the report does not print counts as 0
    SELECT f.row_no, f.label, f.value AS left_value, f.source_line, s.source, coalesce(t.amount, 0) AS right_value,
           greatest(t.terms, 1) AS terms
    FROM fact f
    JOIN source s ON s.fact_key = f.fact_key
    LEFT JOIN appendix.table_totals t ON t.report_id = %(report_id)s AND t.kind = s.kind AND t.header = s.header
)
SELECT format('第四部分 %s / %s', label, source) AS place, left_value, right_value, terms, source_line,
       'a procurement amount stated in the narrative vs the table' AS message
FROM pair
WHERE left_value <> right_value
ORDER BY row_no, source;
