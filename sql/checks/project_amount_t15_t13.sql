-- Each 表15-N project's 资金总额 = the 合计 of the 表13 line of the same project (project_no;
-- project_link_similar lists the lines matched by similar names, project_unlinked_t15_t13 the
-- projects that no line names).
SELECT format('表%s %s / 表%s %s', t.table_no, t.project_name, p.table_no, p.project_name) AS place,
       coalesce(t.total, 0) AS left_value,
       coalesce(p.total, 0) AS right_value,
       1 AS terms,
       t.source_line,
       format('资金总额 vs 合计 (linked by %s name)',
              CASE p.project_match WHEN 'named' THEN 'exact' ELSE p.project_match END) AS message
FROM budget.performance_target_project t
JOIN budget.performance_project p ON p.report_id = %(report_id)s AND p.project_no = t.project_no
WHERE t.report_id = %(report_id)s AND coalesce(t.total, 0) <> coalesce(p.total, 0)
ORDER BY t.row_no, p.row_no;
