-- Each 表15-N project's 资金总额 = the 合计 of the 表13 line it is linked to (budget.project_link;
-- project_link_similar lists the links made by similar names, project_unlinked_t15_t13 those
-- that found no line).
SELECT t.report_id,
       format('表%s %s / 表13 %s', t.table_no, t.project_name, p.project_name) AS place,
       coalesce(t.total, 0) AS left_value,
       coalesce(p.total, 0) AS right_value,
       coalesce(t.total, 0) - coalesce(p.total, 0) AS difference,
       1 AS terms,
       t.source_line,
       format('资金总额 vs 合计 (linked by %s name)', l.method) AS message
FROM budget.project_link l
JOIN budget.performance_target_project t ON t.report_id = l.report_id AND t.table_no = l.table_no
JOIN budget.performance_project p ON p.report_id = l.report_id AND p.row_no = l.linked_row_no
WHERE l.linked_table = '13' AND coalesce(t.total, 0) <> coalesce(p.total, 0)
ORDER BY t.report_id, t.row_no, l.link_no;
