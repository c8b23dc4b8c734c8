-- 表1 and 表6 print, above 本年支出合计, the same functional lines as the coded rows of 表7 (with
-- 表8 and 表9 added by code when they have rows: appendix.functional_lines), in code order: each line's name and amount equal those of the 表7 row in its place. Names are
-- compared without whitespace and with ASCII brackets; a name mismatch allows no rounding.
WITH line AS NOT MATERIALIZED (
    SELECT table_no, side, row_no, label, amount, source_line, regexp_replace(coalesce(label, ''), '\s', '', 'g') AS key
    FROM budget.two_sided_summary_line
    WHERE report_id = %(report_id)s
),
functional_line AS (
    SELECT l.table_no, l.label, coalesce(l.amount, 0) AS amount, l.source_line,
           translate(l.key, '（）', '()') AS name_key,
           row_number() OVER (PARTITION BY l.table_no ORDER BY l.row_no) AS ordinal
    FROM line l
    JOIN line total ON total.table_no = l.table_no AND total.side = 'expenditure' AND total.key = '本年支出合计'
    WHERE l.side = 'expenditure' AND l.row_no < total.row_no AND l.label IS NOT NULL
),
coded AS NOT MATERIALIZED (  -- 表7 + 表8 + 表9 by code
    SELECT functional_code, functional_name, total AS amount, source_line, tables, terms,
           translate(regexp_replace(coalesce(functional_name, ''), '\s', '', 'g'), '（）', '()') AS name_key, ordinal
    FROM appendix.functional_lines
    WHERE report_id = %(report_id)s AND functional_code IS NOT NULL
),
paired AS (  -- for 表1 and 表6 each, its lines and 表7's rows side by side
    SELECT s.table_no, x.*
    FROM (SELECT DISTINCT table_no FROM line) s
    CROSS JOIN LATERAL (
        SELECT f.label, f.amount AS line_amount, f.name_key AS line_key, f.source_line AS line_source,
               k.functional_code, k.functional_name, k.amount AS coded_amount, k.name_key AS coded_key,
               k.source_line AS coded_source, k.tables, k.terms, coalesce(f.ordinal, k.ordinal) AS ordinal
        FROM (SELECT * FROM functional_line WHERE table_no = s.table_no) f
        FULL JOIN coded k ON k.ordinal = f.ordinal
    ) x
)
SELECT format('表%s %s / 表%s %s', table_no, coalesce(label, '(no line)'), coalesce(tables, '7'),
              coalesce(functional_code || ' ' || functional_name, '(no row)')) AS place,
       line_amount AS left_value,
       coded_amount AS right_value,
       CASE WHEN line_key = coded_key THEN terms ELSE 0 END AS terms,
       coalesce(line_source, coded_source) AS source_line,
       CASE WHEN label IS NULL THEN format('表%s row %s has no line in 表%s', tables, ordinal, table_no)
            WHEN functional_code IS NULL THEN format('表%s line %s has no 表7 row', table_no, ordinal)
            WHEN line_key <> coded_key THEN format('表%s line %s is named %s, 表%s prints %s there',
                                                   table_no, ordinal, label, tables, functional_name)
            ELSE format('表%s amount vs 表%s 支出总计', table_no, tables) END AS message
FROM paired
WHERE label IS NULL OR functional_code IS NULL OR line_key <> coded_key OR line_amount <> coded_amount
ORDER BY table_no, ordinal;
