-- Income by functional code and source (Shanghai 部门收入预算总表, the 决算's 收入决算表), row for row:
-- the code split back over 类 | 款 | 项, each source column pivoted back from budget.funding_amount.
-- @view final_accounts.f02_income table_no=收入决算表 title=收入决算表（万元）
-- @view shanghai.s02_income table_no=部门收入预算总表 title=部门收入预算总表（元）
CREATE OR REPLACE VIEW {view} AS
SELECT f.department, f.fiscal_year, f.report_id, f.row_no, f.code_class, f.code_section, f.code_item, f.name, f.total,
       a.fiscal_subtotal AS fiscal, a.superior_subsidy, a.business_income, a.business_operation_income,
       a.subordinate_income, a.other_income, f.functional_code, f.source_line, f.report_key
FROM appendix.coded_lines f
LEFT JOIN appendix.funding_columns a ON a.report_id = f.report_id AND a.table_no = f.table_no AND a.row_no = f.row_no
WHERE f.table_no = {table_no};

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
