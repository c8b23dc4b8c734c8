-- The unit total of the functional tables (表7, with 表8 and 表9 when they have rows:
-- appendix.functional_lines) = 表3's department total in 支出总计, 基本支出 and 项目支出. When a
-- functional table prints no unit row the rule says `not checked` (terms NULL), never a silent pass.
WITH without_unit_row AS (
    SELECT table_no FROM budget.functional_expenditure
    WHERE report_id = %(report_id)s
    GROUP BY table_no
    HAVING count(*) FILTER (WHERE functional_code IS NULL) = 0
),
unit_total AS (
    SELECT tables, terms::int AS terms, source_line, total, basic_expenditure, project_expenditure
    FROM appendix.functional_lines
    WHERE report_id = %(report_id)s AND functional_code IS NULL AND NOT EXISTS (SELECT FROM without_unit_row)
)
SELECT format('表%s %s / 表3 %s', f.tables, v.header, v.header) AS place,
       v.amount AS left_value,
       e.amount AS right_value,
       f.terms,
       f.source_line,
       format('%s printed in 表%s and in 表3', v.header, f.tables) AS message
FROM unit_total f
CROSS JOIN LATERAL (VALUES (1, '支出总计', f.total), (2, '基本支出', f.basic_expenditure),
                           (3, '项目支出', f.project_expenditure)) AS v (column_no, header, amount)
JOIN appendix.table_totals e ON e.report_id = %(report_id)s AND e.kind = 'expenditure_by_unit' AND e.header = v.header
WHERE v.amount <> e.amount
UNION ALL
SELECT format('表%s / 表3', table_no), NULL, NULL, NULL, NULL, format('not checked: 表%s prints no unit row', table_no)
FROM without_unit_row
ORDER BY 1;
