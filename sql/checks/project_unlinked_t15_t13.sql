-- 表15-N projects that no 表13 line names, not even similarly: 表13 should list every project
-- that has performance targets.
SELECT format('表%s %s', t.table_no, t.project_name) AS place,
       t.total AS left_value,
       NULL::numeric AS right_value,
       0 AS terms,
       t.source_line,
       format('表%s names a project that no 表13 line names', t.table_no) AS message
FROM budget.performance_target_project t
WHERE t.report_id = %(report_id)s
  AND NOT EXISTS (SELECT FROM budget.performance_project p
                  WHERE p.report_id = %(report_id)s AND p.project_no = t.project_no)
ORDER BY t.row_no;
