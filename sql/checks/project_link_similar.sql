-- 表15-N projects that a 表13 line names only similarly (not equal even after width, punctuation
-- and spaces are ignored): worth a look, with both names.
SELECT format('表%s %s / 表%s %s', t.table_no, t.project_name, p.table_no, p.project_name) AS place,
       t.total AS left_value,
       p.total AS right_value,
       0 AS terms,
       t.source_line,
       format('linked by similarity %s: 表%s prints %s, 表%s prints %s', p.project_match_score, t.table_no,
              t.project_name, p.table_no, p.project_name) AS message
FROM budget.performance_target_project t
JOIN budget.performance_project p ON p.report_id = %(report_id)s AND p.project_no = t.project_no
WHERE t.report_id = %(report_id)s AND p.project_match = 'similar'
ORDER BY t.row_no, p.row_no;
