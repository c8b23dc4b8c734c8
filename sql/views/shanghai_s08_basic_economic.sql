-- Shanghai 部门一般公共预算基本支出部门预算经济分类预算表, row for row as printed:
-- 经济分类科目编码 类 | 款 | 名称 | 合计 | 人员经费 | 公用经费 (类 and 款 from the stored code: 301⇥2 is 30102).
CREATE OR REPLACE VIEW shanghai.s08_basic_economic AS
SELECT r.department, r.fiscal_year, r.report_id, i.row_no,
       left(i.economic_code, 3) AS economic_class,
       nullif(substr(i.economic_code, 4), '') AS economic_section,
       i.item_name,
       i.total,
       i.personnel_expenses,
       i.public_expenses,
       i.source_line,
       r.report_key
FROM appendix.reports r
JOIN appendix.report_tables k ON k.report_id = r.report_id AND k.kind = 'basic_expenditure'
JOIN budget.basic_expenditure_item i ON i.report_id = r.report_id AND i.table_no = k.table_no
WHERE r.template = 'shanghai_budget';

COMMENT ON VIEW shanghai.s08_basic_economic IS '部门一般公共预算基本支出部门预算经济分类预算表（元）';
COMMENT ON COLUMN shanghai.s08_basic_economic.economic_class IS '部门预算经济分类科目编码 类';
COMMENT ON COLUMN shanghai.s08_basic_economic.economic_section IS '部门预算经济分类科目编码 款';
COMMENT ON COLUMN shanghai.s08_basic_economic.item_name IS '经济分类科目名称';
COMMENT ON COLUMN shanghai.s08_basic_economic.total IS '一般公共预算基本支出 合计';
COMMENT ON COLUMN shanghai.s08_basic_economic.personnel_expenses IS '一般公共预算基本支出 人员经费';
COMMENT ON COLUMN shanghai.s08_basic_economic.public_expenses IS '一般公共预算基本支出 公用经费';
COMMENT ON COLUMN shanghai.s08_basic_economic.source_line IS '（派生）文本文件中的行号';
