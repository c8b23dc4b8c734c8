-- The lines of the two-sided summaries with 本年合计 and 总计 (Shanghai budget, 部门决算), each with
-- its role: an item (一、… numbered), 本年合计, 总计, or a line between them (结转结余, 结余分配); the
-- rules on these tables read it. An empty amount counts as 0.
CREATE OR REPLACE VIEW appendix.summary_items AS
WITH line AS NOT MATERIALIZED (
    SELECT l.report_id, l.table_no, l.side, l.row_no, l.label, coalesce(l.amount, 0) AS amount, l.source_line,
           regexp_replace(coalesce(l.label, ''), '\s', '', 'g') AS key, t.template, t.report_key
    FROM budget.two_sided_summary_line l
    JOIN appendix.report_tables t ON t.report_id = l.report_id AND t.table_no = l.table_no
    WHERE t.kind = 'two_sided_totals' AND l.label IS NOT NULL
),
mark AS NOT MATERIALIZED (
    SELECT report_id, table_no, side,
           min(row_no) FILTER (WHERE key ~ '^本年(收入|支出)合计$') AS year_row,
           min(row_no) FILTER (WHERE key ~ '^(收入|支出)?总计$') AS total_row
    FROM line GROUP BY report_id, table_no, side
)
SELECT l.report_id, l.table_no, l.side, l.row_no, l.label, l.amount, l.source_line, l.template, l.report_key,
       CASE WHEN l.row_no = m.total_row THEN 'total'
            WHEN l.row_no = m.year_row THEN 'year_total'
            WHEN l.row_no < coalesce(m.year_row, m.total_row) AND l.key ~ '^[一二三四五六七八九十]+、' THEN 'item'
            WHEN l.row_no > m.year_row AND l.row_no < m.total_row AND l.key !~ '^[一二三四五六七八九十]+、'
                THEN 'balance'
       END AS role,
       regexp_replace(l.key, '^[一二三四五六七八九十]+、', '') AS name
FROM line l JOIN mark m USING (report_id, table_no, side);

COMMENT ON VIEW appendix.summary_items IS '收支总表各行的作用：项目、本年合计、结转结余、总计（上海预算、部门决算）';
COMMENT ON COLUMN appendix.summary_items.role IS '（派生）item 项目 / year_total 本年合计 / balance 结转结余等 / total 总计';
COMMENT ON COLUMN appendix.summary_items.name IS '（派生）项目名称，去掉序号';
