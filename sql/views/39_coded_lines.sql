-- The lines of the functional tables of current reports with the one stored code (2010507) split
-- back over 类 | 款 | 项 as the Shanghai budget and the 部门决算 print it; the views of those tables read it.
CREATE OR REPLACE VIEW appendix.coded_lines AS
SELECT r.department, r.fiscal_year, r.report_id, f.table_no, f.row_no,
       left(f.functional_code, 3) AS code_class,
       nullif(substr(f.functional_code, 4, 2), '') AS code_section,
       nullif(substr(f.functional_code, 6, 2), '') AS code_item,
       coalesce(f.functional_name, f.budget_unit) AS name,
       f.total, f.basic_expenditure, f.project_expenditure,
       f.upper_remittance, f.business_expenditure, f.subsidy_to_subordinate,
       f.functional_code, f.source_line, r.report_key
FROM appendix.reports r
JOIN budget.functional_expenditure f ON f.report_id = r.report_id;

COMMENT ON VIEW appendix.coded_lines IS '功能分类各表的行，编码按 类 / 款 / 项 分列（上海预算、部门决算的印刷方式）';
