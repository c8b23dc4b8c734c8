-- Each 表15 project with the rows of 表13, 表5, 表11 and 表10 that reference the same project
-- (budget.project), and how each row's printed name matched it.
CREATE OR REPLACE VIEW appendix.project_links AS
WITH linked AS (
    SELECT report_id, project_no, '13' AS linked_table, row_no, project_name AS name, total AS amount,
           project_match, project_match_score
    FROM budget.performance_project
    UNION ALL
    SELECT report_id, project_no, '5', row_no, item_name, total, project_match, project_match_score
    FROM budget.project_expenditure_item WHERE row_kind = 'project'
    UNION ALL
    SELECT report_id, project_no, '11', row_no, project_name, actual_amount, project_match, project_match_score
    FROM budget.procurement_item
    UNION ALL
    SELECT report_id, project_no, '10', row_no, project_name, amount, project_match, project_match_score
    FROM budget.transfer_payment WHERE project_name IS NOT NULL
)
SELECT r.department, r.fiscal_year, r.report_id,
       p.table_no,
       l.linked_table,
       -- partitioned by r.report_id, the output column: a filter on report_id passes the window
       row_number() OVER (PARTITION BY r.report_id, p.table_no, l.linked_table ORDER BY l.row_no) AS link_no,
       l.row_no AS linked_row_no,
       l.name AS linked_name,
       CASE l.project_match WHEN 'named' THEN 'exact' ELSE l.project_match END AS method,
       coalesce(l.project_match_score, 1) AS score,
       p.total AS project_amount,
       l.amount AS linked_amount,
       r.report_key
FROM appendix.reports r
JOIN budget.performance_target_project p ON p.report_id = r.report_id
JOIN linked l ON l.report_id = p.report_id AND l.project_no = p.project_no;

COMMENT ON VIEW appendix.project_links IS '项目对应：表15 各项目在表13、表5、表11、表10 中的行';
COMMENT ON COLUMN appendix.project_links.table_no IS '表号（表15-N）';
COMMENT ON COLUMN appendix.project_links.linked_table IS '对应的表（13 / 5 / 11 / 10）';
COMMENT ON COLUMN appendix.project_links.method IS '（派生）名称对应方式：exact / normalized / via_13 / similar';
