-- The 合计 of all 表13 projects add up to 表5's unit total.
WITH performance AS (
    SELECT sum(coalesce(total, 0)) AS total_sum, count(*) AS projects, min(source_line) AS source_line
    FROM budget.performance_project
    WHERE report_id = %(report_id)s
    HAVING count(*) > 0
)
SELECT '表13 合计 / 表5 总计' AS place,
       p.total_sum AS left_value,
       coalesce(t.total, 0) AS right_value,
       p.projects AS terms,
       p.source_line,
       format('the sum of the %s 表13 projects vs 表5''s unit total', p.projects) AS message
FROM performance p
JOIN budget.project_expenditure_item t ON t.report_id = %(report_id)s AND t.row_kind = 'unit' AND t.row_no = 1
WHERE p.total_sum <> coalesce(t.total, 0);
