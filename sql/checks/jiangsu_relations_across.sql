-- Jiangsu: the relations of kind 'across' in jiangsu.relations whose two sides differ (or cannot be compared).
SELECT place, left_value, right_value, terms, source_line,
       CASE WHEN terms IS NULL THEN 'a row this compares is not printed' ELSE 'the two sides differ' END AS message
FROM jiangsu.relations
WHERE report_id = %(report_id)s AND relation_kind = 'across'
  AND (left_value IS DISTINCT FROM right_value)
ORDER BY source_line, place
