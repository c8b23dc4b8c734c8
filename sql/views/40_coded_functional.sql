-- Functional tables printed with the code over 类 | 款 | 项 columns (Shanghai budget, 部门决算), row
-- for row: the one stored code (2010507) split back as printed; the 合计 row where it is printed.
-- @view final_accounts.f03_expenditure table_no=支出决算表 title=支出决算表（万元）
-- @view final_accounts.f05_general_budget_expenditure table_no=一般公共预算财政拨款支出决算表 title=一般公共预算财政拨款支出决算表（万元）
-- @view final_accounts.f08_gov_fund table_no=政府性基金预算财政拨款收入支出决算表 title=政府性基金预算财政拨款收入支出决算表（万元，本年支出）
-- @view final_accounts.f09_state_capital table_no=国有资本经营预算财政拨款收入支出决算表 title=国有资本经营预算财政拨款收入支出决算表（万元，本年支出）
-- @view shanghai.s03_expenditure table_no=部门支出预算总表 title=部门支出预算总表（元）
-- @view shanghai.s05_general_budget table_no=部门一般公共预算支出功能分类预算表 title=部门一般公共预算支出功能分类预算表（元）
-- @view shanghai.s06_gov_fund table_no=部门政府性基金预算支出功能分类预算表 title=部门政府性基金预算支出功能分类预算表（元）
-- @view shanghai.s07_state_capital table_no=部门国有资本经营预算支出功能分类预算表 title=部门国有资本经营预算支出功能分类预算表（元）
CREATE OR REPLACE VIEW {view} AS
SELECT department, fiscal_year, report_id, row_no, code_class, code_section, code_item, name,
       total, basic_expenditure, project_expenditure, upper_remittance, business_expenditure,
       subsidy_to_subordinate, functional_code, source_line, report_key
FROM appendix.coded_lines
WHERE table_no = {table_no};

COMMENT ON VIEW {view} IS {title};
COMMENT ON COLUMN {view}.code_class IS '功能分类科目编码 类';
COMMENT ON COLUMN {view}.code_section IS '功能分类科目编码 款';
COMMENT ON COLUMN {view}.code_item IS '功能分类科目编码 项';
COMMENT ON COLUMN {view}.name IS '科目名称（合计行：合计）';
COMMENT ON COLUMN {view}.total IS '合计（本年支出合计）';
COMMENT ON COLUMN {view}.basic_expenditure IS '基本支出';
COMMENT ON COLUMN {view}.project_expenditure IS '项目支出';
COMMENT ON COLUMN {view}.upper_remittance IS '上缴上级支出（决算）';
COMMENT ON COLUMN {view}.business_expenditure IS '经营支出（决算）';
COMMENT ON COLUMN {view}.subsidy_to_subordinate IS '对附属单位补助支出（决算）';
COMMENT ON COLUMN {view}.functional_code IS '（派生）功能分类科目编码（一个编码）';
COMMENT ON COLUMN {view}.source_line IS '（派生）文本文件中的行号';
