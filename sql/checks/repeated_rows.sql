-- Any table: a data row printed twice (after a page break that repeats it, or a project row on two
-- lines) is read once; each repeat is named here with the line it repeats (budget.repeated_row).
SELECT format('表%s 第%s行', table_no, source_line) AS place, NULL::numeric AS left_value, NULL::numeric AS right_value,
       0 AS terms, source_line,
       format('row printed twice: line %s repeats line %s (read once)', source_line, first_line) AS message
FROM budget.repeated_row
WHERE report_id = %(report_id)s
ORDER BY source_line;
