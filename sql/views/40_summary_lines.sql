-- Two-sided summaries of the Shanghai budget and the 部门决算, row for row: income and expenditure
-- side by side, and on the 财政拨款 tables the expenditure by fund (一般公共预算 / 政府性基金 / 国有资本经营).
-- @view final_accounts.f01_summary table_no=收入支出决算总表 title=收入支出决算总表（万元，决算数）
-- @view final_accounts.f04_fiscal_summary table_no=财政拨款收入支出决算总表 title=财政拨款收入支出决算总表（万元，决算数）
-- @view shanghai.s01_summary table_no=部门财务收支预算总表 title=部门财务收支预算总表（元，预算数）
-- @view shanghai.s04_fiscal_summary table_no=部门财政拨款收支预算总表 title=部门财政拨款收支预算总表（元，预算数）
CREATE OR REPLACE VIEW {view} AS
SELECT r.department, r.fiscal_year, r.report_id, t.row_no,
       t.income_item,
       t.income_amount,
       t.expenditure_item,
       t.expenditure_amount,
       fund.general_public_subtotal AS general_public, fund.government_fund, fund.state_capital,
       r.report_key
FROM appendix.reports r
JOIN appendix.two_sided_rows t ON t.report_id = r.report_id AND t.table_no = {table_no}
LEFT JOIN appendix.funding_columns fund
  ON fund.report_id = t.report_id AND fund.table_no = t.table_no AND fund.row_no = t.row_no;

COMMENT ON VIEW {view} IS {title};
COMMENT ON COLUMN {view}.income_item IS '收入 项目';
COMMENT ON COLUMN {view}.income_amount IS '收入 金额（决算数 / 预算数）';
COMMENT ON COLUMN {view}.expenditure_item IS '支出 项目';
COMMENT ON COLUMN {view}.expenditure_amount IS '支出 金额（合计）';
COMMENT ON COLUMN {view}.general_public IS '支出 一般公共预算（财政拨款总表）';
COMMENT ON COLUMN {view}.government_fund IS '支出 政府性基金预算（财政拨款总表）';
COMMENT ON COLUMN {view}.state_capital IS '支出 国有资本经营预算（财政拨款总表）';
