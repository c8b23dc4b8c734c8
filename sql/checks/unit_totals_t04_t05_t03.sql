-- 表4's unit total = 表3 基本支出 and 表5's unit total = 表3 项目支出 (the department's total), all
-- from appendix.table_totals; a side without its row is `not checked` (terms NULL), never a silent pass.
WITH pair (pair_no, table_no, kind, header) AS (VALUES
    (1, '4', 'basic_expenditure', '基本支出'),
    (2, '5', 'project_expenditure', '项目支出')
),
side AS (
    SELECT p.*, l.amount AS left_value, l.source_line, r.amount AS right_value
    FROM pair p
    LEFT JOIN appendix.table_totals l ON l.report_id = %(report_id)s AND l.kind = p.kind AND l.header = '总计'
    LEFT JOIN appendix.table_totals r
      ON r.report_id = %(report_id)s AND r.kind = 'expenditure_by_unit' AND r.header = p.header
)
SELECT format('表%s 总计 / 表3 %s', table_no, header) AS place, left_value, right_value,
       CASE WHEN left_value IS NOT NULL AND right_value IS NOT NULL THEN 1 END AS terms, source_line,
       CASE WHEN left_value IS NULL THEN format('not checked: 表%s prints no unit row', table_no)
            WHEN right_value IS NULL THEN 'not checked: 表3 prints no department total'
            ELSE format('%s printed in 表%s and in 表3', header, table_no) END AS message
FROM side
WHERE left_value IS DISTINCT FROM right_value
ORDER BY pair_no;
