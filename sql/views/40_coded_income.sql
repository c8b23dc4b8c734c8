-- Income by functional code and source (Shanghai 部门收入预算总表, the 决算's 收入决算表), row for row:
-- the code split back over 类 | 款 | 项, each source column pivoted back from budget.funding_amount.
-- @view final_accounts.f02_income table_no=收入决算表 title=收入决算表（万元）
-- @view shanghai.s02_income table_no=部门收入预算总表 title=部门收入预算总表（元）
CREATE OR REPLACE VIEW {view} AS
SELECT r.department, r.fiscal_year, r.report_id, f.row_no,
       left(f.functional_code, 3) AS code_class,
       nullif(substr(f.functional_code, 4, 2), '') AS code_section,
       nullif(substr(f.functional_code, 6, 2), '') AS code_item,
       coalesce(f.functional_name, f.budget_unit) AS name,
       f.total,
       max(a.amount) FILTER (WHERE a.source_code = 'fiscal') AS fiscal,
       max(a.amount) FILTER (WHERE a.source_code = 'superior_subsidy') AS superior_subsidy,
       max(a.amount) FILTER (WHERE a.source_code = 'business_income') AS business_income,
       max(a.amount) FILTER (WHERE a.source_code = 'business_operation_income') AS business_operation_income,
       max(a.amount) FILTER (WHERE a.source_code = 'subordinate_income') AS subordinate_income,
       max(a.amount) FILTER (WHERE a.source_code = 'other_income') AS other_income,
       f.functional_code, f.source_line, r.report_key
FROM appendix.reports r
JOIN budget.functional_expenditure f ON f.report_id = r.report_id AND f.table_no = {table_no}
LEFT JOIN budget.funding_amount a ON a.report_id = f.report_id AND a.table_no = f.table_no AND a.row_no = f.row_no
GROUP BY r.department, r.fiscal_year, r.report_id, f.row_no, f.functional_code, f.functional_name, f.budget_unit,
         f.total, f.source_line, r.report_key;

COMMENT ON VIEW {view} IS {title};
COMMENT ON COLUMN {view}.code_class IS '功能分类科目编码 类';
COMMENT ON COLUMN {view}.code_section IS '功能分类科目编码 款';
COMMENT ON COLUMN {view}.code_item IS '功能分类科目编码 项';
COMMENT ON COLUMN {view}.name IS '科目名称（合计行：合计）';
COMMENT ON COLUMN {view}.total IS '合计（本年收入合计）';
COMMENT ON COLUMN {view}.fiscal IS '财政拨款收入';
COMMENT ON COLUMN {view}.superior_subsidy IS '上级补助收入（决算）';
COMMENT ON COLUMN {view}.business_income IS '事业收入';
COMMENT ON COLUMN {view}.business_operation_income IS '（事业单位）经营收入';
COMMENT ON COLUMN {view}.subordinate_income IS '附属单位上缴收入（决算）';
COMMENT ON COLUMN {view}.other_income IS '其他收入';
COMMENT ON COLUMN {view}.functional_code IS '（派生）功能分类科目编码（一个编码）';
COMMENT ON COLUMN {view}.source_line IS '（派生）文本文件中的行号';
