-- 第三部分 lists the projects with their amounts: each equals the 表5 line of the same name
-- (compared without whitespace and with ASCII brackets); a name that 表5 does not print is
-- reported with no right value.
WITH item AS (
    SELECT row_no, label, value, source_line,
           translate(regexp_replace(label, '\s', '', 'g'), '（）', '()') AS name_key
    FROM budget.narrative_fact
    WHERE report_id = %(report_id)s AND fact_key = 'project_item'
),
matched AS (
    SELECT i.*, p.item_name, p.amount
    FROM item i
    LEFT JOIN LATERAL (
        SELECT e.item_name, coalesce(e.total, 0) AS amount
        FROM budget.project_expenditure_item e
        WHERE e.report_id = %(report_id)s AND e.row_kind <> 'unit'
          AND translate(regexp_replace(e.item_name, '\s', '', 'g'), '（）', '()') = i.name_key
        ORDER BY coalesce(e.total, 0) = i.value DESC, e.row_no
        LIMIT 1
    ) p ON true
)
SELECT format('第三部分 %s / 表5 %s', label, coalesce(item_name, '(no line)')) AS place,
       value AS left_value,
       amount AS right_value,
       1 AS terms,
       source_line,
       CASE WHEN item_name IS NULL THEN format('表5 prints no line named %s', label)
            ELSE 'a project amount stated in the narrative vs 表5' END AS message
FROM matched
WHERE item_name IS NULL OR value <> amount
ORDER BY row_no;
