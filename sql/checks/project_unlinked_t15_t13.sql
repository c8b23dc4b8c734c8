-- 表15-N projects that found no 表13 line, not even by a similar name: 表13 should list every
-- project that has performance targets.
SELECT t.report_id,
       format('表%s %s', t.table_no, t.project_name) AS place,
       t.total AS left_value,
       NULL::numeric AS right_value,
       NULL::numeric AS difference,
       0 AS terms,
       t.source_line,
       format('表%s names a project that no 表13 line names', t.table_no) AS message
FROM budget.project_link l
JOIN budget.performance_target_project t ON t.report_id = l.report_id AND t.table_no = l.table_no
WHERE l.linked_table = '13' AND l.method = 'unlinked'
ORDER BY t.report_id, t.row_no;
