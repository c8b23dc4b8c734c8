-- Wherever the narrative states an amount, its change on the previous year and the change in
-- percent, they agree: percent = change / (amount − change) × 100, rounded to 0.01.
WITH fact AS NOT MATERIALIZED (
    SELECT row_no, section, fact_key, label, direction, value, source_line,
           CASE WHEN direction IN ('减少', '下降') THEN -value ELSE value END AS signed
    FROM budget.narrative_fact
    WHERE report_id = %(report_id)s
),
triple AS (
    SELECT a.section, a.label, a.value AS amount, c.signed AS change, p.signed AS percent,
           p.direction, p.value AS percent_printed, p.source_line, p.row_no
    FROM fact p
    JOIN fact c ON c.section = p.section
     AND c.fact_key = regexp_replace(p.fact_key, '_percent$', '')
    JOIN fact a ON a.section = p.section
     AND a.fact_key = regexp_replace(p.fact_key, '_change_percent$', '')
    WHERE p.fact_key ~ '_change_percent$' AND a.value - c.signed <> 0
),
computed AS (
    SELECT *, round(change / (amount - change) * 100, 2) AS expected FROM triple
)
SELECT format('%s %s %s%s', section, label, direction, percent_printed) AS place,
       percent AS left_value, expected AS right_value, 1 AS terms, source_line,
       format('the stated percent vs change %s / previous year %s × 100', change, amount - change) AS message
FROM computed
WHERE percent <> expected
ORDER BY row_no;
