-- 表15-N projects linked to their 表13 line only by a similar name (not equal even after width,
-- punctuation and spaces are ignored): worth a look, with both names.
SELECT t.report_id,
       format('表%s %s / 表13 %s', t.table_no, t.project_name, l.linked_name) AS place,
       t.total AS left_value,
       l.linked_amount AS right_value,
       t.total - l.linked_amount AS difference,
       0 AS terms,
       t.source_line,
       format('linked by similarity %s: 表%s prints %s, 表13 prints %s', l.score, t.table_no, t.project_name,
              l.linked_name) AS message
FROM budget.project_link l
JOIN budget.performance_target_project t ON t.report_id = l.report_id AND t.table_no = l.table_no
WHERE l.linked_table = '13' AND l.method = 'similar'
ORDER BY t.report_id, t.row_no, l.link_no;
